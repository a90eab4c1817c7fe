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
  pattern: rx('(?:查封|扣押|冻结|扣留|封存|先行登记保存|暂扣(?![^，。；]{0,6}(?:许可证|执照|证照|导游证|资格)))', gap(14)),
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
  pattern: rx('(?:停止|中断|限制|切断|暂停)(?:其)?(?:供电|供水|供气|供热|用电|用水|供应)|停水停电|停电停水|断水断电|断电|拉闸'),
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
  pattern: rx('(?:划拨|扣划|直接扣缴|强制扣缴|直接扣除|拍卖)', gap(12)),
  judge: () => verdict('high', '设定划拨、扣划存款或者拍卖财物，属于行政强制执行', 'enforcement'),
};

/** "由街道组织代为拆除", "代履行". */
const substitute: Detector = {
  id: 'compulsion.substitute',
  code: 'LR-COMPULSION',
  pattern: rx('(?:代为|代)(?:拆除|清除|履行|恢复|清理|整改|改正)|代履行'),
  judge: () => verdict('high', '设定代履行，属于行政强制执行', 'enforcement'),
};

/** "锁车或者拖移至指定停车场". */
const vehicle: Detector = {
  id: 'compulsion.vehicle',
  code: 'LR-COMPULSION',
  pattern: rx('(?:拖移|拖离|拖走|锁车|扣车|锁闭|拖至)'),
  judge: () => verdict('high', '设定锁车、拖移车辆等对财物的强制措施'),
};

/** "限制人身自由", "将其带离". */
const person: Detector = {
  id: 'compulsion.person',
  code: 'LR-COMPULSION',
  pattern: rx('限制人身自由|(?:将其|将)?(?:带离|留置|约束至)'),
  judge: (_m, ctx) => (/游客|旅游者|人员|当事人|未成年人|其/.test(ctx.text) ? verdict('high', '设定限制人身自由的强制措施') : null),
};

export const compulsionDetectors: readonly Detector[] = [seizure, forced, utilities, lateCharge, transfer, substitute, vehicle, person];
