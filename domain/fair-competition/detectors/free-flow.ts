/**
 * 条例第九条 — restrictions on the free flow of goods and factors (FCR-B1 … FCR-B6), and the
 * local-registration subsidies of 第十条(二) that use the same wording.
 *
 * Local favouritism is one idea expressed in many ways ("仅限本区企业", "同等条件下优先选用本县
 * 企业", "在本市有纳税记录的加3分", "外地产品须另行检测"). The detectors below find the
 * favouritism; `classifyLocal` then names the standard from the setting of the sentence, so a new
 * wording in a known setting is still put under the right standard.
 */
import type { SentenceContext } from '../context';
import { GOODS, LOCAL, MUST, OPERATOR, OUTSIDE, gap, ggap, sgap } from '../lexicon';
import { type Detector, type Verdict, rx, verdict } from './types';

const STRONG_FACTOR =
  /员工|职工|跳槽|离职|户籍|户口|劳动力|劳务|务工|就业|人才|招聘|招用|录用|聘用|用工|数据|存款|金融机构|银行|贷款|担保|融资|土地|用地|流转|技术成果|知识产权|毕业生|闲置资金|资金存放|基金|技术人员|宅基地|农房|集体建设用地|保险机构|保险公司|证券|林地/;
const OPERATOR_ACCESS = /经营|进入|承接|开展|营业|开店|投资/;
const BANNING = /不得|禁止|限制|不允许|不准|暂停|劝返|阻止/;
const VEHICLE_OR_GOODS = /车辆|大巴|牌照|货车|(?:进入|运入|购进|调入)[^，。；]{0,12}(?:销售|市场|上架)|产的|生产的/;

type FavourKind = 'local-favour' | 'outside-difference';

const DEPOSIT = /保证金|押金|担保|保函|风险金/;
const PRICE_GAP = /(?:价|费|收费标准)[^，。；]{0,12}(?:高于|高出|比(?:本|区内|县内|市内)[^，。；]{0,8}高|上浮|加收|\d+倍|两倍|双倍|加倍)/;
const EXTRA_BURDEN = /额外|另行|重新|从严|加倍|更严|严于|高于本地|高于区内|高于县内|提高[^，。；]{0,4}(?:标准|等级|要求)/;

const LOCAL_FIRM = new RegExp(`${LOCAL}(?:注册)?的?(?:(?!机关|事业|行政|党政)[^，。；]){0,6}?(?:企业|供应商|单位|公司|厂家|商户|经销商)`);
const OUTSIDE_OPERATOR = new RegExp(`${OUTSIDE}[^，。；]{0,10}?${OPERATOR}`);
const FEE_ACT = /加收|收取|另行收取|额外收取|缴纳|收费标准|免收|收费/;
const ESTABLISH_REQUIRED = new RegExp(
  `(?:须|必须|应当|需|要求)(?:${gap(6)}在${LOCAL}${gap(6)}(?:设立|成立|注册|开设)|${gap(10)}(?:设在|设于|迁至|迁入|迁到|落户)${LOCAL})`,
);
const OPERATOR_RE = new RegExp(OPERATOR);
const CONSUMER_SUBJECT = new RegExp(`${OUTSIDE}(?:的)?(?:游客|旅游者|消费者|居民|市民|学生|患者|乘客)`);

/** Names the standard for a piece of local favouritism from what the sentence is about. */
/** The government's own systems and offices: "党政机关须使用本地区政务云" restricts no market. */
const GOVERNMENT_INTERNAL = /政务(?:云|服务|外网|内网)|党政机关|机关事务|公务用车|公务接待/;

