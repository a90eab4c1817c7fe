/** The drafter's actions: versions, hand-over to review, withdrawal, flags, prior approval. */

import { describeMaterials, missingMaterials } from '../materials';
import { refuse } from '../refusals';
import { nextReviewStage } from '../routing';
import { currentHash, matterAccessOf, moveTo } from '../state';
import { APPLICABLE_FLAGS, type MaterialKey } from '../steps';
import { dualApplies } from '../classification';
import { STAGE_LABELS } from '../labels';
import type { Flag, MatterState } from '../types';
import { FLAGS } from '../types';
import { applyNewVersion } from '../versions';
import { done, nonEmpty, type Handler, type HandlerContext } from './handler';

export const submitVersion: Handler<'submit_version'> = (s, cmd, ctx) => {
  const refusal = applyNewVersion(s, cmd, ctx.actor.userId, ctx.now);
  if (refusal) return refusal;
  return done(`提交第${cmd.versionNumber}版（${cmd.versionHash.slice(0, 12)}…），此前的法律顾问签署意见作废，依赖旧文本的审查重新开启`);
};

export const submitForReview: Handler<'submit_for_review'> = (s, _cmd, ctx) => {
  if (s.stage === 'amending') {
    const c = s.legality.conclusion;
    if (c && c.versionHash === currentHash(s)) return refuse('AMENDED_VERSION_MISSING');
  }
  if (s.stage === 'finalizing' && s.decision && s.decision.versionHash === currentHash(s)) {
    return refuse('FINAL_VERSION_MISSING');
  }
  const from = s.stage;
  const to = nextReviewStage(s);
  moveTo(s, to, ctx.now);
  return done(`${STAGE_LABELS[from]} → ${STAGE_LABELS[to]}`);
};

export const withdraw: Handler<'withdraw'> = (s, cmd, ctx) => {
  if (!nonEmpty(cmd.reason)) return refuse('INVALID_INPUT', 'a reason for withdrawal');
  // Signed, it is numbered in the register (统一登记、统一编号) and owes its 备案 and archiving: it ends through the
  // register (废止), not by the drafter taking it back.
  if (!ctx.legacy?.gatesBeforeWritten && s.postDecision.signing) return refuse('WITHDRAW_AFTER_SIGNING', s.postDecision.signing.documentNumber ?? '');
  s.closure = { stage: s.stage, by: ctx.actor.userId, at: ctx.now, reason: cmd.reason };
  moveTo(s, 'withdrawn', ctx.now);
  return done(`承办科室撤回：${cmd.reason}`);
};

/** Stages where the drafter has the matter and simply adds what the new flags require. */
const WITH_DRAFTER = ['research', 'supplementing'];

/**
 * Flags are re-checked at every gate. A flag added later that calls for a step not yet done sends
 * the matter back to research (the reviews would otherwise run on an incomplete procedure); ECON
 * dropped while at the fair-competition stage moves the matter on.
 */
