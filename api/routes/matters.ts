import { catalogueLinkInput } from '../../domain/decisions/catalogue';
import { z } from 'zod';
import { documentText, FLAGS, line, MATTER_KINDS, oneOf, prose, TRIPLE_ONE_CATEGORIES } from '../../domain/procedure';
import { verifyMatterTrail } from '../matters/verifyMatterTrail';
import { positiveInt, resourceId } from '../http/params';
import { idempotencyKeyOf } from '../http/idempotency';
import { defineRoute, type AnyRoute } from '../http/route';
import { notFound } from '../http/problem';
import { requestOrigin } from '../http/requestOrigin';
import { malformedTrailEntrySchema, trailEntrySchema, trailEntryView } from '../../domain/evidence';
import { actOnMatter, createMatter, loadMatterView, readableMatter } from '../matters/matterService';
import { observeAction } from '../http/metrics';
import { actionCommandSchema } from '../matters/wireCommand';
import { LINKED_ID_CODES } from '../matters/linkedIds';
import { actionResultSchema, matterListItemSchema, matterSchema, trailVerdictSchema, versionSummarySchema } from '../matters/views';
import { listMatters, listQuerySchema } from '../matters/listMatters';
import type { ApiDeps } from '../deps';

// Strict bodies: an unknown field is a 400 naming it, never silently dropped (a misspelt optional field would be lost).
export const createMatterBody = z.strictObject({
  title: line(500),
  kind: oneOf(MATTER_KINDS),
  catalogue: catalogueLinkInput.optional().describe('A major decision: {entryId} of its entry in the yearly catalogue, or {notListedReason} (713号令第3条第3款)'),
  alsoMajorDecision: z.boolean().optional().describe('A normative document that is also a major decision (重大行政决策): it owes the duties of both'),
  tripleOneCategory: oneOf(TRIPLE_ONE_CATEGORIES).optional().describe('A “三重一大” matter: personnel_appointment (人事任免: two thirds of the members present), major_project or major_funds; its meeting is scheduled under it'),
  draftingUnit: line(100).optional().describe('Section id of the drafting unit; defaults to the drafter\'s own section'),
  flags: z.array(oneOf(FLAGS)).max(5).default([]).refine((f) => new Set(f).size === f.length, 'must not repeat a flag'),
  text: documentText(),
});

const idParams = z.object({ id: resourceId(100) });
const versionParams = z.object({ id: resourceId(100), number: positiveInt() });

export const actionBody = z.strictObject({
  command: actionCommandSchema,
  text: documentText().optional().describe('The new text, with submit_version'),
  reason: prose().optional(),
});

const idempotencyHeader = { name: 'Idempotency-Key', description: 'A retried request with the same key is recorded once' };

