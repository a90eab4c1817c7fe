/**
 * decide(): the pure reducer of the procedure. Given the state, one person's command and the context
 * (actor, time, configuration, calendar), it either refuses — 403 not permitted, 409 wrong stage or
 * conflicting with the state, 422 a precondition or gate not met, always with a code and a reason
 * naming the rule — or returns the next state and the event to record. It never mutates its input,
 * never reads the clock and never does I/O, so it runs unchanged inside the workflow's Update
 * validator, in the handler, and in the API when explaining a refusal.
 */

import { authorizeCommand } from './authorizeCommand';
import { ACTION_LABELS, STAGE_LABELS } from './labels';
import { refuse } from './refusals';
import { cloneState, isTerminal, noteLegalUnitActor } from './state';
import { COMMAND_TYPES, stageAccepts } from './stageActions';
import { CalendarYearMissingError, isInstant } from './time';
import type { Command, CommandType, Decision, DecisionContext, MatterState } from './types';
import type { Handler, HandlerContext, HandlerResult } from './handlers/handler';
import { classifyAsMajorDecision, recordPriorApproval, setFlags, submitForReview, submitVersion, withdraw } from './handlers/drafting';
import { recordResearchItem } from './handlers/research';
import { answerFcrFinding, assignFcrReviewer, recordFcrConclusion, setFcrFindings } from './handlers/fairCompetition';
import {
  acceptMaterials,
  assignLawyer,
  confirmAmendments,
  extendCaseDeadline,
  recordLegalityConclusion,
  returnForRevision,
  returnForSupplement,
  submitLawyerOpinion,
} from './handlers/legality';
import { answerLegalityFinding, setLegalBasisRegister } from './handlers/legalityFindings';
import { confirmFinalText, recordMeeting, scheduleMeeting } from './handlers/meeting';
import {
  acceptedAfterIssue,
  implementationStarted,
  isImplementationCommand,
  completeImplementation,
  designateImplementingUnit,
  orderPostEvaluation,
  recordAdjustment,
  recordPostEvaluation,
  reportImplementation,
  resumeImplementation,
  suspendImplementation,
} from './handlers/implementation';
import { closeContract, recordContractParticulars, recordContractSigning } from './handlers/contract';
import { archive, fileRecord, publish, recordGovernmentReview, reportToParty, signAndNumber, withholdPublication } from './handlers/postDecision';

const HANDLERS: { [T in CommandType]: Handler<T> } = {
  submit_version: submitVersion,
  record_research_item: recordResearchItem,
  set_flags: setFlags,
  classify_as_major_decision: classifyAsMajorDecision,
  submit_for_review: submitForReview,
  withdraw,
  return_for_revision: returnForRevision,
  extend_case_deadline: extendCaseDeadline,
  assign_fcr_reviewer: assignFcrReviewer,
  set_fcr_findings: setFcrFindings,
  answer_fcr_finding: answerFcrFinding,
  record_fcr_conclusion: recordFcrConclusion,
  accept_materials: acceptMaterials,
  return_for_supplement: returnForSupplement,
  assign_lawyer: assignLawyer,
  submit_lawyer_opinion: submitLawyerOpinion,
  record_legality_conclusion: recordLegalityConclusion,
  confirm_amendments: confirmAmendments,
  record_prior_approval: recordPriorApproval,
  schedule_meeting: scheduleMeeting,
  record_meeting: recordMeeting,
  confirm_final_text: confirmFinalText,
  report_to_party: reportToParty,
  record_government_review: recordGovernmentReview,
  sign_and_number: signAndNumber,
  publish,
  withhold_publication: withholdPublication,
  file_record: fileRecord,
  archive,
  set_legal_basis_register: setLegalBasisRegister,
  answer_legality_finding: answerLegalityFinding,
  record_contract_particulars: recordContractParticulars,
  record_contract_signing: recordContractSigning,
  close_contract: closeContract,
  designate_implementing_unit: designateImplementingUnit,
  report_implementation: reportImplementation,
  order_post_evaluation: orderPostEvaluation,
  record_post_evaluation: recordPostEvaluation,
  suspend_implementation: suspendImplementation,
  resume_implementation: resumeImplementation,
  record_adjustment: recordAdjustment,
  complete_implementation: completeImplementation,
};

/** Top-level fields whose value changed, before and after (for the audit trail). */
function diff(before: MatterState, after: MatterState): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)] as Array<keyof MatterState>);
  for (const key of keys) {
    const x: unknown = before[key];
    const y: unknown = after[key];
    if (JSON.stringify(x) !== JSON.stringify(y)) {
      b[key] = x === undefined ? null : x;
      a[key] = y === undefined ? null : y;
    }
  }
  return { before: b, after: a };
}

export function decide(state: MatterState, command: Command, ctx: DecisionContext): Decision {
  if (!command || typeof command !== 'object' || !COMMAND_TYPES.includes(command.type)) {
    return refuse('INVALID_INPUT', `unknown command ${JSON.stringify((command as { type?: unknown } | null)?.type)}`);
  }
  if (!isInstant(ctx.now)) return refuse('INVALID_DATETIME', 'ctx.now');

  const auth = authorizeCommand(state, command.type, ctx);
  if (!auth.allowed) return { ok: false, status: 403, code: 'FORBIDDEN', reason: auth.reason };
  // An issued major decision still accepts its implementation's actions (713号令第34条至第37条).
  if (isTerminal(state.stage) && !acceptedAfterIssue(state, command.type)) return refuse('MATTER_CLOSED', STAGE_LABELS[state.stage]);
  if (!stageAccepts(state.stage, command.type)) {
    return refuse('WRONG_STAGE', `${ACTION_LABELS[command.type]} (${command.type}) at ${STAGE_LABELS[state.stage]} (${state.stage})`);
  }
  if (isImplementationCommand(command.type) && !implementationStarted(state)) {
    return refuse('WRONG_STAGE', `${ACTION_LABELS[command.type]}: a major decision is implemented once it is published (713号令第34条)`);
  }

  const next = cloneState(state);
  const hctx: HandlerContext = { ...ctx, role: auth.role };
  let result: HandlerResult;
  try {
    result = (HANDLERS[command.type] as Handler<CommandType>)(next, command, hctx);
  } catch (e) {
    if (e instanceof CalendarYearMissingError) return refuse('CALENDAR_YEAR_MISSING', e.message);
    // Malformed payloads (wrong types deep inside) surface as 422, not as a failed workflow task.
    if (e instanceof RangeError || e instanceof TypeError) return refuse('INVALID_INPUT', e.message);
    throw e;
  }
  if (!result.ok) return result;
  // Whoever acts as legal unit on a matter is noted, whatever the action, so they can never become its
  // lawyer (separation of duties; 中办发〔2016〕30号: the adviser's opinion is independent of the unit's).
  if (auth.role === 'legal_unit' && !ctx.legacy?.legalUnitNotedBySomeActions) noteLegalUnitActor(next, ctx.actor.userId);
  return {
    ok: true,
    state: next,
    event: { action: command.type, summary: result.summary, ...diff(state, next) },
    role: auth.role,
  };
}

export { availableActions } from './availableActions';
export { authorizeCommand } from './authorizeCommand';
