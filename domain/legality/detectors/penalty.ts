/**
 * LR-PENALTY: a sanction for breaking a rule (行政处罚法 art. 2: 以减损权益或者增加义务的方式予以惩戒)
 * — fines, confiscation, revocation, suspension or closure, warnings and 通报批评 — and the same
 * thing under other names: 暂停办理 other business, a 黑名单 with joint punishment, "若干年内不得申请",
 * deducting a deposit, cancelling a rating or an award.
 */
import { gap, sgap } from '../lexicon';
import { type Detector, rx, verdict } from './types';

/** The sentence attaches the wording to a wrong ("违反…的", "未按规定…的", "拒不…的", "情节严重的"). */
const VIOLATION =
  /存在[^，。；]{0,8}问题|质量问题|事故|弄虚作假|造假|作弊|骗取|卷款|跑路|欺诈|被投诉|严重失信|违反|违规|违法|未按|未依照|未经|擅自|拒不|拒绝|不按|不听|虚假|失信|黑名单|情节严重|有下列|以下行为|行为之一|不配合|逾期不|未落实|未如实|无证|超范围|不履行|阻碍|干扰|欺骗|隐瞒|未能|未达到|不合格|未取得|未备案|接纳未成年人|投诉/;

/** "罚款、没收的违法所得应当全部上缴国库", "到期不缴纳罚款的": the word named, no fine imposed. */
const FINE_AS_NOUN = /^罚款(?:、没收|的|数额|收入|决定|缴纳|收缴|上缴|和没收)/;

/** "处以二千元罚款", "并处五百元以上一千元以下罚款", "按每次五千元标准处以罚款", "处三万元罚款". */
const fine: Detector = {
  id: 'penalty.fine',
  code: 'LR-PENALTY',
  pattern: rx('(?:(?:处以?|并处|可处|予以|给予|课以)', gap(30), ')?(?<!加处|加收|缴纳|交纳|不缴纳|不交纳)罚(?:款|金)'),
  judge: (m, ctx, at) => {
    const end = at + m[0].length;
    if (FINE_AS_NOUN.test(ctx.text.slice(end - 2))) return null;
    if (!/处|罚|予以|给予/.test(m[0].slice(0, -2)) && !/处以?|并处|罚款[^，。；]{0,4}[\d一二三四五六七八九十百千万]+元/.test(ctx.text.slice(Math.max(0, at - 6), end + 12))) return null;
    return verdict('high', '对违反管理秩序的行为设定罚款');
  },
};

/** "没收其违法所得", "没收剧本及违法所得", "没收其揽客工具". */
const confiscation: Detector = {
  id: 'penalty.confiscation',
  code: 'LR-PENALTY',
  pattern: rx('没收', gap(16)),
  judge: (m) => (/^没收的|^没收财物拍卖|^没收非法财物拍卖/.test(m[0]) ? null : verdict('high', '设定没收违法所得或者财物的处罚')),
};

/** "吊销其《文化经营备案证明》", "注销其…证书", "暂扣许可证". */
const revocation: Detector = {
  id: 'penalty.revocation',
  code: 'LR-PENALTY',
  pattern: rx('(?:吊销|撤销|注销|暂扣|收回)', gap(14), '(?:证|执照|证书|证明|许可|资格|资质|牌照)'),
  judge: (m, ctx) => {
    if (/^(?:注销|撤销)(?:登记|手续)?(?:时|后|的)/.test(m[0])) return null;
    if (!VIOLATION.test(ctx.text) && !/^吊销|^暂扣/.test(m[0])) return null;
    return verdict('high', '设定吊销、注销或者暂扣证照、资格的处罚');
  },
};

/** "责令停业整顿", "责令关闭", "处以停业整顿十五日", "责令其停止营业". */
const suspension: Detector = {
  id: 'penalty.suspension',
  code: 'LR-PENALTY',
  pattern: rx('(?:责令|处以|予以|给予|勒令)', gap(4), '(?:停产停业|停业整顿|停止营业|停止经营|暂停营业|暂停经营|停业|关闭|关停|停止营运|停产)'),
  judge: () => verdict('high', '设定责令停产停业、停业整顿或者责令关闭的处罚'),
};

