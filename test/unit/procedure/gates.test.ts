import { applyPrescreen, decide, fcrGate, legalityGate, type Command, type MatterState } from '../../../domain/procedure';
import { apply, at, attempt, cal, config, currentHashOf, doResearch, fullChecklist, meetingRecord, people, refused, register, toAwaitingMeeting, fcrReview } from './fixtures';

const day = at('2025-03-03');
const schedule = (date: string, time = '15:00'): Command => ({ type: 'schedule_meeting', meetingAt: at(date, time), body: 'director_office_meeting' });

function atLegality(kind: Parameters<typeof register>[0] = 'major_decision', flags: Parameters<typeof register>[1] = []): MatterState {
  let s = doResearch(register(kind, flags, day), day);
  s = apply(s, { type: 'submit_for_review' }, people.drafter, day);
  return apply(s, { type: 'accept_materials' }, people.legal, day);
}

describe('materials gate before the legality review (713号令第26条)', () => {
  it('lists exactly what is missing for the kind and flags', () => {
    let s = register('major_decision', ['PUBLIC', 'TECH', 'RISK'], day);
    s = apply(s, { type: 'record_research_item', item: { kind: 'drafting_explanation', documentId: 'e', summary: 's' } }, people.drafter, day);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, day);
    const r = refused(attempt(s, { type: 'accept_materials' }, people.legal, day));
    expect(r.status).toBe(422);
    expect(r.code).toBe('MATERIALS_INCOMPLETE');
    for (const key of ['legal_bases', 'procedure_statement', 'internal_consultation', 'public_comment', 'comment_adoption', 'expert_opinions', 'risk_assessment']) {
      expect(r.reason).toContain(`(${key})`);
    }
    expect(r.reason).not.toContain('(drafting_explanation)');
    expect(r.reason).not.toContain('(fcr_conclusion)');
    expect(r.reason).toContain('713号令第26条');
  });

  it('an ECON matter needs the fair-competition conclusion on file (also via the flags being changed)', () => {
    let s = doResearch(register('normative_document', [], day), day);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, day);
    expect(s.stage).toBe('completeness_check');
    // Re-checking the flags at the gate: ECON added → back to research because the review is missing.
    s = apply(s, { type: 'set_flags', flags: ['ECON'], reason: '涉及经营者补贴' }, people.legal, day);
    expect(s.stage).toBe('research');
    expect(s.returns[0]?.reason).toContain('fcr_conclusion');
    s = apply(s, { type: 'submit_for_review' }, people.drafter, day);
    expect(s.stage).toBe('fair_competition_review');
  });
});

