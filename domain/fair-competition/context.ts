/**
 * What the rest of a sentence says about a suspicious wording.
 *
 * A keyword alone is not a breach: "须经批准" is harmless when a cited law requires the approval,
 * "特许经营" is harmless when the operator is chosen by open tender, and "外地企业" appears in
 * safeguards ("不得排斥外地企业") as often as in restrictions. Detectors read the sentence's
 * setting (procurement? subsidy? goods?) from here to choose a standard, and the pre-screen reads
 * the mitigations to lower or drop a finding.
 */
import {
  ABOLISHER,
  FEE_OR_PRICE,
  GOODS,
  LOCAL,
  NEGATOR,
  OPERATOR,
  OUTSIDE,
  PROCUREMENT,
  PUBLIC_PURCHASE,
  RESTRICTING_VERB,
  SUBSIDY,
  gap,
} from './lexicon';
import { departmentalTitle } from '../text/issuers';
import type { Sentence } from '../text/sentences';

export type { Sentence } from '../text/sentences';

/** Settings a detector may ask about. */
const SETTINGS = {
  procurement: new RegExp(PROCUREMENT),
  publicPurchase: new RegExp(PUBLIC_PURCHASE),
  subsidy: new RegExp(SUBSIDY),
  feeOrPrice: new RegExp(FEE_OR_PRICE),
  goods: new RegExp(GOODS),
  outside: new RegExp(OUTSIDE),
  local: new RegExp(LOCAL),
  exit: /注销|迁出|迁离|迁往|外迁|搬迁|搬离|迁移|转让|退出|歇业|破产|撤出|撤离|减资|关停/,
  conductChange:
    /(?:更换|更新)[^，。；]{0,4}?(?:车型|车辆|设备|品牌|供应商|产品)|直播方案|(?:营销|推广|经营)方案|发车班次|营运班次|班次|排班|(?:调整|变更|提高|降低|下调|上调)[^，。；]{0,4}?(?:抽成|佣金|费率|收费|提成)|(?:调整|变更|改变|压减|修改|更改|增减|增加|减少)[^，。；]{0,6}?(?:经营|营业|门店|布局|项目|范围|方式|价格|时间|品类|结构|路线|产品|规则|算法|渠道|策略|方案|计划|菜单|服务内容)|促销|推广活动|营业时间|经营范围|经营方式|调价|降价|涨价|打折|(?:推出|上线|发布|上架)[^，。；]{0,6}?(?:产品|线路|服务|商品|套餐|新品)|新(?:开发|推出|设计|研发)的?[^，。；]{0,6}?(?:产品|线路|服务|商品|套餐)|活动方案|进货渠道/,
  association: /协会|商会|联盟|联合会/,
  consumer: /游客|消费者|居民|市民|老年人|学生|儿童|军人|残疾人|旅游者|群众|乘客|患者|家长|职工群众/,
  establishment: /设立|注册|成立|新设|开设|落户|迁入|分支机构|子公司|分公司|分店|分所|门店|网点|独立法人|总部|办事处|投资|新建|兴建|开办/,
  supervision:
    /报送|每季度|每月|频次|检查|抽查|抽检|检验|检测|检疫|稽查|监管|执法|资质|审核|审查|核查|认定|认可|认证|复核|证明|备案|登记|培训|考核|评估|评价|标准|背景审查|信用|执业|许可|证书|岗位证|考试|评级|起评|验收|评审环节|报备|报告/,
  factor:
    /户籍|劳动力|劳务|务工|就业|人才|招聘|招用|录用|聘用|用工|数据|资金|存款|金融机构|银行|贷款|担保|融资|保险|土地|用地|流转|技术|成果|知识产权|毕业生/,
  soft: /鼓励|倡导|提倡|引导|推动|支持/,
  exceptionGround: /国家安全|发展利益|科学技术进步|自主创新|节约能源|节能减排|保护环境|环境保护|生态环境保护|救灾|救助|公共利益|突发事件|疫情防控|应急处置/,
} as const;

export type Setting = keyof typeof SETTINGS;

/** Why a finding was lowered or dropped; reported so a reviewer can see the reasoning. */
export type Mitigation =
  | 'negated' // the wording sits inside a prohibition: "不得指定供应商"
  | 'safeguard' // equal-treatment wording: "各类市场主体平等享受"
  | 'legalBasis' // a law, administrative regulation or State Council rule is cited as the basis
  | 'openCompetition' // the beneficiary is chosen by open, equal competition
  | 'autonomy' // the decision is left to operators: "由经营者自主确定"
  | 'definition' // a definition ("本办法所称…是指…") restricts nobody
  | 'pricingAuthority' // "按照定价权限": a government price set within pricing authority (price findings only)
  | 'departmentalRule' // only a departmental document is cited: no basis; lowers an approval (行政许可法第十六条第三款)
  | 'exceptionGround' // a 第十二条 ground is invoked: lower, never drop (the conclusion must explain it)
  | 'soft'; // encouragement, not a requirement

