/**
 * The stops as the law writes them (patch stops-as-written): each test walks around a stop the way a helper's
 * audit did, through decide() as an API client would, and checks that a run from before the patch replays as
 * it ran (LegacyRules.stopsBeforeWritten).
 */
import { CT, reviewed, signing } from '../contracts/fixtures';
import { contractRegisterEntry } from '../../../domain/contracts';
import { decide, parseCommand, registerMatter, registrationProblem, type Actor, type ChecklistEntry, type Command, type MatterState } from '../../../domain/procedure';
import { apply, at, attempt, cal, config, currentHashOf, doResearch, enforcementCase, fullChecklist, hash, meetingRecord, people, refused, register, toAwaitingMeeting, withRoster } from './fixtures';

const legacy = { stopsBeforeWritten: true };
const legacyAttempt = (s: MatterState, c: Command, actor: Actor, now: string) => decide(s, withRoster(s, c), { actor, now, config, calendar: cal, legacy });
const now = at('2025-03-03');

/** A matter decided "approve with changes" at a meeting on 2025-03-20, its final text (version `n`) offered for checking. */
function finalTextOffered(kind: 'normative_document' | 'enforcement_review', n = 2): MatterState {
  let s = toAwaitingMeeting(kind, []);
  s = apply(s, { type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body: 'director_office_meeting' }, people.secretary, at('2025-03-14'));
  const views = meetingRecord().views.map((v) => ({ ...v, view: 'approve_with_changes' as const }));
  s = apply(s, { type: 'record_meeting', record: meetingRecord({ views, outcome: 'approve_with_changes', changes: ['第三条删去“本地”'] }) }, people.secretary, at('2025-03-20', '18:00'));
  s = apply(s, { type: 'submit_version', versionHash: hash(n), versionNumber: 2 }, people.drafter, at('2025-03-21'));
  s = apply(s, { type: 'submit_for_review' }, people.drafter, at('2025-03-21'));
  expect(s.stage).toBe('final_text_check');
  return s;
}

/** Registered on 2025-03-03, researched, accepted for the legality review, the lawyer assigned. */
function inLegalityReview(kind: 'normative_document' | 'major_decision'): MatterState {
  let s = doResearch(register(kind, []), now);
  s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
  s = apply(s, { type: 'accept_materials' }, people.legal, now);
  return apply(s, { type: 'assign_lawyer', lawyerId: 'law1' }, people.legal, now);
}

const lawyerSays = (s: MatterState, outcome: 'LAWFUL' | 'LAWFUL_WITH_AMENDMENTS' | 'UNLAWFUL', checklist: ChecklistEntry[] = fullChecklist()): Command =>
  ({ type: 'submit_lawyer_opinion', versionHash: currentHashOf(s), outcome, text: '法律意见', checklist });

describe('the final text after “approve with changes” is reviewed as any text', () => {
  const confirm = (s: MatterState): Command => ({ type: 'confirm_final_text', versionHash: currentHashOf(s) });

  test('the lawyer signs it, LAWFUL, before the legal unit confirms it (中办发〔2016〕30号)', () => {
    const s = finalTextOffered('normative_document');
    expect(refused(attempt(s, confirm(s), people.legal, at('2025-03-22')))).toMatchObject({ code: 'LAWYER_OPINION_MISSING' });
    expect(legacyAttempt(s, confirm(s), people.legal, at('2025-03-22')).ok).toBe(true);
    // The lawyer asks for more changes: no clearance; the text goes back to finalizing.
    const moreChanges = apply(s, lawyerSays(s, 'LAWFUL_WITH_AMENDMENTS', fullChecklist().map((e) => (e.code === 'LR-C2' ? { ...e, result: 'issue' as const, amendment: '第三条与旅游法第十条一致' } : e))), people.lawyer, at('2025-03-22'));
    expect(refused(attempt(moreChanges, confirm(moreChanges), people.legal, at('2025-03-22', '10:00')))).toMatchObject({ code: 'LAWYER_OPINION_NOT_LAWFUL' });
    expect(apply(moreChanges, { type: 'return_for_revision', reason: '按法律顾问意见修改第三条' }, people.legal, at('2025-03-22', '10:00')).stage).toBe('finalizing');
    const signed = apply(s, lawyerSays(s, 'LAWFUL'), people.lawyer, at('2025-03-22'));
    expect(apply(signed, confirm(signed), people.legal, at('2025-03-22', '10:00')).stage).toBe('post_decision');
  });

  test('the lawyer is whose turn it is at the final-text check, and may sign there', () => {
    const s = finalTextOffered('normative_document');
    expect(attempt(s, lawyerSays(s, 'LAWFUL'), people.lawyer, at('2025-03-22')).ok).toBe(true);
  });

  test('an enforcement decision\'s final text is checked by its 法制审核 reviewer (行政处罚法第58条)', () => {
    const s = finalTextOffered('enforcement_review');
    expect(s.legality.enforcementReviewerId).toBe(people.legal.userId);
    expect(refused(attempt(s, confirm(s), people.legal2, at('2025-03-22')))).toMatchObject({ status: 403, code: 'FINAL_TEXT_REVIEWER' });
    expect(legacyAttempt(s, confirm(s), people.legal2, at('2025-03-22')).ok).toBe(true);
    expect(apply(s, confirm(s), people.legal, at('2025-03-22')).stage).toBe('post_decision');
  });
});

