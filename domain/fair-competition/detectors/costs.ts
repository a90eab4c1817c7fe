/**
 * 条例第十条 — measures affecting production and operating costs (FCR-C1 … FCR-C4).
 *
 * Every item of 第十条 is allowed with a basis in law, administrative regulation or State
 * Council approval, so these findings are the ones most often removed by a cited legal basis
 * (applied centrally in the pre-screen).
 */
import type { SentenceContext } from '../context';
import { LOCAL, MUST, OPERATOR, OUTSIDE, gap, sgap } from '../lexicon';
import { classifyLocal } from './free-flow';
import { type Detector, type Verdict, rx, verdict } from './types';

const TAX = '(?:税|税款|税收)';
const C1_EXPLICIT =
  /税收(?:奖励|返还)|先征后返|即征即退|即征即奖|即征即补|列收列支|先缴后补|先缴后返|先征后奖|先征后补|先缴后奖|以奖代返|税[^，。；]{0,16}?返还|税[^，。；]{0,16}?(?:留成|留存|分享|分成|地方部分|(?:区|县|市|地方)级?(?:所得|收入|部分))/;

const taxPreference: Detector = {
  id: 'C1.tax-preference',
  pattern: rx(
    '(?:减免|免征|减征|减半征收|免缴|返还|退还|先征后返|即征即退|列收列支)',
    gap(16),
    `${TAX}(?!务|收贡献|贡献|店)`,
    '|',
    TAX,
    gap(24),
    '(?:返还|先征后返|即征即退|减免|减半征收|全额返还|予以返还|免征|减征|全免|免除|豁免|不予征收|暂不征收|[一二三四五两]免[一二三四五两]减半)',
    '|税收(?:优惠|返还|奖励|减免)|[一二三四五两]免[一二三四五两]减半|先征后返|即征即退|列收列支|先缴后补|先缴后返|先征后奖|先征后补|先缴后奖|即征即奖|即征即补',
    '|减按',
    gap(10),
    '(?:税率|征收)',
    '|(?:免交|减交|暂免|缓征|暂缓征收)',
    gap(6),
    `${TAX}(?!务|收贡献|贡献|店)`,
    // "城镇土地使用税按应纳税额的一半征收"
    '|税',
    gap(14),
    '(?:按|以)',
    gap(10),
    '(?:一半|半数|\\d+(?:\\.\\d+)?%|[一二三四五六七八九]成|[一二三四五六七八九]折)',
    gap(2),
    '(?:征收|计征|缴纳|征缴|执行|收取)',
  ),
  judge: () => verdict('FCR-C1', 'high', '对特定经营者给予减免税、税收返还、先征后返、即征即退等税收优惠'),
};

const SUBSIDY_WORD = '(?:奖励|补贴|补助|扶持|资助|奖补|支持资金|扶持资金|产业资金)';
const CONTRIBUTION =
  '(?:纳税额|纳税总额|缴纳税款|税收贡献|财政贡献|财力贡献|地方贡献|经济贡献|区级贡献|留成|地方分成|区级分成|实缴税|纳税|税收|' +
  '[\\u4e00-\\u9fa5]{0,4}税(?:款|额|总额|收)|(?:财政|财力|税收|经济|地方|区级|县级|市级)[^，。；]{0,4}?贡献)';

/** "按企业所得税区级留成部分给予奖励": a reward computed from tax paid works as a tax refund. */
const taxLinkedReward: Detector = {
  id: 'C1.tax-linked-reward',
  pattern: rx(
    '税',
    sgap(16),
    '(?:留成|留存|分享|分成|地方部分|入库部分|实际贡献|(?:地方|区级|县级|市级|镇级|区|县|市)(?:级)?(?:所得|收入|部分|贡献|留成|留存|分享|分成))',
    gap(14),
    '(?:奖励|补贴|扶持|奖补|补助|返还)',
  ),
  judge: () => verdict('FCR-C1', 'high', '按经营者缴纳税款的地方留成部分给予奖励，实质上是变相税收返还'),
};

