/**
 * LR-OBLIGATION: duties laid on citizens and operators, or rights taken from them, without a basis
 * in law (立法法 art. 93 para. 6 by analogy; 国办发〔2018〕37号): reporting and filing, installing,
 * buying or joining what the administration names, training hours, identity checks, bans on
 * ordinary conduct, deemed waivers and lost remedies, and rules that reach back before they began.
 * Only parties outside the administration are bound by these; duties of the bureau itself are work
 * rules, not obligations.
 */
import { MUST, gap, pgap } from '../lexicon';
import { type Detector, rx, verdict } from './types';

const DUTY = `(?:${MUST}|应(?!急|用|对|聘|届|答)|每年须|每月须|每季度须)`;

/** "应当于每月5日前向区文旅局报送…数据", "将剧本全文报区文旅局存档", "上传至…监管平台". */
const reporting: Detector = {
  id: 'obligation.reporting',
  code: 'LR-OBLIGATION',
  pattern: rx(DUTY, gap(30), '(?:报送|上报|报告|提交|报备|备案|存档|上传|推送|共享|接入|填报|报[^，。；]{0,10}(?:局|政府|中心|管委会|部门|站|所)(?:存档|备查|备案|审核|审查|查验))'),
  judge: () => verdict('medium', '要求向行政机关报送、报告、提交或者备案材料、数据，增加了相对人的义务'),
  yieldsTo: ['LR-LICENCE'],
};

/** "应当在出租前到社区登记", "须到街道报到": registering in person where no law asks it. */
const registration: Detector = {
  id: 'obligation.registration',
  code: 'LR-OBLIGATION',
  pattern: rx(DUTY, gap(16), '(?:到|向|在)', gap(12), '(?:登记|报到|报备|备案)'),
  judge: () => verdict('medium', '要求到行政机关或者基层组织登记、报备，增加了相对人的义务'),
  yieldsTo: ['LR-LICENCE'],
};

/** "应当在客房内安装与区文旅局联网的视频监控系统", "统一购买人身意外伤害保险", "全程穿着…工作服". */
const equipment: Detector = {
  id: 'obligation.equipment',
  code: 'LR-OBLIGATION',
  pattern: rx(DUTY, gap(20), '(?:安装|配备|配置|加装|购买|投保|购置|穿着|穿戴|佩戴|采用|使用|聘用|聘请|招聘|配齐|设置|张贴|悬挂|摆放|建立)', gap(30), '(?:系统|设备|软件|装置|保险|工作服|服装|样式|人员|专人|监控|终端|标识|标牌|牌|专栏|包装|档案|台账|灭火器|平台|设施|器材|公司|机构|手环|定位器|胸卡)(?!证)'),
  judge: () => verdict('medium', '要求安装、配备、购买或者使用特定设备、保险、服装、人员，增加了相对人的义务'),
};

/** "每年参加不少于四次行业培训", "每年须完成不少于四十学时的继续教育", "应当加入区…协会". */
const participation: Detector = {
  id: 'obligation.participation',
  code: 'LR-OBLIGATION',
  pattern: rx(DUTY, gap(20), '(?:参加|参与|加入|完成|接受|组织|配合)', gap(24), '(?:培训|学时|小时|继续教育|调研|宣传活动|活动|演练|协会|考核|考试|测评|评估|检查|志愿服务|公益服务|值守|巡查)'),
  judge: (m) => (/依法[^，。；]{0,6}(?:检查|监督)|监督检查/.test(m[0]) ? null : verdict('medium', '要求参加培训、活动、考核或者加入组织，增加了相对人的义务')),
};

/** "游客进入景区应当出示本人身份证件并进行人脸识别登记", "应当向区文旅局实名登记". */
const identity: Detector = {
  id: 'obligation.identity',
  code: 'LR-OBLIGATION',
  pattern: rx(DUTY, gap(20), '(?:出示|提供|登记|核验|实名|人脸|指纹|扫码|填报|申报)', gap(12), '(?:身份证|身份证件|证件|人脸|实名|信息|证明|行程|健康码)'),
  judge: () => verdict('medium', '要求提供身份证件、实名或者人脸登记等个人信息，增加了公民的义务'),
};

