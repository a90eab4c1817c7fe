/** The ~100 KB document both pre-screen benchmarks screen, and the percentile they report. */
import { readFileSync } from 'fs';
import { join } from 'path';

/**
 * The sample normative document and the given clauses (as numbered articles with items, leading
 * article or item labels stripped), repeated until the document reaches `minBytes` of UTF-8.
 */
export function benchDocument(clauseTexts: readonly string[], minBytes: number): string {
  const sample = readFileSync(join(__dirname, '../../test/unit/fair-competition/fixtures/01-culture-tourism-consumption-measures.md'), 'utf8');
  const clauses = clauseTexts.map((t) => t.replace(/^第[一二三四五六七八九十百]+条\s*|^[（(][一二三四五六七八九十]+[）)]/, ''));
  const parts: string[] = [];
  let bytes = 0;
  let chapter = 0;
  let article = 0;
  while (bytes < minBytes) {
    chapter++;
    const lines = [`## 第${chapter}章`, sample];
    clauses.forEach((c, i) => {
      if (i % 10 === 0) lines.push(`第${++article}条 本章下列事项按照以下规定执行：`);
      lines.push(`（${(i % 10) + 1}）${c}`);
    });
    for (const line of lines) {
      if (bytes >= minBytes) break;
      parts.push(line);
      bytes += Buffer.byteLength(line, 'utf8') + 1;
    }
  }
  return parts.join('\n');
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
