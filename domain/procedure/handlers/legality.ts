/**
 * Completeness check and legality review by the legal unit (713号令第25条至第28条), with the retained
 * lawyer's signed opinion.
 */

import { CHECKLIST_CODES, LEGALITY_OUTCOME_LABELS, STAGE_LABELS } from '../labels';
import { CONTRACT_CHECKLIST_CODES } from '../../contracts/checklist';
import { materialsRefusal, missingMaterials } from '../materials';
import { refuse } from '../refusals';
import { currentHash, currentLawyerOpinion, moveTo, noteLegalUnitActor, supersedeLegalityConclusion } from '../state';
import { fcrFlagGate, lawyerClearsGate, lawyerUnlawfulRefusal } from '../gates';
import { isMajorDecision, kindConfigOf } from '../classification';
import type { ChecklistEntry, Command, LegalityOutcome, MatterState, Refusal, Stage } from '../types';
import { caseDecisionDueAt, enforcementRules, enforcementStageAfterReview } from '../enforcement';
import { isAfterPeriod } from '../time';
import { enforcementChecklistProblem } from '../../enforcement/review';
import { LEGALITY_OUTCOMES } from '../types';
import { closeAs } from './drafting';
import { currentLegalityFindings, openLegalityFindings } from '../legalityPrescreen';
import legalityRules from '../../legality/ruleset.json';
import { done, nonEmpty, type Handler, type HandlerContext } from './handler';

function asLegalUnit(s: MatterState, ctx: HandlerContext): void {
  if (ctx.role === 'legal_unit') noteLegalUnitActor(s, ctx.actor.userId);
}

/** 713号令第26条: the review starts only on complete materials. */
export const acceptMaterials: Handler<'accept_materials'> = (s, _cmd, ctx) => {
  const incomplete = materialsRefusal(missingMaterials(s, ctx.config, ctx.legacy), '');
  if (incomplete) return incomplete;
  // 行政处罚法第58条第2款: whoever takes on the 法制审核 of an enforcement decision holds the legal
  // qualification when first assigned; the case stays theirs (a resubmission keeps its reviewer).
  if (enforcementRules(s, ctx.config) && !s.legality.enforcementReviewerId) {
    if (ctx.actor.legalQualification !== true) return refuse('ENFORCEMENT_REVIEWER_UNQUALIFIED', ctx.actor.username);
    s.legality.enforcementReviewerId = ctx.actor.userId;
  }
  asLegalUnit(s, ctx);
  moveTo(s, 'legality_review', ctx.now);
  return done('送审材料齐全，开始合法性审核');
};

/** 713号令第26条: 提供的材料不符合要求的，可以退回，或者要求补充 — the clock stops meanwhile. */
export const returnForSupplement: Handler<'return_for_supplement'> = (s, cmd, ctx) => {
  if (!Array.isArray(cmd.missing) || !cmd.missing.some(nonEmpty) || !nonEmpty(cmd.note)) {
    return refuse('INVALID_INPUT', 'the missing items and a note');
  }
  s.legality.supplementRequests.push({ at: ctx.now, by: ctx.actor.userId, missing: cmd.missing, note: cmd.note });
  asLegalUnit(s, ctx);
  moveTo(s, 'supplementing', ctx.now);
  return done(`退回补充材料（审核期限中止）：${cmd.missing.join('、')}`);
};

/** Any review may send the matter back; the final-text check sends it back to finalizing. */
export const returnForRevision: Handler<'return_for_revision'> = (s, cmd, ctx) => {
  if (!nonEmpty(cmd.reason)) return refuse('INVALID_INPUT', 'a reason');
  const from = s.stage;
  const to: Stage = from === 'final_text_check' ? 'finalizing' : 'research';
  s.returns.push({ from, by: ctx.actor.userId, at: ctx.now, reason: cmd.reason });
  asLegalUnit(s, ctx);
  moveTo(s, to, ctx.now);
  return done(`${STAGE_LABELS[from]}退回${STAGE_LABELS[to]}：${cmd.reason}`);
};

