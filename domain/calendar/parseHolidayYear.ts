/**
 * Hand-written validation of one year's holiday notice, for when an admin loads a new year.
 * Kept free of zod so that the calendar stays importable from workflow code; zod lives at the edges.
 */

import type { HolidayYear } from './holidayCalendar';
import { isValidDate, weekdayOf, yearOf } from './isoDate';

/** Names the offending field (e.g. `off[1].to`) so the admin screen can point at it. */
export class HolidayYearInvalidError extends Error {
  readonly field: string;

  constructor(field: string, problem: string, year?: number) {
    super(`Invalid holiday year${year === undefined ? '' : ` ${year}`}: ${field} ${problem}`);
    this.name = 'HolidayYearInvalidError';
    this.field = field;
  }
}

const KNOWN_FIELDS = new Set(['year', 'notice', 'off', 'makeupWorkdays', 'remarks']);
const OFF_FIELDS = new Set(['from', 'to', 'name']);
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  return v === undefined ? 'undefined' : JSON.stringify(v);
}

/**
 * Returns a fresh, normalised copy (ranges and make-up days sorted). Unknown fields are refused
 * rather than dropped: a misspelt `makeup_workdays` must not load a year with no 调休上班 days.
 */
export function parseHolidayYear(raw: unknown): HolidayYear {
  if (!isRecord(raw)) throw new HolidayYearInvalidError('(root)', `must be an object, got ${show(raw)}`);

  const year = raw['year'];
  // Dates are YYYY-MM-DD, so only four-digit years can be expressed.
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new HolidayYearInvalidError('year', `must be a four-digit integer year, got ${show(year)}`);
  }
  const fail = (field: string, problem: string): never => {
    throw new HolidayYearInvalidError(field, problem, year);
  };

  for (const key of Object.keys(raw)) {
    if (!KNOWN_FIELDS.has(key)) fail(key, `is not a known field (expected ${[...KNOWN_FIELDS].join(', ')})`);
  }

  const notice = raw['notice'];
  if (typeof notice !== 'string' || notice.trim() === '') {
    fail('notice', `must name the State Council notice (文号 and date), got ${show(notice)}`);
  }

  const dateInYear = (field: string, v: unknown): string => {
    if (typeof v !== 'string' || !isValidDate(v)) return fail(field, `must be a real date as YYYY-MM-DD, got ${show(v)}`);
    if (yearOf(v) !== year) return fail(field, `${v} is not in ${year}; each year's data may only hold its own dates`);
    return v;
  };

  const makeupRaw = raw['makeupWorkdays'];
  if (!Array.isArray(makeupRaw)) fail('makeupWorkdays', `must be an array of dates (调休上班), got ${show(makeupRaw)}`);
  const makeupWorkdays: string[] = [];
  (makeupRaw as unknown[]).forEach((v, i) => {
    const field = `makeupWorkdays[${i}]`;
    const date = dateInYear(field, v);
    const weekday = weekdayOf(date);
    if (weekday !== 0 && weekday !== 6) {
      fail(field, `${date} is a ${WEEKDAY_NAMES[weekday] ?? '?'}; a make-up working day (调休上班) must be a Saturday or Sunday`);
    }
    if (makeupWorkdays.includes(date)) fail(field, `${date} is listed twice`);
    makeupWorkdays.push(date);
  });

  const offRaw = raw['off'];
  if (!Array.isArray(offRaw)) fail('off', `must be an array of {from, to, name} ranges (放假), got ${show(offRaw)}`);
  const off: HolidayYear['off'] = [];
  (offRaw as unknown[]).forEach((r, i) => {
    const field = `off[${i}]`;
    if (!isRecord(r)) return fail(field, `must be an object {from, to, name}, got ${show(r)}`);
    for (const key of Object.keys(r)) {
      if (!OFF_FIELDS.has(key)) fail(`${field}.${key}`, 'is not a known field (expected from, to, name)');
    }
    const from = dateInYear(`${field}.from`, r['from']);
    const to = dateInYear(`${field}.to`, r['to']);
    const name = r['name'];
    if (typeof name !== 'string' || name.trim() === '') fail(`${field}.name`, `must name the holiday, got ${show(name)}`);
    if (from > to) fail(field, `runs backwards: from ${from} is after to ${to}`);
    const inside = makeupWorkdays.find((d) => d >= from && d <= to);
    if (inside !== undefined) {
      fail(field, `(${from}..${to}) contains make-up working day ${inside}; a day cannot be both 放假 and 调休上班`);
    }
    off.push({ from, to, name: name as string });
  });
  const sortedOff = [...off].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  for (let i = 1; i < sortedOff.length; i++) {
    const prev = sortedOff[i - 1];
    const cur = sortedOff[i];
    if (prev && cur && cur.from <= prev.to) {
      fail(`off[${off.indexOf(cur)}]`, `(${cur.from}..${cur.to}) overlaps ${prev.name} (${prev.from}..${prev.to})`);
    }
  }

  const remarksRaw = raw['remarks'];
  let remarks: string[] | undefined;
  if (remarksRaw !== undefined) {
    if (!Array.isArray(remarksRaw)) fail('remarks', `must be an array of strings, got ${show(remarksRaw)}`);
    remarks = (remarksRaw as unknown[]).map((v, i) =>
      typeof v === 'string' ? v : fail(`remarks[${i}]`, `must be a string, got ${show(v)}`),
    );
  }

  return {
    year,
    notice: notice as string,
    off: sortedOff,
    makeupWorkdays: [...makeupWorkdays].sort(),
    ...(remarks === undefined ? {} : { remarks }),
  };
}
