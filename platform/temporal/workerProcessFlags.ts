import path from 'node:path';

/**
 * Node flags of every process that runs the Temporal worker (`npm start`, `npm run start:worker`, the
 * cluster's workers): preload platform/temporal/workflowThreads.cjs, which turns the SDK's per-promise
 * stack capture off in workflow threads. package.json's scripts and scripts/start.sh pass the same file.
 */
export const WORKFLOW_THREADS_PRELOAD = path.join(__dirname, 'workflowThreads.cjs');

export const WORKER_PROCESS_NODE_FLAGS: readonly string[] = ['--require', WORKFLOW_THREADS_PRELOAD];