export const assignLawyer: Handler<'assign_lawyer'> = (s, cmd, ctx) => {
  if (!nonEmpty(cmd.lawyerId)) return refuse('INVALID_INPUT', 'lawyerId');
  if (cmd.lawyerId === s.createdBy) return refuse('SEPARATION_OF_DUTIES', 'the lawyer drafted the matter');
  if (cmd.lawyerId === ctx.actor.userId || s.legality.legalUnitActorIds.includes(cmd.lawyerId)) {
    return refuse('SEPARATION_OF_DUTIES', 'the lawyer has acted as legal unit on this matter');
  }
  // A lawyer who found the matter unlawful (on any version) is not replaced by one who might not, without a
  // reason on the record (中办发〔2016〕30号; patch stops-as-written).
  const replaced = s.legality.lawyerId;
  if (!ctx.legacy?.stopsBeforeWritten && replaced && replaced !== cmd.lawyerId && !nonEmpty(cmd.reason)) {
    const last = s.legality.opinions.filter((o) => o.lawyerId === replaced).at(-1);
    if (last?.outcome === 'UNLAWFUL') return refuse('LAWYER_REPLACEMENT_REASON_REQUIRED', `${replaced} found version of ${last.givenAt} unlawful`);
  }
  s.legality.lawyerId = cmd.lawyerId;
  asLegalUnit(s, ctx);
  return done(replaced && replaced !== cmd.lawyerId && nonEmpty(cmd.reason) ? `更换法律顾问 ${replaced} → ${cmd.lawyerId}：${cmd.reason}` : `指定法律顾问 ${cmd.lawyerId}`);
};

/** The lawyer's checklist for this kind: CT-* for contracts, LR-* for everything else. */
export function checklistCodesFor(kind: MatterState['kind']): readonly string[] {
  return kind === 'contract_review' ? CONTRACT_CHECKLIST_CODES : CHECKLIST_CODES;
}

/** Where a cleared legality review leads: the meeting, or for a contract its signing. */
function afterLegality(s: MatterState, ctx: HandlerContext): Stage {
  if (enforcementRules(s, ctx.config)) return enforcementStageAfterReview(s);
  return s.kind === 'contract_review' ? 'contract_signing' : 'awaiting_meeting';
}

function checklistProblem(checklist: unknown, codes: readonly string[]): string | null {
  if (!Array.isArray(checklist)) return 'checklist must be a list';
  const seen = new Set<string>();
  for (const e of checklist as Array<{ code?: unknown; result?: unknown }>) {
    if (typeof e?.code !== 'string' || !codes.includes(e.code)) return `unknown code ${String(e?.code)}`;
    if (!['pass', 'issue', 'not_applicable'].includes(String(e.result))) return `bad result for ${e.code}`;
    if (seen.has(e.code)) return `${e.code} twice`;
    seen.add(e.code);
  }
  const missing = codes.filter((c) => !seen.has(c));
  return missing.length > 0 ? `missing ${missing.join(', ')}` : null;
}

/** LR-P2 and LR-C1: what a normative document may never create without a legal basis; an issue there needs its cure. */
const CURE_NEEDED = ['LR-P2', 'LR-C1'] as const;
/** Which checklist point each legality pre-screen code belongs to (domain/legality/ruleset.json). */
const FINDING_CHECKLIST = new Map(legalityRules.codes.map((c) => [c.code, c.checklist]));

/**
 * LR-P2 / LR-C1 issues without the amendment that cures them: neither on the checklist entry nor as a
 * confirmed pre-screen finding of that point, with its amendment, on the current text.
 */
function uncuredIssues(s: MatterState, checklist: readonly ChecklistEntry[]): string[] {
  const cured = new Set(
    currentLegalityFindings(s)
      .filter((f) => f.status === 'confirmed' && nonEmpty(f.amendment))
      .map((f) => FINDING_CHECKLIST.get(f.code)),
  );
  return checklist
    .filter((e) => (CURE_NEEDED as readonly string[]).includes(e.code) && e.result === 'issue' && !nonEmpty(e.amendment) && !cured.has(e.code))
    .map((e) => e.code);
}

const LAWFUL_OUTCOMES: readonly LegalityOutcome[] = ['LAWFUL', 'LAWFUL_WITH_AMENDMENTS'];
/** The open issues an exploratory reform may go forward with, its legal risk stated (713号令第25条第2款). */
const EXPLORATORY_RISKS: readonly string[] = ['LR-P1'];

