/**
 * LR-LICENCE: an activity made to wait for the administration's consent — 审批、批准、核准、同意, a
 * certificate to obtain (准入证、上岗证、确认书), or the same thing under another name: a 备案 that can
 * be refused, an annual 年检/年审, an 认定 or 定点 list without which one may not operate, an extra
 * approval on top of a lawful licence.
 */
import { ACTIVITY, gap, ggap, sgap } from '../lexicon';
import { type Detector, rx, verdict } from './types';

const APPROVAL = '(?:审批|批准|核准|审核同意|审查同意|同意|许可|准予|批复|审定|认定|认可|验收|评审|审核|审查|核验|登记|注册|备案|年检|年审|审验|核发|颁发|出具|发给|获批|准入)';
const CERTIFICATE =
  '(?:(?:执业|准入|经营|营业|开业)登记|执业卡|上岗卡|通行卡|经营卡|许可证|准入证|准营证|上岗证|合格证|资格证|登记证|营运证|经营证|通行证|表演证|证书|执照|确认书|意见书|批准书|批件|批复|备案证明|资格|许可|准入意见|经营权|营运权|[\\u4e00-\\u9fa5]{1,6}证)';
const GATE = `(?:后方可|方可|后方能|方能|才能|才可|后才|后再|之后方可|以后方可|后(?=[，,]?[^，。；]{0,10}?${ACTIVITY}))`;
const REFUSAL = '(?:不得|不予|禁止|严禁|不准|不能|一律不得|不允许)';

const ACTIVITY_RE = new RegExp(ACTIVITY);
/** The gated act is the administration's own (a grant paid out, a plan issued): no licence. */
const GOVERNMENT_ACT = /拨付|兑付|发放|印发|公布|下达|实施(?:方案|计划)|报送|作出[^，。；]{0,6}决定|处罚决定|安排资金|列入预算|纳入预算|执行/;
/** Certificates that only the law gives (business licence, ID): asking for them creates nothing. */
const LAWFUL_CERTIFICATE = /营业执照|身份证|户口|居住证|健康证明/;

/** "经…批准后方可营业", "取得准入证后方可上岗", "验收合格后方可运营". */
const gate: Detector = {
  id: 'licence.gate',
  code: 'LR-LICENCE',
  pattern: rx('(?:经(?!营|济|纪|销|费|常)|报经|报请|报(?=[^，。；]{0,12}(?:审核|审批|批准|审定|同意))|取得|获得|通过|领取|申领|持有|办理|予以|获|凭)', sgap(40), `(?:${APPROVAL}|${CERTIFICATE}|合格|通过)`, sgap(16), GATE, ggap(12)),
  judge: (m, ctx, at) => {
    const gateAt = m[0].search(new RegExp(GATE));
    const tail = m[0].slice(gateAt) + ctx.text.slice(at + m[0].length, at + m[0].length + 14);
    if (!ACTIVITY_RE.test(tail) || GOVERNMENT_ACT.test(tail)) return null;
    if (LAWFUL_CERTIFICATE.test(m[0]) && !/准入|许可证|上岗证|确认书|同意|批准|审批/.test(m[0].replace(LAWFUL_CERTIFICATE, ''))) return null;
    return verdict('high', '把从事活动设为须经行政机关事先批准、取得证照或者通过审核验收后方可进行，实质上设定了行政许可');
  },
};

/** "未取得准入证的不得接待游客", "未经认定的单位，不得承接", "年审不合格的，不得继续承接". */
const noApprovalNoActivity: Detector = {
  id: 'licence.refusal',
  code: 'LR-LICENCE',
  pattern: rx(
    '(?:未经|未|不经|没有|无|未能)',
    gap(30),
    `(?:批准|审批|核准|同意|许可|认定|注册|登记|备案|年检|年审|审验|验收|审核|审查|审定|评审|复核|签订|取得|持有|持证|列入|纳入|获批|准入|${CERTIFICATE})`,
    sgap(24),
    `(?:${REFUSAL}|自行失效|失效|予以注销|停止营业)`,
    ggap(12),
  ),
  judge: (m) => {
    const after = m[0].slice(m[0].search(new RegExp(`${REFUSAL}|失效|注销|停止营业`)));
    if (!ACTIVITY_RE.test(after) && !/失效|注销|停止/.test(after)) return null;
    if (GOVERNMENT_ACT.test(after)) return null;
    return verdict('high', '规定未经批准、认定、备案或者未取得相关证照的不得从事活动，实质上设定了行政许可');
  },
};

