/** 统一编号: a number series per year and kind, numbers 1, 2, 3 … without gaps (the counter lives in the database). */
import type { MatterKind } from '../procedure/types';
import type { DocumentLifeConfig, DocumentSeries } from './config';

export function seriesOf(kind: MatterKind, config: DocumentLifeConfig): DocumentSeries | null {
  return config.series[kind] ?? null;
}

/** The document number: the series pattern with the year and the sequence number filled in. */
export function formatDocumentNumber(pattern: string, year: number, n: number): string {
  return pattern.replaceAll('{year}', String(year)).replaceAll('{n}', String(n));
}

/** Why a pattern cannot number documents uniquely, or null. */
export function seriesPatternProblem(pattern: string): string | null {
  if (!pattern.includes('{n}')) return 'the pattern must contain {n}';
  if (!pattern.includes('{year}')) return 'the pattern must contain {year} (a series runs per year)';
  return null;
}
