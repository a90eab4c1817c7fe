/**
 * One workflow per matter: it holds the procedure state, accepts people's actions as Updates (validated
 * by the same pure rules the API uses), persists each accepted action through an activity before adopting
 * it, and keeps the statutory clocks. Deterministic orchestration only: no I/O, no clocks but the SDK's.
 */
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { createActivities } from '../activities';
import { calendarFromYears, calendarToYears, type HolidayYear } from '../domain/calendar';
import { applyPrescreen, decide, parseCommand, matterProjection, matterAccessOf, registerMatter, TERMINAL_STAGES, type Actor, type DecisionContext, type MatterProjection, type MatterState } from '../domain/procedure';
import { authorize } from '../domain/permissions';
import {
  actUpdate,
  calendarSignal,
  registeredUpdate,
  viewQuery,
  type ActionRequest,
  type MatterView,
  type MatterWorkflowInput,
  type NotificationRecord,
  type TrailHeadView,
} from './definitions';
import { nextAlert } from './alerts';

/** About a tenth of Temporal's own suggestion point: matters are small, and replays stay fast. */
export const DEFAULT_HISTORY_EVENTS_BEFORE_CONTINUE_AS_NEW = 2_000;

const { recordRegistration, recordAction, recordNotification, prescreenVersion } = proxyActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '30 seconds',
  // The database may be briefly away; actions wait for it rather than fail, and nothing is lost.
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', backoffCoefficient: 2 },
});

