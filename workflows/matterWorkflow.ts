/**
 * One workflow per matter: it holds the procedure state, accepts people's actions as Updates (validated
 * by the same pure rules the API uses), persists each accepted action through an activity before adopting
 * it, and keeps the statutory clocks. Deterministic orchestration only: no I/O, no clocks but the SDK's.
 *
 * Shaped like Temporal's safe-message-handlers sample: the matter lives in a small state holder, and one
 * named mutex makes the trail's writers (actions, pre-screens, alerts) take turns.
 */
import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  CancellationScope,
  condition,
  getExternalWorkflowHandle,
  isCancellation,
  continueAsNew,
  log,
  ParentClosePolicy,
  proxyActivities,
  sleep,
  startChild,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { RetryPolicy } from '@temporalio/common';
import type { createActivities } from '../activities';
import { applyPrescreen, currentVersion, implementationOpen, implementationStarted, isEcon, legalityPrescreenOf, legalityScreenCurrent, needsText, parseCommand, registerRevision, applyStateChanges, stateChanges, stateColumns, TERMINAL_STAGES, type MatterState } from '../domain/procedure';
import { actUpdate, adjustmentSettledSignal, calendarSignal, matterWorkflowId, registeredUpdate, STORAGE_REFUSED, viewQuery, type ActionAnswer, type ActionRequest, type MatterWorkflowInput, type NotificationRecord, type TrailHeadView } from './definitions';
import { MatterHolder } from './matterHolder';
import { beijingYear, defaultDocumentLifeConfig, seriesOf } from '../domain/lifecycle';
import { postDecisionSteps } from '../domain/procedure/steps';
import { amendmentSettledSignal, documentWorkflowId } from './documentDefinitions';
import { documentWorkflow } from './documentWorkflow';
import { Mutex } from './mutex';
import { matterPatches } from './patchBaseline';
import { settleAdjustment, type AdjustmentSettled } from '../domain/decisions/adjustmentSettled';

/** About a tenth of Temporal's own suggestion point: matters are small, and replays stay fast. */
export const DEFAULT_HISTORY_EVENTS_BEFORE_CONTINUE_AS_NEW = 2_000;

// The database may be briefly away; actions wait for it rather than fail, and nothing is lost.
const retry: RetryPolicy = { initialInterval: '1 second', maximumInterval: '30 seconds', backoffCoefficient: 2 };
/**
 * The storing activities heartbeat while they run (activities/heartbeat.ts): one that dies with its worker
 * is retried on another after HEARTBEAT_TIMEOUT, not after the whole start-to-close timeout (30 s), which
 * stays for a slow database. Retrying is safe: each is idempotent by matter and action key.
 */
const { recordRegistration, recordAction, recordNotification } = proxyActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '30 seconds',
  heartbeatTimeout: '5 seconds',
  retry,
});
// The pre-screens are CPU-bound (they cannot heartbeat while they read a long text), so they keep the plain timeout.
const { assignDocumentNumber } = proxyActivities<ReturnType<typeof createActivities>>({ startToCloseTimeout: '30 seconds', heartbeatTimeout: '5 seconds', retry });
const { prescreenVersion, screenVersion } = proxyActivities<ReturnType<typeof createActivities>>({ startToCloseTimeout: '30 seconds', retry });
const { documentsAwaitingAmendment } = proxyActivities<ReturnType<typeof createActivities>>({ startToCloseTimeout: '30 seconds', retry });
const { recordAdjustmentSettled } = proxyActivities<ReturnType<typeof createActivities>>({ startToCloseTimeout: '30 seconds', heartbeatTimeout: '5 seconds', retry });

/** The database refused what an activity would store: no retry can cure it. */
function storageRefused(err: unknown): ApplicationFailure | null {
  return err instanceof ActivityFailure && err.cause instanceof ApplicationFailure && err.cause.type === STORAGE_REFUSED ? err.cause : null;
}

