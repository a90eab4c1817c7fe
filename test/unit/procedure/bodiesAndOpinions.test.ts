/**
 * Who answers for what and who decides (issue 8 items 5–6, issue 9 items 2–3 and "also look at"): each
 * test tries to break a rule through decide(), as an API client would.
 */
import { apply, at, attempt, cal, config, currentHashOf, doResearch, fullChecklist, meetingRecord, people, refused, register, ROSTER, toAwaitingMeeting, withRoster } from './fixtures';
import { parseProcedureConfig } from '../../../domain/procedure/configSchema';
import { decide, defaultMeetingConfig, type Actor, type Command, type LegacyRules, type LegalityOutcome, type MatterState } from '../../../domain/procedure';

/** decide() as a workflow run started before a rule applies it. */
const legacyAttempt = (s: MatterState, c: Command, actor: Actor, now: string, legacy: LegacyRules) => decide(s, withRoster(s, c), { actor, now, config, calendar: cal, legacy });

/** One person holding both the legal-unit and the lawyer role (a bureau lawyer, 公职律师). */
const both: Actor = { userId: 'lu-law', username: '公职律师', roles: ['legal_unit', 'lawyer'], sectionId: 'sec-legal', lawyerContract: { from: '2024-01-01', to: '2026-12-31' } };

describe('the legal unit of a matter never becomes its lawyer, whatever it did as legal unit', () => {
  const now = at('2025-03-03');
  const legalStages = (): ReturnType<typeof register> => {
    let s = doResearch(register('normative_document', []), now);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
    return s;
  };

  it('adding a flag as legal unit counts (set_flags)', () => {
    let s = apply(register('normative_document', []), { type: 'set_flags', flags: ['GOVNAME'], reason: '以区政府名义出台' }, both, now);
    expect(s.legality.legalUnitActorIds).toContain(both.userId);
    s = apply(doResearch(s, now), { type: 'submit_for_review' }, people.drafter, now);
    s = apply(s, { type: 'accept_materials' }, people.legal, now);
    const r = refused(attempt(s, { type: 'assign_lawyer', lawyerId: both.userId }, people.legal, now));
    expect(r.code).toBe('SEPARATION_OF_DUTIES');
  });

  it('assigning the fair-competition reviewer counts (assign_fcr_reviewer)', () => {
    let s = doResearch(register('normative_document', ['ECON']), now);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
    s = apply(s, { type: 'assign_fcr_reviewer', reviewerId: people.fcr.userId }, both, now);
    expect(s.legality.legalUnitActorIds).toContain(both.userId);
  });

  it('in a run started before the rule (legacy), set_flags did not count', () => {
    const d = legacyAttempt(legalStages(), { type: 'set_flags', flags: ['PUBLIC'], reason: '涉及公众权益' }, both, now, { legalUnitNotedBySomeActions: true });
    expect(d.ok && d.state.legality.legalUnitActorIds).toEqual([]);
  });
});

describe('a meeting cannot be backdated (issue 9 item 3)', () => {
  // A collective matter has no minimum review time, so only the new rule stands between it and 2020.
  const scheduledAt = at('2025-03-14');
  const scheduled = () => {
    const s = toAwaitingMeeting('collective_matter', []);
    return apply(s, { type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body: 'party_committee_meeting', category: 'major_project' }, people.secretary, scheduledAt);
  };
  const record = (heldAt: string) => ({ type: 'record_meeting' as const, record: meetingRecord({ heldAt }) });

  it('refuses a meeting held in 2020 on a matter registered in 2025', () => {
    const r = refused(attempt(scheduled(), record(at('2020-01-06')), people.secretary, at('2025-03-21')));
    expect(r).toMatchObject({ status: 422, code: 'MEETING_BEFORE_ITS_PREREQUISITES' });
    expect(r.reason).toMatch(/scheduling/);
  });

  it('refuses a meeting held after the legality conclusion but before it was scheduled', () => {
    const r = refused(attempt(scheduled(), record(at('2025-03-10')), people.secretary, at('2025-03-21')));
    expect(r.code).toBe('MEETING_BEFORE_ITS_PREREQUISITES');
  });

  it('refuses a meeting held before the gate it depends on, even when scheduled earlier', () => {
    // Scheduled, then the text was re-concluded later the same day: the meeting must follow that conclusion.
    const s = scheduled();
    s.legality.conclusion = { ...s.legality.conclusion!, concludedAt: at('2025-03-18') };
    const r = refused(attempt(s, record(at('2025-03-17')), people.secretary, at('2025-03-21')));
    expect(r.reason).toMatch(/legality conclusion/);
  });

  it('accepts a meeting held after scheduling and every gate; a run started before the rule replays the backdated one', () => {
    expect(attempt(scheduled(), record(at('2025-03-20', '15:00')), people.secretary, at('2025-03-21')).ok).toBe(true);
    expect(legacyAttempt(scheduled(), record(at('2020-01-06')), people.secretary, at('2025-03-21'), { meetingHeldAnyTimeInPast: true }).ok).toBe(true);
  });
});

