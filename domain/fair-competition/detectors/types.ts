/**
 * A detector finds one kind of suspicious wording and decides, from the sentence around it,
 * which standard it may breach. Detectors never drop a finding for mitigating context; the
 * pre-screen applies one mitigation policy to all of them so behaviour stays consistent.
 */
import type { SentenceContext } from '../context';

export type Confidence = 'high' | 'medium' | 'low';

export interface Verdict {
  /** standard code, e.g. 'FCR-B3' */
  code: string;
  confidence: Confidence;
  /** plain Chinese description of what the wording does, e.g. '要求在本区注册才能享受补贴' */
  reason: string;
}

export interface Detector {
  /** stable id, e.g. 'A1.approval-required'; shown in debugging output, never to users */
  id: string;
  /** global regex; its gaps never cross a sentence boundary */
  pattern: RegExp;
  /**
   * The standard this match may breach in this sentence, or null when the setting makes the
   * wording irrelevant (e.g. "最高限价" in a tender is a lawful budget cap, not price fixing).
   */
  judge(match: RegExpExecArray, ctx: SentenceContext): Verdict | null;
  /**
   * A broad, meaning-level reading that only speaks when no specific detector found anything in
   * the sentence: it catches wording no specific rule anticipates without adding a second,
   * vaguer finding where a precise one already exists.
   */
  fallback?: boolean;
}

/** Builds a global regex from source fragments. */
export function rx(...parts: string[]): RegExp {
  return new RegExp(parts.join(''), 'g');
}

export function verdict(code: string, confidence: Confidence, reason: string): Verdict {
  return { code, confidence, reason };
}
