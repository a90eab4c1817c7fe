/** What the two generated opinion documents are made from: the review record of one version. */
import type { BasisRegisterEntry, ChecklistEntry, LegalityOutcome, MatterKind } from '../procedure';

export interface OpinionMatter {
  id: string;
  title: string;
  kind: MatterKind;
  draftingUnit: string;
}

/** A legality pre-screen finding of the reviewed version with the lawyer's answer. */
export interface AnsweredFinding {
  clause: string | null;
  code: string;
  excerpt: string;
  basis: string;
  status: 'open' | 'confirmed' | 'dismissed';
  amendment?: string;
  reason?: string;
}

/** A clause's registered legal basis. */
export type RegisteredBasis = BasisRegisterEntry;

export interface LawyerOpinionRecord {
  matter: OpinionMatter;
  version: { number: number; sha256: string };
  outcome: LegalityOutcome;
  opinionText: string;
  checklist: ChecklistEntry[];
  findings: AnsweredFinding[];
  register: RegisteredBasis[];
  lawyer: { id: string; name: string; firm: string };
  signOff: { id: string; signedAt: string; signature: string; publicKey: string; payloadSha256: string; verifyPath: string };
}

export interface LegalUnitOpinionRecord {
  matter: OpinionMatter;
  version: { number: number; sha256: string };
  outcome: LegalityOutcome;
  text: string;
  amendments: Array<{ clause: string; change: string }>;
  missing: string[];
  approvalAuthority?: string;
  findings: AnsweredFinding[];
  /** The lawyer's signed opinion on this version, if any. */
  lawyerOpinion: { signOffId: string; lawyerName: string; outcome: LegalityOutcome; signedAt: string } | null;
  legalUnit: { id: string; name: string; unit: string };
  concludedAt: string;
  /** The trail entry that records the conclusion: how to verify it was not changed. */
  trail: { seq: number; hash: string; verifyPath: string };
}
