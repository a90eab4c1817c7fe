/** What a contract matter keeps beside the common procedure state (MatterState.contract). */
import type { z } from 'zod';
import type { ContractParticulars, CONTRACT_CLOSURE_OUTCOMES, recordContractSigningCommand } from './schemas';

export interface ContractState {
  /** The particulars as last recorded, with the version of the text they describe. */
  particulars: (ContractParticulars & { recordedBy: string; recordedAt: string; versionHash: string }) | null;
  /** The signed contract: always the text the legal unit concluded on and the lawyer signed. */
  signing: (Omit<z.infer<ReturnType<typeof recordContractSigningCommand>>, 'type'> & {
    /** Signed before the lawyer's opinion and the legal unit's word cleared it (recorded as it happened, for the auditor). */
    signedBeforeReview?: { clearedAt: string };
    recordedBy: string;
    recordedAt: string;
  }) | null;
  closure: { outcome: (typeof CONTRACT_CLOSURE_OUTCOMES)[number]; note: string; renewalMatterId?: string; by: string; at: string } | null;
}

export const emptyContract = (): ContractState => ({ particulars: null, signing: null, closure: null });
