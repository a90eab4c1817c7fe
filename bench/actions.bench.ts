/**
 * End-to-end latency of the review procedure on this machine: the whole system (dev Temporal server on a
 * free port, the embedded database or DATABASE_URL, worker, API) in one process, driven over HTTP.
 *
 *   npx tsx bench/actions.bench.ts            # embedded database
 *   DATABASE_URL=postgresql://… npx tsx bench/actions.bench.ts
 *
 * Registers MATTERS matters CONCURRENCY at a time and records research items on each; prints throughput and
 * the median / p95 / max latency of registration (POST /matters, until the workflow has stored it) and of an
 * action (POST /matters/:id/actions: Update → validator → activity → transaction → answer).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseConfig } from '../platform/config';
import { createLogger } from '../platform/logger';
import { startSystem } from '../app/system';
import { freePort } from '../platform/temporal/devServer';
import { runBenchmark } from './support/report';

const MATTERS = Number(process.env.MATTERS ?? 40);
const ACTIONS_PER_MATTER = Number(process.env.ACTIONS ?? 5);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const fmt = (xs: number[]) => `median ${pct(xs, 50).toFixed(1)} ms · p95 ${pct(xs, 95).toFixed(1)} ms · max ${Math.max(...xs).toFixed(1)} ms (n=${xs.length})`;

async function pool<T>(items: T[], n: number, fn: (t: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lr-bench-'));
  const config = parseConfig({ ...process.env, NODE_ENV: 'development', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn', TEMPORAL_DEV_PORT: String(await freePort()), TEMPORAL_ADDRESS: '' });
  const system = await startSystem({ config, log: createLogger(config), runWorker: true, runApi: true });
  try {
    const base = system.apiUrl!;
    const post = async (url: string, token: string | null, body: unknown) => {
      const res = await fetch(`${base}${url}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<{ id: string; token: string }>;
    };
    if (system.db.kind !== 'embedded') throw new Error('run against the embedded default (demo people) or seed a drafter first');
    const { token } = await post('/api/v1/auth/login', null, { username: 'drafter', password: 'demo' });
    const register: number[] = [];
    const act: number[] = [];
    const ids: string[] = [];
    const t0 = performance.now();
    await pool(Array.from({ length: MATTERS }, (_, i) => i), CONCURRENCY, async (i) => {
      const s = performance.now();
      const m = await post('/api/v1/matters', token, { title: `基准测试事项 ${i}`, kind: 'normative_document', flags: ['ECON'], text: `第一条 为规范管理，制定本办法。\n第二条 在本区注册的企业方可申请补贴。（${i}）` });
      register.push(performance.now() - s);
      ids.push(m.id);
    });
    const t1 = performance.now();
    await pool(ids, CONCURRENCY, async (id) => {
      for (let k = 0; k < ACTIONS_PER_MATTER; k++) {
        const s = performance.now();
        await post(`/api/v1/matters/${id}/actions`, token, { command: { type: 'record_research_item', item: { kind: 'procedure_statement', summary: `程序说明 ${k}`, documentId: `doc-${k}` } } });
        act.push(performance.now() - s);
      }
    });
    const t2 = performance.now();
    console.log(`database: ${system.db.description}; Temporal dev server ${system.temporalAddress}; concurrency ${CONCURRENCY}`);
    console.log(`register (with pre-screen): ${fmt(register)}; ${(MATTERS / ((t1 - t0) / 1000)).toFixed(1)} matters/s`);
    console.log(`action:                     ${fmt(act)}; ${(act.length / ((t2 - t1) / 1000)).toFixed(1)} actions/s`);
    console.log(`process RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`);
  } finally {
    await system.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

runBenchmark(main);
