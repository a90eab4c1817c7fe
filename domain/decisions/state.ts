/** What a major decision keeps after it is issued (MatterState.implementation): 713号令第34条至第37条. */
import type { AdjustmentSettlement } from './adjustmentSettled';
import type { ADJUSTMENT_PURPOSES, EVALUATION_CONCLUSIONS, EVALUATION_GROUNDS, EVALUATION_RECOMMENDATIONS, IMPLEMENTATION_STATUSES } from './schemas';

type Of<T extends readonly string[]> = T[number];

export interface ImplementationState {
  unit: { unit: string; note?: string; by: string; at: string } | null;
  reports: Array<{ status: Of<typeof IMPLEMENTATION_STATUSES>; progress: string; problems?: string; documentId?: string; by: string; at: string }>;
  evaluations: Array<{
    grounds: Array<Of<typeof EVALUATION_GROUNDS>>;
    evaluator: string;
    thirdParty: boolean;
    note?: string;
    orderedBy: string;
    orderedAt: string;
    result: { conclusion: Of<typeof EVALUATION_CONCLUSIONS>; recommendation: Of<typeof EVALUATION_RECOMMENDATIONS>; summary: string; publicHeard: string; documentId: string; by: string; at: string } | null;
  }>;
  /** Suspensions and resumptions, in order; suspended while the last one has no resumption. */
  suspensions: Array<{ decidedBy: string; reason: string; by: string; at: string; resumed?: { decidedBy: string; reason: string; by: string; at: string } }>;
  /** The procedures adjusting or stopping it (713号令第37条), each settled once its matter's decision is out or it ended. */
  adjustments: Array<{ newMatterId: string; purpose: Of<typeof ADJUSTMENT_PURPOSES>; reason: string; by: string; at: string; settled?: AdjustmentSettlement }>;
  /** Recorded as carried out by hand, or ended by a stop or an adjustment whose decision is out (`endedBy`, by the system). */
  completed: { note: string; by: string; at: string; endedBy?: { matterId: string; purpose: Of<typeof ADJUSTMENT_PURPOSES> } } | null;
}

export const emptyImplementation = (): ImplementationState => ({ unit: null, reports: [], evaluations: [], suspensions: [], adjustments: [], completed: null });

export type ImplementationStatus = 'implementing' | 'suspended' | 'evaluating' | 'adjusting' | 'completed' | 'stopped' | 'superseded';

/** One word for where the implementation stands (catalogue and matter views). */
export function implementationStatus(s: ImplementationState | undefined): ImplementationStatus {
  if (!s) return 'implementing';
  if (s.completed) return s.completed.endedBy ? (s.completed.endedBy.purpose === 'stop' ? 'stopped' : 'superseded') : 'completed';
  const last = s.suspensions.at(-1);
  if (last && !last.resumed) return 'suspended';
  if (s.evaluations.some((e) => e.result === null)) return 'evaluating';
  // A procedure that ended without a decision no longer adjusts it.
  if (s.adjustments.some((a) => !a.settled)) return 'adjusting';
  return 'implementing';
}

export const IMPLEMENTATION_STATUS_NAMES: Record<ImplementationStatus, string> = {
  implementing: '执行中',
  suspended: '中止执行',
  evaluating: '决策后评估中',
  adjusting: '调整程序中',
  completed: '执行完毕',
  stopped: '已停止执行',
  superseded: '已调整（按调整后的决策执行）',
};
