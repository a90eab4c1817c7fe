import { ADMIN_GENESIS_HASH, adminEventHash, verifyAdminChain, type AdminEventFields } from '../../../domain/evidence';

/** A chain of n events as the writer builds it (api/admin/adminEvents.ts): each hash covers the one before. */
function chain(n: number) {
  const events: Array<AdminEventFields & { hash: string }> = [];
  let prev = ADMIN_GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields: AdminEventFields = { seq, type: 'user_unlocked', actorId: 'admin', target: `user:u-${seq}`, data: { userId: `u-${seq}`, username: `p${seq}`, wasLocked: seq % 2 === 0 }, requestId: `r-${seq}`, at: `2026-12-02T00:0${seq}:00.000Z`, prevHash: prev };
    prev = adminEventHash(fields);
    events.push({ ...fields, hash: prev });
  }
  return { events, head: { seq: n, hash: prev } };
}

describe("the administrators' event chain", () => {
  it('verifies as written, also when empty', () => {
    const { events, head } = chain(4);
    expect(verifyAdminChain(events, head)).toEqual({ valid: true, events: 4 });
    expect(verifyAdminChain([], { seq: 0, hash: ADMIN_GENESIS_HASH })).toEqual({ valid: true, events: 0 });
  });

  it('an edited event, a deleted one, a deleted tail and data that is not its type are each found', () => {
    const { events, head } = chain(4);
    const edited = events.map((e) => (e.seq === 2 ? { ...e, data: { ...(e.data as object), wasLocked: false } } : e));
    expect(verifyAdminChain(edited, head).firstBad).toEqual({ seq: 2, reason: 'its content does not match its hash (edited)' });
    expect(verifyAdminChain(events.filter((e) => e.seq !== 2), head).firstBad?.seq).toBe(2);
    const tail = verifyAdminChain(events.slice(0, 3), head);
    expect(tail.valid).toBe(false);
    expect(tail.firstBad?.reason).toContain('head records event 4');
    // Re-hashed after the edit, so the links hold: the event's schema still refuses what no writer would store.
    const forged = chain(1);
    const fields = { ...forged.events[0]!, data: { userId: 'u-1', password: 'secret' } };
    const { hash: _old, ...rest } = fields;
    const rehashed = { ...rest, hash: adminEventHash(rest) };
    expect(verifyAdminChain([rehashed], { seq: 1, hash: rehashed.hash }).firstBad?.reason).toContain("not a user_unlocked event's");
  });
});
