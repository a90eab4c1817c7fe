/**
 * The State Council's yearly holiday notices (国务院办公厅关于××年部分节假日安排的通知), one entry per
 * year, as the data behind every working-day clock.
 *
 * A calendar knows exactly which years it covers: a year without a loaded notice is refused
 * (CalendarYearMissingError) instead of being guessed as a plain Mon–Fri year, because a guessed
 * 春节 week would silently move statutory deadlines.
 */

import data from './holidays-2024-2026.json';
import { parseHolidayYear } from './parseHolidayYear';

export { parseHolidayYear, HolidayYearInvalidError } from './parseHolidayYear';

export interface HolidayYear {
  year: number;
  /** Which notice the data comes from (文号 and date), shown to auditors next to computed deadlines. */
  notice: string;
  /** Official days off (放假/放假调休), inclusive ranges, all within `year`. */
  off: Array<{ from: string; to: string; name: string }>;
  /** Saturdays/Sundays declared working days (调休上班). */
  makeupWorkdays: string[];
  /** Free-text caveats from the notice (e.g. 除夕 2024 stayed a working day). */
  remarks?: string[];
}

/** Plain data (no methods) so it can be rebuilt inside the workflow sandbox from workflow input. */
export interface HolidayCalendar {
  readonly years: ReadonlyMap<number, HolidayYear>;
}

export class CalendarYearMissingError extends Error {
  readonly year: number;

  constructor(year: number) {
    super(
      `No holiday data for ${year}: working days in ${year} cannot be computed until an admin loads ` +
        `国务院办公厅关于${year}年部分节假日安排的通知`,
    );
    this.name = 'CalendarYearMissingError';
    this.year = year;
  }
}

/**
 * Validates every year (the same rules as an admin upload) and copies it, so the calendar cannot be
 * changed later through the caller's arrays.
 */
export function calendarFromYears(years: readonly HolidayYear[]): HolidayCalendar {
  const byYear = new Map<number, HolidayYear>();
  for (const raw of years) {
    const parsed = deepFreeze(parseHolidayYear(raw));
    if (byYear.has(parsed.year)) {
      throw new Error(`Holiday data for ${parsed.year} is given twice; load one notice per year`);
    }
    byYear.set(parsed.year, parsed);
  }
  return { years: new Map([...byYear.entries()].sort(([a], [b]) => a - b)) };
}

/** Mutable copies in year order: the serialisable form (e.g. for workflow arguments or storage). */
export function calendarToYears(cal: HolidayCalendar): HolidayYear[] {
  return [...cal.years.values()]
    .sort((a, b) => a.year - b.year)
    .map((y) => ({
      year: y.year,
      notice: y.notice,
      off: y.off.map((r) => ({ from: r.from, to: r.to, name: r.name })),
      makeupWorkdays: [...y.makeupWorkdays],
      ...(y.remarks === undefined ? {} : { remarks: [...y.remarks] }),
    }));
}

/** The notices for 2024–2026 shipped with the code; later years must be loaded by an admin. */
export function defaultCalendar(): HolidayCalendar {
  return calendarFromYears(data.years);
}

export function holidayYearOf(cal: HolidayCalendar, year: number): HolidayYear {
  const found = cal.years.get(year);
  if (!found) throw new CalendarYearMissingError(year);
  return found;
}

function deepFreeze(y: HolidayYear): HolidayYear {
  y.off.forEach((r) => Object.freeze(r));
  Object.freeze(y.off);
  Object.freeze(y.makeupWorkdays);
  if (y.remarks) Object.freeze(y.remarks);
  return Object.freeze(y);
}
