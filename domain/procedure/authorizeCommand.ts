/** authorize() applied to a command on a matter, with the stage's role when an action is shared by roles. */

import { authorize, type Authorization } from '../permissions/authorize';
import { matterAccessOf } from './state';
import type { CommandType, DecisionContext, MatterState, Role } from './types';

/**
 * Some actions are shared by several roles but belong to one of them at a given stage: returning
 * from the fair-competition review is the reviewer's, from the other reviews the legal unit's.
 */
function roleForStage(state: MatterState, type: CommandType): Role | null {
  if (type !== 'return_for_revision') return null;
  if (state.stage === 'fair_competition_review') return 'fcr_reviewer';
  return 'legal_unit';
}

/** authorize() for a command on this matter, with the stage's role when the action is shared. */
export function authorizeCommand(state: MatterState, type: CommandType, ctx: Pick<DecisionContext, 'actor' | 'now' | 'versionAuthorsMayReview' | 'legacy'>): Authorization {
  const role = roleForStage(state, type);
  const actor = role ? { ...ctx.actor, roles: ctx.actor.roles.filter((r) => r === role) } : ctx.actor;
  return authorize(actor, type, matterAccessOf(state, { versionAuthorsMayReview: ctx.versionAuthorsMayReview }), ctx.now, { authorityBeforeWritten: ctx.legacy?.authorityBeforeWritten });
}

