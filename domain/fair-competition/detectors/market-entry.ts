/**
 * 条例第八条 — restrictions on market entry and exit (FCR-A1 … FCR-A5).
 */
import type { SentenceContext } from '../context';
import { LOCAL, MUST, OPERATOR, OUTSIDE, gap, sgap } from '../lexicon';
import { type Detector, type Verdict, rx, verdict } from './types';

const LOCAL_RE = new RegExp(LOCAL);
const LOCAL_JUST_BEFORE = new RegExp(`${LOCAL}${gap(8)}$`);
const OUTWARD = /(?:到|赴|去|向|调往|迁往|流向|前往|调至)(?:外地|区外|县外|市外|外省|省外|境外|其他地区)|跨(?:区域|地区|省|市|县)/;
const PEOPLE_OR_FACTOR = /人员|人才|员工|职工|劳动力|技术|资金|数据|成果/;
// Approving a subsidy application is grant administration, not a market-entry step.
const GRANT_ADMIN = /补贴|补助|奖励|扶持|专项资金|资金支持|奖补|贴息|资助|资金|拨付|申报项目/;
const OUTSIDE_PARTY = /外地|外省|区外|县外|市外|非本(?:地|区|市|县)|进口/;
const GOODS_WORD = /产品|商品|食品|药品|建材|材料|器材|设备|货物|农产品/;
const OPERATOR_OR_BUSINESS = new RegExp(`${OPERATOR}|经营|营业|开业|开办|开设|设立|从事|承接|开展|销售|接收客户|接待|招生|会所|场所|个体户|经营户`);

/**
 * An approval, filing or endorsement required before acting. Which standard it touches depends
 * on what is being approved: starting a business (A1), leaving the market (A4), changing how a
 * business is run (D4), expanding elsewhere (B6), or only outsiders being checked (B1/B5).
 */
export function classifyApproval(ctx: SentenceContext, base: Verdict['confidence'], match: RegExpExecArray): Verdict | null {
  // Approval by a people's congress or the State Council is the legislative route, not a new licence.
  if (/人民代表大会|人大|常务委员会|国务院/.test(ctx.text)) return null;
  // The owner's approval of a state firm's restructuring or share transfer is corporate governance.
  if (/国资委|国资监管|国有资产监督管理|出资人/.test(ctx.text) && /区属|县属|市属|国有|国企/.test(ctx.text) && !/经营者|民营|外地|外资/.test(ctx.text)) return null;
  // Steps of the government's own investment projects and budgets are not market entry.
  if (/可行性研究|初步设计|立项|预算|决算|党政机关|政府投资项目/.test(ctx.text) && !/经营|营业|开业/.test(ctx.text)) return null;
  if (/现有[^，。；]{0,10}(?:企业|经营者|经营单位)[^，。；]{0,6}(?:同意|认可|意见|出具)|新进入/.test(ctx.text)) {
    return verdict('FCR-A5', 'medium', '新进入的经营者须经现有经营者同意或另设前置程序，变相限制市场准入');
  }
  if (OUTWARD.test(ctx.text) && PEOPLE_OR_FACTOR.test(ctx.text)) {
    return verdict('FCR-B6', 'medium', '人员、资金、技术等要素流向外地须经批准，限制要素自由流动');
  }
  if (/销往|运往|调往|调出|(?<![户室野])外运(?!动)|外销|运出|输出/.test(ctx.text)) {
    return verdict('FCR-B1', base, '本地商品、资源向外地销售须经批准，阻碍商品输出');
  }
  if (ctx.has('exit')) {
    return verdict('FCR-A4', base, '为经营者注销、迁出、搬迁、转让等退出行为设置审批或同意程序');
  }
  if (ctx.has('conductChange')) {
    if (!OPERATOR_OR_BUSINESS.test(ctx.text)) return null;
    return verdict('FCR-D4', 'medium', '要求经营者调整经营项目、经营方式、营业时间或开展促销等须事先经行政机关批准或同意，干预经营者自主经营');
  }
  if (OUTWARD.test(ctx.text)) {
    return verdict('FCR-B6', 'medium', '本地经营者到外地投资经营须经批准，限制要素和经营活动向外流动');
  }
  if (OUTSIDE_PARTY.test(ctx.text)) {
    if (ctx.has('procurement')) {
      return verdict('FCR-B3', base, '在招标投标、政府采购中对外地经营者另设审查、审批程序');
    }
    if (ctx.has('establishment') && /注册|设立|成立|分支机构|子公司|分公司|独立法人/.test(ctx.text)) {
      return verdict('FCR-B2', base, '以在本地注册、设立分支机构作为外地经营者开展经营的前提');
    }
    return GOODS_WORD.test(ctx.text) || ctx.has('goods')
      ? verdict('FCR-B1', base, '仅对外地或进口商品另设审批、备案程序，限制其进入本地市场')
      : verdict('FCR-B5', base, '仅对外地经营者另设审批、备案程序，构成歧视性要求');
  }
  // Approving a grant is read where it governs the approval ("须经审核同意后，方可拨付资金"): "开办研学
  // 基地须经区文旅局审批后方可营业，基地建设资金由企业自筹" still gates the business.
  if (GRANT_ADMIN.test(ctx.scopeOf(match))) return null;
  if (ctx.has('association')) {
    return verdict('FCR-A5', 'medium', '以加入行业协会或取得协会推荐、同意作为开展经营的前提，变相限制市场准入');
  }
  return verdict('FCR-A1', base, '设置审批、登记、备案、认定等前置程序，经营者须先取得批准才能开展经营');
}

/** What follows "方可/不得" when the step is grant administration, not market entry. */
const FUND_FLOW_AHEAD = '(?!拨付|兑现|发放|支付|享受|申领|领取|使用资金|报销|结算|列入|纳入|验收|下达|补助|补贴)';

