import { deadlines, type MatterState } from '../../../domain/procedure';
import { apply, at, attempt, cal, config, currentHashOf, doFcr, doLegality, doResearch, fullChecklist, meetingRecord, people, refused, register, toAwaitingMeeting } from './fixtures';

const meetingDay = '2025-03-20'; // well after 7 working days from 2025-03-03

function meet(s: MatterState, outcome: 'approve' | 'approve_with_changes' = 'approve', body: 'director_office_meeting' | 'party_committee_meeting' = 'director_office_meeting'): MatterState {
  let next = apply(s, { type: 'schedule_meeting', meetingAt: at(meetingDay, '15:00'), body }, people.secretary, at('2025-03-14'));
  const views =
    outcome === 'approve'
      ? meetingRecord().views
      : meetingRecord().views.map((v) => ({ ...v, view: 'approve_with_changes' as const }));
  next = apply(
    next,
    { type: 'record_meeting', record: meetingRecord({ views, outcome, ...(outcome === 'approve_with_changes' ? { changes: ['第三条删去“本地”'] } : {}) }) },
    people.secretary,
    at(meetingDay, '18:00'),
  );
  return next;
}

describe('normative document, ECON + PUBLIC, end to end', () => {
  it('goes research → FCR → completeness → legality → meeting → sign → publish → file → archive → issued', () => {
    const now = at('2025-03-03');
    let s = register('normative_document', ['ECON', 'PUBLIC'], now);
    expect(s.stage).toBe('research');
    expect(s.versions).toEqual([{ number: 1, hash: currentHashOf(s), submittedAt: now, submittedBy: 'd1' }]);
    s = doResearch(s, now);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
    expect(s.stage).toBe('fair_competition_review');
    expect(s.legality.startedAt).toBeNull();
    s = doFcr(s, now);
    expect(s.fairCompetition.conclusion).toBe('no_restrictive_effect');
    expect(s.fairCompetition.conclusionVersionHash).toBe(currentHashOf(s));
    expect(s.stage).toBe('completeness_check');
    expect(s.legality.startedAt).toBe(now);
    expect(s.legality.round).toBe(1);
    s = apply(s, { type: 'accept_materials' }, people.legal, now);
    expect(s.stage).toBe('legality_review');
    s = doLegality(s, now);
    expect(s.stage).toBe('awaiting_meeting');
    s = meet(s);
    expect(s.stage).toBe('post_decision');
    expect(s.decision).toMatchObject({ outcome: 'approve', versionHash: currentHashOf(s), changes: [] });
    s = apply(s, { type: 'sign_and_number', versionHash: currentHashOf(s), documentNumber: '区文旅规〔2025〕1号', signedBy: '局长' }, people.secretary, at('2025-03-21'));
    s = apply(s, { type: 'publish', channel: '区政府网站', reference: 'https://example.gov/1' }, people.secretary, at('2025-03-21'));
    expect(deadlines(s, config, cal).map((d) => d.key).sort()).toEqual(['archive_deadline', 'filing_deadline']);
    s = apply(s, { type: 'file_record', authority: '区司法局', reference: '备2025-1' }, people.legal, at('2025-03-24'));
    expect(s.stage).toBe('post_decision');
    s = apply(s, { type: 'archive', archiveRef: 'A-2025-1' }, people.legal, at('2025-03-25'));
    expect(s.stage).toBe('issued');
    expect(s.closure).toMatchObject({ stage: 'post_decision', by: 'lu1' });
    expect(deadlines(s, config, cal)).toEqual([]);
    expect(refused(attempt(s, { type: 'withdraw', reason: 'x' }, people.drafter, at('2025-03-26'))).code).toBe('MATTER_CLOSED');
  });
});

describe('major decision, PUBLIC + TECH + RISK, end to end', () => {
  it('requires the Party report before signing, publishes, needs no filing, ends issued', () => {
    let s = toAwaitingMeeting('major_decision', ['PUBLIC', 'TECH', 'RISK']);
    s = meet(s, 'approve');
    expect(s.stage).toBe('post_decision');
    const sign = { type: 'sign_and_number' as const, versionHash: currentHashOf(s), documentNumber: '区文旅发〔2025〕2号', signedBy: '局长' };
    const r = refused(attempt(s, sign, people.secretary, at('2025-03-21')));
    expect(r).toMatchObject({ status: 422, code: 'PARTY_REPORT_MISSING' });
    expect(r.reason).toContain('713号令第31条');
    s = apply(s, { type: 'report_to_party', reference: '请示〔2025〕3号' }, people.secretary, at('2025-03-21'));
    s = apply(s, sign, people.secretary, at('2025-03-22'));
    expect(refused(attempt(s, { type: 'file_record', authority: '区司法局', reference: 'x' }, people.legal, at('2025-03-22'))).code).toBe('NOT_APPLICABLE');
    // 713号令第32条: PUBLIC and TECH — published with how opinions were adopted and its 解读 (limitsAsWritten.test.ts).
    s = apply(s, { type: 'publish', channel: '政府公报', reference: '公报2025-4', adoptionStatement: '收到意见12条，采纳9条；专家意见均已采纳', interpretation: '新闻发布会' }, people.secretary, at('2025-03-22'));
    s = apply(s, { type: 'archive', archiveRef: 'A-2' }, people.secretary, at('2025-03-23'));
    expect(s.stage).toBe('issued');
    expect(s.meeting.records[0]?.body).toBe('director_office_meeting');
  });
});

