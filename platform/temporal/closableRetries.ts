import { defaultGrpcRetryOptions, makeGrpcRetryInterceptor, type ConnectionOptions } from '@temporalio/client';

type Interceptor = NonNullable<ConnectionOptions['interceptors']>[number];

/**
 * Temporal's own gRPC retries (the same decisions and back-off as its default), made closable. A call that fails
 * retryably (UNAVAILABLE, RESOURCE_EXHAUSTED…) is retried from a timer; if the connection closes while that timer
 * waits, the retry creates a call on the closed channel and grpc-js throws "Channel has been shut down" from the
 * timer, where no caller can catch it — an uncaught exception in the process (in jest: a failure of whichever
 * test runs next in the same worker). So: once closing, nothing new is retried, and the close waits for the
 * retries already scheduled to go out (bounded by the back-off's maximum).
 */
export interface ClosableRetries {
  interceptor: Interceptor;
  /** Stop retrying and wait until no retry is waiting on its timer. */
  drain(maxWaitMs?: number): Promise<void>;
}

export function closableRetries(): ClosableRetries {
  const defaults = defaultGrpcRetryOptions();
  let closing = false;
  let waiting = 0;
  const interceptor = makeGrpcRetryInterceptor({
    retryableDecider: (attempt, status) => !closing && defaults.retryableDecider(attempt, status),
    delayFunction: (attempt, status) => {
      const ms = defaults.delayFunction(attempt, status);
      // Counted until just after the retry's own timer has fired (timers of equal or shorter delay fire first).
      waiting += 1;
      setTimeout(() => { waiting -= 1; }, ms + 20).unref();
      return ms;
    },
  });
  return {
    interceptor,
    async drain(maxWaitMs = 15_000) {
      closing = true;
      const until = Date.now() + maxWaitMs;
      while (waiting > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
    },
  };
}