/** "按照实缴房产税给予100%的奖补": a reward computed from one tax actually paid is a refund of it. */
const taxPaidReward: Detector = {
  id: 'C1.tax-paid-reward',
  pattern: rx(
    '(?:按|按照|根据|以)(?:其)?(?:当年|上年度?|年度)?(?:实缴|缴纳|实际缴纳|入库|已缴)(?:的)?',
    gap(4),
    '[\\u4e00-\\u9fa5]{1,6}税(?!收贡献|务)',
    sgap(14),
    '(?:奖励|奖补|补助|返还|补贴|扶持)',
  ),
  judge: () => verdict('FCR-C1', 'high', '按经营者实际缴纳的某项税款给予奖补，实质上是变相税收返还'),
};

const contributionSubsidy: Detector = {
  id: 'C2.contribution-based',
  pattern: rx(
    '(?:按|按照|根据|依据|参照|以|结合)',
    gap(14),
    CONTRIBUTION,
    sgap(20),
    SUBSIDY_WORD,
    '|',
    CONTRIBUTION,
    gap(8),
    '(?:排名|前\\d+|前[一二三四五六七八九十]+|排序|较大|增长|增幅|超过|达到|突破|首次)',
    sgap(20),
    SUBSIDY_WORD,
    '|',
    SUBSIDY_WORD,
    sgap(20),
    '(?:按|按照|根据|以)',
    gap(12),
    '(?:纳税额|税收贡献|财政贡献|财力贡献|地方贡献|留成|地方分成|区级分成)',
  ),
  judge: (_m, ctx) =>
    C1_EXPLICIT.test(ctx.text)
      ? null
      : verdict('FCR-C2', 'high', '按经营者的纳税额或地方财政贡献给予奖励、补贴，属于选择性、差异化的财政奖补'),
};

const SPECIFIC_RECIPIENT = /对(?:区|县|市|镇)(?:属)?(?:国有)?[\u4e00-\u9fa5]{1,8}(?:集团|公司)|有限(?:责任)?公司|股份有限公司|某某/;

const namedRecipient: Detector = {
  id: 'C2.named-recipient',
  pattern: rx(
    '对',
    gap(16),
    '(?:有限责任公司|有限公司|股份有限公司|集团|公司|某某)',
    sgap(20),
    '(?:给予|安排|拨付)',
    gap(12),
    '(?:奖励|补贴|补助|资助|扶持|贴息|资金|经费)',
  ),
  judge: (m) =>
    SPECIFIC_RECIPIENT.test(m[0])
      ? verdict('FCR-C2', 'high', '点名对特定企业给予财政奖励或补贴')
      : null,
};

/**
 * "对区政府确定的三家龙头企业…补贴", "对县内唯一一家乳制品企业…补贴", "对年营业收入首次突破1亿元的
 * 企业，一次性奖励": the recipients are picked by the government or by size, not by an open test.
 */
const SELECTED_RECIPIENT =
  '(?:唯一(?:一家)?|(?:\\d+|[一二三四五六七八九十两])家|(?:政府|局|委|管委会|办)(?:研究)?(?:确定|认定|选定|指定|点名)的|区属|县属|市属|国有|' +
  '排名前(?:\\d+|[一二三四五六七八九十]+)|前(?:\\d+|[一二三四五六七八九十]+)(?:名|强|位)|百强|500强|五百强|' +
  '本(?:区|县|市)(?:注册的?)?[^，。；]{0,4}?企业|' +
  '(?:营业收入|营收|销售额|销售收入|产值|交易额|进出口额|主营业务收入|经营收入)' +
  gap(6) +
  '(?:首次|首年)?(?:突破|超过|达到|迈上|跨越|进入|排名|前))';

const LOCAL_TAX_OR_REGISTRATION = new RegExp(`在${LOCAL}${gap(4)}(?:注册|纳税|缴税)|(?:注册地|纳税地)${gap(4)}(?:在|为)${LOCAL}`);

