/**
 * Writes and reads the administrators' event chain (domain/evidence/adminEvents.ts). An event is written in the
 * same transaction as the change it records: a change without its event, or an event without its change, never
 * commits.
 */
import type { Prisma, PrismaClient } from '../../prisma/generated/client';
import { adminEventDataSchemas, adminEventHash, verifyAdminChain, type AdminChainVerdict, type AdminEventData, type AdminEventFields, type AdminEventType, type StoredAdminEvent } from '../../domain/evidence';

export interface AdminEventInput<T extends AdminEventType> {
  type: T;
  actorId: string;
  target: string;
  data: AdminEventData<T>;
  requestId: string | null;
}

export async function recordAdminEvent<T extends AdminEventType>(tx: Prisma.TransactionClient, e: AdminEventInput<T>): Promise<void> {
  // What the caller built is checked as the auditor's verification will check it (a mismatch is a bug here).
  const data = adminEventDataSchemas[e.type].parse(e.data) as AdminEventData<T>;
  // The head row's lock makes concurrent appends take turns; RETURNING gives the new seq and, not yet replaced, the previous hash.
  const [head] = await tx.$queryRawUnsafe<Array<{ seq: number; hash: string }>>('UPDATE admin_event_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash');
  if (!head) throw new Error('admin_event_head is missing (migration 20261202003426_admin_events inserts it)');
  const fields: AdminEventFields = { seq: Number(head.seq), type: e.type, actorId: e.actorId, target: e.target, data, requestId: e.requestId, at: new Date().toISOString(), prevHash: head.hash };
  const hash = adminEventHash(fields);
  await tx.adminEvent.create({ data: { ...fields, data: data as Prisma.InputJsonValue, at: new Date(fields.at), hash } });
  await tx.adminEventHead.update({ where: { id: 1 }, data: { hash } });
}

/** The whole chain (administrators' changes are few) with its verdict; the newest first, at most `limit`. */
export async function adminEvents(prisma: PrismaClient, opts: { limit: number; target?: string }): Promise<{ items: StoredAdminEvent[]; verification: AdminChainVerdict }> {
  // One snapshot for the rows and the head, or an append between the two reads would look like tampering.
  const [rows, head] = await prisma.$transaction([prisma.adminEvent.findMany({ orderBy: { seq: 'asc' } }), prisma.adminEventHead.findUnique({ where: { id: 1 } })], { isolationLevel: 'RepeatableRead' });
  const events: StoredAdminEvent[] = rows.map((r) => ({ seq: r.seq, type: r.type as AdminEventType, actorId: r.actorId, target: r.target, data: r.data, requestId: r.requestId, at: r.at.toISOString(), prevHash: r.prevHash, hash: r.hash }));
  const verification = verifyAdminChain(events, head ?? { seq: -1, hash: '' });
  const items = events.filter((e) => !opts.target || e.target === opts.target).reverse().slice(0, opts.limit);
  return { items, verification };
}
