/**
 * Fair-competition review (公平竞争审查条例). The per-standard content and the automated pre-screen
 * live in their own module; this one keeps what the procedure needs: who reviews, how many findings
 * are unanswered, and the written conclusion bound to a version.
 */

import { FCR_CONCLUSION_LABELS, STAGE_LABELS } from '../labels';
import { refuse } from '../refusals';
import { nextReviewStage } from '../routing';
import { currentHash, isEcon, moveTo, supersedeFcrConclusion } from '../state';
import type { FcrConclusion } from '../types';
import { done, nonEmpty, type Handler } from './handler';

const CONCLUSIONS: readonly FcrConclusion[] = ['no_restrictive_effect', 'exception_justified', 'breach_must_revise'];

export const assignFcrReviewer: Handler<'assign_fcr_reviewer'> = (s, cmd, ctx) => {
  if (!isEcon(s)) return refuse('NOT_APPLICABLE', 'the matter is not flagged ECON');
  if (!nonEmpty(cmd.reviewerId)) return refuse('INVALID_INPUT', 'reviewerId');
  if (cmd.reviewerId === s.createdBy) return refuse('SEPARATION_OF_DUTIES', 'the reviewer drafted the matter');
  s.fairCompetition.reviewerId = cmd.reviewerId;
  return done(`指定公平竞争审查人员 ${cmd.reviewerId}（${ctx.actor.username}）`);
};

export const setFcrFindings: Handler<'set_fcr_findings'> = (s, cmd) => {
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
  if (s.fairCompetition.openFindings > 0) {
    return refuse('FCR_FINDINGS_OPEN', `${s.fairCompetition.openFindings} open`);
  }
  const fc = s.fairCompetition;
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
