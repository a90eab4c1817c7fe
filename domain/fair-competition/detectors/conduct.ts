/**
 * 条例第十一条 — measures affecting business conduct (FCR-D1 … FCR-D4).
 */
import { MUST, OPERATOR, gap, sgap } from '../lexicon';

/** Operators, and the shops and venues a conduct rule is addressed to. */
const OPERATOR_RE = new RegExp(`${OPERATOR}|商超|加油站|景区|场馆|影院|影城|网吧|KTV|农贸市场|批发市场|(?<!机关|公办)[\\u4e00-\\u9fa5]店|健身房|球馆|培训班|托管班|停车场`);
import { type Detector, rx, verdict } from './types';

const PRICE =
  '(?:定价|价格|收费标准|收费|费率|揽收价格|销售价格|门票价格|零售价|批发价|报价|油价|房价|票价|菜价|运价|售价|' +
  // "物业费标准", "起步价": any named fee or price
  '[\\u4e00-\\u9fa5]{1,3}(?<![消经花免浪耗])费(?:标准)|起步价|起价|单价|均价|出厂价|收购价|零售价格|服务价格)';

/** "行业协会不得制定…价格" prohibits the conduct the rule looks for. */
const PROHIBITED_INSIDE = /不得|不能|禁止|严禁|不应|不准/;

const uniformPrice: Detector = {
  id: 'D1.uniform-price',
  pattern: rx('(?:统一|协商|共同|联合)(?!执行)(?:制定|确定|约定)?', gap(4), PRICE, '(?!监测|监管|检查|秩序|违法|欺诈|行为)'),
  judge: (m, ctx) => {
    // "统一规范收费行为" or a price set by the government itself is not an operators' cartel.
    if (/政府定价|政府指导价/.test(ctx.text)) return null;
    if (/^统一/.test(m[0]) && !ctx.has('association') && !/组织|协商|企业|经营者|驾校|旅行社|酒店|商户|会员|实行/.test(ctx.text)) {
      return null;
    }
    return verdict('FCR-D1', 'high', '组织或要求经营者统一价格、协商定价，为经营者达成价格垄断协议提供便利');
  },
};

const associationPrice: Detector = {
  id: 'D1.association-sets-terms',
  pattern: rx(
    '(?:行业协会|协会|商会|联盟|联合会)',
    gap(14),
    '(?:统一|制定|公布|确定|发布|指导|分配|划定)',
    gap(14),
    '(?:价格|收费标准|收费|定价|份额|区域|配额|产量|报价|售价|名额|指标|客源|市场|招生|销量|下浮率|上浮率|浮动幅度|折扣率|费率|造价|利润率|业务|订单|[\\u4e00-\\u9fa5]{1,2}价|[\\u4e00-\\u9fa5]{1,3}(?<![消经花免浪耗])费(?:标准)?)',
  ),
  judge: (m) =>
    PROHIBITED_INSIDE.test(m[0]) ? null : verdict('FCR-D1', 'high', '由行业协会制定或公布统一价格、分配份额，为经营者实施垄断行为提供便利'),
};

/** "收费标准由市殡葬协会统一制定", "签订行业自律协议，约定各企业年度产量配额". */
const associationAgreement: Detector = {
  id: 'D1.association-agreement',
  pattern: rx(
    PRICE,
    gap(8),
    '由',
    gap(14),
    '(?:协会|商会|联盟|联合会)',
    gap(4),
    '(?:统一|共同)?(?:制定|确定|发布|公布|核定|协调|协商)',
    '|约定',
    gap(12),
    '(?:产量|配额|份额|价格|售价|销售区域|经营区域|客源|销量|报价|收费|最低价|折扣)',
    '|(?:产量|销量|销售|市场|生产)(?:配额|份额)(?:分配|划分)?',
  ),
  judge: (m, ctx) => {
    if (PROHIBITED_INSIDE.test(m[0])) return null;
    if (!(ctx.has('association') || OPERATOR_RE.test(ctx.text) || /会员|各家|同行/.test(ctx.text))) return null;
    return verdict('FCR-D1', 'high', '由行业协会或经营者之间约定价格、产量配额或市场份额，为经营者实施垄断协议提供便利');
  },
};

/** "按照行政区划各自承揽业务，互不跨区经营": operators told to keep to their own patch. */
const ownPatch: Detector = {
  id: 'D1.own-patch',
  pattern: rx(
    '互不(?:跨|进入|竞争|争抢|抢)',
    '|各自(?:承揽|经营|负责|服务|揽收|销售)',
    gap(10),
    '(?:区域|片区|范围|业务|地段|线路)',
    '|(?:按照?|依照)行政区划',
    gap(10),
    '(?:承揽|经营|揽客|销售|揽收|服务)',
  ),
  judge: (_m, ctx) =>
    OPERATOR_RE.test(ctx.text) && !/部门|街道|乡镇|属地管理|网格|职责|监管/.test(ctx.text)
      ? verdict('FCR-D1', 'high', '组织经营者按区域各自经营、互不竞争，为经营者分割市场提供便利')
      : null,
};

