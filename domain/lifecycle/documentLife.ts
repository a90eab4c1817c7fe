/**
 * One issued document's life after the matter closes (pure, run by workflows/documentWorkflow.ts): it is in
 * force from its effective date; from the re-evaluation lead before expiry the legal unit is reminded and a
 * re-evaluation is open (修改 / 废止 / 继续实施, with reasons; amending names the new matter); when nothing
 * was decided by the expiry date the document expires. An exception under 公平竞争审查条例第12条 ends on its
 * date and calls for a new fair-competition review. Clean-up (清理) decisions use the same decision.
 */
import { parseInstant } from '../calendar';
import { EXCEPTION_REVIEW_REMINDER_EVERY, type DocumentLifeConfig } from './config';
import type { LifeDuration } from './lifeTime';
import { addLife } from './lifeTime';
import { documentDatesProblem } from './validity';

const multiply = (d: LifeDuration, n: number): LifeDuration => ({ amount: d.amount * n, unit: d.unit });

export type DocumentStatus = 'in_force' | 'amended' | 'repealed' | 'expired';
export const DOCUMENT_STATUSES: readonly DocumentStatus[] = ['in_force', 'amended', 'repealed', 'expired'];

/** 继续实施 / 修改 / 废止 */
export type DocumentDecisionKind = 'continue' | 'amend' | 'repeal';
export const DOCUMENT_DECISIONS: readonly DocumentDecisionKind[] = ['continue', 'amend', 'repeal'];

export interface DocumentDecision {
  decision: DocumentDecisionKind;
  reason: string;
  /** continue: the new expiry (a continued document gets a new validity period). */
  newExpiresAt?: string;
  /** amend: the matter that drafts the amendment (registered first). */
  amendingMatterId?: string;
  /** Where the decision was taken: a re-evaluation before expiry, or a clean-up. */
  cleanupId?: string;
}

export interface DocumentLife {
  documentId: string;
  number: string;
  title: string;
  status: DocumentStatus;
  effectiveAt: string;
  expiresAt: string | null;
  /** 公平竞争审查条例第12条: when the exception ends (a new fair-competition review is due). */
  exceptionEndsAt: string | null;
  exceptionReviewDueRaised: boolean;
  /** Reminders sent since the exception ended, the measure neither amended nor repealed (absent before they existed). */
  exceptionReviewReminders?: number;
  /** The re-evaluation opened before expiry, with the reminders sent. */
  reevaluation: { openedAt: string; reminders: string[] } | null;
  decisions: Array<DocumentDecision & { by: string; at: string }>;
  statusChangedAt: string | null;
  /**
   * 决定修改: the amendment being drafted in its matter. The document stays in force until the amended text takes
   * effect (`issued`: the new document's number and effective date, then the `amendment_effective` timer), and
   * in force, to be decided on again, when that matter ends without issuing (absent in runs from before, where
   * deciding to amend ended the document at once).
   */
  amendment?: PendingAmendment | null;
}

export interface PendingAmendment {
  matterId: string;
  decidedAt: string;
  /** Whether the amending matter's outcome was looked up after the decision (a matter that ended first sends nothing). */
  checked?: boolean;
  issued?: { number: string; effectiveAt: string };
}

/** What became of the matter drafting an amendment: its document issued, or the matter ended without one. */
export type AmendmentOutcome =
  | { matterId: string; outcome: 'issued'; number: string; effectiveAt: string }
  | { matterId: string; outcome: 'ended'; stage: string };

export type LifeTimer =
  | { kind: 'reevaluation_reminder'; at: string; key: string }
  | { kind: 'expiry'; at: string; key: string }
  | { kind: 'exception_end'; at: string; key: string }
  | { kind: 'exception_review_reminder'; at: string; key: string }
  | { kind: 'amendment_effective'; at: string; key: string };

/** Reminders while the re-evaluation is open: when it opens and halfway to expiry. */
const REMINDERS = 2;
/** Reminders after a fair-competition exception ended; the last one is its escalation (逾期未重新审查). */
export const EXCEPTION_REVIEW_REMINDERS = 3;

export function newDocumentLife(input: { documentId: string; number: string; title: string; effectiveAt: string; expiresAt: string | null; exceptionEndsAt: string | null }): DocumentLife {
  return { ...input, status: 'in_force', exceptionReviewDueRaised: false, reevaluation: null, decisions: [], statusChangedAt: null };
}

