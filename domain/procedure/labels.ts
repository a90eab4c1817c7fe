/** Chinese labels for the UI and for refusal texts. */

import { CONTRACT_CHECKLIST_LABELS } from '../contracts/checklist';
import { codesOf, labelTable } from '../labelTable';

import type { ChecklistCode, CommandType, FcrConclusion, Flag, LegalityOutcome, MatterKind, MeetingBody, MeetingView, ResearchItemKind, Role, Stage, TripleOneCategory } from './types';

export const KIND_LABELS: Record<MatterKind, string> = {
  normative_document: '行政规范性文件',
  major_decision: '重大行政决策',
  collective_matter: '“三重一大”事项',
  enforcement_review: '重大行政执法决定法制审核',
  contract_review: '重要合同、重大协议审查',
};

export const FLAG_LABELS: Record<Flag, string> = {
  ECON: '涉及经营者经济活动（公平竞争审查）',
  PUBLIC: '涉及公众权益（公开征求意见）',
  TECH: '专业性技术性较强（专家论证）',
  RISK: '可能影响社会稳定公共安全（风险评估）',
  GOVNAME: '以区政府名义出台',
};

export const STAGE_LABELS: Record<Stage, string> = {
  research: '研究论证',
  fair_competition_review: '公平竞争审查',
  completeness_check: '送审材料审查',
  supplementing: '补充材料',
  legality_review: '合法性审核',
  amending: '按审核意见修改',
  prior_approval: '报请批准',
  awaiting_meeting: '待提交集体讨论',
  meeting_scheduled: '已安排会议',
  finalizing: '按会议意见修改定稿',
  final_text_check: '定稿核对',
  post_decision: '决定后程序',
  contract_signing: '待签订合同',
  contract_in_force: '合同履行中',
  contract_closed: '合同已终结',
  issued: '已出台',
  decided: '已决定',
  rejected: '不予通过',
  withdrawn: '已撤回',
  not_issued: '不予出台',
};
export const STAGES = codesOf(STAGE_LABELS);

export const ROLE_LABELS: Record<Role, string> = {
  drafter: '承办科室',
  legal_unit: '法制机构',
  lawyer: '法律顾问',
  fcr_reviewer: '公平竞争审查人员',
  secretary: '会议秘书',
  meeting_member: '会议组成人员',
  auditor: '监督审计人员',
  admin: '系统管理员',
};

export const ACTION_LABELS: Record<CommandType, string> = {
  submit_version: '提交新版本',
  record_research_item: '登记研究论证材料',
  extend_case_deadline: '登记办案期限延长（行政处罚法第60条）',
  set_flags: '调整事项标记',
  classify_as_major_decision: '认定为重大行政决策',
  submit_for_review: '提交审查',
  withdraw: '撤回',
  return_for_revision: '退回修改',
  assign_fcr_reviewer: '指定公平竞争审查人员',
  set_fcr_findings: '更新公平竞争审查待答复问题',
  answer_fcr_finding: '答复预审问题',
  record_fcr_conclusion: '出具公平竞争审查结论',
  accept_materials: '受理送审材料',
  return_for_supplement: '退回补充材料',
  assign_lawyer: '指定法律顾问',
  submit_lawyer_opinion: '出具法律意见并签署',
  record_legality_conclusion: '出具合法性审核意见',
  confirm_amendments: '确认已按审核意见修改',
  record_prior_approval: '登记批准情况',
  schedule_meeting: '安排集体讨论',
  record_meeting: '记录集体讨论决定',
  confirm_final_text: '核对定稿',
  report_to_party: '向党委请示报告',
  record_government_review: '登记区政府审查结果',
  sign_and_number: '签发编号',
  withhold_publication: '依法不予公开',
  publish: '公布',
  file_record: '报送备案',
  archive: '归档',
  set_legal_basis_register: '登记条款合法性依据',
  answer_legality_finding: '答复合法性预审问题',
  record_contract_particulars: '登记合同要素',
  record_contract_signing: '登记合同签订',
  close_contract: '登记合同终结',
  designate_implementing_unit: '明确决策执行单位',
  report_implementation: '报告决策执行情况',
  order_post_evaluation: '组织决策后评估',
  record_post_evaluation: '登记决策后评估结论',
  suspend_implementation: '中止执行决策',
  resume_implementation: '恢复执行决策',
  record_adjustment: '启动决策调整程序',
  complete_implementation: '决策执行完毕',
};

export const LEGALITY_OUTCOME_LABELS: Record<LegalityOutcome, string> = {
  LAWFUL: '合法',
  LAWFUL_WITH_AMENDMENTS: '修改后合法',
  RETURN_TO_COMPLETE_PROCEDURE: '退回补充履行程序',
  NEED_PRIOR_APPROVAL: '需报经批准',
  UNLAWFUL: '不合法，建议不予出台',
  MATERIALS_INCOMPLETE: '材料不全，补充材料',
};