describe('lawyer and legal unit, each answering for their own part (issue 8 item 6)', () => {
  const now = at('2025-03-03');
  const inReview = (kind: 'normative_document' | 'major_decision' = 'normative_document') => {
    let s = doResearch(register(kind, kind === 'major_decision' ? ['PUBLIC'] : []), now);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
    s = apply(s, { type: 'accept_materials' }, people.legal, now);
    return apply(s, { type: 'assign_lawyer', lawyerId: 'law1' }, people.legal, now);
  };
  const withIssue = (code: string, extra: Record<string, string> = {}) => fullChecklist().map((e) => (e.code === code ? { ...e, result: 'issue' as const, note: '第五条设定审批', ...extra } : e));
  const opinion = (s: MatterState, outcome: LegalityOutcome, checklist = fullChecklist()): Command => ({ type: 'submit_lawyer_opinion', versionHash: currentHashOf(s), outcome, text: '法律意见', checklist });
  const conclusion = (s: MatterState, outcome: LegalityOutcome, extra: Partial<Extract<Command, { type: 'record_legality_conclusion' }>> = {}): Command => ({
    type: 'record_legality_conclusion', versionHash: currentHashOf(s), outcome, text: '审核意见', checklist: fullChecklist(), ...(outcome === 'LAWFUL_WITH_AMENDMENTS' ? { amendments: [{ clause: '第五条', change: '删除审批' }] } : {}), ...extra,
  });

  it("the legal unit's conclusion without its own checklist, or with an issue without a reason, is refused", () => {
    let s = apply(inReview(), opinion(inReview(), 'LAWFUL'), people.lawyer, now);
    const { checklist: _omitted, ...bare } = conclusion(s, 'LAWFUL') as Extract<Command, { type: 'record_legality_conclusion' }>;
    expect(refused(attempt(s, bare, people.legal, now))).toMatchObject({ status: 422, code: 'LEGAL_UNIT_CHECKLIST_INCOMPLETE' });
    expect(refused(attempt(s, conclusion(s, 'LAWFUL', { checklist: fullChecklist().slice(1) }), people.legal, now)).reason).toMatch(/missing LR-S1/);
    const noReason = fullChecklist().map((e) => (e.code === 'LR-C2' ? { ...e, result: 'issue' as const } : e));
    expect(refused(attempt(s, conclusion(s, 'UNLAWFUL', { checklist: noReason, departureReason: '上位法冲突' }), people.legal, now)).reason).toMatch(/LR-C2: the reason/);
    s = apply(s, conclusion(s, 'LAWFUL'), people.legal, now);
    expect(s.legality.conclusion?.checklist).toHaveLength(10);
  });

  it("departing from the lawyer's opinion (outcome or any answer) needs the reason, which is kept", () => {
    const s = apply(inReview(), opinion(inReview(), 'LAWFUL'), people.lawyer, now);
    const stricter = withIssue('LR-C2', { amendment: '第五条与上位法一致' });
    expect(refused(attempt(s, conclusion(s, 'LAWFUL_WITH_AMENDMENTS'), people.legal, now)).code).toBe('DEPARTURE_FROM_LAWYER_UNEXPLAINED');
    expect(refused(attempt(s, conclusion(s, 'LAWFUL', { checklist: stricter }), people.legal, now)).reason).toMatch(/LR-C2/);
    const d = attempt(s, conclusion(s, 'LAWFUL_WITH_AMENDMENTS', { checklist: stricter, departureReason: '第五条表述与上位法不一致，须修改' }), people.legal, now);
    expect(d.ok && d.state.legality.conclusion).toMatchObject({ departureReason: '第五条表述与上位法不一致，须修改' });
  });

  it('an LR-P2 or LR-C1 issue is incompatible with a lawful outcome unless its cure is recorded — for the lawyer and the legal unit', () => {
    const s = inReview();
    for (const code of ['LR-P2', 'LR-C1']) {
      for (const outcome of ['LAWFUL', 'LAWFUL_WITH_AMENDMENTS'] as const) {
        expect(refused(attempt(s, opinion(s, outcome, withIssue(code)), people.lawyer, now))).toMatchObject({ status: 422, code: 'ISSUE_NOT_CURED' });
      }
      expect(attempt(s, opinion(s, 'LAWFUL_WITH_AMENDMENTS', withIssue(code, { amendment: '删除第五条审批' })), people.lawyer, now).ok).toBe(true);
      expect(attempt(s, opinion(s, 'UNLAWFUL', withIssue(code)), people.lawyer, now).ok).toBe(true);
    }
    const signed = apply(s, opinion(s, 'LAWFUL_WITH_AMENDMENTS', withIssue('LR-P2', { amendment: '删除第五条审批' })), people.lawyer, now);
    const unitUncured = conclusion(signed, 'LAWFUL_WITH_AMENDMENTS', { checklist: withIssue('LR-P2') });
    expect(refused(attempt(signed, unitUncured, people.legal, now)).code).toBe('ISSUE_NOT_CURED');
    expect(attempt(signed, conclusion(signed, 'LAWFUL_WITH_AMENDMENTS', { checklist: withIssue('LR-P2', { amendment: '删除第五条审批' }) }), people.legal, now).ok).toBe(true);
  });

  it('an exploratory reform (major decisions) may go forward with its legal risk stated; elsewhere an open issue bars LAWFUL', () => {
    const md = inReview('major_decision');
    const unclear = withIssue('LR-P1');
    const signed = apply(md, opinion(md, 'LAWFUL', unclear), people.lawyer, now);
    expect(refused(attempt(signed, conclusion(signed, 'LAWFUL', { checklist: unclear }), people.legal, now)).code).toBe('LAWFUL_WITH_OPEN_ISSUE');
    const d = attempt(signed, conclusion(signed, 'LAWFUL', { checklist: unclear, exploratoryReform: { legalRisk: '国家尚无明确规定，存在被上级纠正的风险' } }), people.legal, now);
    expect(d.ok && d.state.legality.conclusion?.exploratoryReform).toEqual({ legalRisk: '国家尚无明确规定，存在被上级纠正的风险' });
    // Never for what the law forbids outright, never for a normative document.
    const p2 = apply(md, opinion(md, 'UNLAWFUL', withIssue('LR-P2')), people.lawyer, now);
    expect(refused(attempt(p2, conclusion(p2, 'LAWFUL', { checklist: withIssue('LR-P2'), exploratoryReform: { legalRisk: '风险' }, departureReason: '探索性改革' }), people.legal, now)).code).toBe('LAWYER_OPINION_UNLAWFUL');
    const nd = apply(inReview(), opinion(inReview(), 'LAWFUL', unclear), people.lawyer, now);
    expect(refused(attempt(nd, conclusion(nd, 'LAWFUL', { checklist: unclear, exploratoryReform: { legalRisk: '风险' } }), people.legal, now)).code).toBe('EXPLORATORY_REFORM_NOT_APPLICABLE');
  });

  it("the lawyer's UNLAWFUL stops the matter from going to discussion, citing 中办发〔2016〕30号", () => {
    const s = apply(inReview(), opinion(inReview(), 'UNLAWFUL', withIssue('LR-P2')), people.lawyer, now);
    const r = refused(attempt(s, conclusion(s, 'LAWFUL', { departureReason: '不同意' }), people.legal, now));
    expect(r.code).toBe('LAWYER_OPINION_UNLAWFUL');
    expect(r.reason).toContain('中办发〔2016〕30号');
    expect(r.reason).not.toContain('第28条');
  });

  it('a run started before the rule (legacy) concludes without a checklist of its own', () => {
    const s = apply(inReview(), opinion(inReview(), 'LAWFUL'), people.lawyer, now);
    const { checklist: _omitted, ...bare } = conclusion(s, 'LAWFUL') as Extract<Command, { type: 'record_legality_conclusion' }>;
    expect(legacyAttempt(s, bare, people.legal, now, { opinionsWithoutOwnChecklist: true }).ok).toBe(true);
  });
});

