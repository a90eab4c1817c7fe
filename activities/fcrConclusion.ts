import type { Prisma } from '../prisma/generated/client';
import { writeConclusionDocument } from '../domain/fair-competition/conclusionDocument';
import type { ActionRecord } from './types';

/**
 * The written conclusion is generated from the review record and stored with the matter in the same
 * transaction as the action that concluded the review.
 */
export async function storeFcrConclusionDocument(tx: Prisma.TransactionClient, a: ActionRecord): Promise<void> {
  const cmd = a.command;
  if (cmd.type !== 'record_fcr_conclusion') return;
  const version = a.state.versions.find((v) => v.hash === cmd.versionHash)!;
  const reviewer = await tx.user.findUnique({ where: { id: a.actor.userId }, select: { displayName: true } });
  const answered = (a.state.fairCompetition.findings ?? []).filter((f) => f.versionHash === cmd.versionHash);
  const details = await tx.fcrFinding.findMany({ where: { id: { in: answered.map((f) => f.id) } } });
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
  await tx.fcrConclusionDocument.create({
    data: { id: cmd.documentId, matterId: a.matterId, versionHash: cmd.versionHash, conclusion: cmd.conclusion, text, createdById: a.actor.userId, createdAt: new Date(a.at) },
  });
}