/** "须优先承运区重点企业的货物": operators told whom to serve first. */
const servePriority: Detector = {
  id: 'D4.serve-priority',
  pattern: rx(
    MUST,
    gap(4),
    '优先(?:承运|承接|接待|供应|服务|保障|销售|安排|收购|配送|供货|满足)',
    gap(8),
    '(?:重点|区属|县属|市属|指定|政府|机关|国有)',
  ),
  judge: (_m, ctx) =>
    OPERATOR_RE.test(ctx.text) && !ctx.has('procurement') && !/应急|突发|灾|疫情|防汛|抢险|民生保障/.test(ctx.text)
      ? verdict('FCR-D4', 'medium', '要求经营者优先为行政机关指定的对象提供商品或服务，干预其自主经营')
      : null,
};

const marketDivision: Detector = {
  id: 'D1.market-division',
  pattern: rx(
    '(?:划分|分配|划定|分割|瓜分)(?:各自的?|各家的?)?(?:[\\u4e00-\\u9fa5]{0,2})(?:市场|区域|片区|客源|地盘|线路|份额|范围|订单|客户|业务量)',
    '|(?:按照?|在)',
    gap(4),
    '(?:划定|划分)的?',
    gap(4),
    '(?:区域|片区|范围)',
    gap(8),
    '(?:经营|发展|揽客|销售|揽收)',
    '|分配(?:市场|客源|份额|市场份额|销售区域)|(?:分配|划定)的(?:份额|区域|片区|客源)',
    '|不得跨(?:区域|片区|区)',
    gap(4),
    '(?:经营|揽客|销售|发展|揽收)',
    '|按照',
    gap(8),
    '份额',
    gap(6),
    '分配',
  ),
  judge: () => verdict('FCR-D1', 'high', '划分市场、分配客源或份额，为经营者分割市场提供便利'),
};

const infoExchange: Detector = {
  id: 'D1.sensitive-information',
  pattern: rx(
    '(?:报送|披露|共享|通报|交换|互通|提供|上报|报)',
    gap(14),
    '(?:成本|成交价|价格|销量|产量|客户|经销商|入住率|营业收入|利润|进货价|进价|售价|出厂价|底价|毛利|采购价|收费|招生|销售额|经营数据|报价|客源)',
    '|(?:成本|成交价|价格|销量|产量|客户|入住率|营业收入|利润|收费|招生人数|销售额|经营数据|报价|客源|油价|房价|售价|进价|出厂价)(?:情况|数据|信息|名单)?',
    gap(12),
    '(?:报送|上报|报|共享|通报|公开|交换)',
  ),
  judge: (m, ctx) =>
    ctx.has('association') ||
    /会员|同行|其他经营者|在会员间|相互|之间/.test(ctx.text) ||
    (/共享|交换|互通|通报/.test(m[0]) && /各|企业|经营者|加油站|商户|门店|酒店|驾校|旅行社/.test(ctx.text)) ||
    /(?:向|在)各[^，。；]{0,6}(?:通报|共享|互通)/.test(ctx.text)
      ? verdict('FCR-D1', 'high', '要求经营者向协会或同行报送、共享价格、成本、客户等敏感信息，便利经营者协调行为')
      : null,
};

const organisedCoordination: Detector = {
  id: 'D1.organised-coordination',
  pattern: rx(
    '(?:组织|引导|要求|协调|召集|牵头|会同|与)(?!的)',
    sgap(20),
    '(?:协商|共同|统一|联合|商定|议定|约定|协定)(?!执行)(?:确定|制定|调整)?',
    gap(12),
    '(?:价格|定价|收费|费率|折扣|涨价|降价|调价|提价|限产|产量|油价|房价|票价|菜价|运价|售价|报价|最低价|价位|收费标准|佣金|提成|收费比例|服务费|手续费)',
    '|价格(?:自律)?公约|自律公约',
    gap(8),
    '价格|联合(?:抵制|限产|涨价|提价)|限产保价',
  ),
  judge: (m) =>
    PROHIBITED_INSIDE.test(m[0]) ? null : verdict('FCR-D1', 'high', '由行政机关组织经营者协商或统一价格、产量，强制或便利经营者实施垄断协议'),
};

/** "按照省医保局核定的价格执行": the price comes from a higher authority, the measure only applies it. */
const HIGHER_PRICE = /(?:按|按照|依照|依据|执行)[^，。；]{0,6}(?:国家|省|市)[^，。；]{0,10}(?:核定|制定|规定|公布|确定)的?[\u4e00-\u9fa5]{0,4}(?:标准|价格|收费标准)/;

