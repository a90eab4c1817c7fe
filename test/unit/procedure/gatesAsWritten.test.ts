import type { Command, MatterState, ProcedureConfig, ResearchItem } from '../../../domain/procedure';
import { decide, defaultMeetingConfig, defaultProcedureConfig, parseProcedureConfig } from '../../../domain/procedure';
import { apply, at, attempt, cal, config, currentHashOf, doFcr, doLegality, doResearch, fcrReview, fullChecklist, hash, meetingRecord, people, refused, register } from './fixtures';

/**
 * Gates that could be walked around before patch gates-as-written, each as an audit found it: the way around
 * is now refused, and a run started before the patch (LegacyRules.gatesBeforeWritten) replays as it ran.
 */
const now = at('2025-03-03');
const schedule: Command = { type: 'schedule_meeting', meetingAt: at('2025-03-20'), body: 'director_office_meeting' };
const legacy = { gatesBeforeWritten: true };
const research = (item: ResearchItem): Command => ({ type: 'record_research_item', item });
const lawyerOpinion = (s: MatterState, outcome: 'LAWFUL' | 'UNLAWFUL'): Command => ({
  type: 'submit_lawyer_opinion',
  versionHash: currentHashOf(s),
  outcome,
  text: outcome === 'LAWFUL' ? '合法' : '增设许可，不合法',
  checklist: fullChecklist().map((e) => (outcome === 'UNLAWFUL' && e.code === 'LR-P2' ? { ...e, result: 'issue' as const, note: '增设许可条件' } : e)),
});
const lawful = (s: MatterState): Command => ({ type: 'record_legality_conclusion', versionHash: currentHashOf(s), outcome: 'LAWFUL', text: '合法', checklist: fullChecklist() });

/**
 * Through the legality review to the meeting, which is then refused with `code`; a run from before the patch
 * schedules it (it replays as it ran). Returns the refusal.
 */
function stoppedAtMeeting(s: MatterState, code: string, meeting: Command = schedule) {
  s = apply(s, { type: 'accept_materials' }, people.legal, now);
  s = doLegality(s, now);
  const r = refused(attempt(s, meeting, people.secretary, now));
  expect(r.code).toBe(code);
  expect(decide(s, meeting, { actor: people.secretary, now, config, calendar: cal, legacy }).ok).toBe(true);
  return r;
}

/** A major decision in legality review whose assigned lawyer found the text unlawful. */
function lawyerSaidUnlawful(): MatterState {
  let s = doResearch(register('major_decision', []), now);
  s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
  s = apply(s, { type: 'accept_materials' }, people.legal, now);
  s = apply(s, { type: 'assign_lawyer', lawyerId: people.lawyer.userId }, people.legal, now);
  return apply(s, lawyerOpinion(s, 'UNLAWFUL'), people.lawyer, now);
}

