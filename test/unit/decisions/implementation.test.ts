import { availableActions, implementationOpen, whoseTurn, type MatterState } from '../../../domain/procedure';
import { implementationStatus } from '../../../domain/decisions';
import { apply, at, attempt, config, currentHashOf, meetingRecord, people, refused, toAwaitingMeeting } from '../procedure/fixtures';

/** A major decision carried to issued (as in endToEnd.test.ts). */
function issuedDecision(kind: 'major_decision' | 'normative_document' = 'major_decision'): MatterState {
  let s = toAwaitingMeeting(kind, []);
  s = apply(s, { type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body: 'director_office_meeting' }, people.secretary, at('2025-03-14'));
  s = apply(s, { type: 'record_meeting', record: meetingRecord() }, people.secretary, at('2025-03-20', '18:00'));
  if (kind === 'major_decision') s = apply(s, { type: 'report_to_party', reference: '请示〔2025〕3号' }, people.secretary, at('2025-03-21'));
  s = apply(s, { type: 'sign_and_number', versionHash: currentHashOf(s), documentNumber: '区文旅发〔2025〕2号', signedBy: '局长' }, people.secretary, at('2025-03-22'));
  s = apply(s, { type: 'publish', channel: '政府公报', reference: '公报2025-4' }, people.secretary, at('2025-03-22'));
  if (kind === 'normative_document') s = apply(s, { type: 'file_record', authority: '区司法局', reference: 'B-1' }, people.legal, at('2025-03-23'));
  s = apply(s, { type: 'archive', archiveRef: 'A-2' }, people.secretary, at('2025-03-23'));
  expect(s.stage).toBe('issued');
  return s;
}

describe('a major decision 依法不予公开 (713号令第14条、第32条)', () => {
  it('completes its publication step by recording the ground instead of a channel; others are published', () => {
    let s = toAwaitingMeeting('major_decision', []);
    expect(s.research.participationExemption).toBeFalsy();
    s = apply(s, { type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body: 'director_office_meeting' }, people.secretary, at('2025-03-14'));
    s = apply(s, { type: 'record_meeting', record: meetingRecord() }, people.secretary, at('2025-03-20', '18:00'));
    s = apply(s, { type: 'report_to_party', reference: '请示〔2025〕3号' }, people.secretary, at('2025-03-21'));
    s = apply(s, { type: 'sign_and_number', versionHash: currentHashOf(s), documentNumber: '区文旅发〔2025〕2号', signedBy: '局长' }, people.secretary, at('2025-03-22'));
    const withhold = { type: 'withhold_publication' as const, ground: '涉及国家秘密（保守国家秘密法第九条）' };
    // Heard the public: it is published.
    expect(availableActions(s, people.secretary, { now: at('2025-03-22') }).map((a) => a.type)).not.toContain('withhold_publication');
    expect(refused(attempt(s, withhold, people.secretary, at('2025-03-22'))).code).toBe('PUBLICATION_REQUIRED');
    // Exempted on that ground (recorded in research with its ground): the step records it and the matter is issued.
    const exempt: MatterState = { ...s, research: { ...s.research, participationExemption: { kind: 'participation_exemption', legalGround: withhold.ground, recordedBy: 'd1', recordedAt: at('2025-03-01') } as never } };
    expect(availableActions(exempt, people.secretary, { now: at('2025-03-22') }).map((a) => a.type)).toEqual(expect.arrayContaining(['publish', 'withhold_publication']));
    expect(refused(attempt(exempt, withhold, people.drafter, at('2025-03-22'))).code).toBe('FORBIDDEN');
    let w = apply(exempt, withhold, people.secretary, at('2025-03-22'));
    expect(w.postDecision.publication).toMatchObject({ withheld: true, reference: withhold.ground });
    expect(refused(attempt(w, { type: 'publish', channel: 'c', reference: 'r' }, people.secretary, at('2025-03-22'))).code).toBe('ALREADY_DONE');
    w = apply(w, { type: 'archive', archiveRef: 'A-2' }, people.secretary, at('2025-03-23'));
    expect(w.stage).toBe('issued');
    // A normative document is always published.
    const doc = toAwaitingMeeting('normative_document', []);
    expect(refused(attempt({ ...doc, stage: 'post_decision', postDecision: { ...doc.postDecision, signing: s.postDecision.signing } }, withhold, people.secretary, at('2025-03-22'))).code).toBe('PUBLICATION_REQUIRED');
  });
});

