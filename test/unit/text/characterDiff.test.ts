import { characterDiff } from '../../../domain/text/characterDiff';

/** The two texts back from the runs: equal+delete is the old one, equal+insert the new one. */
const rebuild = (runs: ReturnType<typeof characterDiff>['runs']) => ({
  from: runs.filter((r) => r.op !== 'insert').map((r) => r.text).join(''),
  to: runs.filter((r) => r.op !== 'delete').map((r) => r.text).join(''),
});

describe('characterDiff()', () => {
  test('identical texts are one equal run', () => {
    expect(characterDiff('第一条 甲。', '第一条 甲。')).toEqual({ runs: [{ op: 'equal', text: '第一条 甲。', fromStart: 0, toStart: 0 }], inserted: 0, deleted: 0, changes: 0 });
  });

  test('a word replaced in a clause is one deletion and one insertion, at character level (no spaces needed)', () => {
    const d = characterDiff('第三条 优先采购本地企业的产品。', '第三条 平等采购各类企业的产品。');
    expect(d.runs).toEqual([
      { op: 'equal', text: '第三条 ', fromStart: 0, toStart: 0 },
      { op: 'delete', text: '优先', fromStart: 4, toStart: 4 },
      { op: 'insert', text: '平等', fromStart: 6, toStart: 4 },
      { op: 'equal', text: '采购', fromStart: 6, toStart: 6 },
      { op: 'delete', text: '本地', fromStart: 8, toStart: 8 },
      { op: 'insert', text: '各类', fromStart: 10, toStart: 8 },
      { op: 'equal', text: '企业的产品。', fromStart: 10, toStart: 10 },
    ]);
    expect(d).toEqual(expect.objectContaining({ inserted: 4, deleted: 4, changes: 2 }));
  });

  test('coincidental single characters inside a rewritten passage are folded into it (readable runs)', () => {
    const from = '对在本区注册的企业给予奖励';
    const to = '对符合条件的各类经营者给予同等奖励';
    const d = characterDiff(from, to);
    expect(rebuild(d.runs)).toEqual({ from, to });
    // No equal run of a single character is left stranded between two changes.
    const stranded = d.runs.filter((r, i) => r.op === 'equal' && r.text.length === 1 && i > 0 && i < d.runs.length - 1);
    expect(stranded).toEqual([]);
    expect(d.changes).toBeLessThanOrEqual(2);
  });

  test('a whole article added; line breaks stay put so a change never spills over a paragraph', () => {
    const from = '第一条 甲。\n第二条 乙。';
    const to = '第一条 甲。\n第二条 丙。\n第三条 新增条款。';
    const d = characterDiff(from, to);
    expect(rebuild(d.runs)).toEqual({ from, to });
    expect(d.runs.filter((r) => r.op === 'insert').map((r) => r.text).join('|')).toContain('第三条 新增条款。');
    expect(d.runs.filter((r) => r.op === 'equal').map((r) => r.text)).toEqual(expect.arrayContaining([expect.stringContaining('第一条 甲。\n第二条 ')]));
  });

  test('offsets point into each version: an old span maps through equal and deleted runs', () => {
    const from = '甲乙丙丁戊';
    const to = '甲丙丁己戊';
    const d = characterDiff(from, to);
    for (const r of d.runs) {
      if (r.op !== 'insert') expect(from.slice(r.fromStart, r.fromStart + r.text.length)).toBe(r.text);
      if (r.op !== 'delete') expect(to.slice(r.toStart, r.toStart + r.text.length)).toBe(r.text);
    }
  });
});
