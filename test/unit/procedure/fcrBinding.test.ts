/**
 * Issue 8 item 3, issue 9 items 4–5: fair-competition findings stay bound to the text. These tests try to
 * get around the rule: zero the count, conclude with findings open on the current version, skip hearing the
 * operators, or take the matter out of the review by clearing ECON.
 */
import { applyPrescreen, decide, matterWarnings, mayNeedFcr, type Command, type DecisionContext, type FcrReviewRecord, type MatterState } from '../../../domain/procedure';
import { apply, at, attempt, cal, config, currentHashOf, doResearch, fcrReview, people, refused, register } from './fixtures';

const now = at('2025-03-03');
const later = at('2025-03-04');
const RULESET = fcrReview('no_restrictive_effect').ruleSetVersion;

const screen = (s: MatterState, findings: Array<{ id: string; code: string }>, when = now) =>
  applyPrescreen(s, { versionHash: currentHashOf(s), ruleSetVersion: RULESET, findings, at: when });

function atReview(findings = [{ id: 'f1', code: 'FCR-A1' }]): MatterState {
  let s = screen(doResearch(register('normative_document', ['ECON'], now), now), findings);
  s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
  return apply(s, { type: 'assign_fcr_reviewer', reviewerId: people.fcr.userId }, people.legal, now);
}

const conclusion = (s: MatterState, review: FcrReviewRecord = fcrReview('no_restrictive_effect')): Command => ({
  type: 'record_fcr_conclusion', conclusion: 'no_restrictive_effect', versionHash: currentHashOf(s), documentId: 'doc', summary: 's', review,
});

describe('the open findings are the current version\'s pre-screen findings not yet answered', () => {
  test('set_fcr_findings can neither zero nor raise the count, and leaves the state as it was', () => {
    const s = atReview([{ id: 'f1', code: 'FCR-A1' }, { id: 'f2', code: 'FCR-B3' }]);
    for (const openFindings of [0, 5]) {
      const r = refused(attempt(s, { type: 'set_fcr_findings', openFindings }, people.fcr, now));
      expect(r).toMatchObject({ status: 409, code: 'FCR_FINDINGS_NOT_SETTABLE' });
    }
    expect(refused(attempt(s, conclusion(s), people.fcr, now))).toMatchObject({ code: 'FCR_FINDINGS_OPEN' });
  });

  test('a stale count in the state does not open the gate: the conclusion recounts the findings', () => {
    const s = atReview();
    const forged: MatterState = { ...s, fairCompetition: { ...s.fairCompetition, openFindings: 0 } };
    const r = refused(attempt(forged, conclusion(forged), people.fcr, now));
    expect(r.code).toBe('FCR_FINDINGS_OPEN');
    expect(r.reason).toContain('公平竞争审查条例第17条');
  });

  test('answers given on an earlier version do not count for the current one', () => {
    let s = atReview();
    s = apply(s, { type: 'answer_fcr_finding', findingId: 'f1', verdict: 'dismissed', reason: '依法设定' }, people.fcr, now);
    s = apply(s, { type: 'return_for_revision', reason: '修改' }, people.fcr, now);
    s = apply(s, { type: 'submit_version', versionHash: 'c'.repeat(64), versionNumber: 2 }, people.drafter, now);
    s = screen(s, [{ id: 'f9', code: 'FCR-A1' }]);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
    expect(s.stage).toBe('fair_competition_review');
    expect(refused(attempt(s, conclusion(s), people.fcr, now)).reason).toContain('1 open');
    // The earlier finding stays on record, answered.
    expect(s.fairCompetition.findings?.find((f) => f.id === 'f1')).toMatchObject({ status: 'dismissed' });
    expect(refused(attempt(s, { type: 'answer_fcr_finding', findingId: 'f1', verdict: 'dismissed', reason: 'x' }, people.fcr, now)).code).toBe('STALE_VERSION');
  });
});

