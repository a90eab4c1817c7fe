/**
 * Detector sets per rule-set version. A review re-run under an old rule-set version uses the
 * detectors written for it, so a later change in wording rules cannot rewrite past findings.
 */
import { conductDetectors } from './conduct';
import { costDetectors } from './costs';
import { fallbackDetectors } from './fallback';
import { freeFlowDetectors } from './free-flow';
import { marketEntryDetectors } from './market-entry';
import type { Detector } from './types';

const BY_RULESET: Readonly<Record<string, readonly Detector[]>> = Object.freeze({
  '2024-08-01': Object.freeze([...marketEntryDetectors, ...freeFlowDetectors, ...costDetectors, ...conductDetectors, ...fallbackDetectors]),
});

/** Detectors for a rule-set version; throws when a rule set has no detectors yet. */
export function detectorsFor(version: string): readonly Detector[] {
  const found = BY_RULESET[version];
  if (!found) throw new Error(`no pre-screen detectors for fair-competition rule set "${version}"`);
  return found;
}

export type { Confidence, Detector, Verdict } from './types';
