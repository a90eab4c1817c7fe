import type { Command, MatterState } from '../../../domain/procedure';
import { decide } from '../../../domain/procedure';
import { apply, at, attempt, cal, config, currentHashOf, doLegality, meetingRecord, people, refused, toAwaitingMeeting } from './fixtures';

/** 重大行政决策程序暂行条例第24条: 认为风险不可控的，在采取调整决策草案等措施确保风险可控后，可以作出决策. */
const day = at('2025-03-03');
const meetingDay = at('2025-03-20', '10:00');
const schedule: Command = { type: 'schedule_meeting', meetingAt: meetingDay, body: 'director_office_meeting' };
const assess = (controllable: boolean): Command => ({
  type: 'record_research_item',
  item: { kind: 'risk_assessment', documentId: `doc-risk-${controllable}`, riskLevel: controllable ? 'medium' : 'high', controllable, measures: '舆情跟踪、处置预案' },
});
const newVersion = (s: MatterState, n: number): Command => ({ type: 'submit_version', versionHash: n.toString(16).padStart(64, 'b'), versionNumber: s.versions.length + 1, note: '按风险评估调整草案' });

/** A major decision awaiting its meeting whose risk was then judged not controllable (recorded back in research). */
function notControllable(): MatterState {
  let s = toAwaitingMeeting('major_decision', ['RISK']);
  s = apply(s, { type: 'return_for_revision', reason: '风险评估结论变化，须重新评估' }, people.legal, day);
  expect(s.stage).toBe('research');
  return apply(s, assess(false), people.drafter, day);
}

/** Back through the review on the current version. */
function backToMeeting(s: MatterState): MatterState {
  s = apply(s, { type: 'submit_for_review' }, people.drafter, day);
  s = apply(s, { type: 'accept_materials' }, people.legal, day);
  return doLegality(s, day);
}

describe('a risk judged not controllable stops the decision (713号令第24条)', () => {
  it('the meeting cannot be scheduled while the latest assessment says not controllable, citing art. 24', () => {
    const s = backToMeeting(notControllable());
    expect(s.stage).toBe('awaiting_meeting');
    const r = refused(attempt(s, schedule, people.secretary, day));
    expect(r).toMatchObject({ status: 422, code: 'RISK_NOT_CONTROLLABLE' });
    expect(r.reason).toContain('重大行政决策程序暂行条例第24条');
  });

  it('a new assessment on the same, unadjusted draft cannot simply declare it controllable', () => {
    const s = notControllable();
    const r = refused(attempt(s, assess(true), people.drafter, day));
    expect(r).toMatchObject({ status: 422, code: 'RISK_DRAFT_NOT_ADJUSTED' });
    expect(r.reason).toContain('第24条');
    // Another "not controllable" on the same version is fine (it changes nothing about the stop).
    expect(apply(s, assess(false), people.drafter, day).research.riskAssessment?.controllable).toBe(false);
  });

  it('an adjusted draft alone does not lift the stop: the new assessment must find the risk controllable', () => {
    let s = apply(notControllable(), newVersion(notControllable(), 7), people.drafter, day);
    s = backToMeeting(s);
    expect(refused(attempt(s, schedule, people.secretary, day)).code).toBe('RISK_NOT_CONTROLLABLE');
  });

  it('adjusted draft + new assessment finding it controllable → the decision may go ahead', () => {
    let s = notControllable();
    s = apply(s, newVersion(s, 7), people.drafter, day);
    s = apply(s, assess(true), people.drafter, day);
    expect(s.research.riskAssessment).toMatchObject({ controllable: true, versionHash: currentHashOf(s) });
    s = backToMeeting(s);
    s = apply(s, schedule, people.secretary, day);
    expect(s.stage).toBe('meeting_scheduled');
    s = apply(s, { type: 'record_meeting', record: meetingRecord() }, people.secretary, at('2025-03-20', '12:00'));
    expect(s.stage).toBe('post_decision');
  });

  it('judged not controllable after scheduling: the meeting cannot be recorded as deciding', () => {
    let s = toAwaitingMeeting('major_decision', ['RISK']);
    s = apply(s, schedule, people.secretary, day);
    // A later, not-controllable assessment on file (as an older matter could hold it) stops the record.
    s = { ...s, research: { ...s.research, riskAssessment: { ...s.research.riskAssessment!, controllable: false } } };
    const r = refused(attempt(s, { type: 'record_meeting', record: meetingRecord() }, people.secretary, at('2025-03-20', '12:00')));
    expect(r.code).toBe('RISK_NOT_CONTROLLABLE');
  });

  it('runs started before the rule (patch risk-not-controllable-stops) replay as they ran', () => {
    const s = backToMeeting(notControllable());
    const legacy = decide(s, schedule, { actor: people.secretary, now: day, config, calendar: cal, legacy: { riskNotControllableMayProceed: true } });
    expect(legacy.ok).toBe(true);
    const same = decide(notControllable(), assess(true), { actor: people.drafter, now: day, config, calendar: cal, legacy: { riskNotControllableMayProceed: true } });
    expect(same.ok).toBe(true);
  });
});