// "依照《旅行社条例》" / "按照国家有关规定" / "依法须经" / "定价目录": a higher-level basis.
const CITED_TITLE = /(?:依照|依据|根据|按照|遵照|符合|执行|适用)《([^》]{1,40})》|《([^》]{1,40}(?:法|条例))》(?:第[^，。；]{1,10}条)?(?:的)?规定/g;
const GENERIC_BASIS = new RegExp(
  '(?:依照|依据|根据|按照|遵照|符合|执行|适用)(?:有关|相关)?(?:法律|行政法规|法规|法律法规|法律、行政法规|' +
    '国家(?:有关|相关)?(?:规定|政策)|国家和[^，。；]{1,4}(?:有关)?规定|国务院(?:有关)?(?:规定|决定)|定价目录|定价权限|上级(?:有关)?规定)' +
    '|依法(?!查处|处理|追究|追回|予以)' +
    '|法律、行政法规(?:另有)?规定|法律法规(?:另有)?规定|经国务院批准|国务院批准|国家规定的|定价目录|定价权限|法定(?!代表)',
  'g',
);
// A title that is itself a local policy cannot authorise a restriction.
const LOCAL_TITLE = /本区|本县|本市|本镇|区级|县级|措施|方案|通知|意见|若干|本办法|本规定/;
// 《天津市南开区民宿管理暂行规定》: a district or county cannot make a law, regulation or rule, so
// its 规定/办法 cannot set a licence (行政许可法第十四条至第十七条: only 法律、行政法规、地方性法规
// and, for a temporary licence, 省级政府规章) nor a cost or conduct measure (条例第十条: 法律、行政法规
// 或者国务院批准).
const DISTRICT_LEVEL = /区|县|旗|镇|乡|街道/;
// Common nouns that contain those characters but name no district ("景区", "自治区" is a province).
const NOT_A_DISTRICT = /风景名胜区|景区|园区|社区|城区|山区|牧区|市区|林区|矿区|库区|港区|厂区|校区|片区|街区|营区|辖区|保护区|功能区|自治区|区域|地区|县级以上|县域|乡村|城乡|乡镇企业/g;
// A law (…法) or a regulation (…条例); a 办法 is a rule, not a law.
const STATUTE_TITLE = /(?<!办)法$|条例$/;

// A title that names a department as its issuer (domain/text/issuers.ts) is a departmental or local-
// government document, at most a 规章. A 部门规章 may only carry out a law or an administrative
// regulation, decision or order of the State Council, and without one may not reduce rights or add
// duties (立法法第九十一条第二款; a local government rule likewise, 第九十三条第六款); 条例第十条 and
// 第十二条(四) ask for a law or administrative regulation (or State Council approval), and a licence may
// be set only by the instruments of 行政许可法第十四条、第十五条 (第十七条: no other normative
// document). So such a title grounds no restriction; the drafter must cite the law or regulation it
// carries out. A title with no issuer stays trusted: administrative regulations are also named 规定 or
// 办法 (《无证无照经营查处办法》).
function titleIsBasis(title: string): boolean {
  if (LOCAL_TITLE.test(title) || departmentalTitle(title)) return false;
  return STATUTE_TITLE.test(title) || !DISTRICT_LEVEL.test(title.replace(NOT_A_DISTRICT, ''));
}

// "不经公开招标，直接授予…" is the opposite of open competition.
const NOT_BY = '(?<!不经|未经|不通过|未通过|不采取|未采取|无需|免于|不进行|未进行|不再)';
const OPEN_COMPETITION = new RegExp(
  `${NOT_BY}(?:公开招标|招标等|招标、|以招标|通过招标|竞争性(?:谈判|磋商)|公开(?:遴选|竞争|选聘|择优|征集|比选|竞价|拍卖|选拔))|` +
    '公平竞争(?:的)?方式|竞争方式|招标拍卖挂牌|招标、拍卖、挂牌|重新招标|择优确定|' +
    `(?:符合条件的|各类|所有)${gap(14)}(?:均可|均能|都可|皆可|可随时|均有权|可以)(?:自愿)?(?:申请|参加|参与|加入|报名|申报|入库|使用|投标)|` +
    // "企业自愿申请入库": operators select themselves; "家长自愿参加" says nothing about operators.
    `(?:企业|经营者|经营主体|市场主体|商户|商家|机构|单位|旅行社|酒店|民宿|景区|供应商|服务商)${gap(6)}自愿(?:申请|参加|加入|报名|入驻)|动态(?:调整|更新|管理)|` +
    '不(?:得)?限(?:制|定)?(?:入库)?数量|' +
    '可随时(?:申请|加入|入库|报名)|常态化(?:开放|征集)|开放(?:征集|入库)|随机抽取',
);

const AUTONOMY = new RegExp(
  '自主(?:确定|定价|决定|选择|经营|协商|制定|调整)|自愿|自行(?:确定|选择|决定)|' +
    `由(?:经营者|企业|运营单位|景区|商户|银行)${gap(6)}(?:确定|决定|制定)|市场调节价|不受任何单位限定|(?:任何|各)(?:单位|部门)${gap(4)}不得干预`,
);