describe('an amended text goes on only on the lawyer\'s LAWFUL', () => {
  test('a lawyer still asking for changes on the amended text stops its confirmation; the legal unit may conclude anew, saying why', () => {
    let s = inLegalityReview('normative_document');
    const amend = fullChecklist().map((e) => (e.code === 'LR-C2' ? { ...e, result: 'issue' as const, note: '与上位法不一致', amendment: '第三条改为“可以”' } : e));
    s = apply(s, lawyerSays(s, 'LAWFUL_WITH_AMENDMENTS', amend), people.lawyer, now);
    s = apply(s, { type: 'record_legality_conclusion', versionHash: hash(1), outcome: 'LAWFUL_WITH_AMENDMENTS', text: '修改后合法', checklist: amend, amendments: [{ clause: '第三条', change: '改为“可以”' }] }, people.legal, now);
    s = apply(s, { type: 'submit_version', versionHash: hash(2), versionNumber: 2 }, people.drafter, now);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
    s = apply(s, lawyerSays(s, 'LAWFUL_WITH_AMENDMENTS', amend), people.lawyer, now);
    const confirm: Command = { type: 'confirm_amendments', versionHash: hash(2) };
    expect(refused(attempt(s, confirm, people.legal, now))).toMatchObject({ code: 'LAWYER_OPINION_NOT_LAWFUL' });
    expect(legacyAttempt(s, confirm, people.legal, now).ok).toBe(true);
    const departing = attempt(s, { type: 'record_legality_conclusion', versionHash: hash(2), outcome: 'LAWFUL', text: '已修改，合法', checklist: fullChecklist(), departureReason: '第三条已改为“可以”，法律顾问所提问题已解决' }, people.legal, now);
    expect(departing.ok && departing.state.stage).toBe('awaiting_meeting');
  });
});