const setsRegulatedPrice: Detector = {
  id: 'D2.sets-regulated-price',
  pattern: rx(
    '(?:制定|确定|核定|出台|发布|规定)',
    gap(16),
    '(?:政府定价|政府指导价|收费标准|指导价|收费价格|[\\u4e00-\\u9fa5]{1,4}费标准|收费指导标准|服务价格)',
    '|(?:实行|执行|纳入)政府(?:定价|指导价)',
    '|(?:局|委|政府|办|管委会)',
    gap(4),
    '(?:制定|确定|核定|统一规定)',
    gap(14),
    '(?:价格|收费标准|收费)',
  ),
  judge: (m, ctx) => {
    if (ctx.has('association') || PROHIBITED_INSIDE.test(m[0])) return null;
    // "收费标准依照市发展改革委核定的政府定价执行" applies a price set by the competent authority.
    if (/(?:依照|按照|依据|执行)[^，。；]{0,20}(?:政府定价|政府指导价|定价目录)|(?:政府定价|政府指导价)执行/.test(ctx.text)) return null;
    if (HIGHER_PRICE.test(ctx.text)) return null;
    return verdict('FCR-D2', 'high', '对实行市场调节价的商品或服务制定政府定价、政府指导价或收费标准，可能超越法定定价权限');
  },
};

/**
 * "区文旅局每月公布全区民宿指导价格，各民宿参照执行": an administrative body publishes a price for a
 * market-regulated service and tells operators to follow it. A 指导价 so set is a government-guided
 * price outside the pricing catalogue (条例第十一条(二); 价格法第十八条、第十九条); a uniform,
 * reference or minimum price is interference in a market price (第十一条(三); the 2021 实施细则 names
 * "发布统一价、参考价" and "最高、最低限价").
 */
const publishedPrice: Detector = {
  id: 'D2.published-price',
  pattern: rx(
    '(?:公布|发布|制定|确定|印发|下发|出台)',
    gap(16),
    '(?:指导价|统一价|最低价|参考价|基准价|统一售价|保护价)(?:格)?',
    sgap(16),
    '(?:参照|执行|遵照|按照|不得低于|不得高于)',
  ),
  judge: (m, ctx) => {
    if (ctx.hasFor('procurement', m) || ctx.has('association') || PROHIBITED_INSIDE.test(m[0])) return null;
    if (/土地|用地|出让|地价|政府定价|定价目录|公办|公立|依照《/.test(ctx.text) || HIGHER_PRICE.test(ctx.text)) return null;
    if (!/局|委|政府|办|管委会|部门|中心|街道|乡镇/.test(ctx.text.slice(0, m.index - ctx.sentence.start + m[0].length))) return null;
    return /指导价/.test(m[0])
      ? verdict('FCR-D2', 'high', '行政机关对实行市场调节价的商品或服务发布指导价格并要求经营者参照执行，超越法定权限制定政府指导价')
      : verdict('FCR-D3', 'high', '行政机关发布统一价、参考价或最低价并要求经营者执行，违法干预市场调节价');
  },
};

const UTILITY_OR_LAND = /电价|水价|气价|用电|用水|用气|地价|土地|用地|污水处理费|垃圾处理费|配套费|行政事业性收费|政府性基金/;

const preferentialPrice: Detector = {
  id: 'D2.preferential-price',
  pattern: rx(
    '(?:给予|执行|享受|提供|实行|按)',
    gap(12),
    '(?:优惠价格|价格优惠|优惠价|优惠租金|租金优惠|优惠费率|优惠收费标准|折扣价|内部价|内部租价|内部租金|内部价格|优惠租价|象征性(?:租金|价格|收费)|成本价)',
    '|(?:租金|租赁|场租|摊位费)',
    gap(8),
    '(?:给予|执行|享受)',
    gap(4),
    '(?:优惠|减免|折扣)',
    '|(?:租金|租赁费|场租|价格|收费|[\\u4e00-\\u9fa5]{1,3}费)',
    gap(8),
    '(?:按|为)',
    gap(8),
    '(?:市场价|评估价|标准价|指导价|成本价|正常价|原价|挂牌价|同类价|收费标准|标准|正常收费)(?:格)?(?:的)?(?:\\d+%|[一二三四五六七八九]折|一半|半价)',
    '|按(?:照)?',
    gap(4),
    '(?:市场价|评估价|标准价|指导价|正常价|原价|挂牌价|收费标准|标准|正常收费)(?:格)?(?:的)?(?:\\d+%|[一二三四五六七八九]折|[一二三四五六七八九]成|一半|半价)',
    gap(4),
    '(?:收取|计收|结算|执行|计费|收费)',
  ),
  judge: (m, ctx) => {
    // A discount for consumers, or a land or utility price (第十条(三)), in the phrases that govern
    // the wording; "…，参加活动的学生家长无需另行付费" is another rule.
    if (ctx.hasFor('consumer', m) || UTILITY_OR_LAND.test(ctx.scopeOf(m))) return null;
    return verdict('FCR-D2', 'high', '为特定经营者提供优惠价格或优惠租金');
  },
};

