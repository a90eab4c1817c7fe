import { accountLockMs, clientHoldMs, ACCOUNT_MAX_LOCK_MS, CLIENT_MAX_FAILURES, CLIENT_WINDOW_MS } from '../../../api/auth/loginThrottle';

describe('login throttle policy', () => {
  test('an account locks progressively: free tries, then 1, 2, 4 … minutes, at most a day', () => {
    expect([1, 2, 3, 4].map(accountLockMs)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map((n) => accountLockMs(n) / 60_000)).toEqual([1, 2, 4, 8]);
    expect(accountLockMs(16)).toBe(ACCOUNT_MAX_LOCK_MS);
    expect(accountLockMs(10_000)).toBe(ACCOUNT_MAX_LOCK_MS);
  });
  test('a client is held for the rest of its window once it reaches the limit', () => {
    expect(clientHoldMs(CLIENT_MAX_FAILURES - 1, 1000)).toBe(0);
    expect(clientHoldMs(CLIENT_MAX_FAILURES, 60_000)).toBe(CLIENT_WINDOW_MS - 60_000);
    expect(clientHoldMs(CLIENT_MAX_FAILURES, CLIENT_WINDOW_MS + 1)).toBe(0);
  });
});
