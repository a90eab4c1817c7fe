import { matterStatistics, percentile, stageChangesFromTrail, type MatterFacts } from '../../../domain/statistics/matterStatistics';
import type { MatterState, Stage } from '../../../domain/procedure';
import { apply, at, cal, config, currentHashOf, doResearch, meetingRecord, people, register, toAwaitingMeeting } from '../procedure/fixtures';

const changes = (...pairs: Array<[string, Stage]>) => pairs.map(([when, stage]) => ({ at: when, stage }));

/** A normative document carried to its end: meeting 20 Mar, signed 21, published 22, filed and archived as given. */
function issued(filedOn: string, archivedOn: string): MatterState {
  let s = toAwaitingMeeting('normative_document', []);
  s = apply(s, { type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body: 'director_office_meeting' }, people.secretary, at('2025-03-14'));
  s = apply(s, { type: 'record_meeting', record: meetingRecord() }, people.secretary, at('2025-03-20', '18:00'));
  s = apply(s, { type: 'sign_and_number', versionHash: currentHashOf(s), documentNumber: '南文旅规〔2025〕1号', signedBy: '局长' }, people.secretary, at('2025-03-21'));
  s = apply(s, { type: 'publish', channel: '网站', reference: 'u' }, people.secretary, at('2025-03-22'));
  s = apply(s, { type: 'file_record', authority: '区司法局', reference: '备1' }, people.legal, at(filedOn));
  return apply(s, { type: 'archive', archiveRef: 'A1' }, people.legal, at(archivedOn));
}

describe('matterStatistics()', () => {
  const now = at('2025-05-10');

  test('time per stage and kind: median and p90 of completed stays; open stays counted apart', () => {
    const a: MatterFacts = { id: 'a', state: register('normative_document', [], at('2025-03-01')), stageChanges: changes([at('2025-03-01'), 'research'], [at('2025-03-03'), 'completeness_check'], [at('2025-03-04'), 'legality_review']) };
    const b: MatterFacts = { id: 'b', state: register('normative_document', [], at('2025-03-01')), stageChanges: changes([at('2025-03-01'), 'research'], [at('2025-03-11'), 'completeness_check']) };
    const st = matterStatistics([a, b], config, cal, now);
    const research = st.stageTimes.find((x) => x.stage === 'research' && x.kind === 'normative_document')!;
    expect(research).toEqual(expect.objectContaining({ stays: 2, medianSeconds: 2 * 86_400, p90Seconds: 10 * 86_400, current: 0 }));
    const legality = st.stageTimes.find((x) => x.stage === 'legality_review')!;
    expect(legality).toEqual(expect.objectContaining({ stays: 0, current: 1, longestCurrentSeconds: (Date.parse(now) - Date.parse(at('2025-03-04'))) / 1000 }));
  });

  test('whose turn and what is overdue: the review time limit passed for the legal unit\'s matter', () => {
    let s = doResearch(register('major_decision', [], at('2025-03-03')), at('2025-03-03'));
    s = apply(s, { type: 'submit_for_review' }, people.drafter, at('2025-03-03'));
    const late: MatterFacts = { id: 'late', state: s, stageChanges: changes([at('2025-03-03'), 'research'], [at('2025-03-03', '10:00'), 'completeness_check']) };
    const fresh: MatterFacts = { id: 'fresh', state: register('normative_document', [], at('2025-05-09')), stageChanges: changes([at('2025-05-09'), 'research']) };
    const st = matterStatistics([late, fresh], config, cal, now);
    expect(st.totals).toEqual({ matters: 2, open: 2, finished: 0, stopped: 0, overdue: 1 });
    expect(st.turns).toEqual(expect.arrayContaining([{ role: 'legal_unit', matters: 1, overdue: 1 }, { role: 'drafter', matters: 1, overdue: 0 }]));
    expect(st.overdueByStage).toEqual([{ stage: 'completeness_check', matters: 1 }]);
    // Awaiting the meeting after the minimum review time is not overdue: it is a "not before".
    const waiting = toAwaitingMeeting('major_decision', []);
    expect(matterStatistics([{ id: 'w', state: waiting, stageChanges: [] }], config, cal, now).totals.overdue).toBe(0);
  });

  test('compliance: minimum review time respected, review within its limit, 备案 and archiving on time or late', () => {
    const onTime = issued('2025-03-24', '2025-03-25');
    const lateFiling = issued('2025-05-06', '2025-04-20');
    // A meeting recorded as held before the minimum review time had run (e.g. a backdated record).
    const early: MatterState = JSON.parse(JSON.stringify(onTime));
    early.meeting.records[early.meeting.records.length - 1]!.heldAt = at('2025-03-05', '15:00');
    const st = matterStatistics([
      { id: 'on-time', state: onTime, stageChanges: [] },
      { id: 'late', state: lateFiling, stageChanges: [] },
      { id: 'early', state: early, stageChanges: [] },
    ], config, cal, now);
    expect(st.compliance.minimumReviewTime).toEqual({ checked: 3, met: 2, missed: ['early'] });
    expect(st.compliance.legalityTimeLimit).toEqual({ checked: 3, met: 3, missed: [] });
    expect(st.compliance.filingOnTime).toEqual({ checked: 3, met: 2, missed: ['late'], overdueOpen: 0 });
    expect(st.compliance.archiveOnTime).toEqual({ checked: 3, met: 2, missed: ['late'], overdueOpen: 0 });
    expect(st.totals).toEqual(expect.objectContaining({ finished: 3, open: 0 }));
  });

  test('per drafting unit and per month (Beijing calendar)', () => {
    const s1 = register('normative_document', [], '2025-03-31T23:30:00+08:00');
    const s2 = { ...register('normative_document', [], at('2025-04-02')), draftingUnit: 'sec-other' };
    const s3 = apply(register('normative_document', [], at('2025-04-03')), { type: 'withdraw', reason: '不再需要' }, people.drafter, at('2025-04-05'));
    const st = matterStatistics([{ id: '1', state: s1, stageChanges: [] }, { id: '2', state: s2, stageChanges: [] }, { id: '3', state: s3, stageChanges: [] }], config, cal, now);
    expect(st.byMonth).toEqual([{ month: '2025-03', registered: 1, finished: 0, stopped: 0 }, { month: '2025-04', registered: 2, finished: 0, stopped: 1 }]);
    expect(st.byDraftingUnit).toEqual([
      { draftingUnit: 'sec-market', registered: 2, open: 1, finished: 0, stopped: 1, overdue: 0, medianDaysToClose: 2 },
      { draftingUnit: 'sec-other', registered: 1, open: 1, finished: 0, stopped: 0, overdue: 0, medianDaysToClose: null },
    ]);
  });

  test('stage changes come from the trail: registration and every entry recording a new stage', () => {
    expect(stageChangesFromTrail([
      { at: 't1', after: { stage: 'research', kind: 'normative_document' } },
      { at: 't2', after: { research: {} } },
      { at: 't3', after: { stage: 'completeness_check' } },
      { at: 't4', after: null },
    ])).toEqual([{ at: 't1', stage: 'research' }, { at: 't3', stage: 'completeness_check' }]);
  });

  test('nearest-rank percentile', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([5], 50)).toBe(5);
    expect(percentile([], 50)).toBe(0);
  });
});
