/**
 * The action activity's database work alone: storeAction (projection + trail entry: a read of the head and one
 * compare-and-set statement, or the transaction when the head moved)
 * run ACTIONS times one after another on one matter, on the embedded database and on PostgreSQL.
 *
 *   npx tsx bench/storeAction.bench.ts           # ACTIONS=300
 *
 * What the dev shape's single event loop pays per action for the database (PGlite runs in-process), and
 * what PostgreSQL costs per action in round trips.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { openDatabase, type Database } from '../platform/database';
import { applyMigrations } from '../platform/migrate';
import { registerMatter, defaultProcedureConfig } from '../domain/procedure';
import { storeAction, storeRegistration } from '../activities/matterRecords';
import { summarise, ms, table } from './support/stats';
import { machineLine, machineSnapshot, runBenchmark, writeSection } from './support/report';

const ACTIONS = Number(process.env.ACTIONS ?? 300);
const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function run(db: Database): Promise<number[]> {
  await applyMigrations(db);
  await db.prisma.organisation.upsert({ where: { id: 'bureau' }, create: { id: 'bureau', name: '局', kind: 'bureau' }, update: {} });
  const matterId = crypto.randomUUID();
  const actor = { userId: 'user-bench', username: 'bench', roles: ['drafter' as const], sectionId: 'market', lawyerContract: null };
  const text = '第一条 为规范管理，制定本办法。';
  const hash = crypto.createHash('sha256').update(text).digest('hex');
  const state = registerMatter({ matterId, kind: 'normative_document', flags: [], title: '基准', draftingUnit: 'market', createdBy: actor.userId, versionHash: hash, now: new Date().toISOString() }, defaultProcedureConfig);
  await storeRegistration(db, { matterId, workflowId: `matter-${matterId}`, runId: 'run', actor, actorRole: 'drafter', state, firstVersion: { hash, text }, requestId: null, at: new Date().toISOString() });
  const times: number[] = [];
  for (let i = 0; i < ACTIONS; i++) {
    const command = { type: 'record_research_item' as const, item: { kind: 'drafting_explanation' as const, summary: `说明 ${i}`, documentId: `doc-${i}` } };
    const t = performance.now();
    await storeAction(db, {
      matterId, workflowId: `matter-${matterId}`, runId: 'run', actionKey: `k:${i}`, actor, actorRole: 'drafter', action: 'record_research_item', command,
      summary: '记录调研材料', reason: null, before: {}, after: { item: command.item }, versionHash: hash, state, nextDueAt: null, awaitingRoles: ['drafter'], awaitingUserIds: [], requestId: null, at: new Date().toISOString(),
    }, 'bench-signing-secret-0123456789abcdef0123456789');
    times.push(performance.now() - t);
  }
  return times.slice(Math.min(20, times.length >> 2)); // without the first (warm-up) calls
}

async function main() {
  const machine = await machineSnapshot();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lr-bench-store-'));
  const embedded = await openDatabase({ dataDir: dir });
  const pgliteTimes = await run(embedded);
  await embedded.close();
  const name = `lr_bench_store_${process.pid}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const pg = await openDatabase({ databaseUrl: url.toString(), dataDir: dir });
  const pgTimes = await run(pg).finally(() => pg.close());
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  fs.rmSync(dir, { recursive: true, force: true });
  const row = (label: string, xs: number[]) => {
    const s = summarise(xs);
    return [label, s.n, ms(s.p50), ms(s.p95), ms(s.p99)];
  };
  const body = `## The action activity's database work (\`npx tsx bench/storeAction.bench.ts\`)

${machineLine(machine)}

storeAction (projection, trail entry and head: an unlocked read of the head, then one statement that appends only if the head is still that one) ${ACTIONS} times in a row on one matter.

${table(['database', 'n', 'p50 ms', 'p95 ms', 'p99 ms'], [row('embedded (PGlite, in-process)', pgliteTimes), row('PostgreSQL 127.0.0.1', pgTimes)])}
`;
  process.stdout.write(`${body}\n`);
  if (process.env.WRITE_DOC !== '0') writeSection('store-action', body);
}

runBenchmark(main);
