/** What the actor can do now, for the UI: permitted, accepted at this stage and applicable to this matter. */

import { ACTION_LABELS } from './labels';
import { acceptedAfterIssue, implementationStarted } from './handlers/implementation';
import { authorizeCommand } from './authorizeCommand';
import { POST_DECISION_PREREQUISITES, postDecisionStepDone, publicationMayBeWithheld } from './handlers/postDecision';
import { openFindingsOnCurrent } from './handlers/fairCompetition';
import { isEcon, isTerminal } from './state';
import { enforcementCaseOf } from './enforcement';
import { dualApplies } from './classification';
import { stageAccepts, COMMAND_TYPES } from './stageActions';
import { postDecisionStepsOf, type PostDecisionStep } from './steps';
import type { Actor, CommandType, DecisionContext, MatterState } from './types';

const POST_STEP: Partial<Record<CommandType, PostDecisionStep>> = {
  report_to_party: 'party_report',
  record_government_review: 'government_review',
  sign_and_number: 'sign_and_number',
  publish: 'publish',
  withhold_publication: 'publish',
  file_record: 'filing',
  archive: 'archive',
};

/** Whether the action means something for this matter now (its flags, its post-decision steps done so far). */
export function actionApplies(state: MatterState, type: CommandType): boolean {
  switch (type) {
    case 'assign_fcr_reviewer':
    case 'record_fcr_conclusion':
      return isEcon(state);
    case 'set_fcr_findings':
      return false; // retired: the open findings come from the pre-screen of the current version
    case 'answer_fcr_finding':
      return isEcon(state) && openFindingsOnCurrent(state) > 0;
    case 'withhold_publication':
      if (!publicationMayBeWithheld(state)) return false;
      break;
    case 'designate_implementing_unit':
    case 'report_implementation':
    case 'order_post_evaluation':
    case 'record_post_evaluation':
    case 'suspend_implementation':
    case 'resume_implementation':
    case 'record_adjustment':
    case 'complete_implementation':
      return implementationStarted(state);
    case 'classify_as_major_decision':
      return dualApplies(state.kind) && state.alsoMajorDecision !== true;
    case 'extend_case_deadline':
      return enforcementCaseOf(state) !== null && !state.decision;
    case 'confirm_amendments':
      return state.legality.conclusion?.outcome === 'LAWFUL_WITH_AMENDMENTS';
    case 'record_contract_particulars':
    case 'record_contract_signing':
    case 'close_contract':
      return state.kind === 'contract_review';
    default:
      break;
  }
  const step = POST_STEP[type];
  if (!step) return true;
  const steps = postDecisionStepsOf(state);
  return (
    steps.includes(step) &&
    !postDecisionStepDone(state, step) &&
    POST_DECISION_PREREQUISITES[step].every((pre) => !steps.includes(pre) || postDecisionStepDone(state, pre))
  );
}

export function availableActions(
  state: MatterState,
  actor: Actor,
  ctx: Pick<DecisionContext, 'now'> & Partial<DecisionContext>,
): Array<{ type: CommandType; label: string }> {
  const closed = isTerminal(state.stage);
  return COMMAND_TYPES.filter(
    (type) =>
      (!closed || acceptedAfterIssue(state, type)) &&
      stageAccepts(state.stage, type) &&
      actionApplies(state, type) &&
      authorizeCommand(state, type, { actor, now: ctx.now }).allowed,
  ).map((type) => ({ type, label: ACTION_LABELS[type] }));
}
