import { deadlines, type Command, type MatterState } from '../../../domain/procedure';
import { apply, at, attempt, cal, config, currentHashOf, doFcr, doLegality, doResearch, fullChecklist, meetingRecord, people, refused, register, toAwaitingMeeting, fcrReview } from './fixtures';

const day = at('2025-03-03');

type LegalityConclusion = Omit<Extract<Command, { type: 'record_legality_conclusion' }>, 'type' | 'versionHash'>;
/** The legal unit's conclusion on the current version. */
const concludeLegality = (s: MatterState, conclusion: LegalityConclusion, now: string): MatterState =>
  apply(s, { type: 'record_legality_conclusion', versionHash: currentHashOf(s), ...conclusion }, people.legal, now);

function atCompleteness(flags: Parameters<typeof register>[1] = []): MatterState {
  let s = doResearch(register('major_decision', flags, day), day);
  s = apply(s, { type: 'submit_for_review' }, people.drafter, day);
  if (s.stage === 'fair_competition_review') s = doFcr(s, day);
  return s;
}

function atLegality(flags: Parameters<typeof register>[1] = []): MatterState {
  return apply(atCompleteness(flags), { type: 'accept_materials' }, people.legal, day);
}

describe('return for revision from every review', () => {
  it('from the fair-competition review (by the assigned reviewer, not the legal unit)', () => {
    let s = doResearch(register('normative_document', ['ECON'], day), day);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, day);
    s = apply(s, { type: 'assign_fcr_reviewer', reviewerId: 'fcr1' }, people.legal, day);
    expect(refused(attempt(s, { type: 'return_for_revision', reason: 'x' }, people.legal, day)).status).toBe(403);
    s = apply(s, { type: 'return_for_revision', reason: '第三条限定本地经营者' }, people.fcr, day);
    expect(s.stage).toBe('research');
    expect(s.returns).toEqual([{ from: 'fair_competition_review', by: 'fcr1', at: day, reason: '第三条限定本地经营者' }]);
  });

  it('from the completeness check, ending the review round', () => {
    let s = atCompleteness();
    expect(s.legality.round).toBe(1);
    s = apply(s, { type: 'return_for_revision', reason: '起草说明与草案不符' }, people.legal, at('2025-03-04'));
    expect(s.stage).toBe('research');
    expect(s.legality.startedAt).toBeNull();
    s = apply(s, { type: 'submit_for_review' }, people.drafter, at('2025-03-05'));
    expect(s.legality).toMatchObject({ round: 2, startedAt: at('2025-03-05'), pauses: [] });
  });

  it('from the legality review', () => {
    let s = atLegality();
    s = apply(s, { type: 'return_for_revision', reason: '第五条需重新论证' }, people.legal, at('2025-03-04'));
    expect(s.stage).toBe('research');
    expect(s.returns[0]?.from).toBe('legality_review');
  });

  it('from awaiting the meeting (legality conclusion re-opened)', () => {
    let s = toAwaitingMeeting('major_decision', []);
    s = apply(s, { type: 'return_for_revision', reason: '情况变化' }, people.legal, at('2025-03-10'));
    expect(s.stage).toBe('research');
    expect(s.legality.conclusion).toBeNull();
    expect(s.legality.history[0]).toMatchObject({ outcome: 'LAWFUL', supersededAt: at('2025-03-10') });
  });

  it('a fair-competition breach sends the matter back to research', () => {
    let s = doResearch(register('normative_document', ['ECON'], day), day);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, day);
    s = apply(s, { type: 'assign_fcr_reviewer', reviewerId: 'fcr1' }, people.legal, day);
    s = apply(
      s,
      { type: 'record_fcr_conclusion', conclusion: 'breach_must_revise', versionHash: currentHashOf(s), documentId: 'doc-fcr', summary: '违反第九条', review: fcrReview('breach_must_revise') },
      people.fcr,
      day,
    );
    expect(s.stage).toBe('research');
    expect(s.fairCompetition.conclusion).toBe('breach_must_revise');
    // Resubmitting the same text goes back to the fair-competition review, not to the legal unit.
    s = apply(s, { type: 'submit_for_review' }, people.drafter, day);
    expect(s.stage).toBe('fair_competition_review');
  });
});

