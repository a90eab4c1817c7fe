/**
 * What a matter's workflow costs to create: the SDK evaluates the workflow bundle's modules for every
 * workflow instance (only preloaded modules are shared), so what our domain modules build at load time is
 * paid once per matter on every worker that runs it, and again whenever it leaves the worker's cache.
 *
 *   npx tsx bench/workflowCreation.bench.ts          # N=200
 *
 * Replays N copies of a short committed history (a matter registered, seven actions, completed) in this
 * process with the bundle the workers run: the time is mostly creating the workflow, plus replaying it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker, bundleWorkflowCode, Runtime, DefaultLogger } from '@temporalio/worker';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { PRELOAD_MODULES, WORKFLOWS_PATH } from '../worker/createWorker';
import { table } from './support/stats';
import { machineLine, machineSnapshot, runBenchmark, writeSection } from './support/report';

const N = Number(process.env.N ?? 200);
// Replays run their workflows in this thread: without the SDK's per-promise stack capture, as the workers'
// workflow threads run (platform/temporal/workflowThreads.cjs; until then this bench counted that capture too).
// eslint-disable-next-line @typescript-eslint/no-require-imports
(require('../platform/temporal/workflowThreads.cjs') as { turnOffPromiseStackCapture(): void }).turnOffPromiseStackCapture();

/**
 * Recorded by current workflow code, so its replay takes the paths a matter started today takes, the
 * provisional holiday year computed at start among them. Until the lunar dates were preloaded the default was
 * `patch-baseline-concurrent-actions`, recorded before that patch: its replay skips that computation.
 */
const HISTORY = process.env.WORKFLOW_HISTORY ?? 'econ-removal-by-legal-unit';
const quiet = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, log() {} };

async function replayMany(preloadModules: string[], label: string): Promise<string[]> {
  const bundle = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, preloadModules, logger: quiet as never });
  const file = path.resolve(__dirname, `../test/replay/histories/${HISTORY}.json`);
  const history = historyFromJSON(JSON.parse(fs.readFileSync(file, 'utf8')));
  const rows: string[][] = [];
  // The first round warms the process (bundle compiled, JIT); the second is the reading.
  for (const round of [1, 2]) {
    const histories = Array.from({ length: N }, (_, i) => ({ workflowId: `${label}-${round}-${i}`, history }));
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let failed = 0;
    for await (const r of Worker.runReplayHistories({ workflowBundle: bundle }, histories)) if (r.error) failed++;
    const cpu = process.cpuUsage(cpu0);
    if (failed) throw new Error(`${failed} replays failed`);
    if (round === 2) rows.push([label, String(N), ((performance.now() - t0) / N).toFixed(1), ((cpu.user + cpu.system) / 1000 / N).toFixed(1)]);
  }
  return rows[0]!;
}

async function main() {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const machine = await machineSnapshot();
  const rows = [
    await replayMany([], 'every module per workflow'),
    await replayMany([path.resolve(__dirname, 'support/preloadZodOnly.ts')], 'zod preloaded (what the workers ran before the lunar dates)'),
    await replayMany(PRELOAD_MODULES, 'zod and the lunar dates preloaded (what the workers run)'),
  ];
  const body = `## Creating a matter's workflow (\`npx tsx bench/workflowCreation.bench.ts\`)

${machineLine(machine)}

${N} replays of the committed history \`${HISTORY}\`${process.env.WORKFLOW_HISTORY ? '' : ' (registration, seven actions, completion)'} in one process with the
workers' bundle; CPU of the whole process (all threads) per replay, after a warm-up round.

${table(['bundle', 'replays', 'wall ms per replay', 'CPU ms per replay'], rows)}
`;
  process.stdout.write(`\n${body}\n`);
  writeSection('workflow-creation', body);
}

runBenchmark(main);
