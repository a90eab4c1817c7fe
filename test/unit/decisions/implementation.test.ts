import { availableActions, decide, implementationOpen, whoseTurn, type Command, type MatterState } from '../../../domain/procedure';
import { ENTRY_PROGRESS_LABELS, entryProgress, implementationStatus, settleAdjustment, type AdjustmentSettled, type SettleResult } from '../../../domain/decisions';
import { apply, at, attempt, cal, config, currentHashOf, meetingRecord, people, refused, toAwaitingMeeting } from '../procedure/fixtures';

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

describe('the procedure adjusting or stopping a decision, settled (713号令第36条、第37条)', () => {
  const news = (over: Partial<AdjustmentSettled> = {}): AdjustmentSettled => ({
    newMatterId: 'M-2', purpose: 'stop', reason: '评估建议停止执行', registeredBy: 'd1', registeredAt: at('2025-11-05'), outcome: 'out', stage: 'post_decision',
    documentNumber: '区文旅发〔2025〕9号', effectiveAt: '2025-12-31T16:00:00.000Z', at: at('2025-12-20'), ...over,
  });
  const evaluatedStop = () => {
    let s = issuedDecision();
    s = apply(s, { type: 'order_post_evaluation', grounds: ['not_effective'], evaluator: '第三方', thirdParty: true }, people.legal, at('2025-10-01'));
    s = apply(s, { type: 'record_post_evaluation', conclusion: 'not_achieved', recommendation: 'stop', summary: '未达预期', publicHeard: '问卷', documentId: 'eval-1' }, people.legal, at('2025-11-01'));
    return apply(s, { type: 'record_adjustment', newMatterId: 'M-2', purpose: 'stop', reason: '评估建议停止执行' }, people.drafter, at('2025-11-05'));
  };
  const stateOf = (r: SettleResult): MatterState => {
    if ('unchanged' in r) throw new Error(`unchanged: ${r.unchanged}`);
    return r.state;
  };

  it('a stop whose decision is out ends the implementation, by the system, from its effective date', () => {
    const r = settleAdjustment(evaluatedStop(), news());
    const s = stateOf(r);
    expect(s.implementation?.completed).toMatchObject({ by: 'system', endedBy: { matterId: 'M-2', purpose: 'stop' }, note: expect.stringContaining('自2025-12-31起') });
    expect(s.implementation?.adjustments[0]?.settled).toMatchObject({ outcome: 'out', documentNumber: '区文旅发〔2025〕9号' });
    expect(implementationStatus(s.implementation)).toBe('stopped');
    expect(implementationOpen(s)).toBe(false);
    expect('summary' in r && r.summary).toContain('停止执行');
    expect(refused(attempt(s, { type: 'report_implementation', status: 'on_track', progress: 'x' }, people.drafter, at('2026-01-02'))).code).toBe('MATTER_CLOSED');
  });

  it('a major adjustment whose decision is out ends it too: the adjusted decision is tracked in its own matter', () => {
    let s = issuedDecision();
    s = apply(s, { type: 'record_adjustment', newMatterId: 'M-3', purpose: 'adjust', reason: '调整票价' }, people.drafter, at('2025-11-05'));
    s = stateOf(settleAdjustment(s, news({ newMatterId: 'M-3', purpose: 'adjust' })));
    expect(implementationStatus(s.implementation)).toBe('superseded');
    expect(s.implementation?.completed?.note).toContain('按调整后的决策执行');
  });

  it('one that ended without a decision leaves the decision in implementation, and the evaluation unanswered again', () => {
    const s = stateOf(settleAdjustment(evaluatedStop(), news({ outcome: 'ended', stage: 'withdrawn', documentNumber: undefined, effectiveAt: undefined })));
    expect(s.implementation?.completed).toBeNull();
    expect(implementationStatus(s.implementation)).toBe('implementing');
    expect(refused(attempt(s, { type: 'complete_implementation', note: '执行完毕' }, people.secretary, at('2026-01-10')))).toMatchObject({ code: 'IMPLEMENTATION_NOT_COMPLETABLE', reason: expect.stringContaining('stop') });
    // A new procedure answers it.
    const again = apply(s, { type: 'record_adjustment', newMatterId: 'M-4', purpose: 'stop', reason: '重新启动停止执行程序' }, people.drafter, at('2026-01-11'));
    expect(implementationStatus(again.implementation)).toBe('adjusting');
    expect(attempt(again, { type: 'complete_implementation', note: '执行完毕' }, people.secretary, at('2026-01-12')).ok).toBe(true);
  });

  it('news applied once; news after the implementation was closed, or of the matter itself, changes nothing', () => {
    const s = stateOf(settleAdjustment(evaluatedStop(), news({ outcome: 'ended', stage: 'rejected' })));
    expect(settleAdjustment(s, news())).toEqual({ unchanged: expect.stringContaining('already settled') });
    const completed = apply(issuedDecision(), { type: 'complete_implementation', note: '执行完毕' }, people.secretary, at('2026-01-10'));
    expect(settleAdjustment(completed, news())).toEqual({ unchanged: expect.stringContaining('closed') });
    expect(settleAdjustment(s, news({ newMatterId: s.matterId }))).toEqual({ unchanged: expect.any(String) });
    // One never recorded here (refused by it, or its link lost) that ended without a decision leaves nothing behind.
    expect(settleAdjustment(issuedDecision(), news({ newMatterId: 'M-9', outcome: 'ended', stage: 'withdrawn' }))).toEqual({ unchanged: expect.stringContaining('never recorded') });
  });

  it('an adjustment the original never recorded (the link lost between two requests) is recorded from the news', () => {
    const s = stateOf(settleAdjustment(issuedDecision(), news()));
    expect(s.implementation?.adjustments).toEqual([expect.objectContaining({ newMatterId: 'M-2', purpose: 'stop', reason: '评估建议停止执行', by: 'd1', settled: expect.objectContaining({ outcome: 'out' }) })]);
    expect(implementationStatus(s.implementation)).toBe('stopped');
  });

  it('one procedure at a time: another is refused while one is under way, not once it has ended (patch adjustments-one-at-a-time)', () => {
    const s = evaluatedStop();
    const another: Command = { type: 'record_adjustment', newMatterId: 'M-5', purpose: 'adjust', reason: '另行调整' };
    expect(refused(attempt(s, another, people.drafter, at('2025-11-06')))).toMatchObject({ code: 'ADJUSTMENT_PENDING', status: 409, reason: expect.stringContaining('M-2') });
    // Runs started before replay as they ran.
    expect(decide(s, another, { actor: people.drafter, now: at('2025-11-06'), config, calendar: cal, legacy: { adjustmentsUnbounded: true } }).ok).toBe(true);
    const ended = stateOf(settleAdjustment(s, news({ outcome: 'ended', stage: 'rejected' })));
    expect(attempt(ended, another, people.drafter, at('2025-11-07')).ok).toBe(true);
  });

  it('the catalogue reads the decision as stopped or adjusted', () => {
    expect(entryProgress(stateOf(settleAdjustment(evaluatedStop(), news())))).toBe('stopped');
    expect(ENTRY_PROGRESS_LABELS.stopped).toBe('已停止执行');
  });
});