/**
 * 713号令第25条: "lawful" as the text stands records nothing whose cure is a change to that text — an amendment on a
 * checklist point, an LR-P2 / LR-C1 issue, a confirmed pre-screen finding of the current text. Those make the outcome
 * LAWFUL_WITH_AMENDMENTS: the text is changed and the change confirmed before the meeting (else the amendment would
 * stay on paper and the unchanged text be decided and signed).
 */
function changesPendingUnderLawful(s: MatterState, outcome: LegalityOutcome, checklist: readonly ChecklistEntry[], ctx: HandlerContext): Refusal | null {
  if (outcome !== 'LAWFUL' || ctx.legacy?.limitsBeforeWritten) return null;
  const entries = checklist.filter((e) => e.result === 'issue' && (nonEmpty(e.amendment) || (CURE_NEEDED as readonly string[]).includes(e.code))).map((e) => e.code);
  const findings = currentLegalityFindings(s).filter((f) => f.status === 'confirmed').map((f) => f.code);
  const pending = [...entries, ...findings];
  return pending.length > 0 ? refuse('AMENDMENTS_PENDING', pending.join(', ')) : null;
}

/** The lawyer's opinion is the sign-off, bound to the exact text (void once the text changes). */
export const submitLawyerOpinion: Handler<'submit_lawyer_opinion'> = (s, cmd, ctx) => {
  if (cmd.versionHash !== currentHash(s)) return refuse('STALE_VERSION', `current is ${currentHash(s)}`);
  if (!LEGALITY_OUTCOMES.includes(cmd.outcome)) return refuse('INVALID_INPUT', `outcome must be one of ${LEGALITY_OUTCOMES.join(', ')}`);
  if (!nonEmpty(cmd.text)) return refuse('INVALID_INPUT', 'the opinion text');
  const problem = checklistProblem(cmd.checklist, checklistCodesFor(s.kind));
  if (problem) return refuse('CHECKLIST_INCOMPLETE', problem);
  // The lawyer answers each legality pre-screen finding on this text before signing.
  const open = openLegalityFindings(s);
  if (open > 0) return refuse('LEGALITY_FINDINGS_OPEN', `${open} open`);
  if (!ctx.legacy?.opinionsWithoutOwnChecklist && LAWFUL_OUTCOMES.includes(cmd.outcome)) {
    const uncured = uncuredIssues(s, cmd.checklist);
    if (uncured.length > 0) return refuse('ISSUE_NOT_CURED', uncured.join(', '));
  }
  const pending = changesPendingUnderLawful(s, cmd.outcome, cmd.checklist, ctx);
  if (pending) return pending;
  s.legality.opinions.push({
    lawyerId: ctx.actor.userId,
    versionHash: cmd.versionHash,
    outcome: cmd.outcome,
    text: cmd.text,
    checklist: cmd.checklist,
    givenAt: ctx.now,
    void: false,
  });
  return done(`法律顾问出具意见并签署：${LEGALITY_OUTCOME_LABELS[cmd.outcome]}`);
};

/** Outcomes for which the lawyer must have been heard first (713号令第28条); procedural ones need not wait. */
const SUBSTANTIVE: readonly LegalityOutcome[] = ['LAWFUL', 'LAWFUL_WITH_AMENDMENTS', 'UNLAWFUL'];

/**
 * The legal unit answers for its own opinion (713号令第28条): its own answer and reason on every LR-* point;
 * an LR-P2 / LR-C1 issue bars a lawful outcome until its cure is recorded; a LAWFUL conclusion recording any
 * other issue needs its cure or, for an exploratory reform, the legal risk stated (第25条第二款); where it
 * departs from the lawyer's opinion it says why.
 */
