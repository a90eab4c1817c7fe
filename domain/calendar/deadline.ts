/**
 * Statutory clocks: when a deadline falls due, how clock stops (补正材料期间不计入) extend it, and when
 * to remind. A deadline keeps its unit (713号令 mixes working days and calendar days), and the
 * engine reduces it to one ISO instant only at the very end.
 *
 * Day-based deadlines run on the Beijing calendar and last the whole of their last day (until
 * 23:59:59.999 CST); the day the clock starts is not counted (民法典 art. 201).
 */

import {
  chinaDateOf,
  endOfChinaDay,
  formatInstant,
  parseInstant,
  startOfChinaDay,
} from './chinaTime';
import { provisionalYearsBetween, type HolidayCalendar } from './holidayCalendar';
import { addCalendarDays, calendarDaysBetween } from './isoDate';
import { addWorkingDays, workingDayCountingBack, workingDaysBetween } from './workingDays';

/** 'seconds' exists so demos and tests can run short real timers; statutes only use the day units. */
export type DurationUnit = 'working_days' | 'calendar_days' | 'seconds';

export interface Duration {
  amount: number;
  unit: DurationUnit;
}

/** A clock stop, e.g. while materials are being supplemented. Open (clock still stopped) without `to`. */
export interface ClockPause {
  from: string;
  to?: string;
}

const UNITS: readonly DurationUnit[] = ['working_days', 'calendar_days', 'seconds'];

function requireAmount(amount: number, unit: DurationUnit, what: string): void {
  const ok =
    unit === 'seconds' ? Number.isFinite(amount) && amount >= 0 : Number.isSafeInteger(amount) && amount >= 0;
  if (!ok) {
    throw new RangeError(
      `${what} must be a non-negative ${unit === 'seconds' ? 'number' : 'integer'} of ${unit}, got ${String(amount)}`,
    );
  }
}

// Durations arrive from configuration and workflow input, so the unit is checked at run time too.
function requireDuration(d: Duration, what: string): void {
  if (typeof d !== 'object' || d === null || !UNITS.includes(d.unit)) {
    throw new RangeError(`${what} must be {amount, unit} with unit one of ${UNITS.join(', ')}, got ${JSON.stringify(d)}`);
  }
  requireAmount(d.amount, d.unit, `${what}.amount`);
}

function dueAtMs(startMs: number, duration: Duration, cal: HolidayCalendar, extension: number): number {
  switch (duration.unit) {
    case 'working_days':
      return endOfChinaDay(addWorkingDays(chinaDateOf(startMs), duration.amount + extension, cal));
    case 'calendar_days':
      return endOfChinaDay(addCalendarDays(chinaDateOf(startMs), duration.amount + extension));
    case 'seconds':
      return startMs + Math.round((duration.amount + extension) * 1000);
    default:
      return assertNever(duration.unit);
  }
}

function assertNever(unit: never): never {
  throw new RangeError(`Unknown duration unit ${String(unit)}`);
}

/**
 * When a clock started at `startIso` runs out, as a UTC ISO instant.
 *
 * - working_days: end of the `amount`-th working day after the Beijing date of the start (amount 0:
 *   end of the start day if it is a working day, else of the next working day);
 * - calendar_days: end of the `amount`-th calendar day after it. No holiday data is needed, and the
 *   last day is not moved off a holiday (民法典 art. 203 roll-over is not applied);
 * - seconds: the start plus `amount` seconds.
 *
 * `pausedInUnit` is time already lost to clock stops, in the duration's own unit (working days for a
 * working-day deadline, and so on); effectiveDueAt computes it from recorded pauses.
 */
export function dueAt(startIso: string, duration: Duration, cal: HolidayCalendar, pausedInUnit = 0): string {
  requireDuration(duration, 'duration');
  requireAmount(pausedInUnit, duration.unit, 'pausedInUnit');
  return formatInstant(dueAtMs(parseInstant(startIso, 'start'), duration, cal, pausedInUnit));
}

interface PauseSpan {
  from: number;
  /** Infinity while the pause is open. */
  to: number;
}