const selectedRecipient: Detector = {
  id: 'C2.selected-recipient',
  pattern: rx(
    '对',
    gap(20),
    SELECTED_RECIPIENT,
    gap(20),
    `(?:${OPERATOR}|项目)`,
    sgap(30),
    '(?:给予|奖励|补贴|补助|资助|扶持|奖补)',
  ),
  judge: (_m, ctx) => {
    if (!ctx.has('subsidy') || C1_EXPLICIT.test(ctx.text)) return null;
    if (/不限|不区分|符合条件的|均可|各类/.test(ctx.text)) return null;
    // "…且在本区纳税的旅行社": the local-registration rule already names the selective condition precisely.
    if (LOCAL_TAX_OR_REGISTRATION.test(ctx.text)) return null;
    // A subsidy of electricity, land or social-insurance costs is a factor preference (C3).
    if (/电价|水价|气价|用电|用水|用气|地价|用地|租金|社会保险|公积金/.test(ctx.text)) return null;
    return verdict('FCR-C2', 'medium', '对行政机关选定或按规模、营收筛选的特定经营者给予财政奖励或补贴，属于选择性、差异化的财政奖补');
  },
};

/** "县财政全额承担场租和演出费用" for a named state firm's business. */
const costBorne: Detector = {
  id: 'C2.cost-borne',
  pattern: rx('(?:财政|政府)', gap(6), '(?:全额|全部|部分|按比例|兜底)?(?:承担|负担|支付|买单|补足|兜底|代付|垫付)'),
  judge: (_m, ctx) =>
    SPECIFIC_RECIPIENT.test(ctx.text) && /经营|运营|承办|演出|项目|活动|业务/.test(ctx.text)
      ? verdict('FCR-C2', 'medium', '由财政承担特定企业的经营费用，属于选择性的财政补贴')
      : null,
};

/** "对重点招商项目的用电，执行每千瓦时0.4元的优惠价格". */
const utilityFavour: Detector = {
  id: 'C3.utility-favour',
  pattern: rx(
    '(?:用电|用水|用气|用热|电费|水费|气费|电价|水价|气价)',
    sgap(16),
    '(?:优惠|[一二三四五六七八九]折|低于|减免|减半|补贴|补助)',
  ),
  judge: (m, ctx) =>
    !ctx.hasFor('consumer', m) && !ctx.has('outside') && /对|企业|项目|公司|集团/.test(ctx.text) && !/阶梯/.test(ctx.text) && !PUBLIC_USE.test(ctx.scopeOf(m))
      ? verdict('FCR-C3', 'high', '对特定经营者的用电、用水、用气给予价格优惠或补贴，属于要素获取方面的优惠')
      : null,
};

/** "对县国有投资公司注入资本金1亿元": capital injected into a chosen firm. */
const capitalInjection: Detector = {
  id: 'C2.capital-injection',
  pattern: rx('(?:注入|注资|增资|拨付|安排|给予)', gap(8), '资本金|资本金(?:注入|补充)'),
  judge: (m, ctx) =>
    /公司|集团|企业|平台/.test(ctx.text) && !ctx.hasLegalBasisFor(m) && !/国有资本经营预算|保障性|公益|基础设施|政府投资项目/.test(ctx.text)
      ? verdict('FCR-C2', 'medium', '向特定企业注入财政资本金，使其在竞争中获得选择性的财政支持')
      : null,
};

const caseByCase: Detector = {
  id: 'C2.case-by-case',
  pattern: rx('一事一议|一企一策|一企一议|一项一议|特殊扶持政策|特殊奖励政策'),
  judge: (m, ctx) =>
    ctx.has('subsidy') || m[0] === '一事一议'
      ? verdict('FCR-C2', m[0] === '一事一议' ? 'high' : 'medium', '以“一事一议”等方式对个别经营者给予特殊奖补，属于选择性财政奖励或补贴')
      : null,
};

const OWNERSHIP_OR_SIZE = '(?:国有|区属|县属|市属|民营|外资|龙头|骨干|规模以上|重点)';