function ownOpinionProblem(s: MatterState, cmd: Extract<Command, { type: 'record_legality_conclusion' }>, ctx: HandlerContext): Refusal | null {
  const checklist = cmd.checklist;
  if (!checklist) return refuse('LEGAL_UNIT_CHECKLIST_INCOMPLETE', 'no checklist');
  const problem = checklistProblem(checklist, checklistCodesFor(s.kind));
  if (problem) return refuse('LEGAL_UNIT_CHECKLIST_INCOMPLETE', problem);
  const unexplained = checklist.find((e) => e.result === 'issue' && !nonEmpty(e.note));
  if (unexplained) return refuse('LEGAL_UNIT_CHECKLIST_INCOMPLETE', `${unexplained.code}: the reason for the issue`);
  if (cmd.exploratoryReform && (!isMajorDecision(s) || !LAWFUL_OUTCOMES.includes(cmd.outcome))) {
    return refuse('EXPLORATORY_REFORM_NOT_APPLICABLE', `${s.kind}, ${cmd.outcome}`);
  }
  if (LAWFUL_OUTCOMES.includes(cmd.outcome)) {
    const uncured = uncuredIssues(s, checklist);
    if (uncured.length > 0) return refuse('ISSUE_NOT_CURED', uncured.join(', '));
  }
  const pending = changesPendingUnderLawful(s, cmd.outcome, checklist, ctx);
  if (pending) return pending;
  // 713号令第25条第2款: 国家尚无明确规定的探索性改革 — the risk it states is the want of an express basis (LR-P1). A
  // conflict with higher law, a procedure not done, the wrong issuer or incomplete materials are plainly
  // unlawful, not unsettled (patch stops-as-written).
  if (cmd.exploratoryReform && !ctx.legacy?.stopsBeforeWritten) {
    const beyond = checklist.filter((e) => e.result === 'issue' && !nonEmpty(e.amendment) && !EXPLORATORY_RISKS.includes(e.code)).map((e) => e.code);
    if (beyond.length > 0) return refuse('EXPLORATORY_REFORM_NOT_APPLICABLE', `${beyond.join(', ')}: an exploratory reform states the risk of an unsettled basis (${EXPLORATORY_RISKS.join(', ')}) only`);
  }
  if (cmd.outcome === 'LAWFUL' && !cmd.exploratoryReform) {
    const open = checklist.filter((e) => e.result === 'issue' && !nonEmpty(e.amendment)).map((e) => e.code);
    if (open.length > 0) return refuse('LAWFUL_WITH_OPEN_ISSUE', open.join(', '));
  }
  const opinion = currentLawyerOpinion(s);
  if (opinion && !nonEmpty(cmd.departureReason)) {
    const lawyerSays = new Map(opinion.checklist.map((e) => [e.code, e.result]));
    const differs = checklist.filter((e) => lawyerSays.get(e.code) !== e.result).map((e) => e.code);
    if (opinion.outcome !== cmd.outcome) return refuse('DEPARTURE_FROM_LAWYER_UNEXPLAINED', `lawyer: ${opinion.outcome}, legal unit: ${cmd.outcome}`);
    if (differs.length > 0) return refuse('DEPARTURE_FROM_LAWYER_UNEXPLAINED', differs.join(', '));
  }
  return null;
}

/**
 * The legal unit's conclusion, bound to the current version. What each outcome leads to:
 * - LAWFUL → awaiting the meeting;
 * - LAWFUL_WITH_AMENDMENTS → the drafter amends; the amended text comes back for confirmation;
 * - RETURN_TO_COMPLETE_PROCEDURE → research (a new review round on resubmission);
 * - NEED_PRIOR_APPROVAL → the drafter obtains the approval (clock stopped), then back here;
 * - UNLAWFUL → not issued (713号令第25条: 经审查不合法的，不得提交决策机关讨论);
 * - MATERIALS_INCOMPLETE → supplementing (clock stopped), then the completeness check again.
 */