/** Sorted, clipped to the clock start, overlaps merged so that no stretch of time is counted twice. */
function normalisePauses(pauses: readonly ClockPause[], startMs: number): PauseSpan[] {
  const spans: PauseSpan[] = [];
  pauses.forEach((p, i) => {
    const from = parseInstant(p.from, `pauses[${i}].from`);
    const to = p.to === undefined ? Infinity : parseInstant(p.to, `pauses[${i}].to`);
    if (to < from) throw new RangeError(`pauses[${i}] ends (${p.to ?? ''}) before it starts (${p.from})`);
    // Time before the clock started was never on the clock.
    if (to <= startMs) return;
    spans.push({ from: Math.max(from, startMs), to });
  });
  spans.sort((a, b) => a.from - b.from);
  const merged: PauseSpan[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else merged.push({ ...span });
  }
  return merged;
}

/*
 * Rounding rule for day units: a pause counts in whole days of the Beijing calendar. The day the clock
 * stops still counts as used (the reviewer had part of it); the day it restarts is not counted, like
 * the first day of any period (民法典 art. 201). So a pause from date A to date B gives back the
 * working (or calendar) days d with A < d <= B: Mon→Wed gives back 2 working days, a pause opened and
 * closed on the same day gives back nothing, and holidays inside a pause give back nothing because they
 * were never on a working-day clock. Seconds are given back to the millisecond.
 */
function pausedAmount(span: PauseSpan, unit: DurationUnit, cal: HolidayCalendar): number {
  switch (unit) {
    case 'working_days':
      return workingDaysBetween(chinaDateOf(span.from), chinaDateOf(span.to), cal);
    case 'calendar_days':
      return Math.max(0, calendarDaysBetween(chinaDateOf(span.from), chinaDateOf(span.to)));
    case 'seconds':
      return (span.to - span.from) / 1000;
    default:
      return assertNever(unit);
  }
}

/**
 * The deadline after clock stops, or null while the clock is stopped (an open pause).
 *
 * Pauses are applied in time order, each one only if it began at or before the deadline as extended
 * by the earlier ones: a clock that has already run out cannot be stopped, so a pause (open or
 * closed) starting after the deadline leaves the lapsed deadline as it was.
 */
export function effectiveDueAt(
  startIso: string,
  duration: Duration,
  pauses: readonly ClockPause[],
  cal: HolidayCalendar,
): string | null {
  requireDuration(duration, 'duration');
  const startMs = parseInstant(startIso, 'start');
  let extension = 0;
  let due = dueAtMs(startMs, duration, cal, 0);
  for (const span of normalisePauses(pauses, startMs)) {
    if (span.from > due) break;
    if (span.to === Infinity) return null;
    extension += pausedAmount(span, duration.unit, cal);
    due = dueAtMs(startMs, duration, cal, extension);
  }
  return formatInstant(due);
}

/**
 * When to send a reminder `lead` before the deadline `dueIso`.
 *
 * For day units the reminder goes out at 00:00 Beijing time on the day from which exactly `lead`
 * days remain, the due day counted in full: a working-day lead of 3 before a Friday deadline reminds
 * at the start of Wednesday (Wed, Thu, Fri left), skipping holidays on the way back; a lead of 1
 * reminds at the start of the due day (or of the last working day before it when it falls on a
 * holiday). For seconds it is simply `lead` seconds earlier; a lead of 0 reminds at the deadline.
 * The result may lie in the past; the caller then reminds at once.
 */
export function remindAt(dueIso: string, lead: Duration, cal: HolidayCalendar): string {
  requireDuration(lead, 'lead');
  const dueMs = parseInstant(dueIso, 'due');
  if (lead.amount === 0) return formatInstant(dueMs);
  const dueDate = chinaDateOf(dueMs);
  switch (lead.unit) {
    case 'working_days':
      return formatInstant(startOfChinaDay(workingDayCountingBack(dueDate, lead.amount, cal)));
    case 'calendar_days':
      return formatInstant(startOfChinaDay(addCalendarDays(dueDate, -(lead.amount - 1))));
    case 'seconds':
      return formatInstant(dueMs - Math.round(lead.amount * 1000));
    default:
      return assertNever(lead.unit);
  }
}

/**
 * Whether a period in `unit` between two instants (a start and its due date, or a reminder and its due
 * date) was counted on a provisional year. Only working days read holiday data, and they read exactly the
 * Beijing dates between the two, so calendar days and seconds never are.
 */
export function periodReadsProvisionalYear(fromIso: string, toIso: string, unit: DurationUnit, cal: HolidayCalendar): boolean {
  if (unit !== 'working_days') return false;
  const from = chinaDateOf(parseInstant(fromIso, 'from'));
  const to = chinaDateOf(parseInstant(toIso, 'to'));
  return provisionalYearsBetween(cal, from, to).length > 0;
}
