/**
 * Word classes of the legality pre-screen, as regex source fragments: who a clause binds, how it
 * binds them, and the measures it may create. Detectors are written against these classes, not
 * against example sentences.
 */

export { gap, ggap, pgap, sgap } from '../text/regexGaps';

/** Duty markers. */
export const MUST = '(?:应当|必须|须|需|一律|务必)';
/** Words that forbid what follows. */
export const NEGATOR = '(?:不得|不准|不能|不应|不允许|禁止|严禁|杜绝|防止|避免|不予|不再|免予|免于|无需|不需|不必|不另|免收|免征|免缴|免交|免除|不收取|不收|(?:取消|清理|废止|废除)(?!其|该|对其|他们|相关资格)|停止征收|停止收取)';
/** Verbs by which an authority creates or imposes a measure (what a negator before them forbids). */
export const SETTING_VERB = '(?:设定|设置|增设|另设|自设|收取|收|征收|实施|采取|实行|作出|给予|处以|予以|以|变相|擅自|违规|违法|强制|要求|附加|搞|对|向|在|为|将)';

/** Parties outside the administration whom a normative document binds. */
export const EXTERNAL =
  '(?:经营者|经营单位|经营户|经纪人员|经纪人|演出经纪|艺人|演员|教练员|教练|社会体育指导员|保安员|驾驶员|从业者|经营主体|市场主体|企业|公司|旅行社|门店|网点|景区(?!管委会|管理委员会|主管部门)|民宿|酒店|饭店|宾馆|农家乐|网吧|上网服务营业场所|娱乐场所|演艺场所|演出场所|场所|场馆|商户|商家|个体户|个体工商户|摊户|摊贩|从业人员|导游|领队|讲解员|游客|旅游者|居民|村民|市民|公民|个人|申请人|当事人|主办方|主办单位|承办方|承办单位|举办单位|举办者|举办方|组织者|培训机构|中介机构|服务机构|俱乐部|施工单位|建设单位|用人单位|有关单位|消费者|会员|学员|参观者|观众|投资者|协会|平台|运营商|业主|住户|农户|车辆|船舶|游船|包车|学校|医院|博物馆|剧本杀|密室|健身房|游泳场所|露营地|营地|基地|园区|主体)';

/** The administration itself: bodies, staff and internal units. */
export const GOVERNMENT =
  '(?:人民政府|政府|[\\u4e00-\\u9fa5]{0,8}局|[\\u4e00-\\u9fa5]{0,8}委员会|管委会|街道办事处|街道办|各街道|街道(?=应当|可以|负责|要)|各镇|部门|机关|执法机构|执法队|执法大队|执法支队|大队|支队|受理机构|投诉受理机构|主管部门|监管部门|管理部门|管理处|管理办公室|办公室|科室|工作人员|执法人员|检查人员|干部|职工|党委|党组|领导)';

/** The bureau's own staff and internal units (internal management binds nobody outside). */
export const INTERNAL = '(?:本局|我局|局机关|局属|局内|各科室|科室|机关各|工作人员|执法人员|干部职工|干部|职工|党员|局领导|处室|内设机构|直属单位|下属单位|事业单位)';

/** Encouragement and permission: no duty is created. */
export const SOFT = '(?:鼓励|支持|倡导|提倡|引导|推动|欢迎|号召|自愿|自主|可以|可|有权)';

/** Benefits: conditions for receiving them are no licence or duty. */
export const BENEFIT =
  '(?:补贴|补助|奖励|奖补|资助|扶持|贴息|专项资金|发展资金|资金支持|拨付|兑付|消费券|优惠|减免|表彰|评选|示范|荣誉|称号|奖金|资金)';

/** Local policy titles cannot be a legal basis. */
export const LOCAL_TITLE = /本区|本县|本市|本镇|区级|县级|区(?:人民)?政府|县(?:人民)?政府|[区县镇乡]\S{0,6}(?:办法|规定|细则|通知|意见|方案)$|措施|方案|通知|意见|若干|本办法|本规定|实施细则|工作规则|管理规范|指引|指南/;

/** Titles of national laws and regulations (a 法 or 条例, or State Council rules), which can set the measures. */
export const NATIONAL_TITLE = /(?:法|条例|国务院[^》]{0,20}(?:规定|决定|办法))$/;

/** Activities of operators and citizens that a licence would gate. */
export const ACTIVITY =
  '(?:经营|营业|开业|开放|开展|从事|承接|接待|招收|招生|上岗|运营|营运|开播|直播|销售|售票|售卖|出售|收费|演出|表演|举办|投入|挂牌|设立|开设|开办|施工|入场|入驻|执业|带团|讲解|继续|使用|办理|建设|营运|进场|进入|入园|上市|上线|发布|放映|出租|展览|组织|承办|参加|参与|设摊|摆摊|设点|拍摄|上拍|开工|驶入|通行|启用|入园|公演|展演|招生|执教|培训)';
