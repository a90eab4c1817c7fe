/**
 * Chinese labels for the vocabulary of the procedure. They mirror domain/procedure/labels.ts: the browser
 * loads plain modules with no build step and cannot import the TypeScript, and the API returns codes.
 * A code missing here is shown as the code itself, never hidden.
 */

export const KIND_LABELS = {
  normative_document: '行政规范性文件',
  major_decision: '重大行政决策',
  collective_matter: '“三重一大”事项',
  enforcement_review: '重大行政执法决定法制审核',
};

export const FLAG_LABELS = {
  ECON: '涉及经营者经济活动（公平竞争审查）',
  PUBLIC: '涉及公众权益（公开征求意见）',
  TECH: '专业性技术性较强（专家论证）',
  RISK: '可能影响社会稳定公共安全（风险评估）',
  GOVNAME: '以区政府名义出台',
};
export const FLAG_SHORT = { ECON: '公平竞争', PUBLIC: '征求意见', TECH: '专家论证', RISK: '风险评估', GOVNAME: '区政府名义' };
export const FLAGS = Object.keys(FLAG_LABELS);

/**
 * Which flags mean something for each kind (domain/procedure/steps.ts APPLICABLE_FLAGS): the form offers
 * only these, because the server refuses the others with FLAG_NOT_APPLICABLE.
 */
export const APPLICABLE_FLAGS = {
  normative_document: ['ECON', 'PUBLIC', 'TECH', 'RISK', 'GOVNAME'],
  major_decision: ['ECON', 'PUBLIC', 'TECH', 'RISK', 'GOVNAME'],
  collective_matter: ['ECON', 'TECH', 'RISK'],
  enforcement_review: ['TECH', 'RISK'],
};

export const STAGE_LABELS = {
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
  issued: '已出台',
  decided: '已决定',
  rejected: '不予通过',
  withdrawn: '已撤回',
  not_issued: '不予出台',
};
export const TERMINAL_STAGES = ['issued', 'decided', 'rejected', 'withdrawn', 'not_issued'];
export const FAILED_STAGES = ['rejected', 'withdrawn', 'not_issued'];

export const ROLE_LABELS = {
  drafter: '承办科室',
  legal_unit: '法制机构',
  lawyer: '法律顾问',
  fcr_reviewer: '公平竞争审查人员',
  secretary: '会议秘书',
  meeting_member: '会议组成人员',
  auditor: '监督审计人员',
  admin: '系统管理员',
};
export const ROLES = Object.keys(ROLE_LABELS);
/** Roles as the trail records them: people's roles, plus the workflow itself (reminders, escalations). */
export const ACTOR_ROLE_LABELS = { ...ROLE_LABELS, system: '系统（流程自动）' };

export const ACTION_LABELS = {
  register: '登记立项',
  submit_version: '提交新版本',
  record_research_item: '登记研究论证材料',
  set_flags: '调整事项标记',
  submit_for_review: '提交审查',
  withdraw: '撤回',
  return_for_revision: '退回修改',
  assign_fcr_reviewer: '指定公平竞争审查人员',
  set_fcr_findings: '更新公平竞争审查待答复问题',
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
  publish: '公布',
  file_record: '报送备案',
  archive: '归档',
  deadline_reminder: '期限提醒',
  deadline_escalation: '超期督办',
};

export const LEGALITY_OUTCOME_LABELS = {
  LAWFUL: '合法',
  LAWFUL_WITH_AMENDMENTS: '修改后合法',
  RETURN_TO_COMPLETE_PROCEDURE: '退回补充履行程序',
  NEED_PRIOR_APPROVAL: '需报经批准',
  UNLAWFUL: '不合法，建议不予出台',
  MATERIALS_INCOMPLETE: '材料不全，补充材料',
};

export const FCR_CONCLUSION_LABELS = {
  no_restrictive_effect: '不具有排除、限制竞争效果',
  exception_justified: '符合例外规定',
  breach_must_revise: '违反审查标准，应当修改',
};