export const PROVISIONAL_CALENDAR_PATCH = 'provisional-calendar-years';
/** Issued major decisions stay open for their implementation (713号令第34条至第37条). */
export const IMPLEMENTATION_PATCH = 'major-decision-implementation';
export const FCR_FINDINGS_BOUND_PATCH = 'fcr-findings-bound-to-text';
export const ECON_REMOVAL_PATCH = 'econ-removal-by-legal-unit';
/** Signings numbered by the document register (统一编号) instead of a typed number. */
export const DOCUMENT_REGISTER_PATCH = 'document-register-numbers';
/** Issued documents live on in their own workflow (validity, re-evaluation, expiry, exception end). */
export const DOCUMENT_LIFE_PATCH = 'document-life-workflow';
/**
 * The issuing action (publish, or the signing where nothing is published) is answered without waiting for the
 * server to report the document's workflow started: the start goes out with the answer. Waiting cost that
 * action one more workflow task and the child's creation — its latency was twice any other action's. The
 * register's decisions, the only messages a document's workflow takes, wait a moment for it
 * (api/register/registerService.ts).
 */
export const DOCUMENT_LIFE_UNAWAITED_PATCH = 'document-life-start-unawaited';
/**
 * Commands an action adds only where something changed: the search attributes when their values do, the
 * clocks' timer when the next wake-up does (before, every action upserted the attributes and cancelled and
 * restarted the timer: three commands and four history events Temporal stored and indexed for nothing).
 */
export const QUIET_ACTIONS_PATCH = 'commands-only-on-change';
/** A document's workflow started by the action in progress exists before the run continues as new. */
export const DOCUMENT_LIFE_BEFORE_CONTINUE_PATCH = 'document-life-before-continue-as-new';
/** Gates that could be walked around, closed (domain LegacyRules.gatesBeforeWritten). */
export const GATES_AS_WRITTEN_PATCH = 'gates-as-written';
/** Limits that could be walked around, closed (domain LegacyRules.limitsBeforeWritten). */
export const LIMITS_AS_WRITTEN_PATCH = 'limits-as-written';
/** Stops that could be walked around, closed (domain LegacyRules.stopsBeforeWritten). */
export const STOPS_AS_WRITTEN_PATCH = 'stops-as-written';
/** Authority that could be walked around, closed (domain LegacyRules.authorityBeforeWritten). */
export const AUTHORITY_AS_WRITTEN_PATCH = 'authority-as-written';
/**
 * A matter named to draft a document's amendment (修改) that ends without issuing tells that document, which is then
 * decided on again (workflows/documentWorkflow.ts DOCUMENT_AMENDMENT_AWAITS_ISSUE_PATCH). Runs that ended before
 * told no one.
 */
export const AMENDMENT_ENDED_PATCH = 'amendment-ended-told';
/**
 * A matter adjusting or stopping an issued major decision (713号令第37条) tells it when its own decision is out
 * (published, withheld 依法不予公开, or issued) and when it ended without one; the original then ends its
 * implementation, or stops counting that procedure (domain/decisions/adjustmentSettled.ts). Runs from before told no one.
 */
export const ADJUSTMENT_SETTLED_PATCH = 'adjustment-settled-told';
/** One procedure adjusting or stopping an issued major decision at a time (domain LegacyRules.adjustmentsUnbounded). */
export const ADJUSTMENTS_ONE_AT_A_TIME_PATCH = 'adjustments-one-at-a-time';
/** The ends of a matter that put out no document (an amending matter's documents are then decided on again). */
const ENDED_WITHOUT_DOCUMENT: readonly string[] = ['rejected', 'withdrawn', 'not_issued'];

const refuse = (status: number, code: string, reason: string) =>
  ApplicationFailure.create({ type: 'ActionRefused', message: reason, nonRetryable: true, details: [{ status, code, reason }] });

