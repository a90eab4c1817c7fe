import type { PrismaClient } from '../prisma/generated/client';
import type { ActivityDatabase } from './types';
import { prescreen } from '../domain/fair-competition';
import { PRESCREEN_FINGERPRINT } from '../domain/fair-competition/prescreen';
import { applyPrescreen, type MatterState } from '../domain/procedure';
import { appendTrailEntry, type TrailHead } from './trail/appendEntry';
import { prismaTransactionSql } from './trail/prismaTransactionSql';
import { fcrFindingRows } from './screenVersion';
import { storeOnce } from './trail/storeOnce';
import { asJson } from './json';

export interface PrescreenRequest {
  matterId: string;
  /** The state before the pre-screen: the projection is stored as the workflow will hold it after. */
  state: MatterState;
  versionNumber: number;
  versionHash: string;
  workflowId: string;
  runId: string;
  at: string;
}

export interface PrescreenOutcome {
  ruleSetVersion: string;
  findings: Array<{ id: string; code: string }>;
  trail: TrailHead;
}

/**
 * Runs the automated fair-competition pre-screen on a stored version and records its findings and a
 * trail entry (actor: the system) in one transaction. Idempotent by (matter, version): a retry returns
 * what the first run stored.
 */
export async function prescreenVersion(db: ActivityDatabase, r: PrescreenRequest): Promise<PrescreenOutcome> {
  const prisma = db.prisma;
  const actionKey = `prescreen:v${r.versionNumber}`;
  const answerFromStored = async (trail: TrailHead): Promise<PrescreenOutcome> => {
    const rows = await prisma.fcrFinding.findMany({ where: { matterId: r.matterId, versionHash: r.versionHash }, orderBy: { start: 'asc' } });
    return { ruleSetVersion: rows[0]?.ruleSetVersion ?? PRESCREEN_FINGERPRINT.ruleSetVersion, findings: rows.map((f) => ({ id: f.id, code: f.code })), trail };
  };
  return storeOnce(db, { matterId: r.matterId, actionKey }, () => screenAndStore(prisma, r, actionKey), answerFromStored);
}

async function screenAndStore(prisma: PrismaClient, r: PrescreenRequest, actionKey: string): Promise<PrescreenOutcome> {
  const version = await prisma.matterVersion.findUniqueOrThrow({ where: { matterId_number: { matterId: r.matterId, number: r.versionNumber } } });
  if (version.sha256 !== r.versionHash) throw new Error(`version ${r.versionNumber} of ${r.matterId} is not ${r.versionHash}`);
  const result = prescreen(version.text);
  const rows = fcrFindingRows(r, result);
  const findings = rows.map((f) => ({ id: f.id, code: f.code }));
  const after = applyPrescreen(r.state, { versionHash: r.versionHash, ruleSetVersion: result.ruleSetVersion, findings, at: r.at });
  const trail = await prisma.$transaction(async (tx) => {
    await tx.fcrFinding.createMany({ data: rows });
    await tx.matter.update({ where: { id: r.matterId }, data: { state: asJson(after) } });
    return appendTrailEntry(prismaTransactionSql(tx), {
      matterId: r.matterId,
      actionKey,
      actorId: 'system',
      actorRole: 'system',
      action: 'fair_competition_prescreen',
      summary: `公平竞争审查自动预审：${rows.length} 项提示`,
      reason: `自动预审：${rows.length} 项提示`,
      after: { ruleSetVersion: result.ruleSetVersion, findings: rows.map((f) => ({ id: f.id, code: f.code, start: f.start, end: f.end })) },
      versionHash: r.versionHash,
      workflowId: r.workflowId,
      runId: r.runId,
      at: r.at,
    });
  });
  return { ruleSetVersion: result.ruleSetVersion, findings, trail };
}
