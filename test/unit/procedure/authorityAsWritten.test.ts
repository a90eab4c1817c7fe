/**
 * Authority as the law writes it (patch authority-as-written): each test walks around a rule the way a helper's
 * audit did, through decide() or authorize() as an API client would, and checks that a run from before the patch
 * replays as it ran (LegacyRules.authorityBeforeWritten).
 */
import { applyPrescreen, decide, stateForReader, type Actor, type Command, type MatterState } from '../../../domain/procedure';
import { authorize } from '../../../domain/permissions';
import { matterAccessOf } from '../../../domain/procedure/state';
import { apply, at, attempt, cal, config, currentHashOf, doResearch, fcrReview, fullChecklist, meetingRecord, people, refused, register, toAwaitingMeeting, withRoster } from './fixtures';

const legacy = { authorityBeforeWritten: true };
const legacyAttempt = (s: MatterState, c: Command, actor: Actor, now: string) => decide(s, withRoster(s, c), { actor, now, config, calendar: cal, legacy });
const day = at('2025-03-03');

/** Researched, accepted, the lawyer assigned and LAWFUL: the legal unit's conclusion is next. */
function beforeConclusion(kind: 'normative_document' | 'major_decision', flags: Array<'PUBLIC' | 'ECON'> = []): MatterState {
  let s = doResearch(register(kind, flags, day), day);
  s = apply(s, { type: 'submit_for_review' }, people.drafter, day);
  s = apply(s, { type: 'accept_materials' }, people.legal, day);
  s = apply(s, { type: 'assign_lawyer', lawyerId: 'law1' }, people.legal, day);
  return apply(s, { type: 'submit_lawyer_opinion', versionHash: currentHashOf(s), outcome: 'LAWFUL', text: '经审查，合法', checklist: fullChecklist() }, people.lawyer, day);
}

const withIssue = () => fullChecklist().map((e) => (e.code === 'LR-C2' ? { ...e, result: 'issue' as const, note: '第三条与旅游法不一致', amendment: '第三条删去“本地”' } : e));
const conclude = (s: MatterState, outcome: 'LAWFUL' | 'LAWFUL_WITH_AMENDMENTS' = 'LAWFUL'): Command => ({
  type: 'record_legality_conclusion',
  versionHash: currentHashOf(s),
  outcome,
  text: '合法性审核意见',
  checklist: outcome === 'LAWFUL' ? fullChecklist() : withIssue(),
  ...(outcome === 'LAWFUL_WITH_AMENDMENTS' ? { amendments: [{ clause: '第三条', change: '删去“本地”' }] } : {}),
});

describe('an administrator\'s account acts on no review, whatever other roles it holds', () => {
  test('an admin who gave themselves the legal unit\'s role is refused; runs from before accepted it', () => {
    const s = beforeConclusion('normative_document');
    const adminAsLegal: Actor = { ...people.admin, roles: ['admin', 'legal_unit'] };
    const r = refused(attempt(s, conclude(s), adminAsLegal, day));
    expect(r).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(r.reason).toContain('administrator');
    expect(legacyAttempt(s, conclude(s), adminAsLegal, day).ok).toBe(true);
    // Nor does it read reviews as an auditor would.
    expect(authorize({ ...people.admin, roles: ['admin', 'auditor'] }, 'read_matter', matterAccessOf(s), day).allowed).toBe(false);
    expect(authorize(people.auditor, 'read_matter', matterAccessOf(s), day).allowed).toBe(true);
  });
});

describe('a lawyer out of contract reads, and does nothing else', () => {
  test('answering the pre-screen\'s findings needs an active contract, as signing does', () => {
    const s = beforeConclusion('normative_document');
    const expired: Actor = { ...people.lawyer, lawyerContract: { from: '2020-01-01', to: '2024-12-31' } };
    const access = matterAccessOf(s);
    expect(authorize(expired, 'answer_legality_finding', access, day)).toMatchObject({ allowed: false, reason: expect.stringContaining('no active contract') });
    expect(authorize(people.lawyer, 'answer_legality_finding', access, day).allowed).toBe(true);
    expect(authorize(expired, 'answer_legality_finding', access, day, legacy).allowed).toBe(true);
    expect(authorize(expired, 'read_matter', access, day).allowed).toBe(true);
  });
});

describe('依法不予公开 is recorded in research, before the legality review judges the procedure', () => {
  test('not added while the text is amended after the review (it would also withhold the decision from publication unreviewed)', () => {
    let s = beforeConclusion('major_decision');
    s = apply(s, { type: 'submit_lawyer_opinion', versionHash: currentHashOf(s), outcome: 'LAWFUL_WITH_AMENDMENTS', text: '修改后合法', checklist: withIssue() }, people.lawyer, day);
    s = apply(s, conclude(s, 'LAWFUL_WITH_AMENDMENTS'), people.legal, day);
    expect(s.stage).toBe('amending');
    const exempt: Command = { type: 'record_research_item', item: { kind: 'participation_exemption', legalGround: '涉及国家秘密，依法不予公开' } };
    expect(refused(attempt(s, exempt, people.drafter, at('2025-03-04')))).toMatchObject({ status: 409, code: 'EXEMPTION_AFTER_REVIEW' });
    expect(legacyAttempt(s, exempt, people.drafter, at('2025-03-04')).ok).toBe(true);
  });
});

