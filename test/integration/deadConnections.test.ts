/**
 * Connections the server ends in the middle of a transaction (Prisma's, or our driver's) are given back to the pool: without
 * that, each one stays checked out for ever and, once `max` have died, every query waits without end (the
 * fault suite's "terminated connections" scenario left matters stuck for minutes).
 */
import { Client, Pool } from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../prisma/generated/client';
import { releaseDeadConnections } from '../../platform/deadConnections';
import { openDatabase } from '../../platform/database';
import { ADMIN_URL } from './globalSetup';

const DB = `lr_dead_conn_${process.pid}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

describe('dead pool connections', () => {
  let pool: Pool;
  let prisma: PrismaClient;

  beforeAll(async () => {
    await admin((c) => c.query(`CREATE DATABASE ${DB}`));
    const url = new URL(ADMIN_URL);
    url.pathname = `/${DB}`;
    pool = new Pool({ connectionString: url.toString(), max: 2 });
    pool.on('error', () => undefined);
    releaseDeadConnections(pool, 200);
    prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await pool?.end();
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`));
  });

  test('a transaction whose connection is terminated fails, and the pool keeps serving afterwards', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 4; i++) {
      // Prisma's promises are lazy: .then() starts the transaction now, so the termination below hits it mid-way.
      const tx = prisma.$transaction(async (t) => {
        await t.$queryRawUnsafe('SELECT 1');
        await sleep(400);
        await t.$queryRawUnsafe('SELECT 2');
      }).then(() => 'committed', () => 'failed');
      await sleep(150);
      await admin((c) => c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [DB]));
      outcomes.push(await tx);
    }
    expect(outcomes).toContain('failed');
    // Twice the pool's size in dead connections: without the guard this query would wait for ever.
    await sleep(300);
    // On a loaded machine the last termination can land after its transaction ended, on a connection the pool
    // holds idle: a query may still meet it before the pool has heard (57P01, answered 503 by the API). It must
    // not wait for ever, and the pool must serve again right after.
    let rows: Array<{ ok: number }> = [];
    for (let attempt = 0; attempt < 3 && rows.length === 0; attempt++) {
      rows = await prisma.$queryRawUnsafe<Array<{ ok: number }>>('SELECT 1 AS ok').catch((e: { code?: string; message?: string }) => {
        if (!/57P01|terminating connection|not queryable|Connection terminated/.test(`${e.code} ${e.message}`)) throw e;
        return [];
      });
    }
    expect(rows).toEqual([{ ok: 1 }]);
    expect(pool.totalCount).toBeLessThanOrEqual(2);
  });

  test('a driver transaction whose connection dies between statements fails; the process and the pool live on', async () => {
    // node-postgres reports a connection that dies while no statement runs as an 'error' event on the client;
    // unheard on a checked-out client, it ends the process (it killed both workers in the fault suite).
    const url = new URL(ADMIN_URL);
    url.pathname = `/${DB}`;
    const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '/nonexistent', poolMax: 2 });
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown) => uncaught.push(err);
    process.on('uncaughtException', onUncaught);
    try {
      const outcomes: string[] = [];
      for (let i = 0; i < 3; i++) {
        const tx = db.transaction(async (sql) => {
          const [me] = await sql.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
          await admin((c) => c.query('SELECT pg_terminate_backend($1)', [me!.pid]));
          await sleep(300); // the termination arrives while no statement runs
          await sql.query('SELECT 2');
        }).then(() => 'committed', () => 'failed');
        outcomes.push(await tx);
      }
      expect(outcomes).toEqual(['failed', 'failed', 'failed']);
      expect(uncaught).toEqual([]);
      // The dead clients went back to the pool and were dropped: a new transaction is served at once.
      expect(await db.transaction((sql) => sql.query<{ ok: number }>('SELECT 1 AS ok'))).toEqual([{ ok: 1 }]);
    } finally {
      process.off('uncaughtException', onUncaught);
      await db.close();
    }
  });
});