describe('enforcement review, end to end', () => {
  it('matters registered before the enforcement rules keep theirs: no case record, the LR-* conclusion, meeting, sign, archive (replay)', () => {
    const legacy = { ...config, enforcement: undefined };
    const now = at('2025-03-03');
    let s = register('enforcement_review', [], now);
    s = doResearch(s, now, legacy);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, now, legacy);
    expect(s.stage).toBe('completeness_check');
    s = apply(s, { type: 'accept_materials' }, people.legal2, now, legacy);
    s = apply(s, { type: 'record_legality_conclusion', versionHash: currentHashOf(s), outcome: 'LAWFUL', checklist: fullChecklist(), text: '审核通过' }, people.legal, now, legacy);
    expect(s.stage).toBe('awaiting_meeting');
    s = apply(s, { type: 'schedule_meeting', meetingAt: at('2025-03-04', '10:00'), body: 'director_office_meeting' }, people.secretary, now, legacy);
    s = apply(s, { type: 'record_meeting', record: meetingRecord() }, people.secretary, at('2025-03-04', '12:00'), legacy);
    expect(s.stage).toBe('post_decision');
    expect(refused(attempt(s, { type: 'publish', channel: 'x', reference: 'y' }, people.secretary, at('2025-03-05'), legacy)).code).toBe('NOT_APPLICABLE');
    expect(refused(attempt(s, { type: 'archive', archiveRef: 'A' }, people.secretary, at('2025-03-05'), legacy)).code).toBe('NOT_SIGNED');
    s = apply(s, { type: 'sign_and_number', versionHash: currentHashOf(s), documentNumber: '文旅罚决字〔2025〕7号', signedBy: '局长' }, people.secretary, at('2025-03-05'), legacy);
    s = apply(s, { type: 'archive', archiveRef: 'A-3' }, people.secretary, at('2025-03-05'), legacy);
    expect(s.stage).toBe('decided');
  });
});

describe('collective matter (三重一大), end to end', () => {
  it('is decided at the meeting and archived; nothing is signed, published or filed', () => {
    const now = at('2025-03-03');
    let s = register('collective_matter', ['RISK'], now);
    s = doResearch(s, now);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
    s = apply(s, { type: 'accept_materials' }, people.legal, now);
    s = apply(s, { type: 'record_legality_conclusion', versionHash: currentHashOf(s), outcome: 'LAWFUL', checklist: fullChecklist(), text: '无法律障碍' }, people.legal, now);
    s = apply(s, { type: 'schedule_meeting', meetingAt: at('2025-03-05', '10:00'), body: 'party_committee_meeting', category: 'major_funds' }, people.secretary, now);
    s = apply(s, { type: 'record_meeting', record: meetingRecord() }, people.secretary, at('2025-03-05', '12:00'));
    expect(s.stage).toBe('post_decision');
    const dl = deadlines(s, config, cal);
    expect(dl).toEqual([
      expect.objectContaining({ key: 'archive_deadline', startedAt: at('2025-03-05', '10:00'), dueAt: '2025-03-15T15:59:59.999Z', unit: 'calendar_days' }),
    ]);
    expect(refused(attempt(s, { type: 'sign_and_number', versionHash: currentHashOf(s), documentNumber: 'x', signedBy: 'y' }, people.secretary, at('2025-03-06'))).code).toBe('NOT_APPLICABLE');
    s = apply(s, { type: 'archive', archiveRef: 'A-4' }, people.secretary, at('2025-03-06'));
    expect(s.stage).toBe('decided');
  });
});

describe('GOVNAME normative document', () => {
  it('needs the district government approval before signing', () => {
    let s = toAwaitingMeeting('normative_document', ['GOVNAME']);
    s = meet(s);
    const sign = { type: 'sign_and_number' as const, versionHash: currentHashOf(s), documentNumber: '区政规〔2025〕1号', signedBy: '区长' };
    expect(refused(attempt(s, sign, people.secretary, at('2025-03-21'))).code).toBe('GOVERNMENT_REVIEW_MISSING');
    s = apply(s, { type: 'record_government_review', outcome: 'approved', reference: '区政府常务会议纪要〔2025〕5号' }, people.legal, at('2025-03-25'));
    s = apply(s, sign, people.secretary, at('2025-03-26'));
    expect(s.postDecision.signing?.documentNumber).toBe('区政规〔2025〕1号');
  });

  it('government returned → back to research, decision cleared; rejected → rejected', () => {
    const base = meet(toAwaitingMeeting('normative_document', ['GOVNAME']));
    const returned = apply(base, { type: 'record_government_review', outcome: 'returned', reference: 'R-1', note: '请修改第五条' }, people.legal, at('2025-03-25'));
    expect(returned.stage).toBe('research');
    expect(returned.decision).toBeNull();
    expect(returned.postDecision.governmentReview).toBeNull();
    expect(returned.legality.conclusion).toBeNull();
    expect(returned.returns[returned.returns.length - 1]).toMatchObject({ from: 'post_decision' });
    const rejected = apply(base, { type: 'record_government_review', outcome: 'rejected', reference: 'R-2' }, people.legal, at('2025-03-25'));
    expect(rejected.stage).toBe('rejected');
  });
});

