/** 403 (who) and 409 (when) refusals, checked before any gate. */

import type { Actor, Command, MatterState, Role } from '../../../domain/procedure';
import { apply, at, attempt, currentHashOf, doResearch, fullChecklist, meetingRecord, people, refused, register, toAwaitingMeeting } from './fixtures';

const day = at('2025-03-03');

describe('403: the actor may not do this', () => {
  const research = register('major_decision', ['ECON'], day);
  let legality: MatterState;
  beforeAll(() => {
    let s = doResearch(register('major_decision', [], day), day);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, day);
    s = apply(s, { type: 'accept_materials' }, people.legal, day);
    legality = apply(s, { type: 'assign_lawyer', lawyerId: 'law1' }, people.legal, day);
  });

  const cases: Array<[string, () => MatterState, Command, Actor]> = [
    ['a drafter of another section submits a version', () => research, { type: 'submit_version', versionHash: 'b'.repeat(64), versionNumber: 2 }, people.otherDrafter],
    ['the legal unit submits a version', () => research, { type: 'submit_version', versionHash: 'b'.repeat(64), versionNumber: 2 }, people.legal],
    ['an auditor withdraws', () => research, { type: 'withdraw', reason: 'x' }, people.auditor],
    ['an admin sets flags', () => research, { type: 'set_flags', flags: [], reason: 'x' }, people.admin],
    ['a drafter accepts materials', () => legality, { type: 'accept_materials' }, people.drafter],
    ['a lawyer records the legality conclusion', () => legality, { type: 'record_legality_conclusion', versionHash: 'x', outcome: 'LAWFUL', checklist: fullChecklist(), text: 't' }, people.lawyer],
    ['an unassigned lawyer gives an opinion', () => legality, { type: 'submit_lawyer_opinion', versionHash: 'x', outcome: 'LAWFUL', text: 't', checklist: [] }, people.lawyer2],
    ['the legal unit gives the lawyer opinion', () => legality, { type: 'submit_lawyer_opinion', versionHash: 'x', outcome: 'LAWFUL', text: 't', checklist: [] }, people.legal],
    ['an unassigned FCR reviewer concludes', () => research, { type: 'set_fcr_findings', openFindings: 0 }, people.fcr],
    ['a meeting member records the meeting', () => legality, { type: 'record_meeting', record: meetingRecord() }, people.member],
    ['the secretary assigns a lawyer', () => legality, { type: 'assign_lawyer', lawyerId: 'law1' }, people.secretary],
    ['an admin archives', () => legality, { type: 'archive', archiveRef: 'a' }, people.admin],
  ];

  it.each(cases)('%s', (_name, state, command, actor) => {
    const r = refused(attempt(state(), command, actor, day));
    expect(r.status).toBe(403);
    expect(r.code).toBe('FORBIDDEN');
    expect(r.reason).toMatch(/\/ /); // bilingual
  });

  it('permission is checked before the stage', () => {
    const r = refused(attempt(research, { type: 'accept_materials' }, people.drafter, day));
    expect(r.status).toBe(403);
  });

  it('a lawyer whose contract has ended cannot sign', () => {
    const expired: Actor = { ...people.lawyer, lawyerContract: { from: '2023-01-01', to: '2025-03-02' } };
    const r = refused(attempt(legality, { type: 'submit_lawyer_opinion', versionHash: currentHashOf(legality), outcome: 'LAWFUL', text: 't', checklist: fullChecklist() }, expired, day));
    expect(r.status).toBe(403);
    expect(r.reason).toContain('contract');
    const noContract: Actor = { ...people.lawyer, lawyerContract: null };
    expect(refused(attempt(legality, { type: 'submit_lawyer_opinion', versionHash: currentHashOf(legality), outcome: 'LAWFUL', text: 't', checklist: fullChecklist() }, noContract, day)).status).toBe(403);
  });

  it('nobody reviews a matter they drafted: a legal-unit member who registered it cannot accept it', () => {
    const legalDrafter: Actor = { userId: 'lu9', username: '法制兼承办', roles: ['legal_unit', 'drafter'], sectionId: 'sec-market' };
    let s: MatterState = { ...register('major_decision', [], day), createdBy: 'lu9' };
    s = doResearch(s, day);
    s = apply(s, { type: 'submit_for_review' }, legalDrafter, day);
    const r = refused(attempt(s, { type: 'accept_materials' }, legalDrafter, day));
    expect(r.status).toBe(403);
    expect(r.reason).toContain('drafted');
    expect(attempt(s, { type: 'accept_materials' }, people.legal, day).ok).toBe(true);
  });

  it('the legal unit on a matter cannot be its lawyer, nor the lawyer its legal unit', () => {
    const both: Actor = { userId: 'lu1', username: '王法制', roles: ['legal_unit', 'lawyer'], sectionId: 'sec-legal', lawyerContract: { from: '2024-01-01', to: '2026-12-31' } };
    // lu1 accepted the materials, so cannot be assigned as lawyer…
    expect(refused(attempt(legality, { type: 'assign_lawyer', lawyerId: 'lu1' }, people.legal2, day)).code).toBe('SEPARATION_OF_DUTIES');
    // …nor assign themselves.
    expect(refused(attempt(legality, { type: 'assign_lawyer', lawyerId: 'lu2' }, people.legal2, day)).code).toBe('SEPARATION_OF_DUTIES');
    // And if a legal-unit person were the assigned lawyer, they could not act as legal unit.
    const lawyerIsLu1: MatterState = { ...legality, legality: { ...legality.legality, lawyerId: 'lu1' } };
    expect(refused(attempt(lawyerIsLu1, { type: 'record_legality_conclusion', versionHash: currentHashOf(legality), outcome: 'LAWFUL', checklist: fullChecklist(), text: 't' }, both, day)).status).toBe(403);
    expect(refused(attempt(lawyerIsLu1, { type: 'submit_lawyer_opinion', versionHash: currentHashOf(legality), outcome: 'LAWFUL', text: 't', checklist: fullChecklist() }, both, day)).status).toBe(403);
    // The drafter cannot be assigned as lawyer or FCR reviewer.
    expect(refused(attempt(legality, { type: 'assign_lawyer', lawyerId: 'd1' }, people.legal, day)).code).toBe('SEPARATION_OF_DUTIES');
    expect(refused(attempt(research, { type: 'assign_fcr_reviewer', reviewerId: 'd1' }, people.legal, day)).code).toBe('SEPARATION_OF_DUTIES');
  });
});

