/**
 * Stores, on an issued major decision, what became of the procedure adjusting or stopping it (713号令第37条), as the
 * new matter's workflow told: the state the original's workflow computed (domain/decisions/adjustmentSettled.ts), its
 * projection and one trail entry by the system, in one transaction. Idempotent by the adjusting matter: a retry, or
 * the same news told again, answers with the entry the first attempt stored.
 */
import type { ActivityDatabase } from './types';
import { adjustmentSettledKey, type AdjustmentSettled } from '../domain/decisions/adjustmentSettled';
import { stateColumns, type MatterState } from '../domain/procedure';
import { derivedColumns } from './matterRecords';
import { appendTrailEntry, type TrailHead } from './trail/appendEntry';
import { storeOnce } from './trail/storeOnce';

export interface AdjustmentSettledRecord {
  matterId: string;
  workflowId: string;
  runId: string;
  news: AdjustmentSettled;
  /** The original's state with the news applied, and its projection, as its workflow computed them. */
  state: MatterState;
  nextDueAt: string | null;
  awaitingRoles: string[];
  awaitingUserIds: string[];
  summary: string;
  at: string;
}

export async function storeAdjustmentSettled(db: ActivityDatabase, r: AdjustmentSettledRecord): Promise<TrailHead> {
  const key = { matterId: r.matterId, actionKey: adjustmentSettledKey(r.news.newMatterId) };
  const { news } = r;
  return storeOnce(db, key, () => db.transaction((sql) => appendTrailEntry(sql, {
    ...key,
    actorId: 'system',
    actorRole: 'system',
    action: 'adjustment_settled',
    summary: r.summary,
    reason: r.summary,
    before: null,
    after: {
      newMatterId: news.newMatterId,
      purpose: news.purpose,
      outcome: news.outcome,
      stage: news.stage,
      ...(news.documentNumber ? { documentNumber: news.documentNumber } : {}),
      ...(news.effectiveAt ? { effectiveAt: news.effectiveAt } : {}),
    },
    workflowId: r.workflowId,
    runId: r.runId,
    at: r.at,
  }, {
    // The projection as an action writes it: the state, the columns taken from it, the derived ones.
    state: r.state,
    ...stateColumns(r.state),
    ...derivedColumns(r),
  })), (head) => head);
}