export async function matterWorkflow(input: MatterWorkflowInput): Promise<MatterState> {
  const info = workflowInfo();
  // Must be first: whether this run is on the patch baseline (one marker for every patch it names).
  const patched = matterPatches();
  // Runs started before authors of versions were kept from reviewing them replay as they ran.
  const versionAuthorsMayReview = !patched('version-authors-may-not-review');
  // Runs started before both pre-screens ran on every version of every matter replay as they ran.
  const screenEveryVersion = patched('screen-every-version');
  // Runs started before these rules replay as they ran (domain LegacyRules).
  const legacy = {
    legalUnitNotedBySomeActions: !patched('legal-unit-noted-on-every-action'),
    meetingHeldAnyTimeInPast: !patched('meeting-after-scheduling'),
    riskNotControllableMayProceed: !patched('risk-not-controllable-stops'),
    publicHearingOptional: !patched('public-participation-required'),
    // A count of fair-competition findings set by hand, a waiver of hearing operators; ECON cleared by anyone.
    fcrOpenCountByHand: !patched(FCR_FINDINGS_BOUND_PATCH),
    econFreelyCleared: !patched(ECON_REMOVAL_PATCH),
    opinionsWithoutOwnChecklist: !patched('opinions-each-their-own'),
    meetingWithoutRosterOrBodyRules: !patched('deciding-bodies-and-rosters'),
    // A replaced lawyer's UNLAWFUL, a text judged not controllable coming back, flags the legal unit added, the
    // comment judged again at the meeting (domain LegacyRules.gatesBeforeWritten).
    gatesBeforeWritten: !patched(GATES_AS_WRITTEN_PATCH),
    // Dates before publication, the 第32条 explanation, late case extensions, LAWFUL with changes pending, the final
    // text's stops, future hearings, flags dropped after the review began (domain LegacyRules.limitsBeforeWritten).
    limitsBeforeWritten: !patched(LIMITS_AS_WRITTEN_PATCH),
    // The final text's own review, the lawyer's LAWFUL before an amended text or a contract goes on, the filing
    // date fixed, the exploratory reform's scope, recusal of authors (domain LegacyRules.stopsBeforeWritten).
    stopsBeforeWritten: !patched(STOPS_AS_WRITTEN_PATCH),
    // An admin's account acting through other roles, a lawyer out of contract answering findings, a late exemption
    // from hearing the public, the pre-screen's fair-competition findings left undecided (domain LegacyRules.authorityBeforeWritten).
    authorityBeforeWritten: !patched(AUTHORITY_AS_WRITTEN_PATCH),
    // Any number of procedures adjusting or stopping the decision at once (domain LegacyRules.adjustmentsUnbounded).
    adjustmentsUnbounded: !patched(ADJUSTMENTS_ONE_AT_A_TIME_PATCH),
  };
  const matter = new MatterHolder(input, versionAuthorsMayReview, legacy);
  // The year after the last holiday notice is computed provisionally from the 放假办法 (its clocks run, marked
  // provisional) in matters started since, and in older ones from their next wake-up (in the loop below);
  // their histories from before replay with that year refused, as it was then.
  if (patched(PROVISIONAL_CALENDAR_PATCH)) matter.allowProvisionalYears();
  // The trail is a chain: its entries are appended one at a time, so the head the workflow keeps is the newest.
  const trailWriter = new Mutex('trail-writer');
  const where = () => ({ matterId: matter.state.matterId, workflowId: info.workflowId, runId: info.runId });
  const quietActions = patched(QUIET_ACTIONS_PATCH);
  const searchAttributes = new SearchAttributesPublisher(quietActions);
  /**
   * The state this run last stored in the projection (null until it stores one): an action hands the
   * activity what it changed from it, not the whole state, which every activity input keeps in the history.
   */
  let storedState: MatterState | null = null;

  setHandler(viewQuery, () => matter.view());
  setHandler(registeredUpdate, async () => {
    await condition(() => matter.registered || matter.registrationRefused !== null);
    const refused = matter.registrationRefused;
    if (refused) throw refuse(refused.status, refused.code, refused.reason);
    return { ...matter.view(), registrationAttempt: input.registrationAttempt ?? null };
  });
  setHandler(calendarSignal, (years) => matter.adoptCalendarYears(years));
  setHandler(adjustmentSettledSignal, adoptAdjustmentSettled);
  setHandler(actUpdate, act, {
    validator: (request) => {
      const parsed = parseCommand(request.command);
      if (!parsed.ok) throw refuse(parsed.status, parsed.code, parsed.reason);
      if (!matter.registered) return; // decided in the handler once registration is stored
      if (matter.knownAnswer(request.actionKey)) return; // a retry: answered as the first time
      // A signing without a typed number is numbered by the register (the handler decides which rule holds).
      const unnumbered = request.command.type === 'sign_and_number' && request.command.documentNumber === undefined;
      const decision = matter.validate(request, unnumbered ? { assigned: null } : undefined);
      if (!decision.ok) throw refuse(decision.status, decision.code, decision.reason);
    },
  });

  /** One person's action: judged on the current state, stored with its trail entry, then adopted. */
  async function act(request: ActionRequest): Promise<ActionAnswer> {
    await condition(() => matter.registered || matter.registrationRefused !== null);
    const refused = matter.registrationRefused;
    if (refused) throw refuse(refused.status, refused.code, refused.reason);
    return trailWriter.runExclusive(async () => {
      // Runs from before actions were recognised by key replay as they ran.
      const recognisesKeys = patched('known-action-keys');
      // A retry of an action this matter already applied (also in an earlier run: Temporal recognises a
      // retried Update only within one run) gets the answer it was given, and is not applied again.
      const known = recognisesKeys ? matter.knownAnswer(request.actionKey) : null;
      if (known) return { trail: known.trail, summary: known.summary };
      // What the answer's changes are from: the state at this trail entry (the projection the API read, unless
      // something was stored since).
      const from = { state: matter.state, seq: matter.trail?.seq ?? 0 };
      // Signings since the register numbers them (running matters too, from their next signing): judged
      // first, then numbered (a refused signing takes no number), then judged with the number.
      const numbers = request.command.type === 'sign_and_number' && seriesOf(matter.state.kind, documentsConfig()) !== null && patched(DOCUMENT_REGISTER_PATCH);
      let decision = numbers ? matter.judge(request, { assigned: null }) : matter.judgeValidated(request);
      if (!decision.ok) throw refuse(decision.status, decision.code, decision.reason);
      if (numbers) {
        const assigned = await numberDocument(decision.state);
        decision = matter.judge(request, { assigned });
        if (!decision.ok) throw refuse(decision.status, decision.code, decision.reason);
      }
      const next = decision.state;
      const current = currentVersion(next);
      const now = matter.context(request.actor).now;
      // What changed since the state this run last stored, when it knows it (not before its first store).
      const stored = storedState ? { changes: stateChanges(storedState, next), from: storedState } : null;
      let trail: TrailHeadView;
      try {
        trail = await recordAction({
        ...where(),
        actionKey: request.actionKey,
        actor: request.actor,
        actorRole: decision.role,
        action: request.command.type,
        command: request.command,
        summary: decision.event.summary,
        reason: request.reason ?? commandReason(request),
        before: decision.event.before,
        after: decision.event.after,
        versionHash: current.hash,
        newVersion: needsText(request.command.type) ? { number: current.number, hash: current.hash, text: request.text! } : undefined,
        ...(stored ? { changes: stored.changes, columns: stateColumns(next) } : { state: next }),
        ...matter.projection(next),
        requestId: request.requestId,
        origin: request.origin ?? null,
        at: now,
        // Saves the activity a read of the head (a payload field only: the commands are the same).
        ...(matter.trail ? { expectedHead: matter.trail } : {}),
        });
      } catch (err) {
        // The database refused what this action would store: refuse the action, keep the matter going.
        const refusal = storageRefused(err);
        if (refusal) throw refuse((refusal.details?.[0] as { kind?: string } | undefined)?.kind === 'constraint' ? 409 : 422, 'storage_refused', refusal.message);
        throw err;
      }
      if (recognisesKeys && matter.trail && trail.seq <= matter.trail.seq) {
        // The activity found this key already stored (an action applied before its key was forgotten): an
        // older entry is never adopted as the head, nor is the state applied a second time.
        return { trail, summary: decision.event.summary };
      }
      matter.adopt(next, trail);
      storedState = next;
      if (recognisesKeys) matter.remember({ actionKey: request.actionKey, trail, summary: decision.event.summary });
      await screenCurrentVersion();
      searchAttributes.publish(matter.state);
      await startDocumentLife(request.command.type);
      // The answer's changes are the stored ones unless a pre-screen changed the state since (a new version).
      const changes = stored && stored.from === from.state && matter.state === next ? stored.changes : stateChanges(from.state, matter.state);
      return { trail, summary: decision.event.summary, changes, changedFrom: from.seq };
    });
  }

  /**
   * Every stored version of every matter is pre-screened — fair competition (findings on a matter without
   * ECON warn the legal unit; the reviewer answers them once it has the flag) and legality (the lawyer
   * answers each finding before signing) — through one activity that applies both results and writes the
   * projection once. A changed legal-basis register screens the current version again for legality.
   */
  async function screenCurrentVersion(): Promise<void> {
    const state = matter.state;
    const current = currentVersion(state);
    const fairCompetition = !(state.fairCompetition.prescreens ?? []).some((p) => p.versionHash === current.hash);
    if (!screenEveryVersion) {
      // Runs started before: the fair-competition pre-screen of ECON matters only (and before that, none).
      if (!isEcon(state) || !fairCompetition) return;
      if (!patched('prescreen-each-version')) return;
      const at = new Date().toISOString();
      const outcome = await prescreenVersion({ ...where(), state, versionNumber: current.number, versionHash: current.hash, at });
      matter.adopt(applyPrescreen(state, { versionHash: current.hash, ruleSetVersion: outcome.ruleSetVersion, findings: outcome.findings, at }), outcome.trail);
      storedState = null; // that activity computed and stored its own state
      return;
    }
    const legality = legalityScreenCurrent(state) ? null : { registerRevision: registerRevision(state), register: legalityPrescreenOf(state).register?.entries ?? [] };
    if (!fairCompetition && !legality) return;
    // The stored state is screened when this run knows it is this one: the outcome then carries what changed.
    const outcome = await screenVersion({ ...where(), ...(storedState === state ? {} : { state }), versionNumber: current.number, versionHash: current.hash, fairCompetition, legality, at: new Date().toISOString() });
    const screened = 'changes' in outcome ? applyStateChanges(state, outcome.changes) : outcome.state;
    matter.adopt(screened, outcome.trail);
    storedState = screened;
  }

  function documentsConfig() {
    return input.config.documents ?? defaultDocumentLifeConfig;
  }

  /** The register's number for this matter's document (the same one if asked again). */
  async function numberDocument(signed: MatterState) {
    const series = seriesOf(signed.kind, documentsConfig())!;
    const signing = signed.postDecision.signing!;
    try {
      return await assignDocumentNumber({
        matterId: signed.matterId,
        series: series.code,
        pattern: series.pattern,
        year: beijingYear(signing.at),
        title: signed.title,
        kind: signed.kind,
        draftingUnit: signed.draftingUnit,
        versionHash: signing.versionHash,
        signedAt: signing.at,
        effectiveAt: signing.effectiveAt ?? null,
        expiresAt: signing.expiresAt ?? null,
        earlyEffectReason: signing.earlyEffectReason ?? null,
        exceptionEndsAt: signing.exceptionEndsAt ?? null,
        documentWorkflowId: documentWorkflowId(signed.matterId),
      });
    } catch (err) {
      const refusal = storageRefused(err);
      if (refusal) throw refuse(422, 'storage_refused', refusal.message);
      throw err;
    }
  }

  /** The document workflow's start, when the issuing action was answered without waiting for it. */
  let documentLifeStart: Promise<void> | null = null;

  /**
   * Once a numbered document is out (published, or signed when it is not published), its life goes on in
   * its own workflow, which outlives this one (this one ends at archiving; a document lives for years).
   */
  async function startDocumentLife(action: string): Promise<void> {
    const s = matter.state;
    const signing = s.postDecision.signing;
    if (!signing?.register) return;
    const outStep = postDecisionSteps(s.kind, s.flags).includes('publish') ? 'publish' : 'sign_and_number';
    // A decision 依法不予公开 completes the publication step by withholding it (713号令第32条): it is then issued.
    const issuing = action === outStep || (outStep === 'publish' && action === 'withhold_publication');
    if (!issuing || !patched(DOCUMENT_LIFE_PATCH)) return;
    const started = startChild(documentWorkflow, {
      workflowId: documentWorkflowId(s.matterId),
      parentClosePolicy: ParentClosePolicy.ABANDON,
      args: [{
        documentId: s.matterId,
        number: signing.documentNumber,
        title: s.title,
        kind: s.kind,
        effectiveAt: signing.effectiveAt ?? s.postDecision.publication?.at ?? signing.at,
        expiresAt: signing.expiresAt ?? null,
        exceptionEndsAt: signing.exceptionEndsAt ?? null,
        config: documentsConfig(),
        ...(input.historyEventsBeforeContinueAsNew !== undefined ? { historyEventsBeforeContinueAsNew: input.historyEventsBeforeContinueAsNew } : {}),
      }],
    });
    if (!patched(DOCUMENT_LIFE_UNAWAITED_PATCH)) {
      await started;
      return;
    }
    // Not awaited here, but before this run ends (documentLifeStarted). A start that fails (only when a workflow
    // with the document's id is running already, which is then the document's) must not fail the workflow task.
    documentLifeStart = started.then(
      () => undefined,
      (err: unknown) => log.warn('the document workflow did not start', { documentWorkflowId: documentWorkflowId(s.matterId), error: String(err) }),
    );
  }

  /**
   * The document's workflow exists before this run ends or continues as new: the server drops a child's start
   * that its parent's run has not seen through (seen: a matter continued as new right after publishing, and
   * its document had no workflow).
   */
  async function documentLifeStarted(): Promise<void> {
    if (documentLifeStart) await documentLifeStart;
  }

  /**
   * Before continuing as new: the actions in progress finish, and a document workflow one of them started exists.
   * Runs before patch document-life-before-continue-as-new looked at the document's start first, then waited for
   * the actions: an action in progress (the publication) could start the document's workflow after that look, and
   * the run continued as new in the same task as the start, which the server then dropped (seen: a document with
   * no workflow on a loaded machine, with a short history limit).
   */
  async function settleBeforeContinuingAsNew(): Promise<void> {
    if (!patched(DOCUMENT_LIFE_BEFORE_CONTINUE_PATCH)) {
      await documentLifeStarted();
      await condition(() => !trailWriter.isLocked && allHandlersFinished());
      return;
    }
    await condition(() => !trailWriter.isLocked && allHandlersFinished());
    await documentLifeStarted();
    // An action that arrived while the start was confirmed finishes too (a document's workflow starts only once).
    await condition(() => !trailWriter.isLocked && allHandlersFinished());
  }

  /** Ended without issuing: documents decided to be amended through this matter are to be decided on again. */
  async function tellAmendedDocumentsEnded(): Promise<void> {
    const { matterId, stage } = matter.state;
    for (const doc of await documentsAwaitingAmendment(matterId)) {
      try {
        await getExternalWorkflowHandle(doc.workflowId).signal(amendmentSettledSignal, { matterId, outcome: 'ended', stage });
      } catch (err) {
        log.warn('an amended document was not told', { documentWorkflowId: doc.workflowId, error: String(err) });
      }
    }
  }

  /**
   * This matter adjusts or stops an issued major decision: once its decision is out, or it ended without one, the
   * original is told (once; the flag is carried across runs, and the original ignores news it already has). A signal
   * to an original whose workflow has ended (its implementation recorded complete) fails and is only logged.
   */
  async function tellAdjustedDecision(): Promise<void> {
    const s = matter.state;
    if (!s.adjusts || matter.adjustmentTold) return;
    const out = implementationStarted(s);
    if (!out && !ENDED_WITHOUT_DOCUMENT.includes(s.stage)) return;
    if (!patched(ADJUSTMENT_SETTLED_PATCH)) return;
    matter.adjustmentTold = true;
    const signing = s.postDecision.signing;
    const effectiveAt = signing?.effectiveAt ?? s.postDecision.publication?.at ?? signing?.at;
    const news: AdjustmentSettled = {
      newMatterId: s.matterId,
      purpose: s.adjusts.purpose,
      reason: s.adjusts.reason,
      registeredBy: s.createdBy,
      registeredAt: s.registeredAt,
      outcome: out ? 'out' : 'ended',
      stage: s.stage,
      ...(out && signing?.documentNumber ? { documentNumber: signing.documentNumber } : {}),
      ...(out && effectiveAt ? { effectiveAt } : {}),
      at: new Date().toISOString(),
    };
    try {
      await getExternalWorkflowHandle(matterWorkflowId(s.adjusts.matterId)).signal(adjustmentSettledSignal, news);
    } catch (err) {
      log.warn('the adjusted decision was not told', { matterId: s.adjusts.matterId, error: String(err) });
    }
  }

  /**
   * The news from a matter adjusting or stopping this one (713号令第37条), applied by the domain's rule and stored with
   * a trail entry by the system, taking its turn with the actions. News already applied, or coming after the
   * implementation was closed, changes nothing.
   */
  async function adoptAdjustmentSettled(news: AdjustmentSettled): Promise<void> {
    await condition(() => matter.registered || matter.registrationRefused !== null);
    if (!matter.registered) return;
    await trailWriter.runExclusive(async () => {
      const settled = settleAdjustment(matter.state, news);
      if ('unchanged' in settled) {
        log.info('news of an adjustment changed nothing', { newMatterId: news.newMatterId, why: settled.unchanged });
        return;
      }
      const trail = await recordAdjustmentSettled({ ...where(), news, state: settled.state, ...matter.projection(settled.state), summary: settled.summary, at: new Date().toISOString() });
      // Stored before under this key (the same news in an earlier run): not adopted a second time.
      if (matter.trail && trail.seq <= matter.trail.seq) return;
      matter.adopt(settled.state, trail);
      storedState = settled.state;
      searchAttributes.publish(matter.state);
    });
  }

  /** First run only: the matter, its first version and trail entry are stored, then pre-screened. */
  async function register(): Promise<void> {
    let trail: TrailHeadView;
    try {
      trail = await recordRegistration({
      ...where(),
      actor: input.registeredBy,
      actorRole: 'drafter',
      state: matter.state,
      ...matter.projection(matter.state),
      firstVersion: input.firstVersion,
      requestId: input.requestId,
      origin: input.origin ?? null,
      at: matter.state.registeredAt,
      });
    } catch (err) {
      // Nothing was stored: the request that registers gets a clear refusal, and the workflow ends.
      const refusal = storageRefused(err);
      if (!refusal) throw err;
      matter.registrationRefused = { status: 422, code: 'registration_refused', reason: refusal.message };
      return;
    }
    matter.trail = trail;
    storedState = matter.state;
    await screenCurrentVersion();
    matter.registered = true;
  }

  /** Raises the alert unless an action changed the state since it was judged. */
  async function raise(alert: NonNullable<ReturnType<MatterHolder['nextAlert']>>, seen: number): Promise<void> {
    await trailWriter.runExclusive(async () => {
      if (matter.changes !== seen) return; // an action got in first; the alert is judged again on the new state
      const record: NotificationRecord = { key: alert.key, kind: alert.kind, deadlineKey: alert.deadlineKey, label: alert.label, dueAt: alert.dueAt, at: new Date().toISOString(), ...(alert.provisional ? { provisional: true as const } : {}) };
      let trail: TrailHeadView | null = matter.trail;
      try {
        trail = await recordNotification({ ...where(), ...record, label: alert.label });
      } catch (err) {
        // Kept as raised (not in the trail) so the clock loop goes on instead of raising it for ever.
        if (!storageRefused(err)) throw err;
      }
      matter.recordNotification(record, trail);
    });
  }

  // Histories recorded before runs could be continued replay without it (no marker, no new command).
  const mayContinueAsNew = patched('continue-as-new-when-long');
  const historyLimit = input.historyEventsBeforeContinueAsNew ?? DEFAULT_HISTORY_EVENTS_BEFORE_CONTINUE_AS_NEW;
  const historyLong = () => mayContinueAsNew && (workflowInfo().historyLength >= historyLimit || workflowInfo().continueAsNewSuggested);

  if (!matter.registered) await register();
  if (matter.registrationRefused) {
    await documentLifeStarted();
    await condition(allHandlersFinished);
    return matter.state;
  }
  searchAttributes.publish(matter.state);

  // The statutory clocks: sleep until the next reminder or deadline, or until an action changes the state.
  const wakeUp = new WakeUpTimer();
  while (!TERMINAL_STAGES.includes(matter.state.stage)) {
    if (historyLong()) {
      // Let the action in progress finish, then a fresh run carries the state on.
      await settleBeforeContinuingAsNew();
      return continueAsNew<typeof matterWorkflow>({ ...input, ...matter.carriedOver() });
    }
    if (!matter.provisionalYears && patched(PROVISIONAL_CALENDAR_PATCH)) matter.allowProvisionalYears();
    await tellAdjustedDecision();
    const seen = matter.changes;
    // Matters started before this change escalated every clock, including the minimum review time;
    // they keep doing so on replay, new ones escalate only obligations.
    const alert = matter.nextAlert(patched('alerts-only-for-obligations'));
    if (quietActions) {
      // One timer per wake-up time: an action that leaves the next alert where it was leaves its timer running.
      const timer = wakeUp.setFor(alert ? Date.parse(alert.at) : null);
      await condition(() => matter.changes !== seen || historyLong() || timer.rang);
      if (matter.changes !== seen || historyLong() || !alert || !timer.rang) continue;
      wakeUp.consume();
      await raise(alert, seen);
      continue;
    }
    const waitMs = alert ? Math.max(0, Date.parse(alert.at) - Date.now()) : undefined;
    const changed = await condition(() => matter.changes !== seen || historyLong(), waitMs as number);
    if (changed || !alert) continue;
    await raise(alert, seen);
  }
  wakeUp.setFor(null);
  if (ENDED_WITHOUT_DOCUMENT.includes(matter.state.stage) && patched(AMENDMENT_ENDED_PATCH)) await tellAmendedDocumentsEnded();
  await tellAdjustedDecision();
  // An issued major decision lives on while it is implemented (713号令第34条至第37条): its workflow keeps
  // accepting the implementation's actions until the implementation is recorded as complete. Runs that
  // ended at issue before this existed replay as they ran (no marker: they completed here).
  if (implementationOpen(matter.state) && patched(IMPLEMENTATION_PATCH)) {
    while (implementationOpen(matter.state)) {
      if (historyLong()) {
        await settleBeforeContinuingAsNew();
        return continueAsNew<typeof matterWorkflow>({ ...input, ...matter.carriedOver() });
      }
      const seen = matter.changes;
      await condition(() => matter.changes !== seen || historyLong());
    }
  }
  await documentLifeStarted();
  await condition(allHandlersFinished);
  return matter.state;
}