const approvalRequired: Detector = {
  id: 'A1.approval-required',
  pattern: rx(
    MUST,
    '(?:提前',
    gap(6),
    ')?(?:先|事先|预先|先行)?(?:经过?|报经|报请|报送?|征得|取得|获得|通过)',
    gap(24),
    '(?:审批|核准|批准|许可证?|同意|审核|审查|审定|认定|评定|资格证书?|证书|批准文件|批复|意见|资格|资质|评审|评估|验收|考核)(?:同意|通过|确认)?',
    '|先[^，。；、]{1,6}[、，,]?后(?:营业|经营|开业|运营|上岗|开展|招生|接待)',
    '|(?:获|获得|取得)(?:批复|批准|同意|许可|核准)(?:后)?(?:方可|才能)?(?:运营|经营|营业|开业|开展|执业|上岗|投入使用)',
    '|(?:颁发|发放|核发|发给)',
    gap(6),
    '(?:许可|资格|经营|准营|登记|备案)[\\u4e00-\\u9fa5]{0,3}(?:证|牌|卡|证书|凭证)',
    '|(?:开业|营业|经营|开园|开馆|投入运营|运营)前(?:须|应当|要)?(?:进行|接受|通过|经过?)?',
    gap(10),
    '(?:验收|审核|审批|评估|核查|审查|检查|评审)',
    '|',
    MUST,
    gap(16),
    '(?:并|且|再|后|然后)(?:经过?|报经|报请|征得)',
    gap(12),
    '(?:批准|同意|审批|核准|认可|审定)',
    '|',
    MUST,
    '(?:出具|提交|提供|取得)',
    gap(14),
    '(?:同意函|同意书|同意意见|批准文件|批复文件|准予函|无异议函)',
  ),
  judge: (m, ctx) => (/营业执照/.test(m[0]) ? null : classifyApproval(ctx, 'high', m)),
};

const approvalPrecondition: Detector = {
  id: 'A1.precondition-before-business',
  pattern: rx(
    '(?:登记|注册|备案|认定|认证|年检|年审|审验|验收|合格|审核|审查|审定|核准|审批|批准|批复|许可|资格|证书|回执|推荐意见|推荐函|评定|证明|同意|认可|意见)',
    gap(12),
    '(?:后|的)?[，,]?(?:方可|方能|才能|才可|始得|后方)',
    FUND_FLOW_AHEAD,
    '|(?:评估|考核|审验|验收|检查|评审|认定|审核|审查)(?:通过|合格|达标)的?[，,]?(?:方可|方能|才能|才可)',
    '|(?:审核|审查|审定|核准|审批|批准|同意|认可|登记|验收|评估|登记证书?|许可证?|资格证书?|备案证明|批复)(?:同意|通过|合格|达标)?后(?:再|方|才)?(?:挂牌)?(?:实施|执行|推出|上线|投放|开业|营业|销售|上架|开展|施行|发布|从事|经营|接待|承接|上岗|投入运营)',
  ),
  judge: (m, ctx) => classifyApproval(ctx, 'high', m),
};

const approvalOrBanned: Detector = {
  id: 'A1.banned-without-approval',
  pattern: rx(
    '未(?:经|取得|通过|办理|获得)?',
    gap(8),
    '(?:登记|注册|备案|报备|认定|认证|年检|年审|审验|审核|核准|审批|批准|许可|资格|资质|证书|定点|列入目录|纳入目录|挂牌|授牌|评级|办证|持证|取证)',
    gap(8),
    '(?:不得|一律不得|不予|禁止)',
    FUND_FLOW_AHEAD,
    '|(?:年检|年审|审验|验收|审核|认定|考核|评估|复核|检查)不合格的?',
    gap(4),
    '(?:不得|不予|停止|责令停止|责令停业|停业|取消|吊销|清退|退出)',
  ),
  judge: (m, ctx) => classifyApproval(ctx, 'high', m),
};


/** "须向区卫健委申领资格证，无证不得接收客户": a licence of the drafter's own invention. */
const licenceNeeded: Detector = {
  id: 'A1.licence-needed',
  pattern: rx(
    '(?:申领|申办|领取|办理|取得|持有|获得)',
    gap(16),
    '(?:准营手续|准入手续|许可手续|许可证|资格证|经营证|准营证|准入证|上岗证|服务证|合格证|资质证书?|证书|牌照|备案证明|备案凭证|备案编号|经营许可|准营|' +
      '(?:许可|资格|资质|准入|准营|经营|服务|运营|备案|登记|合格)[\\u4e00-\\u9fa5]{0,3}(?:确认书|确认函|批文|批复|凭证|回执|意见书|通知书|卡|牌))',
    '|无(?:证|照|牌|许可|资质|资格)(?:经营|营业|上岗)?的?[，,]?(?:不得|一律不得|不予|禁止|停止)',
  ),
  judge: (m, ctx) => {
    if (/营业执照|身份证|驾驶证|居住证|社保卡/.test(m[0]) || !OPERATOR_OR_BUSINESS.test(ctx.text)) return null;
    // A licence is a gate only when the business waits for it.
    const gated =
      /无证|无照|未取得|未办理|否则|方可|方能|才能|才可|后方|前|不得|后(?:开展|从事|经营|营业|开业|接待|承接|上岗|执业|运营)/.test(ctx.text) ||
      /(?:须|应当|必须|需)(?:先|事先|预先|先行)?(?:向[^，。；]{0,12})?(?:取得|领取|申领|申办|办理|获得)/.test(ctx.text);
    if (!m[0].startsWith('无') && !gated) return null;
    return classifyApproval(ctx, 'medium', m);
  },
};

/** "须将活动方案报区商务局审定": a filing that works as an approval. */
const submitForApproval: Detector = {
  id: 'A1.submit-for-approval',
  pattern: rx(
    MUST,
    '(?:事先|提前|先)?(?:将|把)',
    gap(14),
    '(?:报|报送|报请|提交|送|交)',
    gap(14),
    '(?:审批|核准|批准|审核|审查|审定|同意|认可|把关)',
  ),
  judge: (m, ctx) => {
    if (!OPERATOR_OR_BUSINESS.test(ctx.text) || /各(?:乡镇|部门|街道|单位|成员单位)/.test(ctx.text)) return null;
    // Grant or budget administration read where it governs the filing, as in classifyApproval.
    if (/申报|项目资金|预算|决算|统计/.test(ctx.scopeOf(m))) return null;
    return classifyApproval(ctx, 'medium', m);
  },
};

const approvalRegime: Detector = {
  id: 'A1.licensing-regime',
  pattern: rx(
    '(?:实(?:行|施)|纳入)',
    gap(14),
    '(?:准入|登记|认定|目录|名录|白名单|资格|备案|审批|许可|核准|年检|年审|审验|资质|星级评定|等级评定|定点|准入许可|持证|挂牌|准营)(?:证|证书)?(?:管理|制度|制)',
  ),
  judge: (m, ctx) =>
    // "小型工程实行本地企业名录制" is a tender pool closed to outsiders, judged by the local rules.
    /名录|名单/.test(m[0]) && (ctx.has('procurement') || LOCAL_RE.test(m[0])) ? null : classifyApproval(ctx, 'medium', m),
};

