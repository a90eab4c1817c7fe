/** Detector set per legality rule-set version: results under an old version use the detectors written for it. */
import { LEGALITY_RULESET_VERSION } from '../catalogue';
import { compulsionDetectors } from './compulsion';
import { feeDetectors } from './fee';
import { licenceDetectors } from './licence';
import { obligationDetectors } from './obligation';
import { penaltyDetectors } from './penalty';
import type { Detector } from './types';

const BY_RULESET: Readonly<Record<string, readonly Detector[]>> = Object.freeze({
  [LEGALITY_RULESET_VERSION]: Object.freeze([...licenceDetectors, ...penaltyDetectors, ...compulsionDetectors, ...feeDetectors, ...obligationDetectors]),
});

export function legalityDetectorsFor(version: string): readonly Detector[] {
  const found = BY_RULESET[version];
  if (!found) throw new Error(`no legality pre-screen detectors for rule set "${version}"`);
  return found;
}

export type { Confidence, Detector, Verdict, BasisVariant } from './types';