/** "予以警告", "予以通报批评", "在全区通报". */
const reprimand: Detector = {
  id: 'penalty.reprimand',
  code: 'LR-PENALTY',
  pattern: rx('(?:予以|给予|处以?|并处|进行|在[^，。；]{0,8})?(?:警告|通报批评|全区通报|全县通报|公开通报|通报)(?!标志|标识|提示|牌)'),
  judge: (m, ctx) => {
    if (/安全警告|警告标/.test(m[0])) return null;
    if (/通报$/.test(m[0]) && !/通报批评/.test(m[0]) && !VIOLATION.test(ctx.text)) return null;
    if (!VIOLATION.test(ctx.text)) return null;
    return verdict(/警告|通报批评/.test(m[0]) ? 'high' : 'medium', '对违反规定的行为设定警告、通报批评等声誉罚');
  },
};

/** "五年内不得参与政府采购", "二年内不得重新申请", "三年内不予受理其…申请". */
const disqualification: Detector = {
  id: 'penalty.disqualification',
  code: 'LR-PENALTY',
  pattern: rx(
    '(?:[一二三四五六七八九十两\\d]+(?:个)?(?:年|月|年度)(?:内|之内)|终身|永久)',
    gap(4),
    '(?:不得|不予|不再|禁止|限制|取消|暂停)',
    gap(16),
    '(?:申请|参加|参与|从事|享受|受理|承接|评|进入|投标|取得|办理|续签|经营|带团|入场|获得|安排|给予|拨付|支持)',
  ),
  judge: (m, ctx) => (VIOLATION.test(ctx.text) ? verdict('high', '对违法违规者设定一定期限内不得申请、参与或者从事活动的资格罚，属于变相设定行政处罚') : null),
};

/** "取消其当年度评优资格", "暂停其带团资格三个月", "降低其旅游景区质量等级", "收回其摊位". */
const withdrawal: Detector = {
  id: 'penalty.withdrawal',
  code: 'LR-PENALTY',
  pattern: rx('(?:取消|暂停|停止|中止|撤销|收回|降低|下调|摘除|摘牌)', gap(20), '(?:资格|资质|等级|星级|称号|待遇|业务|经营权|摊位|牌匾|评优|评先|补贴|奖励|积分|权限|账号|系统|优惠|政策|扶持|资金)'),
  judge: (m, ctx) => {
    if (!VIOLATION.test(ctx.text)) return null;
    if (/^取消[^，。；]{0,6}(?:收费|审批|许可)/.test(m[0])) return null;
    return verdict('high', '对违反规定者取消、暂停或者降低资格、等级、待遇，以减损权益的方式予以惩戒，属于变相设定行政处罚');
  },
};

/** "暂停为其办理其他行政审批事项", "暂停办理其营业执照变更登记". */
const suspendOtherBusiness: Detector = {
  id: 'penalty.suspend-other-business',
  code: 'LR-PENALTY',
  pattern: rx('(?:暂停|停止|中止|不予|拒绝)(?:为其|为该|对其)?(?:办理|受理)', gap(20), '(?:业务|事项|审批|手续|登记|申请|许可|备案)'),
  judge: (m, ctx) => (VIOLATION.test(ctx.text) && !/补正|材料不全|不符合[^，。；]{0,6}条件/.test(ctx.text) ? verdict('high', '以暂停或者拒绝办理其他业务作为惩戒，属于变相设定行政处罚') : null),
  yieldsTo: ['LR-LICENCE'],
};

/** "列入黑名单…实施联合惩戒", "纳入失信名单…限制". */
const blacklist: Detector = {
  id: 'penalty.blacklist',
  code: 'LR-PENALTY',
  pattern: rx('(?:黑名单|失信(?:名单|主体|企业|联合惩戒)|联合惩戒|信用惩戒|警示名单|重点关注名单|经营异常名录)', sgap(40)),
  judge: (m, ctx) => {
    if (!/惩戒|限制|不得|禁止|取消|暂停|曝光|不予/.test(ctx.text)) return null;
    return verdict('high', '将经营者列入黑名单并实施联合惩戒，超出法律、法规规定设定惩戒措施');
  },
};