export const MEETING_VIEW_LABELS = {
  approve: '同意',
  approve_with_changes: '修改后同意',
  return: '退回修改',
  reject: '不同意',
  defer: '暂缓研究',
};

export const MEETING_BODY_LABELS = {
  director_office_meeting: '局长办公会',
  party_committee_meeting: '党委（党组）会议',
};

export const CHECKLIST_LABELS = {
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
};
export const CHECKLIST_RESULT_LABELS = { pass: '符合', issue: '存在问题', not_applicable: '不适用' };

export const RESEARCH_ITEM_LABELS = {
  drafting_explanation: '起草说明',
  legal_bases: '法律依据清单',
  internal_consultation: '征求相关单位意见（会签）',
  public_comment: '公开征求意见',
  hearing: '听证会',
  expert_opinion: '专家论证意见',
  risk_assessment: '风险评估报告',
  comment_adoption: '意见采纳情况表',
  procedure_statement: '履行法定程序的说明',
};

export const RISK_LEVEL_LABELS = { low: '低', medium: '中', high: '高' };
export const GOV_REVIEW_LABELS = { approved: '同意', returned: '退回', rejected: '不同意' };
export const UNIT_LABELS = { working_days: '工作日', calendar_days: '自然日', days: '自然日', seconds: '秒（演示时钟）', minutes: '分钟', hours: '小时' };
export const WORKFLOW_STATUS_LABELS = { RUNNING: '运行中', COMPLETED: '已完成', FAILED: '失败', TERMINATED: '已终止', CANCELLED: '已取消', TIMED_OUT: '已超时', UNAVAILABLE: '暂不可达（显示数据库记录）' };

export const label = (table, code) => (code === null || code === undefined ? '—' : table[code] ?? code);

export const DEADLINE_LABELS = {
  legality_review_time_limit: '合法性审核期限',
  legality_review_minimum: '合法性审核最短期限（此前不得提交集体讨论）',
  comment_window: '公开征求意见期限',
  filing_deadline: '备案期限',
  archive_deadline: '归档期限',
};

export const FINDING_STATUS_LABELS = { open: '待答复', confirmed: '已确认（存在问题）', dismissed: '已排除' };
export const FCR_ANSWER_LABELS = { not_involved: '不涉及', no_restriction: '涉及，但不具有排除、限制竞争效果', restriction: '具有排除、限制竞争效果' };
export const FCR_ANSWER_SHORT = { not_involved: '不涉及', no_restriction: '无限制效果', restriction: '有限制效果' };
export const CONSULTATION_KIND_LABELS = { operator: '经营者', association: '行业协会商会', public: '社会公众', expert: '专家学者' };
export const CONFIDENCE_LABELS = { high: '较高', medium: '中', low: '较低' };

/**
 * The server publishes the vocabulary with its labels (GET /api/v1/vocabulary) so clients need not keep a
 * copy that drifts: when it answers, its labels replace the built-in ones above (kept as the fallback).
 */
export function applyVocabulary(v) {
  if (!v || typeof v !== 'object') return;
  const pairs = [
    [KIND_LABELS, v.kinds], [FLAG_LABELS, v.flags], [STAGE_LABELS, v.stages], [ROLE_LABELS, v.roles], [ACTION_LABELS, v.actions],
    [LEGALITY_OUTCOME_LABELS, v.legalityOutcomes], [FCR_CONCLUSION_LABELS, v.fcrConclusions], [MEETING_VIEW_LABELS, v.meetingViews],
    [MEETING_BODY_LABELS, v.meetingBodies], [CHECKLIST_LABELS, v.checklist],
  ];
  for (const [target, source] of pairs) if (source && typeof source === 'object') Object.assign(target, source);
  Object.assign(ACTOR_ROLE_LABELS, ROLE_LABELS);
  if (Array.isArray(v.terminalStages)) TERMINAL_STAGES.splice(0, TERMINAL_STAGES.length, ...v.terminalStages);
}
