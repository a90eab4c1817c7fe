/**
 * The legality pre-screen in the procedure: a run's findings join the record, the lawyer answers each
 * (confirmed with an amendment, dismissed with a reason), the opinion waits for every answer on the
 * current text, and the drafter's legal-basis register asks for a new screening.
 */
import {
  applyLegalityPrescreen,
  currentLegalityFindings,
  legalityScreenCurrent,
  openLegalityFindings,
  registerRevision,
  type Command,
  type MatterState,
} from '../../../domain/procedure';
import { apply, at, attempt, currentHashOf, doResearch, fullChecklist, people, refused, register } from './fixtures';

const day = at('2025-03-03');

function atLegalityWithFindings(): MatterState {
  let s = doResearch(register('normative_document', [], day), day);
  s = applyLegalityPrescreen(s, {
    versionHash: currentHashOf(s),
    registerRevision: 0,
    ruleSetVersion: 'LR-2026.1',
    findings: [
      { id: 'M-1:v1:r0:L1', code: 'LR-LICENCE', clause: '第三条' },
      { id: 'M-1:v1:r0:L2', code: 'LR-FEE', clause: '第五条' },
    ],
    at: day,
  });
  s = apply(s, { type: 'submit_for_review' }, people.drafter, day);
  s = apply(s, { type: 'accept_materials' }, people.legal, day);
  return apply(s, { type: 'assign_lawyer', lawyerId: 'law1' }, people.legal, day);
}

const opinion = (s: MatterState): Command => ({ type: 'submit_lawyer_opinion', versionHash: currentHashOf(s), outcome: 'LAWFUL_WITH_AMENDMENTS', text: '修改后合法', checklist: fullChecklist() });

describe('answering legality findings', () => {
  it('the opinion is refused while a finding on the current text is unanswered, and accepted once all are', () => {
    let s = atLegalityWithFindings();
    expect(openLegalityFindings(s)).toBe(2);
    expect(refused(attempt(s, opinion(s), people.lawyer, day))).toMatchObject({ status: 422, code: 'LEGALITY_FINDINGS_OPEN' });
    s = apply(s, { type: 'answer_legality_finding', findingId: 'M-1:v1:r0:L1', verdict: 'confirmed', amendment: '删除第三条的审批要求，改为告知性备案' }, people.lawyer, day);
    expect(refused(attempt(s, opinion(s), people.lawyer, day)).code).toBe('LEGALITY_FINDINGS_OPEN');
    s = apply(s, { type: 'answer_legality_finding', findingId: 'M-1:v1:r0:L2', verdict: 'dismissed', reason: '依据《旅游法》第三十一条收取质量保证金' }, people.lawyer, day);
    expect(openLegalityFindings(s)).toBe(0);
    const after = apply(s, opinion(s), people.lawyer, day);
    expect(after.legality.opinions).toHaveLength(1);
    expect(currentLegalityFindings(after).map((f) => [f.status, f.amendment ?? f.reason])).toEqual([
      ['confirmed', '删除第三条的审批要求，改为告知性备案'],
      ['dismissed', '依据《旅游法》第三十一条收取质量保证金'],
    ]);
  });

  it('confirming needs the amendment, dismissing needs the reason', () => {
    const s = atLegalityWithFindings();
    expect(refused(attempt(s, { type: 'answer_legality_finding', findingId: 'M-1:v1:r0:L1', verdict: 'confirmed' }, people.lawyer, day)).code).toBe('LEGALITY_AMENDMENT_MISSING');
    expect(refused(attempt(s, { type: 'answer_legality_finding', findingId: 'M-1:v1:r0:L1', verdict: 'dismissed' }, people.lawyer, day)).code).toBe('LEGALITY_DISMISSAL_REASON_MISSING');
    expect(refused(attempt(s, { type: 'answer_legality_finding', findingId: 'nope', verdict: 'dismissed', reason: 'r' }, people.lawyer, day)).code).toBe('INVALID_INPUT');
  });

  it('only the lawyer answers, and only during the legality review', () => {
    const s = atLegalityWithFindings();
    const answer: Command = { type: 'answer_legality_finding', findingId: 'M-1:v1:r0:L1', verdict: 'dismissed', reason: 'r' };
    expect(refused(attempt(s, answer, people.legal, day)).status).toBe(403);
    expect(refused(attempt(s, answer, people.drafter, day)).status).toBe(403);
    // Once the legal unit has concluded, the review of this text is over.
    let later = apply(s, { type: 'answer_legality_finding', findingId: 'M-1:v1:r0:L1', verdict: 'confirmed', amendment: '删除审批' }, people.lawyer, day);
    later = apply(later, { type: 'answer_legality_finding', findingId: 'M-1:v1:r0:L2', verdict: 'confirmed', amendment: '删除收费' }, people.lawyer, day);
    later = apply(later, opinion(later), people.lawyer, day);
    later = apply(later, { type: 'record_legality_conclusion', versionHash: currentHashOf(later), outcome: 'LAWFUL_WITH_AMENDMENTS', checklist: fullChecklist(), text: '修改后合法', amendments: [{ clause: '第三条', change: '删除审批' }] }, people.legal, day);
    expect(later.stage).toBe('amending');
    expect(refused(attempt(later, answer, people.lawyer, day)).status).toBe(409);
  });

  it('findings of an earlier version or register cannot be answered, and do not hold up the opinion', () => {
    let s = atLegalityWithFindings();
    s = applyLegalityPrescreen(s, { versionHash: currentHashOf(s), registerRevision: 1, ruleSetVersion: 'LR-2026.1', findings: [], at: day });
    expect(openLegalityFindings(s)).toBe(0);
    expect(refused(attempt(s, { type: 'answer_legality_finding', findingId: 'M-1:v1:r0:L1', verdict: 'dismissed', reason: 'r' }, people.lawyer, day)).code).toBe('STALE_VERSION');
    expect(attempt(s, opinion(s), people.lawyer, day).ok).toBe(true);
  });

  it('a matter without a pre-screen (one started before it existed) is not held up', () => {
    let s = doResearch(register('normative_document', [], day), day);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, day);
    s = apply(s, { type: 'accept_materials' }, people.legal, day);
    s = apply(s, { type: 'assign_lawyer', lawyerId: 'law1' }, people.legal, day);
    expect(s.legalityPrescreen).toBeUndefined();
    expect(attempt(s, opinion(s), people.lawyer, day).ok).toBe(true);
  });
});