export function classifyLocal(ctx: SentenceContext, kind: FavourKind, match: RegExpExecArray, goodsKnown = false): Verdict | null {
  const matched = match[0];
  if (GOVERNMENT_INTERNAL.test(ctx.text) && !ctx.has('procurement')) return null;
  const goods = (goodsKnown || ctx.has('goods') || VEHICLE_OR_GOODS.test(ctx.text)) && !(kind === 'outside-difference' && OUTSIDE_OPERATOR.test(matched));
  const money = ctx.has('subsidy') || ctx.has('feeOrPrice') || FEE_ACT.test(ctx.text);
  if (kind === 'outside-difference' && STRONG_FACTOR.test(matched) && (!OUTSIDE_OPERATOR.test(matched) || /流转|存入|存放|转让|许可使用|招用|聘用/.test(matched))) {
    return verdict('FCR-B6', 'medium', '限制外地劳动力、资金、数据等要素进入本地或区别对待，限制要素自由流动');
  }
  // "外地药品零售连锁企业": the outsider is an operator even when goods are named on the way.
  const operatorTargeted = kind === 'outside-difference' && OUTSIDE_OPERATOR.test(matched);
  // "对外县企业用户执行的水价比本县企业高20%": a dearer price or fee for outsiders is discriminatory pricing.
  if (kind === 'outside-difference' && PRICE_GAP.test(ctx.text) && !DEPOSIT.test(ctx.text) && !ctx.has('subsidy')) {
    return verdict('FCR-B4', 'high', '对外地经营者或外地商品、要素执行更高的价格、收费标准，构成歧视性价格或收费');
  }
  if (kind === 'outside-difference' && !operatorTargeted && !goods && ctx.has('feeOrPrice') && FEE_ACT.test(ctx.text)) {
    return verdict('FCR-B4', 'high', '对外地来源的车辆、团队或商品单独加收或提高收费，构成歧视性收费');
  }
  if (goods && ctx.has('subsidy') && kind === 'local-favour') {
    return verdict('FCR-B4', 'high', '补贴、优惠只适用于本地生产的商品，对外地商品构成歧视性补贴');
  }
  // A public canteen buying "本县生产的大米" keeps outside goods out (B1); a tender favouring local
  // firms keeps outside bidders out (B3).
  const publicBuyer = ctx.has('publicPurchase') && !ctx.has('procurement');
  if (publicBuyer && goods && !LOCAL_FIRM.test(ctx.text)) {
    return verdict('FCR-B1', 'high', '要求公共机构只能或优先采购本地生产的商品，限制外地商品进入本地市场');
  }
  if (ctx.has('procurement') || publicBuyer) {
    return verdict('FCR-B3', 'high', kind === 'outside-difference'
      ? '在政府采购、招标投标中对外地经营者设置额外条件或限制'
      : '在政府采购、招标投标中以本地注册、业绩、纳税、社保、办公场所等为条件或给予本地经营者优先、加分');
  }
  if (goods && money) {
    return verdict('FCR-B4', 'high', kind === 'outside-difference'
      ? '对外地或进口商品设置歧视性的收费项目、收费标准、价格或补贴'
      : '补贴、优惠只适用于本地生产的商品，对外地商品构成歧视性补贴');
  }
  if (kind === 'local-favour' && STRONG_FACTOR.test(ctx.text)) {
    return verdict('FCR-B6', 'medium', '限定劳动力、资金、土地、数据、技术等要素只能在本地使用或由本地主体取得，限制要素自由流动');
  }
  if (goods) {
    return verdict('FCR-B1', 'high', kind === 'outside-difference'
      ? '对外地或进口商品设置重复检验、另行检测、检查站或进入限制，阻碍其进入本地市场'
      : '要求优先或只能使用、销售本地商品，限制外地商品进入本地市场');
  }
  if (kind === 'local-favour' && ctx.has('subsidy')) {
    return verdict('FCR-C2', 'high', '财政奖励、补贴只给予本地注册或纳税的经营者，属于选择性、差异化补贴');
  }
  if (kind === 'outside-difference') {
    if (operatorTargeted && DEPOSIT.test(ctx.text) && STRONG_DIFFERENCE.test(ctx.text)) {
      return verdict('FCR-B5', 'high', '要求外地经营者额外缴纳保证金、提供担保等，构成对外地经营者的歧视性要求');
    }
    // "外地旅行社在本区设立的网点须额外配备…": an extra burden on a branch already allowed in.
    if (operatorTargeted && EXTRA_BURDEN.test(ctx.text) && !ESTABLISH_REQUIRED.test(ctx.text) && !BANNING.test(matched)) {
      return verdict('FCR-B5', 'high', '对外地经营者在本地的分支机构、网点额外提出配备、资质等要求，构成歧视性要求');
    }
    if (ctx.has('supervision') && !BANNING.test(matched)) {
      return verdict('FCR-B5', 'high', '在资质审核、检查频次、证明材料等方面对外地经营者提出高于本地经营者的要求');
    }
    if (ctx.has('establishment') || OPERATOR_ACCESS.test(ctx.text)) {
      return verdict('FCR-B2', 'high', '排斥或限制外地经营者在本地投资经营、设立分支机构');
    }
    if (ctx.has('supervision')) {
      return verdict('FCR-B5', 'high', '在资质审核、监管执法等方面对外地经营者设置歧视性要求');
    }
    return verdict('FCR-B6', 'medium', '对外地经营者、商品或要素区别对待，限制商品和要素自由流动');
  }
  if (ctx.has('establishment') || OPERATOR_ACCESS.test(ctx.text)) {
    return verdict('FCR-B2', 'high', '只允许本地经营者经营，排斥外地经营者在本地投资经营');
  }
  // Only where a consumer is the one the wording governs is it a benefit to residents, not a market rule.
  if (ctx.hasFor('consumer', match)) return null;
  return verdict('FCR-B6', 'medium', '限定只能由本地主体取得或使用，限制商品和要素自由流动');
}

