/**
 * Instants (ISO datetimes) versus China Standard Time calendar dates.
 *
 * Statutory days are counted on the calendar of the office, i.e. Beijing time, whatever time zone the
 * server runs in. China has kept a fixed UTC+8 without daylight saving since 1991, so a constant
 * offset is exact for every date this engine handles.
 */

import { fromDayNumber, MS_PER_DAY, toDayNumber } from './isoDate';

export const CHINA_UTC_OFFSET_MS = 8 * 3_600_000;

// The offset is mandatory: an ISO datetime without one is read as host-local time by Date, which
// would make a workflow's result depend on the machine it replays on.
const INSTANT_PATTERN =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/** Milliseconds since the epoch of an ISO 8601 datetime that carries 'Z' or a ±hh:mm offset. */
export function parseInstant(iso: string, what = 'datetime'): number {
  const m = typeof iso === 'string' ? INSTANT_PATTERN.exec(iso) : null;
  const invalid = (): RangeError =>
    new RangeError(
      `Invalid ${what} ${JSON.stringify(iso)}: expected an ISO datetime with 'Z' or an offset, e.g. 2025-01-10T09:00:00+08:00`,
    );
  if (!m) throw invalid();
  const [, date, hh, mm, ss, frac, zulu, sign, offH, offM] = m;
  const hours = Number(hh);
  const minutes = Number(mm);
  const seconds = ss === undefined ? 0 : Number(ss);
  if (hours > 23 || minutes > 59 || seconds > 59) throw invalid();
  let offsetMs = 0;
  if (zulu === undefined) {
    const oh = Number(offH);
    const om = Number(offM);
    if (oh > 23 || om > 59) throw invalid();
    offsetMs = (sign === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  let dayNumber: number;
  try {
    dayNumber = toDayNumber(date ?? '');
  } catch {
    throw invalid();
  }
  // Sub-millisecond digits are truncated: Date cannot represent them anyway.
  const millis = frac === undefined ? 0 : Number(frac.padEnd(3, '0').slice(0, 3));
  return dayNumber * MS_PER_DAY + ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis - offsetMs;
}

export function formatInstant(ms: number): string {
  return new Date(ms).toISOString();
}

/** The Beijing calendar date an instant falls on. */
export function chinaDateOf(ms: number): string {
  return fromDayNumber(Math.floor((ms + CHINA_UTC_OFFSET_MS) / MS_PER_DAY));
}

/**
 * The Beijing calendar date of a date or an instant, for text people read (a trail entry's summary): an effective date
 * sent as Beijing midnight (…T00:00:00+08:00) is that day, not the UTC day before. Anything else is shown as given.
 */
export function chinaDayText(dateOrInstant: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(dateOrInstant)) return dateOrInstant;
  try {
    return chinaDateOf(parseInstant(dateOrInstant));
  } catch {
    return dateOrInstant;
  }
}

/** 00:00:00.000 Beijing time on `date`, as epoch milliseconds. */
export function startOfChinaDay(date: string): number {
  return toDayNumber(date) * MS_PER_DAY - CHINA_UTC_OFFSET_MS;
}

/** 23:59:59.999 Beijing time on `date`: a day-based deadline lasts the whole of its last day. */
export function endOfChinaDay(date: string): number {
  return startOfChinaDay(date) + MS_PER_DAY - 1;
}
