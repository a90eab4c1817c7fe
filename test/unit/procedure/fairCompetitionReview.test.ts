import { applyPrescreen, type MatterState } from '../../../domain/procedure';
import { apply, at, attempt, currentHashOf, doResearch, fcrReview, people, refused, register } from './fixtures';

const now = at('2025-03-03');

function atFcrWithFindings(): MatterState {
  let s = doResearch(register('normative_document', ['ECON'], now), now);
  s = applyPrescreen(s, { versionHash: currentHashOf(s), ruleSetVersion: fcrReview('no_restrictive_effect').ruleSetVersion, findings: [{ id: 'f1', code: 'FCR-B3' }, { id: 'f2', code: 'FCR-A3' }], at: now });
  s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
  return apply(s, { type: 'assign_fcr_reviewer', reviewerId: people.fcr.userId }, people.legal, now);
}

const conclude = (s: MatterState, conclusion: 'no_restrictive_effect' | 'exception_justified' | 'breach_must_revise', review = fcrReview(conclusion)) =>
  attempt(s, { type: 'record_fcr_conclusion', conclusion, versionHash: currentHashOf(s), documentId: 'doc', summary: 's', review }, people.fcr, now);

describe('fair-competition review record', () => {
  test('pre-screen findings must each be answered before a conclusion; a dismissal needs a reason', () => {
    let s = atFcrWithFindings();
    expect(s.stage).toBe('fair_competition_review');
    expect(s.fairCompetition.openFindings).toBe(2);
    expect(refused(conclude(s, 'no_restrictive_effect')).code).toBe('FCR_FINDINGS_OPEN');
    expect(refused(attempt(s, { type: 'answer_fcr_finding', findingId: 'f1', verdict: 'dismissed' }, people.fcr, now)).code).toBe('FCR_DISMISSAL_REASON_MISSING');
    expect(refused(attempt(s, { type: 'answer_fcr_finding', findingId: 'nope', verdict: 'confirmed' }, people.fcr, now)).code).toBe('INVALID_INPUT');
    expect(refused(attempt(s, { type: 'answer_fcr_finding', findingId: 'f1', verdict: 'confirmed' }, people.drafter, now)).status).toBe(403);
    s = apply(s, { type: 'answer_fcr_finding', findingId: 'f1', verdict: 'dismissed', reason: '引用的法律本身要求该审批' }, people.fcr, now);
    s = apply(s, { type: 'answer_fcr_finding', findingId: 'f2', verdict: 'confirmed', reason: '限定入围企业' }, people.fcr, now);
    expect(s.fairCompetition.openFindings).toBe(0);
    expect(s.fairCompetition.findings?.find((f) => f.id === 'f1')).toMatchObject({ status: 'dismissed', answeredBy: people.fcr.userId });
    // A confirmed finding cannot end in "no restrictive effect".
    expect(refused(conclude(s, 'no_restrictive_effect')).code).toBe('FCR_REVIEW_INCOMPLETE');
    const breach = conclude(s, 'breach_must_revise');
    expect(breach.ok && breach.state.stage).toBe('research');
  });

  test('every standard answered, parties heard or a reason, an exception with all three conditions', () => {
    let s = atFcrWithFindings();
    s = apply(s, { type: 'answer_fcr_finding', findingId: 'f1', verdict: 'dismissed', reason: 'x' }, people.fcr, now);
    s = apply(s, { type: 'answer_fcr_finding', findingId: 'f2', verdict: 'dismissed', reason: 'y' }, people.fcr, now);
    const full = fcrReview('no_restrictive_effect');
    expect(refused(conclude(s, 'no_restrictive_effect', { ...full, standards: full.standards.slice(1) })).reason).toContain('standards not answered: FCR-A1');
    expect(refused(conclude(s, 'no_restrictive_effect', { ...full, consultations: [] })).reason).toContain('第16条');
    // 第16条 says 应当: no waiver, whatever the reason given.
    const waived = refused(conclude(s, 'no_restrictive_effect', { ...full, consultations: [], consultationWaivedReason: '不涉及特定经营者' }));
    expect(waived.code).toBe('FCR_REVIEW_INCOMPLETE');
    expect(waived.reason).toContain('no waiver');
    expect(refused(conclude(s, 'no_restrictive_effect', { ...full, ruleSetVersion: '1999-01-01' })).reason).toContain('unknown rule set');
    const exception = fcrReview('exception_justified');
    expect(refused(conclude(s, 'exception_justified', { ...exception, exception: { ...exception.exception!, periodOrEndCondition: ' ' } })).code).toBe('FCR_REVIEW_INCOMPLETE');
    const ok = conclude(s, 'exception_justified', exception);
    expect(ok.ok && ok.state.fairCompetition.review?.exception?.ground).toBe('E3');
    expect(ok.ok && ok.state.stage).toBe('completeness_check');
  });

  test('a new version: the old findings stay on record but no longer count; the new version is screened afresh', () => {
    let s = atFcrWithFindings();
    s = apply(s, { type: 'return_for_revision', reason: '修改' }, people.fcr, now);
    s = apply(s, { type: 'submit_version', versionHash: 'b'.repeat(64), versionNumber: 2 }, people.drafter, now);
    s = applyPrescreen(s, { versionHash: 'b'.repeat(64), ruleSetVersion: fcrReview('no_restrictive_effect').ruleSetVersion, findings: [], at: now });
    expect(s.fairCompetition.findings).toHaveLength(2);
    expect(s.fairCompetition.openFindings).toBe(0);
    expect(s.fairCompetition.prescreens?.map((p) => p.findings)).toEqual([2, 0]);
  });
});
