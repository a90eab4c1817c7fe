/** A contract matter under review, and its signing, as the contract tests drive them. */
import { CONTRACT_CHECKLIST_CODES } from '../../../domain/contracts';
import type { Command, MatterState } from '../../../domain/procedure';
import { apply, at, hash, people, register } from '../procedure/fixtures';

export const particulars = {
  contractType: '技术服务合同',
  parties: [
    { name: '区文化和旅游局', role: 'bureau' as const },
    { name: '某某信息技术有限公司', role: 'counterparty' as const, creditCode: '91120000MA0000000X' },
  ],
  signingAuthority: { signatory: '局长', authority: '法定代表人签署' },
  legalBasis: '民法典合同编；政府采购法',
  procurement: { method: 'competitive_consultation' as const, reference: 'TJCG-2026-001' },
  price: { amount: 480000, paymentTerms: '验收合格后30日内一次性支付' },
  performance: '2026年12月31日前完成系统部署并验收',
  liability: '逾期每日按合同价款万分之五支付违约金',
  confidentiality: { required: true, terms: '对游客个人信息负保密义务' },
  disputeResolution: { method: 'litigation' as const, forum: '甲方所在地人民法院' },
};
export const CT = CONTRACT_CHECKLIST_CODES.map((code) => ({ code, result: 'pass' as const }));

export function reviewed(recorded: typeof particulars & { term?: { from: string; to: string } } = particulars): MatterState {
  let s = register('contract_review');
  s = apply(s, { type: 'record_contract_particulars', particulars: recorded }, people.drafter, at('2026-03-02'));
  s = apply(s, { type: 'submit_for_review' }, people.drafter, at('2026-03-02', '10:00'));
  s = apply(s, { type: 'accept_materials' }, people.legal, at('2026-03-03'));
  s = apply(s, { type: 'assign_lawyer', lawyerId: people.lawyer.userId }, people.legal, at('2026-03-03', '10:00'));
  return s;
}

export const signing = (over: Partial<Extract<Command, { type: 'record_contract_signing' }>> = {}): Command => ({
  type: 'record_contract_signing', versionHash: hash(1), contractNumber: 'HT-2026-007', signedAt: at('2026-03-06'), signatory: '局长',
  counterparty: '某某信息技术有限公司', value: 480000, termStart: at('2026-03-06'), termEnd: at('2026-12-31'), ...over,
});
