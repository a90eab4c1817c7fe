/** The contract register (合同台账): one row per contract matter, from its state. Pure. */
import type { MatterState } from '../procedure/types';

export type ContractStatus = 'under_review' | 'awaiting_signing' | 'in_force' | 'closed' | 'not_signed' | 'withdrawn';

export interface ContractRegisterEntry {
  matterId: string;
  title: string;
  stage: MatterState['stage'];
  status: ContractStatus;
  contractType: string | null;
  counterparty: string | null;
  value: number | null;
  contractNumber: string | null;
  signedAt: string | null;
  /** Signed before its review cleared it (the lawyer reviews before signing: an audit finding). */
  signedBeforeReview: boolean;
  termStart: string | null;
  termEnd: string | null;
  /** The legal unit's conclusion on the signed (or current) text. */
  conclusion: string | null;
  closure: { outcome: string; note: string; at: string } | null;
}

export function contractStatus(state: MatterState): ContractStatus {
  switch (state.stage) {
    case 'contract_signing':
      return 'awaiting_signing';
    case 'contract_in_force':
      return 'in_force';
    case 'contract_closed':
      return 'closed';
    case 'not_issued':
    case 'rejected':
      return 'not_signed';
    case 'withdrawn':
      return 'withdrawn';
    default:
      return 'under_review';
  }
}

export function contractRegisterEntry(state: MatterState): ContractRegisterEntry {
  const c = state.contract;
  const signing = c?.signing ?? null;
  const counterparty = signing?.counterparty ?? c?.particulars?.parties.find((p) => p.role === 'counterparty')?.name ?? null;
  return {
    matterId: state.matterId,
    title: state.title,
    stage: state.stage,
    status: contractStatus(state),
    contractType: c?.particulars?.contractType ?? null,
    counterparty,
    value: signing?.value ?? c?.particulars?.price.amount ?? null,
    contractNumber: signing?.contractNumber ?? null,
    signedAt: signing?.signedAt ?? null,
    signedBeforeReview: Boolean(signing?.signedBeforeReview),
    termStart: signing?.termStart ?? null,
    termEnd: signing?.termEnd ?? null,
    conclusion: state.legality.conclusion?.outcome ?? state.legality.history.at(-1)?.outcome ?? null,
    closure: c?.closure ? { outcome: c.closure.outcome, note: c.closure.note, at: c.closure.at } : null,
  };
}
