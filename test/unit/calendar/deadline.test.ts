import {
  CalendarYearMissingError,
  defaultCalendar,
  dueAt,
  effectiveDueAt,
  remindAt,
  type Duration,
} from '../../../domain/calendar';

const cal = defaultCalendar();
const wd = (amount: number): Duration => ({ amount, unit: 'working_days' });
const cd = (amount: number): Duration => ({ amount, unit: 'calendar_days' });
const sec = (amount: number): Duration => ({ amount, unit: 'seconds' });

describe('dueAt', () => {
  test('5 working days from Fri 2025-01-03 end on Fri 2025-01-10, 23:59:59.999 Beijing time', () => {
    expect(dueAt('2025-01-03T09:00:00+08:00', wd(5), cal)).toBe('2025-01-10T15:59:59.999Z');
  });

  test('7 working days (713号令 art. 26 minimum) from Tue 2025-09-30 skip 国庆+中秋 and count Sat 10-11', () => {
    // 10-09, 10-10, 10-11 (调休上班), 10-13, 10-14, 10-15, 10-16.
    expect(dueAt('2025-09-30T10:00:00+08:00', wd(7), cal)).toBe('2025-10-16T15:59:59.999Z');
  });

  test('the start date is the Beijing date, not the UTC date', () => {
    // 2025-09-28T16:30Z is Mon 09-29 00:30 in Beijing: +1 → Tue 09-30 (the UTC date, Sun 09-28, would give 09-29).
    expect(dueAt('2025-09-28T16:30:00Z', wd(1), cal)).toBe('2025-09-30T15:59:59.999Z');
    // 15:59 UTC is still Sun 09-28 (调休上班) in Beijing: +1 → Mon 09-29.
    expect(dueAt('2025-09-28T15:59:00Z', wd(1), cal)).toBe('2025-09-29T15:59:59.999Z');
  });

  test('0 working days from a holiday: end of the next working day', () => {
    expect(dueAt('2025-10-03T12:00:00+08:00', wd(0), cal)).toBe('2025-10-09T15:59:59.999Z');
  });

  test('30 calendar days (public comment, 713号令 art. 15) from 2025-01-01 end on 2025-01-31', () => {
    expect(dueAt('2025-01-01T09:00:00+08:00', cd(30), cal)).toBe('2025-01-31T15:59:59.999Z');
  });

  test('calendar days need no holiday data: from 2026-12-20, 30 days → 2027-01-19', () => {
    expect(dueAt('2026-12-20T09:00:00+08:00', cd(30), cal)).toBe('2027-01-19T15:59:59.999Z');
  });

  test('calendar days land on holidays unchanged (no roll-over): 2025-09-21 + 10 → 2025-10-01', () => {
    expect(dueAt('2025-09-21T09:00:00+08:00', cd(10), cal)).toBe('2025-10-01T15:59:59.999Z');
  });

  test('seconds: the start plus the amount, in UTC', () => {
    expect(dueAt('2025-01-01T08:00:00+08:00', sec(90), cal)).toBe('2025-01-01T00:01:30.000Z');
    expect(dueAt('2025-01-01T00:00:00Z', sec(0.25), cal)).toBe('2025-01-01T00:00:00.250Z');
  });

  test('pausedInUnit extends in the deadline’s own unit', () => {
    // 5 + 2 working days from Fri 2025-01-03 → Tue 01-14.
    expect(dueAt('2025-01-03T09:00:00+08:00', wd(5), cal, 2)).toBe('2025-01-14T15:59:59.999Z');
    expect(dueAt('2025-01-01T09:00:00+08:00', cd(30), cal, 5)).toBe('2025-02-05T15:59:59.999Z');
    expect(dueAt('2025-01-01T00:00:00Z', sec(60), cal, 15)).toBe('2025-01-01T00:01:15.000Z');
  });

  test('a working-day deadline reaching 2027 is refused', () => {
    expect(() => dueAt('2026-12-25T10:00:00+08:00', wd(10), cal)).toThrow(CalendarYearMissingError);
    expect(() => dueAt('2023-12-25T10:00:00+08:00', wd(1), cal)).toThrow(expect.objectContaining({ year: 2023 }));
  });

  test.each([
    [wd(-1), 'negative'],
    [wd(1.5), 'fractional working days'],
    [cd(Number.NaN), 'NaN'],
    [{ amount: 1, unit: 'weeks' } as unknown as Duration, 'unknown unit'],
  ])('bad duration %p is a RangeError (%s)', (duration) => {
    expect(() => dueAt('2025-01-03T09:00:00+08:00', duration, cal)).toThrow(RangeError);
  });

  test('a start without an offset is a RangeError', () => {
    expect(() => dueAt('2025-01-03T09:00:00', wd(1), cal)).toThrow(RangeError);
  });

  test('a negative or fractional pausedInUnit for days is a RangeError', () => {
    expect(() => dueAt('2025-01-03T09:00:00+08:00', wd(5), cal, -1)).toThrow(RangeError);
    expect(() => dueAt('2025-01-03T09:00:00+08:00', wd(5), cal, 0.5)).toThrow(RangeError);
  });
});

