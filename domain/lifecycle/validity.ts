/**
 * The effective date and the validity period recorded at signing (LR-F1: 有效期和施行日期载明):
 * a document takes effect normally no earlier than 30 days after publication, sooner only with a stated
 * reason; it is valid normally for at most 5 years, 2 for 暂行 / 试行 titles.
 */
import { parseInstant } from '../calendar';
import type { DocumentLifeConfig } from './config';
import { addLife, type LifeDuration } from './lifeTime';

/** 暂行 / 试行 documents (…暂行办法, …试行) have the shorter validity. */
export function isProvisionalTitle(title: string): boolean {
  return /暂行|试行/.test(title);
}

export function maxValidityFor(title: string, config: DocumentLifeConfig): LifeDuration {
  return isProvisionalTitle(title) ? config.maxValidityProvisional : config.maxValidity;
}

export interface DocumentDatesInput {
  title: string;
  /** When the document is (or is taken to be) published: the effective delay counts from it. */
  publishedAt: string;
  effectiveAt?: string;
  expiresAt?: string;
  earlyEffectReason?: string;
  /**
   * 立法法第104条 (LR-C1, nothing retroactive): why the document takes effect before its publication — only a
   * special provision that better protects citizens', legal persons' and other organisations' rights and interests.
   */
  retroactiveReason?: string;
}

export type DatesProblem = { code: 'EFFECTIVE_TOO_EARLY' | 'EFFECTIVE_BEFORE_PUBLICATION' | 'VALIDITY_TOO_LONG' | 'INVALID_INPUT'; detail: string };

/** The dates as they will be recorded, defaults filled in: effective after the delay, valid for the longest period. */
export function documentDates(input: DocumentDatesInput, config: DocumentLifeConfig): { effectiveAt: string; expiresAt: string } {
  const effectiveAt = input.effectiveAt ?? addLife(input.publishedAt, config.effectiveDelay);
  const expiresAt = input.expiresAt ?? addLife(effectiveAt, maxValidityFor(input.title, config));
  return { effectiveAt: new Date(parseInstant(effectiveAt)).toISOString(), expiresAt: new Date(parseInstant(expiresAt)).toISOString() };
}

/** Why the dates cannot be recorded, or null. */
export function documentDatesProblem(
  input: DocumentDatesInput,
  config: DocumentLifeConfig,
  opts: { /** Matters signed before the rule: an early-effect reason covered a date before publication too. */ retroactiveWithEarlyReason?: boolean } = {},
): DatesProblem | null {
  const { effectiveAt, expiresAt } = documentDates(input, config);
  const earliest = addLife(input.publishedAt, config.effectiveDelay);
  if (!opts.retroactiveWithEarlyReason) {
    const retroactive = retroactivityProblem({ publishedAt: input.publishedAt, effectiveAt, retroactiveReason: input.retroactiveReason }, config);
    if (retroactive) return retroactive;
  }
  // Day-based: the effective day may be the 30th day after publication (compared as Beijing days).
  const tooEarly = fallsBefore(effectiveAt, earliest, config);
  // A retroactive date's reason answers for its being early too.
  const retroactiveReasoned = fallsBefore(effectiveAt, input.publishedAt, config) && !!(input.retroactiveReason ?? '').trim();
  if (tooEarly && !retroactiveReasoned && !(input.earlyEffectReason ?? '').trim()) {
    return { code: 'EFFECTIVE_TOO_EARLY', detail: `effectiveAt ${effectiveAt} is before ${earliest}; give earlyEffectReason` };
  }
  if (parseInstant(expiresAt) <= parseInstant(effectiveAt)) return { code: 'INVALID_INPUT', detail: 'expiresAt must be after effectiveAt' };
  const longest = maxValidityFor(input.title, config);
  const latest = addLife(effectiveAt, longest);
  if (parseInstant(expiresAt) > parseInstant(latest)) {
    return { code: 'VALIDITY_TOO_LONG', detail: `expiresAt ${expiresAt} is after ${latest} (at most ${longest.amount} ${longest.unit}${isProvisionalTitle(input.title) ? ', 暂行/试行' : ''})` };
  }
  return null;
}

/** Whether `a` falls before `b`: on an earlier Beijing day where the effective delay counts days, else (second-based demo clocks) an earlier instant. */
function fallsBefore(a: string, b: string, config: DocumentLifeConfig): boolean {
  return config.effectiveDelay.unit !== 'seconds' ? beijingDay(a) < beijingDay(b) : parseInstant(a) < parseInstant(b);
}

/**
 * 立法法第104条 (LR-C1): whatever the kind of document, a date of effect before its publication needs its
 * retroactivity reason.
 */
export function retroactivityProblem(input: { publishedAt: string; effectiveAt: string; retroactiveReason?: string }, config: DocumentLifeConfig): DatesProblem | null {
  if (!fallsBefore(input.effectiveAt, input.publishedAt, config) || (input.retroactiveReason ?? '').trim()) return null;
  return { code: 'EFFECTIVE_BEFORE_PUBLICATION', detail: `effectiveAt ${input.effectiveAt} is before the publication (${input.publishedAt}); give retroactiveReason` };
}

function beijingDay(iso: string): string {
  return new Date(parseInstant(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}
