import path from 'node:path';
import { Worker, bundleWorkflowCode, type NativeConnection, type WorkflowBundleOption } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import { activityMetrics } from './activityMetrics';
import { activitySlotsFor } from './activitySlots';

/** Must be absolute: the bundler resolves it from its own working directory. */
export const WORKFLOWS_PATH = path.resolve(__dirname, '../workflows/index.ts');

/**
 * How long a matter's next workflow task may wait on the sticky queue of the worker that has the matter cached
 * before the server hands it to any worker (the SDK's default: 10 s). A worker killed with kill -9 cannot tell
 * the server it is gone, and the server still takes it for alive for a while: every workflow it had cached then
 * waited the whole timeout. Measured (test/integration/workerCrash.test.ts, 2026-12-01, with the history's
 * timestamps): the killed worker's action was retried on the other worker 5.9 s after the kill and stored at
 * 6.0 s, then the workflow task that answers it sat on the dead worker's sticky queue until it timed out at
 * 16.0 s. A live worker takes a sticky task within milliseconds (tens on a busy machine: docs/benchmarks.md),
 * so 3 s costs nothing when all is well; a task that does wait that long is replayed by another worker, which is
 * correct, only slower.
 */
export const STICKY_QUEUE_SCHEDULE_TO_START_TIMEOUT = '3s';

/** Loaded once per worker thread and shared by its workflows (workflows/preloadShared.ts). */
export const PRELOAD_MODULES = [path.resolve(__dirname, '../workflows/preloadShared.ts')];

/** Bundling takes seconds; tests and the dev entry bundle once and reuse it. */
export function bundleWorkflows(): Promise<WorkflowBundleOption> {
  return bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, preloadModules: PRELOAD_MODULES, logger: quietBundlerLogger });
}

export async function createWorker(opts: {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  workflowBundle?: WorkflowBundleOption;
  /**
   * The database connections the activities may hold at once: nearly every activity holds one for its
   * transaction. The slots and polls follow from it (worker/activitySlots.ts).
   */
  activityConnections: number;
  /** Workflows kept in memory between tasks (platform/config.ts WORKER_MAX_CACHED_WORKFLOWS); SDK default when absent. */
  maxCachedWorkflows?: number;
}): Promise<Worker> {
  const slots = activitySlotsFor(opts.activityConnections);
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    ...(opts.workflowBundle ? { workflowBundle: opts.workflowBundle } : { workflowsPath: WORKFLOWS_PATH, bundlerOptions: { preloadModules: PRELOAD_MODULES } }),
    activities: createActivities(opts.deps),
    // A free slot per connection besides those the polls hold, so that the server can hand activities to this
    // worker eagerly (worker/activitySlots.ts).
    maxConcurrentActivityTaskExecutions: slots.slots,
    activityTaskPollerBehavior: { type: 'simple-maximum', maximum: slots.polls },
    ...(opts.maxCachedWorkflows !== undefined ? { maxCachedWorkflows: opts.maxCachedWorkflows } : {}),
    stickyQueueScheduleToStartTimeout: STICKY_QUEUE_SCHEDULE_TO_START_TIMEOUT,
    interceptors: { activity: [activityMetrics] },
  });
}

const quietBundlerLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string, meta?: unknown) => process.stderr.write(`workflow bundler: ${message} ${meta ? JSON.stringify(meta) : ''}\n`),
  error: (message: string, meta?: unknown) => process.stderr.write(`workflow bundler: ${message} ${meta ? JSON.stringify(meta) : ''}\n`),
};
