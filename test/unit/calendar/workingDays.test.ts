import {
  CalendarYearMissingError,
  addWorkingDays,
  defaultCalendar,
  isWorkingDay,
  workingDayCountingBack,
  workingDaysBetween,
} from '../../../domain/calendar';

const cal = defaultCalendar();

describe('addWorkingDays across holidays (results counted by hand)', () => {
  test.each([
    ['2025-09-30', 1, '2025-10-09', 'Tue before 国庆+中秋 2025: 10-01..08 off, next working day is Thu 10-09'],
    ['2025-09-26', 1, '2025-09-28', 'Fri 2025-09-26: Sat 27 rests, Sun 28 is 调休上班'],
    ['2025-09-26', 7, '2025-10-13', 'Fri 2025-09-26 +7: 28,29,30, 10-09,10, Sat 11 (调休上班), Mon 13'],
    ['2024-02-08', 1, '2024-02-09', 'Thu 2024-02-08 +1: 除夕 Fri 02-09 is a working day in 2024'],
    ['2024-02-08', 2, '2024-02-18', 'Thu 2024-02-08 +2: 02-10..17 春节 off, Sun 02-18 is 调休上班'],
    ['2024-02-08', 3, '2024-02-19', 'Thu 2024-02-08 +3: Mon 02-19 after the make-up Sunday'],
    ['2025-01-24', 1, '2025-01-26', 'Fri 2025-01-24 +1: Sun 01-26 is 调休上班 before 春节'],
    ['2025-01-24', 3, '2025-02-05', 'Fri 2025-01-24 +3: 26, 27, then 01-28..02-04 春节 off, Wed 02-05'],
    ['2026-02-10', 7, '2026-02-26', 'Tue 2026-02-10 +7: 11,12,13, Sat 14 (调休上班), 15..23 春节 off, 24,25,26'],
    ['2024-09-13', 1, '2024-09-14', 'Fri 2024-09-13 +1: Sat 09-14 is 调休上班 before 中秋'],
    ['2024-09-13', 2, '2024-09-18', 'Fri 2024-09-13 +2: 09-15..17 中秋 off, Wed 09-18'],
    ['2024-09-27', 3, '2024-10-08', 'Fri 2024-09-27 +3: Sun 29 (调休上班), Mon 30, 10-01..07 国庆 off, Tue 10-08'],
    ['2025-05-30', 1, '2025-06-03', 'Fri 2025-05-30 +1: 05-31..06-02 端午 off, Tue 06-03'],
    ['2025-04-30', 1, '2025-05-06', 'Wed 2025-04-30 +1: 05-01..05 劳动节 off, Tue 05-06'],
    ['2025-01-06', 5, '2025-01-13', 'an ordinary week: Mon 2025-01-06 +5 is the next Monday'],
  ])('%s + %i → %s (%s)', (from, n, expected) => {
    expect(addWorkingDays(from, n, cal)).toBe(expected);
  });
});

describe('addWorkingDays with n = 0', () => {
  test.each([
    ['2025-10-01', '2025-10-09', '国庆 day: the clock starts on the next working day'],
    ['2025-10-11', '2025-10-11', 'a 调休上班 Saturday is itself a working day'],
    ['2024-02-09', '2024-02-09', '除夕 2024 is itself a working day'],
    ['2025-01-04', '2025-01-06', 'an ordinary Saturday moves to Monday'],
  ])('%s → %s (%s)', (from, expected) => {
    expect(addWorkingDays(from, 0, cal)).toBe(expected);
  });
});

describe('year boundaries', () => {
  test('Tue 2024-12-31 +1 → Thu 2025-01-02 (元旦 2025 is Wed 01-01)', () => {
    expect(addWorkingDays('2024-12-31', 1, cal)).toBe('2025-01-02');
  });

  test('Wed 2025-12-31 +1 → Sun 2026-01-04 (元旦 01-01..03 off, Sun 01-04 is 调休上班)', () => {
    expect(addWorkingDays('2025-12-31', 1, cal)).toBe('2026-01-04');
    expect(addWorkingDays('2025-12-31', 2, cal)).toBe('2026-01-05');
  });

  test('counting over a year end sums both years', () => {
    // 2025-12-29 (Mon) .. 2026-01-05: 30, 31, 01-04, 01-05.
    expect(workingDaysBetween('2025-12-29', '2026-01-05', cal)).toBe(4);
  });
});

