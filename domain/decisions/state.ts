/** What a major decision keeps after it is issued (MatterState.implementation): 713号令第34条至第37条. */
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
  adjustments: Array<{ newMatterId: string; purpose: Of<typeof ADJUSTMENT_PURPOSES>; reason: string; by: string; at: string }>;
  completed: { note: string; by: string; at: string } | null;
}

export const emptyImplementation = (): ImplementationState => ({ unit: null, reports: [], evaluations: [], suspensions: [], adjustments: [], completed: null });

export type ImplementationStatus = 'implementing' | 'suspended' | 'evaluating' | 'adjusting' | 'completed';

/** One word for where the implementation stands (catalogue and matter views). */
export function implementationStatus(s: ImplementationState | undefined): ImplementationStatus {
  if (!s) return 'implementing';
  if (s.completed) return 'completed';
  const last = s.suspensions.at(-1);
  if (last && !last.resumed) return 'suspended';
  if (s.evaluations.some((e) => e.result === null)) return 'evaluating';
  if (s.adjustments.length > 0) return 'adjusting';
  return 'implementing';
}

export const IMPLEMENTATION_STATUS_NAMES: Record<ImplementationStatus, string> = {
  implementing: '执行中',
  suspended: '中止执行',
  evaluating: '决策后评估中',
  adjusting: '调整程序中',
  completed: '执行完毕',
};