/** "须为本市国有企业": the ownership condition (A4) is the point; the place only names it. */
const OWNERSHIP_NAMED = /国有|国企|规模以上|龙头|上市|事业单位|百强|央企/;

const localRestrict: Detector = {
  id: 'B.local-only',
  pattern: rx(
    '(?:仅限|只限|限于|限定|(?<![无不])限(?=本|区内|县内|市内|我)|仅向|只向|仅对|只对|仅允许|只允许|仅供|只供|只能|仅能|只邀请|仅邀请|局限于|' +
      '仅适用于|只适用于|仅用于|只用于|仅可|只可|仅面向|只面向|' +
      '(?:仅|只)(?:投资|支持|扶持|服务|用于|接受|认可|采信|采购|使用|招用|录用|聘用|选择|委托|在|从|向|由|到)|' +
      '(?:须为|应为|应当为|必须为|限为|须是|只能是))(?:于|由|用于)?',
    gap(8),
    LOCAL,
  ),
  judge: (m, ctx) =>
    /^(?:须为|应为|应当为|必须为|限为|须是|只能是)/.test(m[0]) && OWNERSHIP_NAMED.test(ctx.text)
      ? null
      : classifyLocal(ctx, 'local-favour', m),
};

const localPreference: Detector = {
  id: 'B.local-preference',
  pattern: rx(
    '(?:同等条件下(?:应当)?)?(?:优先|首先)(?:选用|使用|采购|购买|选择|安排|邀请|招用|录用|聘用|满足|供应|保障|考虑|推荐|支持|承接)?',
    gap(6),
    LOCAL,
    '|原则上(?:应当)?(?:使用|采购|选用|购买|由|在|从|选择|委托|邀请)',
    gap(6),
    LOCAL,
  ),
  judge: (m, ctx) => {
    // A preference for residents ("优先安排本区老年人") serves consumers; a parent or visitor named in
    // another rule of the sentence ("…，家长自行承担交通费用") does not make it one.
    if (ctx.hasFor('consumer', m) && !ctx.has('procurement') && !/招聘|招用|招录|录用|聘用|用工|员工|职工|比例/.test(ctx.text)) return null;
    return classifyLocal(ctx, 'local-favour', m);
  },
};

/** "须从本县农产品基地采购": buying restricted to local sources. */
const localSource: Detector = {
  id: 'B.local-source',
  pattern: rx('(?:须|必须|应当|只能|仅|统一)(?:从|在|向)', LOCAL, gap(10), '(?:采购|购买|购进|进货|选购|调入|调运)'),
  judge: (m, ctx) => classifyLocal(ctx, 'local-favour', m),
};

const localRequired: Detector = {
  id: 'B.local-required',
  pattern: rx(
    '(?:',
    MUST,
    '|原则上|统一|仅|将',
    gap(8),
    ')',
    gap(4),
    '(?:使用|采购|选用|购买|销售|经营|供应|采用|存放|存入|存储|转化|流转|开设|开立|开户|托管|结算)(?:在|于)?',
    gap(2),
    LOCAL,
  ),
  judge: (m, ctx) => classifyLocal(ctx, 'local-favour', m),
};

const localBonus: Detector = {
  id: 'B.local-bonus',
  pattern: rx(
    LOCAL,
    gap(16),
    '(?:额外)?(?:加|增加|得)[\\d一二三四五六七八九十.]*分',
    '|(?:加|额外加)[\\d一二三四五六七八九十.]*分',
    gap(10),
    LOCAL,
    '|',
    LOCAL,
    gap(6),
    OPERATOR,
    gap(8),
    '(?:价格扣除|优惠|倾斜|照顾|优先)',
    '|',
    LOCAL,
    gap(6),
    OPERATOR,
    '的?(?:报价|价格|投标价|投标报价|评标价)',
    gap(6),
    '(?:按|给予|扣除|下浮|折算|乘以)',
  ),
  judge: (m, ctx) => {
    if (/分$/.test(m[0])) return verdict('FCR-B3', 'high', '在评审中对本地经营者或本地业绩、荣誉给予加分，变相排斥外地经营者');
    // "区内重点企业…给予优惠价格" outside a tender is a price question (第十一条), not a tender one.
    return ctx.has('procurement') ? classifyLocal(ctx, 'local-favour', m) : null;
  },
};