describe('supplementing: the legality clock stops and restarts', () => {
  it('records a clock pause from return to resubmission, and deadlines() shows the stop and the extension', () => {
    let s = atCompleteness();
    const before = deadlines(s, config, cal).find((d) => d.key === 'legality_review_time_limit');
    // 15 working days from Mon 2025-03-03 → Mon 2025-03-24 (end of day, Beijing).
    expect(before).toMatchObject({ startedAt: day, dueAt: '2025-03-24T15:59:59.999Z', unit: 'working_days', stage: 'legality_review' });
    s = apply(s, { type: 'return_for_supplement', missing: ['风险评估报告'], note: '请补充' }, people.legal, at('2025-03-04'));
    expect(s.stage).toBe('supplementing');
    expect(s.legality.pauses).toEqual([{ from: at('2025-03-04') }]);
    const stopped = deadlines(s, config, cal).find((d) => d.key === 'legality_review_time_limit');
    expect(stopped?.dueAt).toBeNull();
    expect(stopped?.remindAt).toBeUndefined();
    s = apply(s, { type: 'submit_for_review', note: '已补充' }, people.drafter, at('2025-03-06'));
    expect(s.stage).toBe('completeness_check');
    expect(s.legality.round).toBe(1);
    expect(s.legality.pauses).toEqual([{ from: at('2025-03-04'), to: at('2025-03-06') }]);
    const after = deadlines(s, config, cal).find((d) => d.key === 'legality_review_time_limit');
    // 2 working days given back (Wed 5th, Thu 6th) → Wed 2025-03-26.
    expect(after?.dueAt).toBe('2025-03-26T15:59:59.999Z');
    expect(after?.remindAt).toBe('2025-03-24T16:00:00.000Z'); // start of Tue 25th: 2 working days left
  });

  it('MATERIALS_INCOMPLETE from the legality review also stops the clock and returns through the completeness check', () => {
    let s = atLegality();
    s = concludeLegality(s, { outcome: 'MATERIALS_INCOMPLETE', text: '缺听证笔录', missing: ['听证笔录'] }, at('2025-03-05'));
    expect(s.stage).toBe('supplementing');
    expect(s.legality.supplementRequests).toEqual([{ at: at('2025-03-05'), by: 'lu1', missing: ['听证笔录'], note: '缺听证笔录' }]);
    expect(s.legality.pauses).toEqual([{ from: at('2025-03-05') }]);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, at('2025-03-07'));
    expect(s.stage).toBe('completeness_check');
    expect(s.legality.pauses[0]?.to).toBe(at('2025-03-07'));
  });

  it('a new version while supplementing an ECON matter goes through the fair-competition review, and the clock stays stopped meanwhile', () => {
    let s = atCompleteness(['ECON']);
    s = apply(s, { type: 'return_for_supplement', missing: ['依据'], note: '补' }, people.legal, at('2025-03-04'));
    s = apply(s, { type: 'submit_version', versionHash: 'b'.repeat(64), versionNumber: 2 }, people.drafter, at('2025-03-05'));
    s = apply(s, { type: 'submit_for_review' }, people.drafter, at('2025-03-05'));
    expect(s.stage).toBe('fair_competition_review');
    expect(s.legality.pauses).toEqual([{ from: at('2025-03-04') }]);
    s = doFcr(s, at('2025-03-07'));
    expect(s.stage).toBe('completeness_check');
    expect(s.legality.round).toBe(1);
    expect(s.legality.pauses).toEqual([{ from: at('2025-03-04'), to: at('2025-03-07') }]);
  });
});

