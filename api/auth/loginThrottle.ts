import type { Database } from '../../platform/database';
// Time is the database's (UTC), so instances with skewed clocks agree.
import { UTC_NOW as NOW } from '../../platform/sqlTime';

/**
 * Online password guessing, stopped in the database so every API instance counts the same failures:
 *
 * - per account (the username as typed, existing or not, so locks reveal nothing): consecutive failures
 *   lock it progressively — the 5th for 1 minute, each later one twice as long, up to a day — so one
 *   mistyping person barely waits while a guesser gets a handful of tries a day. A success or an admin's
 *   unlock clears it; a day without failures forgets them.
 * - per client address: at most CLIENT_MAX_FAILURES failed logins per CLIENT_WINDOW_MS, whatever the
 *   usernames, which stops spraying one password over many accounts (and locking them all).
 */
export const ACCOUNT_FREE_FAILURES = 4;
export const ACCOUNT_FIRST_LOCK_MS = 60_000;
export const ACCOUNT_MAX_LOCK_MS = 24 * 3_600_000;
/** Failures older than this are forgotten. */
export const ACCOUNT_MEMORY_MS = 24 * 3_600_000;
export const CLIENT_MAX_FAILURES = 30;
export const CLIENT_WINDOW_MS = 15 * 60_000;

/** How long an account is locked after its n-th consecutive failure (0: not locked). */
export function accountLockMs(failures: number): number {
  if (failures <= ACCOUNT_FREE_FAILURES) return 0;
  return Math.min(ACCOUNT_MAX_LOCK_MS, ACCOUNT_FIRST_LOCK_MS * 2 ** Math.min(30, failures - ACCOUNT_FREE_FAILURES - 1));
}

/** How long a client is held after its n-th failure in the current window (0: not held). */
export function clientHoldMs(failuresInWindow: number, windowAgeMs: number): number {
  return failuresInWindow >= CLIENT_MAX_FAILURES ? Math.max(0, CLIENT_WINDOW_MS - windowAgeMs) : 0;
}

export type LoginRefusal = { code: 'account_locked' | 'too_many_attempts'; retryAfterSeconds: number };

const accountKey = (username: string) => `user:${username}`;
const clientKey = (address: string) => `ip:${address}`;

type ThrottleRow = { key: string; failures: number; window_age_ms: number; idle_ms: number; wait: number | null };

/** `$n` milliseconds as an interval. */
const ms = (n: number) => `($${n}::float8 * interval '1 millisecond')`;

export class LoginThrottle {
  constructor(private readonly db: Pick<Database, 'prisma' | 'transaction'>) {}

