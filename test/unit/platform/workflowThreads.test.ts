import { execFileSync } from 'node:child_process';
import { WORKER_PROCESS_NODE_FLAGS } from '../../../platform/temporal/workerProcessFlags';

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
