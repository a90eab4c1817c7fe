/**
 * Calendar dates as 'YYYY-MM-DD' strings, with arithmetic on a day number (days since 1970-01-01).
 *
 * The conversion is plain integer arithmetic (H. Hinnant's civil-from-days algorithm) rather than
 * Date: it cannot be shifted by the host's time zone, and Date.UTC would silently map years 0–99
 * to 1900–1999.
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
export const MS_PER_DAY = 86_400_000;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function splitDate(s: string): [number, number, number] | null {
  const m = DATE_PATTERN.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return [year, month, day];
}

/** Strict 'YYYY-MM-DD' naming a real date (2025-02-29 is refused). */
export function isValidDate(s: string): boolean {
  return typeof s === 'string' && splitDate(s) !== null;
}

function requireDate(s: string, what = 'date'): [number, number, number] {
  const parts = typeof s === 'string' ? splitDate(s) : null;
  if (!parts) throw new RangeError(`Invalid ${what} ${JSON.stringify(s)}: expected a real date as YYYY-MM-DD`);
  return parts;
}

function requireInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be an integer, got ${String(n)}`);
}

/** Days since 1970-01-01 (negative before). */
export function toDayNumber(date: string): number {
  const [y0, month, day] = requireDate(date);
  const y = month <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function fromDayNumber(dayNumber: number): string {
  requireInteger(dayNumber, 'day number');
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  // A 5-digit or negative year would break the YYYY-MM-DD contract every caller relies on.
  if (year < 0 || year > 9999) throw new RangeError(`Date out of range (year ${year})`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function yearOf(date: string): number {
  return requireDate(date)[0];
}

/** 0 = Sunday … 6 = Saturday, the same numbering as Date#getUTCDay. */
export function weekdayOf(date: string): number {
  return weekdayOfDayNumber(toDayNumber(date));
}

export function weekdayOfDayNumber(dayNumber: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekend(date: string): boolean {
  const w = weekdayOf(date);
  return w === 0 || w === 6;
}

/** `from` moved by n calendar days; n may be negative. */
export function addCalendarDays(from: string, n: number): string {
  requireInteger(n, 'Number of calendar days');
  return fromDayNumber(toDayNumber(from) + n);
}

/** Signed: to − from in calendar days (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}