/** "在区政府门户网站曝光", "予以曝光". */
const exposure: Detector = {
  id: 'penalty.exposure',
  code: 'LR-PENALTY',
  pattern: rx(`(?:(?:予以|公开|媒体|网站|网上)${gap(12)})?`, '曝光'),
  judge: (_m, ctx) => (VIOLATION.test(ctx.text) ? verdict('medium', '以公开曝光作为惩戒，可能变相设定声誉罚') : null),
};

/** "每变更一次扣除其质量保证金二千元", "扣减其信用积分". */
const deduction: Detector = {
  id: 'penalty.deduction',
  code: 'LR-PENALTY',
  pattern: rx('(?:扣除|扣罚|扣减|扣发|罚没|扣分)', gap(12), '(?:保证金|押金|积分|分值|分|奖金|补贴|风险金)?'),
  judge: (m, ctx) => {
    if (!VIOLATION.test(ctx.text) || /^扣除[^，。；]{0,8}(?:费用|成本|必要)/.test(m[0])) return null;
    if (/费用从|所需费用|代为|拆除|整改/.test(ctx.text) && /保证金/.test(ctx.text)) return null;
    return verdict('high', '以扣除保证金、扣减积分等方式对违规者予以惩戒，属于变相设定行政处罚');
  },
};

/** "对其降级处理", "予以摘牌": lowering a rating as a sanction. */
const downgrade: Detector = {
  id: 'penalty.downgrade',
  code: 'LR-PENALTY',
  pattern: rx('(?:降级|降星|摘星|摘牌|撤牌|降为[一二三四五\\dA-Za-z]+(?:级|星))'),
  judge: (_m, ctx) => (VIOLATION.test(ctx.text) ? verdict('high', '对违规者降低等级、摘牌，以减损权益的方式予以惩戒') : null),
};

/** "禁止其演出两年", "限制其…经营一年": a ban on activity for a time, as a sanction. */
const activityBan: Detector = {
  id: 'penalty.activity-ban',
  code: 'LR-PENALTY',
  pattern: rx('(?:禁止|不得|不准|限制|暂停|停止)其', gap(14), '(?:演出|经营|营业|从业|执业|带团|承接|参加|参与|进入|开展|销售)', gap(6), '(?:[一二三四五六七八九十两\\d]+(?:个)?(?:年|月|日|天))'),
  judge: (_m, ctx) => (VIOLATION.test(ctx.text) ? verdict('high', '对违规者在一定期限内禁止从事活动，属于限制开展生产经营活动、限制从业的处罚') : null),
};

/** "给予行政拘留", "予以拘留". */
const detention: Detector = {
  id: 'penalty.detention',
  code: 'LR-PENALTY',
  pattern: rx('(?:行政)?拘留'),
  judge: () => verdict('high', '设定行政拘留，限制人身自由的处罚只能由法律设定'),
};

/** "由区文旅局予以处罚", "给予行政处罚": an unnamed penalty. */
const unnamed: Detector = {
  id: 'penalty.unnamed',
  code: 'LR-PENALTY',
  pattern: rx('(?:予以|给予|进行|依[^，。；]{0,6}|并)(?:行政)?(?:处罚|惩处|惩罚|罚处)(?!决定|程序|案件|裁量|种类|的设定)'),
  judge: (_m, ctx) => (VIOLATION.test(ctx.text) ? verdict('medium', '对违反本文件的行为设定处罚') : null),
};

export const penaltyDetectors: readonly Detector[] = [
  fine,
  confiscation,
  revocation,
  suspension,
  reprimand,
  disqualification,
  withdrawal,
  suspendOtherBusiness,
  blacklist,
  exposure,
  deduction,
  detention,
  unnamed,
  activityBan,
  downgrade,
];
