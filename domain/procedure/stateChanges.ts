import type { MatterState } from './types';

/** A top-level part of the state; the optional ones are those an action may drop. */
type Part = keyof MatterState;
type OptionalPart = { [K in Part]-?: undefined extends MatterState[K] ? K : never }[Part];

/**
 * What an action changed in a matter's state, by top-level part: the parts that differ, whole, and the
 * optional parts it dropped. The workflow hands an activity this instead of the whole state when it knows
 * the state stored (every part travels through Temporal's history, and most actions touch one or two
 * parts of a dozen — a research item changes `research`, not the pre-screens' findings); the database
 * merges it into the stored state (`(state - removed) || set`), and applyStateChanges does the same in code.
 */
export interface StateChanges {
  set: Partial<MatterState>;
  removed: OptionalPart[];
}

/** The state's parts as they are stored: JSON has no undefined values. */
const partsOf = (state: MatterState): Part[] => (Object.keys(state) as Part[]).filter((key) => state[key] !== undefined);

function copyPart<K extends Part>(to: Partial<MatterState>, from: MatterState, key: K): void {
  to[key] = from[key];
}

/**
 * The parts of `next` that differ from `stored`, compared as the JSON they are stored as (the domain's
 * handlers clone the state, so references say nothing). Deterministic: safe in workflow code.
 */
export function stateChanges(stored: MatterState, next: MatterState): StateChanges {
  const set: Partial<MatterState> = {};
  for (const key of partsOf(next)) {
    if (JSON.stringify(next[key]) !== JSON.stringify(stored[key])) copyPart(set, next, key);
  }
  const removed = partsOf(stored).filter((key): key is OptionalPart => next[key] === undefined);
  return { set, removed };
}

/** The state `changes` lead to from `stored` (what the database's merge gives). */
export function applyStateChanges(stored: MatterState, changes: StateChanges): MatterState {
  const merged: MatterState = { ...stored, ...changes.set };
  for (const key of changes.removed) delete merged[key];
  return merged;
}
