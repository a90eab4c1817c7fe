/**
 * The provisional window: only the year after the last official notice is computed from the 放假办法;
 * everything a provisional year touches says so, and a loaded notice replaces it.
 */
import {
  CalendarYearMissingError,
  PROVISIONAL_WINDOW_YEARS,
  addWorkingDays,
  calendarFromYears,
  calendarToYears,
  defaultCalendar,
  dueAt,
  holidayYearOf,
  isProvisionalYear,
  isWorkingDay,
  periodReadsProvisionalYear,
  provisionalYear,
  provisionalYearsBetween,
  remindAt,
  withProvisionalYears,
  workingDaysBetween,
  type HolidayYear,
} from '../../../domain/calendar';

const official = defaultCalendar(); // 2024–2026
const cal = withProvisionalYears(official);

/** A made-up official 2027 for tests only (NOT the real notice): 元旦 1–3 Jan, 春节 5–13 Feb, Sun 14 Feb worked. */
const notice2027: HolidayYear = {
  year: 2027,
  notice: '测试用（非真实通知）',
  off: [
    { from: '2027-01-01', to: '2027-01-03', name: '元旦' },
    { from: '2027-02-05', to: '2027-02-13', name: '春节' },
  ],
  makeupWorkdays: ['2027-02-14'],
};

describe('the window: one year past the last notice', () => {
  test('the window is one year', () => {
    expect(PROVISIONAL_WINDOW_YEARS).toBe(1);
  });

  test('2027 is provisional, 2024–2026 official, 2028 and 2023 missing', () => {
    expect([2023, 2024, 2025, 2026, 2027, 2028].map((y) => isProvisionalYear(cal, y))).toEqual([false, false, false, false, true, false]);
    expect(holidayYearOf(cal, 2027)).toEqual(provisionalYear(2027));
    expect(holidayYearOf(cal, 2026).notice).not.toMatch(/暂定/);
  });

  test('Thu 2026-12-31 + 1 → Mon 2027-01-04 (元旦 Fri 1 Jan and the weekend), where it used to be refused', () => {
    expect(() => addWorkingDays('2026-12-31', 1, official)).toThrow(CalendarYearMissingError);
    expect(addWorkingDays('2026-12-31', 1, cal)).toBe('2027-01-04');
  });

  test('2027 春节 week: Thu 4 Feb + 1 → Thu 11 Feb (除夕 Fri 5 – Wed 10 Feb off incl. two 补假)', () => {
    expect(addWorkingDays('2027-02-04', 1, cal)).toBe('2027-02-11');
    expect(isWorkingDay('2027-02-10', cal)).toBe(false);
  });

  test('beyond the window: 2028 is refused with the calendar\'s own error, naming the window', () => {
    expect(() => addWorkingDays('2027-12-30', 2, cal)).toThrow(CalendarYearMissingError);
    try {
      addWorkingDays('2027-12-30', 2, cal);
    } catch (e) {
      expect((e as CalendarYearMissingError).year).toBe(2028);
      expect((e as Error).message).toContain('2028年部分节假日安排');
      expect((e as Error).message).toContain('provisional year is computed only up to 2027');
    }
  });

  test('years before the first notice are never guessed', () => {
    expect(() => isWorkingDay('2023-06-01', cal)).toThrow(expect.objectContaining({ year: 2023 }));
  });

  test('a gap between notices is not filled: only years after the last one', () => {
    const gappy = withProvisionalYears(calendarFromYears(calendarToYears(official).filter((y) => y.year !== 2025)));
    expect(() => isWorkingDay('2025-03-03', gappy)).toThrow(expect.objectContaining({ year: 2025 }));
    expect(isProvisionalYear(gappy, 2027)).toBe(true);
  });

  test('a calendar with no notice gets no provisional year', () => {
    expect(withProvisionalYears(calendarFromYears([])).provisional?.size).toBe(0);
  });

  test('loading the 2027 notice replaces the provisional 2027 and moves the window to 2028', () => {
    const next = withProvisionalYears(calendarFromYears([...calendarToYears(official), notice2027]));
    expect(isProvisionalYear(next, 2027)).toBe(false);
    expect(isProvisionalYear(next, 2028)).toBe(true);
    // Provisionally Thu 11 Feb is the next working day; in the (made-up) notice 5–13 Feb are off and Sun 14 Feb is worked.
    expect(addWorkingDays('2027-02-04', 1, cal)).toBe('2027-02-11');
    expect(addWorkingDays('2027-02-04', 1, next)).toBe('2027-02-14');
  });

  test('the serialised form holds the notices only: provisional years are recomputed, never stored', () => {
    expect(calendarToYears(cal).map((y) => y.year)).toEqual([2024, 2025, 2026]);
  });
});

describe('what depends on a provisional year says so', () => {
  test('provisionalYearsBetween: the provisional years among the days between two dates, either order', () => {
    expect(provisionalYearsBetween(cal, '2026-12-01', '2026-12-31')).toEqual([]);
    expect(provisionalYearsBetween(cal, '2026-12-31', '2027-01-04')).toEqual([2027]);
    expect(provisionalYearsBetween(cal, '2027-01-04', '2026-12-31')).toEqual([2027]);
    expect(provisionalYearsBetween(official, '2026-12-31', '2027-01-04')).toEqual([]);
  });

  test('a working-day deadline crossing into 2027 is provisional; one ending in 2026 is not', () => {
    const start = '2026-12-21T10:00:00+08:00';
    const due = dueAt(start, { amount: 10, unit: 'working_days' }, cal);
    // 22..31 Dec: 8 working days; Fri 1 Jan 元旦, weekend; Mon 4, Tue 5 Jan.
    expect(due).toBe('2027-01-05T15:59:59.999Z');
    expect(periodReadsProvisionalYear(start, due, 'working_days', cal)).toBe(true);
    const early = dueAt(start, { amount: 5, unit: 'working_days' }, cal);
    expect(periodReadsProvisionalYear(start, early, 'working_days', cal)).toBe(false);
  });

  test('calendar days and seconds never read holiday data, so they are never provisional', () => {
    const start = '2026-12-21T10:00:00+08:00';
    const due = dueAt(start, { amount: 30, unit: 'calendar_days' }, cal);
    expect(periodReadsProvisionalYear(start, due, 'calendar_days', cal)).toBe(false);
    expect(periodReadsProvisionalYear(start, '2027-03-01T00:00:00Z', 'seconds', cal)).toBe(false);
  });

  test('a working-day reminder before a calendar-day deadline in 2027 is provisional', () => {
    const due = '2027-01-05T15:59:59.999Z';
    const remind = remindAt(due, { amount: 2, unit: 'working_days' }, cal);
    expect(remind).toBe('2027-01-03T16:00:00.000Z'); // start of Mon 4 Jan, Beijing time
    expect(periodReadsProvisionalYear(remind, due, 'working_days', cal)).toBe(true);
  });

  test('clock stops over the year end are counted on the provisional year too', () => {
    expect(workingDaysBetween('2026-12-30', '2027-01-05', cal)).toBe(3); // 31 Dec, 4 and 5 Jan
  });
});
