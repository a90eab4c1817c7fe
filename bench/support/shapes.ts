/**
 * The two shapes the benchmarks run on, started fresh for a run and torn down after it:
 *  - dev: `npm start` (app/start.ts) as its own process — dev Temporal server, embedded database,
 *    worker and API in one process;
 *  - cluster: the production shape of scripts/cluster (Temporal on PostgreSQL, two workers, two APIs,
 *    round-robin front) under its own name, ports and databases, dropped afterwards.
 * Plus the baseline's worker processes (as many as the shape has workers) on the same Temporal server.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../platform/temporal/devServer';
import { WORKER_PROCESS_NODE_FLAGS } from '../../platform/temporal/workerProcessFlags';
import { clusterLayout, databaseUrl } from '../../scripts/cluster/layout';
import { clusterDown, clusterUp, REPO_ROOT } from '../../scripts/cluster/cluster';
import { provisionPeople } from '../../scripts/cluster/people';
import { ensureDatabase } from '../../scripts/cluster/temporalServer';
import { Client as PgClient } from 'pg';
import { childPids, postgresDatabaseCpu, postmasterPids, type CpuGroup } from './cpuAccounting';

export interface Shape {
  name: 'dev' | 'cluster';
  description: string;
  apiUrl: string;
  temporalAddress: string;
  namespace: string;
  password: string;
  workers: number;
  /** PIDs of the worker processes (for memory readings). */
  workerPids: () => number[];
  /** PIDs of the processes that answer HTTP (API processes and the front; the dev shape's one process). */
  servingPids: () => number[];
  /** Of those, the round-robin front (production shape only). */
  frontPids: () => number[];
  /** The app's PostgreSQL database (production shape only; the dev shape's is embedded in its process). */
  databaseUrl: string | null;
  /** Each worker's own /metrics (production shape only). */
  workerMetricsUrls: string[];
  /** Each API process's own /metrics, not through the front (the dev shape's one process). */
  apiMetricsUrls: string[];
  /** The Temporal SDK's own metrics of each of ours' worker processes (task timings). */
  sdkMetricsUrls: string[];
  /** The shape's parts whose CPU a benchmark reads (bench/support/cpuAccounting.ts). */
  cpuGroups: Record<string, CpuGroup>;
  stop(): Promise<void>;
}

