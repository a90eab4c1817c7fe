import type { Sql } from '../../platform/database';
import { assignments, insertRow, MATTER_COLUMNS, rowValues, TRAIL_ENTRY_COLUMNS, updateMatter, type MatterValues } from '../sqlRows';
import { UTC_NOW } from '../../platform/sqlTime';
import { CURRENT_HASH_VERSION, entryHash, GENESIS_HASH, type RequestOrigin, type TrailEventType, type TrailFieldsV2 } from '../../domain/evidence';
import type { Command } from '../../domain/procedure';
import { named } from '../../platform/namedStatement';

export interface TrailInput {
  matterId: string;
  actionKey: string;
  actorId: string;
  actorRole: string;
  action: TrailEventType;
  /** What happened, in words. */
  summary: string;
  /** The command as accepted, for a person's action. */
  command?: Command | null;
  /** Where a person's request came from. */
  origin?: RequestOrigin | null;
  reason?: string | null;
  before?: unknown;
  after?: unknown;
  versionHash?: string | null;
  workflowId: string;
  runId?: string | null;
  requestId?: string | null;
  at: string;
}

export interface TrailHead {
  seq: number;
  hash: string;
}

/**
 * Appends one entry to a matter's hash chain inside the caller's transaction, after locking the matter
 * row so two writers cannot both take the same sequence number. Updates the matter's head pointer — and,
 * in the same statement, whatever else of the row the caller changes with the entry (`alsoSet`).
 */
export async function appendTrailEntry(sql: Sql, input: TrailInput, alsoSet: MatterValues = {}): Promise<TrailHead> {
  const locked = await sql.query<{ trail_head_seq: number; trail_head_hash: string | null }>('SELECT trail_head_seq, trail_head_hash FROM matter WHERE id = $1 FOR UPDATE', [input.matterId]);
  const head = locked[0];
  if (!head) throw new Error(`matter ${input.matterId} does not exist`);
  const entry = chainedEntry(input, { seq: head.trail_head_seq, hash: head.trail_head_hash });
  // A JSON null is stored as SQL NULL (as Prisma's DbNull was): verification reads both back as null.
  await insertRow(sql, 'trail_entry', TRAIL_ENTRY_COLUMNS, { ...entry });
  await updateMatter(sql, input.matterId, { ...alsoSet, trailHeadSeq: entry.seq, trailHeadHash: entry.hash });
  return { seq: entry.seq, hash: entry.hash };
}

/** A trail head an append expects to follow (the matter's head when it was read). */
export interface ExpectedHead {
  seq: number;
  hash: string | null;
}

const TRAIL_HEAD = named('SELECT trail_head_seq AS seq, trail_head_hash AS hash FROM matter WHERE id = $1');

/** A matter's trail head as it is now, read without a lock; null when there is no such matter. */
export async function readTrailHead(db: Pick<Sql, 'query'>, matterId: string): Promise<ExpectedHead | null> {
  const [head] = await db.query<ExpectedHead>(TRAIL_HEAD, [matterId]);
  return head ?? null;
}

/**
 * Appends one entry in ONE statement, outside any transaction, where the entry (and the row's `alsoSet`) is
 * all there is to store: the matter's head moves from `expected` to the new entry only if it is still
 * `expected` (compare-and-set on the row), and the entry is inserted by the same statement, so both happen
 * or neither. Null when the head had moved on (another append came first): the caller appends under the
 * row lock instead (appendTrailEntry). The locking path costs a transaction — BEGIN, the locking read, the
 * insert, the update, COMMIT — five statements where this is one (after an unlocked read of the head); on
 * the embedded database each statement is ~1 ms of the process's CPU.
 */
export async function appendTrailEntryIfHeadIs(db: Pick<Sql, 'query'>, expected: ExpectedHead, input: TrailInput, alsoSet: MatterValues = {}): Promise<TrailHead | null> {
  const entry = chainedEntry(input, expected);
  const set = assignments(MATTER_COLUMNS, { ...alsoSet, trailHeadSeq: entry.seq, trailHeadHash: entry.hash }, 4);
  const row = rowValues(TRAIL_ENTRY_COLUMNS, { ...entry }, 4 + set.params.length);
  const stored = await db.query<{ seq: number }>(
    // Named: the text varies only with the columns an action sets, a handful of shapes prepared once per connection.
    named(`WITH moved AS (
       UPDATE matter SET ${set.text}, updated_at = ${UTC_NOW}
       WHERE id = $1 AND trail_head_seq = $2 AND trail_head_hash IS NOT DISTINCT FROM $3::text RETURNING id
     )
     INSERT INTO trail_entry (${row.columns}) SELECT ${row.placeholders} FROM moved RETURNING seq`),
    [input.matterId, expected.seq, expected.hash, ...set.params, ...row.params],
  );
  return stored.length === 1 ? { seq: entry.seq, hash: entry.hash } : null;
}

/** The entry that follows `head` in the chain, with its hash (the row's id is matter:seq). */
function chainedEntry(input: TrailInput, head: ExpectedHead): TrailFieldsV2 & { id: string; hash: string } {
  const seq = head.seq + 1;
  const fields: TrailFieldsV2 = {
    hashVersion: CURRENT_HASH_VERSION,
    matterId: input.matterId,
    seq,
    actionKey: input.actionKey,
    actorId: input.actorId,
    actorRole: input.actorRole,
    action: input.action,
    reason: input.reason ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
    versionHash: input.versionHash ?? null,
    workflowId: input.workflowId,
    runId: input.runId ?? null,
    requestId: input.requestId ?? null,
    at: input.at,
    summary: input.summary,
    command: input.command ?? null,
    originIp: input.origin?.ip ?? null,
    originUserAgent: input.origin?.userAgent ?? null,
    prevHash: head.hash ?? GENESIS_HASH,
  };
  return { ...fields, id: `${input.matterId}:${seq}`, hash: entryHash(fields) };
}