export const setFlags: Handler<'set_flags'> = (s, cmd, ctx) => {
  if (!Array.isArray(cmd.flags) || !cmd.flags.every((f) => FLAGS.includes(f))) {
    return refuse('INVALID_INPUT', `flags must be among ${FLAGS.join(', ')}`);
  }
  if (!nonEmpty(cmd.reason)) return refuse('INVALID_INPUT', 'a reason for the change');
  const wrong = cmd.flags.filter((f) => !APPLICABLE_FLAGS[s.kind].includes(f));
  if (wrong.length > 0) return refuse('FLAG_NOT_APPLICABLE', wrong.join(', '));
  const next: Flag[] = FLAGS.filter((f) => cmd.flags.includes(f));
  const removesEcon = s.flags.includes('ECON') && !next.includes('ECON');
  const byLegalUnit = removesEcon && !ctx.legacy?.econFreelyCleared && econRemovalIsLegalUnits(s);
  if (byLegalUnit && !mayDecideAsLegalUnit(s, ctx)) {
    return refuse('ECON_REMOVAL_NEEDS_LEGAL_UNIT', fcrReviewStarted(s) ? 'the review has started' : `${findingsOnCurrent(s)} pre-screen finding(s) on the current version`);
  }
  if (!ctx.legacy?.gatesBeforeWritten) {
    // 公平竞争审查条例第18条: a text found in breach is revised and reviewed again, not taken out of the review.
    if (removesEcon && s.fairCompetition.conclusion === 'breach_must_revise' && s.fairCompetition.conclusionVersionHash === currentHash(s)) {
      return refuse('ECON_REMOVAL_AFTER_BREACH', `conclusion ${s.fairCompetition.conclusionVersionHash}`);
    }
    // "The legal unit can add a flag later": what it added, only it takes away (the drafter could otherwise undo it).
    const addedByLegalUnit = s.flags.filter((f) => !next.includes(f) && lastAddedByLegalUnit(s, f));
    if (addedByLegalUnit.length > 0 && !mayDecideAsLegalUnit(s, ctx)) return refuse('FLAG_REMOVAL_NEEDS_LEGAL_UNIT', addedByLegalUnit.join(', '));
  }
  // Once the legality review has started the flags are what it judged: the drafter could otherwise drop the duties
  // they bring (PUBLIC's comment and 第32条 explanation, TECH, GOVNAME's district review) after the review.
  if (!ctx.legacy?.limitsBeforeWritten && s.legality.startedAt) {
    const removed = s.flags.filter((f) => !next.includes(f));
    if (removed.length > 0 && !mayDecideAsLegalUnit(s, ctx)) return refuse('FLAG_REMOVAL_NEEDS_LEGAL_UNIT', `${removed.join(', ')}: the legality review has started`);
  }
  const before = missingMaterials(s, ctx.config, ctx.legacy);
  const previous = s.flags;
  s.flags = next;
  // The findings stay on record (answered or not); the legal unit's decision is kept with its role.
  s.flagChanges.push({ from: previous, to: next, by: ctx.actor.userId, at: ctx.now, reason: cmd.reason, ...(byLegalUnit || ctx.role === 'legal_unit' ? { role: 'legal_unit' as const } : {}) });
  let movement = backToResearchForNewSteps(s, before, '标记调整后', ctx);
  if (!movement && s.stage === 'fair_competition_review' && !next.includes('ECON')) {
    const to = nextReviewStage(s);
    moveTo(s, to, ctx.now);
    movement = `，不再需要公平竞争审查，转入${STAGE_LABELS[to]}`;
  }
  return done(`标记由[${previous.join(',')}]调整为[${next.join(',')}]：${cmd.reason}${movement}`);
};

/**
 * A normative document registered as such alone, found to be also a major decision (a subsidy policy of wide effect,
 * 713号令第3条): the drafter or the legal unit classifies it so, with the reason — the guide's "the legal unit can add a
 * flag later" for the classification, which no one may otherwise correct once registered. It then owes both kinds'
 * duties (hearing the public, the 30-day comment, the 7 working days of review, the Party report, 第32条); like a flag
 * added later, steps not yet done send the matter back to research. Never undone: it would shed those duties.
 */
export const classifyAsMajorDecision: Handler<'classify_as_major_decision'> = (s, cmd, ctx) => {
  if (!dualApplies(s.kind)) return refuse('NOT_APPLICABLE', 'only a normative document can also be a major decision');
  if (s.alsoMajorDecision === true) return refuse('ALREADY_DONE', 'already also a major decision');
  if (!nonEmpty(cmd.reason)) return refuse('INVALID_INPUT', 'a reason for the classification');
  const before = missingMaterials(s, ctx.config, ctx.legacy);
  s.alsoMajorDecision = true;
  const movement = backToResearchForNewSteps(s, before, '认定为重大行政决策后', ctx);
  return done(`认定本规范性文件同时为重大行政决策：${cmd.reason}${movement}`);
};

