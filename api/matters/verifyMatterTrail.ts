import type { Matter, TrailEntry } from '../../prisma/generated/client';
import { verifyTrail, type ChainVerdict, type TrailHeadClaim } from '../../domain/evidence';
import { viewQuery } from '../../workflows/definitions';
import type { ApiDeps } from '../deps';

/**
 * Verifies a matter's trail with every head kept outside the trail table: the matter record's and the
 * workflow's (from its history, which the database cannot rewrite). `/trail/verify` and the dossier
 * both answer with this verdict.
 */
export async function verifyMatterTrail(deps: ApiDeps, matter: Matter, entries?: TrailEntry[]): Promise<ChainVerdict> {
  const rows = entries ?? (await deps.db.prisma.trailEntry.findMany({ where: { matterId: matter.id }, orderBy: { seq: 'asc' } }));
  const heads: TrailHeadClaim[] = [{ seq: matter.trailHeadSeq, hash: matter.trailHeadHash, where: 'matter record' }];
  try {
    const live = await deps.temporal.workflow.getHandle(matter.workflowId).query(viewQuery);
    if (live.trail) heads.push({ ...live.trail, where: 'workflow history' });
  } catch (err) {
    // The workflow unreachable (closed and past retention, or Temporal down): the database head still counts.
    deps.log.warn({ err, matterId: matter.id }, 'trail verification without the workflow\'s head');
  }
  return verifyTrail(rows, heads);
}
