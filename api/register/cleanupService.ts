/**
 * Clean-ups (清理) as the API runs them: a clean-up takes in the register's documents in force within its
 * scope, each decision goes to the document's workflow (the same `decide` Update as a re-evaluation) and is
 * kept with the clean-up, and publishing stores the lists once every document has its decision.
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import { type Prisma, type RegisterCleanup } from '../../prisma/generated/client';
import { cleanupDocuments, cleanupLists, matchesScope, undecided, type CleanupDecisionRecord, type CleanupDocument, type CleanupLists, type CleanupScope } from '../../domain/lifecycle/cleanup';
import type { DocumentDecision } from '../../domain/lifecycle/documentLife';
import { notFound, ProblemError } from '../http/problem';
import { decideOnDocument, registerEntries, registerRows, requireRegister, type RegisterEntry } from './registerService';
import type { Principal } from '../auth/principal';
import type { ApiDeps } from '../deps';

const asJson = (v: unknown) => v as Prisma.InputJsonValue;

const listEntry = z.object({ id: z.string(), number: z.string(), title: z.string(), effectiveAt: z.string().nullable(), expiresAt: z.string().nullable(), reason: z.string().nullable(), amendingMatterId: z.string().optional() });
/** The lists as published (stored JSON, parsed on read). */
const storedLists = z.object({ inForce: z.array(listEntry), amended: z.array(listEntry), repealed: z.array(listEntry), expired: z.array(listEntry) });

export function scopeText(scope: CleanupScope): string {
  const parts = [scope.draftingUnit ? `承办科室 ${scope.draftingUnit}` : '', scope.kind ? `类型 ${scope.kind}` : '', scope.topic ? `主题“${scope.topic}”` : ''].filter(Boolean);
  return parts.length ? parts.join('，') : '全部现行有效文件';
}

function decisionsOf(c: RegisterCleanup): CleanupDecisionRecord[] {
  return Array.isArray(c.decisions) ? (c.decisions as unknown[]).filter((d): d is CleanupDecisionRecord => typeof d === 'object' && d !== null && 'documentId' in d) : [];
}

function asDoc(e: RegisterEntry): CleanupDocument {
  return { id: e.id, number: e.number, title: e.title, kind: e.kind, draftingUnit: e.draftingUnit, status: e.status, effectiveAt: e.effectiveAt, expiresAt: e.expiresAt, statusChangedAt: e.statusChangedAt, amendingMatterId: e.amendingMatterId ?? null };
}

export async function startCleanup(deps: ApiDeps, principal: Principal, input: { title: string; scope: CleanupScope }) {
  requireRegister(principal, 'run_cleanup');
  const entries = await registerEntries(deps, await registerRows(deps, {}));
  const docs = cleanupDocuments(entries, input.scope);
  if (docs.length === 0) throw new ProblemError(422, 'Nothing to clean up', { detail: `no document in force within ${scopeText(input.scope)}`, code: 'CLEANUP_EMPTY' });
  const row = await deps.db.prisma.registerCleanup.create({
    data: { id: `cleanup-${crypto.randomUUID()}`, title: input.title, scope: asJson(input.scope), documentIds: docs.map((d) => d.id), decisions: asJson([]), startedBy: principal.userId, startedAt: new Date() },
  });
  return cleanupView(deps, row, principal);
}

/**
 * The clean-ups, newest first, each with the number of its documents `viewer` sees: those their view of the
 * clean-up shows (cleanupView), not a document they may not see (seesRegisterDocument).
 */
export async function cleanupSummaries(deps: ApiDeps, viewer: Principal) {
  const rows = await deps.db.prisma.registerCleanup.findMany({ orderBy: { startedAt: 'desc' }, take: 200 });
  const ids = [...new Set(rows.flatMap((r) => r.documentIds))];
  const documents = ids.length ? await deps.db.prisma.registerDocument.findMany({ where: { id: { in: ids } } }) : [];
  const visible = new Set((await registerEntries(deps, documents, viewer)).map((e) => e.id));
  return rows.map((r) => ({ id: r.id, title: r.title, startedAt: r.startedAt.toISOString(), publishedAt: r.publishedAt?.toISOString() ?? null, documents: r.documentIds.filter((id) => visible.has(id)).length }));
}

export async function cleanupRow(deps: ApiDeps, id: string): Promise<RegisterCleanup> {
  const row = await deps.db.prisma.registerCleanup.findUnique({ where: { id } });
  if (!row) throw notFound('Clean-up');
  return row;
}

/**
 * The clean-up with its documents as they stand, the decisions, what is undecided, and the lists — as `viewer` may
 * see them: a document not published (an enforcement decision without social impact) is shown only to those who may
 * read its matter, as in the register itself (seesRegisterDocument), in the lists as published too.
 */