const BUYER_SIDE = /采购|购买|选购|使用|配送|供应|安装|定制|消费券|核销|发放/;

const exclusiveRight: Detector = {
  id: 'A2.exclusive-right',
  pattern: rx(
    '特许经营|独家(?:经营|运营|代理|投资|服务|销售|承办|开发|合作|授权)?|(?<!品牌)专营(?!店)|专属(?:承担|经营|运营|提供|负责)|',
    '唯一(?:的)?(?:建设)?(?:运营|经营|服务|承办|供应)(?:主体|单位|企业|商|方|机构)?',
  ),
  judge: (m, ctx) => {
    const word = m[0];
    if (word.startsWith('独家') && BUYER_SIDE.test(ctx.text) && !/经营|运营/.test(word)) {
      return verdict('FCR-A3', 'high', '由特定经营者独家供应，购买者只能使用其商品或服务');
    }
    if (word === '特许经营') {
      const aggravated = /直接授予|自动(?:续期|延续|延期)|期限不限|无期限|永久|不设期限/.test(ctx.text);
      return verdict(
        'FCR-A2',
        aggravated ? 'high' : 'medium',
        aggravated ? '以特许经营方式直接授予或无期限授予经营权' : '在竞争性领域设置特许经营，可能以特许经营为名排除其他经营者',
      );
    }
    return verdict('FCR-A2', 'high', '将经营权授予特定经营者独家或唯一经营，排除其他经营者进入');
  },
};

const grantOfRight: Detector = {
  id: 'A2.grant-of-right',
  pattern: rx(
    '(?:经营权|运营权|经营资格|特许权|专营权|开发权|(?:经营|运营|管理)[\\u4e00-\\u9fa5]{0,3}权)',
    sgap(12),
    '(?:统一|直接|独家|无偿|一次性|整体|全部)?(?:授予|交由|交给|划归|赋予|划转|移交|委托给)',
    '|直接(?:授予|交由|委托|交给)',
    gap(12),
    '(?:公司|集团|企业|中心)',
    '|(?:授予|交由|赋予|划归)',
    gap(24),
    '(?:经营权|运营权|独家|专营权)',
  ),
  judge: () => verdict('FCR-A2', 'high', '未经竞争程序将经营权直接授予特定经营者'),
};

const unifiedOperator: Detector = {
  id: 'A2.unified-operator',
  pattern: rx(
    '一家(?:负责|经营|运营|承担|提供|承办|建设|投资|独家)|(?:整体|全部|统一)(?:出让|授予|交由|委托)给?',
    gap(10),
    '(?:公司|集团|中心|企业)',
    '|',
    '统一由',
    gap(14),
    '(?:公司|集团|中心|单位|机构)(?:负责)?(?:经营|运营|提供|承担|实施|建设|安装|维护|配送|供应)',
    '|由',
    gap(14),
    '(?:公司|集团|中心)(?:统一|独家|专门|集中|专属|一体|全权|全面|代理|托管)(?:负责(?:经营|运营)?|经营|运营|承担|提供|供应|承办|接管)',
  ),
  judge: (m, ctx) =>
    /指定|确定的|推荐|认定的|遴选|选定|公布的|核准的|招标确定|定点/.test(m[0]) || /(?:不得|不能)(?:另行|自行)?选择|只能(?:选择|使用|购买)/.test(ctx.text)
      ? verdict('FCR-A3', 'high', '规定统一交由行政机关指定的企业提供服务，限定经营者的选择')
      : verdict('FCR-A2', 'high', '规定某项经营业务统一由特定企业经营，实际授予其独占经营权'),
};

const NAMED_FIRM = '(?:(?:区|县|市|镇|乡|省)(?:属)?(?:国有)?[\\u4e00-\\u9fa5]{1,10}(?:公司|集团)|[\\u4e00-\\u9fa5]{2,10}(?:有限公司|集团))';
const NO_COMPETITION = /一律|统一|不再|其他[^，。；]{0,8}不得|独家|期限|无偿|直接|不(?:进行|再)?(?:招标|发包|比选)|不设期限|自动续期|整体|全部|一次性|一家|全域|承包/;

/** "一律委托县交投公司承担，不再对外发包", "无偿配置给县交通运输集团经营". */
const handedToFirm: Detector = {
  id: 'A2.handed-to-firm',
  pattern: rx(
    '(?:交给|交由|授予|授权|许可给|配置给|出让给|委托给?|划归|划转给|移交给?|赋予|指定由|承包给|发包给|包给|租赁给|出租给)',
    gap(2),
    NAMED_FIRM,
    gap(6),
    '(?:经营|运营|承担|负责|实施|管理|建设|提供|代理|承办)?',
  ),
  judge: (_m, ctx) => {
    if (!/经营|运营|业务|服务|权|项目|养护|管理|运维|维护/.test(ctx.text) || !NO_COMPETITION.test(ctx.text)) return null;
    if (BUYER_SIDE.test(ctx.text) && !/经营权|运营权|特许/.test(ctx.text)) return null;
    return verdict('FCR-A2', 'high', '未经竞争程序将某项经营业务整体交由特定企业经营，实际授予其独占经营权');
  },
};

const othersBarred: Detector = {
  id: 'A2.others-barred',
  pattern: rx(
    '其他(?:企业|经营者|单位|公司|主体|经营主体|市场主体)',
    gap(4),
    '(?:一律)?(?:不得|不能|不允许|不再)(?:从事|经营|参与|进入|开展|提供)',
    '|不再(?:另行(?:引入|引进|新增|允许)(?:其他)?|(?:引入|引进|新增|允许)其他)(?:[\\u4e00-\\u9fa5]{0,2})(?:经营者|企业|运营商|运营主体|市场主体)',
    '|不再向其他(?:企业|经营者|主体|市场主体|社会主体)(?:开放|配置|授予|发放|出让)',
    '|社会(?:车辆|企业|资本|力量|主体|机构)',
    gap(4),
    '(?:一律)?(?:不得|不能|不允许|不再)(?:从事|经营|参与|进入|开展|提供|承接)',
  ),
  judge: (_m, ctx) =>
    BUYER_SIDE.test(ctx.text)
      ? verdict('FCR-A3', 'high', '排除其他经营者，使购买者只能使用特定经营者的商品或服务')
      : verdict('FCR-A2', 'high', '明确排除其他经营者从事该项经营，形成独占经营'),
};

