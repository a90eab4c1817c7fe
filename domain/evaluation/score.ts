/**
 * Scoring of a pre-screen against a labelled set (both pre-screens use it): recall per code, false
 * positives on clauses that breach nothing, and wrong-code findings on clauses that do breach one.
 */

export interface LabelledItem {
  id: string;
  text: string;
  /** codes the clause breaches; empty for a clause that must produce no finding */
  expected: string[];
  split: 'dev' | 'test';
  /** authoring batch (1–9, or '8p' for the dev probes); older items carry it in `note` as "batch N" */
  batch?: number | string;
  note?: string;
}

export interface StandardScore {
  positives: number;
  caught: number;
  recall: number;
  /** clean clauses that got a finding with this code */
  falsePositives: number;
  /** clean clauses with a finding of this code / clean clauses */
  falsePositiveRate: number;
  /** breaching clauses not labelled with this code that got it */
  wrongCodes: number;
}

export interface Miss {
  id: string;
  text: string;
  expected: string[];
  got: string[];
}

export interface Scores {
  items: number;
  positives: number;
  negatives: number;
  perStandard: Record<string, StandardScore>;
  /** caught expected codes / expected codes, over all positives */
  recall: number;
  /** negatives with any finding / negatives */
  falsePositiveRate: number;
  /** positives with a finding of a code they were not labelled with / positives */
  wrongCodeRate: number;
  /** (flagged negatives + positives with a wrong code) / items */
  combinedFalsePositiveRate: number;
  missed: Miss[];
  falsePositives: Miss[];
  wrongCodes: Miss[];
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

/** `codesOf` returns the standard codes the pre-screen reports for a text. */
export function score(items: readonly LabelledItem[], codesOf: (text: string) => string[], standards: readonly string[]): Scores {
  const perStandard: Record<string, StandardScore> = {};
  const blank = (): StandardScore => ({ positives: 0, caught: 0, recall: 1, falsePositives: 0, falsePositiveRate: 0, wrongCodes: 0 });
  for (const code of standards) perStandard[code] = blank();
  let positives = 0;
  let negatives = 0;
  let expectedTotal = 0;
  let caughtTotal = 0;
  const missed: Miss[] = [];
  const falsePositives: Miss[] = [];
  const wrongCodes: Miss[] = [];

  for (const item of items) {
    const got = [...new Set(codesOf(item.text))].sort();
    const row: Miss = { id: item.id, text: item.text, expected: item.expected, got };
    if (item.expected.length === 0) {
      negatives++;
      if (got.length > 0) falsePositives.push(row);
      for (const code of got) (perStandard[code] ??= blank()).falsePositives++;
      continue;
    }
    for (const code of got) if (!item.expected.includes(code)) (perStandard[code] ??= blank()).wrongCodes++;
    positives++;
    let missedOne = false;
    for (const code of item.expected) {
      const s = (perStandard[code] ??= blank());
      s.positives++;
      expectedTotal++;
      if (got.includes(code)) {
        s.caught++;
        caughtTotal++;
      } else missedOne = true;
    }
    if (missedOne) missed.push(row);
    if (got.some((c) => !item.expected.includes(c))) wrongCodes.push(row);
  }
  for (const s of Object.values(perStandard)) {
    s.recall = ratio(s.caught, s.positives);
    s.falsePositiveRate = negatives === 0 ? 0 : s.falsePositives / negatives;
  }

  return {
    items: items.length,
    positives,
    negatives,
    perStandard,
    recall: ratio(caughtTotal, expectedTotal),
    falsePositiveRate: negatives === 0 ? 0 : falsePositives.length / negatives,
    wrongCodeRate: positives === 0 ? 0 : wrongCodes.length / positives,
    combinedFalsePositiveRate: items.length === 0 ? 0 : (falsePositives.length + wrongCodes.length) / items.length,
    missed,
    falsePositives,
    wrongCodes,
  };
}