/**
 * "租金为每平方米5元，低于同地段市场租金一半", "对区城投公司车辆免费停放，其他企业车辆按标准收费":
 * one operator gets a price others do not.
 */
const favouredPrice: Detector = {
  id: 'D2.favoured-price',
  pattern: rx(
    '低于',
    gap(10),
    '(?:市场(?:价|价格|租金|水平)|评估价|同(?:地段|类|期|区域)',
    gap(6),
    '(?:价|租金|收费))',
    '|其他',
    gap(6),
    '(?:企业|单位|经营者|车辆|用户|商户|主体|主办方|承办方|客户|机构)',
    gap(6),
    '(?:(?:按|执行)(?:标准|原价|正常|市场价|全额|规定)|(?:正常|全额|照常)(?:收费|收取|计费|缴费))',
  ),
  judge: (_m, ctx) => {
    // Read sentence-wide on purpose: "其他企业按标准收费" compares with the price another phrase gives
    // ("…供水价格按优惠价格执行，其他企业按标准执行"), so the whole sentence is the wording's setting.
    if (ctx.has('consumer') || ctx.has('outside') || UTILITY_OR_LAND.test(ctx.text)) return null;
    if (ctx.has('procurement') || !/公司|集团|企业|单位|经营者|合作社|供销社|门店|中心|协会|主办方|机构|平台/.test(ctx.text)) return null;
    if (!/免费|免收|优惠|折|减半|低于|半价|\d+元/.test(ctx.text)) return null;
    return verdict('FCR-D2', 'high', '为特定经营者提供低于市场水平或其他经营者的优惠价格');
  },
};

const uniformExecutedPrice: Detector = {
  id: 'D3.uniform-executed-price',
  pattern: rx(
    '统一执行',
    gap(14),
    '(?:价格|价|收费|费)|统一(?:执行|实行)?(?:执行价|售价|零售价)',
    '|(?:价格|售价|票价|收费|费|价)',
    gap(4),
    '统一(?:执行|实行|按)',
    '|(?:价格|售价|零售价|批发价|票价|收费|价)',
    gap(4),
    '(?:一律|统一|均)(?:按照?|执行)',
    gap(12),
    '(?:通知|公布|确定|规定|核定|发布|下达)的(?:价格|标准|价)',
  ),
  judge: (_m, ctx) =>
    /政府定价|定价目录|依照《/.test(ctx.text) ? null : verdict('FCR-D3', 'high', '要求经营者统一执行某一价格，干预市场调节价'),
};

/** "猪肉零售价一律按每斤28元执行", "剪发价格统一为30元": a market price pinned to a number. */
const fixedAmount: Detector = {
  id: 'D3.fixed-amount',
  pattern: rx(
    '(?:价格|售价|零售价|批发价|起步价|票价|房价|租金|收费|服务费|单价|[\\u4e00-\\u9fa5]{1,3}(?<![消经花免浪耗])费|[\\u4e00-\\u9fa5]{1,2}价)',
    gap(4),
    '(?:一律|统一|均|全部|一致)(?:按|执行|为|定为|确定为|实行|按照)?',
    gap(6),
    '(?:每[\\u4e00-\\u9fa5]{1,3})?\\d+(?:\\.\\d+)?元',
  ),
  judge: (m, ctx) => {
    // A tender, a subsidy, land or a fine read in the wording's scope: "门票价格统一为60元，对困难群众
    // 给予门票补贴" still pins the price.
    if (ctx.hasFor('procurement', m) || ctx.hasFor('subsidy', m) || /土地|用地|出让|补贴|奖励|罚款|政府定价|定价目录/.test(ctx.scopeOf(m))) return null;
    return verdict('FCR-D3', 'high', '要求经营者统一按某一固定价格执行，干预实行市场调节价的商品和服务价格');
  },
};

const referencePrice: Detector = {
  id: 'D3.reference-or-cap',
  pattern: rx('参考价(?:格)?|基准价|最高限价|最低限价|价格上限|价格下限|(?:实行|实施|设定)限价|限价(?:销售|措施)'),
  judge: (m, ctx) => {
    // A tender's ceiling price and the statutory land-price floor are lawful budget tools.
    if (ctx.hasFor('procurement', m) || /土地|用地|出让/.test(ctx.scopeOf(m))) return null;
    return verdict('FCR-D3', 'high', '发布参考价或设定最高、最低限价，干预实行市场调节价的商品和服务价格');
  },
};

