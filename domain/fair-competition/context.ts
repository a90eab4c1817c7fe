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
  OUTSIDE,
  PROCUREMENT,
  PUBLIC_PURCHASE,
  RESTRICTING_VERB,
  SUBSIDY,
  gap,
  sgap,
} from './lexicon';
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
  | 'exceptionGround' // a 第十二条 ground is invoked: lower, never drop (the conclusion must explain it)
  | 'soft'; // encouragement, not a requirement

// "依照《旅行社条例》" / "按照国家有关规定" / "依法须经" / "定价目录": a higher-level basis.
const CITED_TITLE = /(?:依照|依据|根据|按照|遵照|符合|执行|适用)《([^》]{1,40})》|《([^》]{1,40}(?:法|条例))》(?:第[^，。；]{1,10}条)?(?:的)?规定/g;
const GENERIC_BASIS = new RegExp(
  '(?:依照|依据|根据|按照|遵照|符合|执行|适用)(?:有关|相关)?(?:法律|行政法规|法规|法律法规|法律、行政法规|' +
    '国家(?:有关|相关)?(?:规定|政策)|国家和[^，。；]{1,4}(?:有关)?规定|国务院(?:有关)?(?:规定|决定)|定价目录|定价权限|上级(?:有关)?规定)' +
    '|依法(?!查处|处理|追究|追回|予以)' +
    '|法律、行政法规(?:另有)?规定|法律法规(?:另有)?规定|经国务院批准|国务院批准|国家规定的|定价目录|定价权限|法定(?!代表)',
);
// A title that is itself a local policy cannot authorise a restriction.
const LOCAL_TITLE = /本区|本县|本市|本镇|区级|县级|措施|方案|通知|意见|若干|本办法|本规定/;

// "不经公开招标，直接授予…" is the opposite of open competition.
const NOT_BY = '(?<!不经|未经|不通过|未通过|不采取|未采取|无需|免于|不进行|未进行|不再)';
const OPEN_COMPETITION = new RegExp(
  `${NOT_BY}(?:公开招标|招标等|招标、|以招标|通过招标|竞争性(?:谈判|磋商)|公开(?:遴选|竞争|选聘|择优|征集|比选|竞价|拍卖|选拔))|` +
    '公平竞争(?:的)?方式|竞争方式|招标拍卖挂牌|招标、拍卖、挂牌|重新招标|择优确定|' +
    `(?:符合条件的|各类|所有)${gap(14)}(?:均可|均能|都可|皆可|可随时|均有权|可以)(?:自愿)?(?:申请|参加|参与|加入|报名|申报|入库|使用|投标)|` +
    '自愿(?:申请|参加|加入|报名|入驻)|动态(?:调整|更新|管理)|不(?:得)?限(?:制|定)?(?:入库)?数量|' +
    '可随时(?:申请|加入|入库|报名)|常态化(?:开放|征集)|开放(?:征集|入库)|随机抽取',
);

const AUTONOMY = new RegExp(
  '自主(?:确定|定价|决定|选择|经营|协商|制定|调整)|自愿|自行(?:确定|选择|决定)|' +
    `由(?:经营者|企业|运营单位|景区|商户|银行)${gap(6)}(?:确定|决定|制定)|市场调节价|不受任何单位限定|(?:任何|各)(?:单位|部门)${gap(4)}不得干预`,
);

const EQUALITY = new RegExp(
  '平等(?:对待|享受|参与|申报|适用|进入|使用|竞争|获取|申请)|一视同仁|同等(?:享受|对待|待遇|适用|的)|享受同等|不区分|' +
    '不分(?:所有制|地域|内外资|注册地|本地|外地)|不论(?:所有制|注册地|企业性质)|' +
    `不与${gap(14)}挂钩|不作为${gap(16)}条件|无差别|` +
    `(?:外地|区外|本地|本区|区内|本市|本县|外省|县外|市外)[\u4e00-\u9fa5]{0,4}?(?:企业|经营者|游客|车辆|产品|商品|供应商)?(?:和|与|及|、)(?:外地|区外|本地|本区|区内|本市|本县|外省|县外|市外)[\u4e00-\u9fa5]{0,4}?(?:企业|经营者|游客|车辆|产品|商品|供应商)?${gap(12)}(?:均|同等|平等|统一|一律|一视同仁|相同|一致|同样|同一|一样)|` +
    // "执行与本地农产品相同的检测标准", "与区内企业一致": outsiders get what locals get.
    `与${gap(12)}(?:相同|一致|同样|同等)(?:的|标准|条件|待遇)|互认|执行${gap(4)}(?:国家|全国|全省)(?:统一|规定)的?|` +
    // "备案机关不得设置前置条件": a bar on the authority's own gatekeeping.
    `不得(?:另行|额外|擅自|违规)?(?:设置|增设|附加)${gap(6)}(?:前置条件|附加条件|门槛|障碍|前置审批)|` +
    `各类(?:所有制)?(?:市场主体|经营主体|经营者|企业|主体|景区)${gap(8)}(?:平等|同等|均可)|` +
    `不得(?:以|将)?${gap(10)}(?:所在地|注册地|地域|所有制)${gap(8)}(?:限定|限制|作为|设置|区别|差别)|` +
    `不得(?:限定|限制|区分)${gap(8)}(?:所在地|注册地|地域|所有制)`,
);

