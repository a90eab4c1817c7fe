/**
 * Once per `jest` run: a real Temporal dev server on a free port (own state folder) and a fresh PostgreSQL
 * database on the local server, migrated. Test files connect to both through environment variables.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { ensureTemporalCli } from '../../platform/temporal/cli';
import { freePort, startDevServer } from '../../platform/temporal/devServer';
import { openDatabase } from '../../platform/database';
import { applyMigrations } from '../../platform/migrate';
import { bundleWorkflows } from '../../worker/createWorker';

export const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export default async function globalSetup(): Promise<void> {
  // The integration and browser projects share this set-up, and jest runs every project's globalSetup in one
  // process before any test: the second call reuses the stack the first started (the environment variables are
  // already set), so one teardown stops one server. Starting a second one left the first running, and jest
  // then never exited (CI hit its time limit after the tests had finished).
  if ((globalThis as { __lrTest?: unknown }).__lrTest) return;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lr-test-'));
  const cliPath = ensureTemporalCli({ explicitPath: process.env.TEMPORAL_CLI_PATH || undefined });
  const [server, bundle] = await Promise.all([
    startDevServer({ cliPath, dataDir: path.join(root, 'temporal'), port: await freePort() }),
    bundleWorkflows(),
  ]);
  const bundlePath = path.join(root, 'workflow-bundle.js');
  fs.writeFileSync(bundlePath, (bundle as { code: string }).code);

  const dbName = `lr_test_${Date.now()}_${process.pid}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: root });
  await applyMigrations(db);
  await db.close();

  process.env.TEST_ROOT = root;
  process.env.TEST_TEMPORAL_ADDRESS = server.address;
  process.env.TEST_DATABASE_URL = url.toString();
  process.env.TEST_DATABASE_NAME = dbName;
  process.env.TEST_WORKFLOW_BUNDLE = bundlePath;
  (globalThis as { __lrTest?: unknown }).__lrTest = { server, root, dbName };
}
