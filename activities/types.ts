import type { Actor, Command, CommandType, MatterState, StateChanges, StateColumns } from '../domain/procedure';
import type { RequestOrigin } from '../domain/evidence';
import type { NotificationRecord } from '../workflows/definitions';
import type { Database } from '../platform/database';

/**
 * What the storing activities need of the database: driver transactions for the writes every action makes,
 * reads for retries, and Prisma for the rest.
 */
export type ActivityDatabase = Pick<Database, 'prisma' | 'query' | 'transaction'>;

/** What the workflow hands to the activities; all plain JSON, since it travels through Temporal. */
export interface RegistrationRecord {
  matterId: string;
  workflowId: string;
  runId: string;
  actor: Actor;
  actorRole: string;
  state: MatterState;
  /** Derived projection columns; absent in activities scheduled by earlier workflow code. */
  nextDueAt?: string | null;
  awaitingRoles?: string[];
  awaitingUserIds?: string[];
  firstVersion: { hash: string; text: string };
  requestId: string | null;
  /** Where the registering request came from (absent in activities scheduled by earlier workflow code). */
  origin?: RequestOrigin | null;
  at: string;
}

export interface ActionRecord {
  matterId: string;
  workflowId: string;
  runId: string;
  actionKey: string;
  actor: Actor;
  actorRole: string;
  action: CommandType;
  /** The command as accepted (its payload is what a sign-off signs). */
  command: Command;
  summary: string;
  reason: string | null;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  /** The version the action was taken on (after the action, for a new version). */
  versionHash: string;
  /** Present when the action submitted a new text. */
  newVersion?: { number: number; hash: string; text: string };
  /**
   * The state after the action, whole: from earlier workflow code, and from a run's first action (before it,
   * the run does not know what is stored). Otherwise `changes` and `columns` come instead.
   */
  state?: MatterState;
  /** What the action changed in the state the workflow last stored (domain stateChanges). */
  changes?: StateChanges;
  /** The matter row's columns taken from the state, as they are after the action (with `changes`). */
  columns?: StateColumns;
  nextDueAt: string | null;
  /** Whose turn it is after the action; absent in activities scheduled by earlier workflow code. */
  awaitingRoles?: string[];
  awaitingUserIds?: string[];
  requestId: string | null;
  /** Where the request came from (absent in activities scheduled by earlier workflow code). */
  origin?: RequestOrigin | null;
  at: string;
  /**
   * The trail head the workflow last stored, which the action's entry follows unless another append came
   * first (absent in activities scheduled by earlier workflow code: the activity reads the head instead).
   */
  expectedHead?: { seq: number; hash: string };
}

/** An action with the whole state after it (what stores more than the trail entry reads from the state). */
export type ActionWithState = ActionRecord & { state: MatterState };

/** A reminder or escalation the workflow raised, with where it belongs and what the deadline is called. */
export interface NotificationInput extends NotificationRecord {
  matterId: string;
  workflowId: string;
  runId: string;
  label: string;
}
