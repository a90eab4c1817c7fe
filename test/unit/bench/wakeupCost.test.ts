import { wakeupRoundTripMicros } from '../../../bench/support/wakeupCost';

describe('wakeupRoundTripMicros', () => {
  it('times real round trips with a partner thread: a positive number of microseconds', async () => {
    const few = await wakeupRoundTripMicros({ rounds: 50, batches: 3 });
    expect(few).not.toBeNull();
    expect(Number.isFinite(few)).toBe(true);
    // A round trip is two wakeups through the kernel: more than a tenth of a microsecond, far less than 10 ms.
    expect(few!).toBeGreaterThan(0.1);
    expect(few!).toBeLessThan(10_000);
  });
});
