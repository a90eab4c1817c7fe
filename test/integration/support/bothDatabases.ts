import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../../../platform/database';
import { applyMigrations } from '../../../platform/migrate';

/**
 * The two databases the system runs on, for `describe.each`: the run's PostgreSQL (migrated by the global
 * setup) and a fresh embedded database in a folder of its own, migrated here. Each entry opens a new
 * connection; the test closes it.
 */
export const BOTH_DATABASES: Array<[name: string, open: () => Promise<Database>]> = [
  ['PostgreSQL', () => openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL!, dataDir: os.tmpdir(), poolMax: 4 })],
  ['the embedded database', async () => {
    const db = await openDatabase({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'lr-embedded-')) });
    await applyMigrations(db);
    return db;
  }],
];

/**
 * For a `describe.each(BOTH_DATABASES)` block whose tests store matters: opens the database before them, with
 * the organisations the people belong to, and closes it after. Returns the open database (in a test).
 */
export function useDatabaseWithOrganisations(open: () => Promise<Database>): () => Database {
  let db: Database | undefined;
  beforeAll(async () => {
    db = await open();
    const { ensureOrganisations } = await import('../../../api/people/demoPeople');
    await ensureOrganisations(db.prisma, null);
  });
  afterAll(async () => {
    await db?.close();
  });
  return () => db!;
}
