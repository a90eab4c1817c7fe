import { generateKeyPairSync, sign } from 'node:crypto';
import { canonicalJson, CURRENT_HASH_VERSION, entryHash, TRAIL_EVENT_TYPES, trailEntryView, type TrailRow, GENESIS_HASH, sha256Hex, signOffPayload, verifyChain, verifySignature, verifySignOff, verifyTrail, type StoredTrailEntry } from '../../../domain/evidence';

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

describe('verifyTrail: the chain and the heads kept elsewhere, one verdict for the API and the dossier', () => {
  const entries = chain(4);
  const head = (n: number, where = 'matter record') => ({ seq: n, hash: entries[n - 1]?.hash ?? null, where });

  test('an intact chain whose heads agree is valid', () => {
    expect(verifyTrail(entries, [head(4), head(4, 'workflow history')])).toEqual({ valid: true, entries: 4, firstBadEntry: null });
  });

  test('newest entries deleted: the chain is intact but a head names a later entry', () => {
    const cut = entries.slice(0, 3);
    expect(verifyChain(cut).valid).toBe(true);
    const verdict = verifyTrail(cut, [head(4)]);
    expect(verdict).toMatchObject({ valid: false, entries: 3, firstBadEntry: { seq: 4 } });
    expect(verdict.firstBadEntry?.reason).toMatch(/matter record records entry 4.*deleted/);
  });

  test('a head that was rewound too is caught by the other head', () => {
    const cut = entries.slice(0, 3);
    const verdict = verifyTrail(cut, [head(3), { ...head(4), where: 'workflow history' }]);
    expect(verdict.firstBadEntry?.reason).toMatch(/workflow history/);
  });

  test('a broken link is reported before any head', () => {
    const edited = entries.map((e, i) => (i === 1 ? { ...e, reason: 'changed' } : e));
    expect(verifyTrail(edited, [head(4)])).toMatchObject({ valid: false, firstBadEntry: { seq: 2 } });
  });
});

describe('sign-offs: the statement signed and its verification', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const text = '第一条 本办法自公布之日起施行。';
  const version = { number: 2, sha256: sha256Hex(text), text };
  const fields = { matterId: 'm1', lawyerId: 'law1', versionNumber: 2, versionHash: version.sha256, outcome: 'LAWFUL', opinionText: '合法', signedAt: '2026-11-02T08:00:00.000Z' };
  const stored = {
    ...fields,
    signedAt: new Date(fields.signedAt),
    signature: sign(null, Buffer.from(signOffPayload(fields), 'utf8'), privateKey).toString('base64'),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };

  test('a signature over the exact version verifies', () => {
    expect(verifySignOff(stored, version)).toEqual({ valid: true, signatureValid: true, textMatches: true, checkedVersion: 2, reason: null });
  });

  test('checked against another version, it does not', () => {
    const other = { number: 3, sha256: sha256Hex(`${text}（修改）`), text: `${text}（修改）` };
    expect(verifySignOff(stored, other)).toMatchObject({ valid: false, signatureValid: false, reason: 'the signature covers version 2, not version 3' });
  });

  test('an altered opinion or an altered text is reported', () => {
    expect(verifySignOff({ ...stored, opinionText: '不合法' }, version)).toMatchObject({ valid: false, reason: expect.stringContaining('altered') });
    expect(verifySignOff(stored, { ...version, text: `${text} ` })).toMatchObject({ valid: false, signatureValid: true, textMatches: false });
  });

  test('a malformed key or signature is invalid, not an error', () => {
    expect(verifySignature('x', 'not base64!', 'not a key')).toBe(false);
  });
});

