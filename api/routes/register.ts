import { z } from 'zod';
import { resourceId } from '../http/params';
import { defineRoute, type AnyRoute } from '../http/route';
import { idempotencyKeyOf } from '../http/idempotency';
import { line, MATTER_KINDS, oneOf, prose } from '../../domain/procedure';
import { cleanupRow, cleanupSummaries, cleanupView, decideInCleanup, publishCleanup, startCleanup } from '../register/cleanupService';
import { cleanupListsHtml } from '../../domain/lifecycle/cleanupPage';
import { filingPackage } from '../register/filingPackage';
import { decideOnDocument, registerEntries, registerEvents, registerRow, registerRows, requireRegister } from '../register/registerService';
import { notFound } from '../http/problem';
import type { ApiDeps } from '../deps';

const params = z.object({ id: resourceId(100) });
const when = z.string().nullable();

export const registerEntrySchema = z.object({
  id: z.string(), number: z.string(), title: z.string(), kind: z.string(), draftingUnit: z.string(), series: z.string(), year: z.number(), seq: z.number(),
  signedAt: z.string(), publishedAt: when, effectiveAt: when, expiresAt: when, earlyEffectReason: z.string().nullable(), retroactiveReason: z.string().nullable().describe('立法法第104条: why it takes effect before its publication'),
  status: z.string(), notYetEffective: z.boolean(), statusChangedAt: when, statusReason: z.string().nullable(), amendingMatterId: z.string().nullable(),
  reevaluationOpenedAt: when, exceptionEndsAt: when, exceptionReviewDueAt: when,
  filing: z.object({ authority: z.string(), receipt: z.string(), at: z.string() }).nullable(),
  links: z.object({ matter: z.string(), dossier: z.string(), filingPackage: z.string(), web: z.string() }),
}).meta({ id: 'RegisterEntry' });

export const documentDecisionSchema = z.strictObject({
  decision: z.enum(['continue', 'amend', 'repeal']).describe('continue 继续实施 · amend 修改 · repeal 废止'),
  // Stored in the register's events and printed in the clean-up lists: the project's text checks (no NUL,
  // which PostgreSQL refuses, nor other control characters), not a bare string.
  reason: prose(5000),
  newExpiresAt: z.iso.datetime({ offset: true }).optional().describe('continue: the new expiry'),
  amendingMatterId: resourceId(100).optional().describe('amend: the registered matter that drafts the amendment'),
});

const cleanupParams = z.object({ id: resourceId(100) });
const cleanupSchema = z.record(z.string(), z.unknown()).meta({ id: 'RegisterCleanup' });

