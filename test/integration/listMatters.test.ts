import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { openDatabase, type Database } from '../../platform/database';
import { applyMigrations } from '../../platform/migrate';
import { listMatters, listQuerySchema } from '../../api/matters/listMatters';
import type { Principal } from '../../api/auth/principal';
import { readScope, inReadScope } from '../../domain/permissions';
import { awaits, type Role } from '../../domain/procedure';
import { ADMIN_URL } from './globalSetup';

/**
 * The work list's SQL (api/matters/listMatters.ts) against the rules it stands for: every page equals the
 * seeded matters filtered in memory by the domain's read scope and whose-turn rule and the filters'
 * meaning, newest first, on a database of its own (PostgreSQL and the embedded one) so that the expected
 * list is known.
 */
const DAY = 86_400_000;
const NOW = Date.now();
const UNITS = ['market', 'culture'];
const KINDS = ['normative_document', 'major_decision', 'enforcement_review'];
const STAGES = ['research', 'awaiting_meeting', 'issued'];

interface Seeded {
  id: string; kind: string; alsoMajorDecision: boolean; draftingUnit: string; stage: string; nextDueAt: Date | null; createdAt: Date;
  assignedLawyerId: string | null; fcrReviewerId: string | null; awaitingRoles: string[]; awaitingUserIds: string[];
}

function seededMatters(): Seeded[] {
  return Array.from({ length: 60 }, (_, i) => ({
    id: `list-${String(i).padStart(3, '0')}`,
    kind: KINDS[i % 3]!,
    alsoMajorDecision: i % 3 === 0 && i % 2 === 0,
    draftingUnit: UNITS[i % 2]!,
    stage: STAGES[i % 3 === 0 ? 0 : i % 5 === 0 ? 2 : 1]!,
    nextDueAt: i % 4 === 0 ? null : new Date(NOW + ((i % 7) - 3) * DAY + 123),
    // Pairs share a creation time, so the order falls back on the id.
    createdAt: new Date(NOW - 30 * DAY + Math.floor(i / 2) * 3_600_000),
    assignedLawyerId: i % 5 === 1 ? 'lawyer-1' : null,
    fcrReviewerId: i % 6 === 2 ? 'fcr-1' : null,
    awaitingRoles: i % 4 === 1 ? ['legal_unit'] : i % 4 === 2 ? ['drafter'] : [],
    awaitingUserIds: i % 9 === 3 ? ['lawyer-1', 'legal-1'] : [],
  }));
}

const person = (userId: string, roles: Role[], sectionId: string | null): Principal => ({ userId, username: userId, displayName: userId, roles, sectionId, organisationId: 'bureau', tokenId: 't', demo: false, lawyerContract: null, passwordChangeRequired: false });
const PEOPLE = [person('legal-1', ['legal_unit'], 'legal'), person('drafter-1', ['drafter'], 'market'), person('lawyer-1', ['lawyer'], null), person('fcr-1', ['fcr_reviewer'], 'market'), person('both-1', ['drafter', 'fcr_reviewer'], 'culture'), person('nobody', ['admin'], null)];

const QUERIES: Array<Record<string, string>> = [
  {}, { stage: 'awaiting_meeting' }, { kind: 'major_decision' }, { kind: 'normative_document' }, { draftingUnit: 'culture' },
  { dueBefore: new Date(NOW + DAY).toISOString().slice(0, 10) }, { overdue: 'true' }, { overdue: 'false' }, { awaitingMe: 'true' }, { awaitingMe: 'false' },
  { stage: 'research', kind: 'major_decision', overdue: 'false' }, { limit: '7' },
];

function expected(all: Seeded[], who: Principal, q: ReturnType<typeof listQuerySchema.parse>): string[] {
  const scope = readScope(who);
  const endOfDay = q.dueBefore ? Date.parse(`${q.dueBefore}T23:59:59.999+08:00`) : 0;
  return all
    .filter((m) => inReadScope(scope, { createdBy: 'u', draftingUnit: m.draftingUnit, assignedLawyerId: m.assignedLawyerId, fcrReviewerId: m.fcrReviewerId }))
    .filter((m) => !q.stage || m.stage === q.stage)
    .filter((m) => !q.kind || m.kind === q.kind || (q.kind === 'major_decision' && m.alsoMajorDecision))
    .filter((m) => !q.draftingUnit || m.draftingUnit === q.draftingUnit)
    .filter((m) => !q.dueBefore || (m.nextDueAt !== null && m.nextDueAt.getTime() <= endOfDay))
    .filter((m) => q.overdue === undefined || (m.nextDueAt !== null && m.nextDueAt.getTime() < Date.now()) === q.overdue)
    .filter((m) => q.awaitingMe === undefined || awaits({ roles: m.awaitingRoles, userIds: m.awaitingUserIds, draftingUnit: m.draftingUnit }, who) === q.awaitingMe)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
    .map((m) => m.id);
}