const PROVIDER =
  '(?:经销商|代理商|保险公司|供应商|企业|公司|平台|机构|酒店|宾馆|餐厅|饭店|商店|商场|购物点|服务商|品牌|产品|商品|软件|系统|设备|第三方|中介|事务所|银行|网点|承办方|厂家|厂商|单位|商户|商家|' +
  '医院|诊所|基地|场所|门店|驾校|检测站|实验室|加油站|维修点|工厂)';

/** A designation restricted to a local pool belongs to the local-favouritism rules instead. */
const LOCAL_PROVIDER = new RegExp(
  `(?:本地|本区|本县|本市|本镇|本省|我区|我县|我市|当地)(?:注册)?的?[^，。；各]{0,6}?(?:企业|供应商|公司|厂家|商户|单位|经销商|服务商)`,
);

export function designation(reason: string, confidence: Verdict['confidence'] = 'high') {
  return (m: RegExpExecArray, ctx: SentenceContext): Verdict | null => {
    if (LOCAL_RE.test(m[0])) return null;
    // "从本区企业中采购" is local favouritism in procurement (B3); "区内各养老机构须向…定点供应商采购" is not.
    if (ctx.has('procurement') && LOCAL_PROVIDER.test(ctx.text)) return null;
    return verdict('FCR-A3', confidence, reason);
  };
}

const designated: Detector = {
  id: 'A3.designated',
  pattern: rx('指定(?:的)?', gap(10), PROVIDER),
  // Paying a fine or tax into a designated bank account is treasury practice, not market designation.
  judge: (m, ctx) =>
    /罚款|罚没|缴款|代收|财政专户|国库|税款/.test(ctx.text)
      ? null
      : designation('指定特定经营者提供商品或服务，限定经营者或消费者的选择')(m, ctx),
};

const unifiedPurchase: Detector = {
  id: 'A3.unified-purchase',
  pattern: rx('统一(?:采购|使用|配送|购买|安装|定制|供应|选用|制作|承担|印制|选购)'),
  judge: (m, ctx) => {
    if (/全国统一|国家统一|全省统一|政务|省级|国家|公共资源交易平台/.test(ctx.text)) return null;
    // "各乡镇统一使用县级平台" organises the administration; only operators or the public can be restricted.
    if (!/企业|经营者|商户|商家|学校|医院|酒店|景区|旅行社|餐饮|门店|用户|消费者|居民|家长|业主|开发商|机构/.test(ctx.text)) return null;
    if (!/公司|集团|企业|平台|供应商|服务商|商户|厂家|确定的|指定的|公布的|推荐的|认定的|入围|名录|库|定点/.test(ctx.text)) return null;
    return designation('要求统一采购、使用或配送特定经营者的商品或服务')(m, ctx);
  },
};

// Who is kept from choosing: a private buyer. A public body buying through the government's own
// centralised procurement (政府采购法第十八条) is not a market restriction.
const PRIVATE_BUYER = /家长|学生|消费者|居民|市民|业主|游客|农户|养殖户|用户|企业|经营者|商户|商家|旅行社|酒店|宾馆|民宿|景区|门店|个体工商户/;
const PUBLIC_PROCUREMENT = /政府采购|集中采购|采购中心|公共资源交易|预算单位|机关|政务|全国|国家|全省|省级|应急|救灾|疫情|处方|危险|爆炸|烟花|农药|剧毒|管制/;

/**
 * "全区中小学校服统一由区教育服务中心组织采购，家长不得自行购买": the buyers must take what one
 * body the measure names buys for them, and may not buy elsewhere (条例第八条(三)).
 */
const unifiedBuyer: Detector = {
  id: 'A3.unified-buyer',
  pattern: rx(
    '统一由',
    gap(16),
    '(?:(?:组织|集中|统一|负责|代为)?(?:采购|购买|订购|征订|代购|选购|购置)|组织(?:配送|供应|配发))',
    '|(?:不得|不能|不允许|禁止|严禁)(?:自行|另行|擅自|私自)(?:购买|采购|选择|选购|选用|订购|购置|征订)',
  ),
  judge: (m, ctx) => {
    if (!PRIVATE_BUYER.test(ctx.text) || PUBLIC_PROCUREMENT.test(ctx.text)) return null;
    return designation('规定统一由行政机关确定的单位组织采购、配送，不允许经营者或消费者自行选择购买，限定其只能购买特定经营者的商品')(m, ctx);
  },
};

const shortlist: Detector = {
  id: 'A3.shortlist',
  pattern: rx(
    '入围(?:的)?',
    gap(4),
    '(?:名单|企业|供应商|单位|机构|品牌|商家|服务商|产品)',
    '|推荐(?:的)?(?:名录|目录|名单|品牌|企业|供应商|产品|商家|服务商|机构)',
    '|定点(?:购物|餐厅|饭店|酒店|宾馆|维修|加油|采购|供应|商店|商场|商户|接待|印刷)(?:点|商店|单位|企业)?',
  ),
  judge: designation('限定只能从入围名单、推荐名录或定点单位中选择经营者'),
};

const LIBRARY_RESTRICTS = new RegExp(
  `(?:从|在|由)${gap(25)}库(?:中|内)|库内|库中|入库(?:的|企业|单位)?${gap(6)}(?:方可|才能)|未(?:纳入|进入|列入|入选)${gap(15)}库|仅限${gap(15)}库`,
);

/** "实行名录管理，未列入名录的不得承接业务": the roster is a licence to trade, not a buyer's shortlist. */
const ENTRY_ROSTER = /实(?:行|施)[^，。；]{0,8}(?:名录|名单|目录|白名单)(?:管理|制)/;
const BUYER_CHOICE = /项目|采购|购买|选用|选择|委托|使用|入住|选购|接待/;

const library: Detector = {
  id: 'A3.roster-library',
  pattern: rx(
    '(?:备选|资格|名录|供应商|服务商|承包商|中介(?:机构)?|机构|单位|企业|团体|商家)库',
    '|(?:名录|名单|推荐目录|采购目录)(?:内|中)的?',
    gap(4),
    '(?:企业|单位|机构|供应商|商家|产品)',
    '|未(?:纳入|列入|进入|入选)',
    gap(12),
    '(?:名录|名单)',
    gap(8),
    '(?:不得|不予|一律不得)',
  ),
  judge: (m, ctx) => {
    if (m[0].endsWith('库') && !LIBRARY_RESTRICTS.test(ctx.text)) return null;
    if (ENTRY_ROSTER.test(ctx.text) && !BUYER_CHOICE.test(ctx.text) && !ctx.has('procurement')) {
      return classifyApproval(ctx, 'high', m);
    }
    return designation('通过设置备选库、名录库、资格库等，排斥库外潜在经营者')(m, ctx);
  },
};

