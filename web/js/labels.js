// @ts-check
/**
 * Chinese labels for the vocabulary of the procedure. The procedure's own vocabulary (kinds, flags, stages
 * and the phases grouping them, roles, actions and every trail action, outcomes, checklist) comes from the
 * server (GET /api/v1/vocabulary, straight from domain/procedure) at start-up and fills the tables below;
 * only presentation labels the domain does not define live here. A code without a label is shown as the
 * code itself, never hidden.
 */

/** @typedef {Record<string, string>} Labels */
/** @typedef {import('../types/api').Phase} Phase */

/** @type {Labels} */ export const KIND_LABELS = {};
/** @type {Labels} */ export const FLAG_LABELS = {};
/** @type {Labels} */ export const FLAG_SHORT = { ECON: '公平竞争', PUBLIC: '征求意见', TECH: '专家论证', RISK: '风险评估', GOVNAME: '区政府名义' };
/** @type {string[]} */ export const FLAGS = [];

/**
 * Which flags mean something for each kind (domain/procedure/steps.ts APPLICABLE_FLAGS): the form offers
 * only these, because the server refuses the others with FLAG_NOT_APPLICABLE.
 * @type {Record<string, string[]>}
 */
export const APPLICABLE_FLAGS = {};

/** @type {Labels} */ export const STAGE_LABELS = {};
/** @type {string[]} */ export const TERMINAL_STAGES = [];
export const FAILED_STAGES = ['rejected', 'withdrawn', 'not_issued'];
/** The phases of the procedure, each grouping stages (domain/procedure/phases.ts). @type {Phase[]} */
export const PHASES = [];

/** @type {Labels} */ export const ROLE_LABELS = {};
/** @type {string[]} */ export const ROLES = [];
/** Roles as the trail records them: people's roles, plus the workflow itself (reminders, escalations). @type {Labels} */
export const ACTOR_ROLE_LABELS = { system: '系统（流程自动）' };

/** @type {Labels} */ export const ACTION_LABELS = {};
/** Every action the trail records: people's commands and the system's own entries. @type {Labels} */
export const TRAIL_ACTION_LABELS = {};
/** @type {Labels} */ export const DEADLINE_NATURE_LABELS = {};

/** @type {Labels} */ export const LEGALITY_OUTCOME_LABELS = {};
/** @type {Labels} */ export const FCR_CONCLUSION_LABELS = {};
/** @type {Labels} */ export const MEETING_VIEW_LABELS = {};
/** @type {Labels} */ export const MEETING_BODY_LABELS = {};
/** "三重一大" items of a Party-committee meeting (人事任免 needs two thirds present). @type {Labels} */ export const TRIPLE_ONE_CATEGORY_LABELS = {};
/** @type {Labels} */ export const CHECKLIST_LABELS = {};
/** The contract review's CT-* points (重要合同、重大协议). @type {Labels} */ export const CONTRACT_CHECKLIST_LABELS = {};
/** @type {Labels} */ export const CHECKLIST_RESULT_LABELS = { pass: '符合', issue: '存在问题', not_applicable: '不适用' };

/** Filled from the server's vocabulary (researchItems). @type {Labels} */ export const RESEARCH_ITEM_LABELS = {};
/** 713号令第14条: ways of hearing the public; filled from the vocabulary (participationMethods). @type {Labels} */ export const PARTICIPATION_METHOD_LABELS = {};

/** @type {Labels} */ export const RISK_LEVEL_LABELS = { low: '低', medium: '中', high: '高' };
/** @type {Labels} */ export const GOV_REVIEW_LABELS = { approved: '同意', returned: '退回', rejected: '不同意' };
/** @type {Labels} */ export const UNIT_LABELS = { working_days: '工作日', calendar_days: '自然日', days: '自然日', seconds: '秒（演示时钟）', minutes: '分钟', hours: '小时' };
/** @type {Labels} */ export const WORKFLOW_STATUS_LABELS = { RUNNING: '运行中', COMPLETED: '已完成', FAILED: '失败', TERMINATED: '已终止', CANCELLED: '已取消', TIMED_OUT: '已超时', UNAVAILABLE: '暂不可达（显示数据库记录）' };

/**
 * @param {Labels} table
 * @param {string | null | undefined} code
 */
export const label = (table, code) => (code === null || code === undefined ? '—' : table[code] ?? code);

