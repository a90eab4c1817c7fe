import {
  CalendarYearMissingError,
  HolidayYearInvalidError,
  addWorkingDays,
  calendarFromYears,
  calendarToYears,
  defaultCalendar,
  isWorkingDay,
  parseHolidayYear,
  type HolidayYear,
} from '../../../domain/calendar';

/** A made-up 2027 for tests only: NOT the official notice, which is not published yet. */
function fixture2027(): HolidayYear {
  return {
    year: 2027,
    notice: 'test fixture, not an official notice',
    off: [
      { from: '2027-01-01', to: '2027-01-03', name: '元旦' },
      { from: '2027-02-06', to: '2027-02-13', name: '春节' },
    ],
    makeupWorkdays: ['2027-02-14'],
  };
}

function errorOf(raw: unknown): HolidayYearInvalidError {
  try {
    parseHolidayYear(raw);
  } catch (e) {
    if (e instanceof HolidayYearInvalidError) return e;
    throw e;
  }
  throw new Error('parseHolidayYear accepted the input');
}

describe('defaultCalendar', () => {
  const cal = defaultCalendar();

  test('holds exactly 2024, 2025, 2026 with their notices', () => {
    expect([...cal.years.keys()]).toEqual([2024, 2025, 2026]);
    expect(cal.years.get(2024)?.notice).toBe('国办发明电〔2023〕7号, 2023-10-25');
    expect(cal.years.get(2025)?.notice).toMatch(/^国办发明电〔2024〕12号/);
    expect(cal.years.get(2024)?.remarks?.[0]).toMatch(/除夕/);
    expect(cal.years.get(2025)?.off).toHaveLength(6);
    expect(cal.years.get(2026)?.makeupWorkdays).toEqual([
      '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10',
    ]);
  });

  test('its data is frozen: a workflow cannot change the shared notice by accident', () => {
    const y2025 = cal.years.get(2025);
    expect(() => y2025?.makeupWorkdays.push('2025-12-27')).toThrow(TypeError);
    expect(isWorkingDay('2025-12-27', cal)).toBe(false);
  });
});

describe('calendarFromYears / calendarToYears', () => {
  test('round-trips through plain data', () => {
    const years = calendarToYears(defaultCalendar());
    expect(JSON.parse(JSON.stringify(years))).toEqual(years);
    expect(calendarToYears(calendarFromYears(years))).toEqual(years);
    expect(years.map((y) => y.year)).toEqual([2024, 2025, 2026]);
  });

  test('calendarToYears returns copies the caller may change freely', () => {
    const cal = defaultCalendar();
    const years = calendarToYears(cal);
    years[1]?.makeupWorkdays.push('2025-12-27');
    expect(isWorkingDay('2025-12-27', cal)).toBe(false);
  });

  test('loading a new year makes it computable, and only then', () => {
    const base = defaultCalendar();
    expect(() => addWorkingDays('2026-12-31', 1, base)).toThrow(CalendarYearMissingError);
    const extended = calendarFromYears([...calendarToYears(base), fixture2027()]);
    // Thu 2026-12-31 +1: 2027-01-01..03 off in the fixture, Mon 01-04.
    expect(addWorkingDays('2026-12-31', 1, extended)).toBe('2027-01-04');
    // Fri 2027-02-05 +1: 02-06..13 off, Sun 02-14 worked.
    expect(addWorkingDays('2027-02-05', 1, extended)).toBe('2027-02-14');
  });

  test('the same year twice is refused', () => {
    expect(() => calendarFromYears([fixture2027(), fixture2027()])).toThrow(/2027 is given twice/);
  });

  test('bad data is refused when building a calendar, not when first used', () => {
    const bad = { ...fixture2027(), makeupWorkdays: ['2027-01-04'] };
    expect(() => calendarFromYears([bad])).toThrow(HolidayYearInvalidError);
  });
});

describe('parseHolidayYear', () => {
  test('accepts a good year and returns a sorted copy', () => {
    const raw = { ...fixture2027(), off: [...fixture2027().off].reverse(), remarks: ['note'] };
    const parsed = parseHolidayYear(raw);
    expect(parsed.off.map((r) => r.from)).toEqual(['2027-01-01', '2027-02-06']);
    expect(parsed.remarks).toEqual(['note']);
    expect(parsed.off).not.toBe(raw.off);
  });

  test.each<[string, string, unknown, RegExp]>([
    ['not an object', '(root)', 'x', /must be an object/],
    ['missing year', 'year', { ...fixture2027(), year: undefined }, /four-digit/],
    ['year as string', 'year', { ...fixture2027(), year: '2027' }, /four-digit/],
    ['empty notice', 'notice', { ...fixture2027(), notice: ' ' }, /State Council notice/],
    ['misspelt field', 'makeup_workdays', { ...fixture2027(), makeup_workdays: [] }, /not a known field/],
    ['off not an array', 'off', { ...fixture2027(), off: {} }, /array/],
    ['no such date', 'off[0].from', { ...fixture2027(), off: [{ from: '2027-02-29', to: '2027-03-01', name: 'x' }] }, /real date/],
    ['date of another year', 'off[0].from', { ...fixture2027(), off: [{ from: '2026-12-31', to: '2027-01-01', name: '元旦' }] }, /not in 2027/],
    ['range backwards', 'off[0]', { ...fixture2027(), off: [{ from: '2027-01-03', to: '2027-01-01', name: '元旦' }] }, /runs backwards/],
    ['unnamed range', 'off[0].name', { ...fixture2027(), off: [{ from: '2027-01-01', to: '2027-01-01', name: '' }] }, /name the holiday/],
    ['extra key in a range', 'off[0].days', { ...fixture2027(), off: [{ from: '2027-01-01', to: '2027-01-01', name: '元旦', days: 1 }] }, /not a known field/],
    [
      'overlapping ranges',
      'off[2]',
      { ...fixture2027(), off: [...fixture2027().off, { from: '2027-02-12', to: '2027-02-13', name: 'dup' }] },
      /overlaps 春节/,
    ],
    ['make-up day on a Monday', 'makeupWorkdays[0]', { ...fixture2027(), makeupWorkdays: ['2027-01-04'] }, /Monday.*Saturday or Sunday/],
    ['make-up day in another year', 'makeupWorkdays[0]', { ...fixture2027(), makeupWorkdays: ['2026-12-27'] }, /not in 2027/],
    ['make-up day listed twice', 'makeupWorkdays[1]', { ...fixture2027(), makeupWorkdays: ['2027-02-14', '2027-02-14'] }, /twice/],
    ['make-up day inside a day-off range', 'off[1]', { ...fixture2027(), makeupWorkdays: ['2027-02-07'] }, /contains make-up working day 2027-02-07/],
    ['remarks not strings', 'remarks[0]', { ...fixture2027(), remarks: [1] }, /string/],
  ])('refuses %s, naming %s', (_label, field, raw, message) => {
    const e = errorOf(raw);
    expect(e.field).toBe(field);
    expect(e.message).toContain(field);
    expect(e.message).toMatch(message);
  });
});
