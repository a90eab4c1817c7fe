import {
  addCalendarDays,
  calendarDaysBetween,
  chinaDateOf,
  endOfChinaDay,
  formatInstant,
  isValidDate,
  isWeekend,
  parseInstant,
  startOfChinaDay,
  weekdayOf,
} from '../../../domain/calendar';

describe('isValidDate', () => {
  test.each(['2024-02-29', '2000-02-29', '2025-12-31', '0001-01-01', '9999-12-31'])('%s is valid', (s) => {
    expect(isValidDate(s)).toBe(true);
  });

  test.each([
    ['2025-02-29', 'not a leap year'],
    ['1900-02-29', 'century, not a leap year'],
    ['2025-13-01', 'month 13'],
    ['2025-04-31', 'April has 30 days'],
    ['2025-00-10', 'month 0'],
    ['2025-01-00', 'day 0'],
    ['2025-1-01', 'month without leading zero'],
    ['25-01-01', 'two-digit year'],
    ['2025/01/01', 'slashes'],
    ['2025-01-01T00:00:00Z', 'a datetime'],
    [' 2025-01-01', 'leading blank'],
    ['2025-01-01\n', 'trailing newline'],
  ])('%p is invalid (%s)', (s) => {
    expect(isValidDate(s)).toBe(false);
  });
});

describe('calendar-day arithmetic (no holiday data involved)', () => {
  test.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-28', 2, '2024-03-01'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2025-01-01', 30, '2025-01-31'],
    ['2026-12-20', 30, '2027-01-19'],
    ['2023-01-01', 0, '2023-01-01'],
  ])('%s plus %i days → %s', (from, n, expected) => {
    expect(addCalendarDays(from, n)).toBe(expected);
  });

  test('calendarDaysBetween is signed', () => {
    expect(calendarDaysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(calendarDaysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(calendarDaysBetween('2025-01-01', '2024-01-01')).toBe(-366);
    expect(calendarDaysBetween('2025-10-01', '2025-10-01')).toBe(0);
  });

  test('non-integer day counts are refused', () => {
    expect(() => addCalendarDays('2025-01-01', 0.5)).toThrow(RangeError);
  });

  test('weekdays: 2025-01-01 Wednesday, 2026-01-04 Sunday, 1970-01-01 Thursday', () => {
    expect(weekdayOf('2025-01-01')).toBe(3);
    expect(weekdayOf('2026-01-04')).toBe(0);
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('1969-12-31')).toBe(3);
    expect(isWeekend('2025-10-11')).toBe(true);
    expect(isWeekend('2025-10-10')).toBe(false);
  });
});

describe('instants and the Beijing calendar', () => {
  test('parseInstant reads Z and offsets, and normalises to UTC', () => {
    expect(formatInstant(parseInstant('2025-01-10T09:00:00+08:00'))).toBe('2025-01-10T01:00:00.000Z');
    expect(formatInstant(parseInstant('2025-01-10T01:00Z'))).toBe('2025-01-10T01:00:00.000Z');
    expect(formatInstant(parseInstant('2025-01-10T01:00:00.1234567Z'))).toBe('2025-01-10T01:00:00.123Z');
    expect(formatInstant(parseInstant('2025-01-09T20:00:00-05:00'))).toBe('2025-01-10T01:00:00.000Z');
  });

  test.each([
    ['2025-01-10T09:00:00', 'no offset: would be read in host-local time'],
    ['2025-01-10', 'a bare date'],
    ['2025-02-29T09:00:00Z', 'no such day'],
    ['2025-01-10T24:00:00Z', 'hour 24'],
    ['2025-01-10 09:00:00Z', 'space instead of T'],
  ])('parseInstant refuses %p (%s)', (iso) => {
    expect(() => parseInstant(iso)).toThrow(RangeError);
  });

  test('the Beijing date changes at 16:00 UTC', () => {
    expect(chinaDateOf(parseInstant('2025-09-30T15:59:59.999Z'))).toBe('2025-09-30');
    expect(chinaDateOf(parseInstant('2025-09-30T16:00:00.000Z'))).toBe('2025-10-01');
    expect(chinaDateOf(parseInstant('2025-10-01T00:30:00+08:00'))).toBe('2025-10-01');
  });

  test('start and end of a Beijing day', () => {
    expect(formatInstant(startOfChinaDay('2025-01-10'))).toBe('2025-01-09T16:00:00.000Z');
    expect(formatInstant(endOfChinaDay('2025-01-10'))).toBe('2025-01-10T15:59:59.999Z');
  });
});
