import { canonicalJson } from '../../../activities/trail/canonicalJson';
import { entryHash, GENESIS_HASH, verifyChain, type StoredTrailEntry } from '../../../activities/trail/hashChain';

function chain(n: number): StoredTrailEntry[] {
  const out: StoredTrailEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields = {
      matterId: 'm1', seq, actionKey: `k${seq}`, actorId: 'u1', actorRole: 'drafter', action: seq === 1 ? 'register' : 'submit_version',
      reason: null, before: { stage: 'research', n: seq }, after: { stage: 'research', n: seq + 1 }, versionHash: 'a'.repeat(64),
      workflowId: 'matter-m1', runId: 'r1', requestId: null, at: `2026-11-0${seq}T00:00:00.000Z`, prevHash: prev,
    };
    const hash = entryHash(fields);
    out.push({ ...fields, hash });
    prev = hash;
  }
  return out;
}

describe('the hash-chained trail', () => {
  test('canonical JSON ignores key order (jsonb reorders keys)', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }));
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });

  test('an intact chain verifies, also as stored rows with extra columns and Date times', () => {
    expect(verifyChain(chain(4))).toEqual({ valid: true, entries: 4, firstBadEntry: null });
    const rows = chain(3).map((e) => ({ ...e, id: `m1:${e.seq}`, at: new Date(e.at as string) }));
    expect(verifyChain(rows)).toEqual({ valid: true, entries: 3, firstBadEntry: null });
  });

  test('an edited entry is reported as the first bad one', () => {
    const c = chain(4);
    c[1] = { ...c[1]!, reason: 'changed afterwards' };
    expect(verifyChain(c)).toMatchObject({ valid: false, firstBadEntry: { seq: 2, reason: expect.stringContaining('edited') } });
  });

  test('a deleted entry in the middle breaks the sequence', () => {
    const c = chain(4);
    c.splice(2, 1);
    expect(verifyChain(c)).toMatchObject({ valid: false, firstBadEntry: { seq: 4 } });
  });

  test('an entry rebuilt with a fresh hash but the old link still fails at the next entry', () => {
    const c = chain(3);
    const { hash: _h, ...fields } = { ...c[1]!, reason: 'forged' };
    c[1] = { ...fields, hash: entryHash({ ...fields, at: fields.at as string }) };
    expect(verifyChain(c)).toMatchObject({ valid: false, firstBadEntry: { seq: 3, reason: expect.stringContaining('previous-hash') } });
  });
});
