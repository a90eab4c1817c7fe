import { z } from 'zod';
import { authorize } from '../../domain/permissions';
import { MATTER_KINDS, oneOf, type MatterState, parseMatterState } from '../../domain/procedure';
import { matterStatistics, stageChangesFromTrail } from '../../domain/statistics/matterStatistics';
import { defineRoute, type AnyRoute } from '../http/route';
import { forbidden } from '../http/problem';
import type { ApiDeps } from '../deps';

const day = z.iso.date();
const check = z.object({ checked: z.number(), met: z.number(), missed: z.array(z.string()), overdueOpen: z.number().optional() });

/**
 * Statistics over the matters registered in a period (Beijing dates, inclusive), for the legal unit and
 * auditors: the figures come from domain/statistics (pure), over the stored states and trails.
 */
export function statisticsRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/api/v1/statistics', summary: 'Time per stage and kind (median, p90), whose turn, overdue, review-time compliance, per drafting unit and per month', tags: ['matters'], auth: true,
      query: z.object({
        from: day.optional().describe('Registered on or after this day (YYYY-MM-DD, Beijing)'),
        to: day.optional().describe('Registered on or before this day'),
        kind: oneOf(MATTER_KINDS).optional(),
        draftingUnit: z.string().max(100).optional(),
      }),
      responses: {
        200: {
          description: 'The figures; durations in seconds',
          schema: z.object({
            generatedAt: z.string(),
            period: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
            totals: z.object({ matters: z.number(), open: z.number(), finished: z.number(), stopped: z.number(), overdue: z.number() }),
            stageTimes: z.array(z.object({ stage: z.string(), kind: z.string(), stays: z.number(), medianSeconds: z.number(), p90Seconds: z.number(), current: z.number(), longestCurrentSeconds: z.number().nullable() })),
            turns: z.array(z.object({ role: z.string(), matters: z.number(), overdue: z.number() })),
            overdueByStage: z.array(z.object({ stage: z.string(), matters: z.number() })),
            compliance: z.object({ minimumReviewTime: check, legalityTimeLimit: check, filingOnTime: check, archiveOnTime: check }),
            byDraftingUnit: z.array(z.object({ draftingUnit: z.string(), registered: z.number(), open: z.number(), finished: z.number(), stopped: z.number(), overdue: z.number(), medianDaysToClose: z.number().nullable() })),
            byMonth: z.array(z.object({ month: z.string(), registered: z.number(), finished: z.number(), stopped: z.number() })),
          }),
        },
      },
      handler: async ({ query, principal }) => {
        const verdict = authorize(principal!, 'read_statistics');
        if (!verdict.allowed) throw forbidden(verdict.reason);
        const rows = await deps.db.prisma.matter.findMany({
          where: {
            ...(query.from || query.to ? { createdAt: { ...(query.from ? { gte: new Date(`${query.from}T00:00:00+08:00`) } : {}), ...(query.to ? { lte: new Date(`${query.to}T23:59:59.999+08:00`) } : {}) } } : {}),
            ...(query.kind ? { kind: query.kind } : {}),
            ...(query.draftingUnit ? { draftingUnit: query.draftingUnit } : {}),
          },
          select: { id: true, state: true },
        });
        const trail = await deps.db.prisma.trailEntry.findMany({ where: { matterId: { in: rows.map((r) => r.id) } }, select: { matterId: true, at: true, after: true }, orderBy: [{ matterId: 'asc' }, { seq: 'asc' }] });
        const byMatter = new Map<string, Array<{ at: string; after: unknown }>>();
        for (const t of trail) (byMatter.get(t.matterId) ?? byMatter.set(t.matterId, []).get(t.matterId)!).push({ at: t.at.toISOString(), after: t.after });
        const facts = rows.flatMap((r) => {
          const state = r.state === null ? null : parseMatterState(r.state, r.id);
          return state ? [{ id: r.id, state, stageChanges: stageChangesFromTrail(byMatter.get(r.id) ?? []) }] : [];
        });
        const stats = matterStatistics(facts, deps.procedureConfig, await deps.calendars.calendar(), new Date().toISOString());
        return { ...stats, period: { from: query.from ?? null, to: query.to ?? null } };
      },
    }),
  ];
}
