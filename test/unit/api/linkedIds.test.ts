import { assigneeProblem, caseConflict, linkedMatterProblem, type Assignee, type CaseHolder } from '../../../api/matters/linkedIds';
import { TERMINAL_STAGES } from '../../../domain/procedure';

const NOW = '2026-12-02T12:00:00+08:00';
const person = (over: Partial<Assignee> = {}): Assignee => ({ id: 'p', roles: ['lawyer'], active: true, contractFrom: '2020-01-01', contractTo: '2099-12-31', organisationContractFrom: null, organisationContractTo: null, ...over });

describe('assigneeProblem: who may be assigned', () => {
  it('a lawyer: an active account holding the role, with a contract in force that day', () => {
    expect(assigneeProblem(person(), 'lawyer', NOW)).toBeNull();
    expect(assigneeProblem(null, 'lawyer', NOW)).toMatch(/no such person/);
    expect(assigneeProblem(person({ active: false }), 'lawyer', NOW)).toMatch(/deactivated/);
    expect(assigneeProblem(person({ roles: ['drafter'] }), 'lawyer', NOW)).toMatch(/does not hold the lawyer role/);
    expect(assigneeProblem(person({ roles: ['admin', 'lawyer'] }), 'lawyer', NOW)).toMatch(/administrator/);
    expect(assigneeProblem(person({ contractFrom: '2019-01-01', contractTo: '2021-12-31' }), 'lawyer', NOW)).toMatch(/2019-01-01 – 2021-12-31\) is not in force on 2026-12-02/);
    expect(assigneeProblem(person({ contractFrom: null, contractTo: null }), 'lawyer', NOW)).toMatch(/no contract period/);
  });

  it('the contract is the narrower of the lawyer\'s and the firm\'s, by whole Beijing days', () => {
    expect(assigneeProblem(person({ organisationContractFrom: '2024-01-01', organisationContractTo: '2026-12-01' }), 'lawyer', NOW)).toMatch(/2024-01-01 – 2026-12-01/);
    expect(assigneeProblem(person({ organisationContractFrom: '2024-01-01', organisationContractTo: '2026-12-02' }), 'lawyer', NOW)).toBeNull();
    // 2026-12-01T23:30 UTC is already 2 December in Beijing.
    expect(assigneeProblem(person({ contractFrom: '2026-12-02', contractTo: '2027-12-31' }), 'lawyer', '2026-12-01T23:30:00Z')).toBeNull();
    expect(assigneeProblem(person({ contractFrom: null, contractTo: null, organisationContractFrom: '2020-01-01', organisationContractTo: '2099-12-31' }), 'lawyer', NOW)).toBeNull();
  });

  it('a fair-competition reviewer: an active account holding the role (no contract asked)', () => {
    expect(assigneeProblem(person({ roles: ['fcr_reviewer'], contractFrom: null, contractTo: null }), 'fcr_reviewer', NOW)).toBeNull();
    expect(assigneeProblem(person({ roles: ['lawyer'] }), 'fcr_reviewer', NOW)).toMatch(/does not hold the fcr_reviewer role/);
    expect(assigneeProblem(person({ roles: ['fcr_reviewer'], active: false }), 'fcr_reviewer', NOW)).toMatch(/deactivated/);
  });
});

