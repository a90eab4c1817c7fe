import { stateAfter } from '../../../api/matters/stateAfter';
import { stateChanges, type MatterState } from '../../../domain/procedure';
import { at, doResearch, register } from '../procedure/fixtures';

describe('stateAfter: the state an action led to, from its answer', () => {
  const before = register('normative_document');
  const after = doResearch(before, at('2025-03-04'));
  const trail = { seq: 9, hash: 'h'.repeat(64) };
  const json = (s: MatterState | null) => JSON.parse(JSON.stringify(s)) as unknown;

  test('the changes applied to the state read, when they are from it', () => {
    const answer = { trail, summary: 's', changes: stateChanges(before, after), changedFrom: 4 };
    expect(json(stateAfter({ row: { trailHeadSeq: 4 }, state: before }, answer))).toEqual(json(after));
  });

  test('nothing when something was stored after the state read, or the answer has no changes', () => {
    expect(stateAfter({ row: { trailHeadSeq: 3 }, state: before }, { trail, summary: 's', changes: stateChanges(before, after), changedFrom: 4 })).toBeNull();
    expect(stateAfter({ row: { trailHeadSeq: 4 }, state: before }, { trail, summary: 's' })).toBeNull();
  });

  test('the whole state of an answer from earlier workflow code', () => {
    expect(stateAfter({ row: { trailHeadSeq: 1 }, state: before }, { trail, summary: 's', state: after })).toBe(after);
  });
});
