/**
 * Fair-competition review (公平竞争审查条例). The per-standard content and the automated pre-screen
 * live in their own module; this one keeps what the procedure needs: who reviews, how many findings
 * are unanswered, and the written conclusion bound to a version.
 */

import { FCR_CONCLUSION_LABELS, STAGE_LABELS } from '../labels';
import { refuse } from '../refusals';
import { nextReviewStage } from '../routing';
import { currentHash, isEcon, moveTo, supersedeFcrConclusion } from '../state';
import type { FcrConclusion, FcrReviewRecord, MatterState } from '../types';
import { FCR_EXCEPTION_GROUNDS } from '../types';
import { RULESET_VERSIONS, ruleSet } from '../../fair-competition/catalogue';
import { done, nonEmpty, type Handler } from './handler';

/** Pre-screen findings on the current text that nobody has answered yet. */
export function openFindingsOnCurrent(s: MatterState): number {
  const hash = currentHash(s);
  return (s.fairCompetition.findings ?? []).filter((f) => f.versionHash === hash && f.status === 'open').length;
}

/**
 * The automated pre-screen ran on a version: its findings join the record (older versions' findings stay,
 * answered or not, for the trail) and the count of open ones is what the conclusion waits for. Applied by
 * the workflow itself — no person acts — and recorded in the trail as the system's.
 */
export function applyPrescreen(state: MatterState, run: { versionHash: string; ruleSetVersion: string; findings: Array<{ id: string; code: string }>; at: string }): MatterState {
  const s: MatterState = JSON.parse(JSON.stringify(state)) as MatterState;
  const fc = s.fairCompetition;
  const known = new Set((fc.findings ?? []).map((f) => f.id));
  fc.findings = [...(fc.findings ?? []), ...run.findings.filter((f) => !known.has(f.id)).map((f) => ({ id: f.id, code: f.code, versionHash: run.versionHash, status: 'open' as const }))];
  fc.prescreens = [...(fc.prescreens ?? []), { versionHash: run.versionHash, ruleSetVersion: run.ruleSetVersion, findings: run.findings.length, at: run.at }];
  fc.openFindings = openFindingsOnCurrent(s);
  return s;
}

/** The reviewer answers one finding: confirmed (a real concern) or dismissed with a reason. */
export const answerFcrFinding: Handler<'answer_fcr_finding'> = (s, cmd, ctx) => {
  if (!isEcon(s)) return refuse('NOT_APPLICABLE', 'the matter is not flagged ECON');
  const finding = (s.fairCompetition.findings ?? []).find((f) => f.id === cmd.findingId);
  if (!finding) return refuse('INVALID_INPUT', `no finding ${cmd.findingId}`);
  if (finding.versionHash !== currentHash(s)) return refuse('STALE_VERSION', 'the finding was made on an earlier version');
  if (cmd.verdict !== 'confirmed' && cmd.verdict !== 'dismissed') return refuse('INVALID_INPUT', 'verdict must be confirmed or dismissed');
  if (cmd.verdict === 'dismissed' && !nonEmpty(cmd.reason)) return refuse('FCR_DISMISSAL_REASON_MISSING', cmd.findingId);
  finding.status = cmd.verdict;
  if (nonEmpty(cmd.reason)) finding.reason = cmd.reason;
  finding.answeredBy = ctx.actor.userId;
  finding.answeredAt = ctx.now;
  s.fairCompetition.openFindings = openFindingsOnCurrent(s);
  return done(`${cmd.verdict === 'confirmed' ? '确认' : '排除'}预审问题 ${finding.code}（${cmd.findingId}）${cmd.reason ? `：${cmd.reason}` : ''}`);
};

/**
 * 公平竞争审查条例第16–17条 and 第12条: the record must answer every standard of its rule set, name the
 * parties heard (or say why none), and agree with the conclusion — a restriction or a confirmed finding
 * cannot end in "no restrictive effect", and an exception needs its ground, the absence of a less
 * restrictive alternative, and a period or end condition.
 */
function reviewProblem(s: MatterState, conclusion: FcrConclusion, review: FcrReviewRecord | undefined, legacy: boolean): string | null {
  if (!review) return 'the review record (standards answered, parties heard) is required';
  if (!RULESET_VERSIONS.includes(review.ruleSetVersion)) return `unknown rule set ${review.ruleSetVersion}`;
  const codes = ruleSet(review.ruleSetVersion).standards.map((st) => st.code);
  const answered = new Map<string, string>();
  for (const a of review.standards ?? []) {
    if (!codes.includes(a.code)) return `${a.code} is not a standard of rule set ${review.ruleSetVersion}`;
    if (answered.has(a.code)) return `${a.code} answered twice`;
    answered.set(a.code, a.answer);
  }
  const missing = codes.filter((c) => !answered.has(c));
  if (missing.length) return `standards not answered: ${missing.join(', ')}`;
  const consultations = review.consultations ?? [];
  if (legacy) {
    if (consultations.length === 0 && !nonEmpty(review.consultationWaivedReason)) return 'no operators or associations heard (第16条), and no reason given';
  } else {
    // 第16条 says 应当: hearing the operators and associations concerned has no waiver; only the method is chosen.
    if (review.consultationWaivedReason !== undefined) return '第16条: the operators and trade associations concerned must be heard (应当) — there is no waiver; record who was heard';
    const parties = consultations.filter((c) => c.kind === 'operator' || c.kind === 'association');
    if (parties.length === 0) return '第16条: no operator or trade association heard (应当听取有关经营者、行业协会商会等利害关系人意见)';
    if (parties.every((c) => c.method === 'public_comment') && !nonEmpty(review.methodReason)) {
      return 'operators and associations were heard only through an open public comment: state why they were not heard directly (the method choice needs a reason — our practice, not law)';
    }
  }
  const restricts = [...answered.values()].includes('restriction');
  const confirmed = (s.fairCompetition.findings ?? []).some((f) => f.versionHash === currentHash(s) && f.status === 'confirmed');
  if (conclusion === 'no_restrictive_effect' && (restricts || confirmed)) {
    return 'a standard answered "restriction" or a confirmed finding cannot conclude "no restrictive effect"';
  }
  if (conclusion === 'exception_justified') {
    const e = review.exception;
    if (!e || !FCR_EXCEPTION_GROUNDS.includes(e.ground)) return 'an exception needs one of the four grounds of 第12条';
    if (!nonEmpty(e.reason) || !nonEmpty(e.noLessRestrictiveAlternative) || !nonEmpty(e.periodOrEndCondition)) {
      return 'an exception needs its reason, why no less restrictive alternative exists, and a period or end condition';
    }
  }
  return null;
}

