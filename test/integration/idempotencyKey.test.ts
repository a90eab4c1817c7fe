import crypto from 'node:crypto';
import type { Database } from '../../platform/database';
import { BOTH_DATABASES } from './support/bothDatabases';
import { claimIdempotencyKey } from '../../api/http/idempotency';

/**
 * An Idempotency-Key is bound, in one statement, to the first request it comes with: the same request again
 * passes (a retry), another request is refused with 422 — also when two first uses race (exactly one binds
 * the key) — on both databases the system runs on.
 */
describe.each(BOTH_DATABASES)('Idempotency-Key bindings (%s)', (_name, open) => {
  let db: Database;
  const user = `idem-${crypto.randomUUID()}`;
  const act = (n: number) => ({ route: 'act', resource: 'm-1', body: { command: { type: 'record_research_item', n } } });
  beforeAll(async () => {
    db = await open();
  });
  afterAll(async () => {
    await db.query('DELETE FROM idempotency_key WHERE user_id = $1', [user]);
    await db.close();
  });

  test('the first request binds the key; the same request again passes, another is refused', async () => {
    await claimIdempotencyKey(db, user, 'k-1', act(1));
    await claimIdempotencyKey(db, user, 'k-1', act(1));
    await expect(claimIdempotencyKey(db, user, 'k-1', act(2))).rejects.toMatchObject({ status: 422, extra: { code: 'idempotency_key_reused' } });
    // Keys are per person: another person's same key is a key of its own.
    await claimIdempotencyKey(db, `${user}-other`, 'k-1', act(2));
    await db.query('DELETE FROM idempotency_key WHERE user_id = $1', [`${user}-other`]);
    const rows = await db.query<{ fingerprint: string }>('SELECT fingerprint FROM idempotency_key WHERE user_id = $1 AND key = $2', [user, 'k-1']);
    expect(rows).toHaveLength(1);
  });

  test("the claim alone commits without waiting for its WAL flush, and the connection's later transactions wait again", async () => {
    // In a transaction block the claim's setting holds until that block ends, where it can be read back.
    const inBlock = await db.transaction(async (sql) => {
      await claimIdempotencyKey(sql, user, 'k-async', act(1));
      const [row] = await sql.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
      return row?.synchronous_commit;
    });
    expect(inBlock).toBe('off');
    // Alone (its own implicit transaction), on as many connections as the pool opens: the setting ends with it.
    await Promise.all([1, 2, 3, 4].map((n) => claimIdempotencyKey(db, user, `k-async-${n}`, act(n))));
    const after = await Promise.all(Array.from({ length: 8 }, () => db.query<{ synchronous_commit: string }>('SHOW synchronous_commit')));
    expect(new Set(after.map(([row]) => row?.synchronous_commit))).toEqual(new Set(['on']));
    expect(await db.query("SELECT 1 FROM idempotency_key WHERE user_id = $1 AND key LIKE 'k-async%'", [user])).toHaveLength(5);
  });

  test('of two first uses racing with different requests, exactly one binds the key', async () => {
    for (let i = 0; i < 10; i++) {
      const results = await Promise.allSettled([claimIdempotencyKey(db, user, `race-${i}`, act(1)), claimIdempotencyKey(db, user, `race-${i}`, act(2))]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { status: 422 } });
    }
  });
});
