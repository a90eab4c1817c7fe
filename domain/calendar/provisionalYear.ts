/**
 * A provisional year: the days off that 全国年节及纪念日放假办法 (2024-11-10 revision, in force from 2025)
 * itself fixes, for a year whose State Council notice is not out yet. The notice for year N usually
 * appears in November or December of N−1, while statutory clocks reach into N weeks earlier.
 *
 * - 第二条: 元旦 1 Jan; 春节 4 days (除夕 and 正月初一–初三); 清明节 the day of the 清明 solar term; 劳动节
 *   1–2 May; 端午节 5/5 lunar; 中秋节 8/15 lunar; 国庆节 1–3 Oct.
 * - 第六条: a day of these that falls on a Saturday or Sunday is made up (补假) on a working day. The
 *   notices put it on the first working days after the holiday (2026: 清明 Sun 5 Apr → Mon 6 Apr; 2025: 端午
 *   Sat 31 May → Mon 2 Jun), and so does this computation. A named day that coincides with another named
 *   day (中秋 on 1–3 Oct, as in 2020, 2028, 2031) is made up the same way: the 2020 notice gave 国庆+中秋
 *   four working days off for 国庆 3 + 中秋 1 although 中秋 was 1 Oct.
 * - No make-up working days (调休上班) and no bridging days off: 第七条 leaves those to the yearly notice,
 *   and a guessed swap would move a deadline by a day either way.
 *
 * Pure and deterministic; results are memoised per year.
 */

import type { HolidayYear } from './holidayCalendar';
import { addCalendarDays, isWeekend } from './isoDate';
import { lunarNewYearsEve, lunarToIso, qingmingDay } from './lunarDates';

/** The revision whose 第二条 and 第六条 provisional years apply. */
export const HOLIDAY_MEASURES = '全国年节及纪念日放假办法（2024年11月10日第四次修订）';

