/**
 * Benchmark of the fair-competition pre-screen on a ~100 KB document: the sample normative
 * document and every labelled clause, numbered as articles and repeated until the size is reached.
 *
 *   npx tsx bench/prescreen.bench.ts
 *
 * Prints document size, median and p95 of the pre-screen time. Target: median under 50 ms.
 */
import { performance } from 'perf_hooks';
import { prescreen } from '../domain/fair-competition';
import { prescreenWith } from '../domain/fair-competition/prescreen';
import { labelledItems } from '../domain/fair-competition/eval/data';
import { benchDocument, percentile } from './lib/benchDocument';

const TARGET_BYTES = 100 * 1024;
const WARMUP = 10;
const RUNS = 50;
const TARGET_MS = 50;

function measure(doc: string, run: (text: string) => { findings: unknown[] } = prescreen): { median: number; p95: number; min: number; max: number; findings: number } {
  let findings = 0;
  for (let i = 0; i < WARMUP; i++) findings = run(doc).findings.length;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    run(doc);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95), min: times[0]!, max: times[times.length - 1]!, findings };
}

function main(): void {
  console.log('fair-competition pre-screen benchmark');
  console.log(`runs: ${RUNS} after ${WARMUP} warm-up each`);
  // 100 KB of UTF-8 is the target; Chinese text is ~3 bytes a character, so a 100 K-character
  // document (~300 KB) is measured too, for information.
  for (const [label, bytes, target] of [
    ['100 KB', TARGET_BYTES, true],
    ['~100 K characters', 3 * TARGET_BYTES, false],
  ] as const) {
    const doc = benchDocument(labelledItems().map((i) => i.text), bytes);
    const size = Buffer.byteLength(doc, 'utf8');
    const r = measure(doc);
    console.log(`\n${label}: ${size} bytes (${(size / 1024).toFixed(1)} KB), ${doc.length} characters, ${r.findings} findings`);
    console.log(`median: ${r.median.toFixed(2)} ms   p95: ${r.p95.toFixed(2)} ms   min: ${r.min.toFixed(2)} ms   max: ${r.max.toFixed(2)} ms`);
    const rules = measure(doc, (text) => prescreenWith(text, {}, null));
    console.log(`rules only (statistical fallback off): median ${rules.median.toFixed(2)} ms, ${rules.findings} findings`);
    if (target) console.log(r.median <= TARGET_MS ? `ok: median within target (${TARGET_MS} ms)` : `!! median above target (${TARGET_MS} ms)`);
  }
}

try {
  main();
} catch (err) {
  console.error('prescreen bench crashed:', err);
  process.exit(1);
}