const selectiveByKind: Detector = {
  id: 'C2.selective-by-kind',
  pattern: rx(
    '(?:非国有|民营|其他|非本地|外地|非重点|规模以下|小微|中小|非龙头|其余)',
    gap(8),
    '(?:不享受|不适用|不予(?:补贴|奖励|支持)|不纳入|除外)',
    '|(?:仅限|仅对|只对|限于)',
    gap(6),
    OWNERSHIP_OR_SIZE,
    '|',
    OWNERSHIP_OR_SIZE,
    '(?:企业)?',
    gap(6),
    '(?:方可|才能)(?:享受|申请|申报)',
  ),
  judge: (m, ctx) => {
    if (!ctx.has('subsidy')) return null;
    if (new RegExp(OUTSIDE).test(m[0])) return null;
    return verdict('FCR-C2', 'high', '财政奖补只给予特定所有制、特定级别或特定范围的经营者，其他经营者不能享受');
  },
};

const ownershipTiers: Detector = {
  id: 'C2.ownership-tiers',
  pattern: rx('(?:非国有|民营|私营|非公)(?:企业|经济)?', gap(6), '(?:按|给予|减半|仅|只)'),
  judge: (_m, ctx) =>
    ctx.has('subsidy') && /国有|区属|县属|市属/.test(ctx.text.replace(/非国有/g, ''))
      ? verdict('FCR-C2', 'high', '按所有制形式设置不同的补助比例，属于差异化财政补贴')
      : null,
};

const PUBLIC_USE = /民生|公益|保障性|基础设施|公共服务|学校|医院|养老|公园|低保|困难|特困|家庭|居民/;

const landPreference: Detector = {
  id: 'C3.land',
  pattern: rx(
    '零地价|(?:土地|地价|用地|出让)',
    gap(6),
    '(?:价格)?优惠|优先(?:供地|安排',
    gap(4),
    '用地|保障',
    gap(4),
    '用地|安排',
    gap(4),
    '(?:用地|能耗|排放)指标)|用地指标',
    gap(4),
    '(?:倾斜|优先)|土地出让金',
    gap(6),
    '(?:返还|减免|优惠|先征后返|奖励|补贴)|(?:低于|按)',
    gap(12),
    '(?:最低价|基准地价)',
    gap(10),
    '(?:供地|出让|\\d+%)|协议出让(?=[^，。；]{0,8}(?:土地|用地|地块|宗地))|(?:免费|无偿|低价|(?:以|按)成本价|(?:以|按)优惠价|低于市场价)(?:格)?(?:提供|使用|出租|租赁)?',
    gap(8),
    '(?:土地|厂房|办公用房|场地|用地|办公楼|楼宇|房屋|仓库|仓储|标准厂房)',
    '|(?:土地|用地)',
    gap(6),
    '(?:出让)?(?:价格|地价|价款)',
    gap(4),
    '(?:按|以|为)',
    gap(8),
    '(?:\\d+%|[一二三四五六七八九]折|优惠|减半|降低)',
    '|协议(?:方式)?供地|(?:以|按)?协议(?:方式)?出让(?=[^，。；]{0,6}(?:土地|用地|地块|宗地))|(?:土地|用地|地块|宗地)[^，。；]{0,10}(?:以|按)?协议(?:方式)?(?:出让|供应)',
    '|(?:土地出让金|地价款|出让价款|土地价款|土地款)',
    gap(8),
    '(?:分期|分(?:\\d+|[一二三四五六七八九十两])年|缓缴|延期|延缓|暂缓)',
  ),
  judge: (_m, ctx) =>
    new RegExp(`${MUST}${gap(16)}(?:免费|无偿)`).test(ctx.text) ||
    // "优先保障民生项目用地": public-interest land planning names no operator.
    (PUBLIC_USE.test(ctx.text) && !/企业|公司|集团|经营者|招商|引进|龙头/.test(ctx.text))
      ? null
      : verdict('FCR-C3', 'high', '在土地供应、地价、用地指标等要素获取方面给予特定经营者优惠'),
};

/** "厂房用地按每亩1万元的价格供应": land at a set price for a chosen firm. */
const landAtSetPrice: Detector = {
  id: 'C3.land-at-set-price',
  pattern: rx(
    '(?:土地|用地|地块)',
    gap(4),
    '(?:按|以)',
    gap(4),
    '(?:每亩|每平方米)',
    gap(8),
    '(?:的)?(?:价格|价)?',
    gap(2),
    '(?:供应|出让|供地|出租|提供|转让)',
  ),
  judge: (_m, ctx) =>
    /招标|拍卖|挂牌|招拍挂|评估|最低价标准/.test(ctx.text)
      ? null
      : verdict('FCR-C3', 'high', '以行政确定的低价向特定经营者供应土地，属于要素获取方面的优惠'),
};