/** "在本市有纳税记录", "本区范围内的同类项目业绩": a local attribute used as a condition. */
const localAttribute: Detector = {
  id: 'B.local-attribute',
  pattern: rx(
    '(?:在)?',
    LOCAL,
    '(?:范围内)?(?:的)?',
    gap(10),
    '(?:业绩|奖项|奖|荣誉|称号|纳税记录|纳税|缴税|税收|社保|社会保险|办公场所|办公面积|办公用房|固定办公|常驻|常设|' +
      '售后服务网点|服务网点|分支机构|分公司|项目经验|同类项目|注册|登记注册|登记|设有|拥有|设立|经营场所|固定场所|仓库|' +
      '证书|认证|资质|评级|信用等级|颁发|认定的|评定的|服务项目|' +
      `(?:有|设有|拥有|具备|建有)${gap(6)}(?:场所|场地|仓储|仓库|库房|门店|网点|机构|办公|人员|团队|车辆|设备|基地)|` +
      `(?:有|具有|具备|完成过?|承接过)${gap(8)}(?:项目|工程|案例))`,
  ),
  judge: (m, ctx) => {
    if (ctx.has('procurement')) return classifyLocal(ctx, 'local-favour', m);
    // "按其缴纳增值税区级分享部分给予奖励" is a disguised tax refund (C1), judged by the tax rules.
    if (ctx.has('subsidy') && /纳税|缴税|税收|注册|登记/.test(m[0]) && !TAX_SHARE.test(ctx.text)) {
      return verdict('FCR-C2', 'high', '以在本地注册或纳税作为享受财政奖励、补贴的条件，属于选择性、差异化补贴');
    }
    if (/注册|设立|分支机构|分公司|常设/.test(m[0]) && /方可|才能|才可|前提|仅限|限于/.test(ctx.text)) {
      return verdict('FCR-B2', 'high', '以在本地注册或设立机构作为享受政策或开展经营的前提，变相强制外地经营者在本地投资经营');
    }
    return null;
  },
};

/** "注册地在本区", "纳税地在本县", "总部注册在本区". */
const registeredHere: Detector = {
  id: 'B.registered-here',
  pattern: rx(
    '(?:注册地|纳税地|注册|纳税|总部|登记|税收户管|户管|结算中心|财务中心|销售中心|区域总部|生产基地|研发中心)(?:地)?',
    gap(8),
    '(?:均|都)?(?:在|位于|设在|设于|为|落在|迁至|迁到)',
    LOCAL,
  ),
  judge: (m, ctx) => {
    if (ctx.has('procurement')) return classifyLocal(ctx, 'local-favour', m);
    if (ctx.has('subsidy')) {
      return verdict('FCR-C2', 'high', '以注册地、纳税地在本地作为享受财政奖励、补贴的条件，属于选择性、差异化补贴');
    }
    // "只能向总部在本区的保险机构投保": the buyer's money is kept local, not the seller forced in.
    if (STRONG_FACTOR.test(ctx.text) && /只能|仅|只|限/.test(ctx.text)) return classifyLocal(ctx, 'local-favour', m);
    if (/方可|才能|限于|仅限|须|应当|必须/.test(ctx.text)) {
      return /注册|总部|登记|结算|核算|中心|基地/.test(m[0])
        ? verdict('FCR-B2', 'high', '要求经营者注册地在本地才能享受政策或开展经营，变相强制外地经营者在本地投资经营')
        : classifyLocal(ctx, 'local-favour', m);
    }
    return null;
  },
};

const REQUIREMENT = /须|需|必须|应当|要求|方可|才能|前提|条件|限于|仅限/;
const TAX_SHARE = /税[^，。；]{0,16}(?:留成|留存|分享|分成|返还|地方部分|(?:区|县|市|地方)级?(?:所得|收入|部分))/;
const DIRECT_REWARD = new RegExp(`给予${gap(10)}(?:奖励|补贴|补助|资助|奖补)`);
const TAX_BENEFIT =
  /先征后返|即征即退|税[^，。；]{0,16}(?:返还|减免|免征|减征|减半|奖励|奖补|补助|扶持)|(?:免征|减征|减免|免缴|返还)[^，。；]{0,16}税|税收(?:优惠|返还|奖励)|[一二三四五两]免[一二三四五两]减半/;
/** Land, fee, utility or price benefits: the standards of 第十条/第十一条 judge those. */
const COST_BENEFIT = /减免|免收|免缴|免交|缓缴|缓交|电价|水价|气价|用电|用地|地价|供地|出让|优惠价|租金|贷款|利率/;