describe('implemented from its publication (713号令第34条、第37条)', () => {
  it('a published decision may be suspended at once, before its archiving; not before it is published', () => {
    let s = toAwaitingMeeting('major_decision', []);
    s = apply(s, { type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body: 'director_office_meeting' }, people.secretary, at('2025-03-14'));
    s = apply(s, { type: 'record_meeting', record: meetingRecord() }, people.secretary, at('2025-03-20', '18:00'));
    s = apply(s, { type: 'report_to_party', reference: '请示〔2025〕3号' }, people.secretary, at('2025-03-21'));
    s = apply(s, { type: 'sign_and_number', versionHash: currentHashOf(s), documentNumber: '区文旅发〔2025〕2号', signedBy: '局长' }, people.secretary, at('2025-03-22'));
    const suspend = { type: 'suspend_implementation' as const, decidedBy: '局长', reason: '景区突发险情，情况紧急' };
    expect(refused(attempt(s, suspend, people.secretary, at('2025-03-22'))).code).toBe('WRONG_STAGE');
    expect(availableActions(s, people.secretary, { now: at('2025-03-22') }).map((a) => a.type)).not.toContain('suspend_implementation');
    s = apply(s, { type: 'publish', channel: '政府公报', reference: '公报2025-4' }, people.secretary, at('2025-03-22'));
    expect(s.stage).toBe('post_decision');
    expect(availableActions(s, people.secretary, { now: at('2025-03-22') }).map((a) => a.type)).toEqual(expect.arrayContaining(['archive', 'suspend_implementation']));
    // Nobody's turn: the duty after publication is still the archiving.
    expect(whoseTurn(s, config, []).flatMap((d) => d.actions)).toEqual(['archive']);
    s = apply(s, suspend, people.secretary, at('2025-03-23'));
    expect(implementationStatus(s.implementation)).toBe('suspended');
    s = apply(s, { type: 'archive', archiveRef: 'A-2' }, people.secretary, at('2025-03-24'));
    expect([s.stage, implementationOpen(s), implementationStatus(s.implementation)]).toEqual(['issued', true, 'suspended']);
  });
});