describe('effectiveDueAt (clock stops)', () => {
  const start = '2025-01-03T09:00:00+08:00'; // Fri; 5 working days → Fri 01-10

  test('no pauses: same as dueAt', () => {
    expect(effectiveDueAt(start, wd(5), [], cal)).toBe('2025-01-10T15:59:59.999Z');
  });

  test('an open pause stops the clock: null', () => {
    expect(effectiveDueAt(start, wd(5), [{ from: '2025-01-07T10:00:00+08:00' }], cal)).toBeNull();
  });

  test('Tue 01-07 10:00 → Thu 01-09 15:00 gives back 2 working days (08, 09): due Tue 01-14', () => {
    const pauses = [{ from: '2025-01-07T10:00:00+08:00', to: '2025-01-09T15:00:00+08:00' }];
    expect(effectiveDueAt(start, wd(5), pauses, cal)).toBe('2025-01-14T15:59:59.999Z');
  });

  test('a pause opened and closed on the same day gives back nothing', () => {
    const pauses = [{ from: '2025-01-07T09:00:00+08:00', to: '2025-01-07T17:00:00+08:00' }];
    expect(effectiveDueAt(start, wd(5), pauses, cal)).toBe('2025-01-10T15:59:59.999Z');
  });

  test('holidays inside a pause give nothing back: 09-30 → 10-10 over 国庆 returns only 10-09, 10-10', () => {
    // 7 working days from Fri 09-26: 28, 29, 30, 10-09, 10, 11, 13 → due Mon 10-13; +2 → 10-14, 10-15.
    const pauses = [{ from: '2025-09-30T10:00:00+08:00', to: '2025-10-10T09:00:00+08:00' }];
    expect(dueAt('2025-09-26T09:00:00+08:00', wd(7), cal)).toBe('2025-10-13T15:59:59.999Z');
    expect(effectiveDueAt('2025-09-26T09:00:00+08:00', wd(7), pauses, cal)).toBe('2025-10-15T15:59:59.999Z');
  });

  test('a pause opened on the last day gives back the rest of the restart day', () => {
    // Stopped Fri 01-10 (the due day) 14:00, restarted Tue 01-14: gives back 13, 14 → due Tue 01-14.
    const pauses = [{ from: '2025-01-10T14:00:00+08:00', to: '2025-01-14T10:00:00+08:00' }];
    expect(effectiveDueAt(start, wd(5), pauses, cal)).toBe('2025-01-14T15:59:59.999Z');
  });

  test('calendar days: paused 01-10 → 01-15 gives back 5 days', () => {
    const pauses = [{ from: '2025-01-10T10:00:00+08:00', to: '2025-01-15T10:00:00+08:00' }];
    expect(effectiveDueAt('2025-01-01T09:00:00+08:00', cd(30), pauses, cal)).toBe('2025-02-05T15:59:59.999Z');
  });

  test('seconds: paused 15 s gives back 15 s', () => {
    const pauses = [{ from: '2025-01-01T00:00:10Z', to: '2025-01-01T00:00:25Z' }];
    expect(effectiveDueAt('2025-01-01T00:00:00Z', sec(60), pauses, cal)).toBe('2025-01-01T00:01:15.000Z');
  });

  test('overlapping pauses are not counted twice: [10 s, 30 s] ∪ [20 s, 40 s] gives back 30 s', () => {
    const pauses = [
      { from: '2025-01-01T00:00:20Z', to: '2025-01-01T00:00:40Z' },
      { from: '2025-01-01T00:00:10Z', to: '2025-01-01T00:00:30Z' },
    ];
    expect(effectiveDueAt('2025-01-01T00:00:00Z', sec(60), pauses, cal)).toBe('2025-01-01T00:01:30.000Z');
  });

  test('a second pause after the original deadline but before the extended one still counts', () => {
    // 60 s; pause [10, 50] → due 100 s; pause [80, 90] → due 110 s.
    const pauses = [
      { from: '2025-01-01T00:00:10Z', to: '2025-01-01T00:00:50Z' },
      { from: '2025-01-01T00:01:20Z', to: '2025-01-01T00:01:30Z' },
    ];
    expect(effectiveDueAt('2025-01-01T00:00:00Z', sec(60), pauses, cal)).toBe('2025-01-01T00:01:50.000Z');
  });

  test('a pause starting after the clock ran out changes nothing, even when open', () => {
    const late = { from: '2025-01-01T00:01:40Z', to: '2025-01-01T00:03:20Z' };
    expect(effectiveDueAt('2025-01-01T00:00:00Z', sec(60), [late], cal)).toBe('2025-01-01T00:01:00.000Z');
    expect(effectiveDueAt('2025-01-01T00:00:00Z', sec(60), [{ from: late.from }], cal)).toBe('2025-01-01T00:01:00.000Z');
  });

  test('only the part of a pause after the start counts', () => {
    const pauses = [{ from: '2024-12-31T23:59:30Z', to: '2025-01-01T00:00:10Z' }];
    expect(effectiveDueAt('2025-01-01T00:00:00Z', sec(60), pauses, cal)).toBe('2025-01-01T00:01:10.000Z');
  });

  test('a pause ending before it starts is a RangeError', () => {
    const pauses = [{ from: '2025-01-01T00:00:30Z', to: '2025-01-01T00:00:10Z' }];
    expect(() => effectiveDueAt('2025-01-01T00:00:00Z', sec(60), pauses, cal)).toThrow(/pauses\[0\]/);
  });
});