/** "应当提供所在单位出具的政审证明", "提交近三年无违法记录证明". */
const certificates: Detector = {
  id: 'obligation.certificates',
  code: 'LR-OBLIGATION',
  pattern: rx(DUTY, gap(24), '(?:提供|提交|出具|开具)', gap(24), '(?:证明|承诺书|担保书|保证书|政审|无违法记录|无犯罪记录)'),
  judge: () => verdict('medium', '要求提交证明、承诺书等法律法规未规定的材料，增加了相对人的义务'),
};

/** "景区内禁止游客自带食品进入", "游客…不得发布对景区的负面评价", "居民…不得…". */
const citizenBan: Detector = {
  id: 'obligation.citizen-ban',
  code: 'LR-OBLIGATION',
  pattern: rx(
    '(?:(?:禁止|严禁|不准|不允许)', gap(4), '(?:游客|旅游者|居民|村民|市民|公民|个人|消费者|参观者|观众|乘客|群众|业主|住户|学生|家长)',
    '|(?:游客|旅游者|居民|村民|市民|公民|个人|消费者|参观者|观众|乘客|群众|业主|住户|学生|家长)', pgap(30), '(?:不得|禁止|严禁|不准|不允许))',
    gap(20),
  ),
  judge: (m) => {
    if (/安全|危险|警示|损害|违法|非法|破坏|干扰|滞留|攀爬|吸烟|明火/.test(m[0])) return null;
    return verdict('medium', '限制公民、游客的行为自由，减损了其权利');
  },
};

/** "视为自动放弃申请", "已提交的材料不予退还", "不得再行投诉", "未经调解的不得向法院起诉". */
const waiver: Detector = {
  id: 'obligation.waiver',
  code: 'LR-OBLIGATION',
  pattern: rx(
    '视为(?:自动)?(?:放弃|撤回|认可|同意|接受|默认|认同)|不予退还|概不退还|一律不退|不得(?:[^，。；]{0,10}?)再(?:行|次)?(?:投诉|申请|起诉|复议|主张|举报)',
    '|(?:不得|不能)(?:向人民法院|向法院)?(?:起诉|提起诉讼|申请复议|申请行政复议|申请仲裁)|放弃[^，。；]{0,6}权利|承担[^，。；]{0,14}?全部[^，。；]{0,4}?(?:责任|费用|损失)',
  ),
  judge: () => verdict('medium', '以视为放弃、不予退还、限制投诉或者诉讼等方式减损相对人的权利'),
};

/** "本办法施行前已开业的民宿，也应当按照本办法规定补办各项手续". */
const retroactive: Detector = {
  id: 'obligation.retroactive',
  code: 'LR-OBLIGATION',
  pattern: rx('(?:本办法|本规定|本细则|本通知|本措施|本意见)(?:施行|实施|印发|发布)(?:之日)?(?:前|以前)', pgap(30), '(?:也|亦|同样|均|一律)?(?:应当|须|适用|按照本|依照本|参照本)'),
  judge: () => verdict('high', '要求文件施行前已经发生的行为或者已经成立的主体适用新的义务，溯及既往'),
};

/** "安装区文旅局指定的计费管理软件", "通过本区登记的旅行社报名参团", "采用区里统一推荐的…样式". */
const designated: Detector = {
  id: 'obligation.designated',
  code: 'LR-OBLIGATION',
  pattern: rx(DUTY, gap(20), '(?:使用|采用|安装|通过|选用|委托|购买|穿着|佩戴|加入|聘请|聘用|选择|接受|配备|提供|发放|张贴)', gap(20), '(?:指定|(?<!国家|全国|省)统一(?:定制|推荐|提供|配发|印制|制作)?|推荐|认定|登记|定点|监制|设计|提供|发放|认可|推荐品牌|印制)的'),
  judge: () => verdict('medium', '要求使用、采购或者通过行政机关指定、推荐的产品、服务或者机构，增加了相对人的义务'),
};

