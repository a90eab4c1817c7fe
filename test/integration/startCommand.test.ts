import path from 'node:path';
import fs from 'node:fs';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { freePort } from '../../platform/temporal/devServer';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

/** `npm start` as a newcomer runs it: its own dev Temporal server, the embedded database, worker, API. */
describe('the start command', () => {
  test('a bad setting stops it at once with one line naming it', () => {
    const result = spawnSync(TSX, ['app/start.ts'], { cwd: ROOT, env: { ...process.env, PORT: 'eighty', NODE_OPTIONS: '' }, encoding: 'utf8' });
    expect(result.status).toBe(78);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Configuration error: PORT .*"eighty"/)]);
  });

  test('a procedure configuration that lowers a statutory floor stops it at once with one line naming the key', () => {
    const file = path.join(process.env.TEST_ROOT!, `lowered-floor-${process.pid}.json`);
    fs.writeFileSync(file, JSON.stringify({ kinds: { major_decision: { commentWindowMinimum: { amount: 15, unit: 'calendar_days' } } } }));
    const result = spawnSync(TSX, ['app/start.ts'], { cwd: ROOT, env: { ...process.env, PROCEDURE_CONFIG_PATH: file, PROCEDURE_PROFILE: 'statutory', NODE_OPTIONS: '' }, encoding: 'utf8' });
    expect(result.status).toBe(78);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Configuration error: procedure configuration kinds\.major_decision\.commentWindowMinimum may not be lower than the statutory floor of 30 calendar_days \(重大行政决策程序暂行条例第15条/)]);
  });

  test('the API or the worker alone refuses to start without the shared database and Temporal', () => {
    for (const entry of ['app/api.ts', 'app/worker.ts']) {
      const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '' };
      delete env.DATABASE_URL;
      delete env.TEMPORAL_ADDRESS;
      const result = spawnSync(TSX, [entry], { cwd: ROOT, env, encoding: 'utf8' });
      expect(result.status).toBe(78);
      expect(result.stderr).toMatch(/DATABASE_URL and TEMPORAL_ADDRESS must be set/);
    }
  });

  test('brings everything up, serves a matter, and stops cleanly on Ctrl-C', async () => {
    const dataDir = fs.mkdtempSync(path.join(process.env.TEST_ROOT!, 'start-'));
    const [port, temporalPort] = [await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '', PORT: String(port), TEMPORAL_DEV_PORT: String(temporalPort), DATA_DIR: dataDir, LOG_LEVEL: 'info' };
    delete env.DATABASE_URL;
    delete env.TEMPORAL_ADDRESS;
    const child: ChildProcess = spawn(TSX, ['app/start.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const base = `http://127.0.0.1:${port}`;
      let ready = 0;
      for (let i = 0; i < 240 && ready !== 200; i++) {
        ready = await fetch(`${base}/readyz`).then((r) => r.status, () => 0);
        if (ready !== 200) await new Promise((r) => setTimeout(r, 500));
      }
      expect(ready).toBe(200);
      expect(output).toContain(`Temporal dev server on 127.0.0.1:${temporalPort}`);
      expect(output).toContain('embedded PGlite');
      expect(output).toContain('DEMO ACCOUNTS ACTIVE');

      const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'drafter', password: 'demo' }) });
      const { token } = (await login.json()) as { token: string };
      const created = await fetch(`${base}/api/v1/matters`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ title: '网吧行政处罚决定法制审核', kind: 'enforcement_review', text: '拟对某网吧作出罚款决定。' }),
      });
      expect(created.status).toBe(201);
      const web = await fetch(`${base}/`);
      expect(web.status).toBe(200);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('Stopped.');
  }, 180_000);
});
