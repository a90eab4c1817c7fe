import type { Database } from '../../platform/database';
import { isUniqueViolation } from '../../platform/databaseErrors';
import type { TrailHead } from './appendEntry';

/** The trail entry stored under a matter's action key, if any. */
export async function findTrailEntry(db: Pick<Database, 'query'>, matterId: string, actionKey: string): Promise<TrailHead | null> {
  const [row] = await db.query<TrailHead>('SELECT seq, hash FROM trail_entry WHERE matter_id = $1 AND action_key = $2', [matterId, actionKey]);
  return row ?? null;
}

/**
 * The one way an activity writes a trail entry (with whatever it stores beside it): at most once per
 * (matter, action key), never per attempt (see onceByKey).
 *
 * `lookFirst: false` skips the look-up before storing — one statement less on every call — where storing
 * is cheap to attempt: a retry whose first attempt committed then fails on the unique index (or another
 * key of what it stores) and answers from the stored entry all the same.
 */
export function storeOnce<T>(
  db: Pick<Database, 'query'>,
  key: { matterId: string; actionKey: string },
  store: () => Promise<T>,
  answerFromStored: (head: TrailHead) => Promise<T> | T,
  opts: { lookFirst?: boolean } = {},
): Promise<T> {
  return onceByKey(() => findTrailEntry(db, key.matterId, key.actionKey), store, answerFromStored, opts);
}

/**
 * Stores something under a unique key at most once, for any chain kept by key (a matter's trail, a
 * register document's events). A retried activity finds what the first attempt stored and answers from
 * it; of two attempts racing, the loser's unique violation means the winner stored it, so it answers
 * from the winner's. Any other failure, or a unique violation on something else, is thrown.
 */
export async function onceByKey<H, T>(
  find: () => Promise<H | null>,
  store: () => Promise<T>,
  answerFromStored: (stored: H) => Promise<T> | T,
  opts: { lookFirst?: boolean } = {},
): Promise<T> {
  if (opts.lookFirst !== false) {
    const existing = await find();
    if (existing) return answerFromStored(existing);
  }
  try {
    return await store();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const winner = await find();
    if (!winner) throw err;
    return answerFromStored(winner);
  }
}
