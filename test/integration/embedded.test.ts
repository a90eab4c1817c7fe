import { api, startTestSystem } from './support/testSystem';
import type { System } from '../../platform/system';

/** The embedded default that `npm start` uses: in-process PGlite, same migrations, demo people. */
describe('the embedded default database', () => {
  let system: System;
  beforeAll(async () => {
    system = await startTestSystem({ embedded: true });
  });
  afterAll(async () => {
    await system?.stop();
  });

  test('runs the same flow: demo login, register a matter, read it back with its workflow state', async () => {
    expect(system.db.kind).toBe('embedded');
    const http = api(system);
    const login = await http.post('/api/v1/auth/login', null, { username: 'drafter', password: 'demo' });
    expect(login.status).toBe(200);
    const drafter = { id: 'user-drafter', username: 'drafter', password: 'demo', token: login.body.token as string };
    const created = await http.post('/api/v1/matters', drafter, { title: '景区门票价格调整决策', kind: 'major_decision', text: '拟对区属景区门票价格进行调整。', flags: ['PUBLIC', 'RISK'] });
    expect(created.status).toBe(201);
    const got = await http.get(`/api/v1/matters/${created.body.id}`, drafter);
    expect(got.body).toMatchObject({ stage: 'research', kind: 'major_decision', workflow: { status: 'RUNNING' } });
    // Unique violations on PGlite surface as Prisma's P2002, as on PostgreSQL (idempotency relies on it).
    await expect(
      system.db.prisma.matterVersion.create({ data: { id: 'dup', matterId: created.body.id, number: 1, sha256: 'x', text: 'x', createdById: 'user-drafter' } }),
    ).rejects.toMatchObject({ code: 'P2002' });
    expect((await http.get('/readyz', null)).body.database).toMatch(/^embedded PGlite/);
  });

  test('demo accounts are refused in production mode', async () => {
    const prod = { ...system.config, NODE_ENV: 'production' as const };
    const { createApp } = await import('../../api/app');
    const { CalendarStore } = await import('../../api/calendar/calendarStore');
    const { defaultProcedureConfig } = await import('../../domain/procedure');
    const { createLogger } = await import('../../platform/logger');
    const app = createApp({ config: prod, db: system.db, temporal: system.client, log: createLogger(prod), procedureConfig: defaultProcedureConfig, calendars: new CalendarStore(system.db.prisma), temporalHealthy: async () => true, version: 'test', signingSecret: 'x'.repeat(32) });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'drafter', password: 'demo' }) });
    server.close();
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe('demo_refused');
  });
});
