/**
 * Where a clause departs from the provision it restates or cites: a fine above or below the range
 * the law sets, a sanction the provision does not set, a longer period, another threshold, another
 * authority. A lower rule that repeats a law must repeat it as it is — 行政处罚法第十六条 (other
 * normative documents may not set penalties) and the consistency of a normative document with
 * higher law (合法性审核清单 LR-C2) — so any of these makes the clause a measure of its own.
 */
import { type MoneyAmount, type Quantity, describeYuan, durationsIn, moneyIn, multiplesIn, ratiosIn, within } from './amounts';
import { actingAuthorities, authorityWithin, sanctionName, sanctionsIn } from './measures';

export interface DepartureChecks {
  /** compare the periods, ratios and other sums (thresholds) as well as fines and sanctions */
  quantities?: boolean;
  /** compare the acting authority ("由…处") with the one the provision names */
  authority?: boolean;
  /** a fine in yuan needs a range in the provision (reading a whole law, where a provision that names no amount sets none) */
  amountRequired?: boolean;
}

const imposedFines = (text: string): MoneyAmount[] => moneyIn(text).filter((a) => a.fine && !a.conditional);
const fmt = (n: number): string => (n === Infinity ? '不限' : `${n}元`);

/**
 * The provision's range the clause's fine is read against: the one for the same addressee (the
 * operator, or the persons responsible: 旅游法第九十九条 sets both), the one that holds it if any.
 */
function rangeFor(fine: MoneyAmount, ranges: readonly MoneyAmount[]): { range: MoneyAmount; holds: boolean } | undefined {
  const same = ranges.filter((r) => r.persons === fine.persons);
  const pool = same.length > 0 ? same : ranges;
  const holding = pool.find((r) => within(fine, r));
  if (holding) return { range: holding, holds: true };
  const widest = [...pool].sort((a, b) => b.max - a.max || a.min - b.min)[0];
  return widest && { range: widest, holds: false };
}

/** The clause's fines (in yuan) against the provision's ranges. */
function fineDepartures(clause: string, provision: string, label: string, checks: DepartureChecks): string[] {
  const asked = imposedFines(clause);
  if (asked.length === 0) return [];
  const ranges = imposedFines(provision);
  // Without 罚款 in the provision the added sanction is reported instead (departuresFrom).
  if (ranges.length === 0) return checks.amountRequired && sanctionsIn(provision).has('fine') ? [`${label}没有规定罚款数额，不能支持条文规定的罚款（${asked.map((a) => a.text).join('、')}）`] : [];
  const out: string[] = [];
  for (const fine of asked) {
    const r = rangeFor(fine, ranges)!;
    if (r.holds) continue;
    const { range } = r;
    if (fine.max > range.max) out.push(`条文规定的罚款（${fine.text}，最高${fmt(fine.max)}）超出${label}规定的幅度（${range.text}，最高${fmt(range.max)}）`);
    else out.push(`条文规定的罚款（${fine.text}，最低${fmt(fine.min)}）低于${label}规定的幅度（${range.text}，最低${fmt(range.min)}）`);
  }
  return out;
}

/** "违法所得一倍以上五倍以下罚款": multiples against the provision's. */
function multipleDepartures(clause: string, provision: string, label: string): string[] {
  const asked = multiplesIn(clause);
  const ranges = multiplesIn(provision);
  if (asked.length === 0 || ranges.length === 0) return [];
  return asked.filter((q) => !ranges.some((r) => within(q, r))).map((q) => `条文规定的罚款倍数（${q.text}）与${label}规定的倍数（${ranges.map((r) => r.text).join('、')}）不一致`);
}

/** The parts (between semicolons and full stops) of a text that name a sanction. */
function sanctionParts(text: string, words: RegExp): string {
  return text
    .split(/[。；;\n]/)
    .filter((p) => words.test(p))
    .join('；');
}

function spanOf(qs: readonly Quantity[]): { min: number; max: number } {
  return { min: Math.min(...qs.map((q) => q.min)), max: Math.max(...qs.map((q) => q.max)) };
}

/** Periods (停业整顿一个月至六个月, 三年内不得重新申请) and ratios (每日百分之三) outside the provision's. */
function quantityDepartures(clause: string, provision: string, label: string): string[] {
  const out: string[] = [];
  const SANCTION = /罚款|滞纳金|停业|停产|拘留|暂扣|吊销|不得重新申请|限制从业|禁止/;
  for (const [read, what] of [
    [durationsIn, '期限'],
    [ratiosIn, '比例'],
  ] as const) {
    const asked = read(sanctionParts(clause, SANCTION));
    const set = read(sanctionParts(provision, SANCTION));
    if (asked.length === 0 || set.length === 0) continue;
    const span = spanOf(set);
    for (const q of asked) if (!within(q, span)) out.push(`条文规定的${what}（${q.text}）与${label}规定的${what}（${set.map((s) => s.text).join('、')}）不一致`);
  }
  // Sums that are not fines — the threshold "违法所得十万元以上的" — must be the provision's own.
  const sums = moneyIn(provision);
  for (const a of moneyIn(clause)) {
    if (a.fine && !a.conditional) continue;
    if (!sums.some((s) => s.min === a.min && s.max === a.max)) out.push(`条文中的数额“${a.text}”（${describeYuan(a)}）在${label}中没有对应的规定`);
  }
  return out;
}

/**
 * Every way `clause` departs from `provision` (named `label` in the messages, e.g. '《旅游法》第九十九条');
 * empty when it keeps to it.
 */
export function departuresFrom(clause: string, provision: string, label: string, checks: DepartureChecks = {}): string[] {
  const out = [...fineDepartures(clause, provision, label, checks), ...multipleDepartures(clause, provision, label)];
  const theirs = sanctionsIn(provision);
  const added = [...sanctionsIn(clause)].filter((k) => !theirs.has(k));
  if (added.length > 0) out.push(`条文增设了${label}没有规定的${added.map(sanctionName).join('、')}`);
  if (checks.quantities) out.push(...quantityDepartures(clause, provision, label));
  if (checks.authority) {
    const named = actingAuthorities(provision);
    const kinds = new Set(named.flatMap((a) => [...a.kinds]));
    if (kinds.size > 0) {
      for (const actor of actingAuthorities(clause)) {
        const outside = [...actor.kinds].filter((k) => k !== 'any' && !authorityWithin(k, kinds));
        if (outside.length > 0) out.push(`条文规定由${actor.text}实施，而${label}规定由${named.map((a) => a.text).join('、')}实施`);
      }
    }
  }
  return out;
}
