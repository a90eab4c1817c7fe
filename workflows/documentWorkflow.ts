/**
 * One workflow per issued document (id `document-<matterId>`), started by the matter's workflow when the
 * document is put out, as a child that outlives it (parentClosePolicy ABANDON): the matter's workflow ends at
 * archiving, while a document lives for years. It sleeps until the re-evaluation opens (reminding the legal
 * unit), until its expiry (expired when nothing was decided) and until an art. 12 exception ends (a new
 * fair-competition review is due); re-evaluation and clean-up decisions arrive as the `decide` Update,
 * judged by domain/lifecycle. Deterministic: time only from the workflow clock, I/O only in activities.
 */
import { ApplicationFailure, allHandlersFinished, condition, continueAsNew, getExternalWorkflowHandle, log, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { RetryPolicy } from '@temporalio/common';
import type { createActivities } from '../activities';
import { amendmentLookedUp, applyLifeTimer, decideDocument, newDocumentLife, nextLifeTimer, settleAmendment, type AmendmentOutcome, type DocumentLife, type LifeTimer } from '../domain/lifecycle/documentLife';
import { amendmentSettledSignal, decideDocumentUpdate, documentViewQuery, type DocumentDecisionRequest, type DocumentKnownAnswer, type DocumentWorkflowInput, type RegisterHeadView } from './documentDefinitions';
import { KnownAnswers } from './knownAnswers';
import { authorize } from '../domain/permissions';
import { Mutex } from './mutex';
import { documentPatches } from './patchBaseline';

const retry: RetryPolicy = { initialInterval: '1 second', maximumInterval: '30 seconds', backoffCoefficient: 2 };
const { recordRegisterEvent } = proxyActivities<ReturnType<typeof createActivities>>({ startToCloseTimeout: '30 seconds', heartbeatTimeout: '5 seconds', retry });
const { amendingMatterOutcome, documentsAwaitingAmendment } = proxyActivities<ReturnType<typeof createActivities>>({ startToCloseTimeout: '30 seconds', retry });

const SYSTEM = 'system';
const HISTORY_LIMIT = 2_000;
/**
 * Decisions' answers carried across continue-as-new (Temporal recognises a retried Update only within one
 * run), and a decision whose key the register already holds is not adopted a second time. Runs from before
 * carried nothing and replay as they ran.
 */
export const DOCUMENT_KNOWN_KEYS_PATCH = 'document-known-action-keys';
/**
 * The issue is recorded under the writer's lock, as every other event is: a decision sent as soon as the
 * workflow exists (its start now goes out with the answer to the issuing action) waits for it, so the chain
 * begins with the issue and the head the workflow holds is the last one stored. Before, a decision delivered with
 * the start was stored first and the issue, stored after it, set the register row back in force (seen in
 * test/integration/register.test.ts once publishing stopped waiting). Runs from before replay as they ran.
 */
export const DOCUMENT_ISSUE_UNDER_WRITER_PATCH = 'document-issue-under-writer';

/**
 * Decisions as the rules are written (domain decideDocument): one that arrives once the document has expired is
 * refused even if the expiry timer has not fired yet (a lapsed document cannot be continued), and a document whose
 * fair-competition exception has ended is not continued. Runs from before replay as they ran.
 */
export const DOCUMENT_DECISIONS_AS_WRITTEN_PATCH = 'document-decisions-as-written';

/**
 * Decisions checked here, not only by the API: the actor may decide on documents (the legal unit), and a
 * document is continued in its re-evaluation (from the lead before expiry) or in a clean-up, which may keep
 * its expiry (domain decideDocument `decisionsChecked`). Runs from before replay as they ran.
 */
export const DOCUMENT_DECISIONS_CHECKED_PATCH = 'document-decisions-checked';

/**
 * A lapsed fair-competition exception is recalled until the measure is amended or repealed (公平竞争审查条例第18条):
 * reminders after its end, the last as an escalation (domain nextLifeTimer `exceptionReminders`). Runs from before
 * set no such timer and replay as they ran.
 */
export const DOCUMENT_EXCEPTION_REMINDERS_PATCH = 'document-exception-reminders';

/**
 * 修改 as the word means: a document decided to be amended stays in force until the amended text takes effect, and
 * is decided on again if the amending matter ends without issuing (domain settleAmendment). The amended text's
 * own workflow tells it when it is put out; the matter's workflow, when it ends without; and it looks the matter up
 * once after the decision, in case that news went out before the decision was stored. Runs from before ended
 * the document at the decision and replay as they ran.
 */
export const DOCUMENT_AMENDMENT_AWAITS_ISSUE_PATCH = 'document-amendment-awaits-issue';

/** The notification each timer sends (the webhook's task types). */
const NOTICE: Record<LifeTimer['kind'], string> = {
  amendment_effective: 'document_amended',
  exception_end: 'fair_competition_review_due',
  exception_review_reminder: 'fair_competition_review_due',
  expiry: 'document_expired',
  reevaluation_reminder: 'reevaluation_due',
};

const refuse = (status: number, code: string, reason: string) =>
  ApplicationFailure.create({ type: 'ActionRefused', message: reason, nonRetryable: true, details: [{ status, code, reason }] });

export async function documentWorkflow(input: DocumentWorkflowInput): Promise<DocumentLife> {
  // Must be first: whether this run is on the patch baseline (one marker for every patch it names).
  const patched = documentPatches();
  let life: DocumentLife = input.resume?.life ?? newDocumentLife(input);
  let head: RegisterHeadView | null = input.resume?.head ?? null;
  let changes = 0;
  const answers = new KnownAnswers<DocumentKnownAnswer>(input.resume?.answers);
  const writer = new Mutex('register-writer');
  const now = () => new Date().toISOString();

  const issue = async () => {
    head = await recordRegisterEvent({
      documentId: life.documentId,
      actionKey: 'issued',
      kind: 'issued',
      actorId: SYSTEM,
      summary: `${life.number}：已印发，${life.effectiveAt}起施行${life.expiresAt ? `，有效期至${life.expiresAt}` : ''}`,
      data: { effectiveAt: life.effectiveAt, expiresAt: life.expiresAt, exceptionEndsAt: life.exceptionEndsAt },
      at: now(),
      set: { status: 'in_force', statusReason: '已印发', effectiveAt: life.effectiveAt, expiresAt: life.expiresAt },
    });
  };
  // The lock is taken here, before the handlers are set: setting the decide handler runs at once a decision
  // delivered with the start, whose own turn then comes after the issue.
  const issuing = !input.resume && patched(DOCUMENT_ISSUE_UNDER_WRITER_PATCH) ? writer.runExclusive(issue) : null;
  const decisionsAsWritten = patched(DOCUMENT_DECISIONS_AS_WRITTEN_PATCH);
  const decisionsChecked = patched(DOCUMENT_DECISIONS_CHECKED_PATCH);
  const exceptionReminders = patched(DOCUMENT_EXCEPTION_REMINDERS_PATCH);
  const amendmentAwaitsIssue = patched(DOCUMENT_AMENDMENT_AWAITS_ISSUE_PATCH);
  const judge = (request: DocumentDecisionRequest, at: string) => {
    if (decisionsChecked) {
      const verdict = authorize(request.actor, 'decide_document');
      if (!verdict.allowed) return { ok: false as const, status: 403 as const, code: 'FORBIDDEN', reason: verdict.reason };
    }
    return decideDocument(life, request.decision, { by: request.actor.userId, now: at, config: input.config, amendingMatterExists: request.amendingMatterExists, decisionsAsWritten, decisionsChecked, amendmentAwaitsIssue });
  };

  setHandler(documentViewQuery, () => ({ life, head }));
  setHandler(amendmentSettledSignal, (outcome) => writer.runExclusive(() => settle(outcome)));
  setHandler(decideDocumentUpdate, decide, {
    validator: (request) => {
      if (answers.find(request.actionKey)) return; // a retry: answered as the first time
      const verdict = judge(request, now());
      if (!verdict.ok) throw refuse(verdict.status, verdict.code, verdict.reason);
    },
  });

  async function decide(request: DocumentDecisionRequest) {
    return writer.runExclusive(async () => {
      const known = answers.find(request.actionKey);
      if (known) return { life, head, summary: known.summary };
      const at = now();
      const verdict = judge(request, at);
      if (!verdict.ok) throw refuse(verdict.status, verdict.code, verdict.reason);
      const d = request.decision;
      const stored = await recordRegisterEvent({
        documentId: life.documentId,
        actionKey: `decide:${request.actionKey}`,
        kind: `decision_${d.decision}`,
        actorId: request.actor.userId,
        summary: verdict.summary,
        // awaitsIssue: the document stays in force (the chain's reading of the row, rowFromEvents).
        data: { ...d, ...(d.decision === 'amend' && verdict.life.amendment ? { awaitsIssue: true } : {}) },
        at,
        set: {
          ...(verdict.life.status !== life.status ? { status: verdict.life.status, statusReason: d.reason } : {}),
          ...(verdict.life.expiresAt !== life.expiresAt ? { expiresAt: verdict.life.expiresAt } : {}),
          ...(d.amendingMatterId && d.decision === 'amend' ? { amendingMatterId: d.amendingMatterId } : {}),
          // A clean-up's confirmation leaves an open re-evaluation open (its reminders go on); any other decision ends it.
          ...(verdict.life.reevaluation === null || verdict.life.status !== 'in_force' ? { reevaluationOpenedAt: null } : {}),
        },
      });
      if (head && stored.seq <= head.seq && patched(DOCUMENT_KNOWN_KEYS_PATCH)) {
        // The register already held this key (a decision taken before its key was forgotten): an older event
        // is never adopted as the head, nor is the decision applied a second time.
        return { life, head, summary: verdict.summary };
      }
      head = stored;
      life = verdict.life;
      changes += 1;
      answers.remember({ actionKey: request.actionKey, summary: verdict.summary });
      return { life, head, summary: verdict.summary };
    });
  }

  /** Applies what became of the amending matter (under the writer's lock); an outcome not pending here changes nothing. */
  async function settle(outcome: AmendmentOutcome): Promise<void> {
    const settled = settleAmendment(life, outcome);
    if (!settled) return;
    head = await recordRegisterEvent({
      documentId: life.documentId,
      actionKey: `amendment:${outcome.matterId}:${outcome.outcome}`,
      kind: outcome.outcome === 'issued' ? 'amendment_issued' : 'amendment_abandoned',
      actorId: SYSTEM,
      summary: settled.summary,
      data: { ...outcome },
      at: now(),
      // The row stays in force either way; an abandoned amendment no longer names its matter.
      set: outcome.outcome === 'issued' ? {} : { amendingMatterId: null },
      ...(settled.reopened ? { notify: { type: 'reevaluation_due', label: settled.summary } } : {}),
    });
    life = settled.life;
    changes += 1;
  }

  /** Once after a decision to amend: the matter may have issued or ended before the link was stored, and told no one. */
  async function lookUpAmendingMatter(): Promise<void> {
    await writer.runExclusive(async () => {
      const pending = life.amendment;
      if (!pending || pending.checked || pending.issued || life.status !== 'in_force') return;
      const outcome = await amendingMatterOutcome(pending.matterId);
      if (outcome) await settle(outcome);
      if (life.amendment && life.amendment.matterId === pending.matterId) life = amendmentLookedUp(life);
    });
  }

  /** The amended text is out: the documents it amends are told (first run only; they ignore what is not theirs). */
  async function tellAmendedDocuments(): Promise<void> {
    const waiting = await documentsAwaitingAmendment(life.documentId);
    for (const doc of waiting) {
      if (doc.documentId === life.documentId) continue;
      try {
        await getExternalWorkflowHandle(doc.workflowId).signal(amendmentSettledSignal, { matterId: life.documentId, outcome: 'issued', number: life.number, effectiveAt: life.effectiveAt });
      } catch (err) {
        // Closed meanwhile (expired, repealed): nothing is left to amend.
        log.warn('an amended document was not told', { documentWorkflowId: doc.workflowId, error: String(err) });
      }
    }
  }

  async function fire(timer: LifeTimer, seen: number): Promise<void> {
    await writer.runExclusive(async () => {
      if (changes !== seen) return; // a decision got in first: the next timer is judged again
      const at = now();
      const applied = applyLifeTimer(life, timer, at);
      head = await recordRegisterEvent({
        documentId: life.documentId,
        actionKey: timer.key,
        kind: timer.kind,
        actorId: SYSTEM,
        summary: applied.summary,
        data: { dueAt: timer.at },
        at,
        set:
          timer.kind === 'expiry'
            ? { status: 'expired', statusReason: applied.summary, reevaluationOpenedAt: null }
            : timer.kind === 'amendment_effective'
              ? { status: 'amended', statusReason: applied.summary, reevaluationOpenedAt: null }
            : timer.kind === 'reevaluation_reminder'
              ? { reevaluationOpenedAt: applied.life.reevaluation?.openedAt ?? at }
              : timer.kind === 'exception_end'
                ? { exceptionReviewDueAt: timer.at }
                : {},
        notify: { type: NOTICE[timer.kind], label: applied.summary },
      });
      life = applied.life;
      changes += 1;
    });
  }

  if (issuing) await issuing;
  else if (!input.resume) await issue();
  if (!input.resume && amendmentAwaitsIssue) await tellAmendedDocuments();

  const historyLimit = input.historyEventsBeforeContinueAsNew ?? HISTORY_LIMIT;
  const historyLong = () => workflowInfo().historyLength >= historyLimit || workflowInfo().continueAsNewSuggested;
  // While in force: sleep until the next timer (a document without one waits for a decision, e.g. a clean-up's).
  while (life.status === 'in_force') {
    if (historyLong()) {
      await condition(() => !writer.isLocked && allHandlersFinished());
      const carriesKeys = patched(DOCUMENT_KNOWN_KEYS_PATCH);
      return continueAsNew<typeof documentWorkflow>({ ...input, resume: { life, head, ...(carriesKeys ? { answers: answers.carried() } : {}) } });
    }
    if (life.amendment && !life.amendment.checked && !life.amendment.issued) await lookUpAmendingMatter();
    if (life.status !== 'in_force') break;
    const timer = nextLifeTimer(life, input.config, { exceptionReminders });
    const seen = changes;
    if (!timer) {
      await condition(() => changes !== seen || historyLong());
      continue;
    }
    const changed = await condition(() => changes !== seen || historyLong(), Math.max(0, Date.parse(timer.at) - Date.now()));
    if (changed) continue;
    await fire(timer, seen);
  }
  await condition(() => !writer.isLocked && allHandlersFinished());
  return life;
}
