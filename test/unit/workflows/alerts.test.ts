import { calendarFromYears, calendarToYears, defaultCalendar, provisionalYear, withProvisionalYears } from '../../../domain/calendar';
import { defaultProcedureConfig, matterProjection, registerMatter, type MatterState } from '../../../domain/procedure';
import { nextAlert } from '../../../workflows/alerts';
import type { NotificationRecord } from '../../../workflows/definitions';

const cal = defaultCalendar();
const base = registerMatter({ matterId: 'M', kind: 'normative_document', flags: ['PUBLIC'], title: 't', draftingUnit: 'market', createdBy: 'd', versionHash: 'a'.repeat(64), now: '2025-03-03T09:00:00+08:00' }, defaultProcedureConfig);

function inLegalityReview(): MatterState {
  return { ...base, stage: 'legality_review', legality: { ...base.legality, startedAt: '2025-03-03T01:00:00.000Z', round: 1 } };
}

describe('the next reminder or escalation', () => {
  test('reminds before the review time limit, then escalates when it passes; never for the minimum review time', () => {
    const s = inLegalityReview();
    const first = nextAlert(s, defaultProcedureConfig, cal, []);
    expect(first).toMatchObject({ kind: 'reminder', deadlineKey: 'legality_review_time_limit' });
    // 15 working days from Mon 2025-03-03 end on Mon 2025-03-24 (Beijing), reminded 2 working days before.
    expect(first!.dueAt).toBe('2025-03-24T15:59:59.999Z');
    const second = nextAlert(s, defaultProcedureConfig, cal, [{ key: first!.key, kind: 'reminder', deadlineKey: first!.deadlineKey, dueAt: first!.dueAt, at: first!.at }]);
    expect(second).toMatchObject({ kind: 'escalation', deadlineKey: 'legality_review_time_limit', at: '2025-03-24T15:59:59.999Z' });
    const all = [first!, second!].map((a) => ({ key: a.key, kind: a.kind, deadlineKey: a.deadlineKey, dueAt: a.dueAt, at: a.at }));
    expect(nextAlert(s, defaultProcedureConfig, cal, all)).toBeNull();
  });

  test('histories from before the change still escalate the minimum review time (replay compatibility)', () => {
    const s = inLegalityReview();
    const raised: NotificationRecord[] = [];
    const seen: string[] = [];
    for (let a = nextAlert(s, defaultProcedureConfig, cal, raised, false); a; a = nextAlert(s, defaultProcedureConfig, cal, raised, false)) {
      seen.push(`${a.deadlineKey}:${a.kind}`);
      raised.push({ key: a.key, kind: a.kind, deadlineKey: a.deadlineKey, dueAt: a.dueAt, at: a.at });
    }
    expect(seen).toEqual(expect.arrayContaining(['legality_review_minimum:escalation', 'legality_review_time_limit:escalation']));
  });

  test('a comment window given in +08:00 is compared as an instant: reminded, not escalated', () => {
    const s: MatterState = {
      ...base,
      research: { ...base.research, publicComment: { kind: 'public_comment', openedAt: '2025-03-03T09:00:00+08:00', closesAt: '2025-04-03T17:00:00+08:00', channel: 'web', recordedBy: 'd', recordedAt: '2025-03-03T09:00:00+08:00', versionHash: 'a'.repeat(64) } },
    };
    const a = nextAlert(s, defaultProcedureConfig, cal, []);
    expect(a).toMatchObject({ kind: 'reminder', deadlineKey: 'comment_window' });
    expect(nextAlert(s, defaultProcedureConfig, cal, [{ key: a!.key, kind: a!.kind, deadlineKey: a!.deadlineKey, dueAt: a!.dueAt, at: a!.at }])).toBeNull();
  });

  test('a stopped clock raises nothing', () => {
    const s = inLegalityReview();
    const paused: MatterState = { ...s, stage: 'supplementing', legality: { ...s.legality, pauses: [{ from: '2025-03-04T01:00:00.000Z' }] } };
    expect(nextAlert(paused, defaultProcedureConfig, cal, [])).toBeNull();
  });

  test('a clock counted on a provisional year: no alert without the window (as before), provisional alerts with it, plain ones once the notice is loaded', () => {
    const s: MatterState = { ...base, stage: 'legality_review', legality: { ...base.legality, startedAt: '2026-12-21T02:00:00.000Z', round: 1 } };
    // Without the provisional window (histories from before it) the 2027 clock is not computed at all.
    expect(nextAlert(s, defaultProcedureConfig, cal, [])).toBeNull();
    const provisional = nextAlert(s, defaultProcedureConfig, withProvisionalYears(cal), []);
    // From Mon 21 Dec: 22–31 Dec = 8, (元旦 Fri 1 Jan 2027 and the weekend), 4–8 Jan = 13, 11–12 Jan = 15.
    expect(provisional).toMatchObject({ kind: 'reminder', deadlineKey: 'legality_review_time_limit', dueAt: '2027-01-12T15:59:59.999Z', provisional: true });
    const notice = { ...provisionalYear(2027), notice: '测试用', remarks: [] };
    const official = nextAlert(s, defaultProcedureConfig, withProvisionalYears(calendarFromYears([...calendarToYears(cal), notice])), []);
    expect(official).toMatchObject({ kind: 'reminder', dueAt: '2027-01-12T15:59:59.999Z' });
    expect(official).not.toHaveProperty('provisional');
  });
});

describe('only a missing holiday year is quiet; any other failure is loud', () => {
  /** A state the clock code cannot read: a bug, not a missing year. */
  const corrupted = (): MatterState => {
    const s = inLegalityReview();
    return { ...s, legality: { ...s.legality, pauses: null as never } };
  };

  test('a missing holiday year: no alert for that clock, and no failure', () => {
    const s = { ...inLegalityReview(), legality: { ...inLegalityReview().legality, startedAt: '2031-03-03T01:00:00.000Z' } };
    expect(nextAlert(s, defaultProcedureConfig, cal, [])).toBeNull();
  });

  test('anything else throws (the workflow task fails, shows in Temporal and is retried after a fix)', () => {
    expect(() => nextAlert(corrupted(), defaultProcedureConfig, cal, [])).toThrow(TypeError);
  });

  test('the projection\'s derived columns fail loudly too', () => {
    expect(matterProjection(inLegalityReview(), defaultProcedureConfig, cal).nextDueAt).toBe('2025-03-24T15:59:59.999Z');
    expect(() => matterProjection(corrupted(), defaultProcedureConfig, cal)).toThrow(TypeError);
  });
});