describe('the gates as the law writes them (patch gates-as-written)', () => {
  test("a replaced lawyer's UNLAWFUL on the same text still stops the matter (中办发〔2016〕30号)", () => {
    let s = apply(lawyerSaidUnlawful(), { type: 'assign_lawyer', lawyerId: people.lawyer2.userId, reason: '原法律顾问合同期满' }, people.legal, now);
    s = apply(s, lawyerOpinion(s, 'LAWFUL'), people.lawyer2, now);
    const r = refused(attempt(s, lawful(s), people.legal, now));
    expect(r).toMatchObject({ status: 422, code: 'LAWYER_OPINION_UNLAWFUL' });
    expect(r.reason).toContain('law1');
    // Before the patch the second lawyer's opinion was the only one that counted.
    expect(decide(s, lawful(s), { actor: people.legal, now, config, calendar: cal, legacy }).ok).toBe(true);
    // A lawyer may revise their own opinion on the same text: their latest one counts.
    let revised = apply(lawyerSaidUnlawful(), lawyerOpinion(lawyerSaidUnlawful(), 'LAWFUL'), people.lawyer, now);
    revised = apply(revised, lawful(revised), people.legal, now);
    expect(revised.stage).toBe('awaiting_meeting');
    // A changed text voids the opinion: the stop ends there, not with another lawyer.
    s = apply(s, { type: 'return_for_revision', reason: '按法律顾问意见修改' }, people.legal, now);
    s = apply(s, { type: 'submit_version', versionHash: hash(2), versionNumber: 2, note: '删去许可条件' }, people.drafter, now);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
    s = apply(s, { type: 'accept_materials' }, people.legal, now);
    s = apply(s, lawyerOpinion(s, 'LAWFUL'), people.lawyer2, now);
    expect(apply(s, lawful(s), people.legal, now).stage).toBe('awaiting_meeting');
  });

  test('a version that goes back to a text judged not controllable is not an adjusted draft (713号令第24条)', () => {
    let s = doResearch(register('major_decision', ['RISK']), now);
    const assess = (controllable: boolean) => research({ kind: 'risk_assessment', documentId: `risk-${controllable}`, riskLevel: controllable ? 'low' : 'high', controllable, measures: '舆情监测' });
    s = apply(s, assess(false), people.drafter, now);
    s = apply(s, { type: 'submit_version', versionHash: hash(2), versionNumber: 2, note: '调整' }, people.drafter, now);
    s = apply(s, assess(true), people.drafter, now);
    s = apply(s, { type: 'submit_version', versionHash: hash(1), versionNumber: 3, note: '恢复原稿' }, people.drafter, now);
    expect(refused(attempt(s, assess(true), people.drafter, now)).code).toBe('RISK_DRAFT_NOT_ADJUSTED');
    s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
    expect(stoppedAtMeeting(s, 'RISK_NOT_CONTROLLABLE').reason).toContain('version 3');
  });

  test('what the legal unit flagged only the legal unit unflags; ECON stays after a conclusion of breach (公平竞争审查条例第18条)', () => {
    let s = doResearch(register('normative_document', ['PUBLIC']), now);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
    s = apply(s, { type: 'set_flags', flags: ['PUBLIC', 'ECON'], reason: '涉及经营者经济活动' }, people.legal, now);
    const undo: Command = { type: 'set_flags', flags: ['PUBLIC'], reason: '承办科室认为不涉及' };
    expect(refused(attempt(s, undo, people.drafter, now))).toMatchObject({ status: 403, code: 'FLAG_REMOVAL_NEEDS_LEGAL_UNIT' });
    expect(decide(s, undo, { actor: people.drafter, now, config, calendar: cal, legacy }).ok).toBe(true);
    // The drafter still removes what the drafter set (PUBLIC at registration), and the legal unit what it set.
    expect(apply(s, { type: 'set_flags', flags: ['ECON'], reason: '不影响公众权利义务' }, people.drafter, now).flags).toEqual(['ECON']);
    expect(apply(s, { type: 'set_flags', flags: ['PUBLIC'], reason: '复核后不涉及' }, people.legal2, now).flags).toEqual(['PUBLIC']);

    let econ = doResearch(register('normative_document', ['PUBLIC', 'ECON']), now);
    econ = apply(econ, { type: 'submit_for_review' }, people.drafter, now);
    econ = apply(econ, { type: 'assign_fcr_reviewer', reviewerId: people.fcr.userId }, people.legal2, now);
    econ = apply(econ, { type: 'record_fcr_conclusion', conclusion: 'breach_must_revise', versionHash: currentHashOf(econ), documentId: 'fcr-doc', summary: '指定交易', review: fcrReview('breach_must_revise') }, people.fcr, now);
    const r = refused(attempt(econ, undo, people.legal2, now));
    expect(r).toMatchObject({ status: 422, code: 'ECON_REMOVAL_AFTER_BREACH' });
    expect(r.reason).toContain('公平竞争审查条例第18条');
    expect(decide(econ, undo, { actor: people.legal2, now, config, calendar: cal, legacy }).ok).toBe(true);
  });

  test('a public comment is judged again at the meeting: the flags of that moment, closed before it, studied after it closed (713号令第15条、第18条)', () => {
    // ECON added after a comment of 8 working days: the 30 days and the operators of 优化营商环境条例第62条 now apply.
    let s = register('normative_document', ['PUBLIC']);
    const d = people.drafter;
    for (const item of [
      { kind: 'drafting_explanation', documentId: 'e', summary: '起草说明' },
      { kind: 'legal_bases', bases: [{ title: '旅游法' }] },
      { kind: 'procedure_statement', documentId: 'p', summary: '程序说明' },
      { kind: 'internal_consultation', consultations: [{ unit: '财务科', agreed: true, opinion: '无' }] },
      { kind: 'public_comment', openedAt: at('2025-02-17'), closesAt: at('2025-02-26', '17:00'), channel: '网站' },
      { kind: 'comment_adoption', entries: [] },
    ] as ResearchItem[]) s = apply(s, research(item), d, now);
    s = apply(s, { type: 'set_flags', flags: ['PUBLIC', 'ECON'], reason: '涉及经营者' }, d, now);
    s = apply(s, { type: 'submit_for_review' }, d, now);
    s = doFcr(s, now);
    expect(stoppedAtMeeting(s, 'COMMENT_WINDOW_TOO_SHORT').reason).toContain('优化营商环境条例第62条');

    // A major decision whose comment opened after a symposium's adoption statement and is still open at the meeting.
    let m = register('major_decision', ['PUBLIC']);
    for (const item of [
      { kind: 'drafting_explanation', documentId: 'e', summary: '起草说明' },
      { kind: 'legal_bases', bases: [{ title: '旅游法' }] },
      { kind: 'procedure_statement', documentId: 'p', summary: '程序说明' },
      { kind: 'internal_consultation', consultations: [{ unit: '财务科', agreed: true, opinion: '无' }] },
      { kind: 'public_participation', method: 'symposium', from: at('2025-03-01'), participants: '商户5人', summary: '支持' },
      { kind: 'comment_adoption', entries: [{ commentSummary: '支持', adopted: true }] },
      { kind: 'public_comment', openedAt: now, closesAt: at('2025-04-03', '17:00'), channel: '区政府网站' },
    ] as ResearchItem[]) m = apply(m, research(item), d, now);
    m = apply(m, { type: 'submit_for_review' }, d, now);
    stoppedAtMeeting(m, 'COMMENT_WINDOW_OPEN');
    stoppedAtMeeting(m, 'COMMENT_ADOPTION_BEFORE_CLOSE', { ...schedule, meetingAt: at('2025-04-10') } as Command);
  });

  test('a re-scheduling keeps the “三重一大” category, so a personnel appointment keeps its two-thirds quorum', () => {
    let s = doResearch(register('collective_matter', []), now);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
    s = apply(s, { type: 'accept_materials' }, people.legal, now);
    s = apply(s, lawful(s), people.legal, now);
    const party = (category: 'personnel_appointment' | 'major_funds'): Command => ({ type: 'schedule_meeting', meetingAt: at('2025-03-20'), body: 'party_committee_meeting', category });
    s = apply(s, party('personnel_appointment'), people.secretary, now);
    const threeOfFive = meetingRecord({ attendees: ['head', 'm1', 'm2'], absentees: ['m3', 'm4'], views: [{ memberId: 'm1', view: 'approve' }, { memberId: 'm2', view: 'approve' }, { memberId: 'head', view: 'approve' }] });
    expect(refused(attempt(s, { type: 'record_meeting', record: threeOfFive }, people.secretary, at('2025-03-21'))).code).toBe('QUORUM_NOT_MET');
    expect(refused(attempt(s, party('major_funds'), people.secretary, now))).toMatchObject({ status: 409, code: 'CATEGORY_CHANGED' });
    expect(apply(s, { ...party('personnel_appointment'), meetingAt: at('2025-03-27') } as Command, people.secretary, now).meeting.scheduled?.category).toBe('personnel_appointment');
    expect(decide(s, party('major_funds'), { actor: people.secretary, now, config, calendar: cal, legacy }).ok).toBe(true);
  });

  test('the head who decides is one the roster lets chair that day (713号令第30条), not whoever the record names', () => {
    let s = doResearch(register('normative_document', []), now);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
    s = apply(s, { type: 'accept_materials' }, people.legal, now);
    s = doLegality(s, now);
    s = apply(s, schedule, people.secretary, now);
    const held = at('2025-03-20', '12:00');
    const record = (headId: string, chairs: string[] | undefined): Command => ({
      type: 'record_meeting',
      // The one named head speaks last.
      record: meetingRecord({ headId, views: [...['head', 'm1', 'm2', 'm3'].filter((id) => id !== headId), headId].map((memberId) => ({ memberId, view: 'approve' as const })) }),
      roster: { bodyId: 'director_office_meeting', on: '2025-03-20', members: ['head', 'm1', 'm2', 'm3', 'm4'], ...(chairs ? { chairs } : {}) },
    });
    // m1 attends but is not one the roster lets chair: naming them head is refused.
    const r = refused(decide(s, record('m1', ['head']), { actor: people.secretary, now: held, config, calendar: cal }));
    expect(r).toMatchObject({ status: 422, code: 'HEAD_MAY_NOT_CHAIR' });
    expect(r.reason).toContain('第30条');
    expect(decide(s, record('m1', ['head']), { actor: people.secretary, now: held, config, calendar: cal, legacy }).ok).toBe(true);
    // The head, or a deputy the roster lets preside, decides; a roster that names no one leaves it to the record.
    expect(decide(s, record('head', ['head']), { actor: people.secretary, now: held, config, calendar: cal }).ok).toBe(true);
    expect(decide(s, record('m1', ['head', 'm1']), { actor: people.secretary, now: held, config, calendar: cal }).ok).toBe(true);
    expect(decide(s, record('m1', undefined), { actor: people.secretary, now: held, config, calendar: cal }).ok).toBe(true);
  });

  test('the meeting still goes ahead on a procedure done as written (no new stop on a regular matter)', () => {
    let s = doResearch(register('major_decision', ['PUBLIC', 'RISK']), now);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
    s = apply(s, { type: 'accept_materials' }, people.legal, now);
    s = doLegality(s, now);
    s = apply(s, schedule, people.secretary, now);
    expect(apply(s, { type: 'record_meeting', record: meetingRecord() }, people.secretary, at('2025-03-20', '12:00')).stage).toBe('post_decision');
  });
});