export async function cleanupView(deps: ApiDeps, row: RegisterCleanup, viewer: Principal | 'whole') {
  const scope = row.scope as CleanupScope;
  // The register read once, as the viewer sees it: a document they may not see is in none of the parts below.
  const entries = await registerEntries(deps, await registerRows(deps, {}), viewer === 'whole' ? undefined : viewer);
  const visible = new Set(entries.map((e) => e.id));
  const seen = <T extends { id: string }>(xs: T[]): T[] => xs.filter((x) => visible.has(x.id));
  const mine = entries.filter((e) => row.documentIds.includes(e.id));
  const decisions = decisionsOf(row).filter((d) => visible.has(d.documentId));
  // The expired list names every expired document within the scope, also those that expired before.
  const expiredElsewhere = entries.filter((e) => !row.documentIds.includes(e.id) && e.status === 'expired' && matchesScope(e, scope));
  const stored = row.lists ? storedLists.parse(row.lists) : null;
  const lists: CleanupLists = stored
    ? { inForce: seen(stored.inForce), amended: seen(stored.amended), repealed: seen(stored.repealed), expired: seen(stored.expired) }
    : cleanupLists([...mine, ...expiredElsewhere].map(asDoc), decisions);
  return {
    id: row.id,
    title: row.title,
    scope,
    scopeText: scopeText(scope),
    startedBy: row.startedBy,
    startedAt: row.startedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    documents: mine,
    decisions,
    undecided: undecided(mine.map(asDoc), decisions).map((d) => d.id),
    lists,
  };
}

export async function decideInCleanup(deps: ApiDeps, principal: Principal, cleanupId: string, input: DocumentDecision & { documentId: string }, ctx: { idempotencyKey?: string; requestId: string }) {
  requireRegister(principal, 'run_cleanup');
  const row = await cleanupRow(deps, cleanupId);
  if (row.publishedAt) throw new ProblemError(409, 'Published', { detail: 'the clean-up is published; its decisions are final', code: 'CLEANUP_PUBLISHED' });
  if (!row.documentIds.includes(input.documentId)) throw new ProblemError(422, 'Not in this clean-up', { detail: `${input.documentId} is not among this clean-up's documents`, code: 'NOT_IN_CLEANUP' });
  if (decisionsOf(row).some((d) => d.documentId === input.documentId)) throw new ProblemError(409, 'Already decided', { detail: `${input.documentId} has its decision in this clean-up`, code: 'ALREADY_DECIDED' });
  const { documentId, ...decision } = input;
  const result = await decideOnDocument(deps, principal, documentId, { ...decision, cleanupId }, ctx);
  const record: CleanupDecisionRecord = { documentId, ...decision, by: principal.userId, at: new Date().toISOString() };
  // Appended under the row's lock: two decisions at once both stay.
  await deps.db.prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ decisions: unknown }>>`SELECT decisions FROM register_cleanup WHERE id = ${cleanupId} FOR UPDATE`;
    const current = Array.isArray(locked[0]?.decisions) ? (locked[0]!.decisions as CleanupDecisionRecord[]) : [];
    if (current.some((d) => d.documentId === documentId)) return;
    await tx.registerCleanup.update({ where: { id: cleanupId }, data: { decisions: asJson([...current, record]) } });
  });
  return { summary: result.summary, cleanup: await cleanupView(deps, await cleanupRow(deps, cleanupId), principal) };
}

export async function publishCleanup(deps: ApiDeps, principal: Principal, cleanupId: string) {
  requireRegister(principal, 'run_cleanup');
  const row = await cleanupRow(deps, cleanupId);
  if (row.publishedAt) throw new ProblemError(409, 'Published', { detail: 'the clean-up is already published', code: 'CLEANUP_PUBLISHED' });
  // Judged and stored whole: the lists as published hold every document (each reader then sees their own part).
  const view = await cleanupView(deps, row, 'whole');
  if (view.undecided.length > 0) {
    const numbers = view.documents.filter((d) => view.undecided.includes(d.id)).map((d) => d.number);
    throw new ProblemError(422, 'Decisions missing', { detail: `每件文件须作出继续有效、修改或废止的决定 / every document needs its decision: ${numbers.join('、')}`, code: 'CLEANUP_UNDECIDED' });
  }
  await deps.db.prisma.registerCleanup.update({ where: { id: cleanupId }, data: { lists: asJson(view.lists), publishedAt: new Date(), publishedBy: principal.userId } });
  return cleanupView(deps, await cleanupRow(deps, cleanupId), principal);
}
