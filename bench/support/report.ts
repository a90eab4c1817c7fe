/**
 * docs/benchmarks.md is written by the benchmarks: each one replaces its own section (between markers), so
 * the file always holds the latest run of each, with the machine it ran on and how busy that machine was.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { wakeupRoundTripMicros } from './wakeupCost';

export const BENCHMARKS_DOC = path.resolve(__dirname, '../../docs/benchmarks.md');

const HEADER = `# Benchmarks

Written by the scripts in \`bench/\` (each run replaces its own section). Numbers from a shared 2-core
machine are noisy: every section records the load average before and after its run and \`nproc\`, and the
baseline runs in the same run as our code, so the **ratios** are what to compare across runs.
`;

export interface MachineSnapshot {
  date: string;
  cpu: string;
  nproc: number;
  memoryGiB: string;
  node: string;
  commit: string;
  /** Code changed and not committed (docs/, which the benches write, aside): the commit alone did not run. */
  uncommitted: boolean;
  loadBefore: number[];
  /** A wakeup round trip between two threads, µs (bench/support/wakeupCost.ts), measured before the run. */
  wakeupMicros: number | null;
}

export async function machineSnapshot(): Promise<MachineSnapshot> {
  let commit = 'unknown';
  let uncommitted = false;
  try {
    const git = (args: string[]) => execFileSync('git', args, { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8' }).trim();
    commit = git(['rev-parse', '--short', 'HEAD']);
    uncommitted = git(['status', '--porcelain', '--untracked-files=no', '--', '.', ':!docs']) !== '';
  } catch {
    /* not a checkout */
  }
  const loadBefore = os.loadavg();
  const wakeupMicros = await wakeupRoundTripMicros();
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    nproc: os.availableParallelism(),
    memoryGiB: (os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    commit,
    uncommitted,
    loadBefore,
    wakeupMicros,
  };
}

const fmtLoad = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');

/** One line about the machine and its load, for the top of a section. */
export function machineLine(m: MachineSnapshot): string {
  const after = os.loadavg();
  const busy = Math.max(m.loadBefore[0]!, after[0]!) > m.nproc ? ' — **the machine was busy (load above its core count): absolute numbers are pessimistic**' : '';
  return `Run ${m.date} at commit \`${m.commit}\`${m.uncommitted ? ' with uncommitted changes' : ''} on ${m.cpu}, nproc ${m.nproc}, ${m.memoryGiB} GiB, Node ${m.node}${m.wakeupMicros === null ? '' : `, a wakeup round trip between two threads ${m.wakeupMicros.toFixed(1)} µs`}. Load average (1/5/15 min) before ${fmtLoad(m.loadBefore)}, after ${fmtLoad(after)}${busy}.`;
}

/** Replaces (or appends) the section named `key` in docs/benchmarks.md. */
export function writeSection(key: string, markdown: string): void {
  const begin = `<!-- ${key}:begin -->`;
  const end = `<!-- ${key}:end -->`;
  const block = `${begin}\n${markdown.trim()}\n${end}`;
  fs.mkdirSync(path.dirname(BENCHMARKS_DOC), { recursive: true });
  const current = fs.existsSync(BENCHMARKS_DOC) ? fs.readFileSync(BENCHMARKS_DOC, 'utf8') : HEADER;
  const i = current.indexOf(begin);
  const j = current.indexOf(end);
  const next = i >= 0 && j > i ? current.slice(0, i) + block + current.slice(j + end.length) : `${current.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(BENCHMARKS_DOC, next);
}

/** Writes the section (see writeSection) and shows it on standard output, naming the run's work files. */
export function publishSection(key: string, markdown: string, workDir: string): void {
  process.stdout.write(`\n${markdown}\n`);
  writeSection(key, markdown);
  process.stdout.write(`\nwritten to docs/benchmarks.md (work files in ${workDir})\n`);
}

/** Runs a benchmark's main: a failure prints its stack and ends the process with status 1. */
export function runBenchmark(main: () => Promise<void>): void {
  main().catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
