/**
 * The one permission table: which roles may perform each action. Scope rules (own section, assigned
 * lawyer/reviewer) and separation of duties are applied by authorize() on top of it.
 */

import type { CommandType, Role } from '../procedure/types';

export type ReadAction = 'read_matter' | 'read_trail' | 'verify_signature' | 'read_statistics' | 'read_admin_events' | 'read_draft_catalogue';
export type AdminAction = 'manage_users' | 'manage_calendar' | 'manage_decision_catalogue';
/** After issue (domain/lifecycle): the document register, re-evaluation and clean-up decisions, 备案 packages. */
export type RegisterAction = 'read_register' | 'decide_document' | 'run_cleanup' | 'download_filing_package';
export type Action = CommandType | 'register_matter' | ReadAction | AdminAction | RegisterAction;

export interface PermissionRule {
  roles: readonly Role[];
  /** A review or sign-off: never by the matter's drafter (createdBy). */
  review: boolean;
  /** A signature: a lawyer needs an active contract at `now`. */
  signs: boolean;
  /** Changes nothing (auditors may do only these). */
  readOnly: boolean;
}

const rule = (roles: readonly Role[], opts: Partial<Omit<PermissionRule, 'roles'>> = {}): PermissionRule => ({
  roles,
  review: opts.review ?? false,
  signs: opts.signs ?? false,
  readOnly: opts.readOnly ?? false,
});

const READERS: readonly Role[] = ['drafter', 'legal_unit', 'lawyer', 'fcr_reviewer', 'secretary', 'meeting_member', 'auditor'];

export const PERMISSIONS: Record<Action, PermissionRule> = {
  // Reading: scope decides which matters (drafter: own section; lawyer/reviewer: assigned).
  read_matter: rule(READERS, { readOnly: true }),
  read_trail: rule(['legal_unit', 'secretary', 'auditor', 'drafter'], { readOnly: true }),
  // Anyone who may read the matter may check its signatures.
  verify_signature: rule(READERS, { readOnly: true }),
  // Figures over all matters (time per stage, overdue, compliance): the legal unit and auditors.
  read_statistics: rule(['legal_unit', 'auditor'], { readOnly: true }),
  // What administrators changed (people, roles, the retainer, rosters, holiday notices): auditors check it, and
  // admins see their own record; no one else (it names people and their roles).
  read_admin_events: rule(['admin', 'auditor'], { readOnly: true }),
  // Administration: people and calendars, never a review.
  manage_users: rule(['admin']),
  manage_calendar: rule(['admin']),
  // The yearly catalogue of major decisions (713号令第3条第3款): kept and published by the legal unit.
  manage_decision_catalogue: rule(['legal_unit']),
  // The catalogue before its publication (the Party committee has not agreed to it yet): the bureau's own — who keeps
  // it, auditors, and the drafting units, who register the decisions its entries plan and link them at registration
  // (a decision is often started before the catalogue is agreed). Not the law firm or the fair-competition reviewers.
  // Once published, everyone logged in reads it (each entry's progress only as far as they may read its matter).
  read_draft_catalogue: rule(['legal_unit', 'auditor', 'drafter'], { readOnly: true }),

  // The document register (统一登记): everyone who reads matters reads it; the legal unit re-evaluates,
  // cleans up and files (备案) documents.
  read_register: rule(READERS, { readOnly: true }),
  decide_document: rule(['legal_unit']),
  run_cleanup: rule(['legal_unit']),
  download_filing_package: rule(['legal_unit', 'auditor'], { readOnly: true }),

  // Drafter (承办科室)
  register_matter: rule(['drafter']),
  submit_version: rule(['drafter']),
  record_research_item: rule(['drafter']),
  submit_for_review: rule(['drafter']),
  withdraw: rule(['drafter']),
  record_prior_approval: rule(['drafter']),
  // 行政处罚法第60条: the extension the head approved, recorded by the enforcement unit or the legal unit.
  extend_case_deadline: rule(['drafter', 'legal_unit']),
  // Flags are chosen by the drafter and re-checked by the legal unit at each gate.
  set_flags: rule(['drafter', 'legal_unit']),
  // Adds duties only: whoever finds the document is also a major decision classifies it so (never back).
  classify_as_major_decision: rule(['drafter', 'legal_unit']),

  // Fair-competition reviewer (公平竞争审查)
  set_fcr_findings: rule(['fcr_reviewer'], { review: true }),
  answer_fcr_finding: rule(['fcr_reviewer'], { review: true }),
  record_fcr_conclusion: rule(['fcr_reviewer'], { review: true }),
  // Returning from a review: the reviewer of the stage (decide() narrows the role by stage).
  return_for_revision: rule(['fcr_reviewer', 'legal_unit'], { review: true }),

  // Legal unit (法制机构)
  assign_fcr_reviewer: rule(['legal_unit'], { review: true }),
  accept_materials: rule(['legal_unit'], { review: true }),
  return_for_supplement: rule(['legal_unit'], { review: true }),
  assign_lawyer: rule(['legal_unit'], { review: true }),
  record_legality_conclusion: rule(['legal_unit'], { review: true }),
  confirm_amendments: rule(['legal_unit'], { review: true }),
  confirm_final_text: rule(['legal_unit'], { review: true }),
  record_government_review: rule(['legal_unit']),
  file_record: rule(['legal_unit']),

  // Retained lawyer (法律顾问): the opinion is the signature.
  submit_lawyer_opinion: rule(['lawyer'], { review: true, signs: true }),
  answer_legality_finding: rule(['lawyer'], { review: true }),
  // The drafter registers each clause's legal basis (合法性依据登记).
  set_legal_basis_register: rule(['drafter']),

  // Office / meeting secretary
  schedule_meeting: rule(['secretary']),
  record_meeting: rule(['secretary']),
  report_to_party: rule(['secretary']),
  sign_and_number: rule(['secretary']),
  publish: rule(['secretary']),
  withhold_publication: rule(['secretary']),
  // The dossier goes to the 司法局 via the legal unit, or to the bureau's archive via the office.
  archive: rule(['secretary', 'legal_unit']),

  // Contracts (重要合同、重大协议): the drafting unit conducts the contract and records its particulars and
  // the signed contract; its end is recorded by the unit or the legal unit that keeps the register.
  record_contract_particulars: rule(['drafter']),
  record_contract_signing: rule(['drafter']),
  close_contract: rule(['drafter', 'legal_unit']),

  // After a major decision (713号令第34条至第37条). The office records what the decision organ and its head
  // decide (the implementing unit, a suspension, the end); the implementing unit reports; the legal unit runs
  // the post-evaluation; the drafting unit opens the adjustment procedure (a new matter it drafts).
  designate_implementing_unit: rule(['secretary']),
  report_implementation: rule(['drafter']),
  order_post_evaluation: rule(['legal_unit']),
  record_post_evaluation: rule(['legal_unit']),
  suspend_implementation: rule(['secretary']),
  resume_implementation: rule(['secretary']),
  record_adjustment: rule(['drafter']),
  complete_implementation: rule(['secretary']),
};

export function isAction(action: string): action is Action {
  return Object.prototype.hasOwnProperty.call(PERMISSIONS, action);
}
