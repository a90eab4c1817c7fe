/**
 * The retained lawyer's checklist for an important contract or major agreement (重要合同、重大协议), coded
 * like the legality review's LR-* points so that opinions, the dossier and the web app treat both alike.
 * What the points cover follows the guide (seed report; 中办发〔2016〕30号 on legal advisers): parties, the
 * authority to sign, legal basis, the procurement procedure followed, price and payment, performance,
 * liability, confidentiality, dispute resolution, and the term.
 */

import { labelTable } from '../labelTable';

export const { labels: CONTRACT_CHECKLIST_LABELS, codes: CONTRACT_CHECKLIST_CODES } = labelTable({
  'CT-S1': '合同主体适格，对方资格、资信已核实',
  'CT-S2': '签约主体有权签署（法定代表人或书面授权）',
  'CT-B1': '有法律依据，内容不违反法律法规强制性规定',
  'CT-P1': '已依法履行政府采购、招标投标等程序',
  'CT-M1': '价款、支付方式和期限明确，有资金来源',
  'CT-R1': '标的、数量、质量、履行期限地点方式及验收明确',
  'CT-L1': '违约责任明确、对等，未不当加重我方责任',
  'CT-C1': '保密、知识产权、数据安全条款适当',
  'CT-D1': '争议解决方式（诉讼/仲裁）及管辖明确',
  'CT-T1': '合同期限、变更、解除和续签条款明确',
});
export type ContractChecklistCode = (typeof CONTRACT_CHECKLIST_CODES)[number];