/** @type {Labels} */ export const FINDING_STATUS_LABELS = { open: '待答复', confirmed: '已确认（存在问题）', dismissed: '已排除' };
/** @type {Labels} */ export const FCR_ANSWER_LABELS = { not_involved: '不涉及', no_restriction: '涉及，但不具有排除、限制竞争效果', restriction: '具有排除、限制竞争效果' };
/** @type {Labels} */ export const FCR_ANSWER_SHORT = { not_involved: '不涉及', no_restriction: '无限制效果', restriction: '有限制效果' };
/** @type {Labels} */ export const CONSULTATION_KIND_LABELS = { operator: '经营者', association: '行业协会商会', public: '社会公众', expert: '专家学者' };
/** How operators and associations were heard (条例第16条); filled from the vocabulary (fcrConsultationMethods). @type {Labels} */ export const CONSULTATION_METHOD_LABELS = {};
/** The 法制审核 points (行政处罚法第58条); filled from the vocabulary (enforcementChecklist). @type {Labels} */ export const ENFORCEMENT_CHECKLIST_LABELS = {};
/** 行政处罚法第58条第1款: why a case is under 法制审核; filled from the vocabulary (enforcementGrounds). @type {Labels} */ export const ENFORCEMENT_GROUND_LABELS = {};
/** Contracts (重要合同、重大协议): filled from the vocabulary. @type {Labels} */ export const PROCUREMENT_METHOD_LABELS = {};
/** @type {Labels} */ export const DISPUTE_METHOD_LABELS = {};
/** @type {Labels} */ export const PARTY_ROLE_LABELS = {};
/** @type {Labels} */ export const CONTRACT_CLOSURE_LABELS = {};
/** A register document's status, the re-evaluation decisions, its events; filled from the vocabulary. @type {Labels} */ export const DOCUMENT_STATUS_LABELS = {};
/** @type {Labels} */ export const DOCUMENT_DECISION_LABELS = {};
/** @type {Labels} */ export const REGISTER_EVENT_LABELS = {};
/** 713号令第3条第1款 (一)–(五), keyed 1–5; filled from the vocabulary (catalogueCategories). @type {Labels} */ export const CATALOGUE_CATEGORY_LABELS = {};
/** 713号令第37条: adjusting or stopping an issued major decision; filled from the vocabulary (adjustmentPurposes). @type {Labels} */ export const ADJUSTMENT_PURPOSE_LABELS = {};
/** 713号令第35条至第36条: implementation reports and post-evaluations; filled from the vocabulary. @type {Labels} */ export const IMPLEMENTATION_STATUS_LABELS = {};
/** @type {Labels} */ export const EVALUATION_GROUND_LABELS = {};
/** @type {Labels} */ export const EVALUATION_CONCLUSION_LABELS = {};
/** @type {Labels} */ export const EVALUATION_RECOMMENDATION_LABELS = {};
/** @type {Labels} */ export const CONFIDENCE_LABELS = { high: '较高', medium: '中', low: '较低' };

/**
 * Fills the procedure's tables from the server's vocabulary (GET /api/v1/vocabulary).
 * @param {import('../types/api').Vocabulary | null | undefined} v
 */
export function applyVocabulary(v) {
  if (!v || typeof v !== 'object') return;
  /** @type {Array<[Record<string, unknown>, unknown]>} */
  const pairs = [
    [KIND_LABELS, v.kinds], [FLAG_LABELS, v.flags], [STAGE_LABELS, v.stages], [ROLE_LABELS, v.roles], [ACTION_LABELS, v.actions],
    [TRAIL_ACTION_LABELS, v.trailActions], [DEADLINE_NATURE_LABELS, v.deadlineNatures],
    [LEGALITY_OUTCOME_LABELS, v.legalityOutcomes], [FCR_CONCLUSION_LABELS, v.fcrConclusions], [MEETING_VIEW_LABELS, v.meetingViews],
    [MEETING_BODY_LABELS, v.meetingBodies], [CHECKLIST_LABELS, v.checklist], [APPLICABLE_FLAGS, v.applicableFlags],
    [RESEARCH_ITEM_LABELS, v.researchItems], [PARTICIPATION_METHOD_LABELS, v.participationMethods], [CONSULTATION_METHOD_LABELS, v.fcrConsultationMethods], [CONTRACT_CHECKLIST_LABELS, v.contractChecklist], [ENFORCEMENT_CHECKLIST_LABELS, v.enforcementChecklist],
    [TRIPLE_ONE_CATEGORY_LABELS, v.tripleOneCategories], [ENFORCEMENT_GROUND_LABELS, v.enforcementGrounds], [PROCUREMENT_METHOD_LABELS, v.procurementMethods],
    [DISPUTE_METHOD_LABELS, v.disputeMethods], [PARTY_ROLE_LABELS, v.partyRoles], [CONTRACT_CLOSURE_LABELS, v.contractClosures],
    [DOCUMENT_STATUS_LABELS, v.documentStatuses], [DOCUMENT_DECISION_LABELS, v.documentDecisions], [REGISTER_EVENT_LABELS, v.registerEvents], [CATALOGUE_CATEGORY_LABELS, v.catalogueCategories],
    [ADJUSTMENT_PURPOSE_LABELS, v.adjustmentPurposes], [IMPLEMENTATION_STATUS_LABELS, v.implementationStatuses], [EVALUATION_GROUND_LABELS, v.evaluationGrounds],
    [EVALUATION_CONCLUSION_LABELS, v.evaluationConclusions], [EVALUATION_RECOMMENDATION_LABELS, v.evaluationRecommendations],
  ];
  for (const [target, source] of pairs) if (source && typeof source === 'object') Object.assign(target, source);
  Object.assign(ACTOR_ROLE_LABELS, ROLE_LABELS);
  FLAGS.splice(0, FLAGS.length, ...Object.keys(FLAG_LABELS));
  ROLES.splice(0, ROLES.length, ...Object.keys(ROLE_LABELS));
  if (Array.isArray(v.terminalStages)) TERMINAL_STAGES.splice(0, TERMINAL_STAGES.length, ...v.terminalStages);
  if (Array.isArray(v.phases)) PHASES.splice(0, PHASES.length, ...v.phases);
}
