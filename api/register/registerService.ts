/**
 * The document register as the API serves it: the register rows (numbers, dates, status after issue) with
 * what the matter's projection knows (publication, filing), and decisions relayed to each document's workflow.
 */
import { WorkflowNotFoundError } from '@temporalio/client';
import type { RegisterDocument } from '../../prisma/generated/client';
import { authorize, seesRegisterDocument } from '../../domain/permissions';
import { matterAccessOf, parseMatterState, TERMINAL_STAGES } from '../../domain/procedure';
import type { DocumentDecision } from '../../domain/lifecycle/documentLife';
import { verifyRegisterChain, type RegisterChainVerdict } from '../../domain/lifecycle/registerChain';
import { decideDocumentUpdate, documentViewQuery, type DocumentView } from '../../workflows/documentDefinitions';
import { forbidden, notFound, ProblemError } from '../http/problem';
import { problemFromTemporal } from '../matters/temporalErrors';
import { linkedMatterProblem } from '../matters/linkedIds';
import { actorOf } from '../matters/matterService';
import { claimIdempotencyKey } from '../http/idempotency';
import type { Principal } from '../auth/principal';
import type { ApiDeps } from '../deps';

export interface RegisterQuery {
  status?: string;
  year?: number;
  kind?: string;
  draftingUnit?: string;
  /** Words in the title (a topic). */
  q?: string;
}

export function requireRegister(principal: Principal, action: 'read_register' | 'decide_document' | 'run_cleanup' | 'download_filing_package'): void {
  const verdict = authorize(principal, action);
  if (!verdict.allowed) throw forbidden(verdict.reason);
}

export async function registerRows(deps: ApiDeps, q: RegisterQuery): Promise<RegisterDocument[]> {
  return deps.db.prisma.registerDocument.findMany({
    where: {
      ...(q.status ? { status: q.status } : {}),
      ...(q.year ? { year: q.year } : {}),
      ...(q.kind ? { kind: q.kind } : {}),
      ...(q.draftingUnit ? { draftingUnit: q.draftingUnit } : {}),
      ...(q.q ? { title: { contains: q.q } } : {}),
    },
    orderBy: [{ year: 'desc' }, { series: 'asc' }, { seq: 'asc' }],
  });
}

/**
 * Register rows as entries: numbers, the four dates, status, and links to the matter and its dossier. With a
 * viewer, only the documents that person sees (seesRegisterDocument: published ones, else those whose matter
 * they may read).
 */
export async function registerEntries(deps: ApiDeps, rows: RegisterDocument[], viewer?: Principal) {
  const matters = await deps.db.prisma.matter.findMany({ where: { id: { in: rows.map((r) => r.matterId) } }, select: { id: true, state: true } });
  const states = new Map(matters.map((m) => [m.id, m.state === null ? null : parseMatterState(m.state, m.id)]));
  const now = Date.now();
  return rows.flatMap((r) => {
    const s = states.get(r.matterId) ?? null;
    // 依法不予公开 (713号令第32条): the publication step is done, nothing was published.
    const publication = s?.postDecision.publication?.withheld ? null : s?.postDecision.publication ?? null;
    const filing = s?.postDecision.filing ?? null;
    if (viewer && !seesRegisterDocument(viewer, { published: publication !== null }, s ? matterAccessOf(s) : null)) return [];
    return [{
      id: r.id,
      number: r.number,
      title: r.title,
      kind: r.kind,
      draftingUnit: r.draftingUnit,
      series: r.series,
      year: r.year,
      seq: r.seq,
      signedAt: r.signedAt.toISOString(),
      publishedAt: publication?.at ?? null,
      effectiveAt: r.effectiveAt?.toISOString() ?? null,
      expiresAt: r.expiresAt?.toISOString() ?? null,
      // A reason given at publication (the date signed came too close to it) is in the matter, not the row numbered at signing.
      earlyEffectReason: s?.postDecision.signing?.earlyEffectReason ?? r.earlyEffectReason,
      retroactiveReason: s?.postDecision.signing?.retroactiveReason ?? null,
      status: r.status,
      /** In force but its effective date not reached yet. */
      notYetEffective: r.status === 'in_force' && r.effectiveAt !== null && r.effectiveAt.getTime() > now,
      statusChangedAt: r.statusChangedAt?.toISOString() ?? null,
      statusReason: r.statusReason,
      amendingMatterId: r.amendingMatterId,
      reevaluationOpenedAt: r.reevaluationOpenedAt?.toISOString() ?? null,
      exceptionEndsAt: r.exceptionEndsAt?.toISOString() ?? null,
      exceptionReviewDueAt: r.exceptionReviewDueAt?.toISOString() ?? null,
      filing: filing ? { authority: filing.authority, receipt: filing.reference, at: filing.at } : null,
      links: { matter: `/api/v1/matters/${r.matterId}`, dossier: `/api/v1/matters/${r.matterId}/dossier.html`, filingPackage: `/api/v1/register/${r.id}/filing-package`, web: `#/matters/${r.matterId}` },
    }];
  });
}

