import fs from 'node:fs';
import { Client } from 'pg';
import type { DevServer } from '../../platform/temporal/devServer';
import { ADMIN_URL } from './globalSetup';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as { __lrTest?: { server: DevServer; root: string; dbName: string } }).__lrTest;
  if (!state) return;
  // Shared by the integration and browser projects: the first teardown stops the stack, the second finds nothing.
  delete (globalThis as { __lrTest?: unknown }).__lrTest;
  await state.server.stop();
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${state.dbName} WITH (FORCE)`);
  await admin.end();
  fs.rmSync(state.root, { recursive: true, force: true });
}
