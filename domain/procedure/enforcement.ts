/**
 * The procedure's side of the major enforcement decision review (行政处罚法第48条、第57–60条): whether a
 * matter runs under these rules (an enforcement review registered with the `enforcement` configuration —
 * older matters keep the rules they started under), the case record, and where the matter goes once the
 * 法制审核 has passed. The rules themselves are in ../enforcement/review.
 */

import { collectiveDiscussionRequired } from '../enforcement/review';
import type { ProcedureConfig } from './config';
import type { HolidayCalendar } from '../calendar';
import { CalendarYearMissingError, periodEnd } from './time';
import type { Duration, MatterState, Stage } from './types';

export function enforcementRules(state: Pick<MatterState, 'kind'>, config: ProcedureConfig): boolean {
  return state.kind === 'enforcement_review' && config.enforcement !== undefined;
}

export const enforcementCaseOf = (state: MatterState) => state.research.enforcementCase ?? null;

/**
 * After the 法制审核 passed: collective discussion only for 情节复杂 or 重大违法 cases (art. 57 para. 2);
 * otherwise the head decides by signing the decision (post_decision: sign_and_number).
 */
export function enforcementStageAfterReview(state: MatterState): Stage {
  return collectiveDiscussionRequired(enforcementCaseOf(state)) ? 'awaiting_meeting' : 'post_decision';
}

/** 行政处罚法第48条: a decision with social impact is published (the case record says whether it has). */
export function enforcementPublishes(state: MatterState): boolean {
  return state.kind === 'enforcement_review' && enforcementCaseOf(state)?.socialImpact === true;
}

/**
 * 行政处罚法第60条: 自行政处罚案件立案之日起九十日内作出决定 — the period, from the filing day, with the recorded
 * extensions added; null where the matter is not under these rules or has no case yet.
 */
export function caseDecisionPeriod(state: MatterState, config: ProcedureConfig): { startedAt: string; duration: Duration } | null {
  const enforcementCase = enforcementCaseOf(state);
  if (!config.enforcement || !enforcementRules(state, config) || !enforcementCase) return null;
  const limit = config.enforcement.decisionTimeLimit;
  const extended = (state.legality.caseExtensions ?? []).reduce((sum, e) => sum + e.days, 0);
  return { startedAt: `${enforcementCase.caseFiledOn}T00:00:00+08:00`, duration: { ...limit, amount: limit.amount + extended } };
}

/** When that period ends (null where there is none, or its calendar year is not known). */
export function caseDecisionDueAt(state: MatterState, ctx: { config: ProcedureConfig; calendar: HolidayCalendar }): { at: string; duration: Duration } | null {
  const period = caseDecisionPeriod(state, ctx.config);
  if (!period) return null;
  try {
    const at = periodEnd(period.startedAt, period.duration, [], ctx.calendar);
    return at ? { at, duration: period.duration } : null;
  } catch (e) {
    if (e instanceof CalendarYearMissingError) return null;
    throw e;
  }
}
