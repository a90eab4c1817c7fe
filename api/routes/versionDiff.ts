import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../http/route';
import { positiveInt, resourceId } from '../http/params';
import { notFound, ProblemError } from '../http/problem';
import { readableMatter } from '../matters/matterService';
import { characterDiff } from '../../domain/text/characterDiff';
import { type MatterState, parseMatterState } from '../../domain/procedure';
import type { ApiDeps } from '../deps';

const versionSide = z.object({
  number: z.number(),
  sha256: z.string(),
  createdById: z.string(),
  createdAt: z.string(),
  characters: z.number(),
  findings: z.array(z.object({
    kind: z.enum(['fair_competition']).describe('Which pre-screen raised it'),
    id: z.string(), code: z.string(), start: z.number(), end: z.number(), excerpt: z.string(), explanation: z.string(), clause: z.string().nullable(),
    status: z.enum(['open', 'confirmed', 'dismissed']),
  })),
});

/**
 * Any two versions of a matter's text compared character by character (domain/text/characterDiff), with
 * each version's pre-screen findings (spans in that version) so the reader sees what a change answered.
 */
export function versionDiffRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/api/v1/matters/:id/diff', summary: 'What changed between two versions of the text (character level, merged into readable runs), with each version\'s pre-screen findings', tags: ['matters'], auth: true,
      // Bounded like the version and sign-off routes: a number past a PostgreSQL integer was a 500 from the database.
      params: z.object({ id: resourceId(100) }),
      query: z.object({ from: positiveInt(), to: positiveInt() }),
      responses: {
        200: {
          description: 'Runs in reading order; equal+delete runs rebuild the old text, equal+insert the new one',
          schema: z.object({
            from: versionSide, to: versionSide, inserted: z.number(), deleted: z.number(), changes: z.number(),
            runs: z.array(z.object({ op: z.enum(['equal', 'delete', 'insert']), text: z.string(), fromStart: z.number(), toStart: z.number() })),
          }),
        },
      },
      handler: async ({ params, query, principal }) => {
        if (query.from === query.to) throw new ProblemError(400, 'Invalid query.to: must differ from query.from', { code: 'invalid_input', errors: [{ field: 'query.to', message: 'must name another version than from' }] });
        const row = await readableMatter(deps, principal!, params.id);
        const versions = await deps.db.prisma.matterVersion.findMany({ where: { matterId: params.id, number: { in: [query.from, query.to] } } });
        const pick = (n: number, field: 'from' | 'to') => {
          const v = versions.find((x) => x.number === n);
          if (!v) throw new ProblemError(404, 'Version not found', { detail: `the matter has no version ${n}`, code: 'not_found', errors: [{ field: `query.${field}`, message: 'no such version' }] });
          return v;
        };
        const from = pick(query.from, 'from');
        const to = pick(query.to, 'to');
        if (row.state === null) throw notFound('Matter');
        const state = parseMatterState(row.state, row.id);
        const refs = new Map((state.fairCompetition.findings ?? []).map((f) => [f.id, f]));
        const findings = await deps.db.prisma.fcrFinding.findMany({ where: { matterId: params.id, versionNumber: { in: [from.number, to.number] } }, orderBy: { start: 'asc' } });
        const side = (v: typeof from) => ({
          number: v.number, sha256: v.sha256, createdById: v.createdById, createdAt: v.createdAt.toISOString(), characters: v.text.length,
          findings: findings.filter((f) => f.versionNumber === v.number).map((f) => ({
            kind: 'fair_competition' as const, id: f.id, code: f.code, start: f.start, end: f.end, excerpt: f.excerpt, explanation: f.explanation, clause: f.clause,
            status: refs.get(f.id)?.status ?? 'open',
          })),
        });
        return { from: side(from), to: side(to), ...characterDiff(from.text, to.text) };
      },
    }),
  ];
}