const pickFromRoster: Detector = {
  id: 'A3.pick-from-roster',
  pattern: rx('(?:从|在)', gap(20), '(?:名录|名单|目录|库)(?:中|内)(?:选择|选取|选定|确定|抽取|产生|选聘|选购|采购|购买|选用|挑选|聘请|委托)'),
  judge: designation('限定只能从行政机关公布的名录、名单中选择经营者'),
};

const onlyFrom: Detector = {
  id: 'A3.only-from',
  pattern: rx(
    '只能(?:在|从|向|通过|到|前往|使用|选择|购买|采购|由|选用)',
    gap(16),
    '(?:公司|集团|平台|商店|商场|酒店|餐厅|企业|供应商|服务商|机构|单位|名录|名单|库|定点|指定|确定的|公布的|推荐的|认定的)',
  ),
  judge: designation('规定只能通过或向特定经营者购买、使用商品或服务'),
};

const RESTRICTING_CONTEXT = /须|必须|应当|只能|统一|仅|限|承担|中选|其他[^，。；]{0,6}不得|唯一|安排在|选择/;

const chosenProvider: Detector = {
  id: 'A3.chosen-provider',
  pattern: rx(
    '(?:局|委|办|政府|管委会|中心|协会|集团|公司|街道|办事处|乡镇|部门|大队|支队|站|所|院|厅|处|科)(?:统一)?' +
      '(?:(?:招标|比选|统一)?(?:确定|认定|公布|选定|选择|遴选|招募|授权|推荐|指定|认可|备案|定点|中标|入围|签约|合作|核定|核准|联系|定制|监制|印制|配发)的|' +
      '(?:定点|合作|签约|授权|指定)(?=平台|供应商|企业|公司|机构|商户|酒店|宾馆|医院|银行|单位))',
    gap(12),
    `(?:${PROVIDER}|终端|车型|型号|书目|影片|教材|教辅|软件|材料|器材|用品|车辆)`,
  ),
  judge: (m, ctx) => {
    if (!RESTRICTING_CONTEXT.test(ctx.text)) return null;
    return designation('限定经营者或消费者只能选择行政机关确定的特定经营者')(m, ctx);
  },
};

// What operators do on a sales platform; reporting data or booking a public reservation is not trade.
const TRADE_ON_PLATFORM = '(?:对外销售|线上销售|销售|售卖|出售|售票|发售|分销|上架|预订|结算|交易|下单|支付|收款|经营|营销)';
// Platforms the administration itself runs for its own work, or a national one a law or the State Council sets.
const PUBLIC_PLATFORM = /全国|国家|省级|政务|公共资源交易|政府采购|电子卖场|信用|监管平台|执法/;
const PLATFORM_CHOICE = /或|等平台|各类|多家|第三方|自有|自建|自营|官方|任一|任意|各自/;
/** Things operators sell: the clause is about their trade, not about the administration's own channels. */
const OPERATORS_GOODS = new RegExp(`${OPERATOR}|景区|剧场|剧院|影院|场馆|农家乐|门票|客房|产品|商品|线路|套餐|演出|票务`);

/**
 * "全区A级旅游景区门票统一通过区智慧旅游平台销售", "区内民宿客房须统一通过区文旅局搭建的预订平台
 * 销售": every operator must sell through the one platform the measure names, so they must use that
 * platform operator's service and may not choose another channel — 限定经营、购买或者使用特定经营者提供
 * 的商品 (条例第八条(三)).
 */
const unifiedPlatform: Detector = {
  id: 'A3.unified-platform',
  pattern: rx(
    '(?:统一|一律|只能|仅能|仅限|均须|均应)(?:通过|在|经由|经|使用|依托|入驻|接入)',
    gap(20),
    '平台',
    gap(10),
    TRADE_ON_PLATFORM,
    '|(?:须|必须|应当|一律|只能)(?:通过|在|经由|使用|依托|入驻|接入)',
    gap(20),
    '平台(?:进行)?(?:统一|集中)',
    gap(4),
    TRADE_ON_PLATFORM,
  ),
  judge: (m, ctx) => {
    if (PUBLIC_PLATFORM.test(m[0]) || !OPERATORS_GOODS.test(ctx.text)) return null;
    // "统一通过自有平台或第三方平台销售": a channel of the operator's own choosing names no platform.
    if (PLATFORM_CHOICE.test(m[0])) return null;
    return verdict('FCR-A3', 'high', '要求经营者统一通过行政机关指定的某一平台销售商品或服务，限定其只能使用特定平台经营者的服务');
  },
};

const sole: Detector = {
  id: 'A3.sole-partner',
  pattern: rx(
    '唯一(?:的)?(?:合作|指定|授权)?(?:平台|供应商|服务商|合作方|合作平台|合作机构|渠道)',
    '|其他(?:平台|商户|供应商|服务商|品牌|产品|机构|渠道)',
    gap(4),
    '(?:一律)?(?:不得|不能|不予|不允许)(?:参与|接入|进入|使用|销售|提供)',
    '|(?:不得|不能|禁止)(?:自行|另行)?(?:接入|选用|使用|采购|选择)其他',
    gap(6),
    '(?:平台|供应商|服务商|运营商|品牌|产品|渠道|企业|机构)',
  ),
  judge: designation('指定唯一合作平台或供应商并排除其他经营者参与'),
};

const BUY_VERB = '(?:使用|采用|选用|购买|采购|选购|安装|接入|入住|委托|交由|通过|到|向|从|在|选择|租用|订购|购置|加入)';
const STATE_FIRM = '(?:区|县|市|镇|乡|省)(?:属)?(?:国有)?[\\u4e00-\\u9fa5]{1,10}(?:公司|集团)';

