import type { Sql } from '../../platform/database';
import { insertRow, TRAIL_ENTRY_COLUMNS, updateMatter, type MatterValues } from '../sqlRows';
import { CURRENT_HASH_VERSION, entryHash, GENESIS_HASH, type RequestOrigin, type TrailEventType, type TrailFieldsV2 } from '../../domain/evidence';
import type { Command } from '../../domain/procedure';

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
  const seq = head.trail_head_seq + 1;
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
    prevHash: head.trail_head_hash ?? GENESIS_HASH,
  };
  const hash = entryHash(fields);
  // A JSON null is stored as SQL NULL (as Prisma's DbNull was): verification reads both back as null.
  await insertRow(sql, 'trail_entry', TRAIL_ENTRY_COLUMNS, { ...fields, id: `${input.matterId}:${seq}`, hash });
  await updateMatter(sql, input.matterId, { ...alsoSet, trailHeadSeq: seq, trailHeadHash: hash });
  return { seq, hash };
}
