import {
  availableActions, awaitedParties, awaits, deadlines, matterProjection, nextObligationDue, whoseTurn, PHASES, STAGE_LABELS, TRAIL_ACTION_LABELS,
  type Actor, type Duty, type MatterState, type Role,
} from '../../../domain/procedure';
import { TRAIL_EVENT_TYPES } from '../../../domain/evidence/trailEvents';
import { apply, at, cal, config, currentHashOf, doFcr, doResearch, fullChecklist, meetingRecord, people, register, toAwaitingMeeting } from './fixtures';

const day = at('2025-03-03');
const turn = (s: MatterState): Duty[] => whoseTurn(s, config, deadlines(s, config, cal));
const who = (s: MatterState) => turn(s).map((d) => ({ roles: d.roles, userId: d.userId, actions: d.actions }));

/** Everyone of the fixtures, to check that an awaited party can in fact act. */
const everyone: Actor[] = [people.drafter, people.legal, people.lawyer, people.fcr, people.secretary];

/** Each duty's actions are among what its awaited person may do now (availableActions): no phantom duty. */
function expectDutiesActionable(s: MatterState, now: string): void {
  for (const d of turn(s)) {
    const actor = everyone.find((p) => (d.userId ? p.userId === d.userId : d.roles.some((r) => p.roles.includes(r))));
    expect({ duty: d.actions, actor: actor?.userId }).toEqual({ duty: d.actions, actor: expect.any(String) });
    const may = availableActions(s, actor!, { now, config, calendar: cal }).map((a) => a.type);
    expect({ stage: s.stage, missing: d.actions.filter((a) => !may.includes(a)) }).toEqual({ stage: s.stage, missing: [] });
  }
}

