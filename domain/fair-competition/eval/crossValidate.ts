/**
 * Cross-validation of the statistical fallback on the DEV split only: the model is trained on
 * all folds but one and judged on the held-out fold, for a grid of thresholds. Pure: the caller
 * passes the items (no I/O here).
 */
import { SentenceContext } from '../context';
import { prescreenWith, silencesFallback } from '../prescreen';
import { splitSentences } from '../../text/sentences';
import { MIN_SENTENCE_CHARS, type Model, type TrainingItem, classify, trainModel } from '../statistical';

/** FNV-1a hash of a string: deterministic fold assignment by item id. */
export function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export const foldById = (k: number) => (item: TrainingItem): string => String(hashId(item.id) % k);

export interface ThresholdScore {
  threshold: number;
  positives: number;
  negatives: number;
  /** breaching clauses whose best unsilenced verdict clears the threshold with a right code */
  correct: number;
  /** breaching clauses flagged with only wrong codes */
  wrong: number;
  /** clean clauses flagged */
  falsePositives: number;
}

/** Best unsilenced fallback verdict of each sentence of a text (what prescreen would consider). */
function verdicts(model: Model, text: string): { code: string; margin: number }[] {
  const out: { code: string; margin: number }[] = [];
  for (const s of splitSentences(text)) {
    if (s.text.length < MIN_SENTENCE_CHARS) continue;
    const v = classify(model, s.text);
    if (!v) continue;
    if (silencesFallback(new SentenceContext(s))) continue;
    out.push(v);
  }
  return out;
}

/**
 * Standalone scores (the fallback as if no rule had fired) for each threshold, over held-out
 * folds. `fold` names each item's fold.
 */
export function crossValidate(items: readonly TrainingItem[], fold: (i: TrainingItem) => string, thresholds: readonly number[]): ThresholdScore[] {
  const scores = thresholds.map((threshold) => ({ threshold, positives: 0, negatives: 0, correct: 0, wrong: 0, falsePositives: 0 }));
  const folds = [...new Set(items.map(fold))].sort();
  for (const f of folds) {
    const model = trainModel(items.filter((i) => fold(i) !== f));
    for (const item of items.filter((i) => fold(i) === f)) {
      const vs = verdicts(model, item.text);
      for (const s of scores) {
        const flagged = vs.filter((v) => v.margin >= s.threshold).map((v) => v.code);
        if (item.expected.length === 0) {
          s.negatives++;
          if (flagged.length > 0) s.falsePositives++;
        } else {
          s.positives++;
          if (flagged.some((c) => item.expected.includes(c))) s.correct++;
          else if (flagged.length > 0) s.wrong++;
        }
      }
    }
  }
  return scores;
}

/** Held-out predictions of the whole pre-screen (rules + fallback at `threshold`), per item. */
export function crossValidatedPrescreen(items: readonly TrainingItem[], fold: (i: TrainingItem) => string, threshold: number): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of [...new Set(items.map(fold))].sort()) {
    const model = trainModel(items.filter((i) => fold(i) !== f));
    for (const item of items.filter((i) => fold(i) === f)) {
      out.set(item.id, prescreenWith(item.text, {}, { model, threshold }).findings.map((x) => x.code));
    }
  }
  return out;
}
