import type { MatterState } from './types';

/**
 * What an action changed in a matter's state, by top-level part: the parts that differ, whole, and the
 * optional parts it dropped. The workflow hands an activity this instead of the whole state when it knows
 * the state stored (every part travels through Temporal's history, and most actions touch one or two
 * parts of a dozen — a research item changes `research`, not the pre-screens' findings); the database
 * merges it into the stored state (`(state - removed) || set`), and applyStateChanges does the same in code.
 */
export interface StateChanges {
  set: Partial<MatterState>;
  removed: string[];
}

/**
 * The parts of `next` that differ from `stored`, compared as the JSON they are stored as (the domain's
 * handlers clone the state, so references say nothing). Deterministic: safe in workflow code.
 */
export function stateChanges(stored: MatterState, next: MatterState): StateChanges {
  const set: Record<string, unknown> = {};
  const before = stored as unknown as Record<string, unknown>;
  const after = next as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue; // not in the JSON: dropped below if it was there
    if (JSON.stringify(value) !== JSON.stringify(before[key])) set[key] = value;
  }
  const removed = Object.keys(before).filter((key) => before[key] !== undefined && after[key] === undefined);
  return { set: set as Partial<MatterState>, removed };
}

/** The state `changes` lead to from `stored` (what the database's merge gives). */
export function applyStateChanges(stored: MatterState, changes: StateChanges): MatterState {
  const merged: Record<string, unknown> = { ...(stored as unknown as Record<string, unknown>) };
  for (const key of changes.removed) delete merged[key];
  return { ...merged, ...changes.set } as unknown as MatterState;
}
