import type { HolidayCalendar } from '../domain/calendar';
import { deadlines, type MatterState, type ProcedureConfig } from '../domain/procedure';
import type { NotificationRecord } from './definitions';

export interface Alert {
  key: string;
  kind: 'reminder' | 'escalation';
  deadlineKey: string;
  label: string;
  dueAt: string;
  /** When to raise it. */
  at: string;
  /** The deadline was counted on a provisional year (no holiday notice loaded yet). */
  provisional?: true;
}

/**
 * The earliest reminder or escalation not yet raised. A reminder goes out before a running deadline; an
 * escalation when it passes. Keys include the due time, so a deadline that moves (clock stopped and
 * restarted) is reminded again.
 */
export function nextAlert(
  state: MatterState,
  config: ProcedureConfig,
  calendar: HolidayCalendar,
  raised: readonly NotificationRecord[],
  /** false only when replaying matters started before escalations were limited to obligations. */
  obligationsOnly = true,
): Alert | null {
  // A year without holiday data comes back as a stopped clock with a warning (no alert until an admin
  // loads it); anything thrown here is a bug and fails the workflow task, visibly, until it is fixed.
  const clocks = deadlines(state, config, calendar);
  const done = new Set(raised.map((n) => n.key));
  const alerts: Alert[] = [];
  for (const d of clocks) {
    if (d.dueAt === null) continue; // clock stopped
    if (obligationsOnly && d.key === 'legality_review_minimum') continue; // an earliest date, nobody to remind
    // Clocks may carry instants with different offsets (a supplied +08:00 date, a computed UTC one):
    // compare them as instants, never as strings.
    const provisional = d.provisional ? { provisional: true as const } : {};
    if (d.remindAt && Date.parse(d.remindAt) < Date.parse(d.dueAt)) {
      alerts.push({ key: `${d.key}@${d.dueAt}:reminder`, kind: 'reminder', deadlineKey: d.key, label: d.label, dueAt: d.dueAt, at: d.remindAt, ...provisional });
    }
    if (obligationsOnly && !d.escalates) continue;
    alerts.push({ key: `${d.key}@${d.dueAt}:escalation`, kind: 'escalation', deadlineKey: d.key, label: d.label, dueAt: d.dueAt, at: d.dueAt, ...provisional });
  }
  return alerts.filter((a) => !done.has(a.key)).sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0] ?? null;
}
