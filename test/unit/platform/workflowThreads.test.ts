import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WORKER_PROCESS_NODE_FLAGS } from '../../../platform/temporal/workerProcessFlags';
import { SERVER_PROCESS_NODE_FLAGS } from '../../../platform/serverProcessFlags';

/**
 * The worker processes' preload (platform/temporal/workflowThreads.cjs) leaves the main thread's promise
 * hooks alone and makes them unavailable in worker threads — which is what makes the Temporal SDK skip its
 * per-promise stack capture in workflow threads — unless WORKFLOW_STACK_TRACES=on.
 */
const PROBE = `
const { Worker } = require('node:worker_threads');
const canHook = () => { try { require('node:v8').promiseHooks.createHook({ init() {} })(); return true; } catch { return false; } };
const thread = new Worker("require('node:worker_threads').parentPort.postMessage((" + canHook.toString() + ")())", { eval: true });
thread.once('message', (inThread) => { process.stdout.write(JSON.stringify({ main: canHook(), thread: inThread })); });
`;

function probe(env: NodeJS.ProcessEnv): { main: boolean; thread: boolean } {
  return JSON.parse(execFileSync(process.execPath, [...WORKER_PROCESS_NODE_FLAGS, '-e', PROBE], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' }));
}

describe('the worker processes\' preload', () => {
  test('promise hooks stay in the main thread and are unavailable in worker threads', () => {
    expect(probe({})).toEqual({ main: true, thread: false });
  });

  test('WORKFLOW_STACK_TRACES=on keeps them in worker threads too', () => {
    expect(probe({ WORKFLOW_STACK_TRACES: 'on' })).toEqual({ main: true, thread: true });
  });
});

/** The young generation a worker thread grows to under churn, in a process started with these flags. */
function threadYoungGeneration(flags: readonly string[]): number {
  const churn = `const v8 = require('node:v8'); let keep = []; for (let i = 0; i < 2e6; i++) { keep.push({ i }); if (keep.length > 300000) keep = []; }
    require('node:worker_threads').parentPort.postMessage(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);`;
  const main = `new (require('node:worker_threads').Worker)(${JSON.stringify(churn)}, { eval: true }).once('message', (size) => process.stdout.write(String(size)));`;
  return Number(execFileSync(process.execPath, [...flags, '-e', main], { encoding: 'utf8' }));
}

describe('the server processes\' heap flag', () => {
  const root = path.join(__dirname, '../../..');
  const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

  test('every worker process takes it, and the npm scripts and npm start pass the same', () => {
    for (const flag of SERVER_PROCESS_NODE_FLAGS) {
      expect(WORKER_PROCESS_NODE_FLAGS).toContain(flag);
      expect(scripts['start:api']).toContain(flag);
      expect(scripts['start:worker']).toContain(flag);
      expect(readFileSync(path.join(root, 'scripts/start.sh'), 'utf8')).toContain(flag);
    }
  });

  test('it holds in worker threads too (where workflows run): V8\'s flags are the process\'s', () => {
    expect(threadYoungGeneration(SERVER_PROCESS_NODE_FLAGS)).toBeGreaterThan(threadYoungGeneration([]));
  });
});
