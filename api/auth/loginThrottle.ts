/**
 * Slows down password guessing: after MAX_FAILURES wrong passwords for one username within WINDOW_MS, that
 * username is refused (429) until the window has passed since the last failure. Kept in memory per API
 * process — enough to make online guessing impractical; scrypt makes offline guessing expensive.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until this username may try again, or 0. */
  retryAfterMs(username: string): number {
    const recent = this.recent(username);
    if (recent.length < this.maxFailures) return 0;
    return Math.max(0, recent[recent.length - 1]! + this.windowMs - this.now());
  }

  fail(username: string): void {
    const recent = this.recent(username);
    recent.push(this.now());
    this.failures.set(username, recent.slice(-this.maxFailures));
  }

  succeed(username: string): void {
    this.failures.delete(username);
  }

  private recent(username: string): number[] {
    const cutoff = this.now() - this.windowMs;
    return (this.failures.get(username) ?? []).filter((t) => t > cutoff);
  }
}
