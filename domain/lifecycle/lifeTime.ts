/**
 * Periods of a document's life: years and months on the Beijing calendar (a 5-year validity from
 * 2026-03-01 ends on 2031-03-01), days, or seconds (demo). Pure: ISO instants in, ISO instants out.
 */
import { parseInstant } from '../calendar';

export type LifeUnit = 'years' | 'months' | 'days' | 'seconds';
export interface LifeDuration {
  amount: number;
  unit: LifeUnit;
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** `iso` moved forward (or back, with a negative sign) by the duration. */
export function addLife(iso: string, d: LifeDuration, sign: 1 | -1 = 1): string {
  const t = parseInstant(iso);
  if (d.unit === 'seconds') return new Date(t + sign * d.amount * 1000).toISOString();
  if (d.unit === 'days') return new Date(t + sign * d.amount * 86_400_000).toISOString();
  const local = new Date(t + BEIJING_OFFSET_MS);
  const months = sign * d.amount * (d.unit === 'years' ? 12 : 1);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + months;
  const targetYear = y + Math.floor(m / 12);
  const targetMonth = ((m % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const day = Math.min(local.getUTCDate(), lastDay);
  const moved = Date.UTC(targetYear, targetMonth, day, local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds(), local.getUTCMilliseconds());
  return new Date(moved - BEIJING_OFFSET_MS).toISOString();
}

/** The year of an instant on the Beijing calendar (a number series runs per calendar year). */
export function beijingYear(iso: string): number {
  return new Date(parseInstant(iso) + BEIJING_OFFSET_MS).getUTCFullYear();
}

export function describeLife(d: LifeDuration): string {
  const zh: Record<LifeUnit, string> = { years: '年', months: '个月', days: '日', seconds: '秒' };
  return `${d.amount}${zh[d.unit]}`;
}

/** An instant as the register keeps it (UTC, milliseconds): one spelling per instant, so dates compare as text. */
export function canonicalInstant(iso: string): string {
  return new Date(parseInstant(iso)).toISOString();
}
