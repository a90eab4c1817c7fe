import path from 'node:path';
import { SERVER_PROCESS_NODE_FLAGS } from '../serverProcessFlags';

/**
 * Node flags of every process that runs the Temporal worker (`npm start`, `npm run start:worker`, the
 * cluster's workers): preload platform/temporal/workflowThreads.cjs, which turns the SDK's per-promise
 * stack capture off in workflow threads, and the server processes' heap flags (platform/serverProcessFlags.ts).
 * package.json's scripts and scripts/start.sh pass the same.
 */
export const WORKFLOW_THREADS_PRELOAD = path.join(__dirname, 'workflowThreads.cjs');

export const WORKER_PROCESS_NODE_FLAGS: readonly string[] = [...SERVER_PROCESS_NODE_FLAGS, '--require', WORKFLOW_THREADS_PRELOAD];