const EQUALITY = new RegExp(
  '平等(?:对待|享受|参与|申报|适用|进入|使用|竞争|获取|申请)|一视同仁|同等(?:享受|对待|待遇|适用|的)|享受同等|不区分|' +
    '不分(?:所有制|地域|内外资|注册地|本地|外地)|不论(?:所有制|注册地|企业性质)|' +
    '无差别|' +
    `(?:外地|区外|本地|本区|区内|本市|本县|外省|县外|市外)[\u4e00-\u9fa5]{0,4}?(?:企业|经营者|游客|车辆|产品|商品|供应商)?(?:和|与|及|、)(?:外地|区外|本地|本区|区内|本市|本县|外省|县外|市外)[\u4e00-\u9fa5]{0,4}?(?:企业|经营者|游客|车辆|产品|商品|供应商)?${gap(12)}(?:均|同等|平等|统一|一律|一视同仁|相同|一致|同样|同一|一样)|` +
    // "执行与本地农产品相同的检测标准", "与区内企业一致": outsiders get what locals get.
    `与${gap(12)}(?:相同|一致|同样|同等)(?:的|标准|条件|待遇)|互认|执行${gap(4)}(?:国家|全国|全省)(?:统一|规定)的?|` +
    `各类(?:所有制)?(?:市场主体|经营主体|经营者|企业|主体|景区)${gap(8)}(?:平等|同等|均可)|` +
    `不得(?:以|将)?${gap(10)}(?:所在地|注册地|地域|所有制)${gap(8)}(?:限定|限制|作为|设置|区别|差别)|` +
    `不得(?:限定|限制|区分)${gap(8)}(?:所在地|注册地|地域|所有制)`,
);

// "企业投资项目实行备案管理，备案机关不得设置前置条件", "评定结果不作为市场准入条件": a bar on the
// authority's own gatekeeping speaks for the whole provision, whichever phrase names the regime.
const NO_GATE = new RegExp(
  `不得(?:另行|额外|擅自|违规)?(?:设置|增设|附加)${gap(6)}(?:前置条件|附加条件|门槛|障碍|前置审批)|不与${gap(14)}挂钩|不作为${gap(16)}条件`,
);

const DEFINITION = /所称|是指|系指|指的是/;
// "本办法所称外地企业，是指…": a sentence opened by a definition defines up to its first semicolon.
const DEFINITION_OPENER = /^[^；;。]{0,24}?所称/;
const QUESTION = /是否/;

// "不得指定…", "严禁直接授予…": a negator governing a restricting verb before the wording, in the
// wording's own phrase: "区内景区门票价格不得低于100元，对…" must not reach over the comma.
const NEGATED_RESTRICTION = new RegExp(`${NEGATOR}${gap(20)}${RESTRICTING_VERB}`, 'g');
// "违法违规设置的备选库…": the wording is described as a wrong to be undone.
const WRONGDOING = new RegExp(`(?:违法|违规|违反规定|违反${gap(10)}规定)${gap(6)}${RESTRICTING_VERB}`, 'g');
const ABOLISHED_BEFORE = new RegExp(ABOLISHER, 'g');
const IMMEDIATE_NEGATOR = new RegExp(`${NEGATOR}(?:直接|擅自|违规|随意|变相|强制|再|另行|为经营者|为企业)?(?:实行|实施|搞|采取|出台)?[“"「]?$`);
// Only a government act right after the negator makes it a safeguard: "不得指定…" protects
// operators, while "外地企业不得在本区设立…" restricts them.
const GOVERNMENT_ACT = /^(?:直接|统一|授予|指定|限定|设置|设定|增设|给予|要求|强制|实行|实施|采取|出台|发布|收取|划分|组织|制定|确定|推荐|对|以(?![上下内外前后来])|将|按|优先|减免|免收|免征|返还|先征后返|即征即退)/;

const ENFORCEMENT_CASE = /本案|该案|案件|案由|(?:执法|稽查|监察)(?:总队|支队|大队|中队)|行政处罚决定|处罚决定书|违法事实|当事人|听证笔录/;
// Wording that makes a sentence a rule for operators rather than a report of a case.
const RULE_MARKER = /须|必须|应当|方可|才能|只能|不得|一律|统一|仅限|优先/;

/**
 * Characters that close a phrase. A mitigation is read in the phrase that holds the wording: a
 * sentence often joins a restriction to an unrelated duty ("…加5分，发现串通投标的，依法查处"), and
 * the duty says nothing about the restriction.
 */
const PHRASE_STOP = /[，,；;：:]/;

interface Span {
  start: number;
  end: number;
}

/** The comma/semicolon phrase(s) holding [from, to): from the stop before `from` to the stop after `to`. */
function phraseAround(text: string, from: number, to: number): Span {
  let start = Math.max(0, Math.min(from, text.length));
  while (start > 0 && !PHRASE_STOP.test(text[start - 1]!)) start--;
  let end = Math.max(to, start);
  while (end < text.length && !PHRASE_STOP.test(text[end]!)) end++;
  return { start, end };
}

/** The provision (up to the semicolons) holding [from, to). */
function provisionAround(text: string, from: number, to: number): string {
  const start = Math.max(text.lastIndexOf('；', from - 1), text.lastIndexOf(';', from - 1)) + 1;
  const ends = [text.indexOf('；', to), text.indexOf(';', to)].filter((i) => i >= 0);
  return text.slice(start, ends.length ? Math.min(...ends) : text.length);
}

/** The end of the provision (the next semicolon or the sentence end) after `to`. */
function provisionEnd(text: string, to: number): number {
  const ends = [text.indexOf('；', to), text.indexOf(';', to)].filter((i) => i >= 0);
  return ends.length ? Math.min(...ends) : text.length;
}