export function matterRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'post', path: '/api/v1/matters', summary: 'Register a matter (登记) and start its review workflow', tags: ['matters'], auth: true,
      body: createMatterBody, headers: [idempotencyHeader],
      responses: {
        201: { description: 'Registered', schema: matterSchema },
        200: { description: 'Retry of an earlier request with the same Idempotency-Key', schema: matterSchema },
        202: { description: 'Accepted: the workflow has started and stores the matter as soon as a worker is available', schema: z.object({ id: z.string(), workflowId: z.string(), stage: z.literal('registering') }) },
      },
      handler: async ({ req, res, body, principal }) => {
        const { created, pending, matter } = await createMatter(deps, principal!, body, { idempotencyKey: idempotencyKeyOf(req), requestId: req.id, origin: requestOrigin(req) });
        res.status(pending ? 202 : created ? 201 : 200).location(`/api/v1/matters/${matter.id}`).json(matter);
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/matters', summary: 'List matters in scope, filtered', tags: ['matters'], auth: true, query: listQuerySchema,
      responses: { 200: { description: 'Matters, newest first', schema: z.object({ items: z.array(matterListItemSchema), nextCursor: z.string().nullable() }) } },
      handler: ({ query, principal }) => listMatters(deps, principal!, query),
    }),
    defineRoute({
      method: 'get', path: '/api/v1/matters/:id', summary: 'A matter with its state and what the caller may do next (from the projection every action writes; live=true asks the workflow)', tags: ['matters'], auth: true, params: idParams,
      query: z.object({ live: z.enum(['true', 'false']).optional().describe('true: read the state from the running workflow (describe + query) instead of the database projection') }),
      responses: { 200: { description: 'The matter', schema: matterSchema } },
      handler: ({ params, query, principal }) => loadMatterView(deps, principal!, params.id, { live: query.live === 'true' }),
    }),
    defineRoute({
      method: 'post', path: '/api/v1/matters/:id/actions', summary: 'Act on a matter (relayed to its workflow as an Update)', tags: ['matters'], auth: true, params: idParams, body: actionBody, headers: [idempotencyHeader],
      responses: {
        200: { description: 'Accepted; the new state', schema: actionResultSchema },
        409: { description: `Not allowed in this state: \`code\` names the rule (e.g. WRONG_STAGE, MATTER_CLOSED). Checked at the edge against other matters, naming the field: ${LINKED_ID_CODES[409].join(', ')} (an enforcement case: body.command.item.caseNumber / caseFiledOn)` },
        422: { description: `Precondition not met: \`code\` names the rule. Checked at the edge against the people and matters named, naming the field: ${LINKED_ID_CODES[422].join(', ')} (body.command.lawyerId, body.command.reviewerId, body.command.renewalMatterId), unknown_meeting_body (body.command.bodyId)` },
      },
      handler: ({ req, params, body, principal }) => observeAction(String(body.command.type), () => actOnMatter(deps, principal!, params.id, body, { idempotencyKey: idempotencyKeyOf(req), requestId: req.id, origin: requestOrigin(req) })),
    }),
    defineRoute({
      method: 'get', path: '/api/v1/matters/:id/versions', summary: 'The versions of the text (immutable, SHA-256)', tags: ['matters'], auth: true, params: idParams,
      responses: { 200: { description: 'Versions without text', schema: z.object({ items: z.array(versionSummarySchema) }) } },
      handler: async ({ params, principal }) => {
        await readableMatter(deps, principal!, params.id);
        const rows = await deps.db.prisma.matterVersion.findMany({ where: { matterId: params.id }, orderBy: { number: 'asc' }, select: { number: true, sha256: true, createdById: true, createdAt: true } });
        return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/matters/:id/versions/:number', summary: 'One version with its text', tags: ['matters'], auth: true, params: versionParams,
      responses: { 200: { description: 'The version', schema: z.object({ number: z.number(), sha256: z.string(), text: z.string() }).loose() } },
      handler: async ({ params, principal }) => {
        await readableMatter(deps, principal!, params.id);
        const v = await deps.db.prisma.matterVersion.findUnique({ where: { matterId_number: { matterId: params.id, number: params.number } } });
        if (!v) throw notFound('Version');
        return { number: v.number, sha256: v.sha256, text: v.text, createdById: v.createdById, createdAt: v.createdAt.toISOString() };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/matters/:id/trail', summary: 'The decision trail (hash-chained)', tags: ['trail'], auth: true, params: idParams,
      responses: { 200: { description: 'Entries in order, each typed by its kind (`action`)', schema: z.object({ items: z.array(z.union([trailEntrySchema, malformedTrailEntrySchema])) }) } },
      handler: async ({ params, principal }) => {
        await readableMatter(deps, principal!, params.id, 'read_trail');
        const rows = await deps.db.prisma.trailEntry.findMany({ where: { matterId: params.id }, orderBy: { seq: 'asc' } });
        return { items: rows.map(trailEntryView) };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/matters/:id/trail/verify', summary: 'Verify the trail: every hash link, and the head against the workflow', tags: ['trail'], auth: true, params: idParams,
      responses: { 200: { description: 'Verdict', schema: trailVerdictSchema } },
      handler: async ({ params, principal }) => {
        const row = await readableMatter(deps, principal!, params.id, 'read_trail');
        return verifyMatterTrail(deps, row);
      },
    }),
  ];
}