const CONCLUSIONS: readonly FcrConclusion[] = ['no_restrictive_effect', 'exception_justified', 'breach_must_revise'];

export const assignFcrReviewer: Handler<'assign_fcr_reviewer'> = (s, cmd, ctx) => {
  if (!isEcon(s)) return refuse('NOT_APPLICABLE', 'the matter is not flagged ECON');
  if (!nonEmpty(cmd.reviewerId)) return refuse('INVALID_INPUT', 'reviewerId');
  if (cmd.reviewerId === s.createdBy) return refuse('SEPARATION_OF_DUTIES', 'the reviewer drafted the matter');
  s.fairCompetition.reviewerId = cmd.reviewerId;
  // Who assigned is the entry's actor; the summary names only who was assigned.
  return done(`指定公平竞争审查人员 ${cmd.reviewerId}`);
};

/**
 * Retired: the open findings are the pre-screen's findings on the current text not yet answered, which
 * nobody sets by hand. Kept only for runs started before (patched 'fcr-findings-bound-to-text'), which
 * replay as they ran; everywhere else refused, changing nothing.
 */
export const setFcrFindings: Handler<'set_fcr_findings'> = (s, cmd, ctx) => {
  if (!ctx.legacy?.fcrOpenCountByHand) return refuse('FCR_FINDINGS_NOT_SETTABLE', `${openFindingsOnCurrent(s)} open on the current version`);
  if (!isEcon(s)) return refuse('NOT_APPLICABLE', 'the matter is not flagged ECON');
  if (!Number.isSafeInteger(cmd.openFindings) || cmd.openFindings < 0) {
    return refuse('INVALID_INPUT', 'openFindings must be a non-negative integer');
  }
  s.fairCompetition.openFindings = cmd.openFindings;
  if (nonEmpty(cmd.documentId)) s.fairCompetition.documentId = cmd.documentId;
  return done(`公平竞争审查待答复问题 ${cmd.openFindings} 项`);
};

/**
 * 公平竞争审查条例第17条: a written conclusion. Cleared (no restrictive effect / justified exception) →
 * the matter goes on; a breach sends it back to the drafter (art. 18: it must not be issued as is).
 */
export const recordFcrConclusion: Handler<'record_fcr_conclusion'> = (s, cmd, ctx) => {
  if (!CONCLUSIONS.includes(cmd.conclusion)) return refuse('INVALID_INPUT', `conclusion must be one of ${CONCLUSIONS.join(', ')}`);
  if (cmd.versionHash !== currentHash(s)) return refuse('STALE_VERSION', `current is ${currentHash(s)}`);
  if (!nonEmpty(cmd.documentId) || !nonEmpty(cmd.summary)) return refuse('INVALID_INPUT', 'documentId and summary');
  // The findings of the current version's pre-screen not yet answered (runs from before: the count kept by hand).
  const open = ctx.legacy?.fcrOpenCountByHand ? s.fairCompetition.openFindings : openFindingsOnCurrent(s);
  if (open > 0) return refuse('FCR_FINDINGS_OPEN', `${open} open on the current version`);
  if (ctx.config.fairCompetition?.reviewRecordRequired) {
    const problem = reviewProblem(s, cmd.conclusion, cmd.review, ctx.legacy?.fcrOpenCountByHand === true);
    if (problem) return refuse('FCR_REVIEW_INCOMPLETE', problem);
  }
  const fc = s.fairCompetition;
  if (cmd.review) fc.review = cmd.review;
  supersedeFcrConclusion(s, ctx.now);
  fc.conclusion = cmd.conclusion;
  fc.conclusionVersionHash = cmd.versionHash;
  fc.conclusionSummary = cmd.summary;
  fc.documentId = cmd.documentId;
  fc.concludedBy = ctx.actor.userId;
  fc.concludedAt = ctx.now;

  if (cmd.conclusion === 'breach_must_revise') {
    // After the meeting the text is revised within the decision; before it, back to research.
    const to = s.decision ? 'finalizing' : 'research';
    s.returns.push({ from: s.stage, by: ctx.actor.userId, at: ctx.now, reason: `公平竞争审查：${cmd.summary}` });
    moveTo(s, to, ctx.now);
    return done(`公平竞争审查结论：${FCR_CONCLUSION_LABELS[cmd.conclusion]}，退回${STAGE_LABELS[to]}`);
  }
  const to = nextReviewStage(s);
  moveTo(s, to, ctx.now);
  return done(`公平竞争审查结论：${FCR_CONCLUSION_LABELS[cmd.conclusion]}，转入${STAGE_LABELS[to]}`);
};