// A phrase that frames the wording instead of stating a rule of its own: a topic ("对在本区纳税的
// 旅行社"), a condition ("区内旅行社组织研学活动的"), a purpose ("为促进…"), or a phrase with no
// predicate ("按其年度纳税额的30%"). Its words belong to the rule it frames.
const FRAME_LEAD = /^(?:对|对于|凡|凡是|为|为了|在)/;
const OWN_PREDICATE =
  /须|需|必须|应当|应|要|不得|不能|不予|禁止|严禁|可以|可|方可|才能|给予|享受|实行|实施|执行|负责|承担|负担|缴纳|交纳|收取|支付|付费|由|自行|自愿|自筹|无需|无须|免|参加|报名|选择|选用|使用|购买|采购|组织|安排|拨付|列支|统筹|明示|公示|办理|予以|统一|一律|不低于|不高于|不超过|不少于|控制在|限定|限于|仅限|只能|优先/;
// A following phrase that carries on the wording's own predicate ("须经审核同意后，方可拨付资金",
// "给予优惠价格，仅限60岁以上老年人"), rather than opening another duty.
const CONTINUES = /^(?:方可|方能|才能|才可|后方|后(?!续)|并(?!非)|且|再|即可|仅限|限于|只限|仅适用于|适用于|具体)/;

// A subject named by a clause of its own ("报名参加区导游资格培训考试的人员"): no modal, ends in who it is.
const MODAL = /须|需|必须|应当|应|要|不得|不能|禁止|严禁|可以|方可|才能|一律|统一/;

function isFrame(phrase: string): boolean {
  if (CONDITION_PHRASE.test(phrase)) return true;
  if (FRAME_LEAD.test(phrase) && !PREDICATE.test(phrase)) return true;
  if (!MODAL.test(phrase) && TOPIC_END.test(phrase)) return true;
  return !OWN_PREDICATE.test(phrase);
}

interface Scope {
  /** the frame phrases that open the provision, when the core does not reach back to them */
  lead: Span | null;
  core: Span;
}

/** The text of a scope: its opening frame and its core. */
function scopeText(text: string, scope: Scope): string {
  const core = text.slice(scope.core.start, scope.core.end);
  return scope.lead ? `${text.slice(scope.lead.start, scope.lead.end)}，${core}` : core;
}

/**
 * The span that governs the wording at [from, to): its own comma phrase; the frame phrases before it
 * in its provision (nearest first, stopping at a phrase with a rule of its own); when its phrase is
 * itself a frame ("对在本区纳税的旅行社，"), the phrases up to the predicate it leads to; and following
 * phrases that continue that predicate. A later phrase with its own subject and predicate ("…，家长
 * 自行承担交通费用", "…，基地建设资金由企业自筹") is another rule and says nothing about this wording. Frame phrases
 * that open the provision govern each of its predicates, and are kept as the scope's lead.
 */
function governingScope(text: string, from: number, to: number): Scope {
  const own = phraseAround(text, from, to);
  const provStart = Math.max(text.lastIndexOf('；', from - 1), text.lastIndexOf(';', from - 1)) + 1;
  const provEnd = provisionEnd(text, to);
  let start = own.start;
  while (start - 2 >= provStart) {
    const prev = phraseAround(text, start - 2, start - 2);
    if (prev.end !== start - 1 || !isFrame(text.slice(prev.start, prev.end))) break;
    start = prev.start;
  }
  // "居民在古镇核心区内翻修房屋的，应当采用…样式，并承担全部翻修费用": frame phrases opening the provision
  // govern each of its predicates, not only the first.
  let leadEnd = provStart;
  while (leadEnd < start) {
    const first = phraseAround(text, leadEnd, leadEnd);
    if (first.end >= start || !isFrame(text.slice(first.start, first.end))) break;
    leadEnd = first.end + 1;
  }
  const lead = leadEnd > provStart && leadEnd - 1 < start ? { start: provStart, end: leadEnd - 1 } : null;
  let end = own.end;
  let framing = isFrame(text.slice(own.start, own.end));
  while (end < provEnd && PHRASE_STOP.test(text[end]!)) {
    const next = phraseAround(text, end + 1, end + 1);
    const words = text.slice(next.start, next.end);
    if (!framing && !CONTINUES.test(words)) break;
    if (framing) framing = isFrame(words);
    end = next.end;
  }
  return { lead: lead && lead.end < start - 1 ? lead : null, core: { start, end } };
}

/** The phrase that follows the one ending at `end` (after its stop), or null at the end of the sentence. */
function nextPhrase(text: string, end: number): Span | null {
  if (end >= text.length || !/[，,]/.test(text[end]!)) return null;
  return phraseAround(text, end + 1, end + 1);
}

export class SentenceContext {
  private readonly settings = new Map<Setting, boolean>();

  constructor(readonly sentence: Sentence) {}

  get text(): string {
    return this.sentence.text;
  }

  has(setting: Setting): boolean {
    let v = this.settings.get(setting);
    if (v === undefined) {
      v = SETTINGS[setting].test(this.sentence.text);
      this.settings.set(setting, v);
    }
    return v;
  }

  /**
   * Does a law, administrative regulation or State Council rule back the wording at [from, to)
   * (offsets relative to the sentence; by default the whole sentence)? Only a basis that governs
   * the wording counts: "奖励资金依法拨付" after a reward says how the money is paid, not that a
   * law selects its recipients.
   */
  hasLegalBasis(from = 0, to: number = this.sentence.text.length): boolean {
    return governingBasis(this.sentence.text, from, to, 'law');
  }

