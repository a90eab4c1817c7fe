import type { Prisma } from '../prisma/generated/client';
import { sha256Hex } from '../domain/evidence';
import { lawyerOpinionHtml } from '../domain/documents/lawyerOpinion';
import { legalUnitOpinionHtml } from '../domain/documents/legalUnitOpinion';
import type { AnsweredFinding, OpinionMatter } from '../domain/documents/opinionRecord';
import { currentLegalityFindings, legalityPrescreenOf, type MatterState } from '../domain/procedure';
import type { TrailHead } from './trail/appendEntry';
import type { ActionRecord } from './types';

/** The matter as the documents name it. */
const matterOf = (s: MatterState): OpinionMatter => ({ id: s.matterId, title: s.title, kind: s.kind, draftingUnit: s.draftingUnit });

/** The reviewed version's legality findings with their answers, in the order of the text. */
async function answeredFindings(tx: Prisma.TransactionClient, s: MatterState): Promise<AnsweredFinding[]> {
  const refs = currentLegalityFindings(s);
  if (refs.length === 0) return [];
  const rows = await tx.legalityFinding.findMany({ where: { id: { in: refs.map((r) => r.id) } }, orderBy: { start: 'asc' } });
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

async function personOf(tx: Prisma.TransactionClient, userId: string): Promise<{ name: string; organisation: string }> {
  const user = await tx.user.findUnique({ where: { id: userId }, include: { organisation: true } });
  return { name: user?.displayName ?? userId, organisation: user?.organisation.name ?? '' };
}

/**
 * Generates and stores, in the action's transaction, the document an opinion action produces: the
 * lawyer's 合法性审核意见书 with the sign-off it carries, the legal unit's 合法性审核意见 with the trail entry
 * that records it. Ids derive from the action, so a retried activity writes nothing twice.
 */
export async function storeOpinionDocuments(tx: Prisma.TransactionClient, a: ActionRecord, head: TrailHead): Promise<void> {
  const command = a.command;
  const s = a.state;
  if (command.type === 'submit_lawyer_opinion') {
    const signOffId = `${a.matterId}:${a.actionKey}`;
    const signOff = await tx.signOff.findUniqueOrThrow({ where: { id: signOffId } });
    const lawyer = await personOf(tx, signOff.lawyerId);
    const html = lawyerOpinionHtml({
      matter: matterOf(s),
      version: { number: signOff.versionNumber, sha256: signOff.versionHash },
      outcome: command.outcome,
      opinionText: command.text,
      checklist: command.checklist,
      findings: await answeredFindings(tx, s),
      register: legalityPrescreenOf(s).register?.entries ?? [],
      lawyer: { id: signOff.lawyerId, name: lawyer.name, firm: lawyer.organisation },
      signOff: {
        id: signOffId,
        signedAt: signOff.signedAt.toISOString(),
        signature: signOff.signature,
        publicKey: signOff.publicKey,
        payloadSha256: sha256Hex(signOff.payload),
        verifyPath: `/api/v1/matters/${a.matterId}/signoffs/${signOffId}/verify`,
      },
    });
    await tx.opinionDocument.create({ data: { id: `${signOffId}:lawyer-opinion`, matterId: a.matterId, kind: 'lawyer_opinion', signOffId, versionHash: signOff.versionHash, html, createdById: signOff.lawyerId, createdAt: new Date(a.at) } });
    return;
  }
  if (command.type === 'record_legality_conclusion') {
    const version = s.versions.find((v) => v.hash === command.versionHash)!;
    const signOff = await tx.signOff.findFirst({ where: { matterId: a.matterId, versionHash: command.versionHash, voidedAt: null }, orderBy: { signedAt: 'desc' } });
    const legalUnit = await personOf(tx, a.actor.userId);
    const html = legalUnitOpinionHtml({
      matter: matterOf(s),
      version: { number: version.number, sha256: version.hash },
      outcome: command.outcome,
      text: command.text,
      amendments: command.amendments ?? [],
      missing: command.missing ?? [],
      ...(command.approvalAuthority ? { approvalAuthority: command.approvalAuthority } : {}),
      findings: await answeredFindings(tx, s),
      lawyerOpinion: signOff ? { signOffId: signOff.id, lawyerName: (await personOf(tx, signOff.lawyerId)).name, outcome: signOff.outcome as typeof command.outcome, signedAt: signOff.signedAt.toISOString() } : null,
      legalUnit: { id: a.actor.userId, name: legalUnit.name, unit: legalUnit.organisation },
      concludedAt: a.at,
      trail: { seq: head.seq, hash: head.hash, verifyPath: `/api/v1/matters/${a.matterId}/trail/verify` },
    });
    await tx.opinionDocument.create({ data: { id: `${a.matterId}:${a.actionKey}:legal-unit-opinion`, matterId: a.matterId, kind: 'legal_unit_opinion', signOffId: signOff?.id ?? null, versionHash: command.versionHash, html, createdById: a.actor.userId, createdAt: new Date(a.at) } });
  }
}
