/**
 * The statutory clocks running now, for the workflow to set timers on and record reminders and
 * escalations. A clock keeps its unit (713号令 mixes working days and calendar days); dueAt is null
 * while the clock is stopped (补充材料期间不计入).
 */

import { periodReadsProvisionalYear, remindAt as remindBefore, type HolidayCalendar } from '../calendar';
import type { ProcedureConfig } from './config';
import { postDecisionStepDone } from './handlers/postDecision';
import { amendmentRoundPending, isTerminal } from './state';
import { postDecisionStepsOf } from './steps';
import { kindConfigOf } from './classification';
import { caseDecisionPeriod } from './enforcement';
import { CalendarYearMissingError, ms, periodEnd } from './time';
import type { Duration, DurationUnit, MatterState, Stage } from './types';

export type DeadlineKey =
  | 'legality_review_time_limit'
  | 'legality_review_minimum'
  | 'comment_window'
  | 'filing_deadline'
  | 'archive_deadline'
  | 'contract_term_end'
  | 'enforcement_decision_time_limit';

/**
 * What a clock's end means: an `obligation` is a duty someone can miss (overdue when passed); a `not_before`
 * is the earliest moment something may happen (the minimum review time before the meeting: passing it is
 * good news, never overdue); a `window_end` closes a period that is a fact, not a duty (the comment window).
 */
export type DeadlineNature = 'obligation' | 'not_before' | 'window_end';

export interface Deadline {
  key: DeadlineKey;
  nature: DeadlineNature;
  label: string;
  startedAt: string;
  /** null while the clock is stopped (or cannot be computed: see warning). */
  dueAt: string | null;
  remindAt?: string;
  unit: DurationUnit;
  stage: Stage;
  /** Set when the deadline cannot be computed, e.g. a year without holiday data: never guessed silently. */
  warning?: string;
  /**
   * Its due date (or its reminder) was counted on a provisional year, computed from the 放假办法 because
   * that year's holiday notice is not loaded yet: the notice's 调休 may still move it by a day or two.
   */
  provisional?: true;
  /**
   * An obligation someone can miss (time limit, 备案, archiving): reminded before and escalated when passed.
   * The minimum review time is an earliest date, and the comment window's end a fact: no escalation.
   */
  escalates: boolean;
}

/** Clocks that mark an earliest moment or the end of a window, not a duty that can be overdue. */
const NATURE: Record<DeadlineKey, DeadlineNature> = {
  legality_review_time_limit: 'obligation',
  legality_review_minimum: 'not_before',
  comment_window: 'window_end',
  filing_deadline: 'obligation',
  archive_deadline: 'obligation',
  // The end of a contract's term is a fact; the reminder before it is what the unit needs.
  contract_term_end: 'window_end',
  // 行政处罚法第60条: the decision is due within 90 days of filing the case.
  enforcement_decision_time_limit: 'obligation',
};
const escalates = (key: DeadlineKey): boolean => NATURE[key] === 'obligation';

/**
 * The earliest end of an obligation among the clocks: what "next due" and "overdue" mean for a matter
 * (lists, the projection's nextDueAt, the work list). Earliest times and window ends never count.
 */
export function nextObligationDue(clocks: readonly Deadline[]): string | null {
  const due = clocks
    .filter((d) => d.nature === 'obligation' && d.dueAt !== null)
    .map((d) => d.dueAt as string)
    // Instants may carry different offsets (a supplied +08:00 date, a computed UTC one).
    .sort((a, b) => ms(a) - ms(b));
  return due[0] ?? null;
}

const LEGALITY_LIMIT_STAGES: readonly Stage[] = ['completeness_check', 'supplementing', 'legality_review', 'prior_approval'];
const LEGALITY_MINIMUM_STAGES: readonly Stage[] = [
  'completeness_check',
  'supplementing',
  'legality_review',
  'amending',
  'prior_approval',
  'fair_competition_review',
  'awaiting_meeting',
  'meeting_scheduled',
];