const POSTGRES: CpuGroup = { roots: postmasterPids, tree: true };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitReady(url: string, child: ChildProcess | null, logFile: string, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`process exited (${child.exitCode}); see ${logFile}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).status === 200) return;
    } catch {
      /* not yet */
    }
    await sleep(300);
  }
  throw new Error(`${url} not ready in time; see ${logFile}`);
}

/**
 * Runs a process that hosts a Temporal worker — ours (app/start.ts) or the baseline's — with the flags every
 * worker process gets (platform/temporal/workerProcessFlags.ts), so both run on the same SDK configuration.
 */
function spawnLogged(entry: string, env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const out = fs.openSync(logFile, 'a');
  // BENCH_CPU_PROF=<dir>: V8 CPU profiles of the system's processes, written when they stop (for finding hot spots).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const child = spawn(process.execPath, [...profile, ...WORKER_PROCESS_NODE_FLAGS, '--import', 'tsx', entry], { cwd: REPO_ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

export function writeProcedureConfig(dir: string, config: unknown): string {
  const file = path.join(dir, 'procedure.json');
  fs.writeFileSync(file, JSON.stringify(config));
  return file;
}

/**
 * `npm start` as its own process. With `postgres`, its app database is a fresh one on the local PostgreSQL
 * server (dropped at stop) instead of the embedded one, with the people created through the admin API as
 * on the production shape: the same code paths as production against the same database, in one process.
 */
export async function startDevShape(opts: { procedureConfig: unknown; workDir: string; env?: Record<string, string>; postgres?: { adminUrl?: string; name: string } }): Promise<Shape> {
  const [port, temporalPort, sdkMetricsPort] = [await freePort(), await freePort(), await freePort()];
  const dataDir = path.join(opts.workDir, 'dev-data');
  fs.mkdirSync(dataDir, { recursive: true });
  const logFile = path.join(opts.workDir, 'dev-start.log');
  let databaseUrl: string | null = null;
  let dropDatabase = async (): Promise<void> => undefined;
  const creds = { adminPassword: `bench-admin-${process.pid}-${Date.now()}`, peoplePassword: `bench-people-${process.pid}-${Date.now()}`, signingKeySecret: 'b'.repeat(40) };
  if (opts.postgres) {
    const adminUrl = opts.postgres.adminUrl ?? process.env.CLUSTER_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
    const name = opts.postgres.name;
    const admin = async (sql: string) => {
      const c = new PgClient({ connectionString: adminUrl });
      await c.connect();
      await c.query(sql).finally(() => c.end());
    };
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`); // a fresh database for every run
    await ensureDatabase(adminUrl, name);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
  const child = spawnLogged('app/start.ts', {
    PORT: String(port),
    TEMPORAL_DEV_PORT: String(temporalPort),
    DATA_DIR: dataDir,
    PROCEDURE_CONFIG_PATH: writeProcedureConfig(opts.workDir, opts.procedureConfig),
    TEMPORAL_METRICS_PORT: String(sdkMetricsPort),
    LOG_LEVEL: 'info',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl, PROCEDURE_PROFILE: 'demo', ADMIN_BOOTSTRAP_PASSWORD: creds.adminPassword, SIGNING_KEY_SECRET: creds.signingKeySecret, DATABASE_POOL_MAX: '5' } : {}),
    ...opts.env,
  }, logFile);
  const apiUrl = `http://127.0.0.1:${port}`;
  try {
    await waitReady(`${apiUrl}/readyz`, child, logFile);
    if (databaseUrl) await provisionPeople(apiUrl, creds);
  } catch (err) {
    await stopChild(child);
    await dropDatabase();
    throw err;
  }
  return {
    name: 'dev',
    description: `\`npm start\` (app/start.ts) as one process: Temporal dev server (SQLite), ${databaseUrl ? 'the app database on the local PostgreSQL server (DATABASE_URL, demo clocks)' : 'embedded PGlite database'}, one worker and the API`,
    apiUrl,
    temporalAddress: `127.0.0.1:${temporalPort}`,
    namespace: 'default',
    password: databaseUrl ? creds.peoplePassword : 'demo',
    workers: 1,
    workerPids: () => (child.pid ? [child.pid] : []),
    servingPids: () => (child.pid ? [child.pid] : []),
    frontPids: () => [],
    databaseUrl,
    workerMetricsUrls: [],
    apiMetricsUrls: [`${apiUrl}/metrics`],
    sdkMetricsUrls: [`http://127.0.0.1:${sdkMetricsPort}/metrics`],
    cpuGroups: {
      // The one process: API, worker and (unless DATABASE_URL) the embedded database.
      app: { roots: () => (child.pid ? [child.pid] : []) },
      temporal: { roots: () => (child.pid ? childPids(child.pid) : []), tree: true },
      postgres: POSTGRES,
    },
    stop: async () => {
      await stopChild(child);
      await dropDatabase();
    },
  };
}