describe('409: not in this stage', () => {
  const cases: Array<[string, () => MatterState, Command, Actor]> = [
    ['accept materials in research', () => register('major_decision', [], day), { type: 'accept_materials' }, people.legal],
    ['schedule a meeting in research', () => register('major_decision', [], day), { type: 'schedule_meeting', meetingAt: at('2025-04-01'), body: 'director_office_meeting' }, people.secretary],
    ['submit a version awaiting the meeting', () => toAwaitingMeeting('major_decision', []), { type: 'submit_version', versionHash: 'b'.repeat(64), versionNumber: 2 }, people.drafter],
    ['sign before the decision', () => toAwaitingMeeting('major_decision', []), { type: 'sign_and_number', versionHash: 'x', documentNumber: 'n', signedBy: 'h' }, people.secretary],
    ['conclude the legality review awaiting the meeting', () => toAwaitingMeeting('major_decision', []), { type: 'record_legality_conclusion', versionHash: 'x', outcome: 'LAWFUL', checklist: fullChecklist(), text: 't' }, people.legal],
    ['record prior approval without being asked', () => register('major_decision', [], day), { type: 'record_prior_approval', granted: true, authority: 'a', reference: 'r' }, people.drafter],
    ['confirm a final text without a decision', () => toAwaitingMeeting('major_decision', []), { type: 'confirm_final_text', versionHash: 'x' }, people.legal],
  ];
  it.each(cases)('%s', (_name, state, command, actor) => {
    const r = refused(attempt(state(), command, actor, day));
    expect(r).toMatchObject({ status: 409, code: 'WRONG_STAGE' });
  });

  it('post-decision steps twice, or not applicable to the kind', () => {
    let s = toAwaitingMeeting('major_decision', []);
    s = apply(s, { type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body: 'director_office_meeting' }, people.secretary, day);
    s = apply(s, { type: 'record_meeting', record: meetingRecord() }, people.secretary, at('2025-03-20', '18:00'));
    s = apply(s, { type: 'report_to_party', reference: 'r' }, people.secretary, at('2025-03-21'));
    expect(refused(attempt(s, { type: 'report_to_party', reference: 'r' }, people.secretary, at('2025-03-21')))).toMatchObject({ status: 409, code: 'ALREADY_DONE' });
    expect(refused(attempt(s, { type: 'record_government_review', outcome: 'approved', reference: 'r' }, people.legal, at('2025-03-21')))).toMatchObject({ status: 409, code: 'NOT_APPLICABLE' });
    expect(refused(attempt(s, { type: 'publish', channel: 'c', reference: 'r' }, people.secretary, at('2025-03-21'))).code).toBe('NOT_SIGNED');
  });

  it('FCR actions on a matter without ECON are not applicable', () => {
    const s = register('major_decision', [], day);
    expect(refused(attempt(s, { type: 'assign_fcr_reviewer', reviewerId: 'fcr1' }, people.legal, day))).toMatchObject({ status: 409, code: 'NOT_APPLICABLE' });
  });

  it('unknown commands and bad clocks are 422', () => {
    const s = register('major_decision', [], day);
    expect(refused(attempt(s, { type: 'launch_rocket' } as unknown as Command, people.drafter, day)).code).toBe('INVALID_INPUT');
    expect(refused(attempt(s, { type: 'withdraw', reason: 'x' }, people.drafter, '2025-03-03 09:00')).code).toBe('INVALID_DATETIME');
  });
});

