import { z } from 'zod';
import { positiveInt, resourceId } from '../http/params';
import type { Database } from '../../platform/database';
import { utc } from '../../platform/sqlTime';
import { readScope } from '../../domain/permissions';
import { MATTER_KINDS, awaits, oneOf, STAGES } from '../../domain/procedure';
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

/** A UTC instant as the TIMESTAMP(3) columns hold it (no zone). */
const timestampParam = (d: Date) => d.toISOString().replace('Z', '');

const LIST_COLUMNS = [
  'id', 'title', 'kind', 'also_major_decision AS "alsoMajorDecision"', `coalesce(flags, '{}') AS flags`, 'drafting_unit AS "draftingUnit"', 'stage',
  'current_version AS "currentVersion"', `${utc('next_due_at')} AS "nextDueAt"`, `${utc('created_at')} AS "createdAt"`, `${utc('updated_at')} AS "updatedAt"`,
  'created_by_id AS "createdById"', 'awaiting_roles AS "awaitingRoles"', 'awaiting_user_ids AS "awaitingUserIds"', 'warnings',
].join(', ');

interface ListRow {
  id: string; title: string; kind: string; alsoMajorDecision: boolean; flags: string[]; draftingUnit: string; stage: string; currentVersion: number;
  nextDueAt: string | null; createdAt: string; updatedAt: string; createdById: string; awaitingRoles: string[]; awaitingUserIds: string[]; warnings: string[];
}

/**
 * The page's query as SQL with its parameters, sent through the database driver rather than Prisma: Prisma 6
 * compiles every query anew (~2 ms of CPU for this one, several times the query itself), and the list is the
 * endpoint people poll. Newest first on the matter (created_at, id) index; test/integration/listMatters.test.ts
 * compares its pages with the Prisma query it replaced.
 */
export function listSql(principal: Principal, q: z.infer<typeof listQuerySchema>, now = new Date()): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const and: string[] = [];
  // Scope: the read rule of the matter page (canRead), as a query.
  const scope = readScope(principal);
  const inScope = (): string | null => {
    if (scope.all) return null;
    const anyOf = scope.anyOf.map((c) => ('draftingUnit' in c ? `drafting_unit = ${p(c.draftingUnit)}` : 'assignedLawyerId' in c ? `assigned_lawyer_id = ${p(c.assignedLawyerId)}` : `fcr_reviewer_id = ${p(c.fcrReviewerId)}`));
    return anyOf.length ? `(${anyOf.join(' OR ')})` : 'FALSE';
  };
  const scoped = inScope();
  if (scoped) and.push(scoped);
  if (q.stage) and.push(`stage = ${p(q.stage)}`);
  // A normative document that is also a major decision is listed among both kinds.
  if (q.kind) and.push(q.kind === 'major_decision' ? `(kind = ${p(q.kind)} OR also_major_decision)` : `kind = ${p(q.kind)}`);
  if (q.draftingUnit) and.push(`drafting_unit = ${p(q.draftingUnit)}`);
  if (q.dueBefore) and.push(`next_due_at <= ${p(timestampParam(new Date(`${q.dueBefore}T23:59:59.999+08:00`)))}`);
  if (q.overdue === true) and.push(`next_due_at < ${p(timestampParam(now))}`);
  if (q.overdue === false) and.push(`(next_due_at IS NULL OR next_due_at >= ${p(timestampParam(now))})`);
  if (q.awaitingMe !== undefined) and.push(q.awaitingMe ? awaitingPerson(principal, p) : `NOT ${awaitingPerson(principal, p)}`);
  // The page after the cursor's matter in the list order. The cursor is looked up within the caller's scope too: a
  // matter they may not read gives an empty page, as an unknown id does (else paging would tell when it was created).
  if (q.cursor) {
    const cursorScope = inScope();
    and.push(`(created_at, id) < (SELECT created_at, id FROM matter WHERE id = ${p(q.cursor)}${cursorScope ? ` AND ${cursorScope}` : ''})`);
  }
  const where = and.length ? `WHERE ${and.join(' AND ')}` : '';
  return { sql: `SELECT ${LIST_COLUMNS} FROM matter ${where} ORDER BY created_at DESC, id DESC LIMIT ${p(q.limit + 1)}`, params };
}

export async function listMatters(deps: { db: Pick<Database, 'query'> }, principal: Principal, q: z.infer<typeof listQuerySchema>) {
  const { sql, params } = listSql(principal, q);
  const rows = await deps.db.query<ListRow>(sql, params);
  const page = rows.slice(0, q.limit);
  const now = Date.now();
  return {
    // Object.assign, not `{ ...r, overdue, awaitsMe }`: on Node 20 (V8 11.3) an object literal that spreads
    // and then adds a property of its own survives young-generation collections. Measured at 250 list
    // requests a second on one API process: 4.6 MB alive at every scavenge and pauses of 4–11 ms, against
    // 140 KB and 2–4 ms with Object.assign (docs/benchmarks.md, read path).
    items: page.map((r) =>
      Object.assign({}, r, {
        overdue: r.nextDueAt ? Date.parse(r.nextDueAt) < now : false,
        awaitsMe: awaits({ roles: r.awaitingRoles, userIds: r.awaitingUserIds, draftingUnit: r.draftingUnit }, principal),
      }),
    ),
    nextCursor: rows.length > q.limit ? page[page.length - 1]!.id : null,
  };
}

/**
 * The matters awaiting the person, as a condition on the projection's whose-turn columns: named, or holding
 * an awaited role (a drafter only for their own section) — the rule of awaits() in domain/procedure.
 */
function awaitingPerson(principal: Principal, p: (v: unknown) => string): string {
  const roles = principal.roles.filter((r) => r !== 'drafter');
  const or = [`${p(principal.userId)} = ANY(awaiting_user_ids)`];
  for (const role of roles) or.push(`${p(role)} = ANY(awaiting_roles)`);
  if (principal.roles.includes('drafter') && principal.sectionId) or.push(`('drafter' = ANY(awaiting_roles) AND drafting_unit = ${p(principal.sectionId)})`);
  return `(${or.join(' OR ')})`;
}
