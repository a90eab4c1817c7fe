/**
 * A matter's classification: its kind and, for a normative document, whether it is **also** a major
 * decision (e.g. a tourism subsidy policy with wide effect). Such a matter owes the duties of both:
 * the major decision's hearing of the public and 30-day comment window (713号令第14条、第15条), its
 * ≥ 7 working days of legality review (第26条), the report to the Party committee (第31条), and the
 * normative document's 备案 and publication. One home for "which duties does this matter owe".
 */
import type { Duration } from '../calendar';
import type { KindConfig, ProcedureConfig } from './config';
import type { MatterKind } from './types';

export interface Classified {
  kind: MatterKind;
  /** Absent in matters registered before the second classification existed (= false). */
  alsoMajorDecision?: boolean;
}

/** Whether the matter owes a major decision's duties (713号令): a major decision, or a normative document that is also one. */
export function isMajorDecision(m: Classified): boolean {
  return m.kind === 'major_decision' || (m.kind === 'normative_document' && m.alsoMajorDecision === true);
}

/** Whether the matter owes a normative document's duties (备案, 有效期, 37号). */
export function isNormativeDocument(m: Classified): boolean {
  return m.kind === 'normative_document';
}

/** Only a normative document can also be a major decision. */
export function dualApplies(kind: MatterKind): boolean {
  return kind === 'normative_document';
}

/** The longer of two minimums; in different units the major decision's own (its floors are counted in its units). */
function longer(a: Duration | null, b: Duration | null): Duration | null {
  if (!a) return b;
  if (!b) return a;
  if (a.unit === b.unit) return a.amount >= b.amount ? a : b;
  return b;
}

/**
 * The rules of the matter's kind; for a normative document that is also a major decision, the stricter of
 * both kinds' rules (the longer minimums, every requirement either imposes), and the document's 备案 deadline.
 */
export function kindConfigOf(m: Classified, config: ProcedureConfig): KindConfig {
  const own = config.kinds[m.kind];
  if (!(m.kind === 'normative_document' && m.alsoMajorDecision === true)) return own;
  const major = config.kinds.major_decision;
  return {
    legalityReviewMinimum: longer(own.legalityReviewMinimum, major.legalityReviewMinimum),
    legalityReviewTimeLimit: major.legalityReviewTimeLimit ?? own.legalityReviewTimeLimit,
    commentWindowMinimum: longer(own.commentWindowMinimum, major.commentWindowMinimum) ?? major.commentWindowMinimum,
    lawyerOpinionRequired: own.lawyerOpinionRequired || major.lawyerOpinionRequired,
    internalConsultationRequired: own.internalConsultationRequired || major.internalConsultationRequired,
    filingDeadline: own.filingDeadline,
    archiveDeadline: own.archiveDeadline,
  };
}
