/**
 * What became of the procedure that adjusts or stops an issued major decision (713号令第37条: a major adjustment, or
 * stopping it, follows the statutory procedure again, as a new matter linked to the original). The new matter's
 * workflow tells the original's when its decision is out (published, withheld 依法不予公开, or issued) or when it ended
 * without one (withdrawn, rejected, not issued); this module says what that does to the original. Pure.
 *
 * - A stop that is out ends the original's implementation: 停止执行, from the stop's effective date.
 * - A major adjustment that is out ends it too: the adjusted decision is carried out and tracked in its own matter
 *   (which is itself an issued major decision with its own implementation), not in two places at once.
 * - A procedure that ended without a decision leaves the original as it was: it is no longer "adjusting", and a
 *   post-evaluation that recommended adjusting or stopping it again needs a procedure started (713号令第36条第4款).
 */
import { STAGE_LABELS } from '../procedure/labels';
import type { MatterState, Stage } from '../procedure/types';
import { ADJUSTMENT_PURPOSE_LABELS, type ADJUSTMENT_PURPOSES } from './schemas';
import { emptyImplementation, type ImplementationState } from './state';

export type AdjustmentPurpose = (typeof ADJUSTMENT_PURPOSES)[number];

/** The news the adjusting matter's workflow sends the original's (its own `adjusts` link, and its end). */
export interface AdjustmentSettled {
  /** The adjusting (new) matter. */
  newMatterId: string;
  purpose: AdjustmentPurpose;
  /** The new matter's reason, as registered: it stands in for the record_adjustment the original may lack. */
  reason: string;
  /** Who registered the new matter. */
  registeredBy: string;
  /** When the new matter was registered. */
  registeredAt: string;
  /** out: its decision was published (or withheld 依法不予公开) or issued; ended: withdrawn, rejected, not issued. */
  outcome: 'out' | 'ended';
  /** The new matter's stage when it told. */
  stage: string;
  /** Its document number, when it has one. */
  documentNumber?: string;
  /** From when its decision takes effect (its signing's effective date, else its publication). */
  effectiveAt?: string;
  /** When the news was sent. */
  at: string;
}

/** How an adjustment's procedure ended, kept on the original's adjustment. */
export interface AdjustmentSettlement {
  outcome: 'out' | 'ended';
  stage: string;
  documentNumber?: string;
  effectiveAt?: string;
  at: string;
}

/** The trail entry's key on the original: one per adjusting matter, whichever attempt or run told it. */
export const adjustmentSettledKey = (newMatterId: string): string => `adjustment-settled:${newMatterId}`;

export type SettleResult = { state: MatterState; summary: string } | { unchanged: string };

/**
 * The original's state once it knows what became of the adjusting matter. Unchanged (with why) when the news was
 * already applied, when the implementation was closed before it came (recorded as complete: nothing left to end), or
 * when it is of a procedure never recorded here that ended without a decision. An adjustment the original never
 * recorded (its record_adjustment lost between the two requests) whose decision is out is recorded from the news.
 */
export function settleAdjustment(s: MatterState, news: AdjustmentSettled): SettleResult {
  if (news.newMatterId === s.matterId) return { unchanged: 'a matter does not adjust itself' };
  const before = s.implementation ?? emptyImplementation();
  const known = before.adjustments.find((a) => a.newMatterId === news.newMatterId);
  if (known?.settled) return { unchanged: `already settled (${known.settled.outcome})` };
  if (before.completed) return { unchanged: 'the implementation was closed before' };
  // A procedure this decision never recorded that ended without a decision (refused by it, or its link lost) left
  // nothing to answer for here.
  if (!known && news.outcome === 'ended') return { unchanged: 'never recorded here, and ended without a decision' };
  const settlement: AdjustmentSettlement = {
    outcome: news.outcome,
    stage: news.stage,
    ...(news.documentNumber ? { documentNumber: news.documentNumber } : {}),
    ...(news.effectiveAt ? { effectiveAt: news.effectiveAt } : {}),
    at: news.at,
  };
  const adjustments = known
    ? before.adjustments.map((a) => (a === known ? { ...a, settled: settlement } : a))
    : [...before.adjustments, { newMatterId: news.newMatterId, purpose: news.purpose, reason: news.reason, by: news.registeredBy, at: news.registeredAt, settled: settlement }];
  const purpose = known?.purpose ?? news.purpose;
  const label = ADJUSTMENT_PURPOSE_LABELS[purpose];
  let implementation: ImplementationState = { ...before, adjustments };
  let summary: string;
  if (news.outcome === 'out') {
    const from = news.effectiveAt ? `，自${news.effectiveAt.slice(0, 10)}起` : '';
    const number = news.documentNumber ? `（${news.documentNumber}）` : '';
    const note = purpose === 'stop'
      ? `经新事项 ${news.newMatterId}${number}决定停止执行${from}（713号令第37条）`
      : `经新事项 ${news.newMatterId}${number}作出调整后的决策${from}按调整后的决策执行，其执行情况在新事项中跟踪（713号令第37条）`;
    implementation = { ...implementation, completed: { note, by: 'system', at: news.at, endedBy: { matterId: news.newMatterId, purpose } } };
    summary = `${label}程序已作出决策：${note}`;
  } else {
    summary = `${label}程序未作出决策（新事项 ${news.newMatterId} ${STAGE_LABELS[news.stage as Stage] ?? news.stage}），原决策继续执行`;
  }
  return { state: { ...s, implementation }, summary };
}

/** Whether an adjustment still counts: under way, or its decision out (one that ended without a decision does not). */
export const adjustmentStands = (a: ImplementationState['adjustments'][number]): boolean => a.settled?.outcome !== 'ended';
