import path from 'node:path';
import fs from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import { Client } from 'pg';
import { freePort } from '../../platform/temporal/devServer';
import { ADMIN_URL } from './globalSetup';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

interface Proc { child: ChildProcess; output: () => string; exited: Promise<number | null> }

function run(args: string[], env: NodeJS.ProcessEnv): Proc {
  const child = spawn(TSX, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return { child, output: () => output, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
}

const until = async (what: () => Promise<boolean> | boolean, tries = 240) => {
  for (let i = 0; i < tries; i++) {
    if (await what()) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
};

/**
 * Issue 9 item 17: API and worker processes started together on a new database. Each reads which
 * migrations are applied, applies the rest and creates the first admin; without a lock two of them did
 * the same work at once (duplicate type, duplicate admin id) and one died. The dev signing secret was
 * written check-then-write, so two processes could seal keys under different secrets.
 */
describe('processes starting together on a new database', () => {
  const dbName = `lr_race_${Date.now()}_${process.pid}`;
  const dbUrl = (() => { const u = new URL(ADMIN_URL); u.pathname = `/${dbName}`; return u.toString(); })();
  const procs: Proc[] = [];

  beforeAll(async () => {
    const admin = new Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
  });
  afterAll(async () => {
    for (const p of procs) p.child.kill('SIGTERM');
    await Promise.all(procs.map((p) => p.exited));
    const admin = new Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  });

  test('two APIs and two workers all come up: migrations applied once, one admin, one signing secret', async () => {
    const dataDir = fs.mkdtempSync(path.join(process.env.TEST_ROOT!, 'race-'));
    const ports = [await freePort(), await freePort()];
    const base: NodeJS.ProcessEnv = {
      ...process.env, NODE_OPTIONS: '', NODE_ENV: 'development', LOG_LEVEL: 'info', DATA_DIR: dataDir,
      DATABASE_URL: dbUrl, TEMPORAL_ADDRESS: process.env.TEST_TEMPORAL_ADDRESS, TEMPORAL_TASK_QUEUE: `race-${crypto.randomUUID()}`,
      ADMIN_BOOTSTRAP_PASSWORD: 'first-admin-password',
    };
    delete base.SIGNING_KEY_SECRET;
    procs.push(
      run(['app/api.ts'], { ...base, PORT: String(ports[0]) }),
      run(['app/worker.ts'], base),
      run(['app/api.ts'], { ...base, PORT: String(ports[1]) }),
      run(['app/worker.ts'], base),
    );
    const apis = ports.map((p) => `http://127.0.0.1:${p}`);
    const up = await until(async () => {
      const dead = procs.find((p) => p.child.exitCode !== null);
      if (dead) throw new Error(`a process died at start:\n${dead.output()}`);
      const ready = await Promise.all(apis.map((a) => fetch(`${a}/readyz`).then((r) => r.status === 200, () => false)));
      return ready.every(Boolean) && procs.filter((p) => p.output().includes('Worker polling')).length === 2;
    });
    expect(up).toBe(true);

    const db = new Client({ connectionString: dbUrl });
    await db.connect();
    try {
      const migrations = (await db.query<{ migration_name: string; n: string }>(`SELECT migration_name, count(*) AS n FROM _prisma_migrations GROUP BY 1`)).rows;
      const onDisk = fs.readdirSync(path.join(ROOT, 'prisma/migrations'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
      expect(migrations.map((m) => m.migration_name).sort()).toEqual(onDisk);
      expect(migrations.every((m) => m.n === '1')).toBe(true);
      expect((await db.query(`SELECT id FROM app_user WHERE 'admin' = ANY(roles)`)).rows).toEqual([{ id: 'user-admin' }]);
    } finally {
      await db.end();
    }
    expect(fs.readFileSync(path.join(dataDir, 'signing-secret'), 'utf8')).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.readdirSync(dataDir).filter((f) => f.startsWith('signing-secret.'))).toEqual([]);
    for (const a of apis) {
      const login = await fetch(`${a}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'first-admin-password' }) });
      expect(login.status).toBe(200);
    }
  }, 240_000);

  test('the dev signing secret: processes creating it at once all read the same one', async () => {
    const dataDir = fs.mkdtempSync(path.join(process.env.TEST_ROOT!, 'secret-'));
    const script = `const { localSecret } = require(${JSON.stringify(path.join(ROOT, 'app/system.ts'))}); process.stdout.write(localSecret(${JSON.stringify(dataDir)}));`;
    const many = Array.from({ length: 4 }, () => run(['-e', script], { ...process.env, NODE_OPTIONS: '' }));
    expect(await Promise.all(many.map((p) => p.exited))).toEqual([0, 0, 0, 0]);
    const secrets = new Set(many.map((p) => p.output().trim()));
    expect(secrets.size).toBe(1);
    expect([...secrets][0]).toBe(fs.readFileSync(path.join(dataDir, 'signing-secret'), 'utf8'));
  }, 120_000);
});
