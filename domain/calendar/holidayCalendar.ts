/**
 * The State Council's yearly holiday notices (国务院办公厅关于××年部分节假日安排的通知), one entry per
 * year, as the data behind every working-day clock.
 *
 * A calendar knows exactly which years it covers: a year without a loaded notice is refused
 * (CalendarYearMissingError) instead of being guessed as a plain Mon–Fri year, because a guessed
 * 春节 week would silently move statutory deadlines. The one exception is explicit: withProvisionalYears
 * adds the year after the last notice, computed from the 放假办法 (provisionalYear.ts) and marked as
 * provisional, so that every deadline reading it can say so.
 */

import data from './holidays-2024-2026.json';
import { yearOf } from './isoDate';
import { parseHolidayYear } from './parseHolidayYear';
import { provisionalYear } from './provisionalYear';

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
  /** The official notices. */
  readonly years: ReadonlyMap<number, HolidayYear>;
  /** Years computed from the 放假办法 for want of a notice (withProvisionalYears); absent = none allowed. */
  readonly provisional?: ReadonlyMap<number, HolidayYear>;
}

/**
 * How far past the last official notice a provisional year is computed: one year. The notice for N comes
 * out in November or December of N−1, so one year covers every clock started before it appears; a clock
 * reaching two years past the last notice means a notice is missing, which must not be papered over.
 */
export const PROVISIONAL_WINDOW_YEARS = 1;

export class CalendarYearMissingError extends Error {
  readonly year: number;

  constructor(year: number, lastNotice?: number) {
    super(
      `No holiday data for ${year}: working days in ${year} cannot be computed until an admin loads ` +
        `国务院办公厅关于${year}年部分节假日安排的通知` +
        (lastNotice === undefined
          ? ''
          : ` (the last notice loaded is for ${lastNotice}; a provisional year is computed only up to ${lastNotice + PROVISIONAL_WINDOW_YEARS})`),
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

/**
 * Mutable copies of the official notices in year order: the serialisable form (e.g. for workflow arguments or
 * storage). Provisional years are left out: they are recomputed wherever they are allowed.
 */
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

/**
 * The calendar with the provisional window filled: each year from the last official notice + 1 up to
 * + PROVISIONAL_WINDOW_YEARS that has no notice is computed from the 放假办法. Years before or between
 * notices are never guessed. A calendar with no notice at all gets no provisional year.
 */
export function withProvisionalYears(cal: HolidayCalendar): HolidayCalendar {
  const last = lastNoticeYear(cal);
  const provisional: HolidayYear[] = [];
  if (last !== undefined) {
    for (let year = last + 1; year <= last + PROVISIONAL_WINDOW_YEARS; year++) provisional.push(provisionalYear(year));
  }
  return { years: cal.years, provisional: calendarFromYears(provisional).years };
}

export function lastNoticeYear(cal: HolidayCalendar): number | undefined {
  const years = [...cal.years.keys()];
  return years.length ? Math.max(...years) : undefined;
}

export function holidayYearOf(cal: HolidayCalendar, year: number): HolidayYear {
  const found = cal.years.get(year) ?? cal.provisional?.get(year);
  if (!found) throw new CalendarYearMissingError(year, cal.provisional ? lastNoticeYear(cal) : undefined);
  return found;
}

export function isProvisionalYear(cal: HolidayCalendar, year: number): boolean {
  return !cal.years.has(year) && (cal.provisional?.has(year) ?? false);
}

/**
 * The provisional years a count over the days between two dates (either order, both included) reads.
 * Working-day counting reads exactly those days, so this says whether its result is provisional.
 */
export function provisionalYearsBetween(cal: HolidayCalendar, a: string, b: string): number[] {
  const [from, to] = a <= b ? [yearOf(a), yearOf(b)] : [yearOf(b), yearOf(a)];
  const out: number[] = [];
  for (let year = from; year <= to; year++) if (isProvisionalYear(cal, year)) out.push(year);
  return out;
}

function deepFreeze(y: HolidayYear): HolidayYear {
  y.off.forEach((r) => Object.freeze(r));
  Object.freeze(y.off);
  Object.freeze(y.makeupWorkdays);
  if (y.remarks) Object.freeze(y.remarks);
  return Object.freeze(y);
}