describe('approve with changes', () => {
  it('requires a final version; ECON re-runs the fair-competition review on it; the legal unit checks the final text; only that text can be signed', () => {
    let s = toAwaitingMeeting('normative_document', ['ECON']);
    s = meet(s, 'approve_with_changes');
    expect(s.stage).toBe('finalizing');
    expect(s.decision).toMatchObject({ outcome: 'approve_with_changes', changes: ['第三条删去“本地”'] });
    const decidedHash = currentHashOf(s);
    expect(refused(attempt(s, { type: 'submit_for_review' }, people.drafter, at('2025-03-21'))).code).toBe('FINAL_VERSION_MISSING');
    s = apply(s, { type: 'submit_version', versionHash: 'b'.repeat(64), versionNumber: 2 }, people.drafter, at('2025-03-21'));
    // The legality conclusion stays (the decision was taken on it) but the FCR conclusion is re-opened.
    expect(s.legality.conclusion?.versionHash).toBe(decidedHash);
    expect(s.fairCompetition.conclusion).toBeUndefined();
    s = apply(s, { type: 'submit_for_review' }, people.drafter, at('2025-03-21'));
    expect(s.stage).toBe('fair_competition_review');
    s = doFcr(s, at('2025-03-21'));
    expect(s.stage).toBe('final_text_check');
    // Nobody has reviewed the final text's changes yet: the lawyer signs it first (patch stops-as-written).
    expect(refused(attempt(s, { type: 'confirm_final_text', versionHash: 'b'.repeat(64) }, people.legal, at('2025-03-22'))).code).toBe('LAWYER_OPINION_MISSING');
    s = apply(s, { type: 'submit_lawyer_opinion', versionHash: 'b'.repeat(64), outcome: 'LAWFUL', text: '定稿合法', checklist: fullChecklist() }, people.lawyer, at('2025-03-22'));
    s = apply(s, { type: 'confirm_final_text', versionHash: 'b'.repeat(64) }, people.legal, at('2025-03-22'));
    expect(s.stage).toBe('post_decision');
    const wrong = refused(attempt(s, { type: 'sign_and_number', versionHash: decidedHash, documentNumber: 'n', signedBy: 'h' }, people.secretary, at('2025-03-22')));
    expect(wrong.code).toBe('STALE_VERSION');
    s = apply(s, { type: 'sign_and_number', versionHash: 'b'.repeat(64), documentNumber: 'n', signedBy: 'h' }, people.secretary, at('2025-03-22'));
    expect(s.postDecision.signing?.versionHash).toBe('b'.repeat(64));
  });

  it('the final-text check can send the matter back to finalizing', () => {
    let s = meet(toAwaitingMeeting('enforcement_review', []), 'approve_with_changes');
    s = apply(s, { type: 'submit_version', versionHash: 'c'.repeat(64), versionNumber: 2 }, people.drafter, at('2025-03-21'));
    s = apply(s, { type: 'submit_for_review' }, people.drafter, at('2025-03-21'));
    expect(s.stage).toBe('final_text_check');
    s = apply(s, { type: 'return_for_revision', reason: '未按会议意见修改第二项' }, people.legal, at('2025-03-21'));
    expect(s.stage).toBe('finalizing');
    expect(refused(attempt(s, { type: 'confirm_final_text', versionHash: 'c'.repeat(64) }, people.legal, at('2025-03-21'))).code).toBe('WRONG_STAGE');
  });
});

describe('unlawful', () => {
  it('an UNLAWFUL conclusion ends the matter as not issued', () => {
    const now = at('2025-03-03');
    let s = doResearch(register('normative_document', [], now), now);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
    s = apply(s, { type: 'accept_materials' }, people.legal, now);
    s = apply(s, { type: 'assign_lawyer', lawyerId: 'law1' }, people.legal, now);
    s = apply(s, { type: 'submit_lawyer_opinion', versionHash: currentHashOf(s), outcome: 'UNLAWFUL', text: '违法设定许可', checklist: fullChecklistWithIssue() }, people.lawyer, now);
    s = apply(s, { type: 'record_legality_conclusion', versionHash: currentHashOf(s), outcome: 'UNLAWFUL', checklist: fullChecklistWithIssue(), text: '第五条违法设定行政许可' }, people.legal, now);
    expect(s.stage).toBe('not_issued');
    expect(s.closure?.reason).toContain('不合法');
  });
});

function fullChecklistWithIssue() {
  return fullChecklist().map((e) => (e.code === 'LR-P2' ? { ...e, result: 'issue' as const, note: '设定许可' } : e));
}