describe('the pre-screen\'s possible fair-competition findings are decided by the legal unit before the matter goes on (公平竞争审查条例第18条)', () => {
  const screened = (s: MatterState) => applyPrescreen(s, { versionHash: currentHashOf(s), ruleSetVersion: fcrReview('no_restrictive_effect').ruleSetVersion, findings: [{ id: 'f1', code: 'FCR-C2' }, { id: 'f2', code: 'FCR-B3' }], at: day });

  test('no lawful conclusion while the ECON flag is undecided; the legal unit decides it (here: confirms the flags with a reason), then concludes', () => {
    const s = screened(beforeConclusion('normative_document'));
    const r = refused(attempt(s, conclude(s), people.legal, day));
    expect(r).toMatchObject({ status: 422, code: 'FCR_FLAG_UNDECIDED' });
    expect(r.reason).toContain('f1, f2');
    expect(legacyAttempt(s, conclude(s), people.legal, day).ok).toBe(true);
    // Other outcomes are not held up: returning the matter is always possible.
    expect(attempt(s, { type: 'record_legality_conclusion', versionHash: currentHashOf(s), outcome: 'MATERIALS_INCOMPLETE', text: '材料不全', missing: ['起草说明'] }, people.legal, day).ok).toBe(true);
    const decided = apply(s, { type: 'set_flags', flags: [], reason: '奖励面向全体经营者，不涉及排除、限制竞争' }, people.legal, day);
    expect(apply(decided, conclude(decided), people.legal, day).stage).toBe('awaiting_meeting');
  });

  test('nor a meeting scheduled on a text screened after the conclusion', () => {
    let s = beforeConclusion('normative_document');
    s = apply(s, conclude(s), people.legal, day);
    s = screened(s);
    const schedule: Command = { type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body: 'director_office_meeting' };
    expect(refused(attempt(s, schedule, people.secretary, at('2025-03-14')))).toMatchObject({ code: 'FCR_FLAG_UNDECIDED' });
    expect(legacyAttempt(s, schedule, people.secretary, at('2025-03-14')).ok).toBe(true);
    // Flagged ECON by the legal unit instead: the review then follows (the fair-competition gate, not this one).
    const econ = apply(s, { type: 'set_flags', flags: ['ECON'], reason: '涉及经营者经济活动' }, people.legal, at('2025-03-14'));
    expect(refused(attempt(econ, schedule, people.secretary, at('2025-03-14'))).code).not.toBe('FCR_FLAG_UNDECIDED');
  });
});

describe('the minutes\' individual views are read with the trail, not around it', () => {
  test('a reader without the trail (the lawyer) sees the outcome and attendance, not each member\'s view or the dissent', () => {
    let s = beforeConclusion('normative_document');
    s = apply(s, conclude(s), people.legal, day);
    s = apply(s, withRoster(s, { type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body: 'director_office_meeting' }), people.secretary, at('2025-03-14'));
    s = apply(s, withRoster(s, { type: 'record_meeting', record: { ...meetingRecord(), views: meetingRecord().views.map((v) => (v.memberId === 'm3' ? { ...v, view: 'reject' as const, comment: '不同意' } : v)) } }), people.secretary, at('2025-03-20', '18:00'));
    expect(s.meeting.records[0]!.dissent.length).toBe(1);
    const access = matterAccessOf(s);
    expect(authorize(people.lawyer, 'read_trail', access, day).allowed).toBe(false);
    const lawyerSees = stateForReader(s, false).meeting.records[0]!;
    expect(lawyerSees).toMatchObject({ outcome: 'approve', attendees: s.meeting.records[0]!.attendees, views: [], dissent: [] });
    expect(stateForReader(s, true)).toBe(s);
  });
});

describe('a personnel appointment keeps its two-thirds quorum when its category was not registered', () => {
  test('a collective matter titled 任免 is scheduled as a personnel appointment, not under a lighter category', () => {
    const s = { ...toAwaitingMeeting('collective_matter', []), title: '关于任免区文化馆馆长的议题' };
    const party = (category: 'personnel_appointment' | 'major_funds'): Command => ({ type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body: 'party_committee_meeting', category });
    expect(refused(attempt(s, party('major_funds'), people.secretary, at('2025-03-14')))).toMatchObject({ status: 409, code: 'CATEGORY_MISMATCH' });
    expect(legacyAttempt(s, party('major_funds'), people.secretary, at('2025-03-14')).ok).toBe(true);
    expect(attempt(s, party('personnel_appointment'), people.secretary, at('2025-03-14')).ok).toBe(true);
    // Another item is scheduled under the category the secretary names.
    expect(attempt({ ...s, title: '关于文化馆改造工程的议题' }, party('major_funds'), people.secretary, at('2025-03-14')).ok).toBe(true);
  });
});