export async function startClusterShape(opts: { procedureConfig: unknown; workDir: string; name?: string; basePort?: number; workers?: number; env?: Record<string, string> }): Promise<Shape> {
  const layout = clusterLayout({
    CLUSTER_NAME: opts.name ?? 'lr_bench',
    CLUSTER_BASE_PORT: String(opts.basePort ?? 17600),
    DATA_DIR: path.join(opts.workDir, 'cluster'),
    CLUSTER_PROFILE: 'demo',
    PROCEDURE_CONFIG_PATH: writeProcedureConfig(opts.workDir, opts.procedureConfig),
    ...(opts.workers ? { CLUSTER_WORKERS: String(opts.workers) } : {}),
    // Another PostgreSQL server for the cluster (as `npm run cluster:up` takes it), e.g. one with pg_stat_statements loaded.
    ...(process.env.CLUSTER_PG_URL ? { CLUSTER_PG_URL: process.env.CLUSTER_PG_URL } : {}),
  });
  await clusterDown(layout, { dropDatabases: true }); // a fresh cluster for every run
  let info: Awaited<ReturnType<typeof clusterUp>>;
  try {
    // BENCH_CPU_PROF=<dir>: the app's processes write V8 CPU profiles there when they stop, as in the dev shape.
    if (process.env.BENCH_CPU_PROF) process.env.CLUSTER_CPU_PROF = process.env.BENCH_CPU_PROF;
    info = await clusterUp(layout, () => undefined, opts.env);
  } catch (err) {
    await clusterDown(layout, { dropDatabases: true }); // whatever did start, stopped by its PID file
    throw err;
  }
  const { runningPid } = await import('../../scripts/cluster/processes');
  const { TEMPORAL_PROCESS } = await import('../../scripts/cluster/temporalServer');
  const pids = (...names: string[]) => () => names.map((n) => runningPid(layout.files, n)).filter((p): p is number => p !== null);
  return {
    name: 'cluster',
    description: `production shape (scripts/cluster): Temporal server ${'v1.29.1'} on PostgreSQL (persistence + visibility), ${layout.workerMetricsPorts.length} worker processes, ${layout.apiPorts.length} API processes behind the round-robin front, app database on PostgreSQL; demo clocks (NODE_ENV=development, PROCEDURE_PROFILE=demo) with the bench's procedure configuration`,
    apiUrl: info.apiUrl,
    temporalAddress: layout.temporal.address,
    namespace: layout.temporal.namespace,
    password: info.credentials.peoplePassword,
    workers: layout.workerMetricsPorts.length,
    workerPids: () => layout.workerMetricsPorts.map((_, i) => runningPid(layout.files, `worker-${i + 1}`)).filter((p): p is number => p !== null),
    servingPids: () => [...layout.apiPorts.map((_, i) => runningPid(layout.files, `api-${i + 1}`)), runningPid(layout.files, 'front')].filter((p): p is number => p !== null),
    frontPids: () => [runningPid(layout.files, 'front')].filter((p): p is number => p !== null),
    databaseUrl: databaseUrl(layout, layout.databases.app),
    workerMetricsUrls: layout.workerMetricsPorts.map((p) => `http://127.0.0.1:${p}/metrics`),
    apiMetricsUrls: layout.apiPorts.map((p) => `http://127.0.0.1:${p}/metrics`),
    sdkMetricsUrls: layout.workerSdkMetricsPorts.map((p) => `http://127.0.0.1:${p}/metrics`),
    cpuGroups: {
      workers: { roots: pids(...layout.workerMetricsPorts.map((_, i) => `worker-${i + 1}`)) },
      apis: { roots: pids(...layout.apiPorts.map((_, i) => `api-${i + 1}`)) },
      front: { roots: pids('front') },
      temporal: { roots: pids(TEMPORAL_PROCESS), tree: true },
      postgres: POSTGRES,
      // Of PostgreSQL's CPU, what each database's connections took: Temporal's history and its visibility
      // (search attributes, listings) apart from the app's own.
      'postgres: Temporal history': postgresDatabaseCpu(layout.databases.temporal),
      'postgres: Temporal visibility': postgresDatabaseCpu(layout.databases.visibility),
      'postgres: app database': postgresDatabaseCpu(layout.databases.app),
    },
    stop: async () => {
      await clusterDown(layout, { dropDatabases: true });
    },
  };
}

/** The baseline's worker processes on the shape's Temporal server. */
export async function startBareWorkers(shape: Shape, taskQueue: string, workDir: string): Promise<{ pids(): number[]; sdkMetricsUrls: string[]; stop(): Promise<void> }> {
  const metricsPorts: number[] = [];
  for (let i = 0; i < shape.workers; i++) metricsPorts.push(await freePort());
  const children = metricsPorts.map((metricsPort, i) => {
    const logFile = path.join(workDir, `bare-worker-${i + 1}.log`);
    return { child: spawnLogged('bench/procedure/bareWorker.ts', { BARE_TEMPORAL_ADDRESS: shape.temporalAddress, BARE_NAMESPACE: shape.namespace, BARE_TASK_QUEUE: taskQueue, BARE_METRICS_PORT: String(metricsPort) }, logFile), logFile };
  });
  const deadline = Date.now() + 240_000;
  for (const { child, logFile } of children) {
    while (!(fs.existsSync(logFile) && fs.readFileSync(logFile, 'utf8').includes('bare worker polling'))) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`bare worker did not start; see ${logFile}`);
      await sleep(200);
    }
  }
  return {
    pids: () => children.map(({ child }) => child.pid).filter((p): p is number => p !== undefined),
    sdkMetricsUrls: metricsPorts.map((p) => `http://127.0.0.1:${p}/metrics`),
    stop: async () => void (await Promise.all(children.map(({ child }) => stopChild(child)))),
  };
}

export function benchWorkDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'lr-bench-'));
}

/** Resident memory of a process, from /proc (kB → MiB). */
export function rssMiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}