describe('a contract (重要合同)', () => {
  const signedAt = (t: string): Command => signing({ signedAt: t });

  test('the legal unit concluding otherwise than the lawyer says why; the contract is signed on that reasoned conclusion', () => {
    const procurement = CT.map((e) => (e.code === 'CT-P1' ? { ...e, result: 'issue' as const, note: '采购程序未履行', amendment: '补充采购' } : e));
    const s = apply(reviewed(), { type: 'submit_lawyer_opinion', versionHash: hash(1), outcome: 'LAWFUL_WITH_AMENDMENTS', text: '补充采购程序后可签订', checklist: procurement }, people.lawyer, at('2026-03-04'));
    const silent: Command = { type: 'record_legality_conclusion', versionHash: hash(1), outcome: 'LAWFUL', text: '同意签订' };
    expect(refused(attempt(s, silent, people.legal, at('2026-03-05')))).toMatchObject({ code: 'DEPARTURE_FROM_LAWYER_UNEXPLAINED' });
    expect(legacyAttempt(s, silent, people.legal, at('2026-03-05')).ok).toBe(true);
    const reasoned = apply(s, { ...silent, departureReason: '已查明系单一来源采购，程序已依法履行' } as Command, people.legal, at('2026-03-05'));
    expect(apply(reasoned, signedAt(at('2026-03-06')), people.drafter, at('2026-03-06', '10:00')).stage).toBe('contract_in_force');
  });

  test('is recorded once signed, and a signing before its review cleared it is recorded as it happened, marked', () => {
    let s = apply(reviewed(), { type: 'submit_lawyer_opinion', versionHash: hash(1), outcome: 'LAWFUL', text: '可以签订', checklist: CT }, people.lawyer, at('2026-03-04'));
    s = apply(s, { type: 'record_legality_conclusion', versionHash: hash(1), outcome: 'LAWFUL', text: '同意签订' }, people.legal, at('2026-03-05'));
    expect(refused(attempt(s, signedAt(at('2026-06-01')), people.drafter, at('2026-03-06')))).toMatchObject({ code: 'CONTRACT_SIGNING_IN_FUTURE' });
    expect(legacyAttempt(s, signedAt(at('2026-06-01')), people.drafter, at('2026-03-06')).ok).toBe(true);
    const early = attempt(s, signedAt(at('2026-02-01')), people.drafter, at('2026-03-06'));
    if (!early.ok) throw new Error(early.reason);
    expect(early.state.contract?.signing?.signedBeforeReview).toEqual({ clearedAt: at('2026-03-05') });
    expect(early.event.summary).toContain('签订时间早于审查通过');
    expect(contractRegisterEntry(early.state).signedBeforeReview).toBe(true);
    const inOrder = apply(s, signedAt(at('2026-03-05', '15:00')), people.drafter, at('2026-03-06'));
    expect([inOrder.stage, inOrder.contract?.signing?.signedBeforeReview]).toEqual(['contract_in_force', undefined]);
  });
});

describe('an enforcement case\'s filing date (行政处罚法第60条)', () => {
  const record = (caseFiledOn: string): Command => ({ type: 'record_research_item', item: enforcementCase({ caseFiledOn }) });

  test('is corrected to an earlier date, never moved later (which would restart a limit that ran out)', () => {
    const s = apply(register('enforcement_review', [], now), record('2025-02-20'), people.drafter, now);
    expect(refused(attempt(s, record('2025-03-01'), people.drafter, now))).toMatchObject({ code: 'CASE_FILING_DATE_FIXED' });
    expect(legacyAttempt(s, record('2025-03-01'), people.drafter, now).ok).toBe(true);
    expect(apply(s, record('2025-02-18'), people.drafter, now).research.enforcementCase?.caseFiledOn).toBe('2025-02-18');
  });

  test('is a real calendar date (a clock computed from 2025-02-30 would wedge the matter)', () => {
    for (const day of ['2025-02-30', '2025-13-01', '2025-02-29']) expect(parseCommand(record(day))).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: expect.stringContaining('caseFiledOn') });
    expect(parseCommand(record('2024-02-29')).ok).toBe(true);
  });
});

describe('an exploratory reform (713号令第25条第2款)', () => {
  test('states the risk of an unsettled basis (LR-P1) only, not a conflict with higher law or a procedure not done', () => {
    let s = inLegalityReview('major_decision');
    for (const code of ['LR-C2', 'LR-R1', 'LR-S1']) {
      const checklist = fullChecklist().map((e) => (e.code === code ? { ...e, result: 'issue' as const, note: '存在问题' } : e));
      const signed = apply(s, lawyerSays(s, 'LAWFUL', checklist), people.lawyer, now);
      const conclusion: Command = { type: 'record_legality_conclusion', versionHash: hash(1), outcome: 'LAWFUL', text: '明示风险', checklist, exploratoryReform: { legalRisk: '国家尚无明确规定' } };
      expect(refused(attempt(signed, conclusion, people.legal, now))).toMatchObject({ code: 'EXPLORATORY_REFORM_NOT_APPLICABLE', reason: expect.stringContaining(code) });
      expect(legacyAttempt(signed, conclusion, people.legal, now).ok).toBe(true);
    }
  });
});