export const recordLegalityConclusion: Handler<'record_legality_conclusion'> = (s, cmd, ctx) => {
  if (cmd.versionHash !== currentHash(s)) return refuse('STALE_VERSION', `current is ${currentHash(s)}`);
  if (!LEGALITY_OUTCOMES.includes(cmd.outcome)) return refuse('INVALID_INPUT', `outcome must be one of ${LEGALITY_OUTCOMES.join(', ')}`);
  if (!nonEmpty(cmd.text)) return refuse('INVALID_INPUT', 'the opinion text');
  const amendments = Array.isArray(cmd.amendments) ? cmd.amendments : [];
  const missing = Array.isArray(cmd.missing) ? cmd.missing.filter(nonEmpty) : [];
  switch (cmd.outcome) {
    case 'LAWFUL_WITH_AMENDMENTS':
      if (amendments.length === 0 || !amendments.every((a) => nonEmpty(a.clause) && nonEmpty(a.change))) {
        return refuse('AMENDMENTS_MISSING');
      }
      break;
    case 'RETURN_TO_COMPLETE_PROCEDURE':
    case 'MATERIALS_INCOMPLETE':
      if (missing.length === 0) return refuse('INVALID_INPUT', 'what is missing');
      break;
    case 'NEED_PRIOR_APPROVAL':
      if (!nonEmpty(cmd.approvalAuthority)) return refuse('INVALID_INPUT', 'approvalAuthority');
      break;
    default:
      break;
  }
  if (cmd.outcome === 'LAWFUL' || cmd.outcome === 'LAWFUL_WITH_AMENDMENTS') {
    const undecided = fcrFlagGate(s, ctx);
    if (undecided) return undecided;
  }
  const enforcement = enforcementRules(s, ctx.config);
  if (enforcement) {
    // 行政处罚法第58条: the reviewer who took the case answers the enforcement checklist, not LR-*.
    if (s.legality.enforcementReviewerId && s.legality.enforcementReviewerId !== ctx.actor.userId) return refuse('ENFORCEMENT_NOT_REVIEWER');
    if (SUBSTANTIVE.includes(cmd.outcome)) {
      const problem = enforcementChecklistProblem(cmd.enforcementChecklist, cmd.outcome !== 'UNLAWFUL');
      if (problem) return refuse('ENFORCEMENT_CHECKLIST_INCOMPLETE', problem);
    }
  }
  if (SUBSTANTIVE.includes(cmd.outcome)) {
    const opinion = currentLawyerOpinion(s);
    const unlawful = cmd.outcome === 'UNLAWFUL' ? null : lawyerUnlawfulRefusal(s, ctx);
    if (unlawful) return unlawful;
    if (kindConfigOf(s, ctx.config).lawyerOpinionRequired) {
      if (!s.legality.lawyerId) return refuse('LAWYER_NOT_ASSIGNED');
      if (!opinion) return refuse('LAWYER_OPINION_MISSING');
    }
    // 713号令第28条 (and normative documents by analogy): contracts keep their own CT-* review (life cycle),
    // enforcement decisions their EF-* one (行政处罚法第58条, above).
    if (!ctx.legacy?.opinionsWithoutOwnChecklist && s.kind !== 'contract_review' && !enforcement) {
      const own = ownOpinionProblem(s, cmd, ctx);
      if (own) return own;
    }
    // A contract's legal unit may conclude otherwise than the lawyer, saying why (patch stops-as-written).
    if (s.kind === 'contract_review' && !ctx.legacy?.stopsBeforeWritten && opinion && opinion.outcome !== cmd.outcome && !nonEmpty(cmd.departureReason)) {
      return refuse('DEPARTURE_FROM_LAWYER_UNEXPLAINED', `lawyer: ${opinion.outcome}, legal unit: ${cmd.outcome}`);
    }
  } else if (cmd.exploratoryReform && !ctx.legacy?.opinionsWithoutOwnChecklist) {
    return refuse('EXPLORATORY_REFORM_NOT_APPLICABLE', cmd.outcome);
  }

  supersedeLegalityConclusion(s, ctx.now);
  s.legality.conclusion = {
    outcome: cmd.outcome,
    versionHash: cmd.versionHash,
    text: cmd.text,
    amendments,
    missing,
    ...(cmd.approvalAuthority ? { approvalAuthority: cmd.approvalAuthority } : {}),
    ...(cmd.checklist ? { checklist: cmd.checklist } : {}),
    ...(cmd.departureReason ? { departureReason: cmd.departureReason } : {}),
    ...(cmd.exploratoryReform ? { exploratoryReform: cmd.exploratoryReform } : {}),
    ...(enforcement && cmd.enforcementChecklist ? { enforcementChecklist: cmd.enforcementChecklist } : {}),
    concludedBy: ctx.actor.userId,
    concludedAt: ctx.now,
  };
  asLegalUnit(s, ctx);
  const label = LEGALITY_OUTCOME_LABELS[cmd.outcome];
  switch (cmd.outcome) {
    case 'LAWFUL':
      moveTo(s, afterLegality(s, ctx), ctx.now);
      break;
    case 'LAWFUL_WITH_AMENDMENTS':
      moveTo(s, 'amending', ctx.now);
      break;
    case 'RETURN_TO_COMPLETE_PROCEDURE':
      s.returns.push({ from: s.stage, by: ctx.actor.userId, at: ctx.now, reason: `需补充履行程序：${missing.join('、')}` });
      moveTo(s, 'research', ctx.now);
      // The conclusion explains the return; keep it visible in history.
      break;
    case 'NEED_PRIOR_APPROVAL':
      moveTo(s, 'prior_approval', ctx.now);
      break;
    case 'UNLAWFUL':
      closeAs(s, 'not_issued', ctx.actor.userId, ctx.now, `合法性审核意见：不合法。${cmd.text}`);
      break;
    case 'MATERIALS_INCOMPLETE':
      s.legality.supplementRequests.push({ at: ctx.now, by: ctx.actor.userId, missing, note: cmd.text });
      moveTo(s, 'supplementing', ctx.now);
      break;
    default:
      break;
  }
  return done(`合法性审核意见：${label} → ${STAGE_LABELS[s.stage]}`);
};

