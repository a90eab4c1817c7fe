/**
 * The matter workflow's public surface (start input, updates, queries), shared by the workflow, the
 * worker and the API so both sides agree on names and types.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor, Command, MatterKind, Flag, MatterState, ProcedureConfig, StateChanges, TripleOneCategory } from '../domain/procedure';
import type { HolidayYear } from '../domain/calendar';
import type { AdjustmentSettled } from '../domain/decisions/adjustmentSettled';
import type { RequestOrigin } from '../domain/evidence/trailEvents';

export const MATTER_WORKFLOW_TYPE = 'matterWorkflow';

export function matterWorkflowId(matterId: string): string {
  return `matter-${matterId}`;
}

export interface MatterWorkflowInput {
  matterId: string;
  kind: MatterKind;
  /** A normative document that is also a major decision (absent in matters started before it existed). */
  alsoMajorDecision?: boolean;
  /** A matter opened to adjust or stop an earlier major decision (713号令第37条). */
  adjusts?: { matterId: string; purpose: 'adjust' | 'stop'; reason: string };
  /** A major decision's link to the yearly catalogue, or why it is not listed. */
  catalogue?: { entryId: string } | { notListedReason: string };
  /** A “三重一大” matter's category, when registered with one. */
  tripleOneCategory?: TripleOneCategory;
  flags: Flag[];
  title: string;
  draftingUnit: string;
  registeredBy: Actor;
  /** The first version of the text: stored by the registration activity in the same transaction. */
  firstVersion: { hash: string; text: string };
  /** The rules this matter runs under, fixed at registration so a later change does not alter it. */
  config: ProcedureConfig;
  calendarYears: HolidayYear[];
  requestId: string | null;
  /** Where the registering request came from, for the trail (absent in matters started before it was kept). */
  origin?: RequestOrigin;
  /**
   * Start a fresh run (continue-as-new) once the history holds this many events, so a long-lived matter
   * never nears Temporal's history limits. Absent in matters started before it existed (default 2,000).
   */
  historyEventsBeforeContinueAsNew?: number;
  /** Set by the request that started the workflow, so that a retry finding it can tell it did not. */
  registrationAttempt?: string;
  /**
   * Carried over by continue-as-new: the matter is already registered; its state, trail head and alerts,
   * and the answers to the latest actions (absent in runs continued before they were carried).
   */
  resume?: {
    state: MatterState;
    trail: TrailHeadView | null;
    notifications: NotificationRecord[];
    answers?: KnownAnswer[];
    /** An adjusting matter has told the decision it adjusts what became of it (absent: not yet, or from before). */
    adjustmentTold?: boolean;
  };
}

/**
 * The answer an action was given, kept by its action key: Temporal recognises a retried Update only within
 * one run, so after continue-as-new the workflow itself must recognise the key and answer it again.
 */
export interface KnownAnswer {
  actionKey: string;
  trail: TrailHeadView;
  summary: string;
}

/**
 * The failure type of an activity whose data the database refuses (a constraint, a value it cannot hold):
 * retrying cannot cure it, so the workflow refuses that one action and goes on.
 */
export const STORAGE_REFUSED = 'StorageRefused';

/** One person's action. `actionKey` is the idempotency key: a retried request is recognised by it. */
export interface ActionRequest {
  command: Command;
  actor: Actor;
  actionKey: string;
  requestId: string | null;
  /** Where the request came from, for the trail (absent in requests from before it was kept). */
  origin?: RequestOrigin;
  /** Required with `submit_version`: the new text (its SHA-256 is the command's versionHash). */
  text?: string;
  reason?: string;
}

export interface TrailHeadView {
  seq: number;
  hash: string;
}

/**
 * The workflow's answer to an action: its trail entry and what happened, and what the action changed in the
 * state the matter had at trail entry `changedFrom` (answers from earlier workflow code carry the whole state
 * instead). Each answer is kept in the workflow's history, where the whole state was a third of a matter's
 * history; the API has the state at that entry already (the projection it read), or reads the new one.
 */
export interface ActionAnswer {
  state?: MatterState;
  changes?: StateChanges;
  changedFrom?: number;
  trail: TrailHeadView;
  summary: string;
}

/** An action's answer as the API gives it: with the state after it. */
export interface ActionResult extends ActionAnswer {
  state: MatterState;
}

export interface NotificationRecord {
  key: string;
  kind: 'reminder' | 'escalation';
  deadlineKey: string;
  /** The deadline's name (absent in records of matters from before it was kept). */
  label?: string;
  dueAt: string;
  at: string;
  /** The due date was counted on a provisional year, computed from the 放假办法 before the year's notice. */
  provisional?: true;
}

export interface MatterView {
  state: MatterState;
  registered: boolean;
  trail: TrailHeadView | null;
  notifications: NotificationRecord[];
}

/** The registration as stored, and which request started the workflow. */
export interface RegistrationView extends MatterView {
  registrationAttempt: string | null;
}

export const actUpdate = defineUpdate<ActionAnswer, [ActionRequest]>('act');
/** Resolves once the registration is stored, so the API can answer the POST with the stored matter. */
export const registeredUpdate = defineUpdate<RegistrationView, []>('registered');
/**
 * An admin loaded a new year's holiday notice; running matters adopt it for clocks not yet computed.
 * A signal, not an update: it is durable at once and nobody should wait for every matter to process it.
 */
export const calendarSignal = defineSignal<[HolidayYear[]]>('calendar');
export const viewQuery = defineQuery<MatterView>('view');
/**
 * What became of the procedure adjusting or stopping this issued major decision (713号令第37条): sent by the new
 * matter's workflow when its decision is out or it ended without one. A signal: the sender waits for no one, and
 * news already applied, or coming after the implementation was closed, changes nothing.
 */
export const adjustmentSettledSignal = defineSignal<[AdjustmentSettled]>('adjustmentSettled');