describe('operators and associations are heard (公平竞争审查条例第16条, 应当): no waiver', () => {
  const answered = () => apply(atReview(), { type: 'answer_fcr_finding', findingId: 'f1', verdict: 'dismissed', reason: '依法设定' }, people.fcr, now);
  const full = fcrReview('no_restrictive_effect');

  test('a waiver with a reason is refused', () => {
    const s = answered();
    const r = refused(attempt(s, conclusion(s, { ...full, consultations: [], consultationWaivedReason: '无可识别的经营者' }), people.fcr, now));
    expect(r.code).toBe('FCR_REVIEW_INCOMPLETE');
    expect(r.reason).toContain('第16条');
  });

  test('a waiver beside real consultations is refused too (the field is gone)', () => {
    const s = answered();
    expect(refused(attempt(s, conclusion(s, { ...full, consultationWaivedReason: '部分经营者未听取' }), people.fcr, now)).code).toBe('FCR_REVIEW_INCOMPLETE');
  });

  test('hearing only experts or the public is not hearing the operators', () => {
    const s = answered();
    const r = refused(attempt(s, conclusion(s, { ...full, consultations: [{ party: '刘教授', kind: 'expert', view: '无' }, { party: '市民', kind: 'public', view: '无' }] }), people.fcr, now));
    expect(r.reason).toContain('no operator or trade association heard');
  });

  test('a reason is needed only for the method: operators heard only through an open comment', () => {
    const s = answered();
    const viaComment = { ...full, consultations: [{ party: '区内旅行社', kind: 'operator' as const, view: '无异议', method: 'public_comment' as const }] };
    expect(refused(attempt(s, conclusion(s, viaComment), people.fcr, now)).reason).toContain('method choice');
    expect(attempt(s, conclusion(s, { ...viaComment, methodReason: '受影响经营者众多且不特定，采取公开征求意见' }), people.fcr, now).ok).toBe(true);
    const direct = { ...full, consultations: [{ party: '区旅游行业协会', kind: 'association' as const, view: '无异议', method: 'symposium' as const }] };
    expect(attempt(s, conclusion(s, direct), people.fcr, now).ok).toBe(true);
  });

  test('runs started before keep the waiver (replay)', () => {
    const s = answered();
    const ctx: DecisionContext = { actor: people.fcr, now, config, calendar: cal, legacy: { fcrOpenCountByHand: true } };
    expect(decide(s, conclusion(s, { ...full, consultations: [], consultationWaivedReason: '无可识别的经营者' }), ctx).ok).toBe(true);
  });
});

describe('taking a matter out of the fair-competition review (issue 9 item 5)', () => {
  const dropEcon: Command = { type: 'set_flags', flags: [], reason: '不涉及经营者' };

  test('the drafter cannot clear ECON once the review has started', () => {
    const s = atReview([]);
    const r = refused(attempt(s, dropEcon, people.drafter, now));
    expect(r).toMatchObject({ status: 403, code: 'ECON_REMOVAL_NEEDS_LEGAL_UNIT' });
    expect(r.reason).toContain('公平竞争审查条例第18条');
    expect(r.reason).toContain('practice');
  });

  test('the drafter cannot clear ECON in research when the pre-screen has findings on the current text', () => {
    const s = screen(register('normative_document', ['ECON'], now), [{ id: 'f1', code: 'FCR-A1' }]);
    expect(refused(attempt(s, dropEcon, people.drafter, now)).code).toBe('ECON_REMOVAL_NEEDS_LEGAL_UNIT');
    // Nothing found and no review started: the drafter corrects their own flag freely.
    const clean = screen(register('normative_document', ['ECON'], now), []);
    expect(apply(clean, dropEcon, people.drafter, now).flags).toEqual([]);
  });

  test('the legal unit decides with a reason; the findings stay on record and the decision is kept with its role', () => {
    const s = atReview();
    const after = apply(s, { type: 'set_flags', flags: [], reason: '经核实，措施仅涉及机关内部管理' }, people.legal2, later);
    expect(after.stage).toBe('completeness_check');
    expect(after.fairCompetition.findings).toEqual(s.fairCompetition.findings);
    expect(after.flagChanges.at(-1)).toMatchObject({ from: ['ECON'], to: [], by: people.legal2.userId, role: 'legal_unit', reason: '经核实，措施仅涉及机关内部管理' });
    const d = attempt(s, { type: 'set_flags', flags: [], reason: '经核实' }, people.legal2, later);
    expect(d.ok && d.event.summary).toContain('经核实');
  });

  test('a legal-unit member who drafted the matter or wrote a version of it cannot decide it', () => {
    const both = { ...people.drafter, roles: ['drafter' as const, 'legal_unit' as const] };
    expect(refused(attempt(atReview(), dropEcon, both, now)).code).toBe('ECON_REMOVAL_NEEDS_LEGAL_UNIT');
    const author = { ...people.legal, userId: 'd2', roles: ['drafter' as const, 'legal_unit' as const] };
    let s = screen(register('normative_document', ['ECON'], now), []);
    s = apply(s, { type: 'submit_version', versionHash: 'c'.repeat(64), versionNumber: 2 }, people.drafter2, now);
    s = screen(s, [{ id: 'f2', code: 'FCR-A1' }]);
    expect(refused(attempt(s, dropEcon, author, now)).code).toBe('ECON_REMOVAL_NEEDS_LEGAL_UNIT');
  });

  test('runs started before let the drafter clear it (replay)', () => {
    const s = atReview();
    expect(decide(s, dropEcon, { actor: people.drafter, now, config, calendar: cal, legacy: { econFreelyCleared: true } }).ok).toBe(true);
  });
});