describe('years without a notice are refused, never guessed', () => {
  test.each([
    ['2023-06-01', 2023],
    ['2027-01-04', 2027],
  ])('isWorkingDay(%s) throws CalendarYearMissingError for %i', (date, year) => {
    expect(() => isWorkingDay(date, cal)).toThrow(CalendarYearMissingError);
    try {
      isWorkingDay(date, cal);
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarYearMissingError);
      expect((e as CalendarYearMissingError).year).toBe(year);
      expect((e as Error).message).toContain(`${year}年部分节假日安排`);
    }
  });

  test('Thu 2026-12-31 +1 would reach 2027: refused with year 2027', () => {
    expect(() => addWorkingDays('2026-12-31', 1, cal)).toThrow(expect.objectContaining({ year: 2027 }));
  });

  test('the last 2026 working day is still computable (Wed 2026-12-30 +1 → Thu 2026-12-31)', () => {
    expect(addWorkingDays('2026-12-30', 1, cal)).toBe('2026-12-31');
  });

  test('a start in 2023 is refused even with n = 0', () => {
    expect(() => addWorkingDays('2023-12-30', 0, cal)).toThrow(expect.objectContaining({ year: 2023 }));
  });

  test('workingDaysBetween only needs the years of the counted days (from is excluded)', () => {
    expect(workingDaysBetween('2023-12-31', '2024-01-02', cal)).toBe(1);
    expect(() => workingDaysBetween('2023-12-30', '2024-01-02', cal)).toThrow(CalendarYearMissingError);
    expect(() => workingDaysBetween('2026-12-30', '2027-01-02', cal)).toThrow(CalendarYearMissingError);
  });
});

describe('workingDaysBetween', () => {
  test('2025-09-30 → 2025-10-09 is one working day (the whole holiday in between)', () => {
    expect(workingDaysBetween('2025-09-30', '2025-10-09', cal)).toBe(1);
  });

  test('2025-09-26 → 2025-10-12 counts both make-up days: 28, 29, 30, 10-09, 10-10, 10-11', () => {
    expect(workingDaysBetween('2025-09-26', '2025-10-12', cal)).toBe(6);
  });

  test('0 when to <= from', () => {
    expect(workingDaysBetween('2025-10-09', '2025-10-09', cal)).toBe(0);
    expect(workingDaysBetween('2025-10-10', '2025-10-09', cal)).toBe(0);
  });

  test('is the inverse of addWorkingDays for every start in 2025 and n up to 20', () => {
    const failures: string[] = [];
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2026, 0, 1); t += 86_400_000) {
      const from = new Date(t).toISOString().slice(0, 10);
      for (let n = 1; n <= 20; n++) {
        const due = addWorkingDays(from, n, cal);
        if (workingDaysBetween(from, due, cal) !== n || !isWorkingDay(due, cal)) failures.push(`${from}+${n}=${due}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('workingDayCountingBack', () => {
  test.each([
    ['2025-10-10', 1, '2025-10-10', 'a working due day counts as the first'],
    ['2025-10-10', 2, '2025-10-09', 'Thu before it'],
    ['2025-10-10', 3, '2025-09-30', 'skipping 国庆+中秋 10-01..08 back to Tue 09-30'],
    ['2025-10-05', 1, '2025-09-30', 'a due day inside the holiday is not itself counted'],
    ['2026-01-05', 2, '2026-01-04', 'the 调休上班 Sunday 2026-01-04 counts'],
  ])('back from %s by %i → %s (%s)', (to, n, expected) => {
    expect(workingDayCountingBack(to, n, cal)).toBe(expected);
  });
});

describe('bad arguments', () => {
  test.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('n = %p is a RangeError', (n) => {
    expect(() => addWorkingDays('2025-01-06', n, cal)).toThrow(RangeError);
  });

  test.each(['2025-02-29', '2025-1-6', '2025-01-06T00:00:00Z', ''])('date %p is a RangeError', (date) => {
    expect(() => isWorkingDay(date, cal)).toThrow(RangeError);
    expect(() => addWorkingDays(date, 1, cal)).toThrow(RangeError);
  });
});
