/**
 * The evaluation floors (domain/evaluation/thresholds.ts): recorded at the measured level, a drop in
 * recall or a rise in false positives below them fails the run; and the legality labelled set is
 * written the way the method asks (blind batches, a test split never tuned on, many hard negatives).
 */
import { type LabelledItem, score } from '../../../domain/evaluation/score';
import { belowThresholds, thresholdsAt } from '../../../domain/evaluation/thresholds';
import { legalityLabelledItems } from '../../../domain/legality/eval/data';
import { LEGALITY_CODES } from '../../../domain/legality';

const items: LabelledItem[] = [
  { id: 'a', text: 'A', expected: ['X'], split: 'test' },
  { id: 'b', text: 'B', expected: ['X'], split: 'test' },
  { id: 'c', text: 'C', expected: ['Y'], split: 'test' },
  { id: 'n', text: 'N', expected: [], split: 'test' },
  { id: 'm', text: 'M', expected: [], split: 'test' },
];

describe('floors at the measured level', () => {
  const good: Record<string, string[]> = { A: ['X'], B: ['X'], C: ['Y'], N: [], M: ['Y'] };
  const floors = thresholdsAt(score(items, (t) => good[t] ?? [], ['X', 'Y']));

  it('hold for the run they were recorded from', () => {
    expect(floors).toMatchObject({ minRecall: 1, maxFalsePositiveRate: 0.5, maxWrongCodeRate: 0, minRecallPerCode: { X: 1, Y: 1 } });
    expect(belowThresholds('test', score(items, (t) => good[t] ?? [], ['X', 'Y']), floors)).toEqual([]);
  });

  it('fail when recall drops, for the split and for the code', () => {
    const worse = { ...good, B: [] };
    const failures = belowThresholds('test', score(items, (t) => worse[t as keyof typeof worse] ?? [], ['X', 'Y']), floors);
    expect(failures).toEqual(expect.arrayContaining([expect.stringMatching(/^test: recall 66\.67% < 100\.00%/), expect.stringMatching(/^test: X recall/)]));
  });

  it('fail when a clean clause is flagged or a wrong code appears', () => {
    const worse = { ...good, N: ['X'], A: ['X', 'Y'] };
    const failures = belowThresholds('test', score(items, (t) => worse[t as keyof typeof worse] ?? [], ['X', 'Y']), floors);
    expect(failures.some((f) => /false-positive rate 100\.00% > 50\.00%/.test(f))).toBe(true);
    expect(failures.some((f) => /wrong-code rate/.test(f))).toBe(true);
    expect(failures.some((f) => /X false-positive rate/.test(f))).toBe(true);
  });
});

describe('the legality labelled set', () => {
  const set = legalityLabelledItems();

  it('has unique ids, authoring batches, and a test split of blind batches never tuned on', () => {
    expect(new Set(set.map((i) => i.id)).size).toBe(set.length);
    expect(set.every((i) => typeof i.batch === 'number')).toBe(true);
    const testBatches = new Set(set.filter((i) => i.split === 'test').map((i) => i.batch));
    const devBatches = new Set(set.filter((i) => i.split === 'dev').map((i) => i.batch));
    expect([...testBatches].some((b) => devBatches.has(b))).toBe(false);
    expect(testBatches.size).toBeGreaterThanOrEqual(2);
  });

  it('has breaching clauses of every code in both splits, and mostly hard negatives restating or citing laws', () => {
    for (const split of ['dev', 'test']) {
      for (const code of LEGALITY_CODES) expect(set.filter((i) => i.split === split && i.expected.includes(code)).length).toBeGreaterThanOrEqual(10);
    }
    const clean = set.filter((i) => i.expected.length === 0);
    expect(clean.length).toBeGreaterThan(set.length * 0.45);
    const lawful = clean.filter((i) => /restate|cite|generic-basis/.test(i.note ?? ''));
    expect(lawful.length).toBeGreaterThan(clean.length / 2);
  });
});
