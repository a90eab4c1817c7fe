/**
 * LR-FEE: a payment the document demands from citizens or operators — fees, deposits and guarantees
 * (押金、保证金、风险金), shares of turnover, or a paid service they must buy from a designated body —
 * without a law or administrative regulation that provides for it.
 */
import { gap } from '../lexicon';
import { type Detector, rx, verdict } from './types';

const CHARGE = '(?:[\\u4e00-\\u9fa5]{0,10}?(?:费|(?<![资奖薪现罚租助慰抚])金|会费|赞助|捐款|捐赠|分摊款)|营业收入的|营业额的|收入的|利润的)';
/** Payments the law itself governs, or that are not charges at all. */
const NOT_A_CHARGE = /社会保险|保险费|税|罚款|财政|资金|经费|房费|门票|电费|水费|燃气费|物业费|租金|报名费|货款|价款|工资|劳动报酬|滞纳金|行政事业性收费|奖金|补助金|救助金|赔偿金|违约金|定金|订金|预付金/;
/** "逾期不缴纳…的", "欠缴…": a payment owed already, referred to rather than demanded. */
const OWED = /(?:逾期|到期|按期|按时)(?:未|不)$|(?:未按(?:时|期|规定)?|拖欠|欠|拒不|不按(?:时|期)?)$/;
/** Operators charging their own customers: a price, not a levy. */
const PRICE_TO_CUSTOMERS = /向(?:游客|旅游者|消费者|顾客|乘客|观众|学员|会员|住客|客人)|游客[^，。；]{0,6}(?:支付|缴纳|交纳)|明码标价|自主定价|收费标准[^，。；]{0,6}公示/;
/** The administration's own services: fees charged for licensing or supervision (行政许可法 art. 58). */
const LICENSING = /许可|审批|审核|审查|检查|年检|年审|审验|备案|办证|证照|证书|(?<!保)证(?!金)|登记|评定|评审|验收|核验|认定/;

const pay: Detector = {
  id: 'fee.pay',
  code: 'LR-FEE',
  pattern: rx('(?:缴纳|交纳|上缴|预交|预缴|交存|缴存|存入|缴付|认缴|分摊|交付|缴交|支付|补缴|预存)', gap(24), CHARGE),
  judge: (m, ctx, at) => {
    if (NOT_A_CHARGE.test(m[0])) return null;
    // "预存的风险保证金", "已交纳的报名费", "逾期未缴纳…的": a payment referred to, not demanded.
    if (/^[\u4e00-\u9fa5]{2}的/.test(m[0]) || /已$/.test(ctx.text.slice(0, at)) || OWED.test(ctx.text.slice(Math.max(0, at - 6), at))) return null;
    if (PRICE_TO_CUSTOMERS.test(ctx.text.slice(ctx.phraseAt(at).start, at + m[0].length))) return null;
    if (/退还|返还|退回|退付/.test(ctx.text.slice(ctx.phraseAt(at).start, at))) return null;
    if (/委托|指定/.test(ctx.text) && /服务费|检测费|审核费|评估费|咨询费|培训费/.test(m[0])) {
      return verdict('high', '要求接受行政机关指定机构的有偿服务并支付费用', 'paidService');
    }
    const licensing = LICENSING.test(ctx.text.slice(ctx.provisionAt(at).start, ctx.provisionAt(at).end));
    return verdict('high', /保证金|押金|风险金|准备金|质保金|抵押金|质押金/.test(m[0]) ? '要求缴纳保证金、押金或者风险金，没有法律、行政法规依据' : '要求缴纳费用，没有法律、行政法规依据', licensing ? 'licensing' : 'main');
  },
};

/** "每次收取检查费三百元", "每车次收取环境保护费五十元", "收取拖车费、停车费". */
const charge: Detector = {
  id: 'fee.charge',
  code: 'LR-FEE',
  pattern: rx('(?:收取|加收|征收|计收|收缴|核收|(?<![没接验回吸])收)', gap(16), '(?:[\\u4e00-\\u9fa5]{0,10}?(?:费|保证金|押金|风险金))'),
  judge: (m, ctx, at) => {
    if (NOT_A_CHARGE.test(m[0]) || /^收[入益]/.test(m[0]) || /^收费$/.test(m[0])) return null;
    if (OWED.test(ctx.text.slice(Math.max(0, at - 6), at))) return null;
    const phrase = ctx.text.slice(ctx.phraseAt(at).start, ctx.phraseAt(at).end);
    if (PRICE_TO_CUSTOMERS.test(phrase)) return null;
    // operators charging in their own business ("景区收取门票", "经营者收取服务费应当明码标价")
    if (/^(?:景区|经营者|旅行社|商户|酒店|民宿|停车场|企业|培训机构)/.test(phrase) && !/向[^，。；]{0,8}(?:局|政府|部门|管委会)/.test(phrase)) return null;
    const licensing = LICENSING.test(ctx.text.slice(ctx.provisionAt(at).start, ctx.provisionAt(at).end));
    return verdict('high', '向公民、经营者收取费用，没有法律、行政法规依据', licensing ? 'licensing' : 'main');
  },
};

/** "每张门票中提取二元…上缴区文旅局": a share of turnover levied for the administration. */
const levy: Detector = {
  id: 'fee.levy',
  code: 'LR-FEE',
  pattern: rx('(?:提取|提留|计提|按[^，。；]{0,12}(?:比例|百分之|千分之))', gap(24), '(?:上缴|缴入|缴存|缴纳|交纳|交由|存入)'),
  judge: (m) => (/税|社会保险|公积金/.test(m[0]) ? null : verdict('high', '要求从经营收入中提取款项上缴行政机关，实为没有法律依据的收费')),
};

export const feeDetectors: readonly Detector[] = [pay, charge, levy];
