import { z } from 'zod';
import { authorize } from '../../domain/permissions';
import { ADMIN_EVENT_TYPES } from '../../domain/evidence';
import { defineRoute, type AnyRoute } from '../http/route';
import { forbidden } from '../http/problem';
import { adminEvents } from '../admin/adminEvents';
import type { ApiDeps } from '../deps';

const adminEventSchema = z.object({
  seq: z.number(),
  type: z.enum(ADMIN_EVENT_TYPES),
  actorId: z.string(),
  target: z.string(),
  data: z.unknown(),
  requestId: z.string().nullable(),
  at: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});

/** What administrators changed outside any matter, newest first, with the verdict on the whole chain. */
export function adminEventRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/api/v1/admin-events', summary: 'What administrators changed (people and roles, the retainer, rosters, holiday notices), newest first, and the check of the chain (auditors, admins)', tags: ['people'], auth: true,
      query: z.object({
        limit: z.coerce.number().int().min(1).max(1000).default(200),
        target: z.string().max(300).regex(/^[a-z_]+:[\w.:-]+$/, 'kind:id, e.g. user:u-1').optional().describe('Only what changed this, e.g. user:<id>'),
      }),
      responses: { 200: { description: 'Events and the chain\'s verdict', schema: z.object({ items: z.array(adminEventSchema), verification: z.object({ valid: z.boolean(), events: z.number(), firstBad: z.object({ seq: z.number(), reason: z.string() }).optional() }) }) } },
      handler: async ({ query, principal }) => {
        const verdict = authorize(principal!, 'read_admin_events');
        if (!verdict.allowed) throw forbidden(verdict.reason);
        return adminEvents(deps.db.prisma, query);
      },
    }),
  ];
}