describe('the clause-level legal-basis register', () => {
  it('the drafter sets it; each change is a new revision that the current version must be screened with', () => {
    let s = doResearch(register('normative_document', [], day), day);
    s = applyLegalityPrescreen(s, { versionHash: currentHashOf(s), registerRevision: 0, ruleSetVersion: 'LR-2026.1', findings: [], at: day });
    expect(legalityScreenCurrent(s)).toBe(true);
    s = apply(s, { type: 'set_legal_basis_register', entries: [{ clause: '第五条', law: '旅游法', article: 31, lawVersion: '2018-10-26' }] }, people.drafter, day);
    expect(registerRevision(s)).toBe(1);
    expect(legalityScreenCurrent(s)).toBe(false);
    expect(s.legalityPrescreen!.register).toMatchObject({ revision: 1, setBy: 'd1', entries: [{ clause: '第五条', law: '旅游法', article: 31 }] });
  });

  it('refuses an entry twice, others than the drafter, and changes once the text is under review', () => {
    const s = doResearch(register('normative_document', [], day), day);
    const twice: Command = { type: 'set_legal_basis_register', entries: [{ clause: '第五条', law: '旅游法', article: 31 }, { clause: '第五条', law: '旅游法', article: 31 }] };
    expect(refused(attempt(s, twice, people.drafter, day)).code).toBe('BASIS_REGISTER_INVALID');
    const one: Command = { type: 'set_legal_basis_register', entries: [{ clause: '第五条', law: '旅游法', article: 31 }] };
    expect(refused(attempt(s, one, people.lawyer, day)).status).toBe(403);
    let review = apply(s, { type: 'submit_for_review' }, people.drafter, day);
    review = apply(review, { type: 'accept_materials' }, people.legal, day);
    expect(refused(attempt(review, one, people.drafter, day)).status).toBe(409);
  });
});
