/**
 * What one matter's workflow holds between messages: the procedure state, whether the registration is
 * stored, the trail head, the alerts raised and the calendar. Message handlers and the clock loop read
 * and change the matter only through it. Deterministic: no I/O, time only from the workflow's clock.
 */
import { CalendarYearMissingError, calendarFromYears, calendarToYears, withProvisionalYears, type HolidayCalendar, type HolidayYear } from '../domain/calendar';
import { decide, matterProjection, needsText, registerMatter, registeredParticulars, type Actor, type Decision, type DecisionContext, type LegacyRules, type MatterProjection, type MatterState } from '../domain/procedure';
import { nextAlert, type Alert } from './alerts';
import type { ActionRequest, KnownAnswer, MatterView, MatterWorkflowInput, NotificationRecord, TrailHeadView } from './definitions';
import { KnownAnswers } from './knownAnswers';

export class MatterHolder {
  state: MatterState;
  /** False until the first run has stored the matter; actions wait for it. */
  registered: boolean;
  trail: TrailHeadView | null;
  readonly notifications: NotificationRecord[];
  /** The latest actions' answers by action key (carried across continue-as-new). */
  private readonly answers: KnownAnswers<KnownAnswer>;
  /** Why the registration could not be stored (the database refused it); the workflow then ends. */
  registrationRefused: { status: number; code: string; reason: string } | null = null;
  calendar: HolidayCalendar;
  /** Bumped by every change, so the clock loop wakes up and judges the next alert on the new state. */
  changes = 0;
  private calendarYears: HolidayYear[];
  /**
   * Whether the year after the last holiday notice is computed provisionally from the 放假办法 (see
   * allowProvisionalYears); false in runs replaying from before, where that year was refused.
   */
  provisionalYears = false;
  /** An adjusting matter has told the decision it adjusts what became of it (713号令第37条); carried across runs. */
  adjustmentTold: boolean;

  constructor(
    private readonly input: MatterWorkflowInput,
    /** false when replaying runs started before authors of versions were kept from reviewing them. */
    private readonly versionAuthorsMayReview: boolean,
    /** Rules the run was started before (patched): its history replays without them. */
    private readonly legacy: LegacyRules = {},
  ) {
    this.calendarYears = input.calendarYears;
    this.adjustmentTold = input.resume?.adjustmentTold ?? false;
    this.calendar = this.calendarOf(this.calendarYears);
    this.state =
      input.resume?.state ??
      registerMatter(
        {
          matterId: input.matterId,
          ...registeredParticulars(input),
          draftingUnit: input.draftingUnit,
          createdBy: input.registeredBy.userId,
          versionHash: input.firstVersion.hash,
          now: new Date().toISOString(),
        },
        input.config,
      );
    this.registered = input.resume !== undefined;
    this.trail = input.resume?.trail ?? null;
    this.notifications = [...(input.resume?.notifications ?? [])];
    this.answers = new KnownAnswers(input.resume?.answers);
  }

  /** The answer an action with this key was given, if it is among the latest. */
  knownAnswer(actionKey: string): KnownAnswer | null {
    return this.answers.find(actionKey);
  }

  /** Keeps an action's answer (only the latest are kept). */
  remember(answer: KnownAnswer): void {
    this.answers.remember(answer);
  }

  view(): MatterView {
    return { state: this.state, registered: this.registered, trail: this.trail, notifications: this.notifications };
  }

  /** What a continued run starts from. */
  carriedOver(): Pick<MatterWorkflowInput, 'calendarYears' | 'resume'> {
    return { calendarYears: this.calendarYears, resume: { state: this.state, trail: this.trail, notifications: this.notifications, answers: this.answers.carried(), ...(this.adjustmentTold ? { adjustmentTold: true } : {}) } };
  }

  context(actor: Actor, documentRegister?: DecisionContext['documentRegister']): DecisionContext {
    return { actor, now: new Date().toISOString(), config: this.input.config, calendar: this.calendar, versionAuthorsMayReview: this.versionAuthorsMayReview, legacy: this.legacy, ...(documentRegister ? { documentRegister } : {}) };
  }

