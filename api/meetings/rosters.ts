import crypto from 'node:crypto';
import type { PrismaClient } from '../../prisma/generated/client';
import type { MeetingBody } from '../../domain/procedure';

export interface RosterSeat {
  userId: string;
  from: string;
  to: string | null;
}

/**
 * The roster of a deciding body on a day (Beijing date, seats inclusive of both ends), read from the data
 * an admin keeps; the API passes it into record_meeting so the workflow stays free of I/O.
 */
export async function rosterOn(prisma: PrismaClient, bodyId: string, day: string): Promise<{ kind: string; members: string[] } | null> {
  const body = await prisma.meetingBody.findUnique({ where: { id: bodyId }, include: { members: { where: { from: { lte: day }, OR: [{ to: null }, { to: { gte: day } }] }, orderBy: { userId: 'asc' } } } });
  if (!body) return null;
  return { kind: body.kind, members: [...new Set(body.members.map((m) => m.userId))] };
}

/** Creates or replaces a body and its whole roster (with dates), in one transaction. */
export async function putBody(prisma: PrismaClient, id: string, input: { kind: MeetingBody; name: string; members: RosterSeat[] }) {
  return prisma.$transaction(async (tx) => {
    await tx.meetingBody.upsert({ where: { id }, create: { id, kind: input.kind, name: input.name }, update: { kind: input.kind, name: input.name } });
    await tx.meetingBodyMember.deleteMany({ where: { bodyId: id } });
    await tx.meetingBodyMember.createMany({ data: input.members.map((m) => ({ id: crypto.randomUUID(), bodyId: id, userId: m.userId, from: m.from, to: m.to })) });
    return tx.meetingBody.findUniqueOrThrow({ where: { id }, include: { members: { orderBy: { from: 'asc' } } } });
  });
}
