/** Shared fixtures for the procedure tests: people, versions, and drivers that walk a matter forward. */

import { chinaDateOf, defaultCalendar } from '../../../domain/calendar';
import {
  currentHash,
  decide,
  defaultProcedureConfig,
  isMajorDecision,
  registerMatter,
  type Actor,
  type ChecklistEntry,
  type FcrReviewRecord,
  type Command,
  type Decision,
  type Flag,
  type MatterKind,
  type MatterState,
  type MeetingRecordInput,
  type ProcedureConfig,
  type ResearchItem,
} from '../../../domain/procedure';
import { CHECKLIST_CODES } from '../../../domain/procedure/labels';
import { ENFORCEMENT_CHECKLIST_CODES } from '../../../domain/enforcement/review';
import { ruleSet } from '../../../domain/fair-competition/catalogue';

export const cal = defaultCalendar();
export const config: ProcedureConfig = defaultProcedureConfig;

export const people = {
  drafter: { userId: 'd1', username: '张承办', roles: ['drafter'], sectionId: 'sec-market' },
  drafter2: { userId: 'd2', username: '李承办', roles: ['drafter'], sectionId: 'sec-market' },
  otherDrafter: { userId: 'd9', username: '外科室', roles: ['drafter'], sectionId: 'sec-other' },
  legal: { userId: 'lu1', username: '王法制', roles: ['legal_unit'], sectionId: 'sec-legal', legalQualification: true },
  legal2: { userId: 'lu2', username: '赵法制', roles: ['legal_unit'], sectionId: 'sec-legal' },
  lawyer: {
    userId: 'law1',
    username: '陈律师',
    roles: ['lawyer'],
    sectionId: null,
    lawyerContract: { from: '2024-01-01', to: '2026-12-31' },
  },
  lawyer2: {
    userId: 'law2',
    username: '周律师',
    roles: ['lawyer'],
    sectionId: null,
    lawyerContract: { from: '2024-01-01', to: '2026-12-31' },
  },
  fcr: { userId: 'fcr1', username: '孙审查', roles: ['fcr_reviewer'], sectionId: 'sec-market' },
  secretary: { userId: 'sec1', username: '办公室', roles: ['secretary'], sectionId: 'sec-office' },
  auditor: { userId: 'aud1', username: '纪检', roles: ['auditor'], sectionId: null },
  admin: { userId: 'adm1', username: '管理员', roles: ['admin'], sectionId: null },
  member: { userId: 'm1', username: '委员', roles: ['meeting_member'], sectionId: null },
} satisfies Record<string, Actor>;

/** A deterministic 64-hex "SHA-256" for version n. */
export const hash = (n: number): string => n.toString(16).padStart(64, 'a');

/** Beijing-time instant on a date. */
export const at = (date: string, time = '09:00'): string => `${date}T${time}:00+08:00`;

export function register(kind: MatterKind, flags: Flag[] = [], now = at('2025-03-03')): MatterState {
  return registerMatter(
    {
      matterId: 'M-1',
      kind,
      flags,
      title: '关于促进文化旅游消费的若干措施',
      draftingUnit: 'sec-market',
      createdBy: 'd1',
      versionHash: hash(1),
      now,
    },
    config,
  );
}

/** The standing roster of the fixture bodies (the API reads it from the database for the day held). */
export const ROSTER = ['head', 'm1', 'm2', 'm3', 'm4'];

/** What the API does for record_meeting: fills in the roster of the scheduled body on the day held. */
export function withRoster(state: MatterState, command: Command, members: readonly string[] = ROSTER): Command {
  if (command.type !== 'record_meeting' || command.roster || !state.meeting.scheduled) return command;
  const sch = state.meeting.scheduled;
  const heldAt = command.record.heldAt ?? sch.meetingAt;
  return { ...command, roster: { bodyId: sch.bodyId ?? sch.body, on: chinaDateOf(Date.parse(heldAt)), members: [...members] } };
}

export function attempt(state: MatterState, command: Command, actor: Actor, now: string, cfg: ProcedureConfig = config): Decision {
  return decide(state, withRoster(state, command), { actor, now, config: cfg, calendar: cal });
}