/** "年审不合格的，不得继续承接", "验收不合格的，不得投入使用". */
const failedReview: Detector = {
  id: 'licence.failed-review',
  code: 'LR-LICENCE',
  pattern: rx('(?:年检|年审|审验|验收|评审|检查|审核|核验|复核|评估|备案|登记|认定|审定|审查)', gap(4), '(?:不合格|未通过|不通过|不达标|未获通过|被退回)', sgap(16), `(?:${REFUSAL}|失效|注销|停止)`, ggap(12)),
  judge: (m, ctx) => (GOVERNMENT_ACT.test(m[0]) || ctx.benefit(m.index - ctx.sentence.start) ? null : verdict('high', '以审验、验收合格作为继续从事活动的条件，实质上设定了行政许可')),
};

/** "实行备案管理", "实行办学许可制度", "实行旅游购物商店定点管理". */
const scheme: Detector = {
  id: 'licence.scheme',
  code: 'LR-LICENCE',
  pattern: rx('(?:实行|实施|纳入|推行|执行)', gap(20), '(?<!实名)(?:许可|审批|准入|核准|登记|备案|认定|定点|年检|年审|注册|资格|资质|准营|挂牌|前置审查|审查|审核|立项审核|核验|评审)', gap(4), '(?:制度|管理|制|[”"」])'),
  judge: (m) => (/实名|价格|定价|收费/.test(m[0]) ? null : verdict('medium', '对从事活动实行许可、审批、准入、认定、定点或者备案管理，可能变相设定行政许可')),
};

/** "须持有区文化馆核发的《街头艺人表演证》", "应当在开业前向街道办事处申领《民宿经营准入证》". */
const mustHold: Detector = {
  id: 'licence.must-hold',
  code: 'LR-LICENCE',
  pattern: rx('(?:须|应当|必须|需|需要|应)', gap(24), '(?:持有|取得|领取|申领|办理|获得|申请|申办|具备)', gap(24), CERTIFICATE),
  judge: (m) => {
    const cert = m[0];
    if (LAWFUL_CERTIFICATE.test(cert) && !/准入|许可证|上岗证|确认书|意见书/.test(cert.replace(LAWFUL_CERTIFICATE, ''))) return null;
    if (/资格$|许可$/.test(cert) && !/取得|持有|申领|领取|申请/.test(cert)) return null;
    return verdict('high', '要求取得行政机关核发的证照、资格或者许可方可从事活动，实质上设定了行政许可');
  },
};

/** "应当报区文旅局审批直播方案", "须事先经区文旅局同意", "报区文化和旅游局审核同意". */
const reportForApproval: Detector = {
  id: 'licence.report-for-approval',
  code: 'LR-LICENCE',
  pattern: rx('(?:须|应当|必须|需|应)?(?:事先|提前|事前|先)?(?:报(?!告|送|名|道)|报请|报经|提请|征得|经(?!营|济|纪|销|费|常)|由)', gap(24), '(?:审批|批准|核准|审核同意|审查同意|复核同意|审核批准|同意|审定|批复|审查批复|准许|许可)'),
  judge: (m, ctx, at) => {
    if (!/须|应当|必须|需|应/.test(ctx.text.slice(ctx.provisionAt(at).start, at + m[0].length))) return null;
    if (/征得[^，。；]{0,10}(?:业主|权利人|居民|当事人|监护人|家长|所有人|同意书)/.test(m[0])) return null;
    return verdict('high', '要求从事活动前报行政机关审批或者取得其同意，实质上设定了行政许可');
  },
};

