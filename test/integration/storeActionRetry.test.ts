/**
 * The action activity is idempotent by (matter, action key), not by attempt: an attempt that runs again
 * after the first one committed (its completion was lost) stores nothing more and answers the same head.
 * It no longer looks the key up first — the unique index answers — so this is the path that proves it.
 */
import crypto from 'node:crypto';
import { openDatabase, type Database } from '../../platform/database';
import { storeAction } from '../../activities/matterRecords';
import { storeRegisteredMatter } from './support/storedMatter';
import { ensureOrganisations } from '../../api/people/demoPeople';
import type { ActionRecord } from '../../activities/types';
import { appendTrailEntryIfHeadIs } from '../../activities/trail/appendEntry';
import { verifyTrail } from '../../domain/evidence';

describe('storeAction run again for the same action', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL, dataDir: process.env.TEST_ROOT! });
    await ensureOrganisations(db.prisma, null);
  });
  afterAll(async () => {
    await db?.close();
  });

  /** A newly registered normative document in research, stored as the registration activity stores it. */
  const registeredMatter = (title: string, username: string) => storeRegisteredMatter(db, { title, text: '第一条 为规范管理，制定本办法。', username });

  test('answers the stored head and writes nothing twice; a new version is not stored twice either', async () => {
    const { matterId, actor, hash, state } = await registeredMatter('重试', 'retry');
    const command = { type: 'record_research_item' as const, item: { kind: 'drafting_explanation' as const, summary: '说明', documentId: 'doc-1' } };
    const record: ActionRecord = {
      matterId, workflowId: `matter-${matterId}`, runId: 'run', actionKey: 'k:user-retry:once', actor, actorRole: 'drafter', action: 'record_research_item', command,
      summary: '记录调研材料', reason: null, before: {}, after: { item: command.item }, versionHash: hash, state: { ...state, stage: 'research' }, nextDueAt: null, requestId: null, at: new Date().toISOString(),
    };
    const first = await storeAction(db, record, 'test-signing-secret-0123456789abcdef0123456789');
    const again = await storeAction(db, { ...record, at: new Date(Date.now() + 1000).toISOString() }, 'test-signing-secret-0123456789abcdef0123456789');
    expect(again).toEqual(first);
    expect(await db.prisma.trailEntry.count({ where: { matterId } })).toBe(2); // registration + the action, once
    const row = await db.prisma.matter.findUniqueOrThrow({ where: { id: matterId } });
    expect({ seq: row.trailHeadSeq, hash: row.trailHeadHash }).toEqual(first);

    const text2 = '第一条 为规范管理，制定本办法。第二条 本办法自发布之日起施行。';
    const hash2 = crypto.createHash('sha256').update(text2).digest('hex');
    const withVersion: ActionRecord = { ...record, actionKey: 'k:user-retry:version', action: 'submit_version', command: { type: 'submit_version', versionHash: hash2, versionNumber: 2 } as ActionRecord['command'], versionHash: hash2, newVersion: { number: 2, hash: hash2, text: text2 } };
    const v1 = await storeAction(db, withVersion, 'test-signing-secret-0123456789abcdef0123456789');
    const v2 = await storeAction(db, withVersion, 'test-signing-secret-0123456789abcdef0123456789');
    expect(v2).toEqual(v1);
    expect(await db.prisma.matterVersion.count({ where: { matterId } })).toBe(2);
    expect(await db.prisma.trailEntry.count({ where: { matterId } })).toBe(3);
  });

  test('an append whose expected head has moved stores nothing; actions racing on one matter each take their own place in the chain', async () => {
    const { matterId, actor, hash, state, head: registered } = await registeredMatter('并发', 'race');
    const record = (n: number): ActionRecord => {
      const command = { type: 'record_research_item' as const, item: { kind: 'drafting_explanation' as const, summary: `说明 ${n}`, documentId: `doc-${n}` } };
      return {
        matterId, workflowId: `matter-${matterId}`, runId: 'run', actionKey: `k:user-race:${n}`, actor, actorRole: 'drafter', action: 'record_research_item', command,
        summary: '记录调研材料', reason: null, before: {}, after: { item: command.item }, versionHash: hash, state: { ...state, stage: 'research' }, nextDueAt: null, requestId: null, at: new Date().toISOString(),
      };
    };
    const input = (r: ActionRecord) => ({ matterId, actionKey: r.actionKey, actorId: actor.userId, actorRole: 'drafter', action: r.action, summary: r.summary, workflowId: r.workflowId, at: r.at });

    // A head that is no longer the matter's: nothing is written, the row keeps its head.
    expect(await appendTrailEntryIfHeadIs(db, { seq: 0, hash: null }, input(record(0)), { stage: 'legality_review' })).toBeNull();
    expect(await appendTrailEntryIfHeadIs(db, { seq: registered.seq, hash: 'f'.repeat(64) }, input(record(0)))).toBeNull();
    expect(await db.prisma.trailEntry.count({ where: { matterId } })).toBe(1);
    const unchanged = await db.prisma.matter.findUniqueOrThrow({ where: { id: matterId } });
    expect({ seq: unchanged.trailHeadSeq, hash: unchanged.trailHeadHash, stage: unchanged.stage }).toEqual({ ...registered, stage: state.stage });

    // Eight actions at once (the workflow serialises its own; this is the guard beneath it): each is stored
    // once, in its own place, and the chain and the row's head hold.
    const heads = await Promise.all(Array.from({ length: 8 }, (_, n) => storeAction(db, record(n + 1), 'test-signing-secret-0123456789abcdef0123456789')));
    expect(heads.map((h) => h.seq).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    const entries = await db.prisma.trailEntry.findMany({ where: { matterId }, orderBy: { seq: 'asc' } });
    const row = await db.prisma.matter.findUniqueOrThrow({ where: { id: matterId } });
    expect(verifyTrail(entries, [{ seq: row.trailHeadSeq, hash: row.trailHeadHash, where: 'matter record' }])).toMatchObject({ valid: true, entries: 9 });
    expect(new Set(entries.map((e) => e.actionKey)).size).toBe(9);

    // The head the workflow hands over: followed when it is current, and when it is stale (another append
    // came first) the action is stored after the real head all the same.
    const current = await storeAction(db, { ...record(9), expectedHead: { seq: row.trailHeadSeq, hash: row.trailHeadHash! } }, 'test-signing-secret-0123456789abcdef0123456789');
    expect(current.seq).toBe(10);
    const afterStale = await storeAction(db, { ...record(10), expectedHead: registered }, 'test-signing-secret-0123456789abcdef0123456789');
    expect(afterStale.seq).toBe(11);
    const all = await db.prisma.trailEntry.findMany({ where: { matterId }, orderBy: { seq: 'asc' } });
    expect(verifyTrail(all, [{ ...afterStale, where: 'returned head' }])).toMatchObject({ valid: true, entries: 11 });
  });
});
