/**
 * A new version of the text: immutable, numbered in sequence, identified by its SHA-256. Everything
 * that was bound to the old text is re-opened: the lawyer's sign-offs become void (kept, with the hash
 * they were given on), the fair-competition conclusion must be given again (公平竞争审查条例第18条),
 * and the legality conclusion is re-opened — except while amending (the LAWFUL_WITH_AMENDMENTS
 * conclusion is what the new text answers) or finalizing after the meeting (the decision stands and
 * the legal unit checks the final text against it).
 */

import { refuse } from './refusals';
import { currentVersion, supersedeFcrConclusion, supersedeLegalityConclusion } from './state';
import type { MatterState, Refusal } from './types';

export const VERSION_HASH_PATTERN = /^[0-9a-f]{64}$/;

export function applyNewVersion(
  state: MatterState,
  input: { versionHash: string; versionNumber: number; note?: string },
  by: string,
  now: string,
): Refusal | null {
  if (typeof input.versionHash !== 'string' || !VERSION_HASH_PATTERN.test(input.versionHash)) {
    return refuse('INVALID_VERSION_HASH');
  }
  const current = currentVersion(state);
  if (input.versionNumber !== current.number + 1) {
    return refuse('VERSION_NUMBER_OUT_OF_SEQUENCE', `expected ${current.number + 1}, got ${String(input.versionNumber)}`);
  }
  if (input.versionHash === current.hash) return refuse('VERSION_UNCHANGED');

  state.versions.push({
    number: input.versionNumber,
    hash: input.versionHash,
    submittedAt: now,
    submittedBy: by,
    ...(input.note ? { note: input.note } : {}),
  });
  for (const o of state.legality.opinions) {
    if (!o.void) {
      o.void = true;
      o.voidedAt = now;
      o.voidedByVersion = input.versionNumber;
    }
  }
  supersedeFcrConclusion(state, now);
  if (state.stage !== 'amending' && state.stage !== 'finalizing') supersedeLegalityConclusion(state, now);
  if (state.decision?.finalText) state.decision.finalText = null;
  return null;
}