/** "报区文旅局备案，区文旅局…作出是否同意投入营运的决定": a filing that can be refused is an approval. */
const filingDecided: Detector = {
  id: 'licence.filing-decided',
  code: 'LR-LICENCE',
  pattern: rx('备案', sgap(60), '(?:作出|决定)', gap(4), '(?:是否|准予|同意|不予)', gap(4), '(?:同意|准予|批准|备案|许可)'),
  judge: () => verdict('high', '备案后由行政机关决定是否同意，备案实为审批，变相设定了行政许可'),
};

/** "年检合格的…；未年检的…失效", "每年须参加年度审验", "每年应当进行年检". */
const annualReview: Detector = {
  id: 'licence.annual-review',
  code: 'LR-LICENCE',
  pattern: rx(`(?:(?:每年|年度|定期|每[一二三两]年)${gap(12)})?`, '(?:年检|年审|年度审验|年度审核|年度检验|年度核验|年度复核|年度注册|年度登记|年度认证|年度验证|审验|换证)'),
  judge: (m, ctx, at) => {
    const prov = ctx.provisionAt(at);
    const text = ctx.text.slice(prov.start, prov.end);
    if (!/须|应当|必须|需|不得|不予|失效|方可|合格/.test(text)) return null;
    return verdict('high', '要求定期年检、年审或者审验，实质上为从事活动设定了延续性的行政许可');
  },
};

/** "除依法办理相关手续外，还须报区文旅局审核同意": a licence on top of the lawful one. */
const beyondTheLaw: Detector = {
  id: 'licence.beyond-the-law',
  code: 'LR-LICENCE',
  pattern: rx('除', sgap(40), '外', '[，,]?', gap(4), '(?:还|另|另行|再|并|也|同时)', gap(4), '(?:须|需|应当|要|必须|应)', sgap(30), `(?:${APPROVAL}|${CERTIFICATE})`),
  judge: () => verdict('high', '在法定许可或者手续之外另行要求审批、同意或者取得证照，增设了行政许可', 'extraCondition'),
};

/** "须向景区管委会申请经营权": operating rights handed out by the administration. */
const grantOfRight: Detector = {
  id: 'licence.grant-of-right',
  code: 'LR-LICENCE',
  pattern: rx('(?:须|应当|必须|需)', gap(16), '申请', gap(10), '(?:经营权|营运权|经营资格|营业资格|执业资格|开放资格|准入资格)'),
  judge: () => verdict('high', '要求向行政机关申请经营权或者经营资格，实质上设定了行政许可'),
};

/** "发给当年度开放合格证", "核发营运证": a certificate the administration issues to operate. */
const issuance: Detector = {
  id: 'licence.issuance',
  code: 'LR-LICENCE',
  pattern: rx('(?:核发|颁发|发给|发放|换发|出具)', gap(12), '(?:许可证|许可牌|经营牌|牌照|准入证|准营证|上岗证|合格证|资格证|登记证|营运证|经营证|通行证|表演证|确认书|批准书|开业许可|准入意见)'),
  judge: () => verdict('medium', '由行政机关核发准予从事活动的证照，实质上设定了行政许可'),
};

/** "《民宿经营准入证》", "准营证": an entry permit is a licence whatever the clause around it says. */
const entryPermit: Detector = {
  id: 'licence.entry-permit',
  code: 'LR-LICENCE',
  pattern: rx('(?:准入|准营)(?:证|许可|资格|审核|审批|意见|登记|备案|认定|评估|手续|核准|条件|制度|管理|门槛|协议|确认)'),
  judge: (_m, ctx) => (/负面清单/.test(ctx.text) ? null : verdict('medium', '设置准入证、准入资格等市场准入门槛，实质上设定了行政许可')),
};

export const licenceDetectors: readonly Detector[] = [gate, noApprovalNoActivity, failedReview, scheme, mustHold, reportForApproval, filingDecided, annualReview, beyondTheLaw, grantOfRight, issuance, entryPermit];