describe('caseConflict: one case, one review at a time, one filing date', () => {
  const holder = (matterId: string, stage: string, caseFiledOn: string | null = '2026-10-01', outcome: string | null = null): CaseHolder => ({ matterId, stage, caseFiledOn, outcome });

  it('no other matter: nothing to say', () => {
    expect(caseConflict([], '2026-11-01')).toBeNull();
  });

  it('another matter under way, at any stage before its end', () => {
    for (const stage of ['research', 'legality_review', 'supplementing', 'awaiting_meeting', 'post_decision']) {
      expect(caseConflict([holder('m1', 'withdrawn'), holder('m2', stage)], '2026-09-01')).toEqual({ code: 'CASE_ALREADY_UNDER_REVIEW', field: 'body.command.item.caseNumber', detail: `the case is under review in matter m2 (${stage})` });
    }
  });

  it('after a review that failed (not issued, concluded unlawful): submitted again, with the filing date on record', () => {
    expect(caseConflict([holder('m1', 'not_issued', '2026-09-01')], '2026-09-01')).toBeNull();
    expect(caseConflict([holder('m1', 'withdrawn', '2026-09-01', 'UNLAWFUL')], '2026-08-30')).toBeNull();
    expect(caseConflict([holder('m1', 'not_issued', '2026-09-01', 'UNLAWFUL')], '2026-10-01')).toMatchObject({ code: 'CASE_FILING_DATE_FIXED', detail: expect.stringContaining('m1') });
  });

  it('after a withdrawn, rejected or decided matter: the earliest filing date on record, or an earlier one', () => {
    const ended = [holder('m1', 'withdrawn', '2026-10-05'), holder('m2', 'rejected', '2026-10-01'), holder('m3', 'decided', null)];
    expect(caseConflict(ended, '2026-10-01')).toBeNull();
    expect(caseConflict(ended, '2026-09-20')).toBeNull();
    expect(caseConflict(ended, '2026-10-02')).toEqual({ code: 'CASE_FILING_DATE_FIXED', field: 'body.command.item.caseFiledOn', detail: 'the case was filed on 2026-10-01 as recorded in matter m2 (rejected); give that day or an earlier one, not 2026-10-02' });
    expect(caseConflict([holder('m3', 'decided', '2026-10-01')], '2026-11-01')).toMatchObject({ code: 'CASE_FILING_DATE_FIXED' });
  });
});

describe('linkedMatterProblem: the matter a command or decision links to', () => {
  const renewal = { self: { id: 'self', name: 'this contract\'s own matter' }, kind: 'contract_review', draftingUnit: 'market', ended: ['rejected', 'withdrawn', 'not_issued'] };
  const m = (over: Partial<{ id: string; kind: string; stage: string; draftingUnit: string }> = {}) => ({ id: 'other', kind: 'contract_review', stage: 'research', draftingUnit: 'market', ...over });

  it('another matter of the kind and unit, not ended', () => {
    expect(linkedMatterProblem(m(), renewal)).toBeNull();
    expect(linkedMatterProblem(m({ stage: 'contract_in_force' }), renewal)).toBeNull();
    expect(linkedMatterProblem(m({ stage: 'contract_closed' }), renewal)).toBeNull();
  });

  it('not itself, another kind, or ended', () => {
    expect(linkedMatterProblem(m({ id: 'self' }), renewal)).toBe('is this contract\'s own matter');
    expect(linkedMatterProblem(m({ kind: 'normative_document' }), renewal)).toBe('is a normative_document, not a contract_review');
    for (const stage of renewal.ended) expect(linkedMatterProblem(m({ stage }), renewal)).toBe(`is closed (${stage})`);
  });

  it('a matter of another unit is answered as one that is not there: its kind and stage are not told', () => {
    const unknown = 'is no contract_review of the drafting unit market';
    expect(linkedMatterProblem(null, renewal)).toBe(unknown);
    expect(linkedMatterProblem(m({ draftingUnit: 'tourism', kind: 'normative_document', stage: 'withdrawn' }), renewal)).toBe(unknown);
  });

  it('the register\'s amending matter: any unit, ended at every terminal stage', () => {
    const amending = { self: { id: 'doc-matter', name: 'the document\'s own matter' }, kind: 'normative_document', ended: TERMINAL_STAGES };
    expect(linkedMatterProblem(m({ kind: 'normative_document', draftingUnit: 'tourism' }), amending)).toBeNull();
    expect(linkedMatterProblem(m({ id: 'doc-matter', kind: 'normative_document' }), amending)).toBe('is the document\'s own matter');
    expect(linkedMatterProblem(m({ kind: 'normative_document', stage: 'issued' }), amending)).toBe('is closed (issued)');
  });
});