describe('"may need fair-competition review" for a matter without ECON', () => {
  test('findings on the current version of a matter without ECON warn the legal unit', () => {
    const s = screen(register('normative_document', [], now), [{ id: 'f1', code: 'FCR-A1' }]);
    expect(mayNeedFcr(s)).toEqual(['f1']);
    expect(matterWarnings(s)).toEqual([expect.objectContaining({ code: 'may_need_fcr', roles: ['legal_unit'], findingIds: ['f1'] })]);
    expect(matterWarnings(s)[0]!.message).toContain('公平竞争审查条例第18条');
  });

  test('no warning without findings, with ECON, on a kind ECON does not apply to, or once the matter is closed', () => {
    expect(matterWarnings(screen(register('normative_document', [], now), []))).toEqual([]);
    expect(matterWarnings(screen(register('normative_document', ['ECON'], now), [{ id: 'f1', code: 'FCR-A1' }]))).toEqual([]);
    expect(matterWarnings(screen(register('enforcement_review', [], now), [{ id: 'f1', code: 'FCR-A1' }]))).toEqual([]);
    const withdrawn = apply(screen(register('normative_document', [], now), [{ id: 'f1', code: 'FCR-A1' }]), { type: 'withdraw', reason: '撤回' }, people.drafter, now);
    expect(matterWarnings(withdrawn)).toEqual([]);
  });

  test('the legal unit adds ECON: the warning goes and the review and its gates apply', () => {
    let s = screen(doResearch(register('normative_document', [], now), now), [{ id: 'f1', code: 'FCR-A1' }]);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
    expect(s.stage).toBe('completeness_check');
    s = apply(s, { type: 'set_flags', flags: ['ECON'], reason: '预审提示涉及经营者' }, people.legal, later);
    expect(matterWarnings(s)).toEqual([]);
    expect(s.stage).toBe('research'); // the review it now needs comes before the legality review
    s = apply(s, { type: 'submit_for_review' }, people.drafter, later);
    expect(s.stage).toBe('fair_competition_review');
    s = apply(s, { type: 'assign_fcr_reviewer', reviewerId: people.fcr.userId }, people.legal, later);
    expect(refused(attempt(s, conclusion(s), people.fcr, later)).code).toBe('FCR_FINDINGS_OPEN');
  });

  test('the legal unit records that ECON does not apply: the warning goes until a new version is screened', () => {
    let s = screen(register('normative_document', [], now), [{ id: 'f1', code: 'FCR-A1' }]);
    s = apply(s, { type: 'set_flags', flags: [], reason: '经核实不涉及经营者经济活动' }, people.legal, later);
    expect(matterWarnings(s)).toEqual([]);
    // The drafter's own flag change is not the legal unit's decision.
    let t = screen(register('normative_document', [], now), [{ id: 'f1', code: 'FCR-A1' }]);
    t = apply(t, { type: 'set_flags', flags: ['TECH'], reason: '专业性强' }, people.drafter, later);
    expect(mayNeedFcr(t)).toEqual(['f1']);
    s = apply(s, { type: 'submit_version', versionHash: 'c'.repeat(64), versionNumber: 2 }, people.drafter, later);
    s = screen(s, [{ id: 'f5', code: 'FCR-B1' }], at('2025-03-05'));
    expect(mayNeedFcr(s)).toEqual(['f5']);
  });
});