/** "出让价格按评估价的六折确定", "按原价的七折出让": a discount off a reference price. */
const discountOffReference: Detector = {
  id: 'C3.discount-off-reference',
  pattern: rx(
    '(?:按|以|为)(?:照)?',
    gap(6),
    '(?:评估价|市场价|基准地价|最低价标准|最低价|挂牌价|原价|标准价|成交价|出让价|同类价格|平均价|标准|正常价)(?:格)?(?:的)?',
    '(?:\\d+(?:\\.\\d+)?%|[一二三四五六七八九](?:\\.\\d)?折|[一二三四五六七八九]成|一半|半价)',
  ),
  judge: (m, ctx) =>
    /土地|用地|出让|地价|供地|电价|水价|气价|用电|用水|用气/.test(ctx.text) && !/租金|租用|租赁/.test(ctx.text) && !ctx.hasFor('consumer', m)
      ? verdict('FCR-C3', 'high', '以低于评估价、市场价的折扣向特定经营者供应土地、厂房或能源等要素')
      : null,
};

const FEES =
  '(?:行政事业性收费|政府性基金|社会保险费|社保费|养老保险费?|医疗保险费?|失业保险费?|工伤保险费?|住房公积金|公积金|配套费|污水处理费|垃圾处理费|排污费|水资源费|人防' +
  gap(6) +
  '费|规费|教育费附加|地方教育附加|残疾人就业保障金|水利建设基金|城市建设费|易地建设费)';

const feeWaiver: Detector = {
  id: 'C3.fee-waiver',
  pattern: rx(
    '(?:减免|免收|免缴|免交|免征|减收|减征|减交|缓缴|缓交|缓征|缓收|返还|不收取|不予收取|暂不收取|暂缓(?:收取|征收|缴纳)|暂免|全免|减半(?:收取|征收)?)',
    gap(14),
    FEES,
    '|',
    FEES,
    sgap(12),
    '(?:减免|免收|免缴|免交|缓缴|缓交|缓征|全免|返还|减半|暂免|暂缓|降至|降低|下调|减按|核减)',
    '|',
    FEES,
    gap(6),
    '(?:按|以)',
    gap(8),
    '(?:\\d+(?:\\.\\d+)?%|[一二三四五六七八九]折|[一二三四五六七八九]成|一半|减半)',
    gap(2),
    '(?:收取|征收|缴纳|计征|计收)',
    '|财政',
    gap(4),
    '(?:代缴|代为缴纳|承担|负担|补缴|补贴|补助|返还)',
    gap(8),
    FEES,
    '|',
    FEES,
    sgap(12),
    '(?:由',
    gap(6),
    '财政',
    gap(4),
    '(?:承担|负担|代缴|支付|补贴)|给予补贴)',
  ),
  judge: () => verdict('FCR-C3', 'high', '减免、缓缴行政事业性收费、政府性基金、社会保险费或住房公积金'),
};

/** Any "…费" waived or reduced for the beneficiaries of a measure. */
const otherFeeWaiver: Detector = {
  id: 'C3.other-fee-waiver',
  pattern: rx('(?:减免|免收|免缴|免交|减交|减半收取|缓缴|缓交|缓收|全额减免|暂免)', gap(8), '[\\u4e00-\\u9fa5]{1,8}费(?!用)'),
  judge: (m, ctx) => {
    if (ctx.hasFor('consumer', m) || (ctx.has('goods') && (ctx.has('local') || ctx.has('outside')))) return null;
    return verdict('FCR-C3', 'medium', '对特定经营者减免、缓缴相关收费，降低其经营成本');
  },
};