/** "须使用区广电网络公司提供的线路", "须入住纳入备选库的基地", "限定使用“清源”牌". */
const mandatedProvider: Detector = {
  id: 'A3.mandated-provider',
  pattern: rx(
    '(?:须|必须|应当|一律|只能|统一|仅能)(?:统一)?',
    BUY_VERB,
    gap(14),
    '(?:',
    STATE_FIRM,
    '(?:(?:提供|生产|供应|销售|运营|建设|承建|开发)的|的(?=[^，。；]{0,6}(?:设备|产品|器材|材料|系统|终端|软件|服务|机顶盒|用品)))|(?:纳入|列入|进入|入选|入围)',
    gap(14),
    '(?:库|名录|名单|目录)(?:内|中)?的',
    gap(8),
    '(?:企业|单位|机构|基地|商户|供应商|服务商|酒店|宾馆|产品|平台|商家|公司|场所|门店|网点))',
    '|限定(?:使用|购买|选用|采购|选择|安装|采用|选购|(?:在|到|从|由)(?![\\d一二三四五六七八九十]))',
    '|(?:须|必须|应当|一律|统一|限定)',
    BUY_VERB,
    gap(4),
    '[“"「『][^”"」』，。；]{1,12}[”"」』](?:牌|品牌|系列)?',
    '|(?:须|必须|应当|一律|统一|限定)',
    BUY_VERB,
    gap(6),
    '[\\u4e00-\\u9fa5A-Za-z]{1,8}(?:牌|品牌)(?!效应|建设|推广|价值|培育|创建|影响)',
  ),
  judge: (m, ctx) => {
    if (/政务|国库|财政|税务|公共资源交易|不动产登记|12345|全国|国家|省级/.test(m[0])) return null;
    if (/政务服务|公共资源交易平台/.test(ctx.text)) return null;
    return designation('限定经营者或消费者只能使用特定经营者、特定品牌或入库入围单位的商品或服务')(m, ctx);
  },
};

const capital: Detector = {
  id: 'A4.capital-threshold',
  pattern: rx(
    '(?:注册资本|实缴资本|注册资金|资产总额|净资产)(?:金)?',
    gap(4),
    '(?:须|需|应|应当|必须)?(?:不低于|不少于|达到|在|不得低于)',
    gap(10),
    '(?:万元|亿元|元)(?:以上)?',
    '|(?:注册资本|实缴资本|注册资金|净资产)',
    gap(2),
    '\\d+(?:\\.\\d+)?(?:万|亿)?元以上',
  ),
  judge: (m, ctx) => {
    if (ctx.hasFor('subsidy', m)) return null;
    return ctx.has('outside')
      ? verdict('FCR-B2', 'high', '对外地经营者在本地投资设置注册资本等规模门槛，限制其在本地投资经营')
      : verdict('FCR-A4', 'high', '设置明显超出实际需要的注册资本等门槛，限制经营者进入');
  },
};

const ENTRY_CONTEXT = /申请|申报|参与|参加|承办|开办|进入|入驻|准入|资格|方可|才能|招募|承接|投标|从事|经营/;

const experienceOrScale: Detector = {
  id: 'A4.age-scale-threshold',
  pattern: rx(
    '(?:成立|注册|设立|开业)(?:时间|年限)?(?:满|已满|超过|不少于|不低于|达)?[一二三四五六七八九十两\\d]{1,3}(?:个)?(?:周)?年(?:以上)?',
    '|(?:年纳税额|纳税额|年营业收入|营业收入|年营业额|营业额|年交易额|交易额|资产总额|总资产|年销售额|销售额|年产值|年营收|年均营业收入|主营业务收入)',
    gap(4),
    '(?:须|应|应当)?(?:超过|达到|不低于|不少于|在)',
    gap(8),
    '(?:万元|亿元)',
    '|(?:从业|经营|运营|执业)(?:年限|时间)',
    gap(4),
    '(?:满|不少于|不低于|达到|在)',
    gap(4),
    '年',
    '|(?:具有|具备|有|拥有)',
    gap(8),
    '(?:年|项|个)以上',
    gap(10),
    '(?:经验|业绩|历史|经历|资历)',
    '|(?:自有|自有产权)',
    gap(10),
    '(?:不少于|不低于|达到)',
    '|(?:营业收入|年产值|资产规模|员工人数|从业人员|车辆|床位|营业面积|经营面积|面积)',
    gap(4),
    '(?:须|应|应当)?(?:不少于|不低于|达到)',
  ),
  judge: (m, ctx) => {
    if (ctx.hasFor('subsidy', m) || !ENTRY_CONTEXT.test(ctx.text)) return null;
    // "专区面积不少于经营面积的20%" is a share, not a size threshold.
    const after = ctx.text.slice(m.index - ctx.sentence.start + m[0].length, m.index - ctx.sentence.start + m[0].length + 12);
    if (/%|比例|[一二三四五六七八九]成/.test(after)) return null;
    // "投标人须在本区注册满三年" keeps outsiders out of a tender: the local rules judge it.
    if (ctx.has('procurement') && LOCAL_JUST_BEFORE.test(ctx.text.slice(0, m.index - ctx.sentence.start))) return null;
    if (!/须|需|应当|应(?!用|急|对)|必须|方可|才能|仅限|限于|要求|条件/.test(ctx.text)) return null;
    return verdict('FCR-A4', 'medium', '以成立年限、经营规模、自有资产等与实际需要不相称的条件限制经营者准入');
  },
};

const OWNERSHIP = '(?:国有|国有控股|国有独资|全民所有制|集体所有制|区属国有|县属国有|市属国有|央企|中央企业|民营|外资|内资|上市|龙头|骨干|规模以上|大型|知名|百强|500强)';

const ownership: Detector = {
  id: 'A4.ownership-or-size-condition',
  pattern: rx(
    OWNERSHIP,
    '(?:企业|公司|单位)?',
    gap(10),
    '(?:方可|才能|才可|优先(?:获得|取得|承接|参与|进入|申报|入驻)|仅限|限于)',
    '|(?:仅限|限于|须为|应当为|必须为|只能是|只能为|应为|应是|须是|必须是|限为)',
    gap(14),
    '(?:国有|国企|国资|区属|县属|市属|全民所有制|集体所有制|国有控股|龙头|骨干|规模以上|上市|央企)',
  ),
  judge: (m, ctx) => {
    if (ctx.hasFor('subsidy', m)) return null;
    return verdict('FCR-A4', 'high', '按所有制形式、企业规模或级别设置歧视性准入条件');
  },
};

const ownershipBan: Detector = {
  id: 'A4.ownership-ban',
  pattern: rx(
    '(?:外资|民营|非国有|私营|个体|民间资本|社会资本|个人独资|合伙企业|自然人|非公|民办非企业|社会组织|小微企业|中小企业)(?:企业|资本|经营者|单位)?',
    gap(10),
    '(?:不得|禁止|不允许|限制|不予|不能)(?:申报)?(?:参与|进入|投资|经营|从事|参加|承接|申请|申报|入驻)',
    '|',
    MUST,
    gap(4),
    '(?:在[^，。；]{0,6}上市|为上市公司|为(?:区属|县属|市属)?国有|为央企|由国有)',
  ),
  judge: (m, ctx) =>
    ctx.hasFor('subsidy', m) ? null : verdict('FCR-A4', 'high', '按所有制形式或是否上市设置歧视性准入条件'),
};

