/**
 * Major enforcement decision legal review (重大执法决定法制审核), 行政处罚法 arts. 48, 57–60 [rule]:
 * which art. 58 ground puts the case under review, the enforcement checklist the reviewer answers (not the
 * normative-document LR-* one), when collective discussion is required (art. 57 para. 2), the 90-day time
 * limit from the case's filing (art. 60) and the publication decision for decisions with social impact (art. 48).
 * Pure data and rules; the procedure's handlers apply them.
 */

import { labelTable } from '../labelTable';

/** 行政处罚法第58条第1款: the four grounds. */
export const { labels: ENFORCEMENT_GROUND_LABELS, codes: ENFORCEMENT_GROUNDS } = labelTable({
  public_interest: '涉及重大公共利益（行政处罚法第58条第1款第1项）',
  hearing_held: '直接关系当事人或者第三人重大权益，经过听证程序（第58条第1款第2项）',
  complex_case: '案件情况疑难复杂、涉及多个法律关系（第58条第1款第3项）',
  other_statutory: '法律、法规规定应当进行法制审核的其他情形（第58条第1款第4项）',
});
export type EnforcementGround = (typeof ENFORCEMENT_GROUNDS)[number];

/** What the 法制审核 reviewer checks (国办发〔2018〕118号 [practice]): subject, jurisdiction, facts, evidence, procedure, law, discretion, documents. */
export const { labels: ENFORCEMENT_CHECKLIST_LABELS, codes: ENFORCEMENT_CHECKLIST_CODES } = labelTable({
  'EF-SUBJECT': '执法主体合法，执法人员具备执法资格',
  'EF-JURISDICTION': '具有管辖权',
  'EF-FACTS': '案件事实清楚',
  'EF-EVIDENCE': '证据合法、确凿、充分',
  'EF-PROCEDURE': '程序合法（告知、陈述申辩、听证等）',
  'EF-LAW': '适用法律、法规、规章准确',
  'EF-DISCRETION': '符合行政裁量权基准，处罚适当',
  'EF-DOCUMENT': '执法文书规范、完备',
});
export type EnforcementChecklistCode = (typeof ENFORCEMENT_CHECKLIST_CODES)[number];

/** 行政处罚法第57条第2款: 情节复杂或者重大违法行为 — the head decides only after collective discussion. */
export function collectiveDiscussionRequired(c: { complex: boolean; seriousViolation: boolean } | null | undefined): boolean {
  return c !== null && c !== undefined && (c.complex || c.seriousViolation);
}

/**
 * The answers to the enforcement checklist: every point answered once; "passed" (LAWFUL) only when no point
 * has an issue (第58条: 审核未通过的，不得作出决定). Returns what is wrong, or null.
 */
export function enforcementChecklistProblem(checklist: ReadonlyArray<{ code: string; result: string }> | undefined, passed: boolean): string | null {
  if (!checklist || checklist.length === 0) return `the enforcement checklist (${ENFORCEMENT_CHECKLIST_CODES.join(', ')}) is required, not the normative-document LR-* one`;
  const seen = new Set<string>();
  for (const e of checklist) {
    if (!(ENFORCEMENT_CHECKLIST_CODES as readonly string[]).includes(e.code)) return `${e.code} is not a point of the enforcement checklist`;
    if (seen.has(e.code)) return `${e.code} answered twice`;
    seen.add(e.code);
  }
  const missing = ENFORCEMENT_CHECKLIST_CODES.filter((c) => !seen.has(c));
  if (missing.length) return `not answered: ${missing.join(', ')}`;
  const issues = checklist.filter((e) => e.result === 'issue').map((e) => e.code);
  if (passed && issues.length) return `a review with issues (${issues.join(', ')}) cannot pass`;
  return null;
}
