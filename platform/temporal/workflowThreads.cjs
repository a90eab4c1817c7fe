/**
 * Preloaded (`node --require`) by the processes that run the Temporal worker; runs in every worker thread.
 *
 * The Temporal TS SDK (1.24) installs a V8 promise hook in each workflow thread that, for every promise a
 * workflow creates, builds an Error, formats its stack through the bundle's source map and keeps it — only so
 * that the `__stack_trace` query (`temporal workflow stack`, the UI's stack-trace tab) can show where a
 * workflow is waiting. Profiled under the procedure benchmark it was 31 % of the workflow thread's CPU, the
 * largest single part (docs/benchmarks.md). The SDK has a documented fallback for runtimes without promise
 * hooks: stack traces off, the query answering that they are not enabled. This makes the hooks unavailable
 * in worker threads (workflow threads are the only ones that use them here) so that fallback applies;
 * WORKFLOW_STACK_TRACES=on keeps them, to look at a stuck workflow.
 *
 * Only the public `v8.promiseHooks` object of the thread is replaced: Node's own async context tracking
 * (AsyncLocalStorage) does not go through it. The main thread is left alone.
 */
'use strict';
const { isMainThread } = require('node:worker_threads');

/** Makes this thread's promise hooks unavailable (what the preload does in every worker thread). */
function turnOffPromiseStackCapture() {
  const v8 = require('node:v8');
  v8.promiseHooks = Object.freeze({
    ...v8.promiseHooks,
    createHook() {
      throw new Error('promise hooks are off in worker threads (platform/temporal/workflowThreads.cjs; WORKFLOW_STACK_TRACES=on keeps them)');
    },
  });
}

if (!isMainThread && process.env.WORKFLOW_STACK_TRACES !== 'on') turnOffPromiseStackCapture();

// bench/workflowCreation.bench.ts replays workflows in its main thread and turns the capture off there, as the workers run.
module.exports = { turnOffPromiseStackCapture };
