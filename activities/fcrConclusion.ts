import type { Sql } from '../platform/database';
import { FCR_CONCLUSION_DOCUMENT_COLUMNS, insertRow } from './sqlRows';
import { writeConclusionDocument } from '../domain/fair-competition/conclusionDocument';
import type { ActionRecord, ActionWithState } from './types';

/** Whether the action stores the fair-competition review's written conclusion. */
export const storesFcrConclusionDocument = (a: Pick<ActionRecord, 'command'>): boolean => a.command.type === 'record_fcr_conclusion';

/**
 * The written conclusion is generated from the review record and stored with the matter in the same
 * transaction as the action that concluded the review.
 */
export async function storeFcrConclusionDocument(sql: Sql, a: ActionWithState): Promise<void> {
  const cmd = a.command;
  if (!storesFcrConclusionDocument(a) || cmd.type !== 'record_fcr_conclusion') return;
  const version = a.state.versions.find((v) => v.hash === cmd.versionHash)!;
  const [reviewer] = await sql.query<{ displayName: string }>('SELECT display_name AS "displayName" FROM app_user WHERE id = $1', [a.actor.userId]);
  const answered = (a.state.fairCompetition.findings ?? []).filter((f) => f.versionHash === cmd.versionHash);
  const details = answered.length === 0 ? [] : await sql.query<{ id: string; excerpt: string }>('SELECT id, excerpt FROM fcr_finding WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))', [JSON.stringify(answered.map((f) => f.id))]);
  const text = writeConclusionDocument({
    matterTitle: a.state.title,
    versionNumber: version.number,
    versionHash: cmd.versionHash,
    conclusion: cmd.conclusion,
    summary: cmd.summary,
    reviewerName: reviewer?.displayName ?? a.actor.username,
    concludedAt: a.at,
    review: cmd.review,
    findings: answered.map((f) => ({ code: f.code, excerpt: details.find((d) => d.id === f.id)?.excerpt ?? '', status: f.status, reason: f.reason })),
  });
  // Scoped by matter: the id the reviewer chose cannot collide with another matter's document.
  await insertRow(sql, 'fcr_conclusion_document', FCR_CONCLUSION_DOCUMENT_COLUMNS, { id: fcrDocumentRowId(a.matterId, cmd.documentId), matterId: a.matterId, versionHash: cmd.versionHash, conclusion: cmd.conclusion, text, createdById: a.actor.userId, createdAt: a.at });
}

/** The stored row's id: the document id the reviewer (or the server) chose, within its matter. */
export function fcrDocumentRowId(matterId: string, documentId: string): string {
  return `${matterId}/${documentId}`;
}

/** The document id as the reviewer knows it, from a stored row (rows from before scoping carry it bare). */
export function fcrDocumentIdOf(matterId: string, rowId: string): string {
  return rowId.startsWith(`${matterId}/`) ? rowId.slice(matterId.length + 1) : rowId;
}
