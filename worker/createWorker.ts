import path from 'node:path';
import { Worker, bundleWorkflowCode, type NativeConnection, type WorkflowBundleOption } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import { activityMetrics } from './activityMetrics';

/** Must be absolute: the bundler resolves it from its own working directory. */
export const WORKFLOWS_PATH = path.resolve(__dirname, '../workflows/index.ts');

/** Bundling takes seconds; tests and the dev entry bundle once and reuse it. */
export function bundleWorkflows(): Promise<WorkflowBundleOption> {
  return bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietBundlerLogger });
}

export async function createWorker(opts: {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  workflowBundle?: WorkflowBundleOption;
}): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    ...(opts.workflowBundle ? { workflowBundle: opts.workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    activities: createActivities(opts.deps),
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
