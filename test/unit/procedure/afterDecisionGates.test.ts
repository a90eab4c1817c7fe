import { decide, type Command, type MatterState } from '../../../domain/procedure';
import { apply, at, attempt, cal, config, currentHashOf, doResearch, enforcementCase, enforcementChecklist, hash, meetingRecord, people, refused, register, toAwaitingMeeting } from './fixtures';

/**
 * After the decision and enforcement reviews (contracts: test/unit/contracts/contractReview.test.ts): ways around the rules an audit found, closed under
 * patch gates-as-written (a run started before it replays as it ran: LegacyRules.gatesBeforeWritten).
 */
const legacy = { gatesBeforeWritten: true };
const decided = (kind: 'normative_document' | 'major_decision') => {
  let s = apply(toAwaitingMeeting(kind, []), { type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body: 'director_office_meeting' }, people.secretary, at('2025-03-14'));
  s = apply(s, { type: 'record_meeting', record: meetingRecord() }, people.secretary, at('2025-03-20', '18:00'));
  if (kind === 'major_decision') s = apply(s, { type: 'report_to_party', reference: 'r' }, people.secretary, at('2025-03-21'));
  return s;
};

describe('after the decision (patch gates-as-written)', () => {
  test('a signed, numbered document cannot be withdrawn: it owes its 备案 and archiving, and ends through the register', () => {
    const s = apply(decided('normative_document'), { type: 'sign_and_number', versionHash: currentHashOf(decided('normative_document')), documentNumber: '南文旅规〔2025〕1号', signedBy: '局长' }, people.secretary, at('2025-03-21'));
    const withdraw: Command = { type: 'withdraw', reason: '不想备案了' };
    expect(refused(attempt(s, withdraw, people.drafter, at('2025-04-30')))).toMatchObject({ status: 409, code: 'WITHDRAW_AFTER_SIGNING' });
    expect(decide(s, withdraw, { actor: people.drafter, now: at('2025-04-30'), config, calendar: cal, legacy }).ok).toBe(true);
    // Before signing the drafter still withdraws.
    expect(apply(decided('normative_document'), withdraw, people.drafter, at('2025-03-21')).stage).toBe('withdrawn');
  });

  test("a major decision's implementation is not complete while suspended or being evaluated", () => {
    let s = decided('major_decision');
    s = apply(s, { type: 'sign_and_number', versionHash: currentHashOf(s), documentNumber: 'n', signedBy: '局长' }, people.secretary, at('2025-03-22'));
    s = apply(s, { type: 'publish', channel: 'c', reference: 'r' }, people.secretary, at('2025-03-22'));
    s = apply(s, { type: 'archive', archiveRef: 'A' }, people.secretary, at('2025-03-23'));
    const complete: Command = { type: 'complete_implementation', note: '执行完毕' };
    const suspended = apply(s, { type: 'suspend_implementation', decidedBy: '局长', reason: '紧急' }, people.secretary, at('2025-07-01'));
    expect(refused(attempt(suspended, complete, people.secretary, at('2025-07-04')))).toMatchObject({ code: 'IMPLEMENTATION_NOT_COMPLETABLE', reason: expect.stringContaining('suspended') });
    expect(decide(suspended, complete, { actor: people.secretary, now: at('2025-07-04'), config, calendar: cal, legacy }).ok).toBe(true);
    const evaluating = apply(s, { type: 'order_post_evaluation', grounds: ['many_opinions'], evaluator: '第三方', thirdParty: true }, people.legal, at('2025-07-02'));
    expect(refused(attempt(evaluating, complete, people.secretary, at('2025-07-04'))).reason).toContain('post-evaluation');
    expect(apply(s, complete, people.secretary, at('2025-07-04')).implementation?.completed).toBeTruthy();
  });
});

describe('enforcement decisions: the case the 法制审核 judged is the case decided (行政处罚法第57条、第58条)', () => {
  test('the case cannot be re-recorded after the conclusion; only the reviewer confirms amendments; a serious case is never signed by the head alone', () => {
    const now = at('2025-03-03');
    let s = doResearch(register('enforcement_review', [], now), now, { ...config, enforcement: undefined });
    s = apply(s, { type: 'record_research_item', item: enforcementCase({ seriousViolation: true, complex: true, socialImpact: true }) }, people.drafter, now);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
    s = apply(s, { type: 'accept_materials' }, people.legal, now);
    s = apply(s, { type: 'record_legality_conclusion', versionHash: currentHashOf(s), outcome: 'LAWFUL_WITH_AMENDMENTS', text: '改正文书', amendments: [{ clause: '第二段', change: '改正' }], enforcementChecklist: enforcementChecklist() }, people.legal, now);
    const plain: Command = { type: 'record_research_item', item: enforcementCase({ seriousViolation: false, complex: false, socialImpact: false }) };
    expect(refused(attempt(s, plain, people.drafter, now)).code).toBe('ENFORCEMENT_CASE_REVIEWED');
    expect(decide(s, plain, { actor: people.drafter, now, config, calendar: cal, legacy }).ok).toBe(true);
    s = apply(s, { type: 'submit_version', versionNumber: 2, versionHash: hash(2), note: '改正' } as Command, people.drafter, now);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
    const confirm: Command = { type: 'confirm_amendments', versionHash: currentHashOf(s) };
    expect(refused(attempt(s, confirm, people.legal2, now)).code).toBe('ENFORCEMENT_NOT_REVIEWER');
    s = apply(s, confirm, people.legal, now);
    expect(s.stage).toBe('awaiting_meeting');
    // Even if the case had been re-recorded (a run from before the patch): no head decision for a serious case.
    const replayed = { ...s, stage: 'post_decision' as const, research: { ...s.research } };
    const sign: Command = { type: 'sign_and_number', versionHash: currentHashOf(s), documentNumber: 'x', signedBy: '局长' };
    expect(refused(attempt(replayed, sign, people.secretary, at('2025-03-04'))).code).toBe('COLLECTIVE_DISCUSSION_REQUIRED');
  });

  test('materials found incomplete are no conclusion on the case: supplementing, it may still be corrected', () => {
    const now = at('2025-03-03');
    let s = doResearch(register('enforcement_review', [], now), now, { ...config, enforcement: undefined });
    s = apply(s, { type: 'record_research_item', item: enforcementCase() }, people.drafter, now);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
    s = apply(s, { type: 'accept_materials' }, people.legal, now);
    s = apply(s, { type: 'record_legality_conclusion', versionHash: currentHashOf(s), outcome: 'MATERIALS_INCOMPLETE', text: '缺听证笔录', missing: ['听证笔录'] }, people.legal, now);
    expect(s.stage).toBe('supplementing');
    expect(apply(s, { type: 'record_research_item', item: enforcementCase({ complex: true }) }, people.drafter, now).research.enforcementCase?.complex).toBe(true);
  });
});