describe('other legality outcomes', () => {
  it('RETURN_TO_COMPLETE_PROCEDURE sends the matter to research with what is missing', () => {
    let s = atLegality();
    s = concludeLegality(s, { outcome: 'RETURN_TO_COMPLETE_PROCEDURE', text: '未听证', missing: ['听证'] }, at('2025-03-05'));
    expect(s.stage).toBe('research');
    expect(s.returns[0]?.reason).toContain('听证');
    expect(s.legality.conclusion).toBeNull();
    expect(s.legality.history[0]?.outcome).toBe('RETURN_TO_COMPLETE_PROCEDURE');
  });

  it('NEED_PRIOR_APPROVAL: clock stopped while the approval is sought; granted → back to the legal unit', () => {
    let s = atLegality();
    s = concludeLegality(s, { outcome: 'NEED_PRIOR_APPROVAL', text: '需报市文旅局批准', approvalAuthority: '市文化和旅游局' }, at('2025-03-05'));
    expect(s.stage).toBe('prior_approval');
    expect(s.legality.pauses).toEqual([{ from: at('2025-03-05') }]);
    s = apply(s, { type: 'record_prior_approval', granted: true, authority: '市文化和旅游局', reference: '市文旅函〔2025〕9号' }, people.drafter, at('2025-03-10'));
    expect(s.stage).toBe('legality_review');
    expect(s.legality.pauses[0]?.to).toBe(at('2025-03-10'));
    s = doLegality(s, at('2025-03-11'));
    expect(s.stage).toBe('awaiting_meeting');
  });

  it('NEED_PRIOR_APPROVAL refused → not issued', () => {
    let s = atLegality();
    s = concludeLegality(s, { outcome: 'NEED_PRIOR_APPROVAL', text: '需批准', approvalAuthority: '市文旅局' }, day);
    s = apply(s, { type: 'record_prior_approval', granted: false, authority: '市文旅局', reference: '不予批准函' }, people.drafter, at('2025-03-10'));
    expect(s.stage).toBe('not_issued');
  });
});