/** The document register (统一登记、统一编号): every issued document, its number, dates and status after issue. */
export function registerRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    // Clean-ups first: their paths must not be read as a document id.
    defineRoute({
      method: 'post', path: '/api/v1/register/cleanups', summary: 'Start a clean-up (清理) of the documents in force, all or by drafting unit, kind or topic', tags: ['register'], auth: true,
      body: z.strictObject({
        title: line(200),
        scope: z.strictObject({ draftingUnit: line(100).optional(), kind: oneOf(MATTER_KINDS).optional(), topic: line(100).optional() }).default({}),
      }),
      responses: { 201: { description: 'The clean-up with its documents', schema: cleanupSchema } },
      handler: async ({ res, body, principal }) => {
        const view = await startCleanup(deps, principal!, body);
        res.status(201);
        return view;
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/register/cleanups', summary: 'The clean-ups, newest first', tags: ['register'], auth: true,
      responses: { 200: { description: 'Clean-ups', schema: z.object({ items: z.array(z.object({ id: z.string(), title: z.string(), startedAt: z.string(), publishedAt: z.string().nullable(), documents: z.number().describe('The documents of the clean-up the caller sees (as GET …/cleanups/:id shows them)') })) }) } },
      handler: async ({ principal }) => {
        requireRegister(principal!, 'read_register');
        return { items: await cleanupSummaries(deps, principal!) };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/register/cleanups/:id', summary: 'A clean-up: its documents, decisions, what is undecided, and the lists (in force / amended / repealed / expired) as JSON', tags: ['register'], auth: true, params: cleanupParams,
      responses: { 200: { description: 'The clean-up', schema: cleanupSchema } },
      handler: async ({ params: p, principal }) => {
        requireRegister(principal!, 'read_register');
        return cleanupView(deps, await cleanupRow(deps, p.id), principal!);
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/register/cleanups/:id/lists.html', summary: 'The clean-up\'s lists as a printable page', tags: ['register'], auth: true, params: cleanupParams,
      responses: { 200: { description: 'HTML', schema: z.string(), contentType: 'text/html' } },
      handler: async ({ res, params: p, principal }) => {
        requireRegister(principal!, 'read_register');
        const view = await cleanupView(deps, await cleanupRow(deps, p.id), principal!);
        res.type('text/html; charset=utf-8').send(cleanupListsHtml({ title: view.title, scope: view.scopeText, startedAt: view.startedAt, publishedAt: view.publishedAt, lists: view.lists }));
      },
    }),
    defineRoute({
      method: 'post', path: '/api/v1/register/cleanups/:id/decisions', summary: 'The clean-up\'s decision on one of its documents (continue / amend / repeal, with reasons), taken through the document\'s workflow', tags: ['register'], auth: true, params: cleanupParams,
      body: documentDecisionSchema.extend({ documentId: resourceId(100) }),
      headers: [{ name: 'Idempotency-Key', description: 'A retried request with the same key is recorded once' }],
      responses: { 200: { description: 'The decision and the clean-up after it', schema: z.object({ summary: z.string(), cleanup: cleanupSchema }) } },
      handler: async ({ req, params: p, body, principal }) => decideInCleanup(deps, principal!, p.id, body, { idempotencyKey: idempotencyKeyOf(req), requestId: req.id }),
    }),
    defineRoute({
      method: 'post', path: '/api/v1/register/cleanups/:id/publish', summary: 'Publish the clean-up\'s lists once every document has its decision', tags: ['register'], auth: true, params: cleanupParams,
      responses: { 200: { description: 'The published clean-up', schema: cleanupSchema } },
      handler: async ({ params: p, principal }) => publishCleanup(deps, principal!, p.id),
    }),
    defineRoute({
      method: 'get', path: '/api/v1/register', summary: 'The document register: every issued document with its number, dates and status', tags: ['register'], auth: true,
      query: z.object({
        status: z.enum(['signed', 'in_force', 'amended', 'repealed', 'expired']).optional().describe('signed: numbered, not yet published'),
        year: z.coerce.number().int().min(2000).max(2200).optional(),
        kind: oneOf(MATTER_KINDS).optional(),
        draftingUnit: z.string().max(100).optional(),
        q: z.string().max(100).optional().describe('Words in the title (a topic)'),
      }),
      responses: { 200: { description: 'Register entries', schema: z.object({ items: z.array(registerEntrySchema) }) } },
      handler: async ({ query, principal }) => {
        requireRegister(principal!, 'read_register');
        return { items: await registerEntries(deps, await registerRows(deps, query), principal!) };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/register/:id', summary: 'One registered document with its events after issue and their hash-chain verdict', tags: ['register'], auth: true, params,
      responses: { 200: { description: 'The entry, its events, the verdict', schema: z.object({ entry: registerEntrySchema, events: z.array(z.record(z.string(), z.unknown())), verification: z.object({ valid: z.boolean(), events: z.number(), firstBad: z.object({ seq: z.number(), reason: z.string() }).optional() }) }) } },
      handler: async ({ params: p, principal }) => {
        requireRegister(principal!, 'read_register');
        const row = await registerRow(deps, p.id);
        // Not published and not the caller's to read: as if it were not there (a title is not revealed).
        const [entry] = await registerEntries(deps, [row], principal!);
        if (!entry) throw notFound('Register document');
        const { events, verdict } = await registerEvents(deps, row);
        return { entry: entry!, events, verification: verdict };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/register/:id/filing-package', summary: 'The 备案 package as one zip: filing report, document, drafting explanation, legality review opinion, the lawyer\'s signed opinion, fair-competition conclusion, manifest', tags: ['register'], auth: true, params,
      responses: { 200: { description: 'ZIP archive', schema: z.string(), contentType: 'application/zip' } },
      handler: async ({ res, params: p, principal }) => {
        requireRegister(principal!, 'download_filing_package');
        const pkg = await filingPackage(deps, p.id);
        res.type('application/zip').attachment(pkg.fileName).send(pkg.zip);
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
