import { Context } from '@temporalio/activity';

/** How often a running activity tells the server it is alive (well inside the workflow's heartbeat timeout). */
const EVERY_MS = 1_000;

/**
 * Runs an activity's work while heartbeating, so that an activity whose worker dies (kill -9, a lost
 * machine) is noticed by the server within the heartbeat timeout and retried elsewhere, instead of after
 * its whole start-to-close timeout. Outside an activity (a test calling the function) it just runs.
 */
export async function heartbeating<T>(work: () => Promise<T>): Promise<T> {
  let context: Context | null = null;
  try {
    context = Context.current();
  } catch {
    return work();
  }
  context.heartbeat();
  const timer = setInterval(() => context!.heartbeat(), EVERY_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
