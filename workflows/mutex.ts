/**
 * A named mutex for workflow code (as in Temporal's safe-message-handlers sample): message handlers that
 * await activities interleave, so whatever must happen one at a time runs inside `runExclusive`. Waiters
 * are served in arrival order; plain promises, so it is deterministic on replay.
 *
 * (`condition(() => !busy)` is not a lock: every waiter whose condition holds is released in the same
 * pass, before any of them can set `busy` again.)
 */
export class Mutex {
  private locked = false;
  private readonly waiters: Array<() => void> = [];

  constructor(readonly name: string) {}

  get isLocked(): boolean {
    return this.locked;
  }

  async runExclusive<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await fn();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (!this.locked) {
      this.locked = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Hands the lock straight to the next waiter, so nobody can slip in between. */
  private release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.locked = false;
  }
}
