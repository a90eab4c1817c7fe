/**
 * Gregorian dates of the days the 放假办法 names by the Chinese calendar: lunar dates (除夕, 春节, 端午,
 * 中秋) and the 清明 solar term (a solar, not a lunar, date: 农历清明当日 is the day the sun reaches 15° in
 * longitude, Beijing time).
 *
 * The conversion comes from tyme4ts (6tail, MIT, no dependencies; the successor of lunar-javascript). Its
 * code reads no clock, no locale and no time zone: it works on Julian day numbers with the astronomical
 * new-moon and solar-term algorithms of 寿星万年历, on Beijing time, so it is deterministic in the
 * workflow sandbox (test/unit/calendar/purity.test.ts checks the bundled code). The version is pinned
 * exactly: a library update that moved a date would move provisional deadlines.
 *
 * This is the only file that touches the library; everything else sees ISO dates.
 */

import { LunarDay, SolarTerm, type SolarDay } from 'tyme4ts';

/** The library's own range is wider; this is what the engine needs and what the tests cover. */
export const LUNAR_YEARS = { from: 1901, to: 2099 } as const;

function requireYear(year: number): void {
  if (!Number.isSafeInteger(year) || year < LUNAR_YEARS.from || year > LUNAR_YEARS.to) {
    throw new RangeError(`Chinese calendar dates are computed for ${LUNAR_YEARS.from}–${LUNAR_YEARS.to}, got ${String(year)}`);
  }
}

function isoOf(day: SolarDay): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getYear()}-${pad(day.getMonth())}-${pad(day.getDay())}`;
}

/**
 * The Gregorian date of day `day` of month `month` (1–12, never the leap month) of the lunar year that
 * begins in Gregorian year `year`.
 */
export function lunarToIso(year: number, month: number, day: number): string {
  requireYear(year);
  return isoOf(LunarDay.fromYmd(year, month, day).getSolarDay());
}

/** 正月初一 of the lunar year beginning in Gregorian `year`. */
export function springFestival(year: number): string {
  return lunarToIso(year, 1, 1);
}

/**
 * 除夕: the last day of the twelfth lunar month, i.e. the day before 正月初一 — the 29th when that month
 * is short (2025–2029), otherwise the 30th. Always in the same Gregorian year as 正月初一 (which is never
 * before 21 January).
 */
export function lunarNewYearsEve(year: number): string {
  requireYear(year);
  return isoOf(LunarDay.fromYmd(year, 1, 1).getSolarDay().next(-1));
}

/** The day (Beijing time) of the 清明 solar term in Gregorian `year`: 4 or 5 April in this era. */
export function qingmingDay(year: number): string {
  requireYear(year);
  return isoOf(SolarTerm.fromName(year, '清明').getJulianDay().getSolarDay());
}