/** "须在本区设立分支机构", "将税收关系迁入本区". */
const establishHere: Detector = {
  id: 'B2.establish-here',
  pattern: rx(
    '在',
    LOCAL,
    gap(8),
    '(?:注册|设立|成立|新设|开设)',
    gap(12),
    '(?:方可|才能|才可)',
    '|',
    MUST,
    gap(20),
    '在',
    LOCAL,
    gap(8),
    '(?:注册|设立|成立|登记|新设|开设|建立|设有)',
    '|(?:注册|税收|统计|纳税|社保|结算|财务|经营|工商)(?:关系|地|登记|地址|核算)?(?:和|、|及)?',
    gap(10),
    '(?:迁入|迁至|迁到|转入|落户|转移至|变更至|落地)',
    LOCAL,
    '|(?:迁入|落户|落地|转入)',
    LOCAL,
  ),
  judge: (m, ctx) => {
    if (ctx.has('procurement')) return classifyLocal(ctx, 'local-favour', m);
    const relocation = /迁|落户|落地|转入/.test(m[0]);
    // Money for moving in is a selective subsidy (C2, see relocationReward), not a requirement.
    if (relocation && !REQUIREMENT.test(ctx.text) && (DIRECT_REWARD.test(ctx.text) || TAX_BENEFIT.test(ctx.text) || COST_BENEFIT.test(ctx.text))) return null;
    if (relocation || REQUIREMENT.test(ctx.text)) {
      return verdict('FCR-B2', 'high', relocation
        ? '要求或诱导经营者将注册、税收、统计关系迁入本地，变相强制外地经营者在本地投资经营'
        : '要求经营者在本地注册或设立分支机构，强制外地经营者在本地投资经营或设立分支机构');
    }
    return null;
  },
};

/** "承诺十年内在本区纳税": a pledge to stay and pay tax locally as the price of support. */
const stayPledge: Detector = {
  id: 'B2.stay-pledge',
  pattern: rx('(?:承诺|保证|确保)', gap(10), '在', LOCAL, gap(4), '(?:纳税|注册|经营|设立|生产)'),
  judge: (m, ctx) =>
    ctx.has('procurement')
      ? classifyLocal(ctx, 'local-favour', m)
      : verdict('FCR-B2', 'high', '要求经营者承诺在本地注册、纳税或经营一定年限，变相强制其在本地投资经营'),
};

/** Relocation rewarded with money is also a selective subsidy (第十条(二)). */
const relocationReward: Detector = {
  id: 'C2.relocation-reward',
  pattern: rx('(?:迁入|落户|落地|转入)', LOCAL),
  judge: (_m, ctx) =>
    DIRECT_REWARD.test(ctx.text) && !ctx.has('procurement')
      ? verdict('FCR-C2', 'medium', '对迁入本地的经营者给予奖励、补贴，属于选择性、差异化补贴')
      : null,
};

const STRONG_DIFFERENCE =
  /另行|额外|重新|重复|再次|单独|加倍|从严|加收|两倍|双倍|三倍|\d+倍|高于|高出|比本|提高|更严|更高|严于|加严|逐车|逐一|不予|不纳入|不享受|上浮|加价|加贴|另贴|监制|本地[^，。；]{0,8}(?:免|不需|无需|按)|方可|才能|才予/;

const outsideDifferent: Detector = {
  id: 'B.outside-different',
  pattern: rx(
    OUTSIDE,
    sgap(32),
    '(?:另行|额外|重新|重复|再次|单独|加倍|从严|加收|两倍|双倍|三倍|\\d+倍|高于|提高|更严|更高|严于|加严|逐车|逐一|不予|不纳入|不享受|上浮|加价|溢价|上调|' +
      '不得|禁止|限制|不允许|暂停|须|需|必须|应当|执行|收取|缴纳)',
    '|(?:禁止|限制|不允许|不准|暂停|阻止|劝返|不得(?:收购|采购|购进|销售|使用|接收|调入|进入|引进|选用|陈列|上架|摆放|展示|代销|经销|存入|存放|转让|许可|流转|转移|投向))',
    gap(8),
    OUTSIDE,
    ggap(6),
  ),
  judge: (m, ctx) => {
    // "外地企业须依法…" with no difference from locals is a neutral duty, not discrimination.
    const word = m[0];
    // "外地产品不再重复检测", "无需另行办理": the trigger is relieved, not imposed.
    if (/(?:不再|无需|无须|不需要?|免于|不|取消|免除)(?:另行|额外|重新|重复|再次|单独|加倍|从严|加收)$/.test(word)) return null;
    // "迁往外地", "销往外地": the local party is leaving, which the outflow rules judge.
    const before = ctx.text.slice(Math.max(0, m.index - ctx.sentence.start - 2), m.index - ctx.sentence.start);
    if (/迁往|迁至|迁到|销往|运往|调往|调出|到|赴|向/.test(before)) return null;
    if (CONSUMER_SUBJECT.test(word)) return null;
    // "外省检测机构…须在本区成立独立法人机构" is a set-up requirement, judged by establishHere.
    if (ESTABLISH_REQUIRED.test(ctx.text)) return null;
    // A duty addressed to outsiders only is discriminatory when it is a check, a fee or a
    // set-up requirement; "外地企业须遵守安全规定" is not.
    if (
      /(?:须|需|必须|应当|执行|收取|缴纳)$/.test(word) &&
      !STRONG_DIFFERENCE.test(ctx.text) &&
      !ctx.has('supervision') &&
      !ctx.has('establishment') &&
      !FEE_ACT.test(ctx.text)
    ) {
      return null;
    }
    return classifyLocal(ctx, 'outside-difference', m);
  },
};

