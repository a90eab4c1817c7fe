/**
 * Scale on the production shape, with one worker process so every workflow lands on it:
 *  - worker memory (RSS from /proc, V8 heap and the SDK's sticky cache from the worker's /metrics) as open
 *    matters accumulate, up to SCALE_OPEN (default 5,000; fewer on a machine that cannot take it);
 *  - trail verification of a matter with SCALE_TRAIL (default 10,000) entries: domain/evidence/verifyTrail in
 *    this process over the rows, and GET /trail/verify on the same rows seeded in PostgreSQL;
 *  - continue-as-new: one matter with WORKFLOW_CONTINUE_AS_NEW_EVENTS=SCALE_CAN_EVENTS (default 100) taking
 *    SCALE_CAN_ACTIONS (default 120) actions: the latency of the first action on each new run against the others.
 *
 *   npm run bench:scale
 *   SCALE_OPEN=2000 npm run bench:scale
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { Client, Connection } from '@temporalio/client';
import { openDatabase } from '../platform/database';
import { verifyTrail } from '../domain/evidence';
import { BENCH_PROCEDURE_CONFIG, KIND_SCRIPTS } from './procedure/steps';
import { driveMatter, http, sessions, type Sessions } from './procedure/driver';
import { loadTemplates, seedCopies } from './support/seedMatters';
import { registrationTemplate, startCopies } from './support/startMatters';
import { machineLine, machineSnapshot, publishSection, runBenchmark } from './support/report';
import { benchWorkDir, rssMiB, startClusterShape, type Shape } from './support/shapes';
import { ms, pool, summarise, table } from './support/stats';

const OPEN = Number(process.env.SCALE_OPEN ?? 5_000);
const OPEN_STEP = Number(process.env.SCALE_OPEN_STEP ?? 1_000);
const TRAIL = Number(process.env.SCALE_TRAIL ?? 10_000);
const CAN_EVENTS = Number(process.env.SCALE_CAN_EVENTS ?? 100);
const CAN_ACTIONS = Number(process.env.SCALE_CAN_ACTIONS ?? 120);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);
/**
 * How the open matters are registered: direct (default) starts each matter's workflow through the Temporal
 * client with a registered matter's input (the worker does the whole registration); http registers each one
 * through the API (POST /matters, concurrency CONCURRENCY), as the first runs did.
 */
const SEED = process.env.SCALE_SEED === 'http' ? 'http' : 'direct';
const SEED_CONCURRENCY = Number(process.env.SCALE_SEED_CONCURRENCY ?? 32);
const SETTLE_MS = Number(process.env.SCALE_SETTLE_MS ?? 5_000);

async function metric(url: string, name: string): Promise<number> {
  try {
    const text = await (await fetch(url)).text();
    const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
    return line ? Number(line.split(' ').pop()) : NaN;
  } catch {
    return NaN;
  }
}

const MiB = (bytes: number) => (Number.isFinite(bytes) ? (bytes / 2 ** 20).toFixed(0) : '–');

async function memoryRow(shape: Shape, open: number, seconds: number) {
  const pid = shape.workerPids()[0]!;
  const url = shape.workerMetricsUrls[0]!;
  return [open, rssMiB(pid).toFixed(0), MiB(await metric(url, 'lr_nodejs_heap_size_used_bytes')), MiB(await metric(url, 'lr_nodejs_heap_size_total_bytes')), String(await metric(url, 'temporal_sticky_cache_size')), seconds.toFixed(0)];
}

/** Matters of this run whose registration the worker has stored (state written), by id prefix. */
async function storedCount(pg: Pool, prefix: string): Promise<number> {
  const { rows } = await pg.query<{ n: string }>("SELECT count(*) AS n FROM matter WHERE id LIKE $1 || '-%' AND state IS NOT NULL", [prefix]);
  return Number(rows[0]!.n);
}