describe('recusal at the meeting', () => {
  test('whoever wrote a version of the text recuses like the registrant', () => {
    let s = toAwaitingMeeting('normative_document', []);
    // m2 wrote version 2 (and sits on the body).
    s = apply(s, { type: 'return_for_revision', reason: '修改' }, people.legal, at('2025-03-04'));
    s = apply(s, { type: 'submit_version', versionHash: hash(2), versionNumber: 2 }, { userId: 'm2', username: '委员二', roles: ['drafter'], sectionId: 'sec-market' }, at('2025-03-04'));
    expect(s.versions.at(-1)?.submittedBy).toBe('m2');
    let again = apply(s, { type: 'submit_for_review' }, people.drafter, at('2025-03-04'));
    again = apply(again, { type: 'accept_materials' }, people.legal, at('2025-03-04'));
    again = apply(again, lawyerSays(again, 'LAWFUL'), people.lawyer, at('2025-03-04'));
    again = apply(again, { type: 'record_legality_conclusion', versionHash: hash(2), outcome: 'LAWFUL', text: '合法', checklist: fullChecklist() }, people.legal, at('2025-03-04'));
    again = apply(again, { type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body: 'director_office_meeting' }, people.secretary, at('2025-03-14'));
    const record: Command = { type: 'record_meeting', record: meetingRecord() };
    expect(refused(attempt(again, record, people.secretary, at('2025-03-20', '18:00')))).toMatchObject({ code: 'DRAFTER_NOT_RECUSED', reason: expect.stringContaining('m2') });
    expect(legacyAttempt(again, record, people.secretary, at('2025-03-20', '18:00')).ok).toBe(true);
    const recused = meetingRecord({ recusals: [{ memberId: 'm2', reason: '起草人回避' }], views: meetingRecord().views.filter((v) => v.memberId !== 'm2') });
    expect(apply(again, { type: 'record_meeting', record: recused }, people.secretary, at('2025-03-20', '18:00')).stage).toBe('post_decision');
  });
});

describe('hearing the public (713号令第14条)', () => {
  test('the 依法不予公开 exemption is a major decision\'s: a normative document, even one that is also a major decision, is published', () => {
    const exemption: Command = { type: 'record_research_item', item: { kind: 'participation_exemption', legalGround: '涉及国家秘密' } };
    const dual = { ...register('normative_document', [], now), alsoMajorDecision: true };
    expect(refused(attempt(dual, exemption, people.drafter, now))).toMatchObject({ code: 'NOT_APPLICABLE' });
    expect(legacyAttempt(dual, exemption, people.drafter, now).ok).toBe(true);
    expect(attempt(register('major_decision', [], now), exemption, people.drafter, now).ok).toBe(true);
  });
});

describe('replacing a lawyer who found the matter unlawful', () => {
  test('needs a reason, which the trail keeps', () => {
    let s = inLegalityReview('normative_document');
    s = apply(s, lawyerSays(s, 'UNLAWFUL', fullChecklist().map((e) => (e.code === 'LR-P2' ? { ...e, result: 'issue' as const } : e))), people.lawyer, now);
    const swap: Command = { type: 'assign_lawyer', lawyerId: 'law2' };
    expect(refused(attempt(s, swap, people.legal, now))).toMatchObject({ code: 'LAWYER_REPLACEMENT_REASON_REQUIRED' });
    expect(legacyAttempt(s, swap, people.legal, now).ok).toBe(true);
    const d = attempt(s, { ...swap, reason: '原法律顾问与相对人存在利害关系' } as Command, people.legal, now);
    expect(d.ok && d.event.summary).toContain('原法律顾问与相对人存在利害关系');
  });
});

