import type { PrismaClient } from '../../prisma/generated/client';
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

export class LoginThrottle {
  constructor(private readonly prisma: PrismaClient) {}

  /** Why this login may not even be tried now, or null. */
  async refusal(username: string, address: string): Promise<LoginRefusal | null> {
    const rows = await this.prisma.$queryRawUnsafe<Array<{ key: string; wait: number | null }>>(
      `SELECT key, EXTRACT(EPOCH FROM (locked_until - ${NOW}))::float8 AS wait FROM login_throttle WHERE key IN ($1, $2) AND locked_until > ${NOW}`,
      accountKey(username),
      clientKey(address),
    );
    const client = rows.find((r) => r.key === clientKey(address));
    if (client) return { code: 'too_many_attempts', retryAfterSeconds: Math.max(1, Math.ceil(client.wait ?? 1)) };
    const account = rows.find((r) => r.key === accountKey(username));
    if (account) return { code: 'account_locked', retryAfterSeconds: Math.max(1, Math.ceil(account.wait ?? 1)) };
    return null;
  }

  async fail(username: string, address: string): Promise<void> {
    const [account] = await this.prisma.$queryRawUnsafe<Array<{ failures: number }>>(
      `INSERT INTO login_throttle (key, failures, window_start, updated_at) VALUES ($1, 1, ${NOW}, ${NOW})
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN login_throttle.updated_at < ${NOW} - ($2::float8 * interval '1 millisecond') THEN 1 ELSE login_throttle.failures + 1 END,
         updated_at = ${NOW}
       RETURNING failures`,
      accountKey(username),
      ACCOUNT_MEMORY_MS,
    );
    const lockMs = accountLockMs(account?.failures ?? 0);
    if (lockMs > 0) {
      await this.prisma.$executeRawUnsafe(`UPDATE login_throttle SET locked_until = ${NOW} + ($2::float8 * interval '1 millisecond') WHERE key = $1`, accountKey(username), lockMs);
    }
    const [client] = await this.prisma.$queryRawUnsafe<Array<{ failures: number; age: number }>>(
      `INSERT INTO login_throttle (key, failures, window_start, updated_at) VALUES ($1, 1, ${NOW}, ${NOW})
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN login_throttle.window_start < ${NOW} - ($2::float8 * interval '1 millisecond') THEN 1 ELSE login_throttle.failures + 1 END,
         window_start = CASE WHEN login_throttle.window_start < ${NOW} - ($2::float8 * interval '1 millisecond') THEN ${NOW} ELSE login_throttle.window_start END,
         updated_at = ${NOW}
       RETURNING failures, (EXTRACT(EPOCH FROM (${NOW} - window_start)) * 1000)::float8 AS age`,
      clientKey(address),
      CLIENT_WINDOW_MS,
    );
    const holdMs = clientHoldMs(client?.failures ?? 0, client?.age ?? 0);
    if (holdMs > 0) {
      await this.prisma.$executeRawUnsafe(`UPDATE login_throttle SET locked_until = ${NOW} + ($2::float8 * interval '1 millisecond') WHERE key = $1`, clientKey(address), holdMs);
    }
  }

  /** A correct password clears the account's failures (not the client's: a sprayer may own one account). */
  async succeed(username: string): Promise<void> {
    await this.prisma.loginThrottle.deleteMany({ where: { key: accountKey(username) } });
  }

  /** An admin lifts an account's lock; answers whether there was anything to lift. */
  async unlock(username: string): Promise<boolean> {
    return (await this.prisma.loginThrottle.deleteMany({ where: { key: accountKey(username) } })).count > 0;
  }

  /** Until when an account is locked, if it is. */
  async lockedUntil(username: string): Promise<Date | null> {
    const rows = await this.prisma.$queryRawUnsafe<Array<{ wait: number }>>(
      `SELECT EXTRACT(EPOCH FROM (locked_until - ${NOW}))::float8 AS wait FROM login_throttle WHERE key = $1 AND locked_until > ${NOW}`,
      accountKey(username),
    );
    return rows[0] ? new Date(Date.now() + rows[0].wait * 1000) : null;
  }
}