export const FCR_CONCLUSION_LABELS: Record<FcrConclusion, string> = {
  no_restrictive_effect: '不具有排除、限制竞争效果',
  exception_justified: '符合例外规定',
  breach_must_revise: '违反审查标准，应当修改',
};

export const MEETING_VIEW_LABELS: Record<MeetingView, string> = {
  approve: '同意',
  approve_with_changes: '修改后同意',
  return: '退回修改',
  reject: '不同意',
  defer: '暂缓研究',
};

export const MEETING_BODY_LABELS: Record<MeetingBody, string> = {
  director_office_meeting: '局长办公会',
  party_committee_meeting: '党委（党组）会议',
};

/** "三重一大" items a Party-committee meeting decides; personnel appointments need two thirds present. */
export const TRIPLE_ONE_CATEGORY_LABELS: Record<TripleOneCategory, string> = {
  personnel_appointment: '人事任免',
  major_project: '重大建设项目',
  major_funds: '重大资金使用',
};

/** The items of research and argumentation (研究论证): the one set of their names, served by /vocabulary. */
export const RESEARCH_ITEM_LABELS: Record<ResearchItemKind, string> = {
  drafting_explanation: '起草说明',
  legal_bases: '法律依据清单',
  internal_consultation: '征求相关单位意见（会签）',
  public_comment: '公开征求意见',
  hearing: '听证会',
  expert_opinion: '专家论证意见',
  risk_assessment: '风险评估报告',
  comment_adoption: '意见采纳情况表',
  procedure_statement: '履行法定程序的说明',
  public_participation: '听取公众意见（座谈会、实地走访、书面征求意见、问卷调查、民意调查）',
  participation_exemption: '依法不予公开（不听取公众意见）的依据',
  expert_adoption: '专家论证意见采纳情况',
  enforcement_case: '执法案件情况（立案、法制审核情形）',
};

/**
 * 713号令第14条第2款: the ways of hearing the public besides the open comment (公开征求意见) and the hearing
 * (听证会), which are recorded as their own items.
 */
export const { labels: PARTICIPATION_METHOD_LABELS, codes: PARTICIPATION_METHODS } = labelTable({
  symposium: '座谈会',
  field_visit: '实地走访',
  written_consultation: '书面征求意见',
  questionnaire: '问卷调查',
  opinion_poll: '民意调查',
});
export type ParticipationMethod = (typeof PARTICIPATION_METHODS)[number];

export const { labels: CHECKLIST_LABELS, codes: CHECKLIST_CODES } = labelTable<Record<ChecklistCode, string>>({
  'LR-S1': '制定主体适格',
  'LR-S2': '属于规范性文件，范围适当',
  'LR-P1': '未超越法定职权',
  'LR-P2': '未违法设定许可、处罚、强制、收费等',
  'LR-C1': '未违法减损权利、增加义务，不溯及既往',
  'LR-C2': '与上位法及同级文件一致',
  'LR-C3': '无排除限制竞争内容；涉及经营者的已有公平竞争审查结论',
  'LR-R1': '已履行法定程序',
  'LR-R2': '材料齐全，审核时间有保障',
  'LR-F1': '载明有效期和施行日期',
});

/** Every checklist point by code, LR-* and the contract review's CT-* (domain/contracts/checklist.ts). */
export const ALL_CHECKLIST_LABELS: Record<string, string> = { ...CHECKLIST_LABELS, ...CONTRACT_CHECKLIST_LABELS };

/** How operators, associations or the public were heard in a fair-competition review (公平竞争审查条例第16条). */
export const { labels: FCR_CONSULTATION_METHOD_LABELS, codes: FCR_CONSULTATION_METHODS } = labelTable({
  symposium: '座谈会',
  written: '书面征求意见',
  visit: '实地走访',
  questionnaire: '问卷调查',
  public_comment: '向社会公开征求意见',
});
export type FcrConsultationMethod = (typeof FCR_CONSULTATION_METHODS)[number];

/**
 * Every action the trail records: people's commands, and what the system records itself (the registration,
 * the automated pre-screen, reminders and escalations). A unit test holds every `action:` the activities
 * write to having a label here.
 */
export const SYSTEM_TRAIL_ACTION_LABELS = {
  register: '登记立项',
  fair_competition_prescreen: '公平竞争审查自动预审',
  prescreen: '自动预审（公平竞争、合法性）',
  deadline_reminder: '期限提醒',
  deadline_escalation: '超期督办',
  adjustment_settled: '决策调整（停止执行）程序结果',
} as const;
export const TRAIL_ACTION_LABELS: Record<string, string> = { ...ACTION_LABELS, ...SYSTEM_TRAIL_ACTION_LABELS };

/** What a clock's end means (domain/procedure/deadlines.ts DeadlineNature). */
export const DEADLINE_NATURE_LABELS = { obligation: '办理期限', not_before: '最早可办理时间', window_end: '期间届满' } as const;
