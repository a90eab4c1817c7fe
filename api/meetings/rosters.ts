import crypto from 'node:crypto';
import type { PrismaClient } from '../../prisma/generated/client';
import { rosterChangedUpTo, type MeetingBody } from '../../domain/procedure';
import { chinaDateOf } from '../../domain/calendar/chinaTime';
import { ProblemError } from '../http/problem';
import type { Database } from '../../platform/database';
import { recordAdminEvent } from '../admin/adminEvents';

export interface RosterSeat {
  userId: string;
  from: string;
  to: string | null;
  /** May chair and (in the administrative meeting) decide: the head, or a deputy presiding for them. */
  chairs: boolean;
}

/**
 * The roster of a deciding body on a day (Beijing date, seats inclusive of both ends), read from the data
 * an admin keeps; the API passes it into record_meeting so the workflow stays free of I/O. One statement
 * through the driver (every record_meeting reads it; through Prisma it was two queries, each compiled anew).
 */
export async function rosterOn(db: Pick<Database, 'query'>, bodyId: string, day: string): Promise<{ kind: string; members: string[]; chairs: string[] } | null> {
  const [body] = await db.query<{ kind: string; members: string[]; chairs: string[] }>(
    `SELECT b.kind, coalesce(ARRAY(
       SELECT DISTINCT m.user_id FROM meeting_body_member m
       WHERE m.body_id = b.id AND m.from_date <= $2 AND (m.to_date IS NULL OR m.to_date >= $2) ORDER BY m.user_id
     ), '{}') AS members, coalesce(ARRAY(
       SELECT DISTINCT m.user_id FROM meeting_body_member m
       WHERE m.body_id = b.id AND m.chairs AND m.from_date <= $2 AND (m.to_date IS NULL OR m.to_date >= $2) ORDER BY m.user_id
     ), '{}') AS chairs
     FROM meeting_body b WHERE b.id = $1`,
    [bodyId, day],
  );
  return body ? { kind: body.kind, members: body.members, chairs: body.chairs } : null;
}

/**
 * Creates or replaces a body and its whole roster (with dates), in one transaction with its admin event: the
 * roster decides whose votes count, so the record keeps the roster it replaced.
 */
export async function putBody(prisma: PrismaClient, id: string, input: { kind: MeetingBody; name: string; members: RosterSeat[] }, by: { actorId: string; requestId: string | null }) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.meetingBody.findUnique({ where: { id }, include: { members: { orderBy: { from: 'asc' } } } });
    if (before) await refuseWhileAMeetingWaits(tx, id, before.members, input.members);
    await tx.meetingBody.upsert({ where: { id }, create: { id, kind: input.kind, name: input.name }, update: { kind: input.kind, name: input.name } });
    await tx.meetingBodyMember.deleteMany({ where: { bodyId: id } });
    await tx.meetingBodyMember.createMany({ data: input.members.map((m) => ({ id: crypto.randomUUID(), bodyId: id, userId: m.userId, from: m.from, to: m.to, chairs: m.chairs })) });
    const seat = (m: RosterSeat) => ({ userId: m.userId, from: m.from, to: m.to, chairs: m.chairs });
    await recordAdminEvent(tx, {
      type: 'meeting_body_set', actorId: by.actorId, target: `meeting_body:${id}`, requestId: by.requestId,
      data: { bodyId: id, kind: input.kind, name: input.name, created: before === null, members: input.members.map(seat), previousMembers: (before?.members ?? []).map(seat) },
    });
    return tx.meetingBody.findUniqueOrThrow({ where: { id }, include: { members: { orderBy: { from: 'asc' } } } });
  });
}

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * A meeting held (its time come) and not yet recorded will be counted against the roster of its day, read when it is
 * recorded: while one waits, the days up to today keep their members and chairs (domain/procedure/rosterHistory.ts).
 * Later days may change (appointments to come), and so may any day once the meetings are recorded, whose records
 * keep the roster they were counted against.
 */
async function refuseWhileAMeetingWaits(tx: Tx, bodyId: string, before: RosterSeat[], after: RosterSeat[]): Promise<void> {
  const today = chinaDateOf(Date.now());
  if (!rosterChangedUpTo(before, after, today)) return;
  const waiting = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM matter
    WHERE stage = 'meeting_scheduled'
      AND coalesce(state->'meeting'->'scheduled'->>'bodyId', state->'meeting'->'scheduled'->>'body') = ${bodyId}
      AND (state->'meeting'->'scheduled'->>'meetingAt')::timestamptz <= now()
    ORDER BY id LIMIT 20`;
  if (waiting.length === 0) return;
  const ids = waiting.map((w) => w.id).join(', ');
  // Chinese first, then English after " / ", as the procedure's refusals: the web app shows the Chinese part.
  throw new ProblemError(409, 'The roster of days already begun is in use', {
    code: 'roster_in_use',
    detail: `该会议机构已召开的会议尚未记录（事项 ${ids}）：记录前不得变更${today}及以前的组成人员，可变更此后的任职，或先记录会议 / a meeting of ${bodyId} was held and is not yet recorded (${ids}): its roster up to ${today} stays as it is until it is recorded; change days after today, or record the meeting first`,
    errors: [{ field: 'body.members', message: `变更了${today}及以前的组成人员，而已召开的会议尚未记录（事项 ${ids}）` }],
  });
}
