import crypto from 'node:crypto';
import { Prisma } from '../../prisma/generated/client';
import type { Database } from '../../platform/database';
import { BOTH_DATABASES } from './support/bothDatabases';
import { readMatterRow, readMatterRowWithTrailEntries } from '../../api/matters/matterRow';

/**
 * The driver-level reads of api/matters/matterRow.ts answer exactly what Prisma answers for the same rows,
 * on both databases the system runs on; a column added to the matter table without the reader fails here.
 */
describe.each(BOTH_DATABASES)('matter rows read through the driver (%s)', (_name, open) => {
  let db: Database;
  const id = `row-${crypto.randomUUID()}`;
  const bare = `row-${crypto.randomUUID()}`;
  beforeAll(async () => {
    db = await open();
    const state = { matterId: id, stage: 'research', kind: 'normative_document', flags: ['ECON'], title: '《标题》 "引号" \\ 反斜杠', versions: [{ number: 1, hash: 'a'.repeat(64) }], nested: { list: [1, null, true] } };
    await db.prisma.matter.create({
      data: {
        id, title: '某规范性文件', kind: 'normative_document', alsoMajorDecision: true, flags: ['ECON'], draftingUnit: 'market', createdById: 'u-1', stage: 'research',
        workflowId: `matter-${id}`, currentVersion: 2, state, nextDueAt: new Date('2026-12-31T15:59:59.123Z'), assignedLawyerId: 'law-1', fcrReviewerId: 'fcr-1',
        awaitingRoles: ['legal_unit'], awaitingUserIds: ['u-2', 'u-3'], warnings: ['may_need_fcr'], projectionRev: 3, trailHeadSeq: 2, trailHeadHash: 'b'.repeat(64),
        createdAt: new Date('2026-01-02T03:04:05.678Z'),
      },
    });
    // The nullable columns empty, as a registration that stored nothing optional leaves them.
    await db.prisma.matter.create({ data: { id: bare, title: 't', kind: 'major_decision', draftingUnit: 'market', createdById: 'u-1', stage: 'research', workflowId: `matter-${bare}`, currentVersion: 1 } });
    for (const [seq, action] of [[1, 'register'], [2, 'deadline_reminder'], [3, 'record_research_item'], [4, 'deadline_escalation']] as const) {
      await db.prisma.trailEntry.create({
        data: {
          id: crypto.randomUUID(), matterId: id, seq, actionKey: `k-${seq}`, actorId: 'system', actorRole: 'system', action, reason: seq === 2 ? '研究期限: due 2026-12-31' : null,
          after: seq === 4 ? { deadline: 'research', dueAt: '2026-12-31T00:00:00.000Z', provisional: true } : Prisma.DbNull, workflowId: `matter-${id}`, runId: 'r', at: new Date(`2026-01-0${seq}T00:00:00.00${seq}Z`), prevHash: '0', hash: String(seq), hashVersion: 1,
        } as Prisma.TrailEntryUncheckedCreateInput,
      });
    }
  });
  afterAll(async () => {
    await db.prisma.trailEntry.deleteMany({ where: { matterId: { in: [id, bare] } } });
    await db.prisma.matter.deleteMany({ where: { id: { in: [id, bare] } } });
    await db.close();
  });

  test('a matter row equals Prisma\'s, every column (and no other)', async () => {
    for (const matterId of [id, bare]) {
      const ours = await readMatterRow(db, matterId);
      expect(ours).toEqual(await db.prisma.matter.findUnique({ where: { id: matterId } }));
      expect(Object.keys(ours!).sort()).toEqual(Object.values(Prisma.MatterScalarFieldEnum).sort());
    }
    expect(await readMatterRow(db, 'no-such-matter')).toBeNull();
  });

  test('with its trail entries of the asked actions, oldest first, in one read: both as Prisma reads them', async () => {
    const actions = ['deadline_reminder', 'deadline_escalation'];
    const ours = await readMatterRowWithTrailEntries(db, id, actions);
    const prisma = await db.prisma.trailEntry.findMany({ where: { matterId: id, action: { in: actions } }, orderBy: { seq: 'asc' }, select: { actionKey: true, action: true, reason: true, after: true, at: true } });
    expect(ours!.trailEntries.map((e) => e.actionKey)).toEqual(['k-2', 'k-4']);
    expect(ours!.trailEntries).toEqual(prisma);
    expect(ours!.row).toEqual(await db.prisma.matter.findUnique({ where: { id } }));
    // A matter without such entries: an empty list, not null; no matter: null.
    expect(await readMatterRowWithTrailEntries(db, bare, actions)).toEqual({ row: await db.prisma.matter.findUnique({ where: { id: bare } }), trailEntries: [] });
    expect(await readMatterRowWithTrailEntries(db, 'no-such-matter', actions)).toBeNull();
  });
});
