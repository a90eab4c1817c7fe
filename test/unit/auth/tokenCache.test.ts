import { VerifiedTokenCache, type VerifiedToken } from '../../../api/auth/tokenCache';
import type { Principal } from '../../../api/auth/principal';

const principal = (userId: string, tokenId: string): Principal => ({ userId, username: userId, displayName: userId, roles: ['drafter'], sectionId: 'market', organisationId: 'bureau', tokenId, demo: false, lawyerContract: null, passwordChangeRequired: false });

/** A database stand-in: which tokens are valid right now, and how often it was asked. */
function fakeStore(now: () => number) {
  const valid = new Map<string, VerifiedToken>();
  let lookups = 0;
  return {
    valid,
    get lookups() {
      return lookups;
    },
    lookup: async (token: string) => {
      lookups++;
      const v = valid.get(token);
      return v && v.expiresAt > now() ? v : null;
    },
  };
}

describe('VerifiedTokenCache', () => {
  let t = 1_000_000;
  const now = () => t;
  beforeEach(() => {
    t = 1_000_000;
  });

  test('a verified token is answered from memory within the TTL, then asked again', async () => {
    const store = fakeStore(now);
    store.valid.set('tok-a', { principal: principal('u1', 't1'), expiresAt: t + 3_600_000 });
    const cache = new VerifiedTokenCache(store.lookup, 2_000, 100, now);
    expect((await cache.principal('tok-a'))?.userId).toBe('u1');
    expect((await cache.principal('tok-a'))?.userId).toBe('u1');
    expect(store.lookups).toBe(1);
    t += 2_001;
    expect((await cache.principal('tok-a'))?.userId).toBe('u1');
    expect(store.lookups).toBe(2);
  });

  test('a token revoked in the database (by another instance) stops working once the TTL has passed', async () => {
    const store = fakeStore(now);
    store.valid.set('tok-a', { principal: principal('u1', 't1'), expiresAt: t + 3_600_000 });
    const cache = new VerifiedTokenCache(store.lookup, 2_000, 100, now);
    await cache.principal('tok-a');
    store.valid.delete('tok-a');
    t += 2_000;
    expect(await cache.principal('tok-a')).toBeNull();
  });

  test('revoked on this instance: refused at once', async () => {
    const store = fakeStore(now);
    store.valid.set('tok-a', { principal: principal('u1', 't1'), expiresAt: t + 3_600_000 });
    store.valid.set('tok-b', { principal: principal('u2', 't2'), expiresAt: t + 3_600_000 });
    const cache = new VerifiedTokenCache(store.lookup, 2_000, 100, now);
    await cache.principal('tok-a');
    await cache.principal('tok-b');
    store.valid.delete('tok-a');
    cache.forgetToken('t1');
    expect(await cache.principal('tok-a')).toBeNull();
    store.valid.delete('tok-b');
    cache.forgetUser('u2');
    expect(await cache.principal('tok-b')).toBeNull();
  });

  test('a token past its own expiry is refused even inside the TTL', async () => {
    const store = fakeStore(now);
    store.valid.set('tok-a', { principal: principal('u1', 't1'), expiresAt: t + 500 });
    const cache = new VerifiedTokenCache(store.lookup, 2_000, 100, now);
    expect(await cache.principal('tok-a')).not.toBeNull();
    t += 500;
    expect(await cache.principal('tok-a')).toBeNull();
  });

  test('unknown tokens are never cached; concurrent requests share one lookup; TTL 0 always asks', async () => {
    const store = fakeStore(now);
    const cache = new VerifiedTokenCache(store.lookup, 2_000, 100, now);
    expect(await cache.principal('nope')).toBeNull();
    store.valid.set('nope', { principal: principal('u3', 't3'), expiresAt: t + 3_600_000 });
    expect((await cache.principal('nope'))?.userId).toBe('u3');
    const before = store.lookups;
    t += 5_000;
    await Promise.all([cache.principal('nope'), cache.principal('nope'), cache.principal('nope')]);
    expect(store.lookups - before).toBe(1);

    const off = new VerifiedTokenCache(store.lookup, 0, 100, now);
    await off.principal('nope');
    await off.principal('nope');
    expect(store.lookups - before).toBe(3);
  });

  test('bounded: beyond maxEntries nothing more is remembered (lookups still answer)', async () => {
    const store = fakeStore(now);
    for (let i = 0; i < 5; i++) store.valid.set(`tok-${i}`, { principal: principal(`u${i}`, `t${i}`), expiresAt: t + 3_600_000 });
    const cache = new VerifiedTokenCache(store.lookup, 2_000, 2, now);
    for (let i = 0; i < 5; i++) expect((await cache.principal(`tok-${i}`))?.userId).toBe(`u${i}`);
    const before = store.lookups;
    await cache.principal('tok-4');
    expect(store.lookups - before).toBe(1);
    await cache.principal('tok-0');
    expect(store.lookups - before).toBe(1);
  });
});