describe('legality conclusion preconditions (713号令第28条)', () => {
  it('needs an assigned lawyer and their opinion on the current version', () => {
    let s = atLegality();
    const lawful: Command = { type: 'record_legality_conclusion', versionHash: currentHashOf(s), outcome: 'LAWFUL', checklist: fullChecklist(), text: '合法' };
    expect(refused(attempt(s, lawful, people.legal, day)).code).toBe('LAWYER_NOT_ASSIGNED');
    s = apply(s, { type: 'assign_lawyer', lawyerId: 'law1' }, people.legal, day);
    expect(refused(attempt(s, lawful, people.legal, day)).code).toBe('LAWYER_OPINION_MISSING');
    // Procedural outcomes need not wait for the lawyer.
    const incomplete = apply(s, { type: 'record_legality_conclusion', versionHash: currentHashOf(s), outcome: 'MATERIALS_INCOMPLETE', text: '缺材料', missing: ['x'] }, people.legal, day);
    expect(incomplete.stage).toBe('supplementing');
  });

  it('a LAWFUL conclusion is refused while the lawyer finds the text UNLAWFUL', () => {
    let s = atLegality();
    s = apply(s, { type: 'assign_lawyer', lawyerId: 'law1' }, people.legal, day);
    s = apply(s, { type: 'submit_lawyer_opinion', versionHash: currentHashOf(s), outcome: 'UNLAWFUL', text: '违法', checklist: fullChecklist() }, people.lawyer, day);
    for (const outcome of ['LAWFUL', 'LAWFUL_WITH_AMENDMENTS'] as const) {
      const r = refused(
        attempt(s, { type: 'record_legality_conclusion', versionHash: currentHashOf(s), outcome, checklist: fullChecklist(), text: 'x', amendments: [{ clause: '1', change: '2' }] }, people.legal, day),
      );
      expect(r).toMatchObject({ status: 422, code: 'LAWYER_OPINION_UNLAWFUL' });
    }
  });

  it('the opinion answers every checklist item, once, with known codes', () => {
    let s = atLegality();
    s = apply(s, { type: 'assign_lawyer', lawyerId: 'law1' }, people.legal, day);
    const base = { type: 'submit_lawyer_opinion' as const, versionHash: currentHashOf(s), outcome: 'LAWFUL' as const, text: 'ok' };
    const missing = refused(attempt(s, { ...base, checklist: fullChecklist().slice(1) }, people.lawyer, day));
    expect(missing.code).toBe('CHECKLIST_INCOMPLETE');
    expect(missing.reason).toContain('LR-S1');
    const unknown = refused(attempt(s, { ...base, checklist: [...fullChecklist(), { code: 'LR-X9' as 'LR-S1', result: 'pass' }] }, people.lawyer, day));
    expect(unknown.reason).toContain('LR-X9');
    const twice = refused(attempt(s, { ...base, checklist: [...fullChecklist(), { code: 'LR-C3', result: 'pass' }] }, people.lawyer, day));
    expect(twice.reason).toContain('LR-C3 twice');
  });

  it('opinions and conclusions bind to the current version (409 otherwise)', () => {
    let s = atLegality();
    s = apply(s, { type: 'assign_lawyer', lawyerId: 'law1' }, people.legal, day);
    const stale = 'f'.repeat(64);
    expect(refused(attempt(s, { type: 'submit_lawyer_opinion', versionHash: stale, outcome: 'LAWFUL', text: 'x', checklist: fullChecklist() }, people.lawyer, day))).toMatchObject({ status: 409, code: 'STALE_VERSION' });
    expect(refused(attempt(s, { type: 'record_legality_conclusion', versionHash: stale, outcome: 'LAWFUL', checklist: fullChecklist(), text: 'x' }, people.legal, day))).toMatchObject({ status: 409, code: 'STALE_VERSION' });
  });
});