describe('configuration may not switch off a statutory duty', () => {
  const withChange = (change: (c: ProcedureConfig) => ProcedureConfig) => parseProcedureConfig(change(structuredClone(defaultProcedureConfig)));
  const meeting = structuredClone(defaultMeetingConfig);

  test.each([
    ['kinds.major_decision.lawyerOpinionRequired', (c: ProcedureConfig) => ({ ...c, kinds: { ...c.kinds, major_decision: { ...c.kinds.major_decision, lawyerOpinionRequired: false } } }), '第28条'],
    ['fairCompetition.reviewRecordRequired', (c: ProcedureConfig) => ({ ...c, fairCompetition: { reviewRecordRequired: false } }), '公平竞争审查条例第12条'],
    ['meeting.bodies.director_office_meeting.decision', (c: ProcedureConfig) => ({ ...c, meeting: { ...meeting, bodies: { ...meeting.bodies, director_office_meeting: { ...meeting.bodies.director_office_meeting, decision: 'majority_of_all_members' as const } } } }), '第30条'],
    ['meeting.decidingBody.normative_document', (c: ProcedureConfig) => ({ ...c, meeting: { ...meeting, decidingBody: { ...meeting.decidingBody, normative_document: 'party_committee_meeting' as const } } }), '第30条'],
    ['meeting.decidingBody.enforcement_review', (c: ProcedureConfig) => ({ ...c, meeting: { ...meeting, decidingBody: { ...meeting.decidingBody, enforcement_review: 'party_committee_meeting' as const } } }), '行政处罚法第57条'],
    ['enforcement.decisionTimeLimit', (c: ProcedureConfig) => ({ ...c, enforcement: { decisionTimeLimit: { amount: 3650, unit: 'calendar_days' as const } } }), '行政处罚法第60条'],
  ])('%s is refused at start-up, naming the key and the article', (key, change, article) => {
    const parsed = withChange(change);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problem).toContain(key);
    expect(parsed.problem).toContain(article);
  });

  test('the defaults, a stricter time limit and the practice choices stay accepted', () => {
    expect(parseProcedureConfig(defaultProcedureConfig).ok).toBe(true);
    expect(withChange((c) => ({ ...c, enforcement: { decisionTimeLimit: { amount: 60, unit: 'calendar_days' } } })).ok).toBe(true);
    // 三重一大 matters' body is the bureau's own rule (practice): either body.
    expect(withChange((c) => ({ ...c, meeting: { ...meeting, decidingBody: { ...meeting.decidingBody, collective_matter: 'director_office_meeting' } } })).ok).toBe(true);
  });
});