export function deadlines(state: MatterState, config: ProcedureConfig, cal: HolidayCalendar): Deadline[] {
  const out: Deadline[] = [];
  const k = kindConfigOf(state, config);

  const clock = (
    key: DeadlineKey,
    label: string,
    startedAt: string,
    duration: Duration,
    pauses: MatterState['legality']['pauses'],
    stage: Stage,
  ): void => {
    try {
      const dueAt = periodEnd(startedAt, duration, pauses, cal);
      // The due date needs the calendar only for working days: a calendar-day clock (备案, archiving) keeps its due date
      // when only its reminder, counted back in working days, would read a year without holiday data.
      const reminder = dueAt ? safeRemind(dueAt, config, cal) : {};
      const provisional = dueAt !== null && (periodReadsProvisionalYear(startedAt, dueAt, duration.unit, cal) || reminder.provisional === true);
      out.push({
        key,
        nature: NATURE[key],
        label,
        startedAt,
        dueAt,
        ...(reminder.remindAt ? { remindAt: reminder.remindAt } : {}),
        unit: duration.unit,
        stage,
        escalates: escalates(key),
        ...(provisional ? { provisional: true as const } : {}),
      });
    } catch (e) {
      if (!(e instanceof CalendarYearMissingError)) throw e;
      out.push({ key, nature: NATURE[key], label, startedAt, dueAt: null, unit: duration.unit, stage, warning: e.message, escalates: escalates(key) });
    }
  };

  const lg = state.legality;
  if (lg.startedAt) {
    // 审核期限: runs for the legal unit until it concludes; the amendment check is not timed again.
    if (k.legalityReviewTimeLimit && LEGALITY_LIMIT_STAGES.includes(state.stage) && !amendmentRoundPending(state)) {
      clock('legality_review_time_limit', '合法性审核期限', lg.startedAt, k.legalityReviewTimeLimit, lg.pauses, 'legality_review');
    }
    // 713号令第26条: the earliest the matter may be discussed.
    if (k.legalityReviewMinimum && LEGALITY_MINIMUM_STAGES.includes(state.stage)) {
      clock('legality_review_minimum', '合法性审查最短时间（此后方可上会）', lg.startedAt, k.legalityReviewMinimum, lg.pauses, 'legality_review');
    }
  }

  // 行政处罚法第60条: 自行政处罚案件立案之日起九十日内作出行政处罚决定 (extensions recorded), until the decision.
  const casePeriod = caseDecisionPeriod(state, config);
  if (casePeriod && !state.decision && !isTerminal(state.stage)) {
    clock('enforcement_decision_time_limit', '作出行政处罚决定期限（自立案之日起）', casePeriod.startedAt, casePeriod.duration, [], state.stage);
  }

  const pc = state.research.publicComment;
  if (pc && !state.research.commentAdoption && ['research', 'supplementing', 'amending'].includes(state.stage)) {
    out.push({
      key: 'comment_window',
      nature: NATURE.comment_window,
      label: '公开征求意见期限',
      startedAt: pc.openedAt,
      dueAt: pc.closesAt,
      ...(safeRemind(pc.closesAt, config, cal)),
      unit: k.commentWindowMinimum.unit,
      stage: 'research',
      escalates: escalates('comment_window'),
    });
  }

  if (state.stage === 'post_decision') {
    const steps = postDecisionStepsOf(state);
    const p = state.postDecision;
    if (steps.includes('filing') && p.publication && !p.filing) {
      clock('filing_deadline', '报送备案期限', p.publication.at, k.filingDeadline, [], 'post_decision');
    }
    if (!p.archive) {
      const from = steps.includes('sign_and_number')
        ? postDecisionStepDone(state, 'sign_and_number')
          ? p.signing?.at
          : undefined
        : state.decision?.decidedAt;
      if (from) clock('archive_deadline', '归档期限', from, k.archiveDeadline, [], 'post_decision');
    }
  }
  const signing = state.contract?.signing;
  if (state.stage === 'contract_in_force' && signing) {
    const lead = config.contracts?.termReminderLead ?? config.reminderLead;
    out.push({
      key: 'contract_term_end',
      nature: NATURE.contract_term_end,
      label: '合同期限届满',
      startedAt: signing.termStart,
      dueAt: signing.termEnd,
      ...safeRemind(signing.termEnd, { ...config, reminderLead: lead }, cal),
      unit: lead.unit,
      stage: 'contract_in_force',
      escalates: escalates('contract_term_end'),
    });
  }
  return out;
}

function safeRemind(dueAt: string, config: ProcedureConfig, cal: HolidayCalendar): { remindAt?: string; provisional?: true } {
  try {
    const remindAt = remindBefore(dueAt, config.reminderLead, cal);
    return { remindAt, ...(periodReadsProvisionalYear(remindAt, dueAt, config.reminderLead.unit, cal) ? { provisional: true as const } : {}) };
  } catch (e) {
    if (e instanceof CalendarYearMissingError) return {};
    throw e;
  }
}
