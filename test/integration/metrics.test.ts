/**
 * /metrics (prom-client) on the API — and, with a worker in the same process, the worker's activity
 * timings and the Temporal SDK's own metrics in the same answer — and the worker process's own endpoint.
 */
import http from 'node:http';
import { api, person, startTestSystem, type TestPerson } from './support/testSystem';
import type { System } from '../../app/system';

const text = '第一条 为规范管理，制定本办法。\n第二条 本办法自发布之日起施行。';

/** The value of one sample line (name with its labels exactly as exposed), or undefined. */
function sample(exposition: string, line: string): number | undefined {
  const found = exposition.split('\n').find((l) => l.startsWith(`${line} `));
  return found ? Number(found.slice(line.length + 1)) : undefined;
}

describe('metrics', () => {
  let system: System;
  let drafter: TestPerson;
  let client: ReturnType<typeof api>;

  beforeAll(async () => {
    system = await startTestSystem();
    client = api(system);
    drafter = await person(system, ['drafter']);
  });
  afterAll(async () => {
    await system?.stop();
  });

  test('HTTP latency per route template, actions per type and outcome, refusals per code, matters per stage, SDK metrics', async () => {
    const created = await client.post('/api/v1/matters', drafter, { title: '指标', kind: 'normative_document', flags: [], text });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const accepted = await client.act(id, drafter, { type: 'record_research_item', item: { kind: 'drafting_explanation', summary: '说明', documentId: 'd1' } });
    expect(accepted.status).toBe(200);
    const refused = await client.act(id, drafter, { type: 'accept_materials' });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect((await client.get(`/api/v1/matters/${id}`, drafter)).status).toBe(200);

    const res = await fetch(`${system.apiUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const m = await res.text();
    // Route templates, never raw ids.
    expect(m).toContain('lr_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/v1/matters/:id",status="200"}');
    expect(m).not.toContain(id);
    expect(sample(m, 'lr_actions_total{type="record_research_item",outcome="accepted"}')).toBeGreaterThanOrEqual(1);
    expect(sample(m, 'lr_actions_total{type="accept_materials",outcome="refused"}')).toBeGreaterThanOrEqual(1);
    expect(sample(m, `lr_refusals_total{code="${refused.body.code}",status="${refused.status}"}`)).toBeGreaterThanOrEqual(1);
    expect(sample(m, 'lr_open_matters{stage="research"}')).toBeGreaterThanOrEqual(1);
    expect(m).toMatch(/^lr_overdue_matters \d+$/m);
    // The worker runs in this process: its activity timings and the SDK's exporter are in the same answer.
    expect(sample(m, 'lr_activity_duration_seconds_count{activity="recordAction",outcome="completed"}')).toBeGreaterThanOrEqual(1);
    expect(m).toMatch(/^temporal_activity_execution_latency_count\{[^}]*activity_type="recordAction"/m);
    expect(m).toMatch(/^lr_process_resident_memory_bytes \d+/m);
  });

  test('a worker process serves /metrics and /healthz on METRICS_PORT; METRICS_TOKEN guards the API\'s', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = http.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const other = await startTestSystem({ env: { METRICS_PORT: String(port), METRICS_TOKEN: 'metrics-secret' } });
    try {
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ worker: 'RUNNING' });
      const worker = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(worker).toMatch(/^lr_process_resident_memory_bytes \d+/m);
      expect(worker).toMatch(/^temporal_/m);
      expect((await fetch(`${other.apiUrl}/metrics`)).status).toBe(401);
      expect((await fetch(`${other.apiUrl}/metrics`, { headers: { authorization: 'Bearer metrics-secret' } })).status).toBe(200);
    } finally {
      await other.stop();
    }
  });
});