/** The matter's search attributes (stage, kind, drafting unit), upserted when they change (or, in older runs, always). */
class SearchAttributesPublisher {
  private last: string | null = null;

  constructor(private readonly onlyOnChange: boolean) {}

  publish(state: MatterState): void {
    const key = JSON.stringify([state.stage, state.kind, state.draftingUnit]);
    if (this.onlyOnChange && key === this.last) return;
    this.last = key;
    upsertSearchAttributes({ MatterStage: [state.stage], MatterKind: [state.kind], DraftingUnit: [state.draftingUnit] });
  }
}

/**
 * The clocks' timer: one durable timer for the next wake-up time, kept while that time stays the same and
 * replaced (the old one cancelled) when it moves.
 */
class WakeUpTimer {
  private current: { at: number | null; rang: boolean; scope: CancellationScope | null } = { at: null, rang: false, scope: null };

  /** The timer for `at` (null: none), started unless it is the one already running or rung. */
  setFor(at: number | null): { readonly rang: boolean } {
    if (this.current.at === at) return this.current; // running, or rung and not yet consumed
    this.current.scope?.cancel();
    if (at === null) {
      this.current = { at: null, rang: false, scope: null };
      return this.current;
    }
    const timer = { at, rang: false, scope: new CancellationScope() as CancellationScope | null };
    timer.scope!.run(() => sleep(Math.max(0, at - Date.now()))).then(
      () => {
        timer.rang = true;
        timer.scope = null; // nothing left to cancel
      },
      (err: unknown) => {
        if (!isCancellation(err)) throw err;
      },
    );
    this.current = timer;
    return timer;
  }

  /** The rung timer's alert was raised: the same time is not waited for again. */
  consume(): void {
    this.current = { at: null, rang: false, scope: null };
  }
}

function commandReason({ command }: ActionRequest): string | null {
  if ('reason' in command && typeof command.reason === 'string') return command.reason;
  if ('note' in command && typeof command.note === 'string') return command.note;
  return null;
}
