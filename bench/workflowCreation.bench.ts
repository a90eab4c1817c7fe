/**
 * What a workflow costs to create: the SDK evaluates the workflow bundle's modules for every workflow
 * instance (only preloaded modules are shared), so what our domain modules build at load time is paid once
 * per workflow on every worker that runs it, and again whenever it leaves the worker's cache.
 *
 *   npx tsx bench/workflowCreation.bench.ts          # N=200
 *
 * Replays N copies of short committed histories in this process with the bundle the workers run: a matter's
 * (registered, seven actions, completed) and a document's (its life after issue: reminded, then expired). The
 * time is mostly creating the workflow, plus replaying it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker, bundleWorkflowCode, Runtime, DefaultLogger, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
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
 * Recorded by current workflow code, so their replays take the paths a workflow started today takes (a matter's:
 * the provisional holiday year computed at start among them). Until the lunar dates were preloaded the matter's
 * was `patch-baseline-concurrent-actions`, recorded before that patch: its replay skips that computation.
 * WORKFLOW_HISTORY names one history to replay instead.
 */
const HISTORIES = process.env.WORKFLOW_HISTORY
  ? [{ name: process.env.WORKFLOW_HISTORY, what: process.env.WORKFLOW_HISTORY }]
  : [
      { name: 'econ-removal-by-legal-unit', what: 'a matter (registration, seven actions, completion)' },
      { name: 'document-life-reminded-then-expired', what: 'a document (issued, reminded of its re-evaluation, expired)' },
    ];
const quiet = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, log() {} };

async function replayMany(bundle: WorkflowBundleWithSourceMap, historyName: string, label: string): Promise<string[]> {
  const file = path.resolve(__dirname, `../test/replay/histories/${historyName}.json`);
  const history = historyFromJSON(JSON.parse(fs.readFileSync(file, 'utf8')));
  const rows: string[][] = [];
  // The first round warms the process (bundle compiled, JIT); the second is the reading.
  for (const round of [1, 2]) {
    const histories = Array.from({ length: N }, (_, i) => ({ workflowId: `${historyName}-${label}-${round}-${i}`, history }));
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let failed = 0;
    for await (const r of Worker.runReplayHistories({ workflowBundle: bundle }, histories)) if (r.error) failed++;
    const cpu = process.cpuUsage(cpu0);
    if (failed) throw new Error(`${failed} replays failed`);
    if (round === 2) rows.push([historyName, label, String(N), ((performance.now() - t0) / N).toFixed(1), ((cpu.user + cpu.system) / 1000 / N).toFixed(1)]);
  }
  return rows[0]!;
}

async function main() {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const machine = await machineSnapshot();
  const bundles: Array<[string, string[]]> = [
    ['every module per workflow', []],
    ['zod preloaded (what the workers ran before the lunar dates)', [path.resolve(__dirname, 'support/preloadZodOnly.ts')]],
    ['zod and the lunar dates preloaded (what the workers run)', PRELOAD_MODULES],
  ];
  const rows: string[][] = [];
  for (const [label, preloadModules] of bundles) {
    const bundle = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, preloadModules, logger: quiet as never });
    for (const h of HISTORIES) rows.push(await replayMany(bundle, h.name, label));
  }
  const body = `## Creating a workflow (\`npx tsx bench/workflowCreation.bench.ts\`)

${machineLine(machine)}

${N} replays of each committed history in one process with the workers' bundle: ${HISTORIES.map((h) => `\`${h.name}\`, ${h.what}`).join('; ')}. CPU of the
whole process (all threads) per replay, after a warm-up round.

${table(['history', 'bundle', 'replays', 'wall ms per replay', 'CPU ms per replay'], rows)}
`;
  process.stdout.write(`\n${body}\n`);
  writeSection('workflow-creation', body);
}

runBenchmark(main);