export type RegisterEntry = Awaited<ReturnType<typeof registerEntries>>[number];

export async function registerRow(deps: ApiDeps, id: string): Promise<RegisterDocument> {
  const row = await deps.db.prisma.registerDocument.findUnique({ where: { id } });
  if (!row) throw notFound('Register document');
  return row;
}

/**
 * A document's workflow is started with the answer to the action that issues it (DOCUMENT_LIFE_UNAWAITED_PATCH
 * in workflows/matterWorkflow.ts), so for a moment after that answer the server may not have created it yet. A
 * decision on a row still 'signed' (its workflow has not recorded the issue) that finds no workflow is sent
 * again for up to this long before it is answered that the document is not in force.
 */
const DOCUMENT_START_WAIT_MS = 3_000;

async function whenDocumentWorkflowExists<T>(row: RegisterDocument, send: () => Promise<T>): Promise<T> {
  const until = Date.now() + DOCUMENT_START_WAIT_MS;
  for (let pause = 25; ; pause = Math.min(pause * 2, 400)) {
    try {
      return await send();
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError) || row.status !== 'signed' || Date.now() + pause > until) throw err;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/**
 * The matter named to draft an amendment: another matter of the document's kind, still in its procedure (a
 * withdrawn or closed one drafts nothing, and the document's own matter is the text being amended). 'unknown'
 * is left to the document's workflow to refuse (AMENDING_MATTER_UNKNOWN); the rest is refused here.
 */
async function amendingMatterProblem(deps: ApiDeps, row: RegisterDocument, matterId: string): Promise<'unknown' | null> {
  const m = await deps.db.prisma.matter.findUnique({ where: { id: matterId }, select: { id: true, kind: true, stage: true, draftingUnit: true } });
  if (!m) return 'unknown';
  const why = linkedMatterProblem(m, { self: { id: row.matterId, name: 'the document\'s own matter' }, kind: row.kind, ended: TERMINAL_STAGES });
  if (why) throw new ProblemError(422, 'Cannot amend through this matter', { code: 'AMENDING_MATTER_UNSUITABLE', detail: `matter ${matterId} ${why}: an amendment is drafted in a new matter of the same kind, still in its procedure`, errors: [{ field: 'body.amendingMatterId', message: why }] });
  return null;
}

/** A re-evaluation or clean-up decision, relayed to the document's workflow as its `decide` Update. */
export async function decideOnDocument(deps: ApiDeps, principal: Principal, id: string, decision: DocumentDecision, ctx: { idempotencyKey?: string; requestId: string }) {
  requireRegister(principal, 'decide_document');
  const row = await registerRow(deps, id);
  const amendingMatterExists = decision.amendingMatterId ? (await amendingMatterProblem(deps, row, decision.amendingMatterId)) !== 'unknown' : undefined;
  if (ctx.idempotencyKey) await claimIdempotencyKey(deps.db, principal.userId, ctx.idempotencyKey, { route: 'register-decide', resource: id, body: decision });
  const actionKey = ctx.idempotencyKey ? `k:${principal.userId}:${ctx.idempotencyKey}` : `r:${principal.userId}:${ctx.requestId}`;
  try {
    return await whenDocumentWorkflowExists(row, () =>
      deps.temporal.workflow.getHandle(row.workflowId).executeUpdate(decideDocumentUpdate, {
        args: [{ decision, actor: actorOf(principal), actionKey, ...(amendingMatterExists !== undefined ? { amendingMatterExists } : {}) }],
        updateId: actionKey,
      }),
    );
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw new ProblemError(409, 'Not in force', { detail: `${row.number} is ${row.status}: no decision can be taken on it`, code: 'DOCUMENT_NOT_IN_FORCE' });
    throw problemFromTemporal(err) ?? err;
  }
}

/** The document's events with the chain verified against the heads in the register row and the workflow. */
export async function registerEvents(deps: ApiDeps, row: RegisterDocument): Promise<{ events: Array<Record<string, unknown>>; verdict: RegisterChainVerdict }> {
  const events = await deps.db.prisma.registerEvent.findMany({ where: { documentId: row.id }, orderBy: { seq: 'asc' } });
  const heads: Array<{ seq: number; hash: string | null; where: string }> = [{ seq: row.trailHeadSeq, hash: row.trailHeadHash, where: 'register row' }];
  try {
    const live: DocumentView = await deps.temporal.workflow.getHandle(row.workflowId).query(documentViewQuery);
    if (live.head) heads.push({ ...live.head, where: 'document workflow' });
  } catch (err) {
    deps.log.warn({ err, documentId: row.id }, 'register verification without the workflow\'s head');
  }
  const plain = events.map((e) => ({ documentId: e.documentId, seq: e.seq, actionKey: e.actionKey, kind: e.kind, actorId: e.actorId, summary: e.summary, data: e.data ?? null, at: e.at.toISOString(), prevHash: e.prevHash, hash: e.hash }));
  return { events: plain, verdict: verifyRegisterChain(plain, heads, { status: row.status, expiresAt: row.expiresAt?.toISOString() ?? null }) };
}
