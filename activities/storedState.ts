import type { Sql } from '../platform/database';
import { parseMatterState, type MatterState } from '../domain/procedure';
import { named } from '../platform/namedStatement';

const STATE = named('SELECT state FROM matter WHERE id = $1');
const STATE_LOCKED = named('SELECT state FROM matter WHERE id = $1 FOR UPDATE');

/**
 * A matter's state as its projection holds it: what its last stored action left (the activities store
 * changes to it, and the API answers an action with it). `lock`: the row stays locked until the caller's
 * transaction ends, for a writer that changes the state it read.
 */
export async function readStoredState(sql: Pick<Sql, 'query'>, matterId: string, opts: { lock?: boolean } = {}): Promise<MatterState> {
  const [row] = await sql.query<{ state: unknown }>(opts.lock ? STATE_LOCKED : STATE, [matterId]);
  if (!row || row.state === null) throw new Error(`matter ${matterId} has no stored state`);
  return parseMatterState(row.state, matterId);
}
