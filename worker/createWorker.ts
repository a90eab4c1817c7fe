import path from 'node:path';
import { Worker, bundleWorkflowCode, type NativeConnection, type WorkflowBundleOption } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import { activityMetrics } from './activityMetrics';
import { activityPollsFor } from './activityPolls';

/** Must be absolute: the bundler resolves it from its own working directory. */
export const WORKFLOWS_PATH = path.resolve(__dirname, '../workflows/index.ts');

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
   * Activities run at once. Nearly every activity holds a database connection for its transaction, so more
   * of them than the pool has connections only queue inside Prisma, time out after its 2 s wait (P2028) and
   * retry with back-off: a burst of 1,000 registrations on a pool of 5 crawled at 0.15 per second that way
   * (bench/scale.bench.ts). Bounded by the pool, the rest wait in Temporal's task queue instead, unharmed.
   */
  maxConcurrentActivities: number;
  /** Workflows kept in memory between tasks (platform/config.ts WORKER_MAX_CACHED_WORKFLOWS); SDK default when absent. */
  maxCachedWorkflows?: number;
}): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    ...(opts.workflowBundle ? { workflowBundle: opts.workflowBundle } : { workflowsPath: WORKFLOWS_PATH, bundlerOptions: { preloadModules: PRELOAD_MODULES } }),
    activities: createActivities(opts.deps),
    maxConcurrentActivityTaskExecutions: opts.maxConcurrentActivities,
    // Fewer polls than slots, so that the server can hand activities to this worker eagerly (worker/activityPolls.ts).
    activityTaskPollerBehavior: { type: 'simple-maximum', maximum: activityPollsFor(opts.maxConcurrentActivities) },
    ...(opts.maxCachedWorkflows !== undefined ? { maxCachedWorkflows: opts.maxCachedWorkflows } : {}),
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
