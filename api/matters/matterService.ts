import crypto from 'node:crypto';
import { WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import type { Matter } from '../../prisma/generated/client';
import { sha256Hex, type RequestOrigin } from '../../domain/evidence';
import { chinaDateOf } from '../../domain/calendar';
import { rosterOn } from '../meetings/rosters';
import { authorize, canRead, type MatterAccess } from '../../domain/permissions';
import { entryOfUnit } from '../../domain/decisions';
import { ACTION_LABELS, implementationOpen, isEcon, isMajorDecision, matterWarnings, currentHash, currentVersion, parseMatterState, needsText, availableActions, requiredSteps, meetingConfigOf, awaitedParties, awaits, deadlines, decide, nextObligationDue, whoseTurn, matterAccessOf, stateForReader, registrationProblem, registeredParticulars, missingMaterials, TERMINAL_STAGES, type MatterKind, type Flag, type MatterState, type TripleOneCategory } from '../../domain/procedure';
import {
  actUpdate,
  matterWorkflowId,
  MATTER_WORKFLOW_TYPE,
  registeredUpdate,
  viewQuery,
  type ActionAnswer,
  type ActionResult,
  type MatterView,
  type MatterWorkflowInput,
  type NotificationRecord,
  type RegistrationView,
} from '../../workflows/definitions';
import type { ApiDeps } from '../deps';
import type { Principal } from '../auth/principal';
import { forbidden, notFound, ProblemError } from '../http/problem';
import { completeCommand, type WireCommand } from './wireCommand';
import { readMatterRow, readMatterRowWithTrailEntries, type TrailEntryOfMatter } from './matterRow';
import { waitAtMost } from './waitAtMost';
import { stateAfter } from './stateAfter';
import { problemFromTemporal, refusalProblem } from './temporalErrors';
import { checkLinkedIds } from './linkedIds';
import { claimIdempotencyKey } from '../http/idempotency';
import { readStoredState } from '../../activities/storedState';
import { TEMPORAL_RETRY_AFTER_SECONDS } from '../../platform/temporal/unavailable';

/** How long a POST waits for the workflow to store a new matter before answering 202 Accepted. */
const REGISTRATION_WAIT_MS = 20_000;
/** How long an action waits for the workflow's answer before a 503 (a worker is normally there in ms). */
const ACTION_WAIT_MS = 60_000;


export interface NewMatter {
  title: string;
  kind: MatterKind;
  alsoMajorDecision?: boolean;
  /** Set by the adjustment endpoint: the major decision this new procedure adjusts or stops (713号令第37条). */
  adjusts?: { matterId: string; purpose: 'adjust' | 'stop'; reason: string };
  /** A major decision: its catalogue entry, or why it is not in the catalogue (713号令第3条第3款). */
  catalogue?: { entryId: string } | { notListedReason: string };
  /** A “三重一大” matter's category (its meeting is scheduled under it). */
  tripleOneCategory?: TripleOneCategory;
  draftingUnit?: string;
  flags: Flag[];
  text: string;
}

/**
 * A retried POST with the same Idempotency-Key maps to the same matter id, so Temporal's duplicate-id
 * refusal makes the retry find the first matter instead of creating a second one.
 */
function matterIdFor(principal: Principal, idempotencyKey: string | undefined): string {
  if (!idempotencyKey) return crypto.randomUUID();
  const h = sha256Hex(`${principal.userId}\u0000${idempotencyKey}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The request field each registration problem is about (the rest concern the body as a whole). */
const REGISTRATION_PROBLEM_FIELDS: Partial<Record<string, string>> = {
  FLAG_NOT_APPLICABLE: 'body.flags',
  CLASSIFICATION_NOT_APPLICABLE: 'body.alsoMajorDecision',
  CATEGORY_NOT_APPLICABLE: 'body.tripleOneCategory',
};

export async function createMatter(deps: ApiDeps, principal: Principal, input: NewMatter, ctx: { idempotencyKey?: string; requestId: string; origin: RequestOrigin }) {
  const mayRegister = authorize(principal, 'register_matter');
  if (!mayRegister.allowed) throw forbidden(mayRegister.reason);
  const draftingUnit = input.draftingUnit ?? principal.sectionId;
  if (!draftingUnit) throw new ProblemError(400, 'Invalid body.draftingUnit: required for a user without a section', { code: 'invalid_input', errors: [{ field: 'body.draftingUnit', message: 'is required' }] });
  const verdict = authorize(principal, 'register_matter', { createdBy: principal.userId, draftingUnit }, new Date().toISOString());
  if (!verdict.allowed) throw forbidden(verdict.reason);

  if (ctx.idempotencyKey) await claimIdempotencyKey(deps.db, principal.userId, ctx.idempotencyKey, { route: 'register_matter', body: { ...input, draftingUnit } });
  const matterId = matterIdFor(principal, ctx.idempotencyKey);
  const workflowId = matterWorkflowId(matterId);
  // Tells this request apart from a retry that finds the workflow an earlier request started.
  const attempt = crypto.randomUUID();
  const workflowInput: MatterWorkflowInput = {
    matterId,
    ...registeredParticulars(input),
    draftingUnit,
    registeredBy: actorOf(principal),
    firstVersion: { hash: sha256Hex(input.text), text: input.text },
    config: deps.procedureConfig,
    calendarYears: await deps.calendars.years(),
    requestId: ctx.requestId,
    origin: ctx.origin,
    historyEventsBeforeContinueAsNew: deps.config.WORKFLOW_CONTINUE_AS_NEW_EVENTS,
    registrationAttempt: attempt,
  };
  // Checked here, before any workflow exists: the workflow would otherwise fail on its first step.
  const problem = registrationProblem({ matterId, kind: input.kind, alsoMajorDecision: input.alsoMajorDecision, tripleOneCategory: input.tripleOneCategory, flags: input.flags, title: input.title, draftingUnit, createdBy: principal.userId, versionHash: workflowInput.firstVersion.hash, now: new Date().toISOString() });
  if (problem) throw new ProblemError(422, 'Cannot register this matter', { detail: problem.reason, code: problem.code, errors: [{ field: REGISTRATION_PROBLEM_FIELDS[problem.code] ?? 'body', message: problem.reason }] });
  if (input.catalogue) await checkCatalogueLink(deps, { kind: input.kind, alsoMajorDecision: input.alsoMajorDecision, draftingUnit }, input.catalogue);
  // One round trip: start the workflow (or find the one a retry with the same key started) and wait
  // for it to store the registration. The start is durable as soon as the server has it.
  const start = new WithStartWorkflowOperation(MATTER_WORKFLOW_TYPE, {
    taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
    workflowId,
    args: [workflowInput],
    workflowIdConflictPolicy: 'USE_EXISTING',
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    searchAttributes: { MatterStage: ['research'], MatterKind: [input.kind], DraftingUnit: [draftingUnit] },
  });
  const giveUp = new AbortController();
  const registration = untilShutdown(deps, giveUp, () => deps.temporal.workflow.executeUpdateWithStart(registeredUpdate, { startWorkflowOperation: start, args: [] }));
  // If no worker stores it in time (workers down), answer 202 with where the matter will be rather than
  // hold the request open; the workflow stores it as soon as a worker polls.
  let view: RegistrationView | null;
  try {
    view = await waitAtMost(registration, deps.registrationWaitMs ?? REGISTRATION_WAIT_MS);
  } catch (err) {
    // The database refused the registration: the workflow says so and ends.
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw problemFromTemporal(err) ?? err;
    // The matter's workflow has already ended (the matter is closed): a retry finds it in the database.
    if (!ctx.idempotencyKey) throw new ProblemError(409, 'Matter already exists', { code: 'duplicate', detail: workflowId });
    if (!(await deps.db.prisma.matter.findUnique({ where: { id: matterId }, select: { id: true } }))) {
      throw new ProblemError(422, 'Cannot register this matter', { detail: 'The first request with this Idempotency-Key could not be stored; send a corrected request with a new key', code: 'registration_refused' });
    }
    return { created: false, pending: false as const, matter: await loadMatterView(deps, principal, matterId) };
  }
  if (!view) {
    // Stop waiting (the SDK would poll on); the start itself is durable once the server has it.
    registration.catch(() => undefined);
    giveUp.abort();
    try {
      await deps.temporal.workflow.getHandle(workflowId).describe();
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
      throw new ProblemError(503, 'The matter\'s workflow could not be started', { detail: 'Retry with the same Idempotency-Key.', code: 'workflow_unavailable', retryAfterSeconds: TEMPORAL_RETRY_AFTER_SECONDS });
    }
    return { created: true, pending: true as const, matter: { id: matterId, workflowId, stage: 'registering' } };
  }
  // A retry with the same key finds the workflow the first request started: answer with that matter.
  const created = view.registrationAttempt === attempt;
  if (input.catalogue && 'entryId' in input.catalogue) {
    // The entry shows the decision registered for it (and its progress); only an unlinked entry is taken.
    await deps.db.prisma.decisionCatalogueEntry.updateMany({ where: { id: input.catalogue.entryId, matterId: null }, data: { matterId } });
  }
  return { created, pending: false as const, matter: await loadMatterView(deps, principal, matterId) };
}

/** A catalogue link: only for a major decision, to an entry of its drafting unit that exists and is not taken by another decision. */
async function checkCatalogueLink(deps: ApiDeps, m: { kind: MatterKind; alsoMajorDecision?: boolean; draftingUnit: string }, link: NonNullable<NewMatter['catalogue']>): Promise<void> {
  if (!isMajorDecision(m)) throw new ProblemError(422, 'Cannot register this matter', { code: 'catalogue_not_applicable', detail: 'only a major decision is listed in the decision catalogue', errors: [{ field: 'body.catalogue', message: 'only for a major decision' }] });
  if (!('entryId' in link)) return;
  const entry = await deps.db.prisma.decisionCatalogueEntry.findUnique({ where: { id: link.entryId }, select: { matterId: true, unit: true } });
  if (!entry) throw new ProblemError(422, 'Cannot register this matter', { code: 'catalogue_entry_unknown', errors: [{ field: 'body.catalogue.entryId', message: 'no such catalogue entry' }] });
  const section = await deps.db.prisma.section.findUnique({ where: { id: m.draftingUnit }, select: { name: true } });
  if (!entryOfUnit(entry.unit, { id: m.draftingUnit, name: section?.name ?? null })) {
    throw new ProblemError(422, 'Cannot register this matter', { code: 'catalogue_entry_other_unit', detail: `the entry is undertaken by ${entry.unit}; the legal unit links a decision registered by another unit`, errors: [{ field: 'body.catalogue.entryId', message: `an entry of ${entry.unit}, not of this drafting unit` }] });
  }
  if (entry.matterId) throw new ProblemError(409, 'Catalogue entry taken', { code: 'catalogue_entry_taken', detail: `linked to ${entry.matterId}`, errors: [{ field: 'body.catalogue.entryId', message: 'already linked to another decision' }] });
}

export function actorOf(p: Principal) {
  // 法律职业资格 travels with the actor only when held (行政处罚法第58条第2款: enforcement 法制审核).
  return { userId: p.userId, username: p.username, roles: p.roles, sectionId: p.sectionId, lawyerContract: p.lawyerContract ?? null, ...(p.legalQualification ? { legalQualification: true } : {}) };
}

function accessOf(row: Matter, state: MatterState | null): MatterAccess {
  return state ? matterAccessOf(state) : { createdBy: row.createdById, draftingUnit: row.draftingUnit, assignedLawyerId: row.assignedLawyerId, fcrReviewerId: row.fcrReviewerId };
}

/**
 * The matter row the principal may read, with its state parsed once (the status and action paths use it
 * again, so they take it from here rather than parse the ~4 KB state a second time); else 404 (a matter
 * outside one's scope is not revealed).
 */
async function readableMatterState(deps: ApiDeps, principal: Principal, matterId: string, action: 'read_matter' | 'read_trail' | 'verify_signature' = 'read_matter'): Promise<{ row: Matter; state: MatterState | null }> {
  return readableRow(principal, await readMatterRow(deps.db, matterId), action);
}

/** The row (read by the caller) if the principal may do this with it, with its state parsed; else 404 or 403. */
function readableRow(principal: Principal, row: Matter | null, action: 'read_matter' | 'read_trail' | 'verify_signature'): { row: Matter; state: MatterState | null } {
  const state = row && row.state !== null ? parseMatterState(row.state, row.id) : null;
  const access = row ? accessOf(row, state) : null;
  if (!row || !access || !canRead(principal, access)) throw notFound('Matter');
  if (action !== 'read_matter') {
    const verdict = authorize(principal, action, access, new Date().toISOString());
    if (!verdict.allowed) throw forbidden(verdict.reason);
  }
  return { row, state };
}

/** The matter row the principal may read, else 404 (a matter outside one's scope is not revealed). */
export async function readableMatter(deps: ApiDeps, principal: Principal, matterId: string, action: 'read_matter' | 'read_trail' | 'verify_signature' = 'read_matter'): Promise<Matter> {
  return (await readableMatterState(deps, principal, matterId, action)).row;
}

/**
 * A matter as the caller sees it. By default from the database projection, which every action's activity
 * writes in the same transaction as its trail entry before the action is answered (so a client reads its
 * own writes), at the cost of one indexed read. `live` asks the workflow itself (describe + query: two
 * round trips to Temporal and a workflow task on a worker), for operators and for checking the two agree.
 */
export async function loadMatterView(deps: ApiDeps, principal: Principal, matterId: string, opts: { live?: boolean } = {}) {
  // The row and its reminders in one round trip (the reminders are shown unless the workflow is asked).
  const read = await readMatterRowWithTrailEntries(deps.db, matterId, NOTIFICATION_ACTIONS);
  const { row, state: stored } = readableRow(principal, read?.row ?? null, 'read_matter');
  let live: MatterView | null = null;
  if (stored === null) throw notFound('Matter'); // the registration activity writes row and state together
  // An issued major decision's workflow runs on while its implementation is open (713号令第34条至第37条).
  let status = TERMINAL_STAGES.includes(stored.stage) && !implementationOpen(stored) ? 'COMPLETED' : 'RUNNING';
  if (opts.live) {
    const handle = deps.temporal.workflow.getHandle(row.workflowId);
    try {
      const description = await handle.describe();
      status = description.status.name;
      live = await handle.query(viewQuery);
    } catch (err) {
      deps.log.warn({ err, matterId }, 'workflow not reachable; answering from the database projection');
      status = 'UNAVAILABLE';
    }
  }
  const state = live?.state ?? stored;
  const trailHead = live ? live.trail : row.trailHeadSeq > 0 && row.trailHeadHash ? { seq: row.trailHeadSeq, hash: row.trailHeadHash } : null;
  const notifications = live ? live.notifications : notificationsOf(read!.trailEntries);
  const calendar = await deps.calendars.calendar();
  const ctx = { actor: actorOf(principal), now: new Date().toISOString(), config: deps.procedureConfig, calendar };
  // A year without holiday data is a clock with a warning and no due date; anything thrown is a bug (500, logged).
  const clocks = deadlines(state, deps.procedureConfig, calendar);
  const turn = whoseTurn(state, deps.procedureConfig, clocks);
  const nextDueAt = nextObligationDue(clocks);
  // Whether the caller may read the trail: offered to the client, and it decides whether the minutes' views are shown.
  const mayReadTrail = authorize(principal, 'read_trail', matterAccessOf(state), ctx.now).allowed;
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    alsoMajorDecision: isMajorDecision(state) && state.kind === 'normative_document',
    flags: state.flags,
    // What this matter owes (a dual matter: both kinds' steps), so a client shows it without a copy of the rules.
    plan: requiredSteps(state.kind, state.flags, deps.procedureConfig, state.alsoMajorDecision === true).map((s) => ({ key: s.key, label: s.label, basis: s.basis, optional: s.optional })),
    // The same rule the submission gate applies (a client marks what is still needed without a copy of it).
    missingMaterials: missingMaterials(state, deps.procedureConfig),
    // Which body decides this kind (configuration): the meeting form proposes it, the workflow refuses any other.
    decidingBody: meetingConfigOf(deps.procedureConfig).decidingBody[state.kind],
    // The one rule (domain isEcon): the web app asks this instead of reading the flags itself.
    fairCompetitionReview: isEcon(state),
    // One rule (domain/procedure/warnings): e.g. pre-screen findings on a matter without ECON, for the legal unit.
    warnings: matterWarnings(state),
    draftingUnit: row.draftingUnit,
    stage: state.stage,
    createdBy: row.createdById,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    currentVersion: { number: currentVersion(state).number, sha256: currentHash(state) },
    // From the state (obligations only, never an earliest time).
    nextDueAt,
    overdue: nextDueAt !== null && Date.parse(nextDueAt) < Date.now(),
    turn,
    awaitsMe: awaits({ ...awaitedParties(turn), draftingUnit: state.draftingUnit }, principal),
    // What the caller may read besides the matter itself, so a client offers only what will be answered.
    access: {
      trail: mayReadTrail,
      signatures: authorize(principal, 'verify_signature', matterAccessOf(state), ctx.now).allowed,
    },
    workflow: { workflowId: row.workflowId, status, source: live ? 'workflow' : 'projection', trailHead, notifications },
    deadlines: clocks,
    availableActions: status === 'RUNNING' ? availableActions(state, ctx.actor, ctx) : [],
    // The minutes' individual views only for those who may read the trail (as /trail and the dossier).
    state: stateForReader(state, mayReadTrail),
  };
}

const NOTIFICATION_ACTIONS = ['deadline_reminder', 'deadline_escalation'] as const;

/** The reminders and escalations the workflow raised, as its notification activity recorded them in the trail. */
function notificationsOf(rows: TrailEntryOfMatter[]): NotificationRecord[] {
  return rows.map((r) => {
    const after = (r.after ?? {}) as { deadline?: string; dueAt?: string; label?: string; provisional?: boolean };
    return {
      key: r.actionKey.replace(/^notify:/, ''),
      kind: r.action === 'deadline_reminder' ? 'reminder' : 'escalation',
      deadlineKey: after.deadline ?? '',
      // The activity records the deadline's name as the reason's lead ("<label>: due <date>").
      label: after.label ?? r.reason?.replace(/: due .*$/s, '') ?? undefined,
      dueAt: after.dueAt ?? '',
      at: r.at.toISOString(),
      ...(after.provisional === true ? { provisional: true as const } : {}),
    };
  });
}

export interface ActionBody {
  command: WireCommand;
  text?: string;
  reason?: string;
}

/** Relays one person's action to the matter's workflow as an Update and returns the workflow's answer. */
export async function actOnMatter(deps: ApiDeps, principal: Principal, matterId: string, body: ActionBody, ctx: { idempotencyKey?: string; requestId: string; origin: RequestOrigin }): Promise<ActionResult> {
  const { row, state } = await readableMatterState(deps, principal, matterId);
  const stored = state ?? parseMatterState(row.state, row.id); // no state: the same error as ever (a row is stored with its state)
  if (needsText(body.command.type) && body.text === undefined) {
    throw new ProblemError(400, 'Invalid body.text: the new version\'s text is required', { code: 'invalid_input', errors: [{ field: 'body.text', message: `is required for ${body.command.type}` }] });
  }
  // The server, not the client, computes what a new version is bound to and names generated documents.
  const command = completeCommand(body.command, {
    version: body.text !== undefined ? { hash: sha256Hex(body.text), number: stored.versions.length + 1 } : undefined,
    newDocumentId: () => `fcr-conclusion-${crypto.randomUUID()}`,
    roster: body.command.type === 'record_meeting' ? await meetingRoster(deps, stored, body.command.record.heldAt) : undefined,
  });
  if (command.type === 'schedule_meeting') await checkMeetingBody(deps, command.bodyId ?? command.body, command.body);
  if (command.type === 'submit_lawyer_opinion' && principal.roles.includes('lawyer')) {
    const [me] = await deps.db.query<{ signingPublicKey: string | null }>('SELECT signing_public_key AS "signingPublicKey" FROM app_user WHERE id = $1', [principal.userId]);
    if (!me?.signingPublicKey) throw new ProblemError(422, 'No signing key', { detail: 'Your account has no signing key; an admin must issue one (PATCH /api/v1/users/:id with the lawyer role)', code: 'no_signing_key' });
  }
  // A command none of the person's roles may ever send (an auditor's, any command) is refused here, as the
  // workflow's first check would refuse it, before its Idempotency-Key is claimed: a read-only person could
  // otherwise store a key row per request. Scope, stage and duties stay the workflow's to judge.
  const byRole = authorize(principal, command.type);
  if (!byRole.allowed) throw refusalProblem({ status: 403, code: 'FORBIDDEN', reason: byRole.reason });
  // The people and matters the command names, checked against the data (the workflow knows only its matter). Not on
  // a closed matter: a retry of its last action is answered as the first was, and anything else is refused below.
  if (!TERMINAL_STAGES.includes(stored.stage)) await checkLinkedIds(deps, stored, command, new Date().toISOString());
  // Bound to what the client sent (before the server adds hashes, numbers and ids that vary between tries),
  // once the request is known to be well-formed: a rejected malformed request does not use up its key.
  if (ctx.idempotencyKey) await claimIdempotencyKey(deps.db, principal.userId, ctx.idempotencyKey, { route: 'act', resource: matterId, body });
  const actionKey = ctx.idempotencyKey ? `k:${principal.userId}:${ctx.idempotencyKey}` : `r:${principal.userId}:${ctx.requestId}`;
  if (TERMINAL_STAGES.includes(stored.stage)) {
    // A retry of an action that was applied (typically the one that closed the matter, its answer lost with
    // the connection) learns its original answer, closed or not.
    const known = ctx.idempotencyKey ? await originalAnswer(deps, row, actionKey) : null;
    if (known) return withState(deps, principal, { row, state: stored }, known);
    // The workflow has ended; the same pure rules give the same answer it would have given.
    const decisionContext = { actor: actorOf(principal), now: new Date().toISOString(), config: deps.procedureConfig, calendar: await deps.calendars.calendar() };
    const verdict = decide(stored, command, decisionContext);
    if (!verdict.ok) throw refusalProblem(verdict);
  }
  const send = () => deps.temporal.workflow.getHandle(row.workflowId).executeUpdate(actUpdate, {
    args: [{ command, actor: actorOf(principal), actionKey, requestId: ctx.requestId, origin: ctx.origin, text: body.text, reason: body.reason }],
    updateId: actionKey,
  });
  const update = untilShutdown(deps, new AbortController(), send);
  // With no worker to run the matter's workflow, do not hold the request open forever. The action may
  // still be applied once a worker returns; a retry with the same Idempotency-Key learns its outcome.
  try {
    const answer = await waitAtMost(update, deps.actionWaitMs ?? ACTION_WAIT_MS);
    if (answer) return await withState(deps, principal, { row, state: stored }, answer);
  } catch (err) {
    // The workflow closed between reading the projection and asking it (the retried action may be what closed it).
    const known = ctx.idempotencyKey && err instanceof WorkflowNotFoundError ? await originalAnswer(deps, row, actionKey) : null;
    if (known) return withState(deps, principal, { row, state: stored }, known);
    throw problemFromTemporal(err) ?? err;
  }
  update.catch(() => undefined);
  throw new ProblemError(503, 'The matter\'s workflow did not answer in time', {
    detail: 'No worker processed the action yet; it may still be applied. Retry with the same Idempotency-Key to learn its outcome.',
    code: 'workflow_unavailable',
    retryAfterSeconds: TEMPORAL_RETRY_AFTER_SECONDS,
  });
}

/**
 * The answer an applied action was given, for a retry with its Idempotency-Key on a matter whose workflow
 * has ended: the Update's own result from the workflow history when Temporal still has it, else rebuilt
 * from its trail entry and the final state. Null when the key was never applied to this matter.
 */
async function originalAnswer(deps: ApiDeps, row: Matter, actionKey: string): Promise<ActionAnswer | null> {
  const entry = await deps.db.prisma.trailEntry.findUnique({ where: { matterId_actionKey: { matterId: row.id, actionKey } }, select: { seq: true, hash: true, action: true, summary: true } });
  if (!entry) return null;
  try {
    return await deps.temporal.workflow.getHandle(row.workflowId).getUpdateHandle<ActionAnswer>(actionKey).result();
  } catch (err) {
    deps.log.info({ err, matterId: row.id }, 'update result not in the last run; answering from the trail');
  }
  const label = (ACTION_LABELS as Record<string, string>)[entry.action] ?? entry.action;
  return { trail: { seq: entry.seq, hash: entry.hash }, summary: entry.summary ?? label };
}

/**
 * The workflow's answer with the state after the action: from the answer (stateAfter) or else read from the
 * projection the action stored before it was answered. Should another action on the same matter have been
 * stored in between, the state read is that later one: a client is never shown an older state than the one
 * its action led to.
 */
async function withState(deps: ApiDeps, principal: Principal, read: { row: Matter; state: MatterState }, answer: ActionAnswer): Promise<ActionResult> {
  const state = stateAfter(read, answer) ?? (await readStoredState(deps.db, read.row.id));
  return { trail: answer.trail, summary: answer.summary, state: state && stateForReader(state, authorize(principal, 'read_trail', matterAccessOf(state), new Date().toISOString()).allowed) };
}

/** The scheduled body's roster on the day the meeting was held (the domain refuses the record without it). */
async function meetingRoster(deps: ApiDeps, state: MatterState, heldAt: string | undefined) {
  const scheduled = state.meeting.scheduled;
  const at = Date.parse(heldAt ?? scheduled?.meetingAt ?? '');
  if (!scheduled || Number.isNaN(at)) return undefined;
  const bodyId = scheduled.bodyId ?? scheduled.body;
  const on = chinaDateOf(at);
  const roster = await rosterOn(deps.db, bodyId, on);
  return roster ? { bodyId, on, members: roster.members, chairs: roster.chairs } : undefined;
}

/** A meeting is scheduled for a body that exists and is of the kind named. */
async function checkMeetingBody(deps: ApiDeps, bodyId: string, kind: string): Promise<void> {
  const [body] = await deps.db.query<{ kind: string }>('SELECT kind FROM meeting_body WHERE id = $1', [bodyId]);
  if (!body || body.kind !== kind) {
    throw new ProblemError(422, 'Unknown meeting body', { code: 'unknown_meeting_body', detail: `${bodyId} is not a ${kind} (admins keep the bodies: PUT /api/v1/meeting-bodies/:id)`, errors: [{ field: 'body.command.bodyId', message: `no ${kind} with id ${bodyId}` }] });
  }
}

/**
 * Runs a Temporal call that the API's stop gives up (before the connection closes), through a signal of the
 * call's own: the SDK adds a listener to the signal it is given and never removes it, so the long-lived
 * shutdown signal is linked to the call's signal only for the call's lifetime.
 */
function untilShutdown<T>(deps: ApiDeps, own: AbortController, call: () => Promise<T>): Promise<T> {
  const shutdown = deps.shutdown;
  if (!shutdown) return deps.temporal.withAbortSignal(own.signal, call);
  const giveUp = () => own.abort();
  shutdown.addEventListener('abort', giveUp, { once: true });
  return deps.temporal.withAbortSignal(own.signal, call).finally(() => shutdown.removeEventListener('abort', giveUp));
}
