/**
 * The read path on the production shape: the status endpoint (GET /matters/:id) and the list endpoint
 * (GET /matters, with and without filters) at fixed offered rates over many matters in PostgreSQL.
 *
 *   npm run bench:read                                   # 10,000 matters, 100/250/500 req/s, 15 s each
 *   READ_MATTERS=2000 READ_RATES=50,100 READ_SECONDS=10 npm run bench:read
 *   READ_SHAPE=dev npm run bench:read     # `npm start` in one process on a fresh PostgreSQL database (no cluster binaries needed)
 *
 * The matters: a few templates taken through part or all of their procedure by the real system (so every
 * projection is one the code wrote), copied in bulk into the database (bench/support/seedMatters.ts). Then
 * EXPLAIN (ANALYZE, BUFFERS) of the list queries exactly as the endpoint sends them, and an open-loop paced client
 * (bench/support/pacedLoad.ts) against the round-robin front. Prints the tables and writes its section of
 * docs/benchmarks.md.
 */
import os from 'node:os';
import { Pool } from 'pg';
import { openDatabase } from '../platform/database';
import { listQuerySchema, listSql } from '../api/matters/listMatters';
import type { Principal } from '../api/auth/principal';
import type { Role } from '../domain/procedure';
import { BENCH_PROCEDURE_CONFIG, KIND_SCRIPTS } from './procedure/steps';
import { driveMatter, sessions } from './procedure/driver';
import { loadTemplates, seedCopies } from './support/seedMatters';
import { pacedLoad, type PacedLoadResult } from './support/pacedLoad';
import { machineLine, machineSnapshot, publishSection, runBenchmark } from './support/report';
import { benchWorkDir, startClusterShape, startDevShape } from './support/shapes';
import { coresDuring, cpuMs, sampleCpu } from './support/cpuAccounting';
import { ms, pool, table } from './support/stats';
import { EVENT_LOOP_SAMPLE_MS } from '../platform/eventLoopSampling';

const MATTERS = Number(process.env.READ_MATTERS ?? 10_000);
const RATES = (process.env.READ_RATES ?? '100,250,500').split(',').map(Number);
const SECONDS = Number(process.env.READ_SECONDS ?? 15);
/** cluster (default): the production shape; dev: `npm start` as one process with its database on PostgreSQL. */
const SHAPE = process.env.READ_SHAPE === 'dev' ? 'dev' : 'cluster';
/** Copies with their templates' trails re-hashed (slow: every entry carries states as JSON); off by default. */
const WITH_TRAILS = process.env.READ_TRAILS === '1';

interface ListCase {
  label: string;
  who: 'legal' | 'drafter' | 'lawyer';
  query: Record<string, string>;
}

const LIST_CASES: ListCase[] = [
  { label: 'legal unit, first page (newest first)', who: 'legal', query: {} },
  { label: 'legal unit, stage filter', who: 'legal', query: { stage: 'awaiting_meeting' } },
  { label: 'legal unit, kind filter', who: 'legal', query: { kind: 'major_decision' } },
  { label: 'legal unit, overdue', who: 'legal', query: { overdue: 'true' } },
  { label: 'legal unit, awaiting me', who: 'legal', query: { awaitingMe: 'true' } },
  { label: 'drafter (own section only)', who: 'drafter', query: {} },
  { label: 'lawyer (assigned only), due before', who: 'lawyer', query: { dueBefore: '2099-12-31' } },
];