/** "须在全国百强企业之列", "限于上市公司": a rank or listing as the entry ticket. */
const tierCondition: Detector = {
  id: 'A4.tier-condition',
  pattern: rx(
    '(?:须|必须|应当|限于|仅限|只能)(?:为|是|属于|在|系|列入|具备)?',
    gap(10),
    '(?:百强|500强|五百强|龙头企业|上市公司|中央企业|央企|规模以上企业|知名企业|驰名商标|世界500强|排名前(?:\\d+|[一二三四五六七八九十]+)|前(?:\\d+|[一二三四五六七八九十]+)(?:名|强))(?:之列|之一|企业)?',
  ),
  judge: (m, ctx) => {
    if (ctx.hasFor('subsidy', m) || !ENTRY_CONTEXT.test(ctx.text)) return null;
    return verdict('FCR-A4', 'high', '以企业排名、上市、龙头等身份作为准入条件，排斥其他经营者');
  },
};

/** "须通过区会展公司统一订购展位": buying routed through one state firm. */
const viaStateFirm: Detector = {
  id: 'A3.via-state-firm',
  pattern: rx(
    '(?:须|必须|应当|一律|统一|只能)(?:通过|向|从|到|委托)',
    STATE_FIRM,
    gap(4),
    '(?:统一)?(?:订购|购买|采购|购置|租赁|租用|办理|代理|代办|预订|订制|定制)',
  ),
  judge: designation('要求经营者或消费者通过特定国有企业购买商品或服务'),
};

/** "非国有企业申请承接的，须提供5000万元存款证明": a burden laid on private firms only. */
const privateOnlyBurden: Detector = {
  id: 'A4.private-only-burden',
  pattern: rx(
    '(?:非国有|民营|私营|民间资本|社会资本|外资|非公)(?:企业|资本|经营者)?',
    sgap(24),
    '(?:须|需|应当|必须)(?:另行|额外)?(?:提供|缴纳|具备|提交|出具|存入)',
    gap(12),
    '(?:证明|担保|保证金|存款|资金|承诺|抵押|保函)',
  ),
  judge: (m, ctx) => (ctx.hasFor('subsidy', m) ? null : verdict('FCR-A4', 'high', '仅对非国有经营者提出额外的资金、担保等准入要求，构成歧视性准入条件')),
};

/** "民营资本须额外提供担保，国有企业免于提供": private and state firms put under different terms. */
const ownershipParallel: Detector = {
  id: 'A4.ownership-parallel',
  pattern: rx(
    '(?:民营|非国有|私营|民间资本|社会资本|外资|个体|非公)',
    sgap(36),
    '[，,；;](?:而|但)?(?:国有|国企|区属|县属|市属|国资)',
    gap(10),
    '(?:免|不需|无需|不受|可以|直接|按|不再|仅需|只需)',
    '|(?:国有|国企|区属|县属|市属|国资)',
    sgap(36),
    '[，,；;](?:而|但)?(?:民营|非国有|私营|民间资本|社会资本|外资|个体|非公)',
    gap(10),
    '(?:须|需|应当|另行|额外|不得|不予|不享受|按)',
  ),
  judge: (_m, ctx) => {
    if (/平等|同等|一视同仁|不区分|相同|一致/.test(ctx.text)) return null;
    return ctx.has('subsidy')
      ? verdict('FCR-C2', 'high', '按所有制形式给予差异化的财政奖补')
      : verdict('FCR-A4', 'high', '按所有制形式对经营者适用不同的准入条件，构成歧视性准入条件');
  },
};

/** "须具有国有独资背景", "民营资本持股比例不得超过30%". */
const ownershipShare: Detector = {
  id: 'A4.ownership-share',
  pattern: rx(
    '(?:具有|具备|属于|是|为)',
    gap(4),
    '(?:国有|国资|央企|国企|政府|中央企业)(?:独资|控股|全资|参股)?(?:背景|性质|身份|出资背景)',
    '|(?:民营|社会|非国有|私营|民间|外资|外来|个人)(?:资本|资金|企业|股东|投资者?|投资方)?',
    sgap(20),
    '(?:持股|股比|股权|出资)(?:比例)?',
    gap(4),
    '(?:不得超过|不超过|不得高于|最高不超过|不能超过|限于)',
    '|(?:国有|区属|县属|市属|国资)(?:企业|资本|平台|公司|方)?',
    gap(6),
    '(?:控股|持股|股比|股权|出资)(?:比例)?',
    gap(4),
    '(?:不低于|不得低于|须达到|应当达到|须在|不少于)',
  ),
  judge: (m, ctx) => {
    if (ctx.hasFor('subsidy', m)) return null;
    return ctx.has('outside')
      ? verdict('FCR-B2', 'high', '要求外地经营者与本地国有企业合资并由其控股，限制外地经营者在本地投资经营')
      : verdict('FCR-A4', 'high', '按所有制形式限定投资主体或持股比例，设置歧视性准入条件');
  },
};

const exitBarrier: Detector = {
  id: 'A4.exit-barrier',
  pattern: rx(
    '不予(?:办理)?',
    gap(6),
    '(?:注销|迁出|迁移|变更登记)',
    '|(?:注销|退出|歇业|破产|清算|迁出)',
    sgap(16),
    '(?:须|应当|必须)(?:先|提前|事先)',
    gap(12),
    '(?:缴清|结清|退还|申请|同意|审核|清偿|偿还|补缴|退回|批准|取得|出具)',
  ),
  judge: (_m, ctx) =>
    /清税|税务|法院|清算组|债权人/.test(ctx.text) ? null : verdict('FCR-A4', 'medium', '为经营者注销、迁移、退出市场设置不合理条件'),
};

const NON_MARKET = /编制|债务|债券|党政机关|会议|文件|办公用房|三公|机构改革|人员/;
const ENTRY_OBJECT =
  /企业|经营者|门店|网点|加油站|旅行社|酒店|客房|许可|审批|申请|经营|运力|配额|机构|门市部|场所|营业|主体|项目|网约车|单车|运营|\d+家|家以内|民宿|超市|商户|店|市场|行业|网吧|驾校|诊所|棋牌|影院|KTV|充电桩|会所|综合体|业态|商业|站点|加气站|充电站|加注站/;