  /**
   * Is the wording at [from, to) a government price set "按照定价权限 / 定价目录" for everyone, rather
   * than a price reserved to a particular operator? Pricing authority (价格法第十八条至第二十条) lets the
   * competent department set a government-guided or government price for a good in the pricing
   * catalogue, paid by all; it never lets it give one named firm a cheaper price (条例第十一条(二):
   * "为特定经营者提供优惠价格"), nor grounds anything but a price. So it is read apart from a law.
   */
  pricedWithinAuthority(from: number, to: number): boolean {
    const t = this.sentence.text;
    if (!governingBasis(t, from, to, 'pricing')) return false;
    return !RESERVED_PRICE.test(scopeText(t, governingScope(t, from, to)));
  }

  /**
   * Does the sentence report the handling of an enforcement case ("本案由区文化市场综合执法支队办理")
   * rather than lay down a rule? Deciding who handles a case (行政处罚法第二十二条、第二十三条) sets no
   * condition for anyone to enter or run a business, so the statistical reading must not make it one.
   */
  reportsEnforcementCase(): boolean {
    const t = this.sentence.text;
    return ENFORCEMENT_CASE.test(t) && !RULE_MARKER.test(t) && !this.has('outside') && !this.has('local');
  }

  /** The comma/semicolon phrase(s) of the sentence holding the wording a detector matched. */
  phraseOf(match: RegExpExecArray): string {
    const from = match.index - this.sentence.start;
    const span = phraseAround(this.sentence.text, from, from + match[0].length);
    return this.sentence.text.slice(span.start, span.end);
  }

  /**
   * The part of the sentence that governs the wording a detector matched (see governingScope). A
   * setting word that clears a wording — a consumer ("家长", "游客"), grant money ("资金", "补贴"), a
   * tender ("采购") — is read here, not sentence-wide: in "…须优先选用本区研学基地，家长自行承担交通
   * 费用" the parents pay their own fares; that does not make the local preference a consumer matter.
   */
  scopeOf(match: RegExpExecArray): string {
    const from = match.index - this.sentence.start;
    return scopeText(this.sentence.text, governingScope(this.sentence.text, from, from + match[0].length));
  }

  /** has(setting), read in the scope that governs the wording a detector matched. */
  hasFor(setting: Setting, match: RegExpExecArray): boolean {
    return this.has(setting) && SETTINGS[setting].test(this.scopeOf(match));
  }

  /** hasLegalBasis for the wording a detector matched. */
  hasLegalBasisFor(match: RegExpExecArray): boolean {
    const from = match.index - this.sentence.start;
    return this.hasLegalBasis(from, from + match[0].length);
  }

  /**
   * Mitigations that apply to the wording at [from, to) (offsets relative to the sentence).
   * Pure reading of the sentence; the policy of what each mitigation does lives in prescreen.
   */
  mitigations(from: number, to: number): Mitigation[] {
    const t = this.sentence.text;
    const phrase = phraseAround(t, from, to);
    const own = t.slice(phrase.start, phrase.end);
    const out: Mitigation[] = [];
    if (isNegated(t, from, to)) out.push('negated');
    // Equal treatment, the operator's own choice and a definition speak only for their own
    // phrase: "只能从区教育局确定的三家企业采购，家长自愿购买" still tells schools where to buy.
    if (EQUALITY.test(own) || NO_GATE.test(provisionAround(t, from, to))) out.push('safeguard');
    if (this.hasLegalBasis(from, to)) out.push('legalBasis');
    else if (this.pricedWithinAuthority(from, to)) out.push('pricingAuthority');
    else if (governingBasis(t, from, to, 'departmental')) out.push('departmentalRule');
    if (openCompetitionFor(t, from, to)) out.push('openCompetition');
    if (hasAutonomy(own)) out.push('autonomy');
    if ((DEFINITION.test(own) || definedBySentence(t, from)) && !ruleBesideDefinition(provisionAround(t, from, to))) out.push('definition');
    if (this.has('exceptionGround')) out.push('exceptionGround');
    if (this.has('soft') && !/(?:须|必须|应当|只能|仅限|不得)/.test(t)) out.push('soft');
    return out;
  }
}

/** Two-character words too common to tie one phrase to another's object. */
const GENERIC_WORDS = new Set(['经营', '企业', '单位', '项目', '服务', '统一', '确定', '通过', '方式', '本区', '区内', '全区', '本县', '县内', '全县', '本市', '市内']);
// "其他项目通过公开招标确定": a phrase about something else.
const ANOTHER_OBJECT = /^(?:其他|其余|另|此外|除此)/;

function wordsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 2 <= text.length; i++) {
    const w = text.slice(i, i + 2);
    if (/^[\u4e00-\u9fa5]{2}$/.test(w) && !GENERIC_WORDS.has(w)) out.add(w);
  }
  return out;
}

/**
 * Is the wording's beneficiary chosen by open competition? Read in the wording's governing scope, or
 * in another phrase of its provision that selects the wording's own object ("通过定点采购方式确定，定点
 * 宾馆通过公开招标产生"): "全区研学旅行业务统一由区文旅集团经营，研学基地建设项目通过公开招标确定施工
 * 单位" tenders a building contract, not the business handed to the group.
 */