/**
 * "外埠企业按C级起评，本地企业按B级起评", "本县企业可以直接入围，外地企业须经资格预审": locals and
 * outsiders put side by side, one clause each, under different terms.
 */
const PARTY = '(?:企业|经营者|供应商|单位|公司|机构|商户|产品|商品|车辆|农产品|投标人|施工企业)';
const DIFFERENT_TERMS = /须|需|应当|方可|才能|不得|不予|不享受|另行|额外|加收|按|免|直接|优先|只|仅|高于|低于|倍|执行|适用|起评|预审|审查|检测|审核/;

const parallelTreatment: Detector = {
  id: 'B.parallel-treatment',
  pattern: rx(
    OUTSIDE, gap(8), PARTY, '?', sgap(30), '[，,；;]', '(?:而|对)?', LOCAL, '(?:的)?', gap(6), PARTY, '?', ggap(20),
    '|',
    LOCAL, gap(8), PARTY, sgap(30), '[，,；;]', '(?:而|对)?', OUTSIDE, '(?:的)?', gap(6), PARTY, '?', ggap(20),
  ),
  judge: (m, ctx) => {
    if (/相同|同等|一致|同样|平等|统一|一视同仁|均可|均应|互认/.test(ctx.text) || CONSUMER_SUBJECT.test(m[0]) || ctx.hasFor('consumer', m)) return null;
    const cut = Math.max(m[0].lastIndexOf('，'), m[0].lastIndexOf(','), m[0].lastIndexOf('；'), m[0].lastIndexOf(';'));
    if (cut < 0 || !DIFFERENT_TERMS.test(m[0].slice(0, cut)) || !DIFFERENT_TERMS.test(m[0].slice(cut + 1))) return null;
    return classifyLocal(ctx, 'outside-difference', m);
  },
};

/** "须由县内施工企业承建", "统一交由本地企业供应": the work reserved for local operators. */
const localOperatorOnly: Detector = {
  id: 'B.local-operator-only',
  pattern: rx(
    '(?:须|必须|应当|一律|统一|只能|原则上)(?:交)?由',
    LOCAL,
    gap(10),
    OPERATOR,
    gap(4),
    '(?:承建|承担|承接|承办|实施|提供|负责|建设|施工|供应|经营|配送|运输|生产|销售|组织)',
  ),
  judge: (m, ctx) => classifyLocal(ctx, 'local-favour', m),
};

/** "承办单位从市内会展企业中选择": picking operators from a local pool. */
const localPick: Detector = {
  id: 'B.local-pick',
  pattern: rx(
    '(?:从|在|由)',
    LOCAL,
    gap(10),
    OPERATOR,
    '(?:中|内|里)(?:择优)?(?:选择|选取|选定|确定|产生|遴选|邀请|抽取|选聘|采购|选用|委托)',
  ),
  judge: (m, ctx) => classifyLocal(ctx, 'local-favour', m),
};

/** "实行县内企业轮流承接": work rotated among local operators only. */
const localRota: Detector = {
  id: 'B.local-rota',
  pattern: rx(LOCAL, gap(6), OPERATOR, gap(4), '(?:轮流|轮换|依次|按序|按顺序)(?:承接|承担|承建|施工|供应|服务|提供|经营)'),
  judge: (m, ctx) => classifyLocal(ctx, 'local-favour', m),
};

/** "须与本地企业合资", "须有本县企业参加联合体". */
const localPartner: Detector = {
  id: 'B.local-partner',
  pattern: rx(
    '(?:须|必须|应当|需|要求)',
    gap(6),
    '(?:与|和|联合|吸收|有)',
    LOCAL,
    gap(8),
    '(?:企业|公司|单位|国有|合作社)',
    gap(6),
    '(?:合资|合作|组成联合体|联合体|合营|共同投资|联合投标|参股|入股|参加)',
  ),
  judge: (m, ctx) => classifyLocal(ctx, 'outside-difference', m),
};

/**
 * "区内旅行社不得与外地旅行社开展合作经营": local operators barred from dealing with outsiders, which
 * shuts outside operators out of business in the local market (条例第九条(二); in goods, 第九条(一)).
 */
const noOutsidePartner: Detector = {
  id: 'B.no-outside-partner',
  pattern: rx(
    '(?:不得|不能|不准|不允许|禁止|严禁)(?:擅自|私自|自行)?(?:与|同|和|向)',
    OUTSIDE,
    gap(12),
    '(?:合作|合资|联营|联合|签约|签订|交易|往来|结算|对接|组团|拼团|接洽|采购|购买|进货|订购)',
  ),
  judge: (m, ctx) => {
    // "游客不得与外地无资质旅行社签订合同" protects consumers; only an operator can be kept from partners.
    const subject = ctx.text.slice(0, m.index - ctx.sentence.start);
    if (CONSUMER_SUBJECT.test(m[0]) || (ctx.hasFor('consumer', m) && !OPERATOR_RE.test(subject))) return null;
    return classifyLocal(ctx, 'outside-difference', m);
  },
};

