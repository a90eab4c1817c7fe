/**
 * LR-COMPULSION: administrative compulsion (行政强制法 art. 2) — measures that control people or
 * property for a while (查封、扣押、冻结、扣留、限制人身自由) and enforcement of decisions (加处罚款或者
 * 滞纳金、划拨、代履行、强制拆除、停止供水供电), which only a law may set.
 */
import { gap } from '../lexicon';
import { type Detector, rx, verdict } from './types';

/** "查封其经营场所", "扣押电脑等经营设备", "冻结经营者的银行账户", "暂扣其经营工具". */
const seizure: Detector = {
  id: 'compulsion.seizure',
  code: 'LR-COMPULSION',
  pattern: rx('(?:查封|查扣|扣押|冻结|扣留|封存|收缴(?!罚款)|先行登记保存|临时封闭|封门|封堵|贴封条|加贴封条|封闭(?=[^，。；]{0,4}(?:场所|现场|措施))|暂扣(?![^，。；]{0,6}(?:许可证|执照|证照|导游证|资格)))', gap(14)),
  judge: (m) => (/^(?:查封|扣押|冻结)(?:、(?:查封|扣押|冻结))*(?:的|期限|决定书|清单|物品的保管)/.test(m[0]) ? verdict('medium', '涉及查封、扣押、冻结等行政强制措施') : verdict('high', '设定查封、扣押、冻结、扣留等行政强制措施')),
};

/** "强制拆除", "强制其停止运营", "强行进入检查", "强制带离景区". */
const forced: Detector = {
  id: 'compulsion.forced',
  code: 'LR-COMPULSION',
  pattern: rx('(?:强制|强行)(?:其)?', gap(2), '(?:拆除|清除|带离|执行|进入|检查|关闭|停止|隔离|搬离|清理|撤离|收回|清退|驱离|疏散|封闭|断开)'),
  judge: (m) => (/强制执行/.test(m[0]) ? verdict('medium', '设定行政强制执行') : verdict('high', '设定强制拆除、强制带离、强行进入等行政强制', /拆除|清除|清理|执行/.test(m[0]) ? 'enforcement' : 'main')),
};

/** "停止供电", "停水停电", "限制供应". */
const utilities: Detector = {
  id: 'compulsion.utilities',
  code: 'LR-COMPULSION',
  pattern: rx('(?:停止|中断|限制|切断|暂停)(?:向其|对其|其)?(?:供电|供水|供气|供热|用电|用水|供应)|停水[、和及或]?停电|停电[、和及或]?停水|断水[、和及或]?断电|断电|拉闸|采取(?:停水|停电|断水)'),
  judge: () => verdict('high', '以停止供水、供电等方式迫使当事人履行，属于行政强制执行', 'enforcement'),
};

/** "每日按…加收滞纳金", "加处罚款", "按日加收万分之五的滞纳金". */
const lateCharge: Detector = {
  id: 'compulsion.late-charge',
  code: 'LR-COMPULSION',
  pattern: rx('(?:加收|加处|收取|缴纳|按日|每日)', gap(16), '(?:滞纳金|罚款)|滞纳金'),
  judge: (m) => (/滞纳金|加处|加收/.test(m[0]) ? verdict('high', '设定加处罚款或者滞纳金，属于行政强制执行', 'enforcement') : null),
};

/** "划拨其预存的风险保证金", "从其保证金中直接扣划". */
const transfer: Detector = {
  id: 'compulsion.transfer',
  code: 'LR-COMPULSION',
  pattern: rx('(?:划拨|扣划|划扣|直接扣缴|强制扣缴|直接扣除|直接扣抵|扣抵|直接抵扣|抵扣|抵缴|拍卖(?=其|被|查封|扣押|所|的?(?:财物|设备|物品|车辆)))', gap(12)),
  judge: () => verdict('high', '设定划拨、扣划存款或者拍卖财物，属于行政强制执行', 'enforcement'),
};

/** "由街道组织代为拆除", "代履行". */
const substitute: Detector = {
  id: 'compulsion.substitute',
  code: 'LR-COMPULSION',
  pattern: rx('(?:代为|代)(?:拆除|清除|履行|恢复|清理|整改|改正)|代履行'),
  judge: () => verdict('high', '设定代履行，属于行政强制执行', 'enforcement'),
};

/** "将其物品清出景区并暂存管理处": goods taken away from their owner. */
const removal: Detector = {
  id: 'compulsion.removal',
  code: 'LR-COMPULSION',
  pattern: rx('(?:将其|将)', gap(8), '(?:物品|财物|货物|设施|设备|车辆|摊位|工具|商品)', gap(6), '(?:清出|清离|移至|运至|暂存|拖至|搬离|收走|没入)'),
  judge: () => verdict('high', '将当事人的财物清走、暂存，属于对财物的强制措施'),
};

/** "逾期不拆除的，由区城管局组织拆除，费用由…承担": the administration does it at the party's cost. */
const removalByAdministration: Detector = {
  id: 'compulsion.removal-by-administration',
  code: 'LR-COMPULSION',
  pattern: rx('(?:组织(?:力量|人员)?|予以|负责|统一)(?:强制)?(?:拆除|清除|清理|清运|搬离|清退)'),
  judge: (_m, ctx) => (/拒不|逾期|未按|不按|违规|违法|擅自|费用由|费用从/.test(ctx.text) ? verdict('high', '由行政机关拆除、清除当事人的设施并由其负担费用，属于行政强制执行（代履行）', 'enforcement') : null),
};

/** "锁车或者拖移至指定停车场". */
const vehicle: Detector = {
  id: 'compulsion.vehicle',
  code: 'LR-COMPULSION',
  pattern: rx('(?:拖移|拖离|拖走|锁车|扣车|锁闭|拖至|加装地锁|地锁|加锁)'),
  judge: () => verdict('high', '设定锁车、拖移车辆等对财物的强制措施'),
};

/** "限制人身自由", "将其带离". */
const person: Detector = {
  id: 'compulsion.person',
  code: 'LR-COMPULSION',
  pattern: rx('限制人身自由|将其', gap(6), '(?:控制|带回|带离|带至|驱离|驱逐|清出|留置|约束|扣留)|(?:强制|当场)(?:带离|带回|控制|驱离)|(?<!将其)(?:带离|驱离)'),
  judge: (_m, ctx) => (/游客|旅游者|人员|当事人|未成年人|其/.test(ctx.text) ? verdict('high', '设定限制人身自由的强制措施') : null),
};

export const compulsionDetectors: readonly Detector[] = [seizure, forced, utilities, lateCharge, transfer, substitute, vehicle, person, removal, removalByAdministration];