describe('who decides, and how (issue 8 item 5)', () => {
  const day = at('2025-03-14');
  const held = at('2025-03-20', '18:00');
  const schedule = (s: MatterState, body: 'director_office_meeting' | 'party_committee_meeting', category?: 'personnel_appointment' | 'major_project' | 'major_funds') =>
    attempt(s, { type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body, ...(category ? { category } : {}) }, people.secretary, day);
  const scheduled = (kind: 'collective_matter' | 'major_decision', body: 'director_office_meeting' | 'party_committee_meeting', category?: 'personnel_appointment' | 'major_project' | 'major_funds') => {
    const d = schedule(toAwaitingMeeting(kind, []), body, category);
    if (!d.ok) throw new Error(d.reason);
    return d.state;
  };
  /** A vote of the five-member committee: `views` in order, members not listed absent. */
  const vote = (views: Array<[string, 'approve' | 'reject' | 'defer']>, outcome: 'approve' | 'reject' | 'defer', headId = 'head') => {
    const attendees = views.map(([m]) => m);
    return { type: 'record_meeting' as const, record: meetingRecord({ attendees, absentees: ROSTER.filter((m) => !attendees.includes(m)), headId, views: views.map(([memberId, view]) => ({ memberId, view })), outcome }) };
  };

  it('a major decision cannot be put to the Party committee (713号令第31条); a “三重一大” item cannot go to the administrative meeting by default', () => {
    const md = refused(schedule(toAwaitingMeeting('major_decision', []), 'party_committee_meeting', 'major_funds'));
    expect(md).toMatchObject({ status: 422, code: 'BODY_NOT_COMPETENT' });
    expect(md.reason).toContain('第31条');
    expect(refused(schedule(toAwaitingMeeting('collective_matter', []), 'director_office_meeting')).code).toBe('BODY_NOT_COMPETENT');
    expect(refused(schedule(toAwaitingMeeting('collective_matter', []), 'party_committee_meeting')).code).toBe('CATEGORY_REQUIRED');
  });

  it('which body decides which kind is configuration (a major decision never the Party committee)', () => {
    const cfg = { ...config, meeting: { ...defaultMeetingConfig, decidingBody: { ...defaultMeetingConfig.decidingBody, collective_matter: 'director_office_meeting' as const } } };
    const s = toAwaitingMeeting('collective_matter', []);
    expect(attempt(s, { type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body: 'director_office_meeting' }, people.secretary, day, cfg).ok).toBe(true);
    const bad = parseProcedureConfig({ ...config, meeting: { ...defaultMeetingConfig, decidingBody: { ...defaultMeetingConfig.decidingBody, major_decision: 'party_committee_meeting' } } });
    expect(bad.ok === false && bad.problem).toMatch(/^meeting\.decidingBody\.major_decision: a major decision is decided by the administrative meeting/);
    expect(parseProcedureConfig(config).ok).toBe(true);
  });

  it('the Party committee decides by a majority of ALL members; the secretary does not decide alone', () => {
    const s = scheduled('collective_matter', 'party_committee_meeting', 'major_project');
    // 3 of 5 present, 2 approve: a majority of those present, not of all members → nothing decided.
    const twoOfFive = vote([['m1', 'approve'], ['m2', 'approve'], ['head', 'reject']], 'approve');
    expect(refused(attempt(s, twoOfFive, people.secretary, held))).toMatchObject({ status: 422, code: 'NO_MAJORITY_OF_ALL_MEMBERS' });
    expect(attempt(s, vote([['m1', 'approve'], ['m2', 'approve'], ['head', 'reject']], 'defer'), people.secretary, held).ok).toBe(true);
    // The secretary (head) rejects, three members approve: the vote carries, not the secretary's view.
    const overruled = vote([['m1', 'approve'], ['m2', 'approve'], ['m3', 'approve'], ['head', 'reject']], 'reject');
    expect(refused(attempt(s, overruled, people.secretary, held)).code).toBe('OUTCOME_NOT_THE_VOTE');
    const carried = attempt(s, vote([['head', 'reject'], ['m1', 'approve'], ['m2', 'approve'], ['m3', 'approve']], 'approve'), people.secretary, held);
    expect(carried.ok && carried.state.meeting.records[0]).toMatchObject({ votes: { approve: 3, reject: 1 }, category: 'major_project', dissent: [{ memberId: 'head', view: 'reject' }] });
  });

  it('personnel appointments need two thirds of the members present', () => {
    const s = scheduled('collective_matter', 'party_committee_meeting', 'personnel_appointment');
    const three = vote([['m1', 'approve'], ['m2', 'approve'], ['head', 'approve']], 'approve');
    expect(refused(attempt(s, three, people.secretary, held))).toMatchObject({ code: 'QUORUM_NOT_MET' });
    expect(attempt(s, vote([['m1', 'approve'], ['m2', 'approve'], ['m3', 'approve'], ['head', 'approve']], 'approve'), people.secretary, held).ok).toBe(true);
    // The same three suffice for a major project (more than half).
    expect(attempt(scheduled('collective_matter', 'party_committee_meeting', 'major_project'), three, people.secretary, held).ok).toBe(true);
  });
});

