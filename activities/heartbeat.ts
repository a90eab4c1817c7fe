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
  // No heartbeat at the start: the server's heartbeat timeout runs from the activity's start, so one that
  // dies before its first beat is noticed all the same, and the common activity (tens of ms) sends none — each
  // beat is a call to the server and a write of the workflow's state there.
  const timer = setInterval(() => context!.heartbeat(), EVERY_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