/**
 * After a change of flags or classification: steps it now calls for that are not done (missing before: `before`)
 * send the matter back to research, unless the drafter has it there already — the reviews would otherwise run on
 * an incomplete procedure. Returns how the action's summary says so ('' when it stays).
 */
function backToResearchForNewSteps(s: MatterState, before: readonly MaterialKey[], after: string, ctx: HandlerContext): string {
  const newlyMissing = missingMaterials(s, ctx.config, ctx.legacy).filter((k) => !before.includes(k));
  if (newlyMissing.length === 0 || WITH_DRAFTER.includes(s.stage)) return '';
  s.returns.push({ from: s.stage, by: ctx.actor.userId, at: ctx.now, reason: `${after}需补充：${describeMaterials(newlyMissing)}` });
  moveTo(s, 'research', ctx.now);
  return `，需补充${describeMaterials(newlyMissing)}，退回研究论证`;
}

/** Whether the latest change that added `flag` was the legal unit's. */
function lastAddedByLegalUnit(s: MatterState, flag: Flag): boolean {
  for (let i = s.flagChanges.length - 1; i >= 0; i--) {
    const c = s.flagChanges[i]!;
    if (c.to.includes(flag) && !c.from.includes(flag)) return c.role === 'legal_unit';
  }
  return false;
}

/** The fair-competition review has started: the stage reached, a reviewer assigned, a finding answered or a conclusion given. */
function fcrReviewStarted(s: MatterState): boolean {
  const fc = s.fairCompetition;
  return (
    s.stage === 'fair_competition_review' ||
    fc.reviewerId !== null ||
    fc.conclusion !== undefined ||
    fc.history.length > 0 ||
    (fc.findings ?? []).some((f) => f.status !== 'open')
  );
}

const findingsOnCurrent = (s: MatterState): number => (s.fairCompetition.findings ?? []).filter((f) => f.versionHash === currentHash(s)).length;

/** Once a review started or the pre-screen found something, only the legal unit may take a matter out of it. */
export function econRemovalIsLegalUnits(s: MatterState): boolean {
  return fcrReviewStarted(s) || findingsOnCurrent(s) > 0;
}

/** The legal unit decides — as itself: not someone who registered the matter or wrote a version of it. */
function mayDecideAsLegalUnit(s: MatterState, ctx: HandlerContext): boolean {
  if (!ctx.actor.roles.includes('legal_unit')) return false;
  const access = matterAccessOf(s);
  return ctx.actor.userId !== access.createdBy && !(access.versionAuthorIds ?? []).includes(ctx.actor.userId);
}

/** NEED_PRIOR_APPROVAL: granted → back to the legal unit for its conclusion; refused → not issued. */
export const recordPriorApproval: Handler<'record_prior_approval'> = (s, cmd, ctx) => {
  if (typeof cmd.granted !== 'boolean' || !nonEmpty(cmd.authority) || !nonEmpty(cmd.reference)) {
    return refuse('INVALID_INPUT', 'granted, authority and reference');
  }
  s.legality.priorApprovals.push({
    granted: cmd.granted,
    authority: cmd.authority,
    reference: cmd.reference,
    ...(cmd.note ? { note: cmd.note } : {}),
    by: ctx.actor.userId,
    at: ctx.now,
  });
  if (cmd.granted) {
    moveTo(s, 'legality_review', ctx.now);
    return done(`${cmd.authority}已批准（${cmd.reference}），返回合法性审核`);
  }
  closeAs(s, 'not_issued', ctx.actor.userId, ctx.now, `${cmd.authority}未予批准（${cmd.reference}）`);
  return done(`${cmd.authority}未予批准，不予出台`);
};

export function closeAs(s: MatterState, stage: 'not_issued' | 'rejected', by: string, now: string, reason: string): void {
  s.closure = { stage: s.stage, by, at: now, reason };
  moveTo(s, stage, now);
}