  /**
   * Reserves this login attempt before its password is checked: refused (and not counted) if the client is
   * held or the account locked, else counted at once as a failure, which `succeed` gives back. Reading the
   * lock, hashing for ~100 ms and only then counting let any number of simultaneous guesses through; here the
   * check and the count are one transaction holding both rows, so the n-th simultaneous guess sees the n-1
   * before it.
   */
  async reserve(username: string, address: string): Promise<LoginRefusal | null> {
    const client = clientKey(address);
    const account = accountKey(username);
    return this.db.transaction(async (sql) => {
      // Both rows exist before they are locked, inserted and locked in the same order ('ip:' < 'user:') in
      // every transaction, so two of them never wait on each other crosswise. A row another login's `succeed`
      // deletes between the insert and the lock is inserted again (each statement sees what is committed).
      let clientRow: ThrottleRow | undefined;
      let accountRow: ThrottleRow | undefined;
      for (let attempt = 1; attempt <= 3 && !(clientRow && accountRow); attempt++) {
        await sql.query(
          `INSERT INTO login_throttle (key, failures, window_start, updated_at) VALUES ($1, 0, ${NOW}, ${NOW}), ($2, 0, ${NOW}, ${NOW}) ON CONFLICT (key) DO NOTHING`,
          [client, account],
        );
        const rows = await sql.query<ThrottleRow>(
          `SELECT key, failures,
                  (EXTRACT(EPOCH FROM (${NOW} - window_start)) * 1000)::float8 AS window_age_ms,
                  (EXTRACT(EPOCH FROM (${NOW} - updated_at)) * 1000)::float8 AS idle_ms,
                  CASE WHEN locked_until > ${NOW} THEN EXTRACT(EPOCH FROM (locked_until - ${NOW}))::float8 END AS wait
             FROM login_throttle WHERE key IN ($1, $2) ORDER BY key FOR UPDATE`,
          [client, account],
        );
        clientRow = rows.find((r) => r.key === client);
        accountRow = rows.find((r) => r.key === account);
      }
      if (!clientRow || !accountRow) throw new Error('login_throttle: rows deleted under every attempt to lock them');
      if (clientRow.wait !== null) return { code: 'too_many_attempts', retryAfterSeconds: Math.max(1, Math.ceil(clientRow.wait)) };
      if (accountRow.wait !== null) return { code: 'account_locked', retryAfterSeconds: Math.max(1, Math.ceil(accountRow.wait)) };

      // A day without failures forgets the account's earlier ones.
      const accountFailures = accountRow.idle_ms > ACCOUNT_MEMORY_MS ? 1 : accountRow.failures + 1;
      const lockMs = accountLockMs(accountFailures);
      await sql.query(
        `UPDATE login_throttle SET failures = $2, updated_at = ${NOW},
                locked_until = CASE WHEN $3::float8 > 0 THEN ${NOW} + ${ms(3)} ELSE locked_until END
          WHERE key = $1`,
        [account, accountFailures, lockMs],
      );
      // The client's window starts over once it has run out.
      const windowOver = clientRow.window_age_ms > CLIENT_WINDOW_MS;
      const clientFailures = windowOver ? 1 : clientRow.failures + 1;
      const holdMs = clientHoldMs(clientFailures, windowOver ? 0 : clientRow.window_age_ms);
      await sql.query(
        `UPDATE login_throttle SET failures = $2, updated_at = ${NOW},
                window_start = CASE WHEN $3::boolean THEN ${NOW} ELSE window_start END,
                locked_until = CASE WHEN $4::float8 > 0 THEN ${NOW} + ${ms(4)} ELSE locked_until END
          WHERE key = $1`,
        [client, clientFailures, windowOver, holdMs],
      );
      return null;
    });
  }

  /**
   * A correct password clears the account's failures, and gives the client back the failure its attempt
   * reserved (only that one: a sprayer may own one account).
   */
  async succeed(username: string, address: string): Promise<void> {
    await this.db.transaction(async (sql) => {
      // Client row first, as in `reserve`.
      await sql.query(
        `UPDATE login_throttle SET failures = GREATEST(failures - 1, 0),
                locked_until = CASE WHEN failures - 1 < $2 THEN NULL ELSE locked_until END
          WHERE key = $1`,
        [clientKey(address), CLIENT_MAX_FAILURES],
      );
      await sql.query(`DELETE FROM login_throttle WHERE key = $1`, [accountKey(username)]);
    });
  }

  /** An admin lifts an account's lock; answers whether there was anything to lift. */
  async unlock(username: string, tx?: Pick<Database['prisma'], 'loginThrottle'>): Promise<boolean> {
    return (await (tx ?? this.db.prisma).loginThrottle.deleteMany({ where: { key: accountKey(username) } })).count > 0;
  }

  /** Until when an account is locked, if it is. */
  async lockedUntil(username: string): Promise<Date | null> {
    const rows = await this.db.prisma.$queryRawUnsafe<Array<{ wait: number }>>(
      `SELECT EXTRACT(EPOCH FROM (locked_until - ${NOW}))::float8 AS wait FROM login_throttle WHERE key = $1 AND locked_until > ${NOW}`,
      accountKey(username),
    );
    return rows[0] ? new Date(Date.now() + rows[0].wait * 1000) : null;
  }
}
