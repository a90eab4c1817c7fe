import { z } from 'zod';
import { resourceId } from '../http/params';
import { defineRoute, type AnyRoute } from '../http/route';
import { idempotencyKeyOf } from '../http/idempotency';
import { MATTER_KINDS, oneOf } from '../../domain/procedure';
import { decideOnDocument, registerEntries, registerEvents, registerRow, registerRows, requireRegister } from '../register/registerService';
import type { ApiDeps } from '../deps';

const params = z.object({ id: resourceId(100) });
const when = z.string().nullable();

export const registerEntrySchema = z.object({
  id: z.string(), number: z.string(), title: z.string(), kind: z.string(), draftingUnit: z.string(), series: z.string(), year: z.number(), seq: z.number(),
  signedAt: z.string(), publishedAt: when, effectiveAt: when, expiresAt: when, earlyEffectReason: z.string().nullable(),
  status: z.string(), notYetEffective: z.boolean(), statusChangedAt: when, statusReason: z.string().nullable(), amendingMatterId: z.string().nullable(),
  reevaluationOpenedAt: when, exceptionEndsAt: when, exceptionReviewDueAt: when,
  filing: z.object({ authority: z.string(), receipt: z.string(), at: z.string() }).nullable(),
  links: z.object({ matter: z.string(), dossier: z.string(), filingPackage: z.string(), web: z.string() }),
}).meta({ id: 'RegisterEntry' });

export const documentDecisionSchema = z.strictObject({
  decision: z.enum(['continue', 'amend', 'repeal']).describe('continue 继续实施 · amend 修改 · repeal 废止'),
  reason: z.string().trim().min(1).max(5000),
  newExpiresAt: z.iso.datetime({ offset: true }).optional().describe('continue: the new expiry'),
  amendingMatterId: resourceId(100).optional().describe('amend: the registered matter that drafts the amendment'),
});

/** The document register (统一登记、统一编号): every issued document, its number, dates and status after issue. */
export function registerRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/api/v1/register', summary: 'The document register: every issued document with its number, dates and status', tags: ['register'], auth: true,
      query: z.object({
        status: z.enum(['in_force', 'amended', 'repealed', 'expired']).optional(),
        year: z.coerce.number().int().min(2000).max(2200).optional(),
        kind: oneOf(MATTER_KINDS).optional(),
        draftingUnit: z.string().max(100).optional(),
        q: z.string().max(100).optional().describe('Words in the title (a topic)'),
      }),
      responses: { 200: { description: 'Register entries', schema: z.object({ items: z.array(registerEntrySchema) }) } },
      handler: async ({ query, principal }) => {
        requireRegister(principal!, 'read_register');
        return { items: await registerEntries(deps, await registerRows(deps, query)) };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/register/:id', summary: 'One registered document with its events after issue and their hash-chain verdict', tags: ['register'], auth: true, params,
      responses: { 200: { description: 'The entry, its events, the verdict', schema: z.object({ entry: registerEntrySchema, events: z.array(z.record(z.string(), z.unknown())), verification: z.object({ valid: z.boolean(), events: z.number(), firstBad: z.object({ seq: z.number(), reason: z.string() }).optional() }) }) } },
      handler: async ({ params: p, principal }) => {
        requireRegister(principal!, 'read_register');
        const row = await registerRow(deps, p.id);
        const [entry] = await registerEntries(deps, [row]);
        const { events, verdict } = await registerEvents(deps, row);
        return { entry: entry!, events, verification: verdict };
      },
    }),
    defineRoute({
      method: 'post', path: '/api/v1/register/:id/decisions', summary: 'Re-evaluation decision by the legal unit: continue (new expiry), amend (names the new matter) or repeal, with reasons', tags: ['register'], auth: true, params,
      body: documentDecisionSchema,
      headers: [{ name: 'Idempotency-Key', description: 'A retried request with the same key is recorded once' }],
      responses: { 200: { description: 'The document after the decision', schema: z.object({ summary: z.string(), life: z.record(z.string(), z.unknown()) }) } },
      handler: async ({ req, params: p, body, principal }) => {
        const result = await decideOnDocument(deps, principal!, p.id, body, { idempotencyKey: idempotencyKeyOf(req), requestId: req.id });
        return { summary: result.summary, life: result.life };
      },
    }),
  ];
}