describe('LAWFUL_WITH_AMENDMENTS', () => {
  function toAmending(flags: Parameters<typeof register>[1] = []): MatterState {
    let s = atLegality(flags);
    s = apply(s, { type: 'assign_lawyer', lawyerId: 'law1' }, people.legal, day);
    s = apply(
      s,
      { type: 'submit_lawyer_opinion', versionHash: currentHashOf(s), outcome: 'LAWFUL_WITH_AMENDMENTS', text: '第五条需修改', checklist: fullChecklist() },
      people.lawyer,
      day,
    );
    return apply(
      s,
      {
        type: 'record_legality_conclusion',
        versionHash: currentHashOf(s),
        outcome: 'LAWFUL_WITH_AMENDMENTS',
        text: '修改后合法',
        checklist: fullChecklist(),
        amendments: [{ clause: '第五条', change: '删除“须经备案”' }],
      },
      people.legal,
      at('2025-03-05'),
    );
  }

  it('amending → new version → lawyer re-signs → legal unit confirms → awaiting the meeting', () => {
    let s = toAmending();
    expect(s.stage).toBe('amending');
    expect(s.legality.pauses).toEqual([{ from: at('2025-03-05') }]);
    expect(refused(attempt(s, { type: 'submit_for_review' }, people.drafter, at('2025-03-06'))).code).toBe('AMENDED_VERSION_MISSING');
    s = apply(s, { type: 'submit_version', versionHash: 'b'.repeat(64), versionNumber: 2 }, people.drafter, at('2025-03-06'));
    // The conclusion survives (the new text answers it); the lawyer's sign-off is void.
    expect(s.legality.conclusion?.outcome).toBe('LAWFUL_WITH_AMENDMENTS');
    expect(s.legality.opinions[0]).toMatchObject({ void: true, versionHash: 'a'.repeat(63) + '1', voidedByVersion: 2 });
    s = apply(s, { type: 'submit_for_review' }, people.drafter, at('2025-03-06'));
    expect(s.stage).toBe('legality_review');
    expect(s.legality.pauses[0]?.to).toBe(at('2025-03-06'));
    const noSignature = refused(attempt(s, { type: 'confirm_amendments', versionHash: 'b'.repeat(64) }, people.legal, at('2025-03-06')));
    expect(noSignature).toMatchObject({ status: 422, code: 'LAWYER_OPINION_MISSING' });
    expect(refused(attempt(s, { type: 'confirm_amendments', versionHash: currentHashOf(register('major_decision')) }, people.legal, at('2025-03-06'))).code).toBe('STALE_VERSION');
    s = apply(s, { type: 'submit_lawyer_opinion', versionHash: 'b'.repeat(64), outcome: 'LAWFUL', text: '已修改', checklist: fullChecklist() }, people.lawyer, at('2025-03-07'));
    s = apply(s, { type: 'confirm_amendments', versionHash: 'b'.repeat(64) }, people.legal, at('2025-03-07'));
    expect(s.stage).toBe('awaiting_meeting');
    expect(s.legality.amendmentsApplied).toMatchObject({ versionHash: 'b'.repeat(64), confirmedBy: 'lu1' });
    // The gate is open: 7 working days from 3 March plus 1 working day stopped (5th→6th) ends Thu 13 March.
    expect(refused(attempt(s, { type: 'schedule_meeting', meetingAt: at('2025-03-13', '15:00'), body: 'director_office_meeting' }, people.secretary, at('2025-03-07'))).code).toBe('LEGALITY_MIN_TIME');
    s = apply(s, { type: 'schedule_meeting', meetingAt: at('2025-03-14', '15:00'), body: 'director_office_meeting' }, people.secretary, at('2025-03-07'));
    expect(s.stage).toBe('meeting_scheduled');
  });

  it('the conclusion needs amendments listed clause by clause', () => {
    let s = atLegality();
    s = apply(s, { type: 'assign_lawyer', lawyerId: 'law1' }, people.legal, day);
    s = apply(s, { type: 'submit_lawyer_opinion', versionHash: currentHashOf(s), outcome: 'LAWFUL', text: 'ok', checklist: fullChecklist() }, people.lawyer, day);
    const r = refused(attempt(s, { type: 'record_legality_conclusion', versionHash: currentHashOf(s), outcome: 'LAWFUL_WITH_AMENDMENTS', checklist: fullChecklist(), text: 'x', amendments: [] }, people.legal, day));
    expect(r).toMatchObject({ status: 422, code: 'AMENDMENTS_MISSING' });
  });

  it('confirm_amendments without such a conclusion is a conflict', () => {
    const s = atLegality();
    expect(refused(attempt(s, { type: 'confirm_amendments', versionHash: currentHashOf(s) }, people.legal, day))).toMatchObject({ status: 409, code: 'NOT_AMENDMENT_ROUND' });
  });

  it('for an ECON matter the amended text goes through the fair-competition review first, then back to the legal unit', () => {
    let s = toAmending(['ECON']);
    s = apply(s, { type: 'submit_version', versionHash: 'b'.repeat(64), versionNumber: 2 }, people.drafter, at('2025-03-06'));
    expect(s.fairCompetition.conclusion).toBeUndefined();
    expect(s.fairCompetition.history[0]).toMatchObject({ conclusion: 'no_restrictive_effect', supersededAt: at('2025-03-06') });
    s = apply(s, { type: 'submit_for_review' }, people.drafter, at('2025-03-06'));
    expect(s.stage).toBe('fair_competition_review');
    s = doFcr(s, at('2025-03-07'));
    expect(s.stage).toBe('legality_review');
  });
});