describe('whoseTurn()', () => {
  it('in research the drafter (of the drafting unit) must submit; the legal unit, which may only adjust flags, is not awaited', () => {
    const s = register('normative_document', ['ECON'], day);
    expect(turn(s)).toEqual([{ roles: ['drafter'], userId: null, sectionId: s.draftingUnit, actions: ['submit_for_review'], deadline: null, notBefore: null }]);
    const legalMay = availableActions(s, people.legal, { now: day, config, calendar: cal }).map((a) => a.type);
    expect(legalMay).toContain('set_flags'); // optional: never makes the matter the legal unit's work
    expect(awaits({ ...awaitedParties(turn(s)), draftingUnit: s.draftingUnit }, people.legal)).toBe(false);
    expect(awaits({ ...awaitedParties(turn(s)), draftingUnit: s.draftingUnit }, people.drafter)).toBe(true);
    expect(awaits({ ...awaitedParties(turn(s)), draftingUnit: s.draftingUnit }, people.otherDrafter)).toBe(false);
  });

  it('fair-competition review: the legal unit assigns a reviewer, then that reviewer (by name) answers findings and concludes', () => {
    let s = doResearch(register('normative_document', ['ECON'], day), day);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, day);
    expect(who(s)).toEqual([{ roles: ['legal_unit'], userId: null, actions: ['assign_fcr_reviewer'] }]);
    expectDutiesActionable(s, day);
    s = apply(s, { type: 'assign_fcr_reviewer', reviewerId: people.fcr.userId }, people.legal, day);
    expect(who(s)).toEqual([{ roles: ['fcr_reviewer'], userId: 'fcr1', actions: ['record_fcr_conclusion'] }]);
    expectDutiesActionable(s, day);
    const other: Actor = { ...people.fcr, userId: 'fcr2' };
    expect(awaits({ ...awaitedParties(turn(s)), draftingUnit: s.draftingUnit }, other)).toBe(false); // named duty: only that reviewer
  });

  it('legality review: the legal unit accepts and assigns, the named lawyer signs, the legal unit concludes — all bound by the time limit', () => {
    let s = doResearch(register('major_decision', [], day), day);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, day);
    expect(who(s)).toEqual([{ roles: ['legal_unit'], userId: null, actions: ['accept_materials'] }]);
    expect(turn(s)[0]!.deadline).toEqual(expect.objectContaining({ key: 'legality_review_time_limit', dueAt: '2025-03-24T15:59:59.999Z' }));
    s = apply(s, { type: 'accept_materials' }, people.legal, day);
    expect(who(s)).toEqual([{ roles: ['legal_unit'], userId: null, actions: ['assign_lawyer'] }]);
    s = apply(s, { type: 'assign_lawyer', lawyerId: 'law1' }, people.legal, day);
    expect(who(s)).toEqual([{ roles: ['lawyer'], userId: 'law1', actions: ['submit_lawyer_opinion'] }]);
    expect(turn(s)[0]!.deadline?.key).toBe('legality_review_time_limit');
    expectDutiesActionable(s, day);
    s = apply(s, { type: 'submit_lawyer_opinion', versionHash: currentHashOf(s), outcome: 'LAWFUL', text: '合法', checklist: fullChecklist() }, people.lawyer, day);
    expect(who(s)).toEqual([{ roles: ['legal_unit'], userId: null, actions: ['record_legality_conclusion'] }]);
    expectDutiesActionable(s, day);
  });

  it('the minimum review time holds the meeting back (not before) and is never a deadline of the secretary', () => {
    const s = toAwaitingMeeting('major_decision', []);
    const [d] = turn(s);
    expect(d).toEqual(expect.objectContaining({ roles: ['secretary'], actions: ['schedule_meeting'], deadline: null }));
    expect(d!.notBefore).toEqual({ label: expect.stringContaining('最短'), at: '2025-03-12T15:59:59.999Z' });
    expect(nextObligationDue(deadlines(s, config, cal))).toBeNull(); // nothing is due, so nothing can be overdue
    const scheduled = apply(s, { type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body: 'director_office_meeting' }, people.secretary, day);
    expect(turn(scheduled)[0]!.notBefore).toEqual({ label: '会议时间', at: at('2025-03-20', '15:00') });
  });

  it('after the decision: each open step with its role, filing bound by its deadline; a finished matter awaits nobody', () => {
    let s = toAwaitingMeeting('normative_document', []);
    s = apply(s, { type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body: 'director_office_meeting' }, people.secretary, day);
    s = apply(s, { type: 'record_meeting', record: meetingRecord() }, people.secretary, at('2025-03-20', '18:00'));
    expect(who(s)).toEqual([{ roles: ['secretary'], userId: null, actions: ['sign_and_number'] }]);
    s = apply(s, { type: 'sign_and_number', versionHash: currentHashOf(s), documentNumber: '南文旅规〔2025〕1号', signedBy: '局长' }, people.secretary, at('2025-03-21'));
    expect(who(s)).toEqual([
      { roles: ['secretary'], userId: null, actions: ['publish'] },
      { roles: ['secretary', 'legal_unit'], userId: null, actions: ['archive'] },
    ]);
    expect(turn(s)[1]!.deadline?.key).toBe('archive_deadline');
    expectDutiesActionable(s, at('2025-03-21'));
    s = apply(s, { type: 'publish', channel: '区政府网站', reference: 'https://example.gov.cn/1' }, people.secretary, at('2025-03-22'));
    const filing = turn(s).find((d) => d.actions.includes('file_record'));
    expect(filing).toEqual(expect.objectContaining({ roles: ['legal_unit'], deadline: expect.objectContaining({ key: 'filing_deadline' }) }));
    s = apply(s, { type: 'file_record', authority: '区司法局', reference: '备2025-1' }, people.legal, at('2025-03-24'));
    s = apply(s, { type: 'archive', archiveRef: 'A-1' }, people.legal, at('2025-03-24'));
    expect(s.stage).toBe('issued');
    expect(turn(s)).toEqual([]);
  });

  it('a returned draft is the drafter\'s again; an amendment round waits for the lawyer to sign the new text, then the legal unit', () => {
    let s = doResearch(register('major_decision', [], day), day);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, day);
    s = apply(s, { type: 'accept_materials' }, people.legal, day);
    s = apply(s, { type: 'assign_lawyer', lawyerId: 'law1' }, people.legal, day);
    s = apply(s, { type: 'submit_lawyer_opinion', versionHash: currentHashOf(s), outcome: 'LAWFUL_WITH_AMENDMENTS', text: '修改后合法', checklist: fullChecklist() }, people.lawyer, day);
    s = apply(s, { type: 'record_legality_conclusion', versionHash: currentHashOf(s), outcome: 'LAWFUL_WITH_AMENDMENTS', checklist: fullChecklist(), text: '修改', amendments: [{ clause: '第三条', change: '删去' }] }, people.legal, day);
    expect(who(s)).toEqual([{ roles: ['drafter'], userId: null, actions: ['submit_version', 'submit_for_review'] }]);
    s = apply(s, { type: 'submit_version', versionHash: 'b'.repeat(64), versionNumber: 2 }, people.drafter, day);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, day);
    expect(who(s)).toEqual([{ roles: ['lawyer'], userId: 'law1', actions: ['submit_lawyer_opinion'] }]);
    s = apply(s, { type: 'submit_lawyer_opinion', versionHash: currentHashOf(s), outcome: 'LAWFUL', text: '合法', checklist: fullChecklist() }, people.lawyer, day);
    expect(who(s)).toEqual([{ roles: ['legal_unit'], userId: null, actions: ['confirm_amendments'] }]);
    expectDutiesActionable(s, day);
  });

  it('the projection carries the next obligation and whose turn it is', () => {
    let s = doResearch(register('major_decision', [], day), day);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, day);
    expect(matterProjection(s, config, cal)).toEqual({ nextDueAt: '2025-03-24T15:59:59.999Z', awaitingRoles: ['legal_unit'], awaitingUserIds: [] });
    s = apply(s, { type: 'accept_materials' }, people.legal, day);
    s = apply(s, { type: 'assign_lawyer', lawyerId: 'law1' }, people.legal, day);
    expect(matterProjection(s, config, cal)).toEqual({ nextDueAt: '2025-03-24T15:59:59.999Z', awaitingRoles: [], awaitingUserIds: ['law1'] });
    // Awaiting the meeting: the minimum review time is an earliest time, not a due date.
    expect(matterProjection(toAwaitingMeeting('major_decision', []), config, cal)).toEqual({ nextDueAt: null, awaitingRoles: ['secretary'], awaitingUserIds: [] });
  });

  it('every stage a matter can be in names somebody, except the terminal ones (ECON walk)', () => {
    let s = register('normative_document', ['ECON'], day);
    const seen = new Set<string>();
    const check = () => {
      seen.add(s.stage);
      expect({ stage: s.stage, duties: turn(s).length > 0 }).toEqual({ stage: s.stage, duties: true });
      expectDutiesActionable(s, day);
    };
    check();
    s = doResearch(s, day);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, day);
    check();
    s = doFcr(s, day);
    check();
    s = apply(s, { type: 'return_for_supplement', missing: ['起草说明'], note: '补充' }, people.legal, day);
    check();
    expect(s.stage).toBe('supplementing');
  });
});

describe('phases', () => {
  it('every stage belongs to exactly one phase', () => {
    for (const stage of Object.keys(STAGE_LABELS)) {
      expect({ stage, phases: PHASES.filter((p) => p.stages.includes(stage as never)).map((p) => p.key).length }).toEqual({ stage, phases: 1 });
    }
  });
});

describe('trail action labels', () => {
  it('every kind of trail entry (domain/evidence TRAIL_EVENT_TYPES) has a Chinese label', () => {
    expect(TRAIL_EVENT_TYPES.length).toBeGreaterThan(20);
    for (const action of TRAIL_EVENT_TYPES) expect({ action, label: TRAIL_ACTION_LABELS[action] }).toEqual({ action, label: expect.any(String) });
  });

  it('roles awaited never include the optional adjuster alone', () => {
    const r: Role[] = awaitedParties(turn(register('normative_document', [], day))).roles;
    expect(r).toEqual(['drafter']);
  });
});