const DEFINITION = /所称|是指|系指|指的是/;
const QUESTION = /是否/;

// "不得指定…", "严禁直接授予…": a negator governing a restricting verb before the wording.
const NEGATED_RESTRICTION = new RegExp(`${NEGATOR}${sgap(20)}${RESTRICTING_VERB}`, 'g');
// "违法违规设置的备选库…": the wording is described as a wrong to be undone.
const WRONGDOING = new RegExp(`(?:违法|违规|违反规定|违反${gap(10)}规定)${gap(6)}${RESTRICTING_VERB}`, 'g');
const ABOLISHED_BEFORE = new RegExp(ABOLISHER, 'g');
const ABOLISHED_AFTER = new RegExp(`(?:予以|一律|坚决|依法|及时|全面)(?:清理|纠正|废止|废除|取消|查处|整改|清除)|(?:的做法|等做法|的规定|等规定|的行为|等行为)${gap(4)}(?:清理|纠正|废止|取消|查处)`);
const IMMEDIATE_NEGATOR = new RegExp(`${NEGATOR}(?:直接|擅自|违规|随意|变相|强制|再|另行|为经营者|为企业)?(?:实行|实施|搞|采取|出台)?[“"「]?$`);
// Only a government act right after the negator makes it a safeguard: "不得指定…" protects
// operators, while "外地企业不得在本区设立…" restricts them.
const GOVERNMENT_ACT = /^(?:直接|统一|授予|指定|限定|设置|设定|增设|给予|要求|强制|实行|实施|采取|出台|发布|收取|划分|组织|制定|确定|推荐|对|以(?![上下内外前后来])|将|按|优先|减免|免收|免征|返还|先征后返|即征即退)/;

export class SentenceContext {
  private readonly settings = new Map<Setting, boolean>();
  private basis: boolean | undefined;

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

  /** Does a law, administrative regulation or State Council rule back this sentence? */
  hasLegalBasis(): boolean {
    if (this.basis === undefined) this.basis = computeLegalBasis(this.sentence.text);
    return this.basis;
  }

  /**
   * Mitigations that apply to the wording at [from, to) (offsets relative to the sentence).
   * Pure reading of the sentence; the policy of what each mitigation does lives in prescreen.
   */
  mitigations(from: number, to: number): Mitigation[] {
    const t = this.sentence.text;
    const out: Mitigation[] = [];
    if (isNegated(t, from, to)) out.push('negated');
    if (EQUALITY.test(t)) out.push('safeguard');
    if (this.hasLegalBasis()) out.push('legalBasis');
    if (OPEN_COMPETITION.test(t)) out.push('openCompetition');
    if (AUTONOMY.test(t)) out.push('autonomy');
    if (DEFINITION.test(t)) out.push('definition');
    if (this.has('exceptionGround')) out.push('exceptionGround');
    if (this.has('soft') && !/(?:须|必须|应当|只能|仅限|不得)/.test(t)) out.push('soft');
    return out;
  }
}

// "除依法取得民航部门许可外，还须取得…": the law covers the first licence, not the extra one.
const BEYOND_THE_LAW = /除[^。；]{0,30}外[，,]?(?:还|另|另行|再|并|也)(?:须|需|应当|要|必须)/;

function computeLegalBasis(text: string): boolean {
  if (BEYOND_THE_LAW.test(text)) return false;
  CITED_TITLE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CITED_TITLE.exec(text)) !== null) {
    const title = m[1] ?? m[2] ?? '';
    if (!LOCAL_TITLE.test(title)) return true;
  }
  return GENERIC_BASIS.test(text);
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
  ABOLISHED_BEFORE.lastIndex = 0;
  const before = ABOLISHED_BEFORE.exec(text);
  if (before && before.index < from) return true;
  return ABOLISHED_AFTER.test(text.slice(to));
}