const PRICE_NOUN =
  '(?:价格|售价|票价|房价|收费|课时费|学费|年卡价格|会员费|门票|租金|运价|价|费率|佣金|抽成|提成|折扣|手续费|服务费|佣金比例|抽成比例|[\\u4e00-\\u9fa5]{1,3}(?<![消经花免浪耗])费)';

/** "房价不得超过节会前平均房价的1.5倍", "零售价须控制在指导价范围内": a price held to a yardstick. */
const priceYardstick: Detector = {
  id: 'D3.price-yardstick',
  pattern: rx(
    '(?:价格|售价|零售价|房价|票价|收费|价)',
    sgap(16),
    '(?:不得|不能|须|应当|一律)(?:高于|超过|低于|控制在|保持在|限定在)',
    gap(16),
    '(?:倍|%|指导价|参考价|均价|平均价|范围内|区间内|以内)',
  ),
  judge: (m, ctx) =>
    ctx.hasFor('procurement', m) || ctx.hasFor('subsidy', m) || !OPERATOR_RE.test(ctx.text) || /政府定价(?!除外)|公办|公立|土地|用地|出让|补贴/.test(ctx.scopeOf(m))
      ? null
      : verdict('FCR-D3', 'high', '要求经营者价格不超过或不低于某一基准，干预实行市场调节价的商品和服务价格'),
};

/** "网约车平台不得在凌晨1点至5点接单": hours of business dictated. */
const hoursBan: Detector = {
  id: 'D4.hours-ban',
  pattern: rx('不得在', gap(4), '(?:\\d+[点时]|凌晨|夜间|晚上|深夜|早上|午间)', gap(10), '(?:营业|经营|接单|开门|营运|销售|运营|出车|开放)'),
  judge: (_m, ctx) =>
    OPERATOR_RE.test(ctx.text) && !/噪声|施工|安全|消防|未成年|居民区/.test(ctx.text)
      ? verdict('FCR-D4', 'medium', '限定经营者的营业时段，干预其自主经营')
      : null,
};

/** "人均消费标准限定在50元至80元之间": a price band set for operators. */
const priceBand: Detector = {
  id: 'D3.price-band',
  pattern: rx(
    '(?:价格|消费|收费|售价|房价|票价|[\\u4e00-\\u9fa5]{0,4}(?<![经花免浪耗])费)(?:标准|水平)?',
    gap(6),
    '(?:限定|控制|规定|确定|统一)(?:在|为)',
    gap(4),
    '\\d+(?:\\.\\d+)?元',
  ),
  judge: (m, ctx) =>
    ctx.hasFor('procurement', m) || ctx.hasFor('subsidy', m) || /政府定价(?!除外)|公办|公立|罚款/.test(ctx.scopeOf(m))
      ? null
      : verdict('FCR-D3', 'high', '为经营者规定价格区间或固定价格，干预实行市场调节价的商品和服务价格'),
};

/** "婚宴每桌不得超过十道菜": how much an operator may offer, capped. */
const offerCap: Detector = {
  id: 'D4.offer-cap',
  pattern: rx('(?:每(?:桌|单|人|次|份|场|店|户))', gap(8), '(?:不得超过|不超过|最多|限)', gap(2), '(?:\\d+|[一二三四五六七八九十两]{1,3})(?:道|种|款|件|项|场|次|桌|个)'),
  judge: (_m, ctx) =>
    OPERATOR_RE.test(ctx.text) && !/承载|安全|消防|疫情|罚款|补贴|奖励/.test(ctx.text)
      ? verdict('FCR-D4', 'medium', '限定经营者提供商品或服务的数量、种类，干预其自主经营')
      : null,
};

/** "年卡最高不得超过3000元", "不得低于每次30元": an explicit money floor or cap on what operators charge. */
const moneyFloorOrCeiling: Detector = {
  id: 'D3.money-floor-ceiling',
  pattern: rx(
    '(?:最高|最低)?(?:不得|不能|不应|不准)(?:低于|高于|超过|少于)',
    gap(4),
    '(?:每[\\u4e00-\\u9fa5]{1,3})?\\d+(?:\\.\\d+)?元',
  ),
  judge: (m, ctx) => {
    if (ctx.hasFor('procurement', m) || ctx.hasFor('subsidy', m) || !OPERATOR_RE.test(ctx.text)) return null;
    // The sum is a deposit, capital, wage or loan rather than a price only when the wording's own
    // phrases say so: "…收费不得低于每人每天200元，所收资金须专款专用" still sets a floor price.
    const scope = ctx.scopeOf(m);
    if (/土地|用地|出让|罚款|保证金|押金|注册资本|投资|资金|资产|营业收入|纳税|工资|薪酬|报酬|赔偿|预付|储值|备案|贷款|担保/.test(scope)) return null;
    if (/政府定价(?!除外)|公办|公立/.test(scope)) return null;
    return verdict('FCR-D3', 'high', '规定经营者收费的最低或最高金额，违法干预市场调节价');
  },
};

