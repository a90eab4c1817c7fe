import crypto from 'node:crypto';
import { z } from 'zod';
import { CATALOGUE_CATEGORY_LABELS, catalogueEntryInput, entryOfUnit, entryProblem, entryProgress, ENTRY_PROGRESS_LABELS, publishCatalogueInput, type EntryProgress } from '../../domain/decisions/catalogue';
import { escapeHtml as esc, PRINT_STYLE } from '../../domain/documents/printStyle';
import { authorize, inReadScope, readScope } from '../../domain/permissions';
import { isMajorDecision, matterAccessOf, parseMatterState, STAGE_LABELS } from '../../domain/procedure';
import { defineRoute, type AnyRoute } from '../http/route';
import { forbidden, notFound, ProblemError } from '../http/problem';
import type { ApiDeps } from '../deps';
import type { Principal } from '../auth/principal';

const yearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

const entryView = z.object({
  id: z.string(), seq: z.number(), title: z.string(), category: z.number(), categoryLabel: z.string(), unit: z.string(),
  summary: z.string().nullable(), planned: z.string().nullable(), addedLaterReason: z.string().nullable(), addedAt: z.string(),
  matter: z.object({ id: z.string(), title: z.string(), stage: z.string(), stageLabel: z.string() }).nullable(),
  progress: z.string().describe('not_started, or the linked matter\'s progress (in_procedure, decided, implementing, …, not_adopted) for those who may read that matter; for anyone else `registered`'), progressLabel: z.string(),
  ofMyUnit: z.boolean().describe('Undertaken by the caller\'s section: only its drafters register the decision for it'),
}).meta({ id: 'DecisionCatalogueEntry' });
const catalogueView = z.object({ year: z.number(), publishedAt: z.string().nullable(), approvalRef: z.string().nullable(), entries: z.array(entryView) }).meta({ id: 'DecisionCatalogue' });
type CatalogueView = z.infer<typeof catalogueView>;

function mayManage(principal: Principal): void {
  const verdict = authorize(principal, 'manage_decision_catalogue');
  if (!verdict.allowed) throw forbidden(verdict.reason);
}

/**
 * What someone who may not read an entry's matter learns of its progress: that a decision was registered for the
 * entry, nothing of how it went (not whether it was withdrawn, rejected, decided or is being implemented).
 */
export const REGISTERED_PROGRESS = { progress: 'registered', progressLabel: '已启动决策程序' } as const;

/**
 * The catalogue with each entry's progress, from its matter. Only what the caller may read is named: an entry
 * whose matter they may not read shows `registered` (REGISTERED_PROGRESS), one with none `not_started`. Before its
 * publication the catalogue is a draft, served only to whom keeps it, auditors and drafters, who link their decisions
 * to its entries (read_draft_catalogue); to anyone else it is not there (404).
 */
async function catalogueOf(deps: ApiDeps, principal: Principal, year: number): Promise<CatalogueView> {
  const row = await deps.db.prisma.decisionCatalogue.findUnique({ where: { year }, include: { entries: { orderBy: { seq: 'asc' } } } });
  if (!row || (!row.publishedAt && !authorize(principal, 'read_draft_catalogue').allowed)) throw notFound('Catalogue');
  const ids = row.entries.flatMap((e) => (e.matterId ? [e.matterId] : []));
  const matters = await deps.db.prisma.matter.findMany({ where: { id: { in: ids } }, select: { id: true, state: true } });
  const scope = readScope(principal);
  const section = principal.sectionId ? await deps.db.prisma.section.findUnique({ where: { id: principal.sectionId }, select: { id: true, name: true } }) : null;
  const states = new Map(matters.flatMap((m) => (m.state === null ? [] : [[m.id, parseMatterState(m.state, m.id)] as const])));
  return {
    year,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    approvalRef: row.approvalRef,
    entries: row.entries.map((e) => {
      const state = e.matterId ? states.get(e.matterId) ?? null : null;
      const visible = state !== null && inReadScope(scope, matterAccessOf(state));
      const progress: EntryProgress = entryProgress(visible ? state : null);
      const shown = visible || !e.matterId ? { progress, progressLabel: ENTRY_PROGRESS_LABELS[progress] } : REGISTERED_PROGRESS;
      return {
        id: e.id, seq: e.seq, title: e.title, category: e.category, categoryLabel: CATALOGUE_CATEGORY_LABELS[e.category as 1] ?? String(e.category), unit: e.unit,
        summary: e.summary, planned: e.planned, addedLaterReason: e.addedLaterReason, addedAt: e.addedAt.toISOString(),
        matter: state && visible ? { id: state.matterId, title: state.title, stage: state.stage, stageLabel: STAGE_LABELS[state.stage] } : null,
        ...shown,
        ofMyUnit: section !== null && entryOfUnit(e.unit, section),
      };
    }),
  };
}