const inspectionRate: Detector = {
  id: 'B5.inspection-rate',
  pattern: rx(
    '(?:频次|频率|抽查比例|检查比例|每月(?:一次|两次|[一二三四五]次)|每季度(?:一次|报送)?|每周(?:一次)?)',
    '|',
    '(?:检查|抽查|抽检|巡查|监督检查|稽查|核查|检验|检测)(?:的)?(?:频次|比例|次数|频率)',
    '|重点监管|从严(?:审核|把关|掌握|管理|审查)|专项检查|重点检查',
  ),
  judge: (m, ctx) => {
    if (!ctx.has('outside')) return null;
    if (/频|每|比例/.test(m[0]) && !/检查|抽查|抽检|巡查|稽查|报送|检测|核查|考核|考评|检验|评估/.test(ctx.text)) return null;
    return verdict('FCR-B5', 'high', '对外地经营者提高检查频次、抽查比例或从严审核，构成监管执法上的歧视性要求');
  },
};

const checkpoint: Detector = {
  id: 'B1.checkpoint',
  pattern: rx('(?:设置|设立)', gap(10), '(?:检查站|检查点|关卡|卡口|检测站|查验点)'),
  judge: (_m, ctx) =>
    ctx.has('outside')
      ? verdict('FCR-B1', 'high', '设置检查站、关卡对外地商品进行拦截或查验，阻碍外地商品进入本地市场')
      : null,
};

const OUTFLOW_GOODS = /调出|调往|(?<![户室野])外运(?!动)|外销|销往|销至|运往|运至|发往|运出|输出|流出/;
const MOVE_OUT = /迁出|迁离|搬离|外迁|撤离|迁往/;

const outflowBarrier: Detector = {
  id: 'B.outflow-barrier',
  pattern: rx(
    '(?:不得|禁止|限制|不允许|不准|严禁)',
    gap(12),
    '(?:迁出|迁离|搬离|外迁|撤离|迁往|调出|(?<![户室野])外运(?!动)|外销|销往|运往|运出|输出|流出|转出|',
    '(?:向|到|赴|给|于|至|往|调往|流向)',
    OUTSIDE,
    '|跨(?:区域|地区|省|市|县))',
    '|(?:迁出|外迁|迁离|搬离|迁往|迁至)',
    sgap(24),
    '(?:退还|追回|返还|收回|追缴|偿还)',
    '|(?:方可|才能)(?:跨(?:区域|地区|省|市|县)|外迁|迁出)(?:流动|就业|经营)?',
    '|不(?:得)?(?:到|去|赴|往|向|流向|跳槽到|跳槽至)',
    OUTSIDE,
    '|(?:向|到|赴|迁往|销往|调往|流向|跳槽到|调到)',
    OUTSIDE,
    sgap(16),
    '(?:不予|不得|须经|应当经|限制|禁止|取消|退还|返还|追回|偿还)',
  ),
  judge: (m, ctx) => {
    const word = m[0];
    if (!MOVE_OUT.test(word) && (STRONG_FACTOR.test(word) || /人才|人员|员工|博士|硕士|毕业生|技术工人|职工|专家/.test(ctx.text))) {
      return verdict('FCR-B6', 'medium', '限制人才、劳动力等要素向外地流动或对流动设置障碍');
    }
    if (MOVE_OUT.test(word)) {
      return verdict('FCR-B1', 'high', '限制本地经营者迁出或对迁出设置退还奖励等障碍，阻碍经营者迁出');
    }
    if (OUTFLOW_GOODS.test(word) || (ctx.has('goods') && !STRONG_FACTOR.test(ctx.text))) {
      return verdict('FCR-B1', 'high', '限制本地商品、资源向外地输出');
    }
    // "不得跨区域经营/揽客" divides a market between operators (D1), it does not hold back factors.
    if (/跨(?:区域|地区|省|市|县)/.test(word) && !STRONG_FACTOR.test(ctx.text) && !/流动|人员/.test(ctx.text)) return null;
    return verdict('FCR-B6', 'medium', '限制劳动力、数据、技术、资金或本地经营者向外地流动');
  },
};

const PLACE_ONLY = /^(?:区内|市内|县内|镇内|省内|辖区内|域内)/;