/** The next thing the document's clock must do, or null when nothing is left (no longer in force). */
export function nextLifeTimer(life: DocumentLife, config: DocumentLifeConfig, opts: { exceptionReminders?: boolean } = {}): LifeTimer | null {
  if (life.status !== 'in_force') return null;
  const timers: LifeTimer[] = [];
  const amendment = life.amendment ?? null;
  // The amended text takes effect: from then this one is amended (replaced). It still lapses at its own expiry first.
  if (amendment?.issued) timers.push({ kind: 'amendment_effective', at: amendment.issued.effectiveAt, key: `amendment-effective:${amendment.matterId}` });
  if (life.exceptionEndsAt && !life.exceptionReviewDueRaised) timers.push({ kind: 'exception_end', at: life.exceptionEndsAt, key: `exception-end:${life.exceptionEndsAt}` });
  // 公平竞争审查条例第18条: a measure whose exception has lapsed is reviewed again (amended through a new matter) or
  // repealed; until then the legal unit is reminded, the last time as an escalation (workflow patch).
  const sentAfterEnd = life.exceptionReviewReminders ?? 0;
  // An amendment under way is the re-review the reminders ask for.
  if (opts.exceptionReminders && !amendment && life.exceptionEndsAt && life.exceptionReviewDueRaised && sentAfterEnd < EXCEPTION_REVIEW_REMINDERS) {
    const at = addLife(life.exceptionEndsAt, multiply(config.exceptionReviewReminderEvery ?? EXCEPTION_REVIEW_REMINDER_EVERY, sentAfterEnd + 1));
    timers.push({ kind: 'exception_review_reminder', at, key: `exception-review:${life.exceptionEndsAt}:${sentAfterEnd + 1}` });
  }
  if (life.expiresAt) {
    const opens = addLife(life.expiresAt, config.reevaluationLead, -1);
    const sent = life.reevaluation?.reminders.length ?? 0;
    // Decided (to amend): nothing more to re-evaluate unless the amending matter ends without issuing.
    if (sent < REMINDERS && !amendment) {
      const at = sent === 0 ? opens : new Date((parseInstant(opens) + parseInstant(life.expiresAt)) / 2).toISOString();
      timers.push({ kind: 'reevaluation_reminder', at, key: `reevaluation:${life.expiresAt}:${sent + 1}` });
    }
    timers.push({ kind: 'expiry', at: life.expiresAt, key: `expiry:${life.expiresAt}` });
  }
  timers.sort((a, b) => parseInstant(a.at) - parseInstant(b.at));
  return timers[0] ?? null;
}

/** The life after a timer fired, and what to record. */
export function applyLifeTimer(life: DocumentLife, timer: LifeTimer, now: string): { life: DocumentLife; summary: string } {
  const next: DocumentLife = JSON.parse(JSON.stringify(life)) as DocumentLife;
  switch (timer.kind) {
    case 'exception_end':
      next.exceptionReviewDueRaised = true;
      return { life: next, summary: `${life.number}：公平竞争审查例外期限届满（${timer.at}），应重新进行公平竞争审查` };
    case 'exception_review_reminder': {
      const n = (life.exceptionReviewReminders ?? 0) + 1;
      next.exceptionReviewReminders = n;
      const last = n >= EXCEPTION_REVIEW_REMINDERS ? '，已逾期，请法制机构督办' : '';
      return { life: next, summary: `${life.number}：公平竞争审查例外期限已于${life.exceptionEndsAt}届满，尚未修改（重新审查）或废止（第${n}次提醒${last}）` };
    }
    case 'reevaluation_reminder':
      next.reevaluation = { openedAt: life.reevaluation?.openedAt ?? now, reminders: [...(life.reevaluation?.reminders ?? []), now] };
      return { life: next, summary: `${life.number}：有效期将于${life.expiresAt}届满，请法制机构组织评估（修改／废止／继续实施）` };
    case 'expiry':
      next.status = 'expired';
      next.statusChangedAt = now;
      return { life: next, summary: life.amendment ? `${life.number}：有效期届满，修改事项${life.amendment.matterId}${life.amendment.issued ? `印发的${life.amendment.issued.number}尚未施行` : '尚未办结'}，本文件失效` : `${life.number}：有效期届满未作决定，自动失效` };
    case 'amendment_effective': {
      const issued = life.amendment?.issued;
      next.status = 'amended';
      next.statusChangedAt = now;
      return { life: next, summary: `${life.number}：已被修改，自${issued?.effectiveAt ?? timer.at}起由${issued?.number ?? '修改后的文件'}替代（事项${life.amendment?.matterId ?? ''}）` };
    }
  }
}

