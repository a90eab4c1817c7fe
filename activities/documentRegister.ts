/**
 * The document register's storage (统一登记、统一编号): numbers assigned from a per-series, per-year counter
 * row incremented in the same transaction that registers the document, and the document's events appended
 * to its own hash chain with the register row's status — each idempotent (by matter; by document and key).
 */
import type { Logger } from '../platform/logger';
import type { Database } from '../platform/database';
import { formatDocumentNumber } from '../domain/lifecycle/numbering';
import { REGISTER_GENESIS_HASH, registerEventHash } from '../domain/lifecycle/registerChain';
import type { DocumentStatus } from '../domain/lifecycle/documentLife';
import { onceByKey } from './trail/storeOnce';
import { assignments, insertRow, insertRows, REGISTER_DOCUMENT_COLUMNS, REGISTER_EVENT_COLUMNS } from './sqlRows';

/** What the register's writes need of the database: its driver (Prisma compiled each query anew on every call). */
type RegisterDatabase = Pick<Database, 'query' | 'transaction'>;

export interface NumberRequest {
  matterId: string;
  series: string;
  pattern: string;
  year: number;
  title: string;
  kind: string;
  draftingUnit: string;
  versionHash: string;
  signedAt: string;
  effectiveAt?: string | null;
  expiresAt?: string | null;
  earlyEffectReason?: string | null;
  exceptionEndsAt?: string | null;
  /** The document's own workflow (its life after issue). */
  documentWorkflowId: string;
}

export interface AssignedNumber {
  number: string;
  series: string;
  year: number;
  seq: number;
}

/**
 * The next number of the series for this matter's document, registered with it. A matter gets one number:
 * asked again (a retried activity, a signing refused by the database and sent again) it gets the same one.
 * Concurrent signings serialise on the counter row (INSERT … ON CONFLICT DO UPDATE locks it) so two never
 * take the same number, and a failed transaction rolls the counter back with the row: no gaps.
 */
export async function assignDocumentNumber(db: RegisterDatabase, r: NumberRequest): Promise<AssignedNumber> {
  // Two attempts for the same matter racing: the winner's number is the matter's (the loser's counter step rolls back).
  const find = async () => (await db.query<AssignedNumber>('SELECT number, series, year, seq FROM register_document WHERE matter_id = $1', [r.matterId]))[0] ?? null;
  return onceByKey(find, () =>
    // Signings queue on the counter row: waiting for a connection or the lock is normal under load.
    db.transaction(async (sql) => {
      const counted = await sql.query<{ last_number: number }>(
        `INSERT INTO document_series_counter (series, year, last_number) VALUES ($1, $2::int, 1)
         ON CONFLICT (series, year) DO UPDATE SET last_number = document_series_counter.last_number + 1
         RETURNING last_number`,
        [r.series, r.year],
      );
      const seq = Number(counted[0]!.last_number);
      const number = formatDocumentNumber(r.pattern, r.year, seq);
      // created_at: the transaction's time in UTC, as Prisma's @default(now()) wrote it.
      await insertRows(sql, 'register_document', REGISTER_DOCUMENT_COLUMNS, [{
        id: r.matterId,
        matterId: r.matterId,
        series: r.series,
        year: r.year,
        seq,
        number,
        title: r.title,
        kind: r.kind,
        draftingUnit: r.draftingUnit,
        versionHash: r.versionHash,
        signedAt: r.signedAt,
        effectiveAt: r.effectiveAt || null,
        expiresAt: r.expiresAt || null,
        earlyEffectReason: r.earlyEffectReason ?? null,
        exceptionEndsAt: r.exceptionEndsAt || null,
        // In force once put out (published): the document's workflow says so with its first event.
        status: 'signed',
        workflowId: r.documentWorkflowId,
      }], { createdAtNow: true });
      return { number, series: r.series, year: r.year, seq };
    }), (stored) => stored);
}

