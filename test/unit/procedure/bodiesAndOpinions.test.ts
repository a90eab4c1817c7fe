/**
 * Who answers for what and who decides (issue 8 items 5–6, issue 9 items 2–3 and "also look at"): each
 * test tries to break a rule through decide(), as an API client would.
 */
import { apply, at, attempt, cal, config, doResearch, meetingRecord, people, refused, register, toAwaitingMeeting } from './fixtures';
import { decide, type Actor, type Command, type LegacyRules, type MatterState } from '../../../domain/procedure';

/** decide() as a workflow run started before a rule applies it. */
const legacyAttempt = (s: MatterState, c: Command, actor: Actor, now: string, legacy: LegacyRules) => decide(s, c, { actor, now, config, calendar: cal, legacy });

/** One person holding both the legal-unit and the lawyer role (a bureau lawyer, 公职律师). */
const both: Actor = { userId: 'lu-law', username: '公职律师', roles: ['legal_unit', 'lawyer'], sectionId: 'sec-legal', lawyerContract: { from: '2024-01-01', to: '2026-12-31' } };

describe('the legal unit of a matter never becomes its lawyer, whatever it did as legal unit', () => {
  const now = at('2025-03-03');
  const legalStages = (): ReturnType<typeof register> => {
    let s = doResearch(register('normative_document', []), now);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
    return s;
  };

  it('adding a flag as legal unit counts (set_flags)', () => {
    let s = apply(register('normative_document', []), { type: 'set_flags', flags: ['GOVNAME'], reason: '以区政府名义出台' }, both, now);
    expect(s.legality.legalUnitActorIds).toContain(both.userId);
    s = apply(doResearch(s, now), { type: 'submit_for_review' }, people.drafter, now);
    s = apply(s, { type: 'accept_materials' }, people.legal, now);
    const r = refused(attempt(s, { type: 'assign_lawyer', lawyerId: both.userId }, people.legal, now));
    expect(r.code).toBe('SEPARATION_OF_DUTIES');
  });

  it('assigning the fair-competition reviewer counts (assign_fcr_reviewer)', () => {
    let s = doResearch(register('normative_document', ['ECON']), now);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
    s = apply(s, { type: 'assign_fcr_reviewer', reviewerId: people.fcr.userId }, both, now);
    expect(s.legality.legalUnitActorIds).toContain(both.userId);
  });

  it('in a run started before the rule (legacy), set_flags did not count', () => {
    const d = legacyAttempt(legalStages(), { type: 'set_flags', flags: ['PUBLIC'], reason: '涉及公众权益' }, both, now, { legalUnitNotedBySomeActions: true });
    expect(d.ok && d.state.legality.legalUnitActorIds).toEqual([]);
  });
});

describe('a meeting cannot be backdated (issue 9 item 3)', () => {
  // A collective matter has no minimum review time, so only the new rule stands between it and 2020.
  const scheduledAt = at('2025-03-14');
  const scheduled = () => {
    const s = toAwaitingMeeting('collective_matter', []);
    return apply(s, { type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body: 'party_committee_meeting' }, people.secretary, scheduledAt);
  };
  const record = (heldAt: string) => ({ type: 'record_meeting' as const, record: meetingRecord({ heldAt }) });

  it('refuses a meeting held in 2020 on a matter registered in 2025', () => {
    const r = refused(attempt(scheduled(), record(at('2020-01-06')), people.secretary, at('2025-03-21')));
    expect(r).toMatchObject({ status: 422, code: 'MEETING_BEFORE_ITS_PREREQUISITES' });
    expect(r.reason).toMatch(/scheduling/);
  });

  it('refuses a meeting held after the legality conclusion but before it was scheduled', () => {
    const r = refused(attempt(scheduled(), record(at('2025-03-10')), people.secretary, at('2025-03-21')));
    expect(r.code).toBe('MEETING_BEFORE_ITS_PREREQUISITES');
  });

  it('refuses a meeting held before the gate it depends on, even when scheduled earlier', () => {
    // Scheduled, then the text was re-concluded later the same day: the meeting must follow that conclusion.
    const s = scheduled();
    s.legality.conclusion = { ...s.legality.conclusion!, concludedAt: at('2025-03-18') };
    const r = refused(attempt(s, record(at('2025-03-17')), people.secretary, at('2025-03-21')));
    expect(r.reason).toMatch(/legality conclusion/);
  });

  it('accepts a meeting held after scheduling and every gate; a run started before the rule replays the backdated one', () => {
    expect(attempt(scheduled(), record(at('2025-03-20', '15:00')), people.secretary, at('2025-03-21')).ok).toBe(true);
    expect(legacyAttempt(scheduled(), record(at('2020-01-06')), people.secretary, at('2025-03-21'), { meetingHeldAnyTimeInPast: true }).ok).toBe(true);
  });
});
