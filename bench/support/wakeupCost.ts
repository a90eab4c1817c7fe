/**
 * What it costs this machine to wake one thread from another and back: two threads taking turns on a shared
 * word (Atomics.wait / Atomics.notify, a futex each way), timed over many rounds.
 *
 * Every hop of a request between processes (client → front → API → Temporal → worker → PostgreSQL and back)
 * is such a wakeup, and ours makes more hops per action than bare Temporal does. In a virtual machine a
 * wakeup on another core is an interrupt that goes through the hypervisor, and what it costs differs from one
 * machine to the next (14–21 µs on the Firecracker machine of 2026-12-01). Printed with every benchmark
 * section, it is one of the things that tells two machines' numbers apart.
 */
import { Worker } from 'node:worker_threads';

const PARTNER = `
const { workerData } = require('node:worker_threads');
const turn = new Int32Array(workerData.shared);
for (let i = 0; i < workerData.rounds; i++) {
  // Sleep while it is not this thread's turn (1), then hand the turn back (0).
  if (Atomics.wait(turn, 0, 0, 10000) === 'timed-out') break;
  Atomics.store(turn, 0, 0);
  Atomics.notify(turn, 0);
}
`;

/**
 * Median microseconds of a wakeup round trip (this thread wakes the other, the other wakes this one), over
 * `batches` batches of `rounds` rounds after a warm-up; null if the partner thread does not answer.
 */
export async function wakeupRoundTripMicros(opts: { rounds?: number; batches?: number } = {}): Promise<number | null> {
  const rounds = opts.rounds ?? 2_000;
  const batches = opts.batches ?? 5;
  const warmUp = 200;
  const shared = new SharedArrayBuffer(4);
  const turn = new Int32Array(shared);
  const partner = new Worker(PARTNER, { eval: true, workerData: { shared, rounds: warmUp + rounds * batches } });
  // A machine where the thread cannot start gets no number, not a failed benchmark.
  const online = await new Promise<boolean>((resolve) => {
    partner.once('online', () => resolve(true));
    partner.once('error', () => resolve(false));
  });
  if (!online) {
    await partner.terminate();
    return null;
  }
  // One round: hand the turn over and sleep until it comes back. False if the partner stopped answering.
  const round = (): boolean => {
    Atomics.store(turn, 0, 1);
    Atomics.notify(turn, 0);
    return Atomics.wait(turn, 0, 1, 10_000) !== 'timed-out';
  };
  try {
    for (let i = 0; i < warmUp; i++) if (!round()) return null;
    const perBatch: number[] = [];
    for (let b = 0; b < batches; b++) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < rounds; i++) if (!round()) return null;
      perBatch.push(Number(process.hrtime.bigint() - start) / 1e3 / rounds);
    }
    perBatch.sort((x, y) => x - y);
    return perBatch[Math.floor(perBatch.length / 2)]!;
  } finally {
    await partner.terminate();
  }
}
