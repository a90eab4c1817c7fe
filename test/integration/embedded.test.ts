import { api, startTestSystem } from './support/testSystem';
import type { System } from '../../app/system';

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

  /** An API of the same system with other settings (production mode, a task queue no worker polls). */
  async function otherApp(config: typeof system.config, extra: { registrationWaitMs?: number; actionWaitMs?: number } = {}) {
    const { createApp } = await import('../../api/app');
    const { CalendarStore } = await import('../../api/calendar/calendarStore');
    const { defaultProcedureConfig } = await import('../../domain/procedure');
    const { createLogger } = await import('../../platform/logger');
    const app = createApp({ config, db: system.db, temporal: system.client, log: createLogger(config), procedureConfig: defaultProcedureConfig, calendars: new CalendarStore(system.db.prisma), temporalHealthy: async () => true, version: 'test', signingSecret: 'x'.repeat(32), ...extra });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => server.close() };
  }

  test('demo accounts are refused in production mode', async () => {
    const prod = await otherApp({ ...system.config, NODE_ENV: 'production' });
    const res = await fetch(`${prod.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'drafter', password: 'demo' }) });
    prod.close();
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe('demo_refused');
  });

  test('with no worker available, registration answers 202 Accepted and the matter is stored once a worker comes', async () => {
    const queue = `no-worker-${Date.now()}`;
    const app = await otherApp({ ...system.config, TEMPORAL_TASK_QUEUE: queue }, { registrationWaitMs: 1_000 });
    const login = await fetch(`${app.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'drafter', password: 'demo' }) });
    const { token } = (await login.json()) as { token: string };
    const res = await fetch(`${app.url}/api/v1/matters`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ title: '待登记', kind: 'collective_matter', text: '三重一大事项' }) });
    app.close();
    expect(res.status).toBe(202);
    const body = (await res.json()) as { id: string; stage: string };
    expect(body.stage).toBe('registering');
    expect(await system.db.prisma.matter.findUnique({ where: { id: body.id } })).toBeNull();
    // A worker on that queue picks the workflow up and stores the registration.
    const { NativeConnection } = await import('@temporalio/worker');
    const { createWorker } = await import('../../worker/createWorker');
    const { createLogger } = await import('../../platform/logger');
    const connection = await NativeConnection.connect({ address: system.temporalAddress });
    const worker = await createWorker({ connection, namespace: 'default', taskQueue: queue, deps: { db: system.db, log: createLogger(system.config), signingSecret: 'x'.repeat(32) }, workflowBundle: { codePath: process.env.TEST_WORKFLOW_BUNDLE! }, activityConnections: 4 });
    await worker.runUntil(async () => {
      for (let i = 0; i < 100 && !(await system.db.prisma.matter.findUnique({ where: { id: body.id } })); i++) await new Promise((r) => setTimeout(r, 100));
    });
    await connection.close();
    expect((await system.db.prisma.matter.findUniqueOrThrow({ where: { id: body.id } })).stage).toBe('research');

    // With the worker gone again, an action answers 503 instead of hanging, and says how to learn the outcome.
    const again = await otherApp({ ...system.config, TEMPORAL_TASK_QUEUE: queue }, { actionWaitMs: 1_000 });
    const act = await fetch(`${again.url}/api/v1/matters/${body.id}/actions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': 'while-down' }, body: JSON.stringify({ command: { type: 'withdraw', reason: '测试' } }) });
    again.close();
    expect(act.status).toBe(503);
    expect(((await act.json()) as { code: string }).code).toBe('workflow_unavailable');
    expect(act.headers.get('retry-after')).toBe('10');
  });
});
