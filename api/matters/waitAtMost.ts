/**
 * The promise's value, or null if it has not settled within `ms` (a rejection within `ms` is thrown). The
 * timer is cleared as soon as the promise settles: left running (the earlier `Promise.race` with a bare
 * `setTimeout`), each call kept its answer — an action's whole result with the matter's state — reachable
 * from the pending timer for the full wait (60 s for an action). That is memory held for nothing; the
 * procedure bench shows no throughput difference either way (docs/benchmarks.md).
 */
export async function waitAtMost<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
    timer.unref();
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