function openCompetitionFor(text: string, from: number, to: number): boolean {
  const governing = governingScope(text, from, to);
  if (OPEN_COMPETITION.test(scopeText(text, governing))) return true;
  const scope = governing.core;
  const provStart = Math.max(text.lastIndexOf('；', from - 1), text.lastIndexOf(';', from - 1)) + 1;
  const provEnd = provisionEnd(text, to);
  const wording = wordsOf(text.slice(from, to));
  let at = provStart;
  for (const phrase of text.slice(provStart, provEnd).split(PHRASE_STOP)) {
    const start = at;
    at += phrase.length + 1;
    if (start >= scope.start && start < scope.end) continue;
    if (ANOTHER_OBJECT.test(phrase) || !OPEN_COMPETITION.test(phrase)) continue;
    if ([...wordsOf(phrase)].some((w) => wording.has(w))) return true;
  }
  return false;
}

const AUTONOMY_G = new RegExp(AUTONOMY.source, 'g');
// "家长不得自行购买", "不得自主定价": the operator's choice taken away, not left to it.
const DENIED = new RegExp(`(?:${NEGATOR}|无权|不再|不由)$`);

function hasAutonomy(phrase: string): boolean {
  AUTONOMY_G.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = AUTONOMY_G.exec(phrase)) !== null) {
    if (!DENIED.test(phrase.slice(Math.max(0, m.index - 4), m.index))) return true;
  }
  return false;
}

// What turns a provision into a rule: a grant or a requirement.
const RULE_PREDICATE = /给予|奖励|补贴|补助|扶持|享受|须|必须|应当|方可|才能|不得|只能|一律|实行|优先/;

/**
 * "本措施所称重点企业是指在本区纳税的企业，对重点企业给予一次性奖励100万元": a definition followed
 * by a rule that uses it restricts through that rule, so the definition clears nothing.
 */
function ruleBesideDefinition(provision: string): boolean {
  return provision
    .split(/[，,：:]/)
    .some((part) => !DEFINITION.test(part) && RULE_PREDICATE.test(part));
}

function definedBySentence(text: string, from: number): boolean {
  const opener = DEFINITION_OPENER.exec(text);
  if (!opener) return false;
  const provisionEnd = text.slice(opener.index).search(/[；;]/);
  return provisionEnd < 0 || from < opener.index + provisionEnd;
}

// "除依法取得民航部门许可外，还须取得…": the law covers the first licence, not the extra one.
const BEYOND_THE_LAW = /除[^。；]{0,30}外[，,]?(?:还|另|另行|再|并|也)(?:须|需|应当|要|必须)/;
// "除法律、行政法规另有规定外": an exception carved out of the measure is no basis for it.
const SAVING_CLAUSE_BEFORE = /除[^，,；;：:]{0,12}$/;
const SAVING_CLAUSE_AFTER = /^[^，,；;：:]{0,12}?外/;
// "依照《中华人民共和国旅游法》第二十八条，设立旅行社…": a basis that opens the sentence governs what follows.
const OPENING_LEAD = /^(?:第[一二三四五六七八九十百零〇\d]+条\s*)?(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d{1,2}[.．、])?\s*(?:凡|凡是|对于?|其中)?$/;
// A later phrase that starts with its basis continues the provision ("实行备案管理，依照《道路运输条例》
// 向…备案"; "…，具体按照国家有关规定执行"); one with its own subject ("景区应当依法明码标价",
// "奖励资金依法拨付") is a separate duty.
const CONTINUING_LEAD = /^(?:具体|均|并|且|一律|统一|相关事项|有关事项|其他事项)?$/;
// "…实行政府定价，具体标准由市发展改革委按照定价权限核定": the phrase details the wording.
const DETAILING_PHRASE = /^(?:具体|其具体)/;
// "对新招用本区登记失业人员的企业，按照国家规定给予…", "…实行政府定价的，由价格主管部门依法核定":
// a topic or condition phrase is governed by the predicate that follows it.
const TOPIC_PHRASE = /^(?:对|对于|凡|凡是)/;
const CONDITION_PHRASE = /的$/;
// …and names its subject last: "对新招用…的企业", not "对区属国有企业免收配套费".
const TOPIC_END = new RegExp(`(?:${OPERATOR}|项目|人员|个人|主体|者|的)$`);
const PREDICATE = /给予|须|必须|应当|方可|才能|不得|不允许|不予|禁止|严禁|实行|实施|执行|只能|仅限|一律|统一由|减免|免收|免征|返还/;
// A bare "依法" before the wording backs it only when it governs a gate or a price-setting act
// ("经依法批准的目录", "依法须经"); "景区应当依法明码标价" backs the price tag, not another clause.
const GATE_AFTER_BARE_BASIS = /^(?:须经|须|应当|经|批准|许可|核准|取得|设立|登记|备案|审批|核定|确定|定价|制定|设置|授予|选择|招标)/;
// "对依法在本区注册纳税的旅行社…": 依法 describes the operator's own compliance, not a basis for
// favouring local taxpayers.
const OPERATOR_COMPLIANCE = new RegExp(`^(?:在|于)?${LOCAL}`);

/**
 * What a basis is: a law, administrative regulation or State Council rule (or a generic reference to
 * them); the authority to set a price ("按照定价权限"); or a departmental document (departmentalTitle,
 * "按照上级有关规定").
 */
type BasisKind = 'law' | 'pricing' | 'departmental';

interface BasisHit {
  index: number;
  end: number;
  kind: BasisKind;
}