export interface RegisterEventInput {
  documentId: string;
  actionKey: string;
  kind: string;
  actorId: string;
  summary: string;
  data?: unknown;
  at: string;
  /** What the event changes in the register row. */
  set?: {
    status?: DocumentStatus;
    statusReason?: string;
    effectiveAt?: string;
    expiresAt?: string | null;
    /** null: the amending matter ended without issuing (the document is decided on again). */
    amendingMatterId?: string | null;
    reevaluationOpenedAt?: string | null;
    exceptionReviewDueAt?: string;
  };
  /** Send to the notification webhook (reminders and tasks for the legal unit). */
  notify?: { type: string; label: string };
}

export interface RegisterHead {
  seq: number;
  hash: string;
}

/** Appends one event to the document's chain with the row's changes, in one transaction; once per key. */
export async function recordRegisterEvent(deps: { db: RegisterDatabase; webhookUrl?: string; log: Logger }, e: RegisterEventInput): Promise<RegisterHead> {
  const head = await storeRegisterEventOnce(deps.db, e);
  if (e.notify) {
    deps.log.info({ documentId: e.documentId, kind: e.kind }, e.summary);
    if (deps.webhookUrl) {
      const res = await fetch(deps.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `register:${e.documentId}:${e.actionKey}` },
        body: JSON.stringify({ type: e.notify.type, documentId: e.documentId, matterId: e.documentId, label: e.notify.label, summary: e.summary, raisedAt: e.at }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`notification webhook answered ${res.status}`);
    }
  }
  return head;
}

async function storeRegisterEventOnce(db: RegisterDatabase, e: RegisterEventInput): Promise<RegisterHead> {
  const find = async () => (await db.query<RegisterHead>('SELECT seq, hash FROM register_event WHERE document_id = $1 AND action_key = $2', [e.documentId, e.actionKey]))[0] ?? null;
  return onceByKey(find, () =>
    db.transaction(async (sql) => {
      const rows = await sql.query<{ trail_head_seq: number; trail_head_hash: string | null }>('SELECT trail_head_seq, trail_head_hash FROM register_document WHERE id = $1 FOR UPDATE', [e.documentId]);
      const row = rows[0];
      if (!row) throw new Error(`register document ${e.documentId} does not exist`);
      const seq = row.trail_head_seq + 1;
      const fields = { documentId: e.documentId, seq, actionKey: e.actionKey, kind: e.kind, actorId: e.actorId, summary: e.summary, data: e.data ?? null, at: new Date(e.at).toISOString(), prevHash: row.trail_head_hash ?? REGISTER_GENESIS_HASH };
      const hash = registerEventHash(fields);
      // A JSON null is stored as SQL NULL (as Prisma's DbNull was).
      await insertRow(sql, 'register_event', REGISTER_EVENT_COLUMNS, { ...fields, id: `${e.documentId}:${seq}`, hash });
      const set = e.set ?? {};
      const changes = assignments(REGISTER_DOCUMENT_COLUMNS, {
        trailHeadSeq: seq,
        trailHeadHash: hash,
        ...(set.status ? { status: set.status, statusChangedAt: e.at, statusReason: set.statusReason ?? e.summary } : {}),
        ...(set.effectiveAt ? { effectiveAt: set.effectiveAt } : {}),
        ...(set.expiresAt !== undefined ? { expiresAt: set.expiresAt || null } : {}),
        ...(set.amendingMatterId !== undefined ? { amendingMatterId: set.amendingMatterId || null } : {}),
        ...(set.reevaluationOpenedAt !== undefined ? { reevaluationOpenedAt: set.reevaluationOpenedAt || null } : {}),
        ...(set.exceptionReviewDueAt ? { exceptionReviewDueAt: set.exceptionReviewDueAt } : {}),
      }, 2);
      await sql.query(`UPDATE register_document SET ${changes.text} WHERE id = $1`, [e.documentId, ...changes.params]);
      return { seq, hash };
    }), (stored) => stored);
}
