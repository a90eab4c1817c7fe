/** Important contracts and major agreements (重要合同、重大协议): the lawyer's review before signing. Pure. */
export { CONTRACT_CHECKLIST_CODES, CONTRACT_CHECKLIST_LABELS, type ContractChecklistCode } from './checklist';
export {
  CONTRACT_CLOSURE_LABELS,
  CONTRACT_CLOSURE_OUTCOMES,
  DISPUTE_METHOD_LABELS,
  PARTY_ROLE_LABELS,
  PROCUREMENT_METHOD_LABELS,
  PROCUREMENT_METHODS,
  closeContractCommand,
  contractParticularsSchema,
  recordContractParticularsCommand,
  recordContractSigningCommand,
  type ContractParticulars,
} from './schemas';
export { emptyContract, type ContractState } from './state';
export { contractRegisterEntry, contractStatus, type ContractRegisterEntry, type ContractStatus } from './register';
