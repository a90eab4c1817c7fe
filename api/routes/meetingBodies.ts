import { z } from 'zod';
import { authorize } from '../../domain/permissions';
import { chinaDateOf } from '../../domain/calendar';
import { line, MEETING_BODIES, oneOf } from '../../domain/procedure';
import { resourceId } from '../http/params';
import { defineRoute, type AnyRoute } from '../http/route';
import { forbidden, notFound, ProblemError } from '../http/problem';
import { putBody, rosterOn } from '../meetings/rosters';
import type { ApiDeps } from '../deps';
import type { Principal } from '../auth/principal';

const day = z.iso.date();
const bodyView = (b: { id: string; kind: string; name: string; members: Array<{ userId: string; from: string; to: string | null; chairs: boolean }> }) => ({
  id: b.id, kind: b.kind, name: b.name, members: b.members.map((m) => ({ userId: m.userId, from: m.from, to: m.to, chairs: m.chairs })),
});

/**
 * Deciding bodies and their rosters as data (issue 9 item 2): an admin keeps who sits on the 局长办公会 and
 * the 党委会, with dates; a meeting's record must name exactly the roster on the day it was held.
 */
export function meetingBodyRoutes(deps: ApiDeps): AnyRoute[] {
  const mayRead = (p: Principal) => {
    // The secretary records meetings; the legal unit, auditors and admins see who decided.
    if (!['secretary', 'legal_unit', 'auditor', 'admin', 'meeting_member'].some((r) => p.roles.includes(r as never))) throw forbidden('Only the secretary, the legal unit, auditors, members and admins see the rosters');
  };
  return [
    defineRoute({
      method: 'get', path: '/api/v1/meeting-bodies', summary: 'Deciding bodies with their rosters (seats with dates)', tags: ['meetings'], auth: true,
      responses: { 200: { description: 'Bodies', schema: z.object({ items: z.array(z.object({ id: z.string(), kind: z.string(), name: z.string(), members: z.array(z.object({ userId: z.string(), from: z.string(), to: z.string().nullable(), chairs: z.boolean() })) })) }) } },
      handler: async ({ principal }) => {
        mayRead(principal!);
        const rows = await deps.db.prisma.meetingBody.findMany({ include: { members: { orderBy: { from: 'asc' } } }, orderBy: { id: 'asc' } });
        return { items: rows.map(bodyView) };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/meeting-bodies/:id/roster', summary: 'Who sits on a body on a day (the members a meeting record must name)', tags: ['meetings'], auth: true,
      params: z.object({ id: resourceId(100) }),
      query: z.object({ at: z.iso.datetime({ offset: true }).optional().describe('When the meeting is (was) held; default now') }),
      responses: { 200: { description: 'Roster', schema: z.object({ bodyId: z.string(), kind: z.string(), on: z.string(), members: z.array(z.string()), chairs: z.array(z.string()).describe('Who may chair (and in the administrative meeting decide) on that day') }) } },
      handler: async ({ principal, params, query }) => {
        mayRead(principal!);
        const on = chinaDateOf(query.at ? Date.parse(query.at) : Date.now());
        const roster = await rosterOn(deps.db, params.id, on);
        if (!roster) throw notFound('Meeting body');
        return { bodyId: params.id, kind: roster.kind, on, members: roster.members, chairs: roster.chairs };
      },
    }),
    defineRoute({
      method: 'put', path: '/api/v1/meeting-bodies/:id', summary: 'Create or replace a body and its roster with dates (admin)', tags: ['meetings'], auth: true,
      params: z.object({ id: resourceId(100) }),
      body: z.strictObject({
        kind: oneOf(MEETING_BODIES),
        name: line(200),
        members: z.array(z.strictObject({ userId: line(100), from: day, to: day.nullable().default(null), chairs: z.boolean().default(false).describe('May chair and, in the administrative meeting, decide (行政首长 or a deputy presiding for them)') }).refine((m) => !m.to || m.from <= m.to, { message: 'must not end before it starts', path: ['to'] })).max(200),
      }),
      responses: { 200: { description: 'The body', schema: z.record(z.string(), z.unknown()) } },
      handler: async ({ req, principal, params, body }) => {
        const v = authorize(principal!, 'manage_users');
        if (!v.allowed) throw forbidden(v.reason);
        const ids = [...new Set(body.members.map((m) => m.userId))];
        const known = await deps.db.prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true } });
        const unknown = ids.filter((id) => !known.some((k) => k.id === id));
        if (unknown.length > 0) throw new ProblemError(422, 'Unknown people on the roster', { code: 'unknown_member', detail: unknown.join(', '), errors: [{ field: 'body.members', message: `unknown: ${unknown.join(', ')}` }] });
        return bodyView(await putBody(deps.db.prisma, params.id, body, { actorId: principal!.userId, requestId: req.id }));
      },
    }),
  ];
}
