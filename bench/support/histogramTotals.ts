/**
 * Totals of Prometheus histograms read from /metrics endpoints: each histogram's `_sum` and `_count` added
 * over its label sets and over the endpoints, so that two readings taken around a run give the time spent
 * and the number of observations within it (a mean; quantiles would need the buckets, and the SDK's buckets
 * are too coarse for them).
 */
export type HistogramTotals = Record<string, { sum: number; count: number }>;

/** Label sets a histogram is read over, by name: each must contain the text given (e.g. `method="POST"`). */
export type LabelFilters = Record<string, string>;

/** Histograms read apart by one of their labels, by name: totals under `name:value` for each value of that label. */
export type SplitBy = Record<string, string>;

/** `text` in the Prometheus exposition format: the totals of the histograms named. */
export function totalsOf(text: string, names: readonly string[], filters: LabelFilters = {}, splitBy: SplitBy = {}): HistogramTotals {
  const out: HistogramTotals = Object.fromEntries(names.filter((n) => !(n in splitBy)).map((n) => [n, { sum: 0, count: 0 }]));
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)_(sum|count)(\{[^}]*\})? ([\d.eE+-]+|NaN)$/.exec(line);
    if (!m || !names.includes(m[1]!)) continue;
    const required = filters[m[1]!];
    if (required !== undefined && !(m[3] ?? '').includes(required)) continue;
    const label = splitBy[m[1]!];
    const key = label === undefined ? m[1]! : `${m[1]}:${new RegExp(`[{,]${label}="([^"]*)"`).exec(m[3] ?? '')?.[1] ?? ''}`;
    const value = Number(m[4]);
    if (Number.isFinite(value)) (out[key] ??= { sum: 0, count: 0 })[m[2] as 'sum' | 'count'] += value;
  }
  return out;
}

/** The totals over every endpoint; an endpoint that does not answer counts as nothing (and is named). */
export async function readHistogramTotals(urls: readonly string[], names: readonly string[], filters: LabelFilters = {}, splitBy: SplitBy = {}): Promise<{ totals: HistogramTotals; unreachable: string[] }> {
  let totals = totalsOf('', names, filters, splitBy);
  const unreachable: string[] = [];
  for (const url of urls) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (!res.ok) throw new Error(String(res.status));
      totals = addTotals(totals, totalsOf(await res.text(), names, filters, splitBy));
    } catch {
      unreachable.push(url);
    }
  }
  return { totals, unreachable };
}

/** What was added between two readings. */
export function totalsSince(before: HistogramTotals, after: HistogramTotals): HistogramTotals {
  return Object.fromEntries(Object.keys(after).map((n) => [n, { sum: after[n]!.sum - (before[n]?.sum ?? 0), count: after[n]!.count - (before[n]?.count ?? 0) }]));
}

/** Two runs' totals together. */
export function addTotals(a: HistogramTotals, b: HistogramTotals): HistogramTotals {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return Object.fromEntries([...names].map((n) => [n, { sum: (a[n]?.sum ?? 0) + (b[n]?.sum ?? 0), count: (a[n]?.count ?? 0) + (b[n]?.count ?? 0) }]));
}