function catalogueHtml(c: CatalogueView): string {
  const rows = c.entries.map((e) => `<tr><td>${e.seq}</td><td>${esc(e.title)}${e.summary ? `<div class="muted">${esc(e.summary)}</div>` : ''}</td><td>${esc(e.categoryLabel)}</td><td>${esc(e.unit)}</td><td>${esc(e.planned ?? '')}</td><td>${esc(e.progressLabel)}${e.matter ? `<div class="muted">${esc(e.matter.stageLabel)}</div>` : ''}</td><td>${esc(e.addedLaterReason ?? '')}</td></tr>`).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${c.year}年度重大行政决策事项目录</title>
<style>${PRINT_STYLE}</style></head><body>
<h1>${c.year}年度重大行政决策事项目录</h1>
<p class="sub">${c.publishedAt ? `经同级党委同意（${esc(c.approvalRef)}），${esc(c.publishedAt.slice(0, 10))}公布` : '未公布（草稿）'} · 《重大行政决策程序暂行条例》第三条第三款</p>
<table><thead><tr><th>序号</th><th>决策事项</th><th>类别</th><th>承办单位</th><th>计划完成时间</th><th>进展</th><th>调整理由</th></tr></thead><tbody>${rows}</tbody></table>
</body></html>`;
}

/**
 * The yearly catalogue of major decisions (年度重大行政决策事项目录, 713号令第3条第3款): the legal unit keeps it
 * and publishes it once the Party committee agreed; entries added after publication state why; a major decision
 * registered for an entry links to it (registration `catalogue.entryId`), and the catalogue shows each entry's progress.
 */
export function catalogueRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/api/v1/catalogue/:year', summary: 'The yearly catalogue of major decisions with each entry\'s progress (as far as the caller may read its matter; before publication only for the legal unit, auditors and drafters)', tags: ['catalogue'], auth: true, params: yearParams,
      responses: { 200: { description: 'Catalogue', schema: catalogueView }, 404: { description: 'No catalogue for the year, or not published and the caller neither keeps it, audits it nor drafts for it' } },
      handler: ({ params, principal }) => catalogueOf(deps, principal!, params.year),
    }),
    defineRoute({
      method: 'get', path: '/api/v1/catalogue/:year/print', summary: 'The catalogue as a printable page', tags: ['catalogue'], auth: true, params: yearParams,
      responses: { 200: { description: 'HTML', schema: z.string(), contentType: 'text/html' } },
      handler: async ({ res, params, principal }) => {
        res.type('text/html; charset=utf-8').send(catalogueHtml(await catalogueOf(deps, principal!, params.year)));
      },
    }),
    defineRoute({
      method: 'post', path: '/api/v1/catalogue/:year/entries', summary: 'Add an entry (after publication: with the reason, 调整目录); may link a major decision already registered', tags: ['catalogue'], auth: true, params: yearParams, body: catalogueEntryInput,
      responses: { 201: { description: 'The catalogue', schema: catalogueView } },
      handler: async ({ res, params, body, principal }) => {
        mayManage(principal!);
        const catalogue = await deps.db.prisma.decisionCatalogue.upsert({ where: { year: params.year }, create: { year: params.year }, update: {} });
        const problem = entryProblem(body, { publishedAt: catalogue.publishedAt?.toISOString() ?? null });
        if (problem) throw new ProblemError(422, 'Cannot add this entry', { code: problem.code, detail: problem.reason, errors: [{ field: problem.field, message: problem.reason }] });
        if (body.matterId) {
          const m = await deps.db.prisma.matter.findUnique({ where: { id: body.matterId }, select: { state: true } });
          if (!m?.state || !isMajorDecision(parseMatterState(m.state, body.matterId))) throw new ProblemError(422, 'Cannot link this matter', { code: 'not_a_major_decision', errors: [{ field: 'body.matterId', message: 'must be a registered major decision' }] });
          if (await deps.db.prisma.decisionCatalogueEntry.findUnique({ where: { matterId: body.matterId } })) throw new ProblemError(409, 'Already in the catalogue', { code: 'catalogue_entry_taken', errors: [{ field: 'body.matterId', message: 'already linked to an entry' }] });
        }
        // Numbers follow on within the year; two adding at once: the unique (year, seq) index makes one retry.
        for (let attempt = 0; ; attempt++) {
          try {
            await deps.db.prisma.$transaction(async (tx) => {
              const last = await tx.decisionCatalogueEntry.aggregate({ where: { year: params.year }, _max: { seq: true } });
              await tx.decisionCatalogueEntry.create({ data: {
                id: crypto.randomUUID(), year: params.year, seq: (last._max.seq ?? 0) + 1, title: body.title, category: body.category, unit: body.unit,
                summary: body.summary ?? null, planned: body.planned ?? null, addedLaterReason: body.addedLaterReason ?? null, addedById: principal!.userId, matterId: body.matterId ?? null,
              } });
            });
            break;
          } catch (err) {
            if (attempt >= 4 || (err as { code?: string }).code !== 'P2002') throw err;
          }
        }
        res.status(201).json(await catalogueOf(deps, principal!, params.year));
      },
    }),
    defineRoute({
      method: 'post', path: '/api/v1/catalogue/:year/publish', summary: 'Publish the catalogue once the Party committee agreed (713号令第3条第3款)', tags: ['catalogue'], auth: true, params: yearParams, body: publishCatalogueInput,
      responses: { 200: { description: 'The published catalogue', schema: catalogueView } },
      handler: async ({ params, body, principal }) => {
        mayManage(principal!);
        const row = await deps.db.prisma.decisionCatalogue.findUnique({ where: { year: params.year }, include: { _count: { select: { entries: true } } } });
        if (!row) throw notFound('Catalogue');
        if (row.publishedAt) throw new ProblemError(409, 'Already published', { code: 'already_published' });
        if (row._count.entries === 0) throw new ProblemError(422, 'Empty catalogue', { code: 'catalogue_empty' });
        await deps.db.prisma.decisionCatalogue.update({ where: { year: params.year }, data: { publishedAt: new Date(), publishedBy: principal!.userId, approvalRef: body.approvalRef } });
        return catalogueOf(deps, principal!, params.year);
      },
    }),
  ];
}
