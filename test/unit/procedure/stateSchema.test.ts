import { matterStateShape, parseMatterState } from '../../../domain/procedure';
import { register } from './fixtures';

/**
 * parseMatterState checks a stored state with a schema that copies nothing; matterStateShape (the one the API
 * documents) gives the error. The two must accept and refuse the same values.
 */
const valid = () => JSON.parse(JSON.stringify(register('normative_document'))) as Record<string, unknown>;

const variants: Array<[string, (s: Record<string, unknown>) => unknown]> = [
  ['a registered state', (s) => s],
  ['keys beyond the known ones, at the top and inside parts', (s) => ({ ...s, extra: 1, research: { ...(s.research as object), extra: [1] } })],
  ['a state from before the second classification', (s) => ({ ...s, alsoMajorDecision: undefined })],
  ['a decision and a closure', (s) => ({ ...s, decision: { outcome: 'approved' }, closure: { at: 'x' } })],
  ['no matter id', (s) => ({ ...s, matterId: undefined })],
  ['an unknown stage', (s) => ({ ...s, stage: 'nowhere' })],
  ['an unknown flag', (s) => ({ ...s, flags: ['NOPE'] })],
  ['no versions', (s) => ({ ...s, versions: [] })],
  ['a version without its hash', (s) => ({ ...s, versions: [{ number: 1 }] })],
  ['a part that is an array', (s) => ({ ...s, research: [] })],
  ['a part that is a string', (s) => ({ ...s, legality: 'x' })],
  ['a missing part', (s) => ({ ...s, meeting: undefined })],
  ['a null part that may not be null', (s) => ({ ...s, postDecision: null })],
  ['returns holding a non-object', (s) => ({ ...s, returns: [1] })],
  ['alsoMajorDecision that is not a boolean', (s) => ({ ...s, alsoMajorDecision: 'yes' })],
  ['an array', () => []],
  ['null', () => null],
  ['a string', () => 'state'],
];

describe('parseMatterState', () => {
  it.each(variants)('accepts and refuses as the documented shape does: %s', (_name, make) => {
    const value = make(valid());
    const documented = matterStateShape().safeParse(value).success;
    let accepted = true;
    try {
      parseMatterState(value, 'M-1');
    } catch (err) {
      accepted = false;
      expect(String(err)).toMatch(/^Error: matter M-1: the stored state is not a matter state/);
    }
    expect(accepted).toBe(documented);
  });

  it('returns the stored value itself, keys beyond the known ones included', () => {
    const stored = { ...valid(), extra: { kept: true } };
    expect(parseMatterState(stored, 'M-1')).toBe(stored);
  });

  it('refuses the malformed variants (the list above is not all accepted)', () => {
    const refused = variants.filter(([, make]) => !matterStateShape().safeParse(make(valid())).success).map(([name]) => name);
    expect(refused).toEqual(expect.arrayContaining(['no matter id', 'a part that is an array', 'null', 'a null part that may not be null']));
  });
});
