/**
 * A worker's activity slots and polls for the database connections its activities may hold at once.
 *
 * Nearly every activity holds a connection for its transaction, so the activities running at once stay near the
 * connections: more of them only queue for one, and a deep queue does harm (in a Prisma transaction it times out
 * after a 2 s wait, P2028, and retries with back-off: a burst of 1,000 registrations on a pool of 5 once crawled at
 * 0.15 per second that way, bench/scale.bench.ts). But a slot is not a connection. The SDK takes a slot for every
 * open poll, and one more for the poll it has ready to open: its poll loop takes the slot first and only then waits
 * for a poll to end (sdk-core, crates/sdk-core/src/pollers/poll_buffer.rs, `LongPollBuffer::new`). The server's
 * eager dispatch hands a workflow task's new activity straight back to the worker that completes the task, with no
 * trip through matching and no poll, only if that worker has a slot free at that moment.
 *
 * So a worker has a slot for each connection, plus those its polls hold: when it is idle, as many activities as
 * connections can arrive eagerly. Should the polls also deliver while every connection is busy, at most
 * `polls + 1` activities wait for a connection, each behind another's short transaction, not behind a queue.
 *
 * Measured on the production shape (2026-12-01, eager dispatch on, 2 cores): with the slots equal to the
 * connections (5) and 2 polls, only two slots were free when idle; 56 of 327 activities were not dispatched
 * eagerly (42 of them scheduled while their worker ran one to three others) and waited 20–170 ms in the task
 * queue, 10.4 ms per activity on average.
 *
 * Half the connections poll (one at least): activities that are not dispatched eagerly (retries, a busy
 * worker's, a backlog after an outage) still arrive, several at a time.
 */
export interface ActivitySlots {
  /** The SDK's maxConcurrentActivityTaskExecutions. */
  slots: number;
  /** The SDK's activity poller maximum. */
  polls: number;
}

export function activitySlotsFor(connections: number): ActivitySlots {
  const polls = Math.max(1, Math.floor(connections / 2));
  return { slots: connections + polls + 1, polls };
}