describe('meeting loops', () => {
  const schedule = (s: MatterState, date = '2025-03-20'): MatterState =>
    apply(s, { type: 'schedule_meeting', meetingAt: at(date, '15:00'), body: 'director_office_meeting', meetingRef: '局长办公会2025-5' }, people.secretary, at('2025-03-14'));

  it('defer → awaiting the meeting → rescheduled → approved', () => {
    let s = schedule(toAwaitingMeeting('major_decision', []));
    const deferViews = meetingRecord().views.map((v) => ({ ...v, view: 'defer' as const }));
    s = apply(s, { type: 'record_meeting', record: meetingRecord({ views: deferViews, outcome: 'defer' }) }, people.secretary, at('2025-03-20', '18:00'));
    expect(s.stage).toBe('awaiting_meeting');
    expect(s.meeting.scheduled).toBeNull();
    expect(s.meeting.records).toHaveLength(1);
    s = apply(s, { type: 'schedule_meeting', meetingAt: at('2025-03-27', '15:00'), body: 'director_office_meeting' }, people.secretary, at('2025-03-21'));
    s = apply(s, { type: 'schedule_meeting', meetingAt: at('2025-03-28', '15:00'), body: 'director_office_meeting' }, people.secretary, at('2025-03-21'));
    expect(s.meeting.scheduled?.meetingAt).toBe(at('2025-03-28', '15:00'));
    s = apply(s, { type: 'record_meeting', record: meetingRecord() }, people.secretary, at('2025-03-28', '18:00'));
    expect(s.stage).toBe('post_decision');
    expect(s.decision?.decidedAt).toBe(at('2025-03-28', '15:00'));
  });

  it('return → research (round ended); reject → rejected', () => {
    const base = schedule(toAwaitingMeeting('major_decision', []));
    const returnViews = meetingRecord().views.map((v) => ({ ...v, view: 'return' as const, comment: '需进一步论证' }));
    const returned = apply(base, { type: 'record_meeting', record: meetingRecord({ views: returnViews, outcome: 'return' }) }, people.secretary, at('2025-03-20', '18:00'));
    expect(returned.stage).toBe('research');
    expect(returned.legality.startedAt).toBeNull();
    expect(returned.returns[0]).toMatchObject({ from: 'meeting_scheduled' });
    const rejectViews = meetingRecord().views.map((v) => ({ ...v, view: 'reject' as const, comment: '不必要' }));
    const rejected = apply(base, { type: 'record_meeting', record: meetingRecord({ views: rejectViews, outcome: 'reject' }) }, people.secretary, at('2025-03-20', '18:00'));
    expect(rejected.stage).toBe('rejected');
    expect(rejected.closure).toMatchObject({ stage: 'meeting_scheduled', by: 'sec1' });
  });
});

describe('withdrawal', () => {
  it('the drafter can withdraw at any non-terminal stage, with a reason', () => {
    const stages: MatterState[] = [
      register('major_decision', [], day),
      atCompleteness(),
      atLegality(),
      toAwaitingMeeting('major_decision', []),
    ];
    for (const s of stages) {
      expect(refused(attempt(s, { type: 'withdraw', reason: ' ' }, people.drafter, day)).code).toBe('INVALID_INPUT');
      const w = apply(s, { type: 'withdraw', reason: '政策调整' }, people.drafter2, at('2025-03-10'));
      expect(w.stage).toBe('withdrawn');
      expect(w.closure).toEqual({ stage: s.stage, by: 'd2', at: at('2025-03-10'), reason: '政策调整' });
    }
  });

  it('withdrawal closes an open clock stop', () => {
    let s = apply(atCompleteness(), { type: 'return_for_supplement', missing: ['x'], note: 'y' }, people.legal, at('2025-03-04'));
    s = apply(s, { type: 'withdraw', reason: '不再推进' }, people.drafter, at('2025-03-05'));
    expect(s.legality.pauses).toEqual([{ from: at('2025-03-04'), to: at('2025-03-05') }]);
  });
});