/** "本区生产的家电", "本县产的茶叶": local goods singled out for money or exclusivity. */
const localGoods: Detector = {
  id: 'B.local-goods',
  pattern: rx(LOCAL, '(?:企业)?(?:(?:生产|产|出产|制造|种植|养殖|加工)(?:的|', gap(6), GOODS, ')|的?', GOODS, ')'),
  judge: (m, ctx) => {
    // "县内商超猪肉零售价": "县内" locates the shops; only "本地/本县产品" names an origin.
    if (!/生产|产|制造|种植|养殖|加工/.test(m[0]) && PLACE_ONLY.test(m[0])) return null;
    return ctx.has('subsidy') || ctx.has('feeOrPrice') ? classifyLocal(ctx, 'local-favour', m, true) : null;
  },
};

/** "应当以本市粮油企业产品为主": local sources made the rule. */
const localMainly: Detector = {
  id: 'B.local-mainly',
  pattern: rx('以', LOCAL, gap(12), '为主(?!要|题|体|导|线|持|办|旨)'),
  judge: (m, ctx) => (/(?:须|应当|必须|要|原则上)/.test(ctx.text) ? classifyLocal(ctx, 'local-favour', m) : null),
};

/** "对外省施工队伍实行一项目一审查": outsiders singled out for a supervision regime. */
const outsiderRegime: Detector = {
  id: 'B5.outsider-regime',
  pattern: rx(
    '对',
    OUTSIDE,
    gap(12),
    sgap(16),
    '(?:实行|实施|开展|进行|采取)',
    gap(10),
    '(?:审查|检查|核查|抽查|评估|考核|备案|报告|审核|监管|巡查|复核|核验)',
  ),
  judge: (m, ctx) => {
    if (CONSUMER_SUBJECT.test(m[0]) || /相同|同等|一致|同样|平等|统一|一视同仁|均/.test(ctx.text)) return null;
    return classifyLocal(ctx, 'outside-difference', m);
  },
};

/** "本地产品比例不得低于60%": a quota of local goods on shelves or in purchases. */
const localShare: Detector = {
  id: 'B1.local-share',
  pattern: rx(
    LOCAL,
    gap(8),
    '(?:比例|比重|占比|份额|销售额|销量|采购额|数量)',
    gap(4),
    '(?:不得低于|不低于|不少于|达到|应当达到|须达到|以上)',
    '|(?:不少于|不低于|不得低于|达到)',
    gap(4),
    '(?:\\d+(?:\\.\\d+)?%|[一二三四五六七八九]成|一半|半数)',
    gap(2),
    '(?:的)?',
    LOCAL,
  ),
  judge: (m, ctx) => classifyLocal(ctx, 'local-favour', m),
};

/** "本地企业名录制", "名录内本地施工企业": a pool closed to outsiders. */
const localPool: Detector = {
  id: 'B.local-pool',
  pattern: rx(LOCAL, '(?:注册)?的?', gap(4), OPERATOR, '(?:名录|名单|库)', '|(?:名录|名单|库)(?:内|中)的?', gap(2), LOCAL),
  judge: (m, ctx) => classifyLocal(ctx, 'local-favour', m),
};

const hukou: Detector = {
  id: 'B6.hukou',
  pattern: rx(LOCAL, '(?:户籍|户口|常住户口|籍(?=[\\u4e00-\\u9fa5]{0,2}(?:人员|劳动者|员工|职工|工人|务工|居民|人口|毕业生|人士|技术)))'),
  judge: (m, ctx) => {
    if (!/招聘|招用|录用|聘用|用工|就业|管理人员|从业人员|员工|职工|务工|须具有|应当具有|必须具有|比例/.test(ctx.text)) return null;
    // A benefit for local residents ("本区户籍居民凭身份证免费参观") read where it governs the wording.
    if (/享受|免费|优惠|年卡|参观/.test(ctx.scopeOf(m))) return null;
    return verdict('FCR-B6', 'medium', '以本地户籍作为用工条件或要求本地户籍人员比例，限制劳动力自由流动');
  },
};

const outsideInvestmentCap: Detector = {
  id: 'B2.outside-investment-threshold',
  pattern: rx(OUTSIDE, gap(10), '投资', sgap(16), '(?:不得低于|不低于|不少于|须达到|应当达到)'),
  judge: () => verdict('FCR-B2', 'high', '对外地经营者在本地投资设置规模门槛，限制外地经营者在本地投资经营'),
};

export const freeFlowDetectors: readonly Detector[] = [
  localRestrict,
  localPreference,
  localRequired,
  localBonus,
  localAttribute,
  registeredHere,
  establishHere,
  relocationReward,
  outsideDifferent,
  parallelTreatment,
  localPick,
  localPartner,
  localOperatorOnly,
  localRota,
  localMainly,
  outsiderRegime,
  noOutsidePartner,
  inspectionRate,
  checkpoint,
  outflowBarrier,
  hukou,
  outsideInvestmentCap,
  localGoods,
  localPool,
  localShare,
  stayPledge,
  localSource,
];
