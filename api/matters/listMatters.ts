import { z } from 'zod';
import { positiveInt, resourceId } from '../http/params';
import type { Prisma } from '../../prisma/generated/client';
import { readScope } from '../../domain/permissions';
import { MATTER_KINDS, awaits, oneOf, STAGES } from '../../domain/procedure';
import type { ApiDeps } from '../deps';
import type { Principal } from '../auth/principal';

/**
 * Lists come from the database projection (written with every action), not from Temporal visibility:
 * it filters by due date and overdue, joins with people, and scopes per role in one query.
 */
export const listQuerySchema = z.object({
  stage: oneOf(STAGES).optional(),
  kind: oneOf(MATTER_KINDS).optional(),
  draftingUnit: resourceId(100).optional(),
  dueBefore: z.iso.date().optional().describe('Next deadline on or before this day (YYYY-MM-DD)'),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('Next obligation passed (earliest-allowed times never count)'),
  awaitingMe: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('Only matters waiting for an action of the caller (whose turn it is), or only the others'),
  limit: positiveInt().max(200, 'must be at most 200').default(50),
  cursor: resourceId(200).optional().describe('nextCursor of the previous page'),
});

export async function listMatters(deps: Pick<ApiDeps, 'db'>, principal: Principal, q: z.infer<typeof listQuerySchema>) {
  const and: Prisma.MatterWhereInput[] = [];
  // Scope: the read rule of the matter page (canRead), as a query.
  const scope = readScope(principal);
  if (!scope.all) and.push(scope.anyOf.length ? { OR: scope.anyOf } : { id: { in: [] } });
  if (q.stage) and.push({ stage: q.stage });
  // A normative document that is also a major decision is listed among both kinds.
  if (q.kind) and.push(q.kind === 'major_decision' ? { OR: [{ kind: q.kind }, { alsoMajorDecision: true }] } : { kind: q.kind });
  if (q.draftingUnit) and.push({ draftingUnit: q.draftingUnit });
  if (q.dueBefore) and.push({ nextDueAt: { lte: new Date(`${q.dueBefore}T23:59:59.999+08:00`) } });
  if (q.overdue === true) and.push({ nextDueAt: { lt: new Date() } });
  if (q.overdue === false) and.push({ OR: [{ nextDueAt: null }, { nextDueAt: { gte: new Date() } }] });
  if (q.awaitingMe !== undefined) and.push(q.awaitingMe ? awaitingPerson(principal) : { NOT: awaitingPerson(principal) });
  const rows = await deps.db.prisma.matter.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: q.limit + 1,
    ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
    select: { id: true, title: true, kind: true, alsoMajorDecision: true, flags: true, draftingUnit: true, stage: true, currentVersion: true, nextDueAt: true, createdAt: true, updatedAt: true, createdById: true, awaitingRoles: true, awaitingUserIds: true, warnings: true },
  });
  const page = rows.slice(0, q.limit);
  const now = Date.now();
  return {
    items: page.map((r) => ({
      ...r,
      nextDueAt: r.nextDueAt?.toISOString() ?? null,
      overdue: r.nextDueAt ? r.nextDueAt.getTime() < now : false,
      awaitsMe: awaits({ roles: r.awaitingRoles, userIds: r.awaitingUserIds, draftingUnit: r.draftingUnit }, principal),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    })),
    nextCursor: rows.length > q.limit ? page[page.length - 1]!.id : null,
  };
}

/**
 * The matters awaiting the person, as a query over the projection's whose-turn columns: named, or holding
 * an awaited role (a drafter only for their own section) — the rule of awaits() in domain/procedure.
 */
function awaitingPerson(p: Principal): Prisma.MatterWhereInput {
  const roles = p.roles.filter((r) => r !== 'drafter');
  const or: Prisma.MatterWhereInput[] = [{ awaitingUserIds: { has: p.userId } }];
  if (roles.length) or.push({ awaitingRoles: { hasSome: roles } });
  if (p.roles.includes('drafter') && p.sectionId) or.push({ awaitingRoles: { has: 'drafter' }, draftingUnit: p.sectionId });
  return { OR: or };
}
