/**
 * A detector finds wording that may create one kind of measure and says, from the sentence around
 * it, whether it does. Detectors never clear a finding for a legal basis, a prohibition or a soft
 * reading: the pre-screen applies one clearing policy to all of them.
 */
import type { LegalityCode } from '../catalogue';
import type { ClauseContext } from '../context';

export type Confidence = 'high' | 'medium' | 'low';

/** Which of the code's provisions the wording breaches, when it is not the code's main one. */
export type BasisVariant = 'main' | 'extraCondition' | 'enforcement' | 'licensing' | 'paidService';

export interface Verdict {
  confidence: Confidence;
  /** what the wording creates, in plain Chinese: '为经营活动设定事前审批' */
  reason: string;
  variant?: BasisVariant;
}

export interface Detector {
  /** stable id, e.g. 'licence.gate'; for debugging, never shown to users */
  id: string;
  code: LegalityCode;
  /** global regex over the whole text; its gaps never cross a sentence end */
  pattern: RegExp;
  /** the reading of this match in its sentence, or null when the setting shows it creates no such measure */
  judge(match: RegExpExecArray, ctx: ClauseContext, at: number): Verdict | null;
  /** codes that, found anywhere in the same sentence, explain this wording better (a filing that gates an activity is a licence) */
  yieldsTo?: readonly LegalityCode[];
}

export function rx(...parts: string[]): RegExp {
  return new RegExp(parts.join(''), 'g');
}

export function verdict(confidence: Confidence, reason: string, variant?: BasisVariant): Verdict {
  return variant ? { confidence, reason, variant } : { confidence, reason };
}