const priceFloorOrCeiling: Detector = {
  id: 'D3.price-floor-ceiling',
  pattern: rx(
    PRICE_NOUN,
    gap(10),
    '(?:最高|最低)?(?:不得|不能|不应|不准|不宜)(?:低于|高于|超过|少于|突破)',
    '|(?:折扣|手续费|佣金|抽成|提成|服务费率|费率)(?:比例)?',
    gap(6),
    '(?:限定|最高|最低|控制在|不超过)',
    '|(?:价格|房价|票价|售价|收费)',
    gap(6),
    '(?:上涨|涨价|上浮|下浮|浮动|涨幅|调整)(?:幅度|比例)?',
    gap(4),
    '(?:不得超过|不超过|控制在|最高)',
    '|不得(?:擅自|随意|私自)?(?:降价|调价|涨价|打折|让利|变相降价|低价)',
    '|(?:不得|不能)低于',
    gap(4),
    '折',
  ),
  judge: (m, ctx) => {
    const scope = ctx.scopeOf(m);
    if (/土地|用地|出让|补贴比例|奖励比例/.test(scope) || ctx.hasFor('subsidy', m)) return null;
    // A government-owned body's own fee, or a cap on a government-set price, is not interference in a market price.
    if (/政府性(?:融资)?担保|公办|公立/.test(scope)) return null;
    if (/政府定价/.test(ctx.text) && /高于|超过|突破/.test(m[0])) return null;
    return verdict('FCR-D3', 'high', '规定最低价、最高价、涨价幅度或佣金折扣比例，违法干预市场调节价');
  },
};

const forcedParticipation: Detector = {
  id: 'D4.forced-participation',
  pattern: rx('(?:必须|须|应当|要求|强制)', gap(10), '参加', gap(16), '(?:活动|促销|展会|展销|节|评比|评选|培训)'),
  judge: (_m, ctx) =>
    /经营者|企业|商户|酒店|饭店|旅行社|景区|门店|商家|超市/.test(ctx.text) && !ctx.has('outside')
      ? verdict('FCR-D4', 'medium', '强制经营者参加行政机关组织的促销、展会等经营活动，干预其自主经营')
      : null,
};

const productionPlan: Detector = {
  id: 'D4.production-plan',
  pattern: rx(
    '(?:下达|分配|核定)的?',
    gap(6),
    '(?:产量|生产|销售|经营|营业)(?:计划|指标|配额|任务)',
    '|按照',
    gap(12),
    '(?:产量|生产|销售)计划',
    gap(6),
    '(?:组织生产|生产|销售)',
    '|不得超(?:计划|产能|指标)(?:生产|销售)?',
    '|',
    MUST,
    gap(6),
    '(?:完成|达到)',
    gap(10),
    '(?:下达|分配|规定)的',
    gap(10),
    '(?:任务|指标|计划)',
  ),
  judge: (_m, ctx) =>
    // Targets handed down to a township or department are internal administration.
    /(?:镇|乡|街道|区|县|市)(?:人民)?政府(?:须|应当|要)|各(?:乡镇|镇|街道|部门|成员单位)/.test(ctx.text) && !OPERATOR_RE.test(ctx.text.replace(/招商/g, ''))
      ? null
      : verdict('FCR-D4', 'medium', '向经营者下达产量、生产或销售计划，干预其自主生产经营'),
};

const salesChannel: Detector = {
  id: 'D4.sales-channel',
  pattern: rx(
    '不得(?:通过|利用|在)',
    gap(8),
    '(?:网络|线上|平台|电商|直播|网上)',
    gap(6),
    '(?:销售|经营|营销|推广|售卖)',
    '|(?:禁止|不得)(?:开展)?(?:网络|线上|直播)(?:销售|营销)',
  ),
  judge: () => verdict('FCR-D4', 'medium', '限制经营者的销售渠道或经营方式'),
};

const businessHours: Detector = {
  id: 'D4.business-hours',
  pattern: rx(
    MUST,
    gap(12),
    '(?:\\d+[点时]|晚上|凌晨|夜间)',
    gap(6),
    '(?:(?:停止|结束)(?:对外)?(?:营业|经营)|闭店|关门|歇业|开门营业|开始营业)',
    '|营业时间',
    gap(8),
    '(?:不得|限定|统一|须|应当|为)',
    '|(?:统一|调整|限定|规定|延长|缩短)',
    gap(4),
    '营业时间',
  ),
  judge: () => verdict('FCR-D4', 'medium', '统一规定经营者的营业时间，干预其自主经营'),
};

const forcedPromotion: Detector = {
  id: 'D4.forced-promotion',
  pattern: rx('(?:要求|须|必须|应当)', gap(12), '(?:统一)?(?:开展|组织|举办|推出)', gap(10), '(?:促销|优惠|打折|让利|降价|特价)'),
  judge: (_m, ctx) => (ctx.has('outside') ? null : verdict('FCR-D4', 'medium', '要求经营者统一开展促销、让利活动，干预其自主经营')),
};