/** The plan as it was before migration matter_list_order: the index dropped in a transaction, rolled back. */
async function planWithoutIndex(pg: Pool, sql: string, params: unknown[]): Promise<string> {
  const client = await pg.connect();
  try {
    await client.query('BEGIN');
    await client.query('DROP INDEX IF EXISTS matter_created_at_id_idx');
    const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    return plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

async function explainLists(databaseUrl: string): Promise<string> {
  const pg = new Pool({ connectionString: databaseUrl, max: 2 });
  const principalOf = async (username: string): Promise<Principal> => {
    const { rows } = await pg.query('SELECT id, username, roles, section_id, display_name, organisation_id FROM app_user WHERE username = $1', [username]);
    const u = rows[0]!;
    return { userId: u.id, username: u.username, roles: u.roles as Role[], sectionId: u.section_id, displayName: u.display_name, organisationId: u.organisation_id ?? '', tokenId: 'bench', demo: false, passwordChangeRequired: false };
  };
  const sections: string[] = [];
  try {
    for (const c of LIST_CASES) {
      const principal = await principalOf(c.who);
      // The query exactly as the endpoint sends it (api/matters/listMatters.ts).
      const q = listSql(principal, listQuerySchema.parse(c.query));
      const rowsOnPage = Math.max(0, (await pg.query(q.sql, q.params)).rowCount! - 1);
      const plan = await pg.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params);
      const text = plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
      sections.push(`#### ${c.label} — \`GET /api/v1/matters${Object.keys(c.query).length ? `?${new URLSearchParams(c.query)}` : ''}\` (${Math.min(rowsOnPage, 50)} rows on the page)\n\n\`\`\`sql\n${q.sql}\n\`\`\`\n\nparameters: \`${JSON.stringify(q.params)}\`\n\n\`\`\`\n${text}\n\`\`\``);
      if (c === LIST_CASES[0]) sections.push(`For comparison, the same query without the list-order index (dropped inside a transaction that is rolled back):\n\n\`\`\`\n${await planWithoutIndex(pg, q.sql, q.params)}\n\`\`\``);
    }
  } finally {
    await pg.end();
  }
  return sections.join('\n\n');
}

/** Values of the API processes' runtime metrics (prom-client's defaults), per process. */
async function apiRuntime(urls: string[]): Promise<Array<{ gcSeconds: Record<string, number>; lagMaxSeconds: number; lagP99Seconds: number }>> {
  return Promise.all(
    urls.map(async (url) => {
      const text = await (await fetch(url)).text();
      const value = (re: RegExp) => Number(re.exec(text)?.[1] ?? NaN);
      const gcSeconds: Record<string, number> = {};
      for (const m of text.matchAll(/^lr_nodejs_gc_duration_seconds_sum\{kind="(\w+)"\} ([\d.e+-]+)$/gm)) gcSeconds[m[1]!] = Number(m[2]);
      // The event-loop delay is a histogram prom-client resets at every scrape: these cover the time since the last one.
      return { gcSeconds, lagMaxSeconds: value(/^lr_nodejs_eventloop_lag_max_seconds ([\d.e+-]+)$/m), lagP99Seconds: value(/^lr_nodejs_eventloop_lag_p99_seconds ([\d.e+-]+)$/m) };
    }),
  );
}

/** "GC 41 ms/s (major 12), event-loop delay p99 9 / max 48 ms": the APIs' pauses over a run, the worst process's delay. */
function runtimeLine(before: Awaited<ReturnType<typeof apiRuntime>>, after: Awaited<ReturnType<typeof apiRuntime>>, seconds: number): string {
  const gc = (kind?: string) => after.reduce((sum, a, i) => sum + Object.entries(a.gcSeconds).filter(([k]) => !kind || k === kind).reduce((t, [k, v]) => t + v - (before[i]!.gcSeconds[k] ?? 0), 0), 0);
  const perSecond = (s: number) => ((s * 1000) / seconds / after.length).toFixed(0);
  // Node's delay monitor records the whole interval between its samples, so the interval is taken off to leave the delay.
  const delay = (s: number) => Math.max(0, s * 1000 - EVENT_LOOP_SAMPLE_MS).toFixed(0);
  return `GC ${perSecond(gc())} ms/s per process (major ${perSecond(gc('major'))}), event-loop delay p99 ${delay(Math.max(...after.map((a) => a.lagP99Seconds)))} / max ${delay(Math.max(...after.map((a) => a.lagMaxSeconds)))} ms`;
}

/** Cores each part of the system kept busy over the whole run and while the slowest answers waited, e.g. "workers 0.02 / 0.41". */
function besideLine(run: Record<string, number>, slowest: Record<string, number>): string {
  return Object.keys(run)
    .map((k) => `${k} ${run[k]!.toFixed(2)} / ${(slowest[k] ?? NaN).toFixed(2)}`)
    .join(', ');
}

async function main() {
  const machine = await machineSnapshot();
  const workDir = benchWorkDir();
  process.stdout.write(`› ${SHAPE === 'dev' ? 'dev shape on PostgreSQL' : 'production shape'}: starting…\n`);
  const shape =
    SHAPE === 'dev'
      ? await startDevShape({ procedureConfig: BENCH_PROCEDURE_CONFIG, workDir, postgres: { name: 'lr_bench_read_dev' } })
      : await startClusterShape({ procedureConfig: BENCH_PROCEDURE_CONFIG, workDir, name: 'lr_bench_read', basePort: 18200 });
  try {
    const s = await sessions(shape);
    // Templates: each kind stopped at the start, a third, two thirds and the end of its procedure.
    const templateSpecs = KIND_SCRIPTS.flatMap((script, k) => [0, 1 / 3, 2 / 3, 1].map((f, j) => ({ i: k + KIND_SCRIPTS.length * j, steps: Math.round(script.steps.length * f) })));
    process.stdout.write(`› ${templateSpecs.length} template matters through part or all of their procedure…\n`);
    const templateIds: string[] = [];
    await pool(templateSpecs, 4, async ({ i, steps }) => {
      templateIds.push((await driveMatter(shape.apiUrl, s, i, { stepsLimit: steps })).id);
    });
    const db = await openDatabase({ databaseUrl: shape.databaseUrl!, dataDir: workDir, poolMax: 3 });
    const seedStart = Date.now();
    let ids: string[];
    try {
      const templates = await loadTemplates(db, templateIds);
      ids = await seedCopies(db, templates, { count: MATTERS, prefix: 'seed', trailEntries: WITH_TRAILS ? undefined : 0, onProgress: (n) => n % 2_000 === 0 && process.stdout.write(`  seeded ${n}\n`) });
      // The database as it is in service, not digesting a bulk load: vacuumed (the insert-driven autovacuum of
      // the copied rows would otherwise run during the measured rates) and checkpointed (the load's dirty pages
      // written out before, not during).
      for (const table of ['matter', 'matter_version', 'trail_entry']) await db.query(`VACUUM (ANALYZE) ${table}`);
      await db.query('CHECKPOINT');
    } finally {
      await db.close();
    }
    const seedSeconds = (Date.now() - seedStart) / 1000;
    process.stdout.write(`› seeded ${MATTERS} matters in ${seedSeconds.toFixed(0)} s\n`);
    const stages = await (async () => {
      const c = new Pool({ connectionString: shape.databaseUrl!, max: 1 });
      try {
        return (await c.query<{ stage: string; n: string }>('SELECT stage, count(*) AS n FROM matter GROUP BY stage ORDER BY 2 DESC')).rows.map((r) => `${r.stage} ${r.n}`).join(', ');
      } finally {
        await c.end();
      }
    })();

    process.stdout.write('› EXPLAIN of the list queries…\n');
    const explain = await explainLists(shape.databaseUrl!);

    const auth = { authorization: `Bearer ${s.tokens.legal}` };
    // Status requests spread over the matters (a stride prime to their number visits each once before repeating).
    const statusPaths = ids.map((_, i) => `/api/v1/matters/${ids[(i * 7919) % ids.length]}`);
    const listPaths = LIST_CASES.filter((c) => c.who === 'legal').map((c) => `/api/v1/matters${Object.keys(c.query).length ? `?${new URLSearchParams(c.query)}` : ''}`);
    // Warm-up of both endpoints, not measured: each API process's JIT, token cache and connection pool (the
    // first measured rate otherwise pays for compiling the handlers: p99 ~450 ms at 400 req/s, then 23 ms at 500).
    for (const paths of [statusPaths, listPaths]) await pacedLoad({ baseUrl: shape.apiUrl, paths, headers: auth, ratePerSecond: 200, durationMs: 5_000 });
    const runs: Array<{ endpoint: string; r: PacedLoadResult; load: number; cpuPerAnswer: number; frontCpu: number; clientCpu: number; beside: string; runtime: string }> = [];
    // CPU the serving processes spent per answer: unlike latency, barely moved by other agents' load on the machine.
    // The front's share and the client's (the load generator's own process, which shares the cores) are shown on their own.
    const cpuOf = (pids: number[]) => pids.reduce((sum, pid) => sum + cpuMs(pid), 0);
    const servingCpu = () => cpuOf(shape.servingPids());
    const frontCpu = () => cpuOf(shape.frontPids());
    for (const [endpoint, paths] of [
      ['GET /api/v1/matters/:id (status, projection)', statusPaths],
      ['GET /api/v1/matters (list, 50 per page; the five legal-unit cases in turn)', listPaths],
    ] as const) {
      for (const rate of RATES) {
        process.stdout.write(`› ${endpoint} at ${rate} req/s for ${SECONDS} s…\n`);
        const runtimeBefore = await apiRuntime(shape.apiMetricsUrls);
        const [cpuBefore, frontBefore] = [servingCpu(), frontCpu()];
        // What else ran on the cores, sampled through the run: set against when the slowest answers were waiting.
        const timeline = sampleCpu(shape.cpuGroups);
        const startedAt = Date.now();
        const r = await pacedLoad({ baseUrl: shape.apiUrl, paths, headers: auth, ratePerSecond: rate, durationMs: SECONDS * 1000 });
        const samples = timeline.stop();
        const answers = Math.max(1, r.ok);
        const cpuPerAnswer = (servingCpu() - cpuBefore) / answers;
        const beside = besideLine(coresDuring(samples, [[startedAt, Date.now()]]), coresDuring(samples, r.slowest));
        const runtime = runtimeLine(runtimeBefore, await apiRuntime(shape.apiMetricsUrls), (Date.now() - startedAt) / 1000);
        const run = { endpoint, r, load: os.loadavg()[0]!, cpuPerAnswer, frontCpu: (frontCpu() - frontBefore) / answers, clientCpu: r.clientCpuMs / answers, beside, runtime };
        runs.push(run);
        process.stdout.write(`  ${r.ok}/${r.sent} ok, ${r.achievedRate.toFixed(0)} req/s answered, p50 ${ms(r.latency.p50)} p99 ${ms(r.latency.p99)} ms, dropped ${r.dropped}, errors ${JSON.stringify(r.errors)}, CPU ms per answer: serving ${cpuPerAnswer.toFixed(2)} (front ${run.frontCpu.toFixed(2)}), client ${run.clientCpu.toFixed(2)}, load ${os.loadavg()[0]!.toFixed(1)}\n  APIs: ${runtime}\n  cores busy, whole run / while the slowest 1 % waited: ${beside}\n`);
      }
    }
    const results = table(
      ['endpoint', 'offered req/s', 'answered req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors / dropped', 'serving CPU ms per answer (of it the front)', 'client CPU ms per answer', 'cores busy: whole run / while the slowest 1 % waited', 'API processes: garbage collection, event-loop delay', 'load (1 min) after'],
      runs.map(({ endpoint, r, load, cpuPerAnswer, frontCpu, clientCpu, beside, runtime }) => [endpoint, r.offeredRate, r.achievedRate.toFixed(0), ms(r.latency.p50), ms(r.latency.p95), ms(r.latency.p99), ms(r.latency.max), `${Object.values(r.errors).reduce((a, b) => a + b, 0)} / ${r.dropped}`, `${cpuPerAnswer.toFixed(2)} (${frontCpu.toFixed(2)})`, clientCpu.toFixed(2), beside, runtime, load.toFixed(1)]),
    );
    const body = `## Read path at fixed offered rates${SHAPE === 'dev' ? ', dev shape on PostgreSQL' : ''} (\`${SHAPE === 'dev' ? 'READ_SHAPE=dev ' : ''}READ_MATTERS=${MATTERS} READ_RATES=${RATES.join(',')} READ_SECONDS=${SECONDS} npm run bench:read\`)

${machineLine(machine)}

${shape.description}. ${MATTERS.toLocaleString('en')} matters in the app's PostgreSQL database: ${templateSpecs.length} taken
by the system through 0, ⅓, ⅔ and all of their procedure (each kind), copied in bulk with their versions${WITH_TRAILS ? ' and re-hashed trails' : ' and without trail rows (READ_TRAILS=1 adds them, re-hashed; the status endpoint reads only the reminders from the trail, one index lookup either way)'}
(${seedSeconds.toFixed(0)} s); by stage: ${stages}. Requests through the round-robin front as the
legal unit (who sees every matter), open loop: each leaves on schedule whatever the answers do, latency counted
from when it was due, at most 256 in flight (beyond that a request is dropped and counted), an answer slower than 10 s
counted as an error (timeout): latencies near 10 s mean the system was saturated. The client (a process of its own) runs on the same
${os.cpus().length} cores as the system it measures. *Cores busy* is each part's CPU sampled every 250 ms from /proc (\`machine\`: every process,
the client and the benchmark included), over the whole run and over the time the slowest 1 % of answers were outstanding (due to answered): what
else ran while the tail formed. *API processes*: their own runtime metrics (/metrics of each, prom-client's defaults) over the run: time in
garbage collection per second of the run, averaged over the processes, and the event loop's delay (the worst process's p99 and maximum).

${results}

Target: p99 ≤ 20 ms at 500 req/s on the production shape.${SHAPE === 'dev' ? ' (This run: the dev shape, one process.)' : ''}

### EXPLAIN (ANALYZE, BUFFERS) of the list queries, as the endpoint sends them

${explain}
`;
    publishSection(SHAPE === 'dev' ? 'read-path-dev' : 'read-path', body, workDir);
  } finally {
    await shape.stop();
  }
}

runBenchmark(main);
