/**
 * An action's activity carries what the action changed in the matter's state, not the whole state (the
 * workflow keeps each activity's input in its history). The database merges the changes into the stored
 * state — in the one-statement append, and in the transaction of an action that stores more (a version, a
 * sign-off, a document), which reads the stored state under the row's lock — and the row ends up exactly as
 * if the whole state had been written, on both databases.
 */
import crypto from 'node:crypto';
import { applyStateChanges, parseMatterState, stateChanges, stateColumns, type MatterState } from '../../domain/procedure';
import { storeAction } from '../../activities/matterRecords';
import type { ActionRecord } from '../../activities/types';
import { verifyTrail } from '../../domain/evidence';
import { BOTH_DATABASES, useDatabaseWithOrganisations } from './support/bothDatabases';
import { storeRegisteredMatter } from './support/storedMatter';

const SECRET = 'test-signing-secret-0123456789abcdef0123456789';
const sha = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

describe.each(BOTH_DATABASES)('an action stored as its changes to the state (%s)', (_name, open) => {
  const database = useDatabaseWithOrganisations(open);

  async function storedState(matterId: string): Promise<MatterState> {
    const row = await database().prisma.matter.findUniqueOrThrow({ where: { id: matterId } });
    return parseMatterState(row.state, matterId);
  }

  test('merged in the one-statement append, in the transaction that stores a version, and after a head that moved', async () => {
    const db = database();
    const text = '第一条 为规范管理，制定本办法。';
    const { matterId, actor, head: first } = await storeRegisteredMatter(db, { title: '变更合并', text, username: 'changes' });
    const base = await storedState(matterId);

    // A research item: only `research` changes; an optional part the stored state has is dropped.
    const item = { kind: 'drafting_explanation' as const, summary: '说明', documentId: 'doc-1' };
    const withCatalogue: MatterState = { ...base, catalogue: { notListedReason: '测试' } };
    await db.query(`UPDATE matter SET state = $2::jsonb WHERE id = $1`, [matterId, JSON.stringify(withCatalogue)]);
    const next: MatterState = { ...base, research: { ...base.research, draftingExplanation: { ...item, recordedBy: actor.userId, recordedAt: new Date().toISOString(), versionHash: sha(text) } } };
    const changes = stateChanges(withCatalogue, next);
    expect(Object.keys(changes.set)).toEqual(['research']);
    expect(changes.removed).toEqual(['catalogue']);
    const record = (n: number, over: Partial<ActionRecord>): ActionRecord => ({
      matterId, workflowId: `matter-${matterId}`, runId: 'run', actionKey: `k:user-changes:${n}`, actor, actorRole: 'drafter', action: 'record_research_item',
      command: { type: 'record_research_item', item }, summary: '记录调研材料', reason: null, before: {}, after: { item }, versionHash: sha(text), nextDueAt: null, requestId: null, at: new Date().toISOString(),
      ...over,
    });
    const h1 = await storeAction(db, record(1, { changes, columns: stateColumns(next), expectedHead: first }), SECRET);
    expect(h1.seq).toBe(2);
    expect(await storedState(matterId)).toEqual(next);

    // A new version: the transaction path reads the stored state under the lock and applies the changes.
    const text2 = `${text}第二条 本办法自发布之日起施行。`;
    const versioned: MatterState = { ...next, title: '变更合并（修订）', versions: [...next.versions, { number: 2, hash: sha(text2), submittedBy: actor.userId, submittedAt: new Date().toISOString() }] };
    const h2 = await storeAction(db, record(2, {
      action: 'submit_version', command: { type: 'submit_version', versionHash: sha(text2), versionNumber: 2 } as ActionRecord['command'], versionHash: sha(text2),
      newVersion: { number: 2, hash: sha(text2), text: text2 }, changes: stateChanges(next, versioned), columns: stateColumns(versioned), expectedHead: h1,
    }), SECRET);
    expect(h2.seq).toBe(3);
    expect(await storedState(matterId)).toEqual(applyStateChanges(next, stateChanges(next, versioned)));
    const row = await db.prisma.matter.findUniqueOrThrow({ where: { id: matterId } });
    expect({ title: row.title, currentVersion: row.currentVersion, stage: row.stage, warnings: row.warnings }).toEqual({ title: '变更合并（修订）', currentVersion: 2, stage: versioned.stage, warnings: stateColumns(versioned).warnings });

    // The head the workflow hands over is stale (another append came first): stored under the lock all the same.
    const later: MatterState = { ...versioned, research: { ...versioned.research, draftingExplanation: null } };
    const h3 = await storeAction(db, record(3, { changes: stateChanges(versioned, later), columns: stateColumns(later), expectedHead: first }), SECRET);
    expect(h3.seq).toBe(4);
    expect(await storedState(matterId)).toEqual(later);
    // A retry of that attempt changes nothing and answers the same head.
    expect(await storeAction(db, record(3, { changes: stateChanges(versioned, later), columns: stateColumns(later), expectedHead: h3 }), SECRET)).toEqual(h3);
    expect(await storedState(matterId)).toEqual(later);

    const entries = await db.prisma.trailEntry.findMany({ where: { matterId }, orderBy: { seq: 'asc' } });
    expect(verifyTrail(entries, [{ ...h3, where: 'returned head' }])).toMatchObject({ valid: true, entries: 4 });
  });
});
