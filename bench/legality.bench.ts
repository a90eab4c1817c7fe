/**
 * Benchmark of the legality pre-screen on a ~100 KB document: the sample normative document and every
 * labelled legality clause, numbered as articles with items and repeated until the size is reached.
 *
 *   npm run bench:legality
 *
 * Prints document size, findings, median and p95 of the pre-screen time (wall clock), and the median CPU
 * time of this process per run, which waiting for a busy machine's cores does not inflate. Target:
 * median under 50 ms.
 */
import { cpus, loadavg } from 'os';
import { performance } from 'perf_hooks';
import { legalityPrescreen } from '../domain/legality';
import { legalityLabelledItems } from '../domain/legality/eval/data';
import { benchDocument, percentile } from './lib/benchDocument';

const TARGET_BYTES = 100 * 1024;
const WARMUP = 10;
const RUNS = 50;
const TARGET_MS = 50;

function main(): void {
  console.log('legality pre-screen benchmark');
  console.log(`runs: ${RUNS} after ${WARMUP} warm-up each`);
  for (const [label, bytes, target] of [
    ['100 KB', TARGET_BYTES, true],
    ['~100 K characters', 3 * TARGET_BYTES, false],
  ] as const) {
    const doc = benchDocument(legalityLabelledItems().map((i) => i.text), bytes);
    const size = Buffer.byteLength(doc, 'utf8');
    let findings = 0;
    for (let i = 0; i < WARMUP; i++) findings = legalityPrescreen(doc).findings.length;
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      legalityPrescreen(doc);
      times.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    const median = percentile(times, 50);
    console.log(`\n${label}: ${size} bytes (${(size / 1024).toFixed(1)} KB), ${doc.length} characters, ${findings} findings`);
    console.log(`median: ${median.toFixed(2)} ms   p95: ${percentile(times, 95).toFixed(2)} ms   min: ${times[0]!.toFixed(2)} ms   max: ${times[times.length - 1]!.toFixed(2)} ms`);
    console.log(`CPU time per run: median ${percentile(cpu, 50).toFixed(2)} ms (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`);
    if (target) console.log(median <= TARGET_MS ? `ok: median within target (${TARGET_MS} ms)` : `!! median above target (${TARGET_MS} ms)${loadavg()[0]! > cpus().length ? ' — the machine is busier than its cores, so wall times include waiting; see the CPU time' : ''}`);
  }
}

try {
  main();
} catch (err) {
  console.error('legality bench crashed:', err);
  process.exit(1);
}