/** The amending matter's outcome was looked up and is not known yet: from now on it is reported by that matter. */
export function amendmentLookedUp(life: DocumentLife): DocumentLife {
  if (!life.amendment) return life;
  return { ...life, amendment: { ...life.amendment, checked: true } };
}

/**
 * What the amending matter's outcome does to the document (null: nothing, e.g. another matter's, or an outcome
 * already applied). Issued: the document is replaced when the amended text takes effect. Ended without issue: the
 * decision to amend is void and the document, still in force, is to be decided on again.
 */
export function settleAmendment(life: DocumentLife, outcome: AmendmentOutcome): { life: DocumentLife; summary: string; reopened: boolean } | null {
  const pending = life.amendment;
  if (life.status !== 'in_force' || !pending || pending.matterId !== outcome.matterId || pending.issued) return null;
  const next: DocumentLife = JSON.parse(JSON.stringify(life)) as DocumentLife;
  if (outcome.outcome === 'issued') {
    next.amendment = { ...pending, checked: true, issued: { number: outcome.number, effectiveAt: outcome.effectiveAt } };
    return { life: next, summary: `${life.number}：修改后的文件${outcome.number}已印发，自${outcome.effectiveAt}起施行，届时本文件被替代`, reopened: false };
  }
  next.amendment = null;
  return { life: next, summary: `${life.number}：修改事项${outcome.matterId}未印发（${outcome.stage}），修改决定不再执行，本文件继续有效，请重新评估（修改／废止／继续实施）`, reopened: true };
}

export type DecisionProblem = { status: 409 | 422; code: string; reason: string };

