import { applyStateChanges, stateChanges, type MatterState } from '../../../domain/procedure';
import { at, doResearch, register } from './fixtures';

/** The state as the database holds it: what went through JSON. */
const stored = (s: MatterState): MatterState => JSON.parse(JSON.stringify(s)) as MatterState;

describe('stateChanges: what an action changed, by top-level part', () => {
  test('an action through research changes only the parts it touched, and applying them gives the new state', () => {
    const before = register('normative_document');
    const after = doResearch(before, at('2025-03-04'));
    const changes = stateChanges(before, after);
    const changed = Object.keys(changes.set).sort();
    expect(changed).toContain('research');
    expect(changed.length).toBeLessThan(Object.keys(after).length / 2);
    for (const key of ['matterId', 'kind', 'title', 'versions', 'createdBy']) expect(changed).not.toContain(key);
    expect(changes.removed).toEqual([]);
    expect(stored(applyStateChanges(stored(before), changes))).toEqual(stored(after));
  });

  test('an unchanged state has no changes; a dropped optional part is named as removed', () => {
    const state = register('normative_document');
    expect(stateChanges(state, stored(state))).toEqual({ set: {}, removed: [] });
    const withCatalogue: MatterState = { ...state, catalogue: { notListedReason: '不属于目录事项' } };
    const dropped = stateChanges(withCatalogue, state);
    expect(dropped).toEqual({ set: {}, removed: ['catalogue'] });
    const applied = applyStateChanges(withCatalogue, dropped);
    expect('catalogue' in applied).toBe(false);
    expect(stored(applied)).toEqual(stored(state));
  });

  test('a part present but undefined is what JSON stores: absent', () => {
    const state = register('normative_document');
    const undefinedPart = { ...state, catalogue: undefined } as MatterState;
    expect(stateChanges(state, undefinedPart)).toEqual({ set: {}, removed: [] });
    expect(stateChanges(undefinedPart, { ...state, catalogue: { entryId: 'c-1' } })).toEqual({ set: { catalogue: { entryId: 'c-1' } }, removed: [] });
  });
});
