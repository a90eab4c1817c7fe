import path from 'node:path';
import fs from 'node:fs';
import { Pool } from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../prisma/generated/client';
import { withUniqueViolationMapped } from './pgliteErrors';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

export type { PrismaClient };

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
  /** Runs one query with parameters through the driver, bypassing Prisma (readiness, migration table). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** PGlite corrupts its folder when two instances open it, so one instance per folder per process. */
const embeddedInstances = new Map<string, Promise<PGlite>>();

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openEmbedded(path.resolve(opts.dataDir, 'pglite'));
}

function openPostgres(url: string): Database {
  const pool = new Pool({ connectionString: url, max: 10 });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const parsed = new URL(url);
  return {
    prisma,
    kind: 'postgresql',
    description: `PostgreSQL ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`,
    async execScript(sql) {
      const client = await pool.connect();
      try {
        await client.query(sql); // no parameters: simple protocol, so several statements are allowed
      } finally {
        client.release();
      }
    },
    async query(sql, params) {
      return (await pool.query(sql, params as unknown[])).rows;
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
      return (await pglite.query(sql, params as unknown[])).rows as never[];
    },
    async close() {
      await prisma.$disconnect();
      if (embeddedInstances.get(folder) === pending) {
        embeddedInstances.delete(folder);
        await pglite.close();
      }
    },
  };
}