/** Judges a re-evaluation or clean-up decision; the life after it, or why not. */
export function decideDocument(
  life: DocumentLife,
  d: DocumentDecision,
  ctx: {
    by: string;
    now: string;
    config: DocumentLifeConfig;
    amendingMatterExists?: boolean;
    decisionsAsWritten?: boolean;
    /** Amending keeps the document in force until the amended text takes effect: workflow patch document-amendment-awaits-issue. */
    amendmentAwaitsIssue?: boolean;
    /** Continued only in its re-evaluation or a clean-up (which may keep the expiry): workflow patch document-decisions-checked. */
    decisionsChecked?: boolean;
  },
): { ok: true; life: DocumentLife; summary: string } | ({ ok: false } & DecisionProblem) {
  if (life.status !== 'in_force') return { ok: false, status: 409, code: 'DOCUMENT_NOT_IN_FORCE', reason: `${life.number} is ${life.status}` };
  // 有效期届满自动失效: a document past its expiry is no longer in force even before its timer has marked it so
  // (a worker down at that moment, a decision arriving in the same instant). Continuing it would revive a lapsed
  // document without the procedure; it is issued again through a new matter.
  if (ctx.decisionsAsWritten && life.expiresAt && parseInstant(ctx.now) >= parseInstant(life.expiresAt)) {
    return { ok: false, status: 409, code: 'DOCUMENT_NOT_IN_FORCE', reason: `${life.number} expired at ${life.expiresAt}: a lapsed document is issued again through a new matter` };
  }
  if (!DOCUMENT_DECISIONS.includes(d.decision)) return { ok: false, status: 422, code: 'INVALID_INPUT', reason: 'decision must be continue, amend or repeal' };
  if (!d.reason?.trim()) return { ok: false, status: 422, code: 'REASON_REQUIRED', reason: 'a decision states its reasons (理由)' };
  // One amendment at a time: the document is being amended (or repealed). Continuing it, or a second amendment,
  // waits until that matter ends (withdrawn: the document is decided on again).
  if (life.amendment && d.decision !== 'repeal') {
    return { ok: false, status: 409, code: 'AMENDMENT_PENDING', reason: `${life.number} is being amended by matter ${life.amendment.matterId}${life.amendment.issued ? ` (issued as ${life.amendment.issued.number}, in effect from ${life.amendment.issued.effectiveAt})` : ''}: it may be repealed, or decided on again once that matter ends without issuing` };
  }
  const next: DocumentLife = JSON.parse(JSON.stringify(life)) as DocumentLife;
  next.decisions.push({ ...d, by: ctx.by, at: ctx.now });
  if (d.decision === 'continue') {
    // 公平竞争审查条例第12条、第18条: an exception ends at its period and the measure is reviewed again; a document
    // kept in force past it would rest on a lapsed exception. Its re-review is a new matter (amend) or it is repealed.
    if (ctx.decisionsAsWritten && life.exceptionEndsAt && parseInstant(ctx.now) >= parseInstant(life.exceptionEndsAt)) {
      return { ok: false, status: 409, code: 'FCR_EXCEPTION_ENDED', reason: `the fair-competition exception ended at ${life.exceptionEndsAt}: amend it through a new matter, reviewed again, or repeal it` };
    }
    // Re-evaluated before its expiry (修改／废止／继续实施 from the lead before it): continued any earlier, a document's
    // validity would be pushed on for ever without its re-evaluation. A clean-up (清理) may confirm it at any time.
    const inCleanup = ctx.decisionsChecked === true && Boolean(d.cleanupId);
    if (ctx.decisionsChecked && !inCleanup) {
      const opens = life.expiresAt ? addLife(life.expiresAt, ctx.config.reevaluationLead, -1) : null;
      if (!opens || parseInstant(ctx.now) < parseInstant(opens)) {
        return { ok: false, status: 409, code: 'REEVALUATION_NOT_OPEN', reason: opens ? `the re-evaluation opens ${opens}; before that a document is confirmed in a clean-up (清理)` : 'a document without a validity period is confirmed in a clean-up (清理)' };
      }
    }
    if (inCleanup && life.expiresAt && !d.newExpiresAt) {
      // 清理: confirmed as valid (继续有效) until its expiry, which stays; its re-evaluation, if open, goes on.
      return { ok: true, life: next, summary: `${life.number}：经清理继续有效，有效期至${life.expiresAt}（${d.reason}）` };
    }
    if (life.expiresAt) {
      if (!d.newExpiresAt) return { ok: false, status: 422, code: 'NEW_EXPIRY_REQUIRED', reason: 'continuing a document with a validity period sets its new expiry (newExpiresAt)' };
      const problem = documentDatesProblem({ title: life.title, publishedAt: ctx.now, effectiveAt: ctx.now, expiresAt: d.newExpiresAt, earlyEffectReason: 'continued' }, ctx.config);
      if (problem) return { ok: false, status: 422, code: problem.code, reason: problem.detail };
      if (parseInstant(d.newExpiresAt) <= parseInstant(life.expiresAt)) return { ok: false, status: 422, code: 'INVALID_INPUT', reason: 'newExpiresAt must be after the current expiry' };
      next.expiresAt = new Date(parseInstant(d.newExpiresAt)).toISOString();
    }
    next.reevaluation = null;
    return { ok: true, life: next, summary: `${life.number}：继续实施${next.expiresAt ? `，有效期至${next.expiresAt}` : ''}（${d.reason}）` };
  }
  if (d.decision === 'amend') {
    if (!d.amendingMatterId?.trim()) return { ok: false, status: 422, code: 'AMENDING_MATTER_REQUIRED', reason: 'amending names the new matter that drafts the amendment (amendingMatterId)' };
    if (ctx.amendingMatterExists === false) return { ok: false, status: 422, code: 'AMENDING_MATTER_UNKNOWN', reason: `no matter ${d.amendingMatterId}` };
    if (ctx.amendmentAwaitsIssue) {
      // 修改: the document is replaced by the amended text when that takes effect; until then it is the law in force.
      next.amendment = { matterId: d.amendingMatterId, decidedAt: ctx.now };
      next.reevaluation = null;
      return { ok: true, life: next, summary: `${life.number}：决定修改，由事项${d.amendingMatterId}办理，修改后的文件施行前本文件继续有效（${d.reason}）` };
    }
    next.status = 'amended';
    next.statusChangedAt = ctx.now;
    return { ok: true, life: next, summary: `${life.number}：决定修改，由事项${d.amendingMatterId}办理（${d.reason}）` };
  }
  next.status = 'repealed';
  next.statusChangedAt = ctx.now;
  return { ok: true, life: next, summary: `${life.number}：决定废止（${d.reason}）` };
}