const utilityPrice: Detector = {
  id: 'C3.utility-price',
  pattern: rx(
    '优惠(?:电价|水价|气价|热价|用电价格|用水价格|用气价格)',
    '|(?:电|水|气|天然气|燃气|热力|蒸汽)(?:价|价格|费)',
    sgap(14),
    '(?:优惠|补贴|补助|奖励|返还|低于|减免|减半|[一二三四五六七八九]折|\\d+%)',
    '|(?:执行|享受|给予)',
    gap(8),
    '(?:低价|专项)(?:电价|水价|气价)',
    '|(?:执行|享受|按|实行)',
    gap(12),
    '\\d+(?:\\.\\d+)?元',
    gap(4),
    '(?:的)?(?:电价|水价|气价|热价|用电价格|用水价格|用气价格)',
  ),
  judge: (m, ctx) =>
    /元/.test(m[0]) && (ctx.hasFor('consumer', m) || !/对|企业|项目|园区|公司|集团|给予/.test(ctx.text))
      ? null
      : verdict('FCR-C3', 'high', '对特定经营者执行优惠电价、水价、气价，属于要素获取方面的优惠'),
};

const creditPreference: Detector = {
  id: 'C3.credit',
  pattern: rx(
    '(?:优先|低息|免息|无息|优惠利率)(?:给予|提供|发放|安排)?',
    gap(4),
    '(?:贷款|信贷|融资|授信|放贷|放款)',
    '|(?:贷款|融资|授信)?(?:利率|成本)',
    gap(6),
    '(?:下浮|优惠|低于|减半|打折)',
  ),
  judge: (_m, ctx) =>
    /贷款|融资|授信|信贷|放贷|放款|利率/.test(ctx.text) && /重点|龙头|区属|县属|市属|国有|招引|引进|特定|指定|名单|本地|本区|本县|本市|重大项目/.test(ctx.text)
      ? verdict('FCR-C3', 'medium', '安排金融资源向特定经营者倾斜，属于资金要素获取方面的优惠')
      : null,
};

const deposit: Detector = {
  id: 'C3.deposit',
  pattern: rx(
    '(?:保证金|押金)',
    gap(12),
    '(?<!非)(?:只接受现金|现金)',
    '|(?<!非)以现金(?:形式|方式)?(?:缴纳|提交|交纳)',
    gap(6),
    '(?:保证金|押金)',
    '|(?:保证金|押金)',
    gap(10),
    '不(?:予)?(?:退还|返还)',
    '|不接受',
    gap(4),
    '(?:保函|保险)',
  ),
  judge: () => verdict('FCR-C3', 'medium', '要求以现金形式缴纳或不予退还保证金，增加经营者资金成本'),
};

/** A beneficiary the measure picks out: a state-owned, named, ranked or government-chosen firm. */
const CHOSEN_FIRM = /区属|县属|市属|镇属|国有|国企|集团|有限公司|(?:区|县|市)[\u4e00-\u9fa5]{1,8}公司|重点企业|龙头|骨干|(?:确定|认定|指定|选定|推荐)的|[一二三四五六七八九十两\d]家/;

/**
 * "对区属国有企业承接的政府项目，免除其质量保证金": a deposit every other operator must lodge is
 * waived for chosen firms, a cost preference (条例第十条(三); 2021 实施细则 lists deposits there).
 * Waivers for all operators or for small firms (政府采购促进中小企业发展管理办法) restrict nobody.
 */
const depositWaiver: Detector = {
  id: 'C3.deposit-waiver',
  pattern: rx(
    '(?:免除|免收|免缴|免交|减免|减半收取|免于缴纳|免予缴纳|免于提交|无需缴纳|无须缴纳|不需缴纳|不用缴纳|不收取|不再收取|豁免|降低)',
    gap(10),
    '(?:保证金|押金)',
    '|(?:保证金|押金)',
    gap(6),
    '(?:予以)?(?:免除|免收|免缴|全免|减免|减半|豁免|不再收取|无需缴纳|无须缴纳)',
  ),
  judge: (m, ctx) => {
    if (/各类|所有|全部|中小|小微|信用/.test(ctx.text)) return null;
    // "本区企业参加政府采购的，免收投标保证金" keeps outsiders' bids dearer: the tender rules (第九条(三)).
    if (ctx.has('local') && ctx.has('procurement')) return classifyLocal(ctx, 'local-favour', m);
    if (!CHOSEN_FIRM.test(ctx.text) && !ctx.has('local')) return null;
    return verdict('FCR-C3', 'high', '对特定经营者免除或减少其他经营者须缴纳的保证金，给予其资金成本方面的优惠');
  },
};

