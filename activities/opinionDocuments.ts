import type { Sql } from '../platform/database';
import { insertRow, OPINION_DOCUMENT_COLUMNS } from './sqlRows';
import { utc } from '../platform/sqlTime';
import { sha256Hex } from '../domain/evidence';
import { lawyerOpinionHtml } from '../domain/documents/lawyerOpinion';
import { legalUnitOpinionHtml } from '../domain/documents/legalUnitOpinion';
import type { AnsweredFinding, OpinionMatter } from '../domain/documents/opinionRecord';
import { currentLegalityFindings, legalityPrescreenOf, type MatterState } from '../domain/procedure';
import type { TrailHead } from './trail/appendEntry';
import type { ActionRecord, ActionWithState } from './types';

/** The matter as the documents name it. */
const matterOf = (s: MatterState): OpinionMatter => ({ id: s.matterId, title: s.title, kind: s.kind, draftingUnit: s.draftingUnit });

/** The reviewed version's legality findings with their answers, in the order of the text. */
async function answeredFindings(sql: Sql, s: MatterState): Promise<AnsweredFinding[]> {
  const refs = currentLegalityFindings(s);
  if (refs.length === 0) return [];
  const rows = await sql.query<{ id: string; clause: string | null; code: string; excerpt: string; basis: string }>(
    'SELECT id, clause, code, excerpt, basis FROM legality_finding WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY start ASC',
    [JSON.stringify(refs.map((r) => r.id))],
  );
  const byId = new Map(refs.map((r) => [r.id, r]));
  return rows.map((row) => {
    const ref = byId.get(row.id)!;
    return {
      clause: row.clause,
      code: row.code,
      excerpt: row.excerpt,
      basis: row.basis,
      status: ref.status,
      ...(ref.amendment ? { amendment: ref.amendment } : {}),
      ...(ref.reason ? { reason: ref.reason } : {}),
    };
  });
}

async function personOf(sql: Sql, userId: string): Promise<{ name: string; organisation: string }> {
  const [user] = await sql.query<{ name: string; organisation: string }>(
    'SELECT u.display_name AS name, o.name AS organisation FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.id = $1',
    [userId],
  );
  return { name: user?.name ?? userId, organisation: user?.organisation ?? '' };
}

interface SignOffRow {
  id: string;
  lawyerId: string;
  versionNumber: number;
  versionHash: string;
  outcome: string;
  signedAt: string;
  payload: string;
  signature: string;
  publicKey: string;
}

const SIGN_OFF_SELECT = `SELECT id, lawyer_id AS "lawyerId", version_number AS "versionNumber", version_hash AS "versionHash", outcome,
  ${utc('signed_at')} AS "signedAt", payload, signature, public_key AS "publicKey" FROM sign_off`;

/** Whether the action stores an opinion document (the lawyer's, the legal unit's). */
export const storesOpinionDocument = (a: Pick<ActionRecord, 'command'>): boolean => a.command.type === 'submit_lawyer_opinion' || a.command.type === 'record_legality_conclusion';

/**
 * Generates and stores, in the action's transaction, the document an opinion action produces: the
 * lawyer's 合法性审核意见书 with the sign-off it carries, the legal unit's 合法性审核意见 with the trail entry
 * that records it. Ids derive from the action, so a retried activity writes nothing twice.
 */
export async function storeOpinionDocuments(sql: Sql, a: ActionWithState, head: TrailHead): Promise<void> {
  if (!storesOpinionDocument(a)) return;
  const command = a.command;
  const s = a.state;
  if (command.type === 'submit_lawyer_opinion') {
    const signOffId = `${a.matterId}:${a.actionKey}`;
    const [signOff] = await sql.query<SignOffRow>(`${SIGN_OFF_SELECT} WHERE id = $1`, [signOffId]);
    if (!signOff) throw new Error(`sign-off ${signOffId} was not stored`);
    const lawyer = await personOf(sql, signOff.lawyerId);
    const html = lawyerOpinionHtml({
      matter: matterOf(s),
      version: { number: signOff.versionNumber, sha256: signOff.versionHash },
      outcome: command.outcome,
      opinionText: command.text,
      checklist: command.checklist,
      findings: await answeredFindings(sql, s),
      register: legalityPrescreenOf(s).register?.entries ?? [],
      lawyer: { id: signOff.lawyerId, name: lawyer.name, firm: lawyer.organisation },
      signOff: {
        id: signOffId,
        signedAt: signOff.signedAt,
        signature: signOff.signature,
        publicKey: signOff.publicKey,
        payloadSha256: sha256Hex(signOff.payload),
        verifyPath: `/api/v1/matters/${a.matterId}/signoffs/${signOffId}/verify`,
      },
    });
    await insertRow(sql, 'opinion_document', OPINION_DOCUMENT_COLUMNS, { id: `${signOffId}:lawyer-opinion`, matterId: a.matterId, kind: 'lawyer_opinion', signOffId, versionHash: signOff.versionHash, html, createdById: signOff.lawyerId, createdAt: a.at });
    return;
  }
  if (command.type === 'record_legality_conclusion') {
    const version = s.versions.find((v) => v.hash === command.versionHash)!;
    const [signOff] = await sql.query<SignOffRow>(`${SIGN_OFF_SELECT} WHERE matter_id = $1 AND version_hash = $2 AND voided_at IS NULL ORDER BY signed_at DESC LIMIT 1`, [a.matterId, command.versionHash]);
    const legalUnit = await personOf(sql, a.actor.userId);
    const html = legalUnitOpinionHtml({
      matter: matterOf(s),
      version: { number: version.number, sha256: version.hash },
      outcome: command.outcome,
      text: command.text,
      amendments: command.amendments ?? [],
      missing: command.missing ?? [],
      ...(command.approvalAuthority ? { approvalAuthority: command.approvalAuthority } : {}),
      findings: await answeredFindings(sql, s),
      lawyerOpinion: signOff ? { signOffId: signOff.id, lawyerName: (await personOf(sql, signOff.lawyerId)).name, outcome: signOff.outcome as typeof command.outcome, signedAt: signOff.signedAt } : null,
      legalUnit: { id: a.actor.userId, name: legalUnit.name, unit: legalUnit.organisation },
      concludedAt: a.at,
      trail: { seq: head.seq, hash: head.hash, verifyPath: `/api/v1/matters/${a.matterId}/trail/verify` },
    });
    await insertRow(sql, 'opinion_document', OPINION_DOCUMENT_COLUMNS, { id: `${a.matterId}:${a.actionKey}:legal-unit-opinion`, matterId: a.matterId, kind: 'legal_unit_opinion', signOffId: signOff?.id ?? null, versionHash: command.versionHash, html, createdById: a.actor.userId, createdAt: a.at });
  }
}