describe('set_flags', () => {
  it('refuses flags that do not apply to the kind', () => {
    const s = register('enforcement_review', [], day);
    const r = refused(attempt(s, { type: 'set_flags', flags: ['PUBLIC', 'TECH'], reason: 'x' }, people.drafter, day));
    expect(r).toMatchObject({ status: 422, code: 'FLAG_NOT_APPLICABLE' });
    expect(r.reason).toContain('PUBLIC');
  });
  it('records the change with its reason; ECON dropped at the FCR stage moves the matter on', () => {
    let s = doResearch(register('normative_document', ['ECON'], day), day);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, day);
    expect(s.stage).toBe('fair_competition_review');
    s = apply(s, { type: 'set_flags', flags: [], reason: '经核实不涉及经营者' }, people.legal, day);
    expect(s.stage).toBe('completeness_check');
    expect(s.flagChanges).toEqual([{ from: ['ECON'], to: [], by: 'lu1', at: day, reason: '经核实不涉及经营者', role: 'legal_unit' }]);
  });
  it('in research a new flag just adds steps', () => {
    const s = apply(register('major_decision', [], day), { type: 'set_flags', flags: ['TECH', 'PUBLIC'], reason: '专业性强' }, people.drafter, day);
    expect(s.stage).toBe('research');
    expect(s.flags).toEqual(['PUBLIC', 'TECH']);
  });
  it('is closed after the decision', () => {
    let s = toAwaitingMeeting('major_decision', []);
    s = apply(s, { type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body: 'director_office_meeting' }, people.secretary, day);
    s = apply(s, { type: 'record_meeting', record: meetingRecord() }, people.secretary, at('2025-03-20', '18:00'));
    expect(refused(attempt(s, { type: 'set_flags', flags: ['RISK'], reason: 'x' }, people.legal, at('2025-03-21'))).code).toBe('WRONG_STAGE');
  });
});

describe('decide() says in which role it authorised the action', () => {
  test('a person holding two roles acts in the one the stage gives the action', () => {
    const both = { ...people.legal, userId: 'both', roles: ['legal_unit', 'fcr_reviewer'] as Role[] };
    let s = doResearch(register('normative_document', ['ECON'], day), day);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, day);
    s = apply(s, { type: 'assign_fcr_reviewer', reviewerId: 'both' }, people.legal, day);
    const d = attempt(s, { type: 'return_for_revision', reason: '补充竞争影响分析' }, both, day);
    expect(d.ok && d.role).toBe('fcr_reviewer');
  });
});
