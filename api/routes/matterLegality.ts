import { z } from 'zod';
import { provisionChange } from '../../domain/laws/changes';
import { lawLibrary } from '../../domain/laws/library';
import { canRead, authorize } from '../../domain/permissions';
import { currentHash, currentLegalityRun, legalityPrescreenOf, matterAccessOf, openLegalityFindings, parseMatterState } from '../../domain/procedure';
import { forbidden, notFound } from '../http/problem';
import { resourceId } from '../http/params';
import { defineRoute, type AnyRoute } from '../http/route';
import { readableMatter } from '../matters/matterService';
import type { ApiDeps } from '../deps';

const params = z.object({ id: resourceId(100) });

/**
 * A matter's legality review material: the automated legality pre-screen of each version (findings with the
 * lawyer's answers, runs with their fingerprints), the clause-level legal-basis register with what newer
 * law texts did to the provisions it cites, and the generated opinion documents; and, for the legal unit,
 * every matter whose register cites a provision a newer law text changed or removed.
 */
export function matterLegalityRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/api/v1/matters/:id/legality', summary: 'A matter\'s legality pre-screen findings with the lawyer\'s answers, the legal-basis register, pre-screen runs and opinion documents', tags: ['legality'], auth: true, params,
      responses: { 200: { description: 'The legality review material', schema: z.record(z.string(), z.unknown()) } },
      handler: async ({ params: p, principal }) => {
        const row = await readableMatter(deps, principal!, p.id);
        const state = parseMatterState(row.state, row.id);
        const lp = legalityPrescreenOf(state);
        const hash = currentHash(state);
        const run = currentLegalityRun(state);
        const [rows, runs, documents] = await Promise.all([
          deps.db.prisma.legalityFinding.findMany({ where: { matterId: p.id }, orderBy: [{ versionNumber: 'asc' }, { registerRevision: 'asc' }, { start: 'asc' }] }),
          deps.db.prisma.prescreenRun.findMany({ where: { matterId: p.id }, orderBy: [{ versionNumber: 'asc' }, { kind: 'asc' }, { registerRevision: 'asc' }] }),
          deps.db.prisma.opinionDocument.findMany({ where: { matterId: p.id }, orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, signOffId: true, versionHash: true, createdById: true, createdAt: true } }),
        ]);
        const refs = new Map(lp.findings.map((f) => [f.id, f]));
        const library = lawLibrary();
        return {
          currentVersion: { number: state.versions.length, sha256: hash },
          openFindings: openLegalityFindings(state),
          findings: rows.map((f) => {
            const ref = refs.get(f.id);
            return {
              id: f.id, versionNumber: f.versionNumber, versionHash: f.versionHash, registerRevision: f.registerRevision,
              current: run !== undefined && f.versionHash === run.versionHash && f.registerRevision === run.registerRevision,
              ruleSetVersion: f.ruleSetVersion, code: f.code, start: f.start, end: f.end, excerpt: f.excerpt, explanation: f.explanation,
              basis: f.basis, basisText: f.basisText, confidence: f.confidence, clause: f.clause,
              status: ref?.status ?? 'open', amendment: ref?.amendment ?? null, reason: ref?.reason ?? null, answeredBy: ref?.answeredBy ?? null, answeredAt: ref?.answeredAt ?? null,
            };
          }),
          register: lp.register ? { ...lp.register, entries: lp.register.entries.map((e) => ({ ...e, lawChange: provisionChange(library, e) })) } : null,
          runs: runs.map((r) => ({ kind: r.kind, versionNumber: r.versionNumber, versionHash: r.versionHash, registerRevision: r.registerRevision, findings: r.findings, fingerprint: r.fingerprint, at: r.createdAt.toISOString() })),
          documents: documents.map((d) => ({ ...d, createdAt: d.createdAt.toISOString(), url: `/api/v1/matters/${p.id}/legality/documents/${d.id}` })),
        };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/matters/:id/legality/documents/:documentId', summary: 'A generated opinion document (合法性审核意见书 / the legal unit\'s opinion) as a printable page', tags: ['legality'], auth: true,
      params: z.object({ id: resourceId(100), documentId: resourceId(300) }),
      responses: { 200: { description: 'HTML', schema: z.string(), contentType: 'text/html' } },
      handler: async ({ res, params: p, principal }) => {
        await readableMatter(deps, principal!, p.id, 'read_trail');
        const doc = await deps.db.prisma.opinionDocument.findFirst({ where: { id: p.documentId, matterId: p.id } });
        if (!doc) throw notFound('Document');
        res.type('text/html; charset=utf-8').send(doc.html);
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/legality/law-changes', summary: 'Matters whose legal-basis register cites a provision that a newer law text in the library changed or removed (for the legal unit)', tags: ['legality'], auth: true,
      responses: { 200: { description: 'The affected matters and provisions', schema: z.object({ library: z.string(), matters: z.array(z.record(z.string(), z.unknown())) }) } },
      handler: async ({ principal }) => {
        // The permission table decides, not a list kept here: the overview over all matters is for those who
        // read the figures over all matters (the legal unit and auditors) — never admins, who may not read
        // matters at all. Each matter is then shown only if its own page would be (titles do not leak).
        const verdict = authorize(principal!, 'read_statistics');
        if (!verdict.allowed) throw forbidden(verdict.reason);
        const library = lawLibrary();
        const rows = await deps.db.prisma.matter.findMany({
          where: { state: { path: ['legalityPrescreen', 'register', 'revision'], gt: 0 } },
          select: { id: true, title: true, stage: true, state: true },
          orderBy: { createdAt: 'asc' },
        });
        const matters = rows.flatMap((row) => {
          const state = parseMatterState(row.state, row.id);
          if (!canRead(principal!, matterAccessOf(state))) return [];
          const register = legalityPrescreenOf(state).register;
          const affected = (register?.entries ?? []).flatMap((e) => {
            const change = provisionChange(library, e);
            return change.status === 'changed' || change.status === 'removed' ? [{ clause: e.clause, law: e.law, article: e.article, paragraph: e.paragraph ?? null, item: e.item ?? null, ...change }] : [];
          });
          return affected.length > 0 ? [{ id: row.id, title: row.title, stage: row.stage, affected }] : [];
        });
        return { library: library.hash, matters };
      },
    }),
  ];
}
