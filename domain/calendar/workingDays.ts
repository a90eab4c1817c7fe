/**
 * Working days (工作日) per the yearly holiday notice: Monday–Friday, minus official days off (放假),
 * plus make-up working Saturdays/Sundays (调休上班).
 *
 * Counting follows the statutory convention for periods (民法典 art. 201: the day on which a period
 * starts is not counted), so "N working days after D" never includes D itself.
 */

import { holidayYearOf, type HolidayCalendar } from './holidayCalendar';
import { fromDayNumber, toDayNumber, weekdayOfDayNumber, yearOf } from './isoDate';

export { addCalendarDays, calendarDaysBetween, isValidDate } from './isoDate';

/** Throws CalendarYearMissingError when the date's year has no loaded notice. */
export function isWorkingDay(date: string, cal: HolidayCalendar): boolean {
  const dayNumber = toDayNumber(date);
  return isWorkingDayNumber(dayNumber, cal);
}

function isWorkingDayNumber(dayNumber: number, cal: HolidayCalendar): boolean {
  const date = fromDayNumber(dayNumber);
  const notice = holidayYearOf(cal, yearOf(date));
  if (notice.makeupWorkdays.includes(date)) return true;
  // YYYY-MM-DD strings order like the dates they name.
  if (notice.off.some((r) => r.from <= date && date <= r.to)) return false;
  const weekday = weekdayOfDayNumber(dayNumber);
  return weekday !== 0 && weekday !== 6;
}

function requireCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${String(n)}`);
}

/**
 * The n-th working day after `from` (`from` itself not counted). n = 0 means "the first day from
 * `from` on that is a working day", so a clock started on a holiday begins on the next working day.
 */
export function addWorkingDays(from: string, n: number, cal: HolidayCalendar): string {
  requireCount(n, 'Number of working days');
  let day = toDayNumber(from);
  if (n === 0) {
    while (!isWorkingDayNumber(day, cal)) day++;
    return fromDayNumber(day);
  }
  let counted = 0;
  while (counted < n) {
    day++;
    if (isWorkingDayNumber(day, cal)) counted++;
  }
  return fromDayNumber(day);
}

/**
 * The n-th working day counting backwards from `to`, `to` itself counted when it is a working day
 * (n = 1 gives `to` if it works, else the last working day before it). Used for reminders: from the
 * start of that day, exactly n working days remain up to and including `to`.
 */
export function workingDayCountingBack(to: string, n: number, cal: HolidayCalendar): string {
  requireCount(n, 'Number of working days');
  if (n === 0) throw new RangeError('Counting back 0 working days names no day');
  let day = toDayNumber(to);
  let counted = isWorkingDayNumber(day, cal) ? 1 : 0;
  while (counted < n) {
    day--;
    if (isWorkingDayNumber(day, cal)) counted++;
  }
  return fromDayNumber(day);
}

/** Working days d with from < d <= to; 0 when to <= from. Only the days in that span need data. */
export function workingDaysBetween(from: string, to: string, cal: HolidayCalendar): number {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  let count = 0;
  for (let day = start + 1; day <= end; day++) {
    if (isWorkingDayNumber(day, cal)) count++;
  }
  return count;
}