// "按照定价权限", "定价目录": the authority to set a price, not a law that grounds a restriction.
const PRICING_AUTHORITY = /定价目录|定价权限/;
// A particular operator named as the one who gets the price: "对区文旅集团经营的游船项目给予优惠价格",
// "为区属国有企业提供…折", "区文旅集团享受…优惠".
const NAMED_OPERATOR =
  '(?:(?:区|县|市|镇|乡)(?:属)?(?:国有)?[\u4e00-\u9fa5]{0,10}?(?:公司|集团)|[\u4e00-\u9fa5]{2,10}?(?:有限公司|集团)|区属|县属|市属|镇属|国有企业|国企|' +
  '(?:指定|确定|认定|选定|特定|推荐)的?[\u4e00-\u9fa5]{0,4}?(?:企业|经营者|单位|商户)|重点企业|龙头企业|[一二三四五六七八九十两\\d]家)';
const PREFERENCE = '(?:优惠|[一二三四五六七八九]折|折扣|减半|半价|免收|免费|减免|低于|内部价|内部租|象征性|成本价)';
const RESERVED_PRICE = new RegExp(
  `(?:对|为|向|给予|给)[^，。；]{0,16}?${NAMED_OPERATOR}[^。；]{0,24}?${PREFERENCE}|${NAMED_OPERATOR}[^，。；]{0,12}?(?:享受|按|执行|适用)[^，。；]{0,16}?${PREFERENCE}`,
);

/** Bases cited in the sentence, each with its kind. */
function basisHits(text: string): BasisHit[] {
  const hits: BasisHit[] = [];
  CITED_TITLE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CITED_TITLE.exec(text)) !== null) {
    const title = m[1] ?? m[2] ?? '';
    if (titleIsBasis(title)) hits.push({ index: m.index, end: m.index + m[0].length, kind: 'law' });
    else if (departmentalTitle(title)) hits.push({ index: m.index, end: m.index + m[0].length, kind: 'departmental' });
  }
  GENERIC_BASIS.lastIndex = 0;
  while ((m = GENERIC_BASIS.exec(text)) !== null) {
    // "按照上级有关规定": the superior department's rules are departmental documents, no law.
    const kind: BasisKind = PRICING_AUTHORITY.test(m[0]) ? 'pricing' : /上级/.test(m[0]) ? 'departmental' : 'law';
    hits.push({ index: m.index, end: m.index + m[0].length, kind });
  }
  return hits.filter((h) => !(SAVING_CLAUSE_BEFORE.test(text.slice(0, h.index)) && SAVING_CLAUSE_AFTER.test(text.slice(h.end))));
}

/** Does a semicolon (a new provision) stand between two offsets? */
function crossesProvision(text: string, from: number, to: number): boolean {
  return /[；;]/.test(text.slice(Math.min(from, to), Math.max(from, to)));
}

/**
 * A cited basis governs the wording when it stands in the wording's own phrase ("应当依照《旅行社
 * 条例》取得经营许可"), opens the sentence ("依照《旅游法》第二十八条，设立旅行社应当…", "依法须经批准
 * 的项目，…"), sets the frame of an earlier phrase of the same provision, or starts a later phrase
 * that continues or details the provision. A basis inside another duty with its own subject
 * ("…不得低于100元，景区应当依法明码标价"; "…给予奖励50万元，奖励资金依法拨付") does not.
 */
function governingBasis(text: string, from: number, to: number, kind: BasisKind): boolean {
  if (BEYOND_THE_LAW.test(text)) return false;
  const phrase = phraseAround(text, from, to);
  const wordingPhrase = text.slice(phrase.start, phrase.end);
  const isTopic =
    !PHRASE_STOP.test(wordingPhrase) &&
    (CONDITION_PHRASE.test(wordingPhrase) || (TOPIC_PHRASE.test(wordingPhrase) && TOPIC_END.test(wordingPhrase) && !PREDICATE.test(wordingPhrase)));
  for (const hit of basisHits(text)) {
    if (hit.kind !== kind) continue;
    const bare = text.slice(hit.index, hit.end) === '依法';
    if (hit.index >= phrase.start && hit.index < phrase.end) {
      if (!bare || !OPERATOR_COMPLIANCE.test(text.slice(hit.end))) return true;
      continue;
    }
    if (hit.index < phrase.start) {
      if (OPENING_LEAD.test(text.slice(0, hit.index))) return true;
      if (crossesProvision(text, hit.index, from)) continue;
      if (!bare || GATE_AFTER_BARE_BASIS.test(text.slice(hit.end))) return true;
    } else {
      if (crossesProvision(text, to, hit.index)) continue;
      const own = phraseAround(text, hit.index, hit.end);
      const lead = text.slice(own.start, hit.index);
      if (CONTINUING_LEAD.test(lead) || DETAILING_PHRASE.test(lead)) return true;
      if (isTopic && own.start === phrase.end + 1) return true;
    }
  }
  return false;
}

// "对外地企业不得设置歧视性…": the wording ends in a negator that governs a restricting verb.
const TRAILING_NEGATOR = new RegExp(`${NEGATOR}$`);
const RESTRICTION_FOLLOWS = new RegExp(`^${gap(4)}${RESTRICTING_VERB}`);