const quota: Detector = {
  id: 'A5.quantity-control',
  pattern: rx(
    '总量(?:控制|调控|管控)|数量(?:控制|调控|管控)|(?:每个|每一|每)',
    gap(6),
    '(?:不超过|不得超过|只能|限|最多)',
    gap(2),
    '(?:\\d+|[一二三四五六七八九十两])家|(?:数量|规模|总数|总量|家数)',
    gap(6),
    '(?:控制在|保持在|不超过|限定在|限制在)',
    '|配额(?:管理|制)|暂停(?:受理|审批|办理|新增|准入|新设)',
    '|(?:原则上|今后|一律)?不再(?:新增|增加|受理|审批|批准|核准|引进|引入|进入|准入|接纳|新设|发放|核发|新建|分配|允许|准许|接受|许可|办理|布局|设立)',
    '|布局(?:管控|控制)|规划(?:外|以外)(?:一律)?不得(?:新建|新设|建设|设立)',
    '|(?:数量|网点|布局|市场)(?:已经?|已趋)?饱和|不予新增|停止新增|严控新增|(?:数量|规模)[^，。；]{0,6}维持(?:现状|现有)',
    '|(?:只|仅)(?:允许)?(?:设立|设|保留|开设)(?:一|1)(?:个|家|处)',
    '|只(?:允许|保留|准许|批准|设)(?:设立|保留|开设)?',
    gap(4),
    '一家|一(?:区|县|镇|街道|乡|市)一家|限制新设',
  ),
  judge: (m, ctx) => {
    if (NON_MARKET.test(ctx.text) || !ENTRY_OBJECT.test(ctx.text)) return null;
    // "对外地企业设立分支机构…只允许设立一家" limits outsiders' investment (B2).
    if (ctx.has('outside') && ctx.has('establishment')) return null;
    // "经营权授予县文旅公司，不再引入其他经营者": the exclusive grant (A2) is the point.
    if (/引入|引进|准入/.test(m[0]) && /经营权|运营权|特许|授予|独家|一家/.test(ctx.text)) return null;
    return verdict('FCR-A5', 'medium', '对经营者数量实行总量控制或暂停、不再受理新的经营申请，变相限制市场准入');
  },
};

const NUMBER = '(?:\\d+|[一二三四五六七八九十两]{1,3})';

/** "同类业态门店不得超过三家": a cap on the number of operators. */
const numberCap: Detector = {
  id: 'A5.number-cap',
  pattern: rx(
    '(?:不得超过|不超过|最多|控制在|限定为?|限于|只允许|仅允许|只批准|仅批准|至多|只保留|仅保留|只设|仅设)',
    NUMBER,
    '(?:家|户|个|处|座|所)(?:门店|网点|企业|经营者|经营户)?(?:以内|以下)?',
  ),
  judge: (m, ctx) => {
    if (NON_MARKET.test(ctx.text) || !ENTRY_OBJECT.test(ctx.text) || ctx.hasFor('procurement', m) || ctx.hasFor('subsidy', m)) return null;
    if (/入围|名录|名单|库|推荐|选择|选定|确定/.test(ctx.text)) return null;
    if (ctx.has('outside')) return verdict('FCR-B2', 'high', '限制外地经营者在本地设立分支机构、网点的数量');
    return verdict('FCR-A5', 'medium', '限定同类经营者或经营场所的数量，变相限制市场准入');
  },
};

/** "已有药店周边1公里范围内不得新设药店". */
const exclusionZone: Detector = {
  id: 'A5.exclusion-zone',
  pattern: rx(
    '(?:周边|周围|附近|半径|方圆|距离)',
    gap(4),
    '\\d+(?:\\.\\d+)?(?:米|公里|千米)',
    gap(8),
    '(?:不得|不再|禁止|不予|暂停|不能)(?:新设|新建|开设|设立|开办|新增|审批|批准|布局|引进)',
  ),
  judge: () => verdict('FCR-A5', 'medium', '在现有经营者周边划定范围禁止新设同类经营场所，变相限制市场准入'),
};

const spacing: Detector = {
  id: 'A5.distance-between-operators',
  pattern: rx(
    '(?:保持|间隔|相距|距离|间距)',
    gap(6),
    '\\d+(?:米|公里|千米)(?:以上)?',
    '|(?:距离|间距)',
    gap(4),
    '(?:不得少于|不少于|不低于|不小于)',
    gap(6),
    '(?:米|公里|千米)',
  ),
  judge: (_m, ctx) =>
    /现有|已有|同类|其他|之间|门店|超市|加油站|药店|网点|经营|民宿|酒店|店|场所|企业/.test(ctx.text)
      ? verdict('FCR-A5', 'medium', '要求新设经营场所与现有同类经营者保持一定距离，变相限制新的经营者进入')
      : null,
};

const newEntrant: Detector = {
  id: 'A5.new-entrant-restriction',
  pattern: rx(
    '新(?:进入|设立|设|办|开办|入驻|进)',
    gap(10),
    OPERATOR,
    sgap(16),
    '(?:不得|不再|暂不|暂停|观察期|限制)',
  ),
  judge: () => verdict('FCR-A5', 'medium', '对新进入市场的经营者设置额外限制，变相限制市场准入'),
};

const associationGate: Detector = {
  id: 'A5.association-gate',
  pattern: rx(
    MUST,
    '(?:先)?(?:加入|入会|成为)',
    gap(12),
    '(?:协会|商会|联盟)(?:会员)?',
    '|(?:协会|商会|联盟)',
    gap(8),
    '(?:出具的)?(?:推荐意见|推荐函|同意|证明)',
    gap(4),
    '[，,]?(?:方可|才能)',
  ),
  judge: () => verdict('FCR-A5', 'medium', '以加入行业协会或取得协会推荐作为经营前提，变相限制市场准入'),
};

export const marketEntryDetectors: readonly Detector[] = [
  approvalRequired,
  approvalPrecondition,
  approvalOrBanned,
  approvalRegime,
  licenceNeeded,
  submitForApproval,
  exclusiveRight,
  grantOfRight,
  handedToFirm,
  unifiedOperator,
  othersBarred,
  designated,
  unifiedPurchase,
  unifiedBuyer,
  shortlist,
  library,
  onlyFrom,
  pickFromRoster,
  chosenProvider,
  sole,
  unifiedPlatform,
  mandatedProvider,
  viaStateFirm,
  capital,
  experienceOrScale,
  ownership,
  ownershipBan,
  ownershipShare,
  ownershipParallel,
  privateOnlyBurden,
  tierCondition,
  exitBarrier,
  quota,
  numberCap,
  exclusionZone,
  spacing,
  newEntrant,
  associationGate,
];