const factorPriority: Detector = {
  id: 'C3.factor-priority',
  pattern: rx('优先(?:保障|配置|安排|供应|获得)', gap(6), '(?:用能|能耗指标|排放指标|排污权|电力|用电|用水|用气|用电指标|用水指标|人才指标|数据资源|公共数据|碳排放|环境容量)'),
  judge: () => verdict('FCR-C3', 'medium', '在能耗、排放、数据等要素获取上优先保障特定经营者'),
};

const CHARGE = '(?:[\\u4e00-\\u9fa5]{0,6}费(?!用品)|会费|赞助|基金|捐赠|捐款|经费|费用|资金|消费卡|购物卡|[\\u4e00-\\u9fa5]{0,6}集资款?|摊派款)';

const levy: Detector = {
  id: 'C4.levy',
  pattern: rx(
    MUST,
    gap(16),
    '(?:缴纳|交纳|上缴|缴交|认购|分摊|摊派|承担|捐赠|捐款|赞助|认捐)',
    gap(16),
    CHARGE,
    '|(?:',
    MUST,
    ')',
    gap(12),
    '(?:捐赠|捐款|赞助|摊派|分摊|认捐|认购)',
    '|(?:',
    MUST,
    ')',
    gap(12),
    '(?:无偿|免费)(?:为|向)?',
    gap(12),
    '(?:提供|使用)',
    '|',
    MUST,
    sgap(20),
    '(?:免费|无偿)(?:为|向)?(?:提供|承担|开放|服务|赞助)',
    '|',
    MUST,
    gap(14),
    '(?:为|向)',
    gap(8),
    '(?:政府|机关|部门|区委|活动|会议)',
    gap(4),
    '提供',
    gap(10),
    '(?:免费|无偿)',
  ),
  judge: (m, ctx) => levyVerdict(ctx, m),
};

/** "须向区交通安全基金缴纳2万元": money paid into a fund the measure names. */
const payIntoFund: Detector = {
  id: 'C4.pay-into-fund',
  pattern: rx(
    '(?:须|必须|应当|要求|一律|每年)',
    gap(12),
    '(?:向|为)',
    gap(14),
    '(?:基金|基金会|协会|慈善|商会|工会|专户|专项资金)',
    gap(6),
    '(?:缴纳|上缴|交纳|捐|认缴|缴存|缴交|上交)',
  ),
  judge: (m, ctx) => levyVerdict(ctx, m),
};

/** "要求…提供授信，并承担相关活动费用": a charge tacked onto another demand. */
const costAlongside: Detector = {
  id: 'C4.cost-alongside',
  pattern: rx('(?:并|且|同时|还)(?:须|要)?(?:承担|负担|分摊|缴纳|支付)', gap(8), '(?:费用|经费|资金|[\\u4e00-\\u9fa5]{0,4}(?<![消经花免浪耗])费)'),
  judge: (m, ctx) => (/要求|须|必须|应当/.test(ctx.text) ? levyVerdict(ctx, m) : null),
};

/** "须购买区文旅局统一组织的版权年卡", "须统一购买食品安全责任保险": a purchase imposed on operators. */
const forcedPurchase: Detector = {
  id: 'C4.forced-purchase',
  pattern: rx(
    '(?:须|必须|应当|一律|要求)(?:统一)?(?:购买|订阅|认购|订购|参保|投保|购置)',
    gap(16),
    '(?:年卡|保险|[\\u4e00-\\u9fa5]{1,4}险|报刊|杂志|书籍|会员|门票|消费卡|购物卡|服务包|宣传包|年票|刊物|纪念品|版权|套餐)',
    '|(?:须|必须|应当|一律|要求)',
    gap(8),
    '(?:购买|订购|订阅|认购|购置)',
    gap(10),
    '统一(?:印制|制作|组织|定制|配发|订制)',
    '|(?:须|必须|应当|一律|要求)(?:统一)?(?:为|给)',
    gap(8),
    '(?:购买|投保|参保|订购)',
    gap(14),
    '(?:保险|[\\u4e00-\\u9fa5]{1,4}险|年卡|会员|服务)',
  ),
  judge: (m, ctx) =>
    /组织|统一|指定|确定|推荐|每(?:家|户)|不少于/.test(ctx.text) && !ctx.hasLegalBasisFor(m) && !ctx.hasFor('consumer', m)
      ? verdict('FCR-C4', 'medium', '要求经营者购买行政机关组织或指定的商品、保险等，增加其经营成本')
      : null,
};

