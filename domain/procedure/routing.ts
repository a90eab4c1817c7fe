/**
 * Where a matter goes when the drafter hands it on (or a fair-competition conclusion clears it): to
 * the first review that the current text has not passed yet. This is what makes a new version
 * re-open the reviews that depended on the old text.
 */

import { amendmentRoundPending, fcrClearsCurrent, isEcon } from './state';
import type { MatterState, Stage } from './types';

export function nextReviewStage(state: MatterState): Stage {
  // 公平竞争审查条例第18条: the text that goes on must have been reviewed.
  if (isEcon(state) && !fcrClearsCurrent(state)) return 'fair_competition_review';
  // After the meeting: the final text incorporating the decided changes is checked, not re-reviewed.
  if (state.decision) return 'final_text_check';
  // LAWFUL_WITH_AMENDMENTS: the legal unit confirms the amended text.
  if (amendmentRoundPending(state)) return 'legality_review';
  return 'completeness_check';
}