// "不得将供应商在本地的业绩作为加分条件": the negator before and the restricting verb after the
// wording belong to one phrase, so the wording is what must not be done.
const PHRASE_NEGATOR = new RegExp(`${NEGATOR}(?:将|把|以|要求|对|就)?[^，,。；;]*$`);
const PHRASE_RESTRICTION_AFTER = /^[^，,。；;]{0,12}?(?:作为|作|列为|设为|设置为|视为|设定为|纳入)[^，,。；;]{0,8}?(?:条件|因素|标准|依据|门槛|前提|加分项|评分项|要求)/;

// "不得实行“一企一策”": a practice named in quotes right after a prohibition.
const QUOTED_PROHIBITION = new RegExp(`${NEGATOR}(?:实行|实施|搞|采取|出台|开展)?[“"「]$`);

// What an abolisher revokes when it follows its object: a rule, a practice, a condition.
const NOMINAL_OBJECT = '(?:的|等|之)(?:做法|规定|行为|要求|限制|条款|内容|政策|措施|文件|条件|门槛|障碍|壁垒|情形|问题|优惠|待遇)(?:等)?';
const REVOKE = '(?:清理|纠正|废止|废除|取消|清除|整改|修改|停止执行|撤销|查处)';
// Undoing verbs that can only revoke, never punish: "对本区企业的加分一律取消".
const UNDO = '(?:清理|纠正|废止|废除|取消|清除|撤销|停止执行)';
const MANNER = '(?:要|应当|须|必须)?(?:一律|坚决|及时|全面|逐步|依法|立即|限期)?(?:予以|进行|加以)?';
// "取消…的规定", "清理妨碍…的做法": the wording, named as a rule or practice, is revoked in its phrase.
const REVOKED_AFTER_NOMINAL = new RegExp(`^[^，,；;：:]{0,30}?${NOMINAL_OBJECT}${MANNER}${REVOKE}`);
// "对本区企业的加分一律取消" — but not "低于100元的及时纠正", where the "…的" clause names who is
// corrected for breaking the rule, i.e. the rule is enforced, not revoked.
const UNDO_AFTER = new RegExp(`^([^，,；;：:]{0,30}?)${UNDO}`);
const UNDO_MANNER = /(?:一律|坚决|及时|全面|逐步|立即|限期)?(?:予以|进行|加以)?$/;

function undoneAfter(after: string): boolean {
  const m = UNDO_AFTER.exec(after);
  return m !== null && !m[1]!.replace(UNDO_MANNER, '').endsWith('的');
}
// "…在本区设立分支机构的规定，一律予以清理": the revoked rule is the topic of the next phrase.
const TOPIC_REVOKED = new RegExp(`${NOMINAL_OBJECT}$`);
const REVOKES_TOPIC = new RegExp(`^${MANNER}${REVOKE}`);
// "为整治旅游市场秩序…": a purpose names the disorder the measure fights, not what it revokes.
const PURPOSE_LEAD = /(?:为|为了|旨在|着力|以)[^，,；;：:]{0,6}$/;
// "取消原备案，改由…审批后方可营业": a new requirement after the abolisher is not its object.
const NEW_REQUIREMENT = /须|必须|应当|方可|才能|只能|统一由|改由|改为/;

/**
 * Is the wording the object of an abolisher in its own phrase? "取消对外地旅行社的准入限制" is;
 * "…方可营业，未经审批擅自营业的，依法查处" and "为整治旅游市场秩序，全区一日游产品统一由区旅游
 * 集团经营" are not: there the abolisher punishes a breach of the restriction or names a purpose.
 */
function isRevoked(text: string, from: number, to: number): boolean {
  const phrase = phraseAround(text, from, to);
  ABOLISHED_BEFORE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ABOLISHED_BEFORE.exec(text)) !== null) {
    if (m.index >= from) break;
    if (m.index < phrase.start) continue;
    if (PURPOSE_LEAD.test(text.slice(phrase.start, m.index))) continue;
    if (NEW_REQUIREMENT.test(text.slice(m.index + m[0].length, from))) continue;
    return true;
  }
  const after = text.slice(to, phrase.end);
  if (REVOKED_AFTER_NOMINAL.test(after) || undoneAfter(after)) return true;
  const next = nextPhrase(text, phrase.end);
  return next !== null && TOPIC_REVOKED.test(text.slice(phrase.start, phrase.end)) && REVOKES_TOPIC.test(text.slice(next.start, next.end));
}

function isNegated(text: string, from: number, to: number): boolean {
  if (QUESTION.test(text.slice(0, from))) return true;
  if (QUOTED_PROHIBITION.test(text.slice(Math.max(0, from - 6), from))) return true;
  if (PHRASE_NEGATOR.test(text.slice(Math.max(0, from - 12), from)) && PHRASE_RESTRICTION_AFTER.test(text.slice(to))) return true;
  if (TRAILING_NEGATOR.test(text.slice(from, to)) && RESTRICTION_FOLLOWS.test(text.slice(to))) return true;
  if (IMMEDIATE_NEGATOR.test(text.slice(Math.max(0, from - 8), from)) && GOVERNMENT_ACT.test(text.slice(from, to))) return true;
  for (const re of [NEGATED_RESTRICTION, WRONGDOING]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m.index > from) break;
      // The safeguard must reach the wording: its restricting verb ends before the wording ends.
      if (m.index + m[0].length <= to + 2) return true;
    }
  }
  return isRevoked(text, from, to);
}
