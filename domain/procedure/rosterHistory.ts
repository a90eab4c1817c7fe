/**
 * Whether replacing a deciding body's roster changes who sat on it on days already begun. The roster of the day a
 * meeting is held decides whose views count and who may chair (713号令第30条, 党委(党组)工作条例): the server reads it
 * when the meeting is recorded, which may be days after it was held. Changing those days in between would change
 * the count of a meeting already held, so the API refuses it while a meeting of the body waits to be recorded.
 * Pure: seats are compared day by day (as merged periods), so re-cutting one period into two is no change.
 */
import { addCalendarDays } from '../calendar/isoDate';

export interface RosterSeatDays {
  userId: string;
  /** Beijing dates, both ends inclusive; `to` null: still sitting. */
  from: string;
  to: string | null;
  chairs: boolean;
}

/** Whether some day up to `lastDay` (inclusive, a Beijing date) has other members or chairs after the change. */
export function rosterChangedUpTo(before: readonly RosterSeatDays[], after: readonly RosterSeatDays[], lastDay: string): boolean {
  return sittingKey(before, lastDay) !== sittingKey(after, lastDay);
}

/** The seats cut at `lastDay`, merged per person and chairing where they overlap or touch, in a canonical order. */
function sittingKey(seats: readonly RosterSeatDays[], lastDay: string): string {
  const byPerson = new Map<string, Array<[string, string]>>();
  for (const s of seats) {
    if (s.from > lastDay) continue;
    const to = s.to === null || s.to > lastDay ? lastDay : s.to;
    const key = `${s.userId}|${s.chairs ? 'chairs' : 'sits'}`;
    byPerson.set(key, [...(byPerson.get(key) ?? []), [s.from, to]]);
  }
  const merged: string[] = [];
  for (const [key, periods] of [...byPerson.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    periods.sort(([a], [b]) => a.localeCompare(b));
    let [from, to] = periods[0]!;
    for (const [f, t] of periods.slice(1)) {
      if (f <= nextDay(to)) {
        if (t > to) to = t;
        continue;
      }
      merged.push(`${key}:${from}..${to}`);
      [from, to] = [f, t];
    }
    merged.push(`${key}:${from}..${to}`);
  }
  return merged.join(';');
}

/** The calendar day after a YYYY-MM-DD date. */
const nextDay = (day: string): string => addCalendarDays(day, 1);
