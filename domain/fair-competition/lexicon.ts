/**
 * Shared vocabulary of the pre-screen, as regex source fragments.
 *
 * Rules are written against these word classes (a local place, an outside place, an operator, a
 * procurement setting, …) rather than against example sentences, so that "本县注册", "我区纳税",
 * "注册地在区内" and "县外供应商" are all caught by the same meaning-bearing rule.
 */

export { gap, ggap, sgap } from '../text/regexGaps';

const NOT_OUTSIDE = '(?!以外|之外|外(?!资))';
/** 本区/本市/本县/我区/当地/区内… — the drafting authority's own territory. */
export const LOCAL =
  '(?:本地(?!区以外)|本(?:区|市(?!场)|县|镇|乡|村|省|州|旗|辖区|行政区域?|区域)|我(?:区|市|县|镇|乡|省|州)|当地|本土|属地(?=企业|供应商|经营者|公司|商户)|' +
  '(?<![园景城社校厂矿片街小营])区内|(?<![城都])市内|县内|省内|镇内|辖区内|域内)' +
  NOT_OUTSIDE;

/** 外地/外省/区外/进口/非本地… — anything from outside the territory. */
export const OUTSIDE =
  // "全市外卖平台", "全区外资企业": 外 starts the next word there.
  '(?:外地|外埠|外省|外市|外县|(?<![园景城社校厂矿片街小营全])区外(?![卖商贸汇]|资(?!本|金))|(?<![城都全])市外(?![卖商贸汇]|资(?!本|金))|' +
  '(?<!全)县外(?![卖商贸汇]|资(?!本|金))|(?<!全)省外(?![卖商贸汇]|资(?!本|金))|异地|(?<![海水流领])域外|' +
  '(?<![出入区园馆站门])进口(?![处通闸])|非本(?:地|区|市|县|省)|本(?:地区|区|市|县|省|地)以外|其他地区|外来)';

/** Words naming market operators (经营者). */
export const OPERATOR =
  '(?:企业|公司|经营者|经营主体|市场主体|供应商|服务商|承包商|施工单位|投标人|单位|机构|商户|商家|旅行社|分社|门店|药店|超市|商场|网吧|影院|' +
  '酒店|饭店|宾馆|民宿|平台|集团|团体|社会组织|厂商|厂家|个体工商户|合作社|俱乐部|律师事务所|会计师事务所|事务所|运营商|' +
  '驾校|搅拌站|诊所|网店|经销商|代理商)';

/** Goods and factors that can be kept out of / held in a market. */
export const GOODS =
  '(?:(?:产品|商品|农产品|农副产品|食品|食材|药品|药材|中药材|建材|建筑材料|材料|原材料|原料|器材|设备|物资|货物|' +
  '汽车|家电|煤炭|原煤|生猪|牲畜|茶叶|乳制品|啤酒|饮料|白酒|品牌|特产|文创产品|预包装食品|有机肥|农资|粮食|' +
  '稻谷|砂石|混凝土|水泥|钢材|苗木|种子|化肥|冷链食品|葡萄酒|水产品|蔬菜|水果|肉类|车辆|' +
  // open-ended goods: "猪肉", "活禽", "农机具", "牛奶", "办公用品", "乳制品"…
  '[\u4e00-\u9fa5]{0,3}(?:肉|禽|蛋|奶|粮|米|面粉|食用油|酒|药品|肥料|苗|木材|器械|机具|用品|制品|饮品|家具|服装|校服|教材|图书|烟叶|茶|矿石|石材|砂石料|管材|板材))' +
  // "酒店", "水泥企业", "药店" are operators, not goods.
  '(?![店厂企商业馆家园场站社吧楼]))';

/** Settings of public procurement and tendering (政府采购、招标投标). */
export const PROCUREMENT =
  '(?:政府采购|采购(?:项目|文件|活动|人|中心|需求)|招标|投标|招投标|(?<![考测])评标|(?<!专家|现场|技术)评审|比选|遴选|竞标|竞价|摇号|抽签|' +
  '中标|磋商|询价|小型工程|政府购买|购买服务|供应商|投标人|加分|评分|财政投资|政府投资|财政出资|政府出资|承办单位|承办方|承接单位|' +
  '(?:局|委员会|政府|机关|部门)(?:统一)?(?:采购|购买)|工程施工|承建|发包|财政性?资金(?:采购|购买)|' +
  '选用[^，。；]{0,6}?(?:企业|单位|供应商|团体))';

/** Purchases by public bodies outside formal tendering (机关食堂采购、区属国企采购). */
export const PUBLIC_PURCHASE = '(?:机关|事业单位|国有企业|区属|县属|市属|学校|医院|食堂|财政资金)[^，。；]{0,10}?(?:采购|购买)';

/** Fiscal rewards and subsidies (财政奖励、补贴). */
export const SUBSIDY =
  '(?:奖励|补贴|补助|资助|扶持资金|扶持|奖补|贴息|专项资金|支持资金|资金支持|产业资金|引导资金|消费券|津贴|奖金|[\u4e00-\u9fa5]{1,4}奖[”"])';

/** Fees, charges and prices. */
export const FEE_OR_PRICE =
  '(?:收费|费用|价格|售价|票价|房价|运价|租金|保证金|押金|免缴|免收|全免|[\u4e00-\u9fa5]{1,4}费|价(?!值))';

/** Requirement markers. */
export const MUST = '(?:须|需|必须|应当|应|要|需要|要求|一律)';

/** Words that negate a following restriction ("不得限定", "严禁指定"). */
export const NEGATOR = '(?:不得|不能|不应|不准|不允许|禁止|严禁|杜绝|防止|避免)';

/** Verbs that make a negator a safeguard rather than a restriction on operators. */
export const RESTRICTING_VERB =
  '(?:限制|排斥|歧视|设置|设定|增设|要求|强制|变相|限定|指定|阻碍|妨碍|以(?![上下内外前后来])|给予|干预|作为|违规|违法|组织|发布|出台|' +
  '实施|拒绝|采取|差别|区别|区分|附加|滥用|收取|对外地|对本地|对进口)';

/** Verbs that abolish what follows ("取消…要求", "清理…规定"). */
export const ABOLISHER = '(?:取消|清理|废止|废除|纠正|破除|消除|清除|打破|打击|反对|整治|查处|整改)';
