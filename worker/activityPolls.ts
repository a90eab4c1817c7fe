/**
 * How many activity polls a worker keeps open for its `slots` activity slots.
 *
 * Each open poll holds one slot while it waits (so a task it receives can run at once). The SDK's default, ten
 * polls capped at the slots, therefore holds every slot of our workers (their slots are the database pool, five
 * in the production shape) whenever they are idle. Then the server's eager dispatch never finds one free: it
 * hands a workflow task's new activity straight back to the worker that completes the task, with no trip
 * through matching and no poll, only if that worker has a slot free at that moment. Measured on the production
 * shape (2026-12-01, scripts/cluster with eager dispatch on): bare Temporal's activities, with the SDK's 100
 * slots, waited 0.0 ms to start; ours, every slot held by a poll, waited 23.8 ms each, as without eager dispatch.
 *
 * Half the slots poll; the rest are free for eager dispatch. One poll at least: activities that are not
 * dispatched eagerly (retries, timers' activities, another worker's tasks) still arrive.
 */
export function activityPollsFor(slots: number): number {
  return Math.max(1, Math.floor(slots / 2));
}
