import { z } from 'zod';
import { resourceId } from '../http/params';
import { defineRoute, type AnyRoute } from '../http/route';
import { readableMatter } from '../matters/matterService';
import { buildDossier, dossierCsv } from '../dossier/buildDossier';
import { dossierHtml } from '../dossier/dossierHtml';
import type { ApiDeps } from '../deps';

const params = z.object({ id: resourceId(100) });

/** The matter's full dossier (卷宗) for auditors and archiving, as JSON, CSV (the trail) or a printable page. */
export function dossierRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/api/v1/matters/:id/dossier', summary: 'The full dossier as JSON', tags: ['trail'], auth: true, params,
      responses: { 200: { description: 'Dossier', schema: z.record(z.string(), z.unknown()) } },
      handler: async ({ params: p, principal }) => {
        await readableMatter(deps, principal!, p.id, 'read_trail');
        return buildDossier(deps, p.id);
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/matters/:id/dossier.csv', summary: 'The trail as CSV', tags: ['trail'], auth: true, params,
      responses: { 200: { description: 'CSV', schema: z.string(), contentType: 'text/csv' } },
      handler: async ({ res, params: p, principal }) => {
        await readableMatter(deps, principal!, p.id, 'read_trail');
        res.type('text/csv; charset=utf-8').attachment(`dossier-${p.id}.csv`).send(dossierCsv(await buildDossier(deps, p.id)));
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/matters/:id/dossier.html', summary: 'A printable dossier page', tags: ['trail'], auth: true, params,
      responses: { 200: { description: 'HTML', schema: z.string(), contentType: 'text/html' } },
      handler: async ({ res, params: p, principal }) => {
        await readableMatter(deps, principal!, p.id, 'read_trail');
        res.type('text/html; charset=utf-8').send(dossierHtml(await buildDossier(deps, p.id)));
      },
    }),
  ];
}