/** Applies a command that must succeed; fails the test with the refusal otherwise. */
export function apply(state: MatterState, command: Command, actor: Actor, now: string, cfg: ProcedureConfig = config): MatterState {
  const d = attempt(state, command, actor, now, cfg);
  if (!d.ok) throw new Error(`${command.type} refused: ${d.status} ${d.code} ${d.reason}`);
  return d.state;
}

/** Asserts a refusal and returns it. */
export function refused(d: Decision): Extract<Decision, { ok: false }> {
  if (d.ok) throw new Error(`expected a refusal, got ok (${d.event.summary})`);
  return d;
}

export const fullChecklist = (): ChecklistEntry[] => CHECKLIST_CODES.map((code) => ({ code, result: 'pass' as const }));

/** Records everything research needs for the kind and flags (public comment opened 30+ days earlier). */
export function doResearch(state: MatterState, now: string, cfg: ProcedureConfig = config): MatterState {
  let s = state;
  const d = people.drafter;
  s = apply(s, { type: 'record_research_item', item: { kind: 'drafting_explanation', documentId: 'doc-exp', summary: '目的、依据、过程、主要内容' } }, d, now, cfg);
  s = apply(s, { type: 'record_research_item', item: { kind: 'legal_bases', bases: [{ title: '旅游法', article: '第二十三条' }] } }, d, now, cfg);
  s = apply(s, { type: 'record_research_item', item: { kind: 'procedure_statement', documentId: 'doc-proc', summary: '已履行的程序' } }, d, now, cfg);
  s = apply(
    s,
    { type: 'record_research_item', item: { kind: 'internal_consultation', consultations: [{ unit: '财务科', agreed: true, opinion: '无意见' }] } },
    d,
    now,
    cfg,
  );
  if (s.flags.includes('PUBLIC')) {
    s = apply(
      s,
      { type: 'record_research_item', item: { kind: 'public_comment', openedAt: at('2025-01-02'), closesAt: at('2025-02-10', '17:00'), channel: '区政府网站', operatorsAndAssociations: { parties: ['区旅游行业协会', '某旅行社'], summary: '无异议' } } },
      d,
      now,
      cfg,
    );
    s = apply(
      s,
      { type: 'record_research_item', item: { kind: 'comment_adoption', entries: [{ commentSummary: '建议延长有效期', adopted: false, reason: '与上位法不符' }] } },
      d,
      now,
      cfg,
    );
  }
  // 713号令第14条: a major decision always hears the public (here by a symposium when there is no open comment).
  if (isMajorDecision(s) && !s.flags.includes('PUBLIC')) {
    s = apply(s, { type: 'record_research_item', item: { kind: 'public_participation', method: 'symposium', from: at('2025-02-20'), participants: '商户代表、居民代表12人', summary: '普遍支持，建议分步实施' } }, d, now, cfg);
    s = apply(s, { type: 'record_research_item', item: { kind: 'comment_adoption', entries: [{ commentSummary: '建议分步实施', adopted: true }] } }, d, now, cfg);
  }
  if (s.flags.includes('TECH')) {
    s = apply(
      s,
      { type: 'record_research_item', item: { kind: 'expert_opinion', expertName: '刘教授', directInterest: false, signed: true, opinion: '可行', documentId: 'doc-expert' } },
      d,
      now,
      cfg,
    );
    if (s.kind === 'normative_document' || s.kind === 'major_decision') {
      s = apply(s, { type: 'record_research_item', item: { kind: 'expert_adoption', summary: '专家意见均已采纳' } }, d, now, cfg);
    }
  }
  if (s.flags.includes('RISK')) {
    s = apply(
      s,
      { type: 'record_research_item', item: { kind: 'risk_assessment', documentId: 'doc-risk', riskLevel: 'low', controllable: true, measures: '舆情监测' } },
      d,
      now,
      cfg,
    );
  }
  if (s.kind === 'enforcement_review' && cfg.enforcement) s = apply(s, { type: 'record_research_item', item: enforcementCase() }, d, now, cfg);
  return s;
}

/** An enforcement case (行政处罚法第57–60条); serious by default, so it goes to collective discussion. */
export const enforcementCase = (over: Partial<Extract<ResearchItem, { kind: 'enforcement_case' }>> = {}): Extract<ResearchItem, { kind: 'enforcement_case' }> => ({
  kind: 'enforcement_case', caseNumber: '文旅立〔2025〕3号', caseFiledOn: '2025-02-20', ground: 'hearing_held', complex: false, seriousViolation: true, socialImpact: false, summary: '经听证的停业整顿', ...over,
});