/** "按照观众人数的百分之五预留免费票，交由区文旅局统一分配". */
const reserve: Detector = {
  id: 'obligation.reserve',
  code: 'LR-OBLIGATION',
  pattern: rx(DUTY, gap(24), '(?:预留|无偿提供|免费提供|免费向|无偿向|让渡|交由[^，。；]{0,10}(?:局|政府|部门)|无偿交付)'),
  judge: () => verdict('medium', '要求无偿提供、预留财物或者服务，增加了相对人的义务'),
};

/** "应当符合区文旅局制定的统一样式". */
const prescribedStyle: Detector = {
  id: 'obligation.prescribed-style',
  code: 'LR-OBLIGATION',
  pattern: rx(DUTY, gap(6), '(?:符合|遵守|执行|按照|采用)', gap(16), '(?:局|政府|管委会|街道|区里|统一)', gap(8), '(?:制定|规定|确定|推荐)?的', gap(6), '(?:样式|式样|格式|规范|色彩|颜色|字体|标准)'),
  judge: (m) => (/国家|行业|省/.test(m[0]) ? null : verdict('medium', '要求按照行政机关自定的样式、规范经营或者建设，增加了相对人的义务')),
};

/** "须书面承诺…", "应当签订…责任书". */
const commitment: Detector = {
  id: 'obligation.commitment',
  code: 'LR-OBLIGATION',
  pattern: rx(DUTY, gap(16), '(?:书面承诺|承诺|签订|签署)', gap(16), '(?:承诺书|责任书|保证书|协议|不得|三年|五年|期限)?'),
  judge: (m) => (/签订[^，。；]{0,8}合同/.test(m[0]) ? null : verdict('medium', '要求作出承诺或者签订责任书，增加了相对人的义务')),
  yieldsTo: ['LR-LICENCE'],
};

/** "应当先行向区旅游投诉中心申请调解": a step before the remedies the law gives. */
const compulsoryStep: Detector = {
  id: 'obligation.compulsory-step',
  code: 'LR-OBLIGATION',
  pattern: rx(DUTY, '(?:先行|首先|先)', gap(16), '(?:调解|协商|申请|投诉)'),
  judge: () => verdict('medium', '要求先行调解或者申请，限制了相对人依法寻求救济的权利'),
};

/** "口头投诉的不予受理": a form requirement that shuts out a request the law lets people make. */
const formBar: Detector = {
  id: 'obligation.form-bar',
  code: 'LR-OBLIGATION',
  pattern: rx('(?:口头|电话|匿名|网上|逾期|非书面)', gap(10), '(?:的)?[，,]?(?:一律)?(?:不予|不再)(?:受理|处理|答复)'),
  judge: () => verdict('medium', '以形式或者期限为由对投诉、申请不予受理，减损了相对人的权利'),
};

/** "应当为每名上网人员拍照留存": personal data the law does not ask for. */
const dataCollection: Detector = {
  id: 'obligation.data-collection',
  code: 'LR-OBLIGATION',
  pattern: rx(DUTY, gap(20), '(?:拍照|录像|采集|留存)', gap(12), '(?:留存|保存|信息|照片|影像|指纹|人脸)?'),
  judge: (m) => (/录像[^，。；]{0,6}(?:资料)?保存/.test(m[0]) && !/拍照|采集/.test(m[0]) ? null : verdict('medium', '要求采集、留存个人照片或者信息，增加了相对人的义务')),
};

/** "未完成的不得续签劳动合同": a private right made to depend on the document's duty. */
const lostRight: Detector = {
  id: 'obligation.lost-right',
  code: 'LR-OBLIGATION',
  pattern: rx('(?:未完成|未参加|未按|未通过|未达到)', gap(12), '(?:的)?[，,]?(?:不得|不予|不能)', gap(6), '(?:续签|签订|录用|聘用|晋升|继续)'),
  judge: () => verdict('medium', '以未履行文件所设义务为由限制相对人的民事权利'),
};

export const obligationDetectors: readonly Detector[] = [
  reporting,
  registration,
  equipment,
  participation,
  identity,
  certificates,
  citizenBan,
  waiver,
  retroactive,
  designated,
  reserve,
  prescribedStyle,
  commitment,
  compulsoryStep,
  lostRight,
  formBar,
  dataCollection,
];