export interface NamedDayOff {
  date: string;
  /** The holiday as 第二条 names it. */
  name: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dateIn = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/** 第二条: every day off for all citizens in `year`, by name, in the order the article lists them. */
export function namedDaysOff(year: number): NamedDayOff[] {
  const eve = lunarNewYearsEve(year);
  return [
    { date: dateIn(year, 1, 1), name: '元旦' },
    ...[0, 1, 2, 3].map((i) => ({ date: addCalendarDays(eve, i), name: '春节' })),
    { date: qingmingDay(year), name: '清明节' },
    { date: dateIn(year, 5, 1), name: '劳动节' },
    { date: dateIn(year, 5, 2), name: '劳动节' },
    { date: lunarToIso(year, 5, 5), name: '端午节' },
    { date: lunarToIso(year, 8, 15), name: '中秋节' },
    ...[1, 2, 3].map((d) => ({ date: dateIn(year, 10, d), name: '国庆节' })),
  ];
}

export interface MakeUpDayOff {
  /** The working day given instead (补假). */
  date: string;
  name: string;
  /** The named day that fell on a Saturday/Sunday or on another named day. */
  for: string;
  reason: 'weekend' | 'same_day_as_another';
}

/**
 * 第六条: one 补假 for each named day on a Saturday, Sunday or another named day, on the first Monday–Friday
 * after that holiday's last day that is not already off. Holidays are served in date order, so an earlier
 * holiday's 补假 is never taken by a later one.
 */
export function makeUpDaysOff(named: readonly NamedDayOff[]): MakeUpDayOff[] {
  const taken = new Set<string>();
  const owed: Array<NamedDayOff & { reason: MakeUpDayOff['reason'] }> = [];
  for (const day of [...named].sort(byDate)) {
    if (isWeekend(day.date)) owed.push({ ...day, reason: 'weekend' });
    else if (taken.has(day.date)) owed.push({ ...day, reason: 'same_day_as_another' });
    taken.add(day.date);
  }
  const lastDayOf = new Map<string, string>();
  for (const day of named) {
    const last = lastDayOf.get(day.name);
    if (last === undefined || day.date > last) lastDayOf.set(day.name, day.date);
  }
  const out: MakeUpDayOff[] = [];
  for (const day of owed) {
    let candidate = addCalendarDays(lastDayOf.get(day.name) ?? day.date, 1);
    while (isWeekend(candidate) || taken.has(candidate)) candidate = addCalendarDays(candidate, 1);
    taken.add(candidate);
    out.push({ date: candidate, name: day.name, for: day.date, reason: day.reason });
  }
  return out;
}

const cache = new Map<number, HolidayYear>();

/**
 * The provisional year as holiday data: the named days and their 补假, grouped into ranges that run over
 * adjacent weekends (as the notices write them: 2027-01-01 Fri → 1–3 Jan), and no 调休上班.
 * The caller gets a fresh copy.
 */
export function provisionalYear(year: number): HolidayYear {
  let computed = cache.get(year);
  if (!computed) {
    computed = compute(year);
    cache.set(year, computed);
  }
  return {
    ...computed,
    off: computed.off.map((r) => ({ ...r })),
    makeupWorkdays: [],
    ...(computed.remarks ? { remarks: [...computed.remarks] } : {}),
  };
}

function compute(year: number): HolidayYear {
  const named = namedDaysOff(year);
  const madeUp = makeUpDaysOff(named);
  const namesOn = new Map<string, string[]>();
  for (const d of [...named, ...madeUp].sort(byDate)) {
    const names = namesOn.get(d.date) ?? [];
    if (!names.includes(d.name)) names.push(d.name);
    namesOn.set(d.date, names);
  }

  // Consecutive days off, widened over the weekend days next to them, form one range.
  const off: HolidayYear['off'] = [];
  let current: { from: string; to: string; names: string[] } | null = null;
  const close = () => {
    if (current) off.push({ from: current.from, to: current.to, name: current.names.join('+') });
    current = null;
  };
  for (const date of [...namesOn.keys()].sort()) {
    const names = namesOn.get(date) ?? [];
    if (current && nextOffDay(current.to, year, namesOn) >= date) {
      current.to = date;
      for (const n of names) if (!current.names.includes(n)) current.names.push(n);
      continue;
    }
    close();
    let from = date;
    while (isWeekend(addCalendarDays(from, -1)) && addCalendarDays(from, -1).startsWith(`${year}-`)) from = addCalendarDays(from, -1);
    current = { from, to: date, names: [...names] };
  }
  close();
  for (const range of off) {
    while (isWeekend(addCalendarDays(range.to, 1)) && addCalendarDays(range.to, 1).startsWith(`${year}-`)) range.to = addCalendarDays(range.to, 1);
  }

  const remarks = [
    `暂定：国务院办公厅关于${year}年部分节假日安排的通知尚未载入；依${HOLIDAY_MEASURES}第二条、第六条推算，不含调休上班（第七条，由通知确定）。`,
    ...madeUp.map((m) =>
      m.reason === 'weekend'
        ? `${m.date} 补假：${m.name} ${m.for} 适逢周六、周日（第六条）。`
        : `${m.date} 补假：${m.for} 为${named.filter((d) => d.date === m.for).map((d) => d.name).join('、')}同日（比照第六条，如2020年国庆节、中秋节）。`,
    ),
  ];
  return {
    year,
    notice: `暂定（依${HOLIDAY_MEASURES}推算，待国务院办公厅通知）`,
    off,
    makeupWorkdays: [],
    remarks,
  };
}

/** The day after `date` and the weekend days that follow it: a range ending on `date` reaches that far. */
function nextOffDay(date: string, year: number, namesOn: ReadonlyMap<string, string[]>): string {
  let next = addCalendarDays(date, 1);
  while (isWeekend(next) && !namesOn.has(next) && next.startsWith(`${year}-`)) next = addCalendarDays(next, 1);
  return next;
}

function byDate(a: { date: string }, b: { date: string }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}
