import { z } from 'zod';
import { resourceId } from '../http/params';
import { fcrDocumentIdOf } from '../../activities/fcrConclusion';
import { prescreen, ruleSet, RULESET_VERSIONS } from '../../domain/fair-competition';
import { defineRoute, type AnyRoute } from '../http/route';
import { notFound, ProblemError } from '../http/problem';
import { readableMatter } from '../matters/matterService';
import type { ApiDeps } from '../deps';
import { line, type MatterState, parseMatterState, currentVersion, isEcon, mayNeedFcr, openFindingsOnCurrent } from '../../domain/procedure';
import { fingerprintSchema, prescreenTextSchema } from './prescreenInput';

const findingSchema = z.object({ code: z.string(), start: z.number(), end: z.number(), excerpt: z.string(), explanation: z.string(), confidence: z.string(), clause: z.string().optional() });

/**
 * Fair-competition review (公平竞争审查): the standards catalogue, the automated pre-screen of any text, and
 * a matter's findings, review record and written conclusions. The catalogue touches no matter data and
 * needs no login; the pre-screen needs one (it costs CPU); a matter's record needs read access to it.
 */
export function fairCompetitionRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'post', path: '/api/v1/fair-competition/prescreen', summary: 'Pre-screen a text against the fair-competition standards', tags: ['fair-competition'],
      // Synchronous and CPU-bound (over a second for the largest text): only for logged-in people, so an
      // anonymous client cannot keep the API's event loop busy.
      auth: true,
      body: z.strictObject({
        text: prescreenTextSchema,
        ruleSetVersion: line(50).optional().describe('Screen under an earlier rule set'),
      }),
      responses: { 200: { description: 'Findings, each with the standard, the exact character span, the excerpt and an explanation', schema: z.object({ ruleSetVersion: z.string(), fingerprint: fingerprintSchema.nullable(), findings: z.array(findingSchema) }) } },
      handler: ({ body }) => {
        if (body.ruleSetVersion && !RULESET_VERSIONS.includes(body.ruleSetVersion)) {
          throw new ProblemError(400, 'Invalid body.ruleSetVersion: unknown rule set', { code: 'invalid_input', errors: [{ field: 'body.ruleSetVersion', message: `must be one of ${RULESET_VERSIONS.join(', ')}` }] });
        }
        return prescreen(body.text, { ruleSetVersion: body.ruleSetVersion });
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/fair-competition/standards', summary: 'The standards catalogue (19 standards in four groups, and the exception), by version', tags: ['fair-competition'], auth: false,
      query: z.object({ version: z.string().max(50).optional() }),
      responses: { 200: { description: 'The rule set', schema: z.record(z.string(), z.unknown()) } },
      handler: ({ query }) => {
        if (query.version && !RULESET_VERSIONS.includes(query.version)) throw notFound('Rule set');
        return { versions: RULESET_VERSIONS, ...ruleSet(query.version) };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/matters/:id/fair-competition', summary: 'A matter\'s pre-screen findings (with their answers), review record and written conclusions', tags: ['fair-competition'], auth: true,
      params: z.object({ id: resourceId(100) }),
      responses: { 200: { description: 'The review', schema: z.record(z.string(), z.unknown()) } },
      handler: async ({ params, principal }) => {
        const row = await readableMatter(deps, principal!, params.id);
        // The projection: the pre-screen activity stores the state with its findings, every action its answers.
        const state = parseMatterState(row.state, row.id);
        const current = currentVersion(state);
        const refs = new Map((state.fairCompetition.findings ?? []).map((f) => [f.id, f]));
        const rows = await deps.db.prisma.fcrFinding.findMany({ where: { matterId: params.id }, orderBy: [{ versionNumber: 'asc' }, { start: 'asc' }] });
        const documents = await deps.db.prisma.fcrConclusionDocument.findMany({ where: { matterId: params.id }, orderBy: { createdAt: 'asc' } });
        return {
          flagged: isEcon(state),
          currentVersion: { number: current.number, sha256: current.hash },
          // The current version's pre-screen findings not yet answered (never a count kept by hand).
          openFindings: openFindingsOnCurrent(state),
          mayNeedReview: mayNeedFcr(state).length > 0,
          findings: rows.map((f) => {
            const ref = refs.get(f.id);
            return { id: f.id, versionNumber: f.versionNumber, versionHash: f.versionHash, current: f.versionHash === current.hash, ruleSetVersion: f.ruleSetVersion, code: f.code, start: f.start, end: f.end, excerpt: f.excerpt, explanation: f.explanation, confidence: f.confidence, clause: f.clause, status: ref?.status ?? 'open', reason: ref?.reason ?? null, answeredBy: ref?.answeredBy ?? null, answeredAt: ref?.answeredAt ?? null };
          }),
          reviewerId: state.fairCompetition.reviewerId,
          conclusion: state.fairCompetition.conclusion ?? null,
          review: state.fairCompetition.review ?? null,
          history: state.fairCompetition.history,
          documents: documents.map((d) => ({ id: fcrDocumentIdOf(params.id, d.id), versionHash: d.versionHash, conclusion: d.conclusion, createdById: d.createdById, createdAt: d.createdAt.toISOString(), text: d.text })),
        };
      },
    }),
  ];
}