/** Waits until `target` are stored, or no progress for a minute; returns how many are. */
async function untilStored(pg: Pool, prefix: string, target: number): Promise<number> {
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    const n = await storedCount(pg, prefix);
    if (n >= target) return n;
    if (n !== last) [last, lastChange] = [n, Date.now()];
    if (Date.now() - lastChange > 60_000) return n;
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

async function workerMemory(shape: Shape, s: Sessions): Promise<string> {
  const rows: Array<Array<string | number>> = [await memoryRow(shape, 0, 0)];
  const pg = new Pool({ connectionString: shape.databaseUrl!, max: 1 });
  const connection = await Connection.connect({ address: shape.temporalAddress });
  const client = new Client({ connection, namespace: shape.namespace });
  const prefix = `scale-${Date.now().toString(36)}`;
  const t0 = performance.now();
  let started = 0;
  let stored = 0;
  let refused = 0;
  try {
    // direct: one registration over HTTP, its start input copied (bench/support/startMatters.ts).
    const template = SEED === 'direct' ? await registrationTemplate(client, (await driveMatter(shape.apiUrl, s, 100_000, { stepsLimit: 0 })).workflowId) : null;
    for (let target = Math.min(OPEN_STEP, OPEN); started < OPEN; target = Math.min(target + OPEN_STEP, OPEN)) {
      if (template) {
        refused += await startCopies(client, template, { prefix, from: started, to: target, concurrency: SEED_CONCURRENCY });
        stored = await untilStored(pg, prefix, target - refused);
      } else {
        await pool(Array.from({ length: target - started }, (_, k) => started + k), CONCURRENCY, async (i) => {
          try {
            // Registered and left open: each waits in research for its drafter (with its clocks running).
            await driveMatter(shape.apiUrl, s, 100_000 + i, { stepsLimit: 0 });
            stored++;
          } catch {
            refused++;
          }
        });
      }
      started = target;
      const seconds = (performance.now() - t0) / 1000;
      // Let the worker settle (collect garbage after the burst) before reading it.
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      rows.push([...(await memoryRow(shape, stored, seconds)), (stored / seconds).toFixed(1), os.loadavg()[0]!.toFixed(1)]);
      process.stdout.write(`  ${rows[rows.length - 1]!.join(' | ')}\n`);
    }
  } finally {
    await connection.close();
    await pg.end();
  }
  rows[0]!.push('–', os.loadavg()[0]!.toFixed(1));
  const missing = started - stored;
  return `${table(['open matters (stored)', 'worker RSS MiB', 'V8 heap used MiB', 'V8 heap total MiB', 'SDK sticky cache (workflows)', 'elapsed s (registering)', 'registered per s (cumulative)', 'load (1 min)'], rows)}${missing ? `\n\n${missing} of ${started} started matters were not stored (${refused} refused at start or over HTTP; the rest not registered within a minute of no progress).` : ''}`;
}

async function trailVerification(shape: Shape, s: Sessions, templateId: string): Promise<string> {
  const db = await openDatabase({ databaseUrl: shape.databaseUrl!, dataDir: '/tmp', poolMax: 2 });
  try {
    const [template] = await loadTemplates(db, [templateId]);
    const [id] = await seedCopies(db, [template!], { count: 1, prefix: `long-trail-${Date.now()}`, trailEntries: TRAIL });
    const matter = await db.prisma.matter.findUniqueOrThrow({ where: { id: id! } });
    const readTimes: number[] = [];
    const verifyTimes: number[] = [];
    let valid = false;
    for (let k = 0; k < 5; k++) {
      const t = performance.now();
      const rows = await db.prisma.trailEntry.findMany({ where: { matterId: id! }, orderBy: { seq: 'asc' } });
      const t1 = performance.now();
      valid = verifyTrail(rows, [{ seq: matter.trailHeadSeq, hash: matter.trailHeadHash, where: 'matter record' }]).valid;
      verifyTimes.push(performance.now() - t1);
      readTimes.push(t1 - t);
    }
    const endpoint: number[] = [];
    let answer: { valid: boolean; entries: number } | null = null;
    for (let k = 0; k < 5; k++) {
      const t = performance.now();
      answer = await http(shape.apiUrl, 'GET', `/api/v1/matters/${id}/trail/verify`, s.tokens.legal);
      endpoint.push(performance.now() - t);
    }
    const fmt = (xs: number[]) => `${ms(summarise(xs).p50)} (min ${ms(Math.min(...xs))}, max ${ms(Math.max(...xs))})`;
    return table(
      ['', `median ms of 5 (${TRAIL.toLocaleString('en')} entries)`],
      [
        ['reading the rows (Prisma, one query)', fmt(readTimes)],
        [`verifyTrail over the rows (hash chain + head), in process — valid: ${valid}`, fmt(verifyTimes)],
        [`GET /trail/verify through the front — answered valid: ${answer?.valid}, entries ${answer?.entries}`, fmt(endpoint)],
      ],
    );
  } finally {
    await db.close();
  }
}

async function continueAsNewCost(shape: Shape, s: Sessions): Promise<string> {
  const connection = await Connection.connect({ address: shape.temporalAddress });
  const client = new Client({ connection, namespace: shape.namespace });
  try {
    const m = await driveMatter(shape.apiUrl, s, 0, { stepsLimit: 0 }); // a normative document, in research
    const handle = client.workflow.getHandle(m.workflowId);
    let run = (await handle.describe()).runId;
    const first: number[] = [];
    const rest: number[] = [];
    const runs = new Set([run]);
    for (let i = 0; i < CAN_ACTIONS; i++) {
      const t = performance.now();
      await http(shape.apiUrl, 'POST', `/api/v1/matters/${m.id}/actions`, s.tokens.drafter, { command: { type: 'record_research_item', item: { kind: 'procedure_statement', summary: `程序说明 第${i + 1}稿`, documentId: `doc-${i}` } } });
      const took = performance.now() - t;
      const now = (await handle.describe()).runId;
      // The run the action landed on is the one after it; an action that found a new run paid for its start.
      (now !== run ? first : rest).push(took);
      if (now !== run) runs.add(now);
      run = now;
    }
    const verdict = await http(shape.apiUrl, 'GET', `/api/v1/matters/${m.id}/trail/verify`, s.tokens.legal);
    const a = summarise(first);
    const b = summarise(rest);
    return `${table(
      ['actions', 'n', 'p50 ms', 'p95 ms', 'max ms'],
      [
        ['the first action after each continue-as-new', a.n, ms(a.p50), ms(a.p95), ms(a.max)],
        ['every other action', b.n, ms(b.p50), ms(b.p95), ms(b.max)],
      ],
    )}

${CAN_ACTIONS} actions on one matter with WORKFLOW_CONTINUE_AS_NEW_EVENTS=${CAN_EVENTS}: ${runs.size} runs; the trail verifies: ${verdict.valid} (${verdict.entries} entries).`;
  } finally {
    await connection.close();
  }
}

async function main() {
  const machine = await machineSnapshot();
  const workDir = benchWorkDir();
  process.stdout.write('› production shape with one worker: starting…\n');
  const shape = await startClusterShape({ procedureConfig: BENCH_PROCEDURE_CONFIG, workDir, name: 'lr_bench_scale', basePort: 18400, workers: 1, env: { WORKFLOW_CONTINUE_AS_NEW_EVENTS: String(CAN_EVENTS) } });
  try {
    const s = await sessions(shape);
    process.stdout.write('› continue-as-new…\n');
    const can = await continueAsNewCost(shape, s);
    process.stdout.write(`${can}\n› trail verification of ${TRAIL} entries…\n`);
    const full = await driveMatter(shape.apiUrl, s, 0);
    const trail = await trailVerification(shape, s, full.id);
    process.stdout.write(`${trail}\n› worker memory up to ${OPEN} open matters…\n`);
    const memory = await workerMemory(shape, s);
    const body = `## Scale (\`SCALE_OPEN=${OPEN} SCALE_SEED=${SEED} SCALE_TRAIL=${TRAIL} SCALE_CAN_EVENTS=${CAN_EVENTS} npm run bench:scale\`)

${machineLine(machine)}

${shape.description}; here with **one** worker process, so every workflow is on it.

### Worker memory as open matters accumulate

${SEED === 'direct' ? `Matters registered by their own workflows: one registered over HTTP, then each copy started through the Temporal
client with its start input (new id, title and text; ${SEED_CONCURRENCY} starts in flight), the worker doing the whole registration
(storing the matter, its first version and trail entry, both pre-screens); a step ends when the database holds every
copy (\`SCALE_SEED=http\` registers each over the API instead, concurrency ${CONCURRENCY}).` : `Matters registered over HTTP (concurrency ${CONCURRENCY}).`} Left open in research (each workflow waiting
for its drafter, its clocks running). Read ${SETTLE_MS / 1000} s after each step: RSS from /proc, the V8 heap from the
worker's /metrics, and the SDK's sticky cache (workflows kept in memory between tasks; the SDK evicts beyond
its limit, so memory does not grow with every open matter for ever). Load is the 1-minute load average at the reading:
the machine is shared with other agents' builds and tests.

${memory}

### Trail verification of a matter with ${TRAIL.toLocaleString('en')} entries

A finished normative document's trail cycled to ${TRAIL.toLocaleString('en')} entries under a new id, re-hashed and
stored in PostgreSQL (bench/support/seedMatters.ts). The endpoint also asks the workflow for its head; this
matter has none (it was seeded), so that lookup fails fast and the database head is used.

${trail}

### Continue-as-new

${can}
`;
    publishSection('scale', body, workDir);
  } finally {
    await shape.stop();
  }
}

runBenchmark(main);
