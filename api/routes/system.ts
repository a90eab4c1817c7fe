import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../http/route';
import { sendProblem } from '../http/problem';
import type { ApiDeps } from '../deps';
import { DATABASE_RETRY_AFTER_SECONDS } from '../../platform/databaseErrors';

/** Liveness, readiness and the API's own description. */
export function systemRoutes(deps: ApiDeps, document: () => unknown): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/healthz', summary: 'The process is up', tags: ['system'], auth: false,
      responses: { 200: { description: 'Up', schema: z.object({ status: z.literal('ok') }) } },
      handler: () => ({ status: 'ok' }),
    }),
    defineRoute({
      method: 'get', path: '/readyz', summary: 'Ready: the database and Temporal both answer', tags: ['system'], auth: false,
      responses: { 200: { description: 'Ready', schema: z.object({ status: z.literal('ready'), database: z.string(), temporal: z.string() }) } },
      handler: async ({ req, res }) => {
        const [database, temporal] = await Promise.all([
          deps.db.query('SELECT 1').then(() => true, () => false),
          deps.temporalHealthy().catch(() => false),
        ]);
        if (database && temporal) return { status: 'ready', database: deps.db.description, temporal: 'ok' };
        const down = [!database && 'database', !temporal && 'temporal'].filter(Boolean).join(' and ');
        sendProblem(res, { type: 'about:blank', title: 'Not ready', status: 503, detail: `${down} not answering`, code: 'not_ready', requestId: req.id }, DATABASE_RETRY_AFTER_SECONDS);
        return undefined;
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/openapi.json', summary: 'This document', tags: ['system'], auth: false,
      responses: { 200: { description: 'OpenAPI 3.1' } },
      handler: () => document(),
    }),
  ];
}