describe.each([
  ['PostgreSQL', async () => {
    const name = `lr_list_${Date.now()}_${process.pid}`;
    const admin = new Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    const db = await openDatabase({ databaseUrl: url.toString(), dataDir: os.tmpdir(), poolMax: 2 });
    return { db, drop: async () => { await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); await admin.end(); } };
  }],
  ['the embedded database', async () => ({ db: await openDatabase({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'lr-list-')) }), drop: async () => undefined })],
])('the work list query (%s)', (_name, open) => {
  let db: Database;
  let drop: () => Promise<void>;
  const all = seededMatters();
  beforeAll(async () => {
    ({ db, drop } = await open());
    await applyMigrations(db);
    await db.prisma.matter.createMany({
      data: all.map((m) => ({ ...m, title: `事项 ${m.id}`, flags: [], createdById: 'u', workflowId: `matter-${m.id}`, currentVersion: 1, warnings: m.id.endsWith('5') ? ['may_need_fcr'] : [], updatedAt: m.createdAt })),
    });
  });
  afterAll(async () => {
    await db?.close();
    await drop?.();
  });

  test('every page is the scope and the filters, newest first', async () => {
    for (const who of PEOPLE) {
      for (const raw of QUERIES) {
        const q = listQuerySchema.parse(raw);
        const want = expected(all, who, q);
        const got = await listMatters({ db }, who, q);
        expect({ who: who.userId, raw, ids: got.items.map((i) => i.id) }).toEqual({ who: who.userId, raw, ids: want.slice(0, q.limit) });
        expect(got.nextCursor).toBe(want.length > q.limit ? want[q.limit - 1] : null);
      }
    }
    expect(expected(all, PEOPLE[0]!, listQuerySchema.parse({ awaitingMe: 'true' })).length).toBeGreaterThan(3);
  });

  test('the cursor walks the whole list once, in order', async () => {
    const who = PEOPLE[0]!;
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listMatters({ db }, who, listQuerySchema.parse({ limit: '8', ...(cursor ? { cursor } : {}) }));
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(expected(all, who, listQuerySchema.parse({})));
  });

  test('a cursor outside the caller\'s scope gives an empty page, as an unknown one does: paging tells nothing of a matter they may not read', async () => {
    const drafter = PEOPLE[1]!; // market
    const other = all.find((m) => m.draftingUnit === 'culture' && m.assignedLawyerId === null && m.fcrReviewerId === null)!;
    const own = expected(all, drafter, listQuerySchema.parse({}));
    expect(own).not.toContain(other.id);
    expect((await listMatters({ db }, drafter, listQuerySchema.parse({ cursor: other.id }))).items).toEqual([]);
    expect((await listMatters({ db }, drafter, listQuerySchema.parse({ cursor: 'no-such-matter' }))).items).toEqual([]);
    // Its own matter as the cursor pages on as before.
    expect((await listMatters({ db }, drafter, listQuerySchema.parse({ cursor: own[0]! }))).items.map((i) => i.id)).toEqual(own.slice(1, 51));
  });

  test('an item carries the projection as the list shows it', async () => {
    const m = all[5]!;
    const who = PEOPLE[0]!;
    const item = (await listMatters({ db }, who, listQuerySchema.parse({ limit: '200' }))).items.find((i) => i.id === m.id)!;
    expect(item).toEqual({
      id: m.id, title: `事项 ${m.id}`, kind: m.kind, alsoMajorDecision: m.alsoMajorDecision, flags: [], draftingUnit: m.draftingUnit, stage: m.stage, currentVersion: 1,
      nextDueAt: m.nextDueAt?.toISOString() ?? null, createdAt: m.createdAt.toISOString(), updatedAt: m.createdAt.toISOString(), createdById: 'u',
      awaitingRoles: m.awaitingRoles, awaitingUserIds: m.awaitingUserIds, warnings: ['may_need_fcr'],
      overdue: m.nextDueAt !== null && m.nextDueAt.getTime() < Date.now(),
      awaitsMe: awaits({ roles: m.awaitingRoles, userIds: m.awaitingUserIds, draftingUnit: m.draftingUnit }, who),
    });
  });
});
