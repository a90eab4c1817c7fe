/**
 * Quality floors of a pre-screen evaluation, per split, set at the level measured when they were
 * recorded: the evaluation fails when recall drops below a floor or a false-positive / wrong-code
 * rate rises above its ceiling. Raising a floor after an improvement is a deliberate edit of the
 * thresholds file (`--record` in the evaluation scripts).
 */
import type { Scores } from './score';

export interface SplitThresholds {
  /** overall recall (caught expected codes / expected codes) */
  minRecall: number;
  /** clean clauses with any finding / clean clauses */
  maxFalsePositiveRate: number;
  /** breaching clauses with an unlabelled code / breaching clauses */
  maxWrongCodeRate: number;
  /** recall per code */
  minRecallPerCode: Record<string, number>;
  /** clean clauses flagged with the code / clean clauses */
  maxFalsePositiveRatePerCode: Record<string, number>;
}

export interface ThresholdsFile {
  about: string;
  /** what was measured when the floors were recorded (fingerprint label, date) */
  recordedWith: string;
  splits: Record<string, SplitThresholds>;
}

/** Rates are compared at 4 decimals so that a float's last bit never fails a run. */
const round = (x: number): number => Math.round(x * 10000) / 10000;

/** The floors at exactly the measured level. */
export function thresholdsAt(scores: Scores): SplitThresholds {
  const minRecallPerCode: Record<string, number> = {};
  const maxFalsePositiveRatePerCode: Record<string, number> = {};
  for (const [code, s] of Object.entries(scores.perStandard)) {
    if (s.positives > 0) minRecallPerCode[code] = round(s.recall);
    maxFalsePositiveRatePerCode[code] = round(s.falsePositiveRate);
  }
  return {
    minRecall: round(scores.recall),
    maxFalsePositiveRate: round(scores.falsePositiveRate),
    maxWrongCodeRate: round(scores.wrongCodeRate),
    minRecallPerCode,
    maxFalsePositiveRatePerCode,
  };
}

/** Each floor the scores break, in words; empty when the split holds its level. */
export function belowThresholds(split: string, scores: Scores, t: SplitThresholds): string[] {
  const out: string[] = [];
  const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
  if (round(scores.recall) < t.minRecall) out.push(`${split}: recall ${pct(scores.recall)} < ${pct(t.minRecall)}`);
  if (round(scores.falsePositiveRate) > t.maxFalsePositiveRate) out.push(`${split}: false-positive rate ${pct(scores.falsePositiveRate)} > ${pct(t.maxFalsePositiveRate)}`);
  if (round(scores.wrongCodeRate) > t.maxWrongCodeRate) out.push(`${split}: wrong-code rate ${pct(scores.wrongCodeRate)} > ${pct(t.maxWrongCodeRate)}`);
  for (const [code, min] of Object.entries(t.minRecallPerCode)) {
    const s = scores.perStandard[code];
    if (!s || round(s.recall) < min) out.push(`${split}: ${code} recall ${pct(s?.recall ?? 0)} < ${pct(min)}`);
  }
  for (const [code, max] of Object.entries(t.maxFalsePositiveRatePerCode)) {
    const s = scores.perStandard[code];
    if (s && round(s.falsePositiveRate) > max) out.push(`${split}: ${code} false-positive rate ${pct(s.falsePositiveRate)} > ${pct(max)}`);
  }
  return out;
}