/** The amended text answers a LAWFUL_WITH_AMENDMENTS conclusion; the lawyer must have signed it. */
export const confirmAmendments: Handler<'confirm_amendments'> = (s, cmd, ctx) => {
  const c = s.legality.conclusion;
  if (!c || c.outcome !== 'LAWFUL_WITH_AMENDMENTS') return refuse('NOT_AMENDMENT_ROUND');
  if (cmd.versionHash !== currentHash(s)) return refuse('STALE_VERSION', `current is ${currentHash(s)}`);
  if (c.versionHash === currentHash(s)) return refuse('AMENDED_VERSION_MISSING');
  // 行政处罚法第58条: on an enforcement decision, the reviewer who took the case confirms its amendments.
  if (!ctx.legacy?.gatesBeforeWritten && enforcementRules(s, ctx.config) && s.legality.enforcementReviewerId && s.legality.enforcementReviewerId !== ctx.actor.userId) return refuse('ENFORCEMENT_NOT_REVIEWER');
  // The amended text goes on to the meeting without another conclusion: on the lawyer's LAWFUL (patch stops-as-written).
  const lawyer = lawyerClearsGate(s, ctx);
  if (lawyer) return lawyer;
  s.legality.amendmentsApplied = {
    versionHash: cmd.versionHash,
    confirmedBy: ctx.actor.userId,
    confirmedAt: ctx.now,
    ...(cmd.note ? { note: cmd.note } : {}),
  };
  asLegalUnit(s, ctx);
  const to = afterLegality(s, ctx);
  moveTo(s, to, ctx.now);
  return done(`确认已按合法性审核意见修改，${STAGE_LABELS[to]}`);
};

/** 行政处罚法第60条: the 90 days from filing, extended where a law, regulation or rule allows, recorded with who approved it. */
export const extendCaseDeadline: Handler<'extend_case_deadline'> = (s, cmd, ctx) => {
  if (!enforcementRules(s, ctx.config)) return refuse('ENFORCEMENT_NOT_APPLICABLE');
  if (!s.research.enforcementCase) return refuse('MATERIALS_INCOMPLETE', 'the case (enforcement_case) with its filing date');
  if (s.decision) return refuse('ALREADY_DONE', 'the decision has been made: the time limit no longer runs');
  if (!nonEmpty(cmd.reason) || !nonEmpty(cmd.approvedBy) || !nonEmpty(cmd.basis)) return refuse('INVALID_INPUT', 'reason, approvedBy and basis');
  // An extension is approved while the limit runs: recorded after it has run out it would hide the overdue decision.
  if (!ctx.legacy?.limitsBeforeWritten) {
    const dueAt = caseDecisionDueAt(s, ctx);
    if (dueAt && isAfterPeriod(ctx.now, dueAt.at, dueAt.duration)) return refuse('CASE_TIME_LIMIT_PASSED', `the limit ended ${dueAt.at}`);
  }
  s.legality.caseExtensions = [...(s.legality.caseExtensions ?? []), { days: cmd.days, reason: cmd.reason, approvedBy: cmd.approvedBy, basis: cmd.basis, by: ctx.actor.userId, at: ctx.now }];
  return done(`办案期限延长 ${cmd.days} 日（${cmd.approvedBy}批准，依据${cmd.basis}）：${cmd.reason}`);
};