describe('a major decision\'s implementation (713号令第36条、第37条)', () => {
  function issued(): MatterState {
    let s = toAwaitingMeeting('major_decision', []);
    s = apply(s, { type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body: 'director_office_meeting' }, people.secretary, at('2025-03-14'));
    s = apply(s, { type: 'record_meeting', record: meetingRecord() }, people.secretary, at('2025-03-20', '18:00'));
    s = apply(s, { type: 'report_to_party', reference: '请示〔2025〕3号' }, people.secretary, at('2025-03-21'));
    s = apply(s, { type: 'sign_and_number', versionHash: currentHashOf(s), documentNumber: '区文旅发〔2025〕2号', signedBy: '局长' }, people.secretary, at('2025-03-22'));
    s = apply(s, { type: 'publish', channel: '政府公报', reference: '公报2025-4' }, people.secretary, at('2025-03-22'));
    s = apply(s, { type: 'archive', archiveRef: 'A-2' }, people.secretary, at('2025-03-23'));
    return apply(s, { type: 'designate_implementing_unit', unit: '产业发展科' }, people.secretary, at('2025-04-01'));
  }

  test('a suspended decision is not reported as carried out; its problems are', () => {
    const s = apply(issued(), { type: 'suspend_implementation', decidedBy: '局长', reason: '突发险情' }, people.secretary, at('2025-07-01'));
    const onTrack: Command = { type: 'report_implementation', status: 'on_track', progress: '已拨付第二批资金' };
    expect(refused(attempt(s, onTrack, people.drafter, at('2025-07-02')))).toMatchObject({ code: 'IMPLEMENTATION_SUSPENDED' });
    expect(legacyAttempt(s, onTrack, people.drafter, at('2025-07-02')).ok).toBe(true);
    expect(attempt(s, { type: 'report_implementation', status: 'problem', progress: '暂停', problems: '景区封闭' }, people.drafter, at('2025-07-02')).ok).toBe(true);
  });

  test('an evaluation recommending a stop or an adjustment is followed by that procedure, not by completion', () => {
    let s = apply(issued(), { type: 'order_post_evaluation', grounds: ['not_effective'], evaluator: '第三方', thirdParty: true }, people.legal, at('2025-10-01'));
    s = apply(s, { type: 'record_post_evaluation', conclusion: 'not_achieved', recommendation: 'stop', summary: '未达预期', publicHeard: '问卷', documentId: 'eval-1' }, people.legal, at('2025-11-01'));
    const complete: Command = { type: 'complete_implementation', note: '执行完毕' };
    expect(refused(attempt(s, complete, people.secretary, at('2025-11-02')))).toMatchObject({ code: 'IMPLEMENTATION_NOT_COMPLETABLE', reason: expect.stringContaining('stop') });
    expect(legacyAttempt(s, complete, people.secretary, at('2025-11-02')).ok).toBe(true);
    s = apply(s, { type: 'record_adjustment', newMatterId: 'M-2', purpose: 'stop', reason: '评估建议停止执行' }, people.drafter, at('2025-11-05'));
    expect(attempt(s, complete, people.secretary, at('2026-01-10')).ok).toBe(true);
  });
});


describe('a “三重一大” matter registered with its category', () => {
  test('is scheduled under it: the secretary cannot choose a lighter quorum than personnel appointments\' two thirds', () => {
    const registered = registerMatter({ matterId: 'M-3', kind: 'collective_matter', tripleOneCategory: 'personnel_appointment', flags: [], title: '关于任免科室负责人的议题', draftingUnit: 'sec-market', createdBy: 'd1', versionHash: hash(1), now }, config);
    expect(registered.tripleOneCategory).toBe('personnel_appointment');
    expect(registrationProblem({ matterId: 'M-4', kind: 'normative_document', tripleOneCategory: 'major_funds', flags: [], title: 't', draftingUnit: 's', createdBy: 'd1', versionHash: hash(1), now })).toMatchObject({ code: 'CATEGORY_NOT_APPLICABLE' });
    let s = doResearch(registered, now);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
    s = apply(s, { type: 'accept_materials' }, people.legal, now);
    s = apply(s, { type: 'record_legality_conclusion', versionHash: hash(1), outcome: 'LAWFUL', text: '合法', checklist: fullChecklist() }, people.legal, now);
    const party = (category?: 'personnel_appointment' | 'major_funds'): Command => ({ type: 'schedule_meeting', meetingAt: at('2025-03-20'), body: 'party_committee_meeting', ...(category ? { category } : {}) });
    expect(refused(attempt(s, party('major_funds'), people.secretary, now))).toMatchObject({ code: 'CATEGORY_CHANGED', reason: expect.stringContaining('registered as personnel_appointment') });
    s = apply(s, party(), people.secretary, now);
    expect(s.meeting.scheduled?.category).toBe('personnel_appointment');
    const threeOfFive = meetingRecord({ attendees: ['head', 'm1', 'm2'], absentees: ['m3', 'm4'], views: [{ memberId: 'm1', view: 'approve' }, { memberId: 'm2', view: 'approve' }, { memberId: 'head', view: 'approve' }] });
    expect(refused(attempt(s, { type: 'record_meeting', record: threeOfFive }, people.secretary, at('2025-03-21'))).code).toBe('QUORUM_NOT_MET');
  });
});