describe('meeting gates', () => {
  it('minimum legality review time: 7 working days for a major decision (713号令第26条)', () => {
    const s = toAwaitingMeeting('major_decision', []); // submitted Mon 2025-03-03
    const r = refused(attempt(s, schedule('2025-03-12'), people.secretary, at('2025-03-04')));
    expect(r).toMatchObject({ status: 422, code: 'LEGALITY_MIN_TIME' });
    expect(r.reason).toContain('713号令第26条');
    expect(r.reason).toContain('2025-03-12T15:59:59.999Z');
    expect(apply(s, schedule('2025-03-13', '09:00'), people.secretary, at('2025-03-04')).stage).toBe('meeting_scheduled');
  });

  it('minimum time is per kind: 5 working days for a normative document by default, and configurable', () => {
    const s = toAwaitingMeeting('normative_document', []);
    expect(refused(attempt(s, schedule('2025-03-10'), people.secretary, day)).code).toBe('LEGALITY_MIN_TIME');
    expect(apply(s, schedule('2025-03-11'), people.secretary, day).stage).toBe('meeting_scheduled');
    const strict = { ...config, kinds: { ...config.kinds, normative_document: { ...config.kinds.normative_document, legalityReviewMinimum: { amount: 10, unit: 'working_days' as const } } } };
    expect(refused(attempt(s, schedule('2025-03-14'), people.secretary, day, strict)).code).toBe('LEGALITY_MIN_TIME');
  });

  it('the minimum is counted across holidays (2025 清明: Fri 4 April off)', () => {
    const s = toAwaitingMeeting('major_decision', [], '2025-03-31'); // Mon; 7 wd: Apr 1,2,3,7,8,9,10
    expect(refused(attempt(s, schedule('2025-04-10'), people.secretary, at('2025-03-31'))).code).toBe('LEGALITY_MIN_TIME');
    expect(apply(s, schedule('2025-04-11'), people.secretary, at('2025-03-31')).stage).toBe('meeting_scheduled');
  });

  it('a meeting cannot be scheduled in the past', () => {
    const s = toAwaitingMeeting('major_decision', []);
    expect(refused(attempt(s, schedule('2025-03-20'), people.secretary, at('2025-03-21'))).code).toBe('MEETING_DATE_PAST');
  });

  it('LEGALITY_GATE: conclusion on an older version, or amendments not confirmed', () => {
    const s = toAwaitingMeeting('major_decision', []);
    const older: MatterState = { ...s, legality: { ...s.legality, conclusion: { ...s.legality.conclusion!, versionHash: 'e'.repeat(64) } } };
    const r = refused(attempt(older, schedule('2025-03-20'), people.secretary, day));
    expect(r).toMatchObject({ status: 422, code: 'LEGALITY_GATE' });
    expect(r.reason).toContain('713号令第25条');
    expect(r.reason).toContain('earlier version');
    const lwa: MatterState = { ...s, legality: { ...s.legality, conclusion: { ...s.legality.conclusion!, outcome: 'LAWFUL_WITH_AMENDMENTS' }, amendmentsApplied: null } };
    expect(legalityGate(lwa)?.reason).toContain('amendments not confirmed');
    const none: MatterState = { ...s, legality: { ...s.legality, conclusion: null } };
    expect(legalityGate(none)?.code).toBe('LEGALITY_GATE');
    expect(legalityGate(s)).toBeNull();
  });

  it('lawyer gate: a void sign-off does not count; an UNLAWFUL opinion blocks', () => {
    const s = toAwaitingMeeting('major_decision', []);
    const voided: MatterState = { ...s, legality: { ...s.legality, opinions: s.legality.opinions.map((o) => ({ ...o, void: true })) } };
    expect(refused(attempt(voided, schedule('2025-03-20'), people.secretary, day)).code).toBe('LAWYER_OPINION_MISSING');
    const unlawful: MatterState = { ...s, legality: { ...s.legality, opinions: s.legality.opinions.map((o) => ({ ...o, outcome: 'UNLAWFUL' as const })) } };
    expect(refused(attempt(unlawful, schedule('2025-03-20'), people.secretary, day)).code).toBe('LAWYER_OPINION_UNLAWFUL');
  });

  it('FCR_GATE: an ECON matter cannot go to the meeting or be signed without a clearing conclusion on the current version', () => {
    const s = toAwaitingMeeting('normative_document', ['ECON']);
    expect(fcrGate(s)).toBeNull();
    const noConclusion: MatterState = { ...s, fairCompetition: { ...s.fairCompetition, conclusion: undefined as never } };
    const r = refused(attempt(noConclusion, schedule('2025-03-20'), people.secretary, day));
    expect(r).toMatchObject({ status: 422, code: 'FCR_GATE' });
    expect(r.reason).toContain('公平竞争审查条例第17条、第18条');
    const breach: MatterState = { ...s, fairCompetition: { ...s.fairCompetition, conclusion: 'breach_must_revise' } };
    expect(fcrGate(breach)?.reason).toContain('breach_must_revise');
    const oldVersion: MatterState = { ...s, fairCompetition: { ...s.fairCompetition, conclusionVersionHash: 'e'.repeat(64) } };
    expect(fcrGate(oldVersion)?.reason).toContain('earlier version');
    // At signing too (公平竞争审查条例第18条: must not be issued).
    let decided = apply(s, schedule('2025-03-20'), people.secretary, day);
    decided = apply(decided, { type: 'record_meeting', record: meetingRecord() }, people.secretary, at('2025-03-20', '18:00'));
    const unsigned: MatterState = { ...decided, fairCompetition: { ...decided.fairCompetition, conclusion: 'breach_must_revise' } };
    expect(refused(attempt(unsigned, { type: 'sign_and_number', versionHash: currentHashOf(s), documentNumber: 'n', signedBy: 'h' }, people.secretary, at('2025-03-21'))).code).toBe('FCR_GATE');
  });

  it('the fair-competition conclusion is refused while findings are unanswered; nobody sets the count by hand', () => {
    let s = doResearch(register('normative_document', ['ECON'], day), day);
    s = applyPrescreen(s, { versionHash: currentHashOf(s), ruleSetVersion: fcrReview('no_restrictive_effect').ruleSetVersion, findings: [{ id: 'f1', code: 'FCR-A1' }, { id: 'f2', code: 'FCR-B3' }], at: day });
    s = apply(s, { type: 'assign_fcr_reviewer', reviewerId: 'fcr1' }, people.legal, day);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, day);
    const conclude: Command = { type: 'record_fcr_conclusion', conclusion: 'exception_justified', versionHash: currentHashOf(s), documentId: 'fcr-doc', summary: '符合第12条例外', review: fcrReview('exception_justified') };
    const r = refused(attempt(s, conclude, people.fcr, day));
    expect(r).toMatchObject({ status: 422, code: 'FCR_FINDINGS_OPEN' });
    expect(r.reason).toContain('2 open');
    // set_fcr_findings is retired: refused, and it changes nothing.
    const zero = refused(attempt(s, { type: 'set_fcr_findings', openFindings: 0 }, people.fcr, day));
    expect(zero).toMatchObject({ status: 409, code: 'FCR_FINDINGS_NOT_SETTABLE' });
    expect(zero.reason).toContain('非法定');
    expect(refused(attempt(s, conclude, people.fcr, day)).code).toBe('FCR_FINDINGS_OPEN');
    s = apply(s, { type: 'answer_fcr_finding', findingId: 'f1', verdict: 'dismissed', reason: '引用法律规定' }, people.fcr, day);
    s = apply(s, { type: 'answer_fcr_finding', findingId: 'f2', verdict: 'dismissed', reason: '面向所有经营者' }, people.fcr, day);
    s = apply(s, conclude, people.fcr, day);
    expect(s.fairCompetition).toMatchObject({ conclusion: 'exception_justified', openFindings: 0, documentId: 'fcr-doc', concludedBy: 'fcr1' });
  });

  it('runs started before the findings were bound to the text keep the count set by hand (replay)', () => {
    const legacy = (st: MatterState, command: Command) => decide(st, command, { actor: people.fcr, now: day, config, calendar: cal, legacy: { fcrOpenCountByHand: true } });
    let s = doResearch(register('normative_document', ['ECON'], day), day);
    s = apply(s, { type: 'assign_fcr_reviewer', reviewerId: 'fcr1' }, people.legal, day);
    const two = legacy(s, { type: 'set_fcr_findings', openFindings: 2, documentId: 'fcr-doc' });
    if (!two.ok) throw new Error(two.reason);
    s = apply(two.state, { type: 'submit_for_review' }, people.drafter, day);
    const conclude: Command = { type: 'record_fcr_conclusion', conclusion: 'exception_justified', versionHash: currentHashOf(s), documentId: 'fcr-doc', summary: '符合第12条例外', review: fcrReview('exception_justified') };
    expect(refused(legacy(s, conclude)).reason).toContain('2 open');
    const zero = legacy(s, { type: 'set_fcr_findings', openFindings: 0 });
    if (!zero.ok) throw new Error(zero.reason);
    expect(legacy(zero.state, conclude).ok).toBe(true);
    expect(refused(legacy(s, { type: 'set_fcr_findings', openFindings: -1 })).code).toBe('INVALID_INPUT');
  });

  it('the meeting pack must be complete (713号令第29条), e.g. when the risk flag was added after the review', () => {
    const s = toAwaitingMeeting('major_decision', []);
    const withRisk: MatterState = { ...s, flags: ['RISK'] };
    const r = refused(attempt(withRisk, schedule('2025-03-20'), people.secretary, day));
    expect(r.code).toBe('MATERIALS_INCOMPLETE');
    expect(r.reason).toContain('risk_assessment');
  });

  it('a year without holiday data is refused loudly, not guessed', () => {
    const s = toAwaitingMeeting('major_decision', [], '2026-12-28');
    const r = refused(attempt(s, schedule('2027-01-20'), people.secretary, at('2026-12-29')));
    expect(r).toMatchObject({ status: 422, code: 'CALENDAR_YEAR_MISSING' });
    expect(r.reason).toContain('2027');
  });
});
