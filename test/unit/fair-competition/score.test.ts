import labelled from '../../../domain/fair-competition/eval/labelled.json';
import { type LabelledItem, score } from '../../../domain/evaluation/score';

const items = (labelled as { items: LabelledItem[] }).items;

describe('labelled evaluation set', () => {
  it('has at least 12 breaching clauses per standard and many clean ones, in both splits', () => {
    const perCode = new Map<string, number>();
    for (const i of items) for (const c of i.expected) perCode.set(c, (perCode.get(c) ?? 0) + 1);
    expect(perCode.size).toBe(19);
    for (const n of perCode.values()) expect(n).toBeGreaterThanOrEqual(12);
    expect(items.filter((i) => i.expected.length === 0).length).toBeGreaterThan(300);
    expect(new Set(items.map((i) => i.split))).toEqual(new Set(['dev', 'test']));
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });
});

describe('score', () => {
  const set: LabelledItem[] = [
    { id: 'p1', text: 'A', expected: ['X'], split: 'dev' },
    { id: 'p2', text: 'B', expected: ['X'], split: 'dev' },
    { id: 'p3', text: 'C', expected: ['Y'], split: 'dev' },
    { id: 'n1', text: 'D', expected: [], split: 'dev' },
    { id: 'n2', text: 'E', expected: [], split: 'dev' },
  ];
  const answers: Record<string, string[]> = { A: ['X'], B: [], C: ['Y', 'X'], D: ['Z'], E: [] };

  it('computes recall per standard, false-positive and wrong-code rates', () => {
    const s = score(set, (t) => answers[t] ?? [], ['X', 'Y', 'Z']);
    expect(s.perStandard.X).toMatchObject({ positives: 2, caught: 1, recall: 0.5, wrongCodes: 1 });
    expect(s.perStandard.Y).toMatchObject({ positives: 1, caught: 1, recall: 1, wrongCodes: 0 });
    expect(s.perStandard.Z).toMatchObject({ positives: 0, caught: 0, recall: 1, falsePositives: 1, falsePositiveRate: 0.5 });
    expect(s.recall).toBeCloseTo(2 / 3);
    expect(s.falsePositiveRate).toBe(0.5);
    expect(s.wrongCodeRate).toBeCloseTo(1 / 3);
    expect(s.combinedFalsePositiveRate).toBeCloseTo(2 / 5);
    expect(s.missed.map((m) => m.id)).toEqual(['p2']);
    expect(s.falsePositives.map((m) => m.id)).toEqual(['n1']);
    expect(s.wrongCodes.map((m) => m.id)).toEqual(['p3']);
  });
});