describe('after a major decision (713号令第34条至第37条)', () => {
  it('an issued major decision stays open for its implementation; other issued matters stay closed', () => {
    const decision = issuedDecision();
    expect(implementationOpen(decision)).toBe(true);
    expect(availableActions(decision, people.secretary, { now: at('2025-04-01') }).map((a) => a.type)).toEqual(expect.arrayContaining(['designate_implementing_unit', 'suspend_implementation', 'complete_implementation']));
    const document = issuedDecision('normative_document');
    expect(implementationOpen(document)).toBe(false);
    expect(refused(attempt(document, { type: 'designate_implementing_unit', unit: '产业发展科' }, people.secretary, at('2025-04-01'))).code).toBe('MATTER_CLOSED');
    // The review procedure's own actions stay closed on an issued decision.
    expect(refused(attempt(decision, { type: 'withdraw', reason: 'x' }, people.drafter, at('2025-04-01'))).code).toBe('MATTER_CLOSED');
  });

  it('the implementing unit is named first (art. 34), then reports, problems included (art. 35)', () => {
    let s = issuedDecision();
    expect(refused(attempt(s, { type: 'report_implementation', status: 'on_track', progress: '已启动' }, people.drafter, at('2025-04-01'))).code).toBe('IMPLEMENTING_UNIT_MISSING');
    expect(refused(attempt(s, { type: 'designate_implementing_unit', unit: '产业发展科' }, people.drafter, at('2025-04-01'))).code).toBe('FORBIDDEN');
    s = apply(s, { type: 'designate_implementing_unit', unit: '产业发展科' }, people.secretary, at('2025-04-01'));
    s = apply(s, { type: 'report_implementation', status: 'on_track', progress: '第一季度已完成票价公示' }, people.drafter, at('2025-06-30'));
    s = apply(s, { type: 'report_implementation', status: 'major_change', progress: '客流下降', problems: '周边景区降价，客流下降30%' }, people.drafter, at('2025-09-30'));
    expect(s.implementation?.reports.map((r) => r.status)).toEqual(['on_track', 'major_change']);
    expect(s.stage).toBe('issued');
  });

  it('post-evaluation: ordered on a ground of art. 36, one at a time, then its result', () => {
    let s = issuedDecision();
    expect(refused(attempt(s, { type: 'record_post_evaluation', conclusion: 'achieved', recommendation: 'continue', summary: 's', publicHeard: 'p', documentId: 'd' }, people.legal, at('2025-10-01'))).code).toBe('EVALUATION_NOT_ORDERED');
    s = apply(s, { type: 'order_post_evaluation', grounds: ['not_effective', 'many_opinions'], evaluator: '某大学公共政策研究院', thirdParty: true }, people.legal, at('2025-10-01'));
    expect(implementationStatus(s.implementation)).toBe('evaluating');
    expect(refused(attempt(s, { type: 'order_post_evaluation', grounds: ['deemed_necessary'], evaluator: 'x', thirdParty: false }, people.legal, at('2025-10-02'))).code).toBe('ALREADY_DONE');
    s = apply(s, { type: 'record_post_evaluation', conclusion: 'partly_achieved', recommendation: 'adjust', summary: '票价调整后客流下降', publicHeard: '问卷调查1200份，座谈会2场', documentId: 'eval-1' }, people.legal, at('2025-11-01'));
    expect(s.implementation?.evaluations[0]?.result?.recommendation).toBe('adjust');
  });

  it('suspension by the head in an emergency (art. 37), resumption, adjustment linked, completion closes it', () => {
    let s = issuedDecision();
    s = apply(s, { type: 'suspend_implementation', decidedBy: '局长', reason: '景区突发地质灾害，情况紧急' }, people.secretary, at('2025-07-01'));
    expect(implementationStatus(s.implementation)).toBe('suspended');
    expect(refused(attempt(s, { type: 'suspend_implementation', decidedBy: '局长', reason: 'again' }, people.secretary, at('2025-07-02'))).code).toBe('ALREADY_DONE');
    s = apply(s, { type: 'resume_implementation', decidedBy: '局长', reason: '险情排除' }, people.secretary, at('2025-07-20'));
    expect(refused(attempt(s, { type: 'resume_implementation', decidedBy: '局长', reason: 'again' }, people.secretary, at('2025-07-21'))).code).toBe('NOT_SUSPENDED');
    s = apply(s, { type: 'record_adjustment', newMatterId: 'M-2', purpose: 'adjust', reason: '评估建议调整票价' }, people.drafter, at('2025-11-05'));
    expect(refused(attempt(s, { type: 'record_adjustment', newMatterId: 'M-1', purpose: 'stop', reason: 'x' }, people.drafter, at('2025-11-05'))).code).toBe('INVALID_INPUT');
    expect(implementationStatus(s.implementation)).toBe('adjusting');
    s = apply(s, { type: 'complete_implementation', note: '由调整后的决策（M-2）替代' }, people.secretary, at('2026-01-10'));
    expect(implementationOpen(s)).toBe(false);
    expect(refused(attempt(s, { type: 'report_implementation', status: 'on_track', progress: 'x' }, people.drafter, at('2026-01-11'))).code).toBe('MATTER_CLOSED');
  });
});