export async function matterWorkflow(input: MatterWorkflowInput): Promise<MatterState> {
  const info = workflowInfo();
  let calendarYears: HolidayYear[] = input.calendarYears;
  let calendar = calendarFromYears(calendarYears);
  let state = registerMatter(
    {
      matterId: input.matterId,
      kind: input.kind,
      flags: input.flags,
      title: input.title,
      draftingUnit: input.draftingUnit,
      createdBy: input.registeredBy.userId,
      versionHash: input.firstVersion.hash,
      now: new Date().toISOString(),
    },
    input.config,
  );
  let registered = false;
  let trail: TrailHeadView | null = input.resume?.trail ?? null;
  const notifications: NotificationRecord[] = [...(input.resume?.notifications ?? [])];
  if (input.resume) state = input.resume.state;
  // Actions are applied one at a time: each decides on the state the previous one left.
  let busy = false;
  let changes = 0;

  // Runs started before authors of versions were kept from reviewing them replay as they ran.
  const versionAuthorsMayReview = !patched('version-authors-may-not-review');
  const context = (actor: Actor): DecisionContext => ({ actor, now: new Date().toISOString(), config: input.config, calendar, versionAuthorsMayReview });
  const view = (): MatterView => ({ state, registered, trail, notifications });
  const refuse = (status: number, code: string, reason: string) =>
    ApplicationFailure.create({ type: 'ActionRefused', message: reason, nonRetryable: true, details: [{ status, code, reason }] });
  const judge = (request: ActionRequest) => {
    if (request.command.type === 'submit_version' && typeof request.text !== 'string') {
      return { ok: false as const, status: 422 as const, code: 'text_required', reason: 'submit_version needs the text of the new version' };
    }
    try {
      return decide(state, request.command, context(request.actor));
    } catch (err) {
      // A clock that needs a year without holiday data must not be computed silently.
      return { ok: false as const, status: 422 as const, code: 'calendar_unavailable', reason: (err as Error).message };
    }
  };

  setHandler(viewQuery, view);
  setHandler(registeredUpdate, async () => {
    await condition(() => registered);
    return view();
  });
  setHandler(calendarSignal, (years) => {
    calendarYears = mergeYears(calendarYears, years);
    calendar = calendarFromYears(calendarYears);
    changes += 1;
  });
  setHandler(
    actUpdate,
    async (request) => {
      await condition(() => registered && !busy);
      busy = true;
      try {
        const decision = judge(request);
        if (!decision.ok) throw refuse(decision.status, decision.code, decision.reason);
        const next = decision.state;
        const current = next.versions[next.versions.length - 1]!;
        const isNewVersion = request.command.type === 'submit_version';
        trail = await recordAction({
          matterId: state.matterId,
          workflowId: info.workflowId,
          runId: info.runId,
          actionKey: request.actionKey,
          actor: request.actor,
          actorRole: actingRole(request.actor, request.command.type, state, context(request.actor).now),
          action: request.command.type,
          command: request.command,
          summary: decision.event.summary,
          reason: request.reason ?? commandReason(request),
          before: decision.event.before,
          after: decision.event.after,
          versionHash: current.hash,
          newVersion: isNewVersion ? { number: current.number, hash: current.hash, text: request.text! } : undefined,
          state: next,
          ...projection(next),
          requestId: request.requestId,
          at: context(request.actor).now,
        });
        state = next;
        changes += 1;
        await screenCurrentVersion();
        publishSearchAttributes(state);
        return { state, trail, summary: decision.event.summary };
      } finally {
        busy = false;
      }
    },
    {
      validator: (request) => {
        const parsed = parseCommand(request.command);
        if (!parsed.ok) throw refuse(parsed.status, parsed.code, parsed.reason);
        if (!registered) return; // decided in the handler once registration is stored
        const decision = judge(request);
        if (!decision.ok) throw refuse(decision.status, decision.code, decision.reason);
      },
    },
  );

  /**
   * Every version of an ECON matter is pre-screened for fair-competition concerns as soon as it is stored
   * (also when ECON is added later); the reviewer must answer each finding before concluding.
   */
  async function screenCurrentVersion(): Promise<void> {
    if (!state.flags.includes('ECON')) return;
    const current = state.versions[state.versions.length - 1]!;
    if ((state.fairCompetition.prescreens ?? []).some((p) => p.versionHash === current.hash)) return;
    // Matters whose histories predate the automated pre-screen replay without it.
    if (!patched('prescreen-each-version')) return;
    const at = new Date().toISOString();
    const outcome = await prescreenVersion({ matterId: state.matterId, state, versionNumber: current.number, versionHash: current.hash, workflowId: info.workflowId, runId: info.runId, at });
    state = applyPrescreen(state, { versionHash: current.hash, ruleSetVersion: outcome.ruleSetVersion, findings: outcome.findings, at });
    trail = outcome.trail;
    changes += 1;
  }

  /**
   * The projection's derived columns: the earliest obligation due (an earliest-allowed time such as the
   * minimum review time is never due) and whose turn it is. Only activities' inputs carry them, not the
   * commands the workflow issues, so histories replay unchanged; rows written by earlier code are
   * recomputed by the API at start (projectionRev).
   */
  function projection(s: MatterState): MatterProjection {
    try {
      return matterProjection(s, input.config, calendar);
    } catch {
      return { nextDueAt: null, awaitingRoles: [], awaitingUserIds: [] };
    }
  }

  // Histories recorded before runs could be continued replay without it (no marker, no new command).
  const mayContinueAsNew = patched('continue-as-new-when-long');
  const historyLimit = input.historyEventsBeforeContinueAsNew ?? DEFAULT_HISTORY_EVENTS_BEFORE_CONTINUE_AS_NEW;
  const historyLong = () => mayContinueAsNew && (workflowInfo().historyLength >= historyLimit || workflowInfo().continueAsNewSuggested);

  if (input.resume) {
    registered = true;
  } else {
    await registerAndScreen();
  }
  publishSearchAttributes(state);

  // The statutory clocks: sleep until the next reminder or deadline, or until an action changes the state.
  while (!TERMINAL_STAGES.includes(state.stage)) {
    if (historyLong()) {
      // Let the action in progress finish, then a fresh run carries the state on.
      await condition(() => !busy && allHandlersFinished());
      return continueAsNew<typeof matterWorkflow>({
        ...input,
        calendarYears,
        resume: { state, trail, notifications },
      });
    }
    const seen = changes;
    // Matters started before this change escalated every clock, including the minimum review time;
    // they keep doing so on replay, new ones escalate only obligations.
    const alert = nextAlert(state, input.config, calendar, notifications, patched('alerts-only-for-obligations'));
    const waitMs = alert ? Math.max(0, Date.parse(alert.at) - Date.now()) : undefined;
    const changed = await condition(() => changes !== seen || historyLong(), waitMs as number);
    if (changed || !alert) continue;
    // Trail entries are appended one at a time, so the head the workflow keeps is always the newest.
    await condition(() => !busy);
    if (changes !== seen) continue; // an action got in first; the alert is judged again on the new state
    busy = true;
    try {
      const at = new Date().toISOString();
      const record: NotificationRecord = { key: alert.key, kind: alert.kind, deadlineKey: alert.deadlineKey, label: alert.label, dueAt: alert.dueAt, at };
      trail = await recordNotification({ matterId: state.matterId, workflowId: info.workflowId, runId: info.runId, ...record, label: alert.label });
      notifications.push(record);
    } finally {
      busy = false;
    }
  }
  await condition(allHandlersFinished);
  return state;

  /** First run only: the matter, its first version and trail entry are stored, then pre-screened. */
  async function registerAndScreen(): Promise<void> {
    trail = await recordRegistration({
      matterId: input.matterId,
      workflowId: info.workflowId,
      runId: info.runId,
      actor: input.registeredBy,
      actorRole: 'drafter',
      state,
      ...projection(state),
      firstVersion: input.firstVersion,
      requestId: input.requestId,
      at: state.registeredAt,
    });
    await screenCurrentVersion();
    registered = true;
  }
}

/** The role the person acted in, as the permission table grants it, recorded in the trail. */
function actingRole(actor: Actor, action: string, state: MatterState, now: string): string {
  const verdict = authorize(actor, action, matterAccessOf(state), now);
  return verdict.allowed ? verdict.role : actor.roles.join(',');
}

function publishSearchAttributes(state: MatterState): void {
  upsertSearchAttributes({ MatterStage: [state.stage], MatterKind: [state.kind], DraftingUnit: [state.draftingUnit] });
}

function commandReason({ command }: ActionRequest): string | null {
  if ('reason' in command && typeof command.reason === 'string') return command.reason;
  if ('note' in command && typeof command.note === 'string') return command.note;
  return null;
}

function mergeYears(current: HolidayYear[], added: HolidayYear[]): HolidayYear[] {
  const byYear = new Map(current.map((y) => [y.year, y]));
  for (const y of added) byYear.set(y.year, y);
  return calendarToYears(calendarFromYears([...byYear.values()]));
}