const orderedAdjustment: Detector = {
  id: 'D4.ordered-adjustment',
  pattern: rx(
    '(?:按照|根据|按)',
    gap(12),
    '(?:要求|部署|安排|指令|意见|指导|通知|口径)',
    sgap(10),
    '(?:调整|压减|变更|改变|关闭|缩减|接待|承接|生产|销售|采购|组织|放映|播放|经营|下调|上调|降低|提高|控制|限制|停止|暂停|取消|调配|调度|投放|转移|配置|布设|闭园|闭馆|停业|休整|歇业|轮休|轮流)',
  ),
  judge: (m, ctx) =>
    OPERATOR_RE.test(ctx.text) && !ctx.hasLegalBasisFor(m)
      ? verdict('FCR-D4', 'medium', '要求经营者按照行政机关要求调整经营品类、布局或方式，干预其自主经营')
      : null,
};

const steeredCustomers: Detector = {
  id: 'D4.steered-customers',
  pattern: rx(MUST, gap(6), '将', gap(10), '(?:客源|游客|客户|订单|业务|团队)', gap(6), '(?:安排|输送|导入|引导|交给|分配)(?:到|至|给)?'),
  judge: () => verdict('FCR-D4', 'medium', '要求经营者将客源、订单安排给指定对象，干预其自主经营'),
};

const forcedMerger: Detector = {
  id: 'D4.forced-merger',
  pattern: rx('(?:强制|要求|责令)', gap(16), '(?:合并|重组|兼并|并购|联营|托管|整合|加入', gap(8), '(?:连锁|体系|集团|联盟))'),
  judge: () => verdict('FCR-D4', 'high', '强制经营者合并重组，干预其自主经营'),
};

const imposedModel: Detector = {
  id: 'D4.imposed-model',
  pattern: rx(
    '(?:统一使用|统一采用|必须采用|须采用|应当采用|统一执行)',
    gap(14),
    '(?:经营模式|服务流程|管理模式|经营方式|运营模式|商业模式)',
  ),
  judge: () => verdict('FCR-D4', 'medium', '要求经营者统一采用行政机关设计的经营模式、服务流程'),
};

const FORCED_DEAL_REASON = '强制经营者与特定经营者合作或完成指定的经营任务，干预其自主经营';
/** The party between "与/同" and "签订" in the contract branch of forcedDeal. */
const DEAL_COUNTERPARTY = /(?:与|同)(.*?)(?:签订|签署)/;
// A particular firm: "区旅游集团", "指定的运营企业"; "人才须与企业签订服务协议" names none.
const FIRM_COUNTERPARTY = /公司|集团|(?:指定|确定|认定|推荐|选定|特定)的?[^，。；]{0,8}(?:企业|机构)|(?:区|县|市|镇)属?[\u4e00-\u9fa5]{1,8}(?:企业|机构)/;
// A contract any operator must have with some licensed provider (an insurer, a bank) names no partner.
const GENERIC_COUNTERPARTY = /保险(?:公司|机构)|金融机构|银行|具备[^，。；]{0,6}资质|有资质|依法设立|符合条件|游客|旅游者|消费者|员工|职工|劳动者/;

const forcedDeal: Detector = {
  id: 'D4.forced-deal',
  pattern: rx(
    MUST,
    '(?:与|同)',
    gap(14),
    '(?:签订|签署)',
    gap(8),
    '(?:协议|合同)',
    '|(?:要求|必须|须)',
    gap(14),
    '组织',
    gap(16),
    '(?:游客|客源|团队|旅游团)',
  ),
  judge: (m) => {
    const deal = DEAL_COUNTERPARTY.exec(m[0]);
    if (deal) {
      // "旅行社组织团队旅游应当与游客签订书面合同" is the contract 旅游法第五十八条 requires, not a
      // business partner forced on the operator: only a firm as counterparty is one.
      const party = deal[1]!;
      return FIRM_COUNTERPARTY.test(party) && !GENERIC_COUNTERPARTY.test(party) ? verdict('FCR-D4', 'medium', FORCED_DEAL_REASON) : null;
    }
    return /游客|客源|团队|旅游团/.test(m[0]) ? verdict('FCR-D4', 'medium', FORCED_DEAL_REASON) : null;
  },
};

/** "酒店须预留30%的客房供区政府接待使用": capacity held for the government. */
const reservedCapacity: Detector = {
  id: 'D4.reserved-capacity',
  pattern: rx(
    MUST,
    gap(8),
    '(?:预留|留出|保留|留存|腾出|划出)',
    gap(16),
    '(?:供|用于|给|交由|服务)',
    gap(8),
    '(?:政府|机关|部门|接待|会议|公务|指挥部|区委|县委|市委)',
  ),
  judge: (_m, ctx) =>
    OPERATOR_RE.test(ctx.text) ? verdict('FCR-D4', 'medium', '要求经营者预留经营资源供行政机关使用，干预其自主经营') : null,
};

