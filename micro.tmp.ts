import { Client } from 'pg';
import { openDatabase } from './platform/database';
import { applyMigrations } from './platform/migrate';
import { toAwaitingMeeting } from './test/unit/procedure/fixtures';
import { Prisma } from './prisma/generated/client';
const ADMIN = 'postgresql://postgres@127.0.0.1:5432/postgres';
const NAME = 'lr_scale_micro';
async function admin(sql: string) { const c = new Client({ connectionString: ADMIN }); await c.connect(); await c.query(sql).finally(() => c.end()); }
async function main() {
  await admin(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`); await admin(`CREATE DATABASE ${NAME}`);
  const db = await openDatabase({ databaseUrl: `postgresql://postgres@127.0.0.1:5432/${NAME}`, dataDir: '/tmp', poolMax: 2 });
  try {
    await applyMigrations(db);
    const state = toAwaitingMeeting('normative_document', ['ECON']);
    const u = await db.prisma.user.create({ data: { id: 'u1', username: 'u1', displayName: 'u', roles: ['drafter'], passwordHash: 'x' } as never }).catch((e) => { console.log('user', e.message.slice(0,200)); });
    for (let i = 0; i < 200; i++) await db.prisma.matter.create({ data: { id: `m${i}`, title: 't', kind: 'normative_document', flags: [], draftingUnit: 'sec', createdById: 'u1', stage: 'awaiting_meeting', workflowId: `w${i}`, currentVersion: 1, state: state as never } });
    async function time(label: string, f: (i: number) => Promise<unknown>, n = 2000) {
      for (let i = 0; i < 200; i++) await f(i);
      const cpu0 = process.cpuUsage(); const t = performance.now();
      for (let i = 0; i < n; i++) await f(i);
      const cpu = process.cpuUsage(cpu0);
      console.log(label.padEnd(40), 'wall', ((performance.now() - t) / n).toFixed(3), 'ms; cpu', ((cpu.user + cpu.system) / 1000 / n).toFixed(3), 'ms');
    }
    await time('findUnique full row', (i) => db.prisma.matter.findUnique({ where: { id: `m${i % 200}` } }));
    await time('trail findMany (notifications)', (i) => db.prisma.trailEntry.findMany({ where: { matterId: `m${i % 200}`, action: { in: ['deadline_reminder', 'deadline_escalation'] } }, orderBy: { seq: 'asc' }, select: { actionKey: true, action: true, reason: true, after: true, at: true } }));
    await time('holidayYear findMany', () => db.prisma.holidayYear.findMany());
    await time('list findMany 50', () => db.prisma.matter.findMany({ where: { AND: [] }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 51, select: { id: true, title: true, kind: true, alsoMajorDecision: true, flags: true, draftingUnit: true, stage: true, currentVersion: true, nextDueAt: true, createdAt: true, updatedAt: true, createdById: true, awaitingRoles: true, awaitingUserIds: true, warnings: true } }));
    await time('$queryRaw matter row', (i) => db.prisma.$queryRaw`SELECT * FROM matter WHERE id = ${`m${i % 200}`}`);
    await time('db.query (pg) matter row', (i) => db.query('SELECT * FROM matter WHERE id = $1', [`m${i % 200}`]));
  } finally { await db.close(); await admin(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`); }
}
main().catch((e) => { console.error(e); process.exit(1); });
