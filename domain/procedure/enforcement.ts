/**
 * The procedure's side of the major enforcement decision review (行政处罚法第48条、第57–60条): whether a
 * matter runs under these rules (an enforcement review registered with the `enforcement` configuration —
 * older matters keep the rules they started under), the case record, and where the matter goes once the
 * 法制审核 has passed. The rules themselves are in ../enforcement/review.
 */

import { collectiveDiscussionRequired } from '../enforcement/review';
import type { ProcedureConfig } from './config';
import type { MatterState, Stage } from './types';

export function enforcementRules(state: Pick<MatterState, 'kind'>, config: ProcedureConfig): boolean {
  return state.kind === 'enforcement_review' && config.enforcement !== undefined;
}

export const enforcementCaseOf = (state: MatterState) => state.research.enforcementCase ?? null;

/**
 * After the 法制审核 passed: collective discussion only for 情节复杂 or 重大违法 cases (art. 57 para. 2);
 * otherwise the head decides by signing the decision (post_decision: sign_and_number).
 */
export function enforcementStageAfterReview(state: MatterState): Stage {
  return collectiveDiscussionRequired(enforcementCaseOf(state)) ? 'awaiting_meeting' : 'post_decision';
}

/** 行政处罚法第48条: a decision with social impact is published (the case record says whether it has). */
export function enforcementPublishes(state: MatterState): boolean {
  return state.kind === 'enforcement_review' && enforcementCaseOf(state)?.socialImpact === true;
}
