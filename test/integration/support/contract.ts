/** A technical-services contract of the bureau as the contract tests review it: its text, particulars and a passing checklist. */
import { CONTRACT_CHECKLIST_CODES } from '../../../domain/contracts';

export const CT = CONTRACT_CHECKLIST_CODES.map((code) => ({ code, result: 'pass' }));

export const CONTRACT_TEXT = [
  '技术服务合同',
  '甲方：区文化和旅游局　乙方：某某信息技术有限公司',
  '第一条 乙方为甲方建设智慧文旅服务平台，于2026年12月31日前完成部署并通过验收。',
  '第二条 合同价款为人民币肆拾捌万元整，验收合格后30日内一次性支付。',
  '第三条 任何一方违约的，按合同价款万分之五每日向对方支付违约金。',
  '第四条 乙方对履行中知悉的游客个人信息负有保密义务。',
  '第五条 因本合同发生的争议，由甲方所在地人民法院管辖。',
].join('\n');

export const PARTICULARS = {
  contractType: '技术服务合同',
  parties: [{ name: '区文化和旅游局', role: 'bureau' }, { name: '某某信息技术有限公司', role: 'counterparty' }],
  signingAuthority: { signatory: '局长', authority: '法定代表人签署' },
  legalBasis: '民法典合同编；政府采购法第26条',
  procurement: { method: 'competitive_consultation', reference: 'TJCG-2026-001' },
  price: { amount: 480000, paymentTerms: '验收合格后30日内一次性支付' },
  performance: '2026年12月31日前完成部署并验收',
  liability: '违约金按日万分之五，双方对等',
  confidentiality: { required: true, terms: '对游客个人信息负保密义务' },
  disputeResolution: { method: 'litigation', forum: '甲方所在地人民法院' },
};
