/**
 * Time helpers over the calendar module. All times are ISO instants with an offset (parsed strictly,
 * so a replayed workflow never depends on the host's time zone); day-based periods are compared on
 * the Beijing calendar.
 */

import {
  CalendarYearMissingError,
  chinaDateOf,
  effectiveDueAt,
  parseInstant,
  type ClockPause,
  type Duration,
  type HolidayCalendar,
} from '../calendar';

export function isInstant(iso: unknown): iso is string {
  if (typeof iso !== 'string') return false;
  try {
    parseInstant(iso);
    return true;
  } catch {
    return false;
  }
}

export function ms(iso: string): number {
  return parseInstant(iso);
}

/** When a period of `duration` started at `startIso` ends, with clock stops; null while stopped. */
export function periodEnd(
  startIso: string,
  duration: Duration,
  pauses: readonly ClockPause[],
  cal: HolidayCalendar,
): string | null {
  return effectiveDueAt(startIso, duration, pauses, cal);
}

/**
 * Whether `actualIso` reaches the end of the period ending at `dueIso`: for day units, falling on the
 * last day or later is enough (a window closing on its last day has lasted the whole period); for
 * seconds, the instant itself.
 */
export function reaches(actualIso: string, dueIso: string, duration: Duration): boolean {
  if (duration.unit === 'seconds') return ms(actualIso) >= ms(dueIso);
  return chinaDateOf(ms(actualIso)) >= chinaDateOf(ms(dueIso));
}

/**
 * Whether `actualIso` is after a period ending at `dueIso` has fully run: for day units, on a later
 * day than the last day of the period; for seconds, at or after the instant.
 */
export function isAfterPeriod(actualIso: string, dueIso: string, duration: Duration): boolean {
  if (duration.unit === 'seconds') return ms(actualIso) >= ms(dueIso);
  return chinaDateOf(ms(actualIso)) > chinaDateOf(ms(dueIso));
}

export { CalendarYearMissingError };
