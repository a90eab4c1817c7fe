import { Prisma } from '../../prisma/generated/client';
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
export async function appendTrailEntry(tx: Prisma.TransactionClient, input: TrailInput, alsoSet: Prisma.MatterUpdateManyMutationInput = {}): Promise<TrailHead> {
  const locked = await tx.$queryRaw<Array<{ trail_head_seq: number; trail_head_hash: string | null }>>`
    SELECT trail_head_seq, trail_head_hash FROM matter WHERE id = ${input.matterId} FOR UPDATE`;
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
  // createMany / updateMany: no RETURNING of rows nobody reads (the matter's state is the largest column).
  await tx.trailEntry.createMany({
    data: [{
      ...fields,
      id: `${input.matterId}:${seq}`,
      before: jsonOrDbNull(fields.before),
      after: jsonOrDbNull(fields.after),
      command: jsonOrDbNull(fields.command),
      at: new Date(input.at),
      hash,
    }],
  });
  await tx.matter.updateMany({ where: { id: input.matterId }, data: { ...alsoSet, trailHeadSeq: seq, trailHeadHash: hash } });
  return { seq, hash };
}

function jsonOrDbNull(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === null || value === undefined ? Prisma.DbNull : (value as Prisma.InputJsonValue);
}