/** "要求各金融机构每年向乡村振兴基金认捐", "按年接待人次每人1元上缴宣传推广费". */
const donationOrCharge: Detector = {
  id: 'C4.donation-or-charge',
  pattern: rx(
    '(?:要求|须|必须|应当|一律|每年|定额)',
    sgap(30),
    '(?:捐款|捐赠|赞助|认捐|摊派|分摊|认购|定额捐|捐资|捐助|集资|出资)',
    '|按',
    gap(14),
    '(?:每(?:人|户|车|辆|平方米|床|间|吨|家)|人次|营业额|营业收入|收入|面积|车辆数|用工人数|职工人数|销售额|余额|比例|%|[千万百]分之)',
    gap(10),
    '(?:缴纳|上缴|交纳|缴交|上交|缴付|认缴|分摊|摊缴)',
    gap(14),
    '(?:[\\u4e00-\\u9fa5]{0,8}费|基金|经费|资金)',
  ),
  judge: (m, ctx) => levyVerdict(ctx, m),
};

/** Who a charge can be laid on: any operator, a scenic area or a bank. */
const PAYER = new RegExp(`${OPERATOR}|景区|银行`);

export function levyVerdict(ctx: SentenceContext, match: RegExpExecArray): Verdict | null {
  // What the charge is, and who pays it, is read in the phrases that govern the wording: "旅行社须
  // 向区旅游发展基金缴纳宣传推广费，游客不另行负担" still lays the charge on the travel agencies.
  const scope = ctx.scopeOf(match);
  // Charges between private parties (a tour contract, a refund) are not imposed by the measure.
  if (/罚款|罚没|税|导游|合同|违约|赔偿|退还|退赔/.test(scope) || ctx.has('outside')) return null;
  if (/(?:游客|旅游者|消费者|乘客|居民)(?:须|应当|应|需|自愿|自行)/.test(scope)) return null;
  // A burden on public institutions ("博物馆应当逐步免费开放") is not a cost laid on operators.
  if (/公益性|博物馆|纪念馆|图书馆|文化馆|城市公园/.test(scope) && !/企业|经营者|商户/.test(scope)) return null;
  // Statutory contributions are owed under their own laws; a charge is lawful when a basis governs
  // it (条例第十条), not when "依法" backs another duty of the sentence ("…，违反规定的，依法查处").
  if (/社会保险|公积金|工会经费|残疾人就业保障金/.test(scope) || ctx.hasLegalBasisFor(match)) return null;
  if (/按规定/.test(ctx.phraseOf(match))) return null;
  if (ctx.hasFor('consumer', match) && !PAYER.test(scope)) return null;
  return verdict('FCR-C4', 'medium', '没有法定依据要求经营者缴纳费用、捐赠赞助或无偿提供服务，增加其经营成本');
}

export const costDetectors: readonly Detector[] = [
  taxPreference,
  taxLinkedReward,
  taxPaidReward,
  contributionSubsidy,
  namedRecipient,
  caseByCase,
  selectedRecipient,
  capitalInjection,
  costBorne,
  selectiveByKind,
  ownershipTiers,
  landPreference,
  landAtSetPrice,
  discountOffReference,
  feeWaiver,
  otherFeeWaiver,
  utilityPrice,
  utilityFavour,
  creditPreference,
  deposit,
  depositWaiver,
  factorPriority,
  levy,
  donationOrCharge,
  costAlongside,
  payIntoFund,
  forcedPurchase,
];