/** "每周日须停业半天", "促销活动每年不得超过四次", "须按分配的数量接待": operating choices dictated. */
const dictatedOperation: Detector = {
  id: 'D4.dictated-operation',
  pattern: rx(
    '(?:每(?:周|日|天|月)|周[一二三四五六日末]|节假日|夜间|晚上|凌晨)',
    gap(8),
    '(?:须|应当|必须|一律|统一)?',
    gap(4),
    '(?:停业|歇业|休业|闭店|关门|停止营业|暂停营业|闭园|闭馆|停运)(?!后|以后|之后|期间|时)',
    '|(?:促销|打折|让利|营销|广告|直播|推广|宣传)(?:活动)?',
    gap(8),
    '(?:不得超过|不超过|最多|限于|控制在)',
    gap(4),
    '(?:\\d+|[一二三四五六七八九十两])次',
    '|(?:按|按照|根据)',
    gap(10),
    '(?:分配|下达|摊派)的',
    gap(4),
    '(?:数量|计划|指标|任务|配额|比例|份额|规模|班次|场次)',
  ),
  judge: (m, ctx) => {
    // A closure ordered as a penalty or for safety is not a business-hours rule; a "依法" that backs
    // another duty ("…，违反规定的，依法查处") is no basis for this one.
    if (!OPERATOR_RE.test(ctx.text) || /整顿|违法|应急|停电|疫情|安全|处罚/.test(ctx.text) || ctx.hasLegalBasisFor(m)) return null;
    if (ctx.hasFor('procurement', m) || ctx.hasFor('subsidy', m)) return null;
    return verdict('FCR-D4', 'medium', '规定经营者的营业时段、促销次数或经营数量，干预其自主经营');
  },
};

/** "须服从区物流办的统一调度": operators put under administrative command. */
const administrativeCommand: Detector = {
  id: 'D4.administrative-command',
  pattern: rx(MUST, gap(4), '(?:服从|听从|接受)', gap(12), '(?:统一)?(?:调度|调配|指挥|安排|调派)'),
  judge: (_m, ctx) =>
    OPERATOR_RE.test(ctx.text) && !/应急|突发|灾|疫情|战时|防汛|抢险/.test(ctx.text)
      ? verdict('FCR-D4', 'medium', '要求经营者服从行政机关的统一调度安排，干预其自主经营')
      : null,
};

/** "须采用市住建局审定的统一宣传口径", "配送范围不得超过3公里". */
const imposedTerms: Detector = {
  id: 'D4.imposed-terms',
  pattern: rx(
    '(?:须|必须|应当|一律|统一)(?:使用|采用|执行|遵照|按照|按)',
    gap(12),
    '(?:审定|确定|制定|规定|统一|下发|印发)的',
    gap(8),
    '(?:口径|宣传|营销|话术|经营模式|服务模式|运营模式|商业模式|营销方案|促销方案|菜单|套餐|线路|广告|模板)',
    '|(?:须|必须|应当|一律)',
    gap(8),
    '(?:陈列|摆放|放映|播放|展示|推介|上架|销售)',
    gap(8),
    '(?:推荐|指定|确定|审定)的?',
    '|(?:配送|服务|经营|营业|销售|揽收|接单)(?:范围|半径|区域|距离)',
    gap(4),
    '(?:不得超过|不超过|限定在|限于|控制在|不得跨)',
  ),
  judge: (m, ctx) =>
    OPERATOR_RE.test(ctx.text) && !ctx.hasFor('procurement', m)
      ? verdict('FCR-D4', 'medium', '统一规定经营者的营销宣传口径、经营模式或服务范围，干预其自主经营')
      : null,
};

export const conductDetectors: readonly Detector[] = [
  uniformPrice,
  associationPrice,
  associationAgreement,
  ownPatch,
  marketDivision,
  infoExchange,
  organisedCoordination,
  setsRegulatedPrice,
  publishedPrice,
  preferentialPrice,
  favouredPrice,
  uniformExecutedPrice,
  fixedAmount,
  referencePrice,
  priceFloorOrCeiling,
  moneyFloorOrCeiling,
  priceBand,
  priceYardstick,
  forcedParticipation,
  productionPlan,
  salesChannel,
  orderedAdjustment,
  businessHours,
  forcedPromotion,
  forcedMerger,
  steeredCustomers,
  imposedModel,
  forcedDeal,
  reservedCapacity,
  imposedTerms,
  administrativeCommand,
  dictatedOperation,
  servePriority,
  offerCap,
  hoursBan,
];
