import crypto from 'node:crypto';
import { Client } from 'pg';
import { api, person, startTestSystem } from './support/testSystem';
import type { System } from '../../app/system';
import { ADMIN_URL } from './globalSetup';

/**
 * Issue 9 item 18: with the database gone, answers were 500s without a code. Now a transient database
 * error is a 503 `database_unavailable` with Retry-After, on every route, and service resumes by itself.
 */
describe('the database goes away and comes back', () => {
  const dbName = `lr_outage_${Date.now()}_${process.pid}`;
  const dbUrl = (() => { const u = new URL(ADMIN_URL); u.pathname = `/${dbName}`; return u.toString(); })();
  let system: System;
  let admin: Client;

  beforeAll(async () => {
    admin = new Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    system = await startTestSystem({ env: { DATABASE_URL: dbUrl } });
  });
  afterAll(async () => {
    await admin.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS true`).catch(() => undefined);
    await system?.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  });

  test('503 with a code and Retry-After while it is away, on reads, logins and actions; normal again after', async () => {
    const http = api(system);
    const drafter = await person(system, ['drafter']);
    const created = await http.post('/api/v1/matters', drafter, { title: '断库测试', kind: 'collective_matter', text: '三重一大事项' });
    expect(created.status).toBe(201);

    // Cut every connection and refuse new ones.
    await admin.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS false`);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [dbName]);
    const calls = [
      () => http.get('/api/v1/matters', drafter),
      () => http.get(`/api/v1/matters/${created.body.id}`, drafter),
      () => http.post('/api/v1/auth/login', null, { username: drafter.username, password: drafter.password }),
      () => http.act(created.body.id, drafter, { type: 'withdraw', reason: '测试' }, { idempotencyKey: crypto.randomUUID() }),
    ];
    for (const call of calls) {
      const res = await call();
      expect({ status: res.status, code: res.body?.code, retryAfter: res.headers.get('retry-after'), type: res.headers.get('content-type')?.split(';')[0] })
        .toEqual({ status: 503, code: 'database_unavailable', retryAfter: '5', type: 'application/problem+json' });
    }
    const ready = await http.get('/readyz', null);
    expect([ready.status, ready.body.code, ready.headers.get('retry-after')]).toEqual([503, 'not_ready', '5']);

    await admin.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS true`);
    expect((await http.get('/api/v1/matters', drafter)).status).toBe(200);
    expect((await http.get(`/api/v1/matters/${created.body.id}`, drafter)).status).toBe(200);
  });
});