describe('the meeting roster is data (issue 9 item 2)', () => {
  const held = at('2025-03-20', '18:00');
  const scheduled = () => apply(toAwaitingMeeting('major_decision', []), { type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body: 'director_office_meeting' }, people.secretary, at('2025-03-14'));
  const onlyHead = meetingRecord({ members: ['head'], attendees: ['head'], absentees: [], views: [{ memberId: 'head', view: 'approve' }] });

  it('refuses a roster of one while the body has five members, and a ghost member', () => {
    expect(refused(attempt(scheduled(), { type: 'record_meeting', record: onlyHead }, people.secretary, held))).toMatchObject({ status: 422, code: 'ROSTER_NOT_THE_BODY' });
    const ghost = meetingRecord({ members: ['head', 'm1', 'm2', 'm3', 'ghost'], absentees: ['ghost'] });
    expect(refused(attempt(scheduled(), { type: 'record_meeting', record: ghost }, people.secretary, held)).reason).toMatch(/not members: ghost/);
  });

  it('counts the quorum on the real roster, and refuses a record without the roster or with the roster of another day', () => {
    const bare = { type: 'record_meeting' as const, record: meetingRecord(), roster: undefined };
    expect(refused(decide(scheduled(), bare, { actor: people.secretary, now: held, config, calendar: cal })).code).toBe('ROSTER_UNAVAILABLE');
    const otherDay = { type: 'record_meeting' as const, record: meetingRecord(), roster: { bodyId: 'director_office_meeting', on: '2025-03-19', members: ROSTER } };
    expect(refused(attempt(scheduled(), otherDay, people.secretary, held)).code).toBe('ROSTER_UNAVAILABLE');
  });

  it('a run started before rosters were data replays the typed roster', () => {
    expect(legacyAttempt(scheduled(), { type: 'record_meeting', record: onlyHead, roster: undefined }, people.secretary, held, { meetingWithoutRosterOrBodyRules: true }).ok).toBe(true);
  });
});