describe('remindAt', () => {
  const due = '2025-10-10T15:59:59.999Z'; // end of Fri 2025-10-10, Beijing

  test('3 working days before Fri 10-10: start of Tue 09-30 (10-01..08 off), Beijing midnight', () => {
    expect(remindAt(due, wd(3), cal)).toBe('2025-09-29T16:00:00.000Z');
  });

  test('1 working day: start of the due day itself', () => {
    expect(remindAt(due, wd(1), cal)).toBe('2025-10-09T16:00:00.000Z');
  });

  test('due on a holiday (calendar-day deadline 10-05): 1 working day → start of Tue 09-30', () => {
    expect(remindAt('2025-10-05T15:59:59.999Z', wd(1), cal)).toBe('2025-09-29T16:00:00.000Z');
  });

  test('2 calendar days before the end of 2025-01-31: start of 01-30', () => {
    expect(remindAt('2025-01-31T15:59:59.999Z', cd(2), cal)).toBe('2025-01-29T16:00:00.000Z');
  });

  test('seconds and zero leads', () => {
    expect(remindAt('2025-01-01T00:01:00.000Z', sec(30), cal)).toBe('2025-01-01T00:00:30.000Z');
    expect(remindAt(due, wd(0), cal)).toBe('2025-10-10T15:59:59.999Z');
  });

  test('counting back into 2023 is refused', () => {
    // Due end of Tue 2024-01-02: 01-02 (1), 01-01 元旦 off, then 2023-12-31 has no data.
    expect(() => remindAt('2024-01-02T15:59:59.999Z', wd(3), cal)).toThrow(expect.objectContaining({ year: 2023 }));
  });
});
