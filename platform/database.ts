import path from 'node:path';
import fs from 'node:fs';
import { Pool, type PoolClient } from 'pg';
import { releaseDeadConnections } from './deadConnections';
import { PrismaPg } from '@prisma/adapter-pg';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../prisma/generated/client';
import { withUniqueViolationMapped } from './pgliteErrors';
import { classifyDatabaseError } from './databaseErrors';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { pgQuery, sqlText, type NamedStatement } from './namedStatement';

export type { PrismaClient };

/** Runs statements on one connection: a driver transaction's (Database.transaction). */
export interface Sql {
  /** A named statement (platform/namedStatement.ts) is prepared once per connection on PostgreSQL. */
  query<T = Record<string, unknown>>(sql: string | NamedStatement, params?: unknown[]): Promise<T[]>;
}

/**
 * The database people query. With DATABASE_URL it is a real PostgreSQL (production, CI); without, an
 * in-process PGlite in DATA_DIR so `npm start` needs no server. Both run the same migrations.
 */
export interface Database {
  prisma: PrismaClient;
  kind: 'postgresql' | 'embedded';
  /** Safe to log: where the data lives, without credentials. */
  description: string;
  /** Runs a multi-statement SQL script through the simple query protocol (migrations). */
  execScript(sql: string): Promise<void>;
  /**
   * Runs one query with parameters through the driver, bypassing Prisma (readiness, migration table, the hot
   * reads and writes). A named statement (platform/namedStatement.ts) is prepared once per connection on PostgreSQL.
   */
  query<T = Record<string, unknown>>(sql: string | NamedStatement, params?: unknown[]): Promise<T[]>;
  /**
   * Runs `fn` in one transaction through the driver, bypassing Prisma: committed when `fn` returns, rolled
   * back when it throws. For the writes every action makes (activities/matterRecords.ts): Prisma compiles
   * each of its queries anew, which cost the worker more CPU than the whole of bare Temporal's work per action.
   * Inside `fn`, use only `sql` (the embedded database runs one transaction at a time).
   */
  transaction<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` while holding a lock named `name` that every process on this database respects (PostgreSQL
   * advisory lock; the embedded database lives in one process, so a lock in memory is the same thing).
   * Start-up work that reads then writes (migrations, the first admin) runs under it.
   */
  withLock<T>(name: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Locks of the embedded database: one process owns it, so a queue per name in memory suffices. */
const inProcessLocks = new Map<string, Promise<unknown>>();
async function inProcessLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const before = inProcessLocks.get(name) ?? Promise.resolve();
  const run = before.then(fn, fn);
  const settled = run.catch(() => undefined);
  inProcessLocks.set(name, settled);
  try {
    return await run;
  } finally {
    if (inProcessLocks.get(name) === settled) inProcessLocks.delete(name);
  }
}

/** PGlite corrupts its folder when two instances open it, so one instance per folder per process. */
const embeddedInstances = new Map<string, Promise<PGlite>>();

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string; poolMax?: number }): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolMax ?? 10);
  return openEmbedded(path.resolve(opts.dataDir, 'pglite'));
}

const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));

/**
 * A client taken from the pool for several statements. node-postgres reports a connection that dies between
 * statements as an 'error' event on the client, and the pool listens only while the client is idle: with no
 * listener, the event ends the process (the fault suite's terminated connections killed both workers so).
 * While checked out, the error is kept here — the next statement fails on the dead connection anyway — and
 * `giveBack` hands the client back, with the error if its connection died, so the pool drops it.
 */
async function checkout(pool: Pool): Promise<{ query(sql: string | NamedStatement, params?: unknown[]): Promise<{ rows: never[] }>; giveBack(err?: Error): void }> {
  const client: PoolClient = await pool.connect();
  let lost: Error | undefined;
  const onError = (err: Error) => {
    lost = err;
  };
  client.on('error', onError);
  return {
    query: (sql, params) => client.query(pgQuery(sql, params)) as Promise<{ rows: never[] }>,
    giveBack(err) {
      client.removeListener('error', onError);
      client.release(err ?? lost);
    },
  };
}

function openPostgres(url: string, max: number): Database {
  const pool = new Pool({ connectionString: url, max });
  // An idle connection the server drops (restart, failover, terminated backend) is an 'error' event on the
  // pool; unheard, it would kill the process. The pool discards that client and the next query reconnects;
  // a query while the database is away fails and is answered 503 (or retried by an activity).
  pool.on('error', () => undefined);
  releaseDeadConnections(pool);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const parsed = new URL(url);
  return {
    prisma,
    kind: 'postgresql',
    description: `PostgreSQL ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`,
    async execScript(sql) {
      const client = await checkout(pool);
      try {
        await client.query(sql); // no parameters: simple protocol, so several statements are allowed
      } finally {
        client.giveBack();
      }
    },
    async query(sql, params) {
      return (await pool.query(pgQuery(sql, params as unknown[] | undefined))).rows;
    },
    async transaction(fn) {
      let client = await checkout(pool);
      // A pooled connection the server ended while it sat idle fails at BEGIN, before anything ran on it: it is
      // dropped and another one tried (twice at most), instead of failing the activity into its back-off.
      for (let attempt = 1; ; attempt++) {
        try {
          await client.query('BEGIN');
          break;
        } catch (err) {
          client.giveBack(asError(err));
          if (attempt >= 3 || classifyDatabaseError(err) !== 'transient') throw err;
          client = await checkout(pool);
        }
      }
      let broken: Error | undefined;
      try {
        const result = await fn({ query: async (sql, params) => (await client.query(sql, params as unknown[] | undefined)).rows });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        // A connection that cannot even roll back is dropped from the pool, not handed to the next caller.
        await client.query('ROLLBACK').catch((rollbackFailed: unknown) => {
          broken = asError(rollbackFailed);
        });
        throw err;
      } finally {
        client.giveBack(broken);
      }
    },
    async withLock(name, fn) {
      // Session-level: held by this connection until unlocked or the connection ends (a killed process frees it).
      const client = await checkout(pool);
      try {
        await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
        try {
          return await fn();
        } finally {
          await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
        }
      } finally {
        client.giveBack();
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openEmbedded(folder: string): Promise<Database> {
  let pending = embeddedInstances.get(folder);
  if (!pending) {
    fs.mkdirSync(folder, { recursive: true });
    pending = PGlite.create(folder);
    embeddedInstances.set(folder, pending);
  }
  const pglite = await pending;
  // The adapter is typed against an older driver-adapter-utils; the runtime interface is the same.
  const adapter = new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory;
  const prisma = new PrismaClient({ adapter: withUniqueViolationMapped(adapter) });
  return {
    prisma,
    kind: 'embedded',
    description: `embedded PGlite at ${folder}`,
    async execScript(sql) {
      await pglite.exec(sql);
    },
    async query(sql, params) {
      return (await pglite.query(sqlText(sql), params as unknown[])).rows as never[];
    },
    transaction: (fn) => pglite.transaction((tx) => fn({ query: async (sql, params) => (await tx.query(sqlText(sql), params as unknown[])).rows as never[] })),
    withLock: (name, fn) => inProcessLock(`${folder}\u0000${name}`, fn),
    async close() {
      await prisma.$disconnect();
      if (embeddedInstances.get(folder) === pending) {
        embeddedInstances.delete(folder);
        await pglite.close();
      }
    },
  };
}