describe('hash versions: entries written before summaries, commands and origins were kept stay verifiable', () => {
  /** Two version-1 entries as old code wrote them, then version-2 entries as current code writes them. */
  function mixedChain(): StoredTrailEntry[] {
    const old = chain(2);
    let prev = old[1]!.hash;
    const out = [...old];
    for (const seq of [3, 4]) {
      const fields = {
        hashVersion: CURRENT_HASH_VERSION, matterId: 'm1', seq, actionKey: `k${seq}`, actorId: 'u1', actorRole: 'drafter', action: 'withdraw',
        reason: '撤回', before: { stage: 'research' }, after: { stage: 'withdrawn' }, versionHash: 'a'.repeat(64), workflowId: 'matter-m1', runId: 'r1',
        requestId: 'q1', at: `2026-11-0${seq}T00:00:00.000Z`, summary: '撤回事项', command: { type: 'withdraw', reason: '撤回' },
        originIp: '203.0.113.7', originUserAgent: 'Mozilla/5.0', prevHash: prev,
      };
      const hash = entryHash(fields);
      out.push({ ...fields, hash });
      prev = hash;
    }
    return out;
  }

  test('a chain of version-1 and version-2 entries verifies', () => {
    expect(verifyChain(mixedChain())).toEqual({ valid: true, entries: 4, firstBadEntry: null });
  });

  test.each([
    ['summary', { summary: '改写的经过' }],
    ['command', { command: { type: 'withdraw', reason: '别的理由' } }],
    ['origin IP', { originIp: '198.51.100.1' }],
    ['user agent', { originUserAgent: 'curl/8' }],
  ])('editing the %s of a version-2 entry is reported', (_field, change) => {
    const entries = mixedChain().map((e) => (e.seq === 3 ? { ...e, ...change } : e));
    expect(verifyChain(entries)).toMatchObject({ valid: false, firstBadEntry: { seq: 3, reason: expect.stringContaining('edited') } });
  });

  test('marking a version-2 entry as version 1 to escape the new fields is reported', () => {
    const entries = mixedChain().map((e) => (e.seq === 4 ? { ...e, hashVersion: 1, summary: '改写' } : e));
    expect(verifyChain(entries)).toMatchObject({ valid: false, firstBadEntry: { seq: 4 } });
  });

  test('an unknown hash version is reported', () => {
    const entries = mixedChain().map((e) => (e.seq === 4 ? { ...e, hashVersion: 9 } : e));
    expect(verifyChain(entries)).toMatchObject({ valid: false, firstBadEntry: { seq: 4, reason: 'unknown hash version 9' } });
  });
});

describe('typed trail entries: parsed on read by their kind', () => {
  const row = (over: Partial<TrailRow>): TrailRow => ({
    seq: 2, at: new Date('2026-11-02T00:00:00.000Z'), actionKey: 'k2', actorId: 'u1', actorRole: 'drafter', action: 'withdraw', summary: '撤回事项', reason: '撤回',
    versionHash: null, originIp: '203.0.113.7', originUserAgent: 'UA', workflowId: 'matter-m1', runId: 'r1', requestId: 'q1', hashVersion: 2, prevHash: 'p', hash: 'h',
    command: { type: 'withdraw', reason: '撤回' }, before: { stage: 'research' }, after: { stage: 'withdrawn', closure: { stage: 'withdrawn' } }, ...over,
  });

  test('a person\'s action: its command, the state before and after, the origin', () => {
    const view = trailEntryView(row({}));
    expect(view).toMatchObject({ action: 'withdraw', summary: '撤回事项', command: { type: 'withdraw', reason: '撤回' }, after: { stage: 'withdrawn' }, origin: { ip: '203.0.113.7', userAgent: 'UA' } });
    expect('malformed' in view).toBe(false);
  });

  test('an entry from before commands were kept parses with command null and no origin', () => {
    const view = trailEntryView(row({ command: null, summary: null, originIp: null, originUserAgent: null, hashVersion: 1 }));
    expect(view).toMatchObject({ action: 'withdraw', command: null, summary: null, origin: null });
  });

  test('the system\'s entries have their own data', () => {
    const view = trailEntryView(row({ action: 'deadline_reminder', actorId: 'system', actorRole: 'system', command: null, before: null, after: { deadline: 'legality_review', dueAt: '2026-12-01T00:00:00Z' } }));
    expect(view).toMatchObject({ action: 'deadline_reminder', after: { deadline: 'legality_review' } });
    expect(new Set(TRAIL_EVENT_TYPES).size).toBe(TRAIL_EVENT_TYPES.length);
  });

  test('data that does not fit its kind is shown as stored and flagged', () => {
    expect(trailEntryView(row({ command: { type: 'archive', archiveRef: 'x' } }))).toMatchObject({ action: 'withdraw', malformed: expect.stringContaining('command') });
    expect(trailEntryView(row({ after: { stage: 'on_the_moon' } }))).toMatchObject({ malformed: expect.stringContaining('after.stage') });
  });
});