export const enforcementChecklist = (issue?: string) => ENFORCEMENT_CHECKLIST_CODES.map((code) => ({ code, result: code === issue ? ('issue' as const) : ('pass' as const) }));

/** For an ECON matter at the fair-competition stage: assign, answer findings, conclude cleared. */
export function doFcr(state: MatterState, now: string, conclusion: 'no_restrictive_effect' | 'exception_justified' = 'no_restrictive_effect'): MatterState {
  let s = state;
  if (s.fairCompetition.reviewerId !== people.fcr.userId) {
    s = apply(s, { type: 'assign_fcr_reviewer', reviewerId: people.fcr.userId }, people.legal, now);
  }
  return apply(
    s,
    { type: 'record_fcr_conclusion', conclusion, versionHash: currentHash(s), documentId: 'doc-fcr', summary: '经审查不具有排除限制竞争效果', review: fcrReview(conclusion) },
    people.fcr,
    now,
  );
}

/** A complete review record (every standard answered, operators heard) consistent with the conclusion. */
export function fcrReview(conclusion: 'no_restrictive_effect' | 'exception_justified' | 'breach_must_revise'): FcrReviewRecord {
  const rs = ruleSet();
  return {
    ruleSetVersion: rs.version,
    standards: rs.standards.map((st, i) => ({ code: st.code, answer: conclusion !== 'no_restrictive_effect' && i === 0 ? 'restriction' : 'not_involved' })),
    consultations: [{ party: '区旅游行业协会', kind: 'association', view: '无异议' }],
    ...(conclusion === 'exception_justified'
      ? { exception: { ground: 'E3', reason: '救灾救助', noLessRestrictiveAlternative: '已比较补贴、公开招标等方案，均无法及时保障', periodOrEndCondition: '灾后重建结束即终止，最长一年' } }
      : {}),
  };
}

/** The current version's hash (the domain's currentHash, under the name the tests use). */
export const currentHashOf = currentHash;

/** Lawyer opinion + LAWFUL conclusion on the current version. */
export function doLegality(state: MatterState, now: string, cfg: ProcedureConfig = config): MatterState {
  let s = state;
  if (s.legality.lawyerId === null) s = apply(s, { type: 'assign_lawyer', lawyerId: 'law1' }, people.legal, now, cfg);
  s = apply(
    s,
    { type: 'submit_lawyer_opinion', versionHash: currentHashOf(s), outcome: 'LAWFUL', text: '经审查，合法', checklist: fullChecklist() },
    people.lawyer,
    now,
    cfg,
  );
  return apply(
    s,
    { type: 'record_legality_conclusion', versionHash: currentHashOf(s), outcome: 'LAWFUL', text: '合法性审核意见：合法', ...(s.kind === 'enforcement_review' && cfg.enforcement ? { enforcementChecklist: enforcementChecklist() } : { checklist: fullChecklist() }) },
    people.legal,
    now,
    cfg,
  );
}

/** A valid meeting record: 5 members, 4 attend; drafter not a member; all approve. */
export function meetingRecord(overrides: Partial<MeetingRecordInput> = {}): MeetingRecordInput {
  return {
    members: ['head', 'm1', 'm2', 'm3', 'm4'],
    attendees: ['head', 'm1', 'm2', 'm3'],
    absentees: ['m4'],
    recusals: [],
    headId: 'head',
    views: [
      { memberId: 'm1', view: 'approve' },
      { memberId: 'm2', view: 'approve' },
      { memberId: 'm3', view: 'approve' },
      { memberId: 'head', view: 'approve' },
    ],
    outcome: 'approve',
    minutesDocumentId: 'doc-minutes',
    ...overrides,
  };
}

/**
 * Drives a matter from registration to awaiting_meeting on the given dates:
 * research + submission on `submitDate`, acceptance and conclusion the same day.
 */
export function toAwaitingMeeting(kind: MatterKind, flags: Flag[], submitDate = '2025-03-03'): MatterState {
  const now = at(submitDate);
  let s = register(kind, flags, now);
  s = doResearch(s, now);
  s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
  if (s.stage === 'fair_competition_review') s = doFcr(s, now);
  s = apply(s, { type: 'accept_materials' }, people.legal, now);
  return doLegality(s, now);
}