  /** The procedure's verdict on one action, on the state as it is now (with the register's number when it numbers the signing). */
  judge(request: ActionRequest, documentRegister?: DecisionContext['documentRegister']): Decision {
    if (needsText(request.command.type) && typeof request.text !== 'string') {
      return { ok: false, status: 422, code: 'text_required', reason: `${request.command.type} needs the text of the new version` };
    }
    try {
      return decide(this.state, request.command, this.context(request.actor, documentRegister));
    } catch (err) {
      // A clock that needs a year without holiday data must not be computed silently; anything else is a
      // bug and fails the workflow task (visible in Temporal, retried once fixed).
      if (!(err instanceof CalendarYearMissingError)) throw err;
      return { ok: false, status: 422, code: 'calendar_unavailable', reason: err.message };
    }
  }

  /**
   * The validator's verdict on an action, for its handler: the Update's validator and handler judge the same
   * request, and usually in the same activation, on the same state — the handler then takes this verdict
   * instead of judging again (judging is most of what an action costs the workflow thread). Only validators
   * of new Updates run (never on replay), so a replayed handler judges itself: the verdict is the same pure
   * function of the same inputs either way.
   */
  private readonly validated = new Map<string, { state: MatterState; calendar: HolidayCalendar; now: string; decision: Decision }>();

  /** The validator's judgement (kept for the handler when it allows the action). */
  validate(request: ActionRequest, documentRegister?: DecisionContext['documentRegister']): Decision {
    const decision = this.judge(request, documentRegister);
    // A signing the register numbers is judged by the handler with and without its number: never reused.
    if (decision.ok && !documentRegister) this.validated.set(request.actionKey, { state: this.state, calendar: this.calendar, now: new Date().toISOString(), decision });
    return decision;
  }

  /**
   * The verdict on an action in its handler: the validator's, when it judged this action on this very state,
   * calendar and time (the same request: Temporal decodes it anew for the handler, from the same payload);
   * otherwise judged now.
   */
  judgeValidated(request: ActionRequest): Decision {
    const v = this.validated.get(request.actionKey);
    this.validated.delete(request.actionKey);
    if (v && v.state === this.state && v.calendar === this.calendar && v.now === new Date().toISOString()) return v.decision;
    return this.judge(request);
  }

  /** Adopts a state that has been stored, with the trail entry that records it. */
  adopt(state: MatterState, trail: TrailHeadView): void {
    this.state = state;
    this.validated.clear(); // judged on the state before
    this.trail = trail;
    this.changes += 1;
  }

  /** A trail entry that changed nothing in the procedure state (a reminder, an escalation). */
  recordNotification(record: NotificationRecord, trail: TrailHeadView | null): void {
    this.notifications.push(record);
    this.trail = trail;
  }

  /** An admin loaded a holiday year: clocks not yet computed use it. */
  adoptCalendarYears(years: HolidayYear[]): void {
    const byYear = new Map(this.calendarYears.map((y) => [y.year, y]));
    for (const y of years) byYear.set(y.year, y);
    this.calendarYears = calendarToYears(calendarFromYears([...byYear.values()]));
    // A loaded notice replaces the provisional year; the clock loop recomputes every clock on it.
    this.calendar = this.calendarOf(this.calendarYears);
    this.changes += 1;
  }

  /** Clocks reaching into the year after the last notice run on the provisional year, marked provisional. */
  allowProvisionalYears(): void {
    this.provisionalYears = true;
    this.calendar = this.calendarOf(this.calendarYears);
  }

  private calendarOf(years: HolidayYear[]): HolidayCalendar {
    const official = calendarFromYears(years);
    return this.provisionalYears ? withProvisionalYears(official) : official;
  }

  /** The next reminder or escalation due, if any. */
  nextAlert(obligationsOnly: boolean): Alert | null {
    return nextAlert(this.state, this.input.config, this.calendar, this.notifications, obligationsOnly);
  }

  /**
   * The projection's derived columns: the earliest obligation due (an earliest-allowed time such as the
   * minimum review time is never due) and whose turn it is. Only activities' inputs carry them, not the
   * commands the workflow issues, so histories replay unchanged; rows written by earlier code are
   * recomputed by the API at start (projectionRev).
   */
  projection(s: MatterState): MatterProjection {
    return matterProjection(s, this.input.config, this.calendar);
  }
}
