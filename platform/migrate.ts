import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Database } from './database';

export const MIGRATIONS_DIR = path.resolve(__dirname, '../prisma/migrations');

/**
 * Applies the committed Prisma migrations (prisma/migrations/<name>/migration.sql) that are not yet applied,
 * recording them in Prisma's own `_prisma_migrations` table, so `prisma migrate status/deploy` agree with us.
 *
 * Why not `prisma migrate deploy`: offline, the Prisma 6 CLI needs its Wasm engine plus a patched driver
 * adapter and cannot talk to the in-process PGlite at all; this runner works the same on both databases
 * and runs inside the process that owns the embedded database.
 */
export async function applyMigrations(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  await db.execScript(`
    CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    );`);
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort();
  const applied = new Map(
    (await db.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    )).map((r) => [r.migration_name, r.checksum]),
  );
  const done: string[] = [];
  for (const name of names) {
    const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
    const checksum = crypto.createHash('sha256').update(sql).digest('hex');
    const previous = applied.get(name);
    if (previous !== undefined) {
      // An edited migration that already ran would leave databases that differ silently.
      if (previous !== checksum) throw new Error(`Migration ${name} was changed after it was applied (checksum differs)`);
      continue;
    }
    const id = crypto.randomUUID();
    // One transaction per migration: a failing one leaves nothing half-applied.
    await db.execScript(
      `BEGIN;\n${sql}\n;INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) ` +
        `VALUES ('${id}', '${checksum}', now(), '${name.replace(/'/g, "''")}', 1);\nCOMMIT;`,
    ).catch(async (err: unknown) => {
      await db.execScript('ROLLBACK;').catch(() => undefined);
      throw new Error(`Migration ${name} failed: ${(err as Error).message}`);
    });
    done.push(name);
  }
  return done;
}
