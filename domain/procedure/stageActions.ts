/** Which commands each stage accepts (anything else is 409 WRONG_STAGE). */

import type { CommandType, Stage } from './types';

const PRE_DECISION: readonly Stage[] = [
  'research',
  'fair_competition_review',
  'completeness_check',
  'supplementing',
  'legality_review',
  'amending',
  'prior_approval',
  'awaiting_meeting',
  'meeting_scheduled',
];
const NON_TERMINAL: readonly Stage[] = [...PRE_DECISION, 'finalizing', 'final_text_check', 'post_decision', 'contract_signing'];
/** A major decision's implementation: from its publication (still post_decision) and after issue. */
const IMPLEMENTING: readonly Stage[] = ['post_decision', 'issued'];

export const STAGES_FOR_COMMAND: Record<CommandType, readonly Stage[]> = {
  // 713号令: a new text only while the drafter has the matter.
  submit_version: ['research', 'supplementing', 'amending', 'finalizing'],
  record_research_item: ['research', 'supplementing', 'amending'],
  submit_for_review: ['research', 'supplementing', 'amending', 'finalizing'],
  // Flags are re-checked at each gate until the decision.
  set_flags: PRE_DECISION,
  classify_as_major_decision: PRE_DECISION,
  withdraw: NON_TERMINAL,
  // Until the decision (the 90 days of 行政处罚法第60条 run from filing to it).
  extend_case_deadline: [...PRE_DECISION, 'post_decision'],
  return_for_revision: ['fair_competition_review', 'completeness_check', 'legality_review', 'awaiting_meeting', 'final_text_check', 'contract_signing'],
  assign_fcr_reviewer: [...PRE_DECISION, 'finalizing', 'final_text_check'],
  // The pre-screen may run on drafts, before the matter reaches the reviewer.
  set_fcr_findings: [...PRE_DECISION, 'finalizing', 'final_text_check'],
  answer_fcr_finding: ['fair_competition_review'],
  record_fcr_conclusion: ['fair_competition_review'],
  accept_materials: ['completeness_check'],
  return_for_supplement: ['completeness_check'],
  assign_lawyer: ['completeness_check', 'legality_review', 'amending', 'prior_approval'],
  // The final text after "approve with changes" is signed by the lawyer too (patch stops-as-written).
  submit_lawyer_opinion: ['legality_review', 'final_text_check'],
  record_legality_conclusion: ['legality_review'],
  confirm_amendments: ['legality_review'],
  record_prior_approval: ['prior_approval'],
  schedule_meeting: ['awaiting_meeting', 'meeting_scheduled'],
  record_meeting: ['meeting_scheduled'],
  confirm_final_text: ['final_text_check'],
  report_to_party: ['post_decision'],
  record_government_review: ['post_decision'],
  sign_and_number: ['post_decision'],
  publish: ['post_decision'],
  withhold_publication: ['post_decision'],
  file_record: ['post_decision'],
  archive: ['post_decision'],
  // The drafter links clauses to their bases while the text is theirs to change.
  set_legal_basis_register: ['research', 'supplementing', 'amending', 'finalizing'],
  answer_legality_finding: ['legality_review', 'final_text_check'],
  // Contracts: particulars while the text is the drafter's; signing only after the legal unit's conclusion.
  record_contract_particulars: ['research', 'supplementing', 'amending'],
  record_contract_signing: ['contract_signing'],
  close_contract: ['contract_in_force'],
  // A major decision is implemented from its publication (decide() lets these through at post_decision once it is
  // published, and after issue while its implementation is open): its head may suspend it at once (713号令第37条).
  designate_implementing_unit: IMPLEMENTING,
  report_implementation: IMPLEMENTING,
  order_post_evaluation: IMPLEMENTING,
  record_post_evaluation: IMPLEMENTING,
  suspend_implementation: IMPLEMENTING,
  resume_implementation: IMPLEMENTING,
  record_adjustment: IMPLEMENTING,
  complete_implementation: IMPLEMENTING,
};

export const COMMAND_TYPES = Object.keys(STAGES_FOR_COMMAND) as CommandType[];

export function stageAccepts(stage: Stage, type: CommandType): boolean {
  return STAGES_FOR_COMMAND[type].includes(stage);
}
