/**
 * Broad, meaning-level readings used only when no specific detector found anything in the
 * sentence (see `Detector.fallback`). Each one looks for the idea of a standard — a local party
 * favoured, a provider chosen by the government, a gate before doing business, money for a
 * chosen firm, a charge laid on operators — with loose word order, so that wording no specific
 * rule anticipates is still put in front of a reviewer. They report at medium confidence and
 * the central mitigation policy (cited law, open competition, safeguards) applies as usual.
 */
import { LOCAL, gap, sgap } from '../lexicon';
import { levyVerdict } from './costs';
import { classifyLocal } from './free-flow';
import { classifyApproval, designation } from './market-entry';
import { type Detector, rx, verdict } from './types';

const LOCAL_RE = new RegExp(LOCAL);

/** Verbs that put a duty on the local party rather than favour it ("应当加强对本区企业的服务"). */
const DUTY_OR_SUPPORT = /加强|支持|鼓励|服务|帮助|指导|监管|检查|培育|引导|推动|做好|落实|督促|依法|遵守|按照|依照|对|为|向/;

/** "应当主要吸纳本地劳务合作社": a local party preferred by a verb no specific rule lists. */
const localFavour: Detector = {
  id: 'FB.local-favour',
  fallback: true,
  pattern: rx(
    '(?:须|必须|应当|只能|仅|优先|限|原则上|一律|统一|主要)',
    gap(10),
    LOCAL,
    gap(8),
    '(?:企业|公司|产品|商品|供应商|商户|厂家|单位|机构|服务商|品牌|劳动者|人员|农产品|合作社|银行|金融机构|施工队伍|团队|农户|车辆|生产)',
  ),
  judge: (m, ctx) => {
    const lead = m[0].slice(0, m[0].search(LOCAL_RE));
    if (DUTY_OR_SUPPORT.test(lead)) return null;
    if (ctx.hasFor('consumer', m) && !/招聘|招用|录用|用工|员工/.test(ctx.text)) return null;
    return classifyLocal(ctx, 'local-favour', m);
  },
};

/** Objects a government may lawfully fix: "按区住建局确定的标准执行" designates no provider. */
const NOT_A_PROVIDER = /标准|规范|要求|范围|时间|程序|方案|计划|办法|条件|价|比例|期限|地点|路线|方式|流程|数量|任务|指标|规划|名单|目录|清单|信息|结果|意见|口径|数据/;

/** "须接入区大数据局确定的平台": buyers tied to a provider the government picked. */
const chosenByGovernment: Detector = {
  id: 'FB.chosen-by-government',
  fallback: true,
  pattern: rx(
    '(?:须|必须|应当|只能|统一|一律|限定|仅)',
    gap(16),
    '(?:局|委|办|政府|中心|街道|管委会|协会|集团|公司)',
    gap(3),
    '(?:确定|认定|推荐|指定|遴选|公布|定点|授权|备案|核准|选定|中标|合作|签约|发布)的',
    gap(10),
  ),
  judge: (m, ctx) => {
    const end = m.index - ctx.sentence.start + m[0].length;
    const object = ctx.text.slice(end - 4, end + 10);
    if (NOT_A_PROVIDER.test(object) || /政务|国库|财政|税务|公共资源交易|全国|国家|省级/.test(ctx.text)) return null;
    return designation('限定经营者或消费者使用行政机关选定的经营者提供的商品或服务')(m, ctx);
  },
};

/** "应当经街道同意", "须报镇政府核准": a consent step before doing business. */
const consentStep: Detector = {
  id: 'FB.consent-step',
  fallback: true,
  pattern: rx('(?:须|应当|必须|需)', gap(20), '(?:审批|批准|核准|同意|认可|许可|审定)'),
  judge: (m, ctx) => {
    if (!/经营|营业|开业|开办|开设|设立|从事|承接|运营|投放|招生|上架|销售/.test(ctx.text)) return null;
    // Grant administration read where it governs the consent step, as in classifyApproval.
    if (/补贴|补助|奖励|扶持|资金|申报|项目库|预算|规划许可|施工许可|征得[^，。；]{0,6}(?:业主|权利人|居民|当事人)/.test(ctx.scopeOf(m))) return null;
    return classifyApproval(ctx, 'medium', m);
  },
};

const SPECIFIC_FIRM =
  /(?:区|县|市|镇)属|国有(?:企业|公司|集团|平台)|国企|[\u4e00-\u9fa5]{2,8}(?:集团|有限公司)|唯一|(?:确定|认定|指定|选定)的|[一二三四五六七八九十两\d]家/;

/** "区财政每年安排区文旅集团运营经费": money for a firm the text picks out. */
const moneyForChosenFirm: Detector = {
  id: 'FB.money-for-chosen-firm',
  fallback: true,
  pattern: rx('(?:给予|安排|拨付|补助|补贴|奖励|资助|扶持|注资|兜底)'),
  judge: (_m, ctx) => {
    if (!ctx.has('subsidy') && !/经费|注资|兜底/.test(ctx.text)) return null;
    if (!SPECIFIC_FIRM.test(ctx.text) || /薪酬|考核|负责人|工资|不限|不区分|符合条件的|均可|各类/.test(ctx.text)) return null;
    if (/税|电价|水价|气价|用电|用水|用地|地价|租金|社会保险|公积金|收费/.test(ctx.text)) return null;
    return verdict('FCR-C2', 'medium', '对行政机关选定的特定企业给予财政资金支持，属于选择性的财政奖励或补贴');
  },
};

/** "各商户须按季度向市场管理方交纳卫生保洁分摊款": a charge the measure lays on operators. */
const chargeOnOperators: Detector = {
  id: 'FB.charge-on-operators',
  fallback: true,
  pattern: rx(
    '(?:须|必须|应当|要求|一律)',
    sgap(30),
    '(?:缴纳|上缴|交纳|缴交|认缴|分摊|承担|捐赠|捐款|赞助|摊派)',
    gap(12),
    '(?:[\\u4e00-\\u9fa5]{0,6}(?<![消经花免浪耗])费|基金|[\\u4e00-\\u9fa5]{0,4}款|资金|经费)',
  ),
  judge: (m, ctx) => (/企业|经营者|商户|单位|机构|门店|酒店|景区|公司/.test(ctx.text) ? levyVerdict(ctx, m) : null),
};

export const fallbackDetectors: readonly Detector[] = [localFavour, chosenByGovernment, consentStep, moneyForChosenFirm, chargeOnOperators];
