import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { clusterLayout, databaseUrl, type ClusterLayout } from './layout';
import { ensureTemporalServerBinaries } from './temporalBinaries';
import { ensureDatabase, ensureNamespace, setupTemporalSchemas, startTemporalServer, TEMPORAL_PROCESS, waitForFrontend, writeServerConfig } from './temporalServer';
import { logPath, runningPid, startDetached, stopProcess } from './processes';
import { provisionPeople, type Credentials } from './people';
import { WORKER_PROCESS_NODE_FLAGS } from '../../platform/temporal/workerProcessFlags';
import { SERVER_PROCESS_NODE_FLAGS } from '../../platform/serverProcessFlags';

/**
 * The production shape on one machine: a Temporal server on PostgreSQL (persistence and visibility), two
 * worker processes, two API processes and a round-robin front on one port, all detached with PID files and
 * logs in DATA_DIR. `clusterUp` is idempotent (what runs is left running); `clusterDown` stops by PID.
 */
export const REPO_ROOT = path.resolve(__dirname, '../..');

export const workerName = (i: number) => `worker-${i + 1}`;
export const apiName = (i: number) => `api-${i + 1}`;
export const FRONT = 'front';

/** Generated once per cluster, kept in DATA_DIR (mode 600): the admin's and people's passwords, the signing secret. */
export function clusterCredentials(layout: ClusterLayout): Credentials {
  const file = layout.files.credentials;
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as Credentials;
  const creds: Credentials = {
    adminPassword: crypto.randomBytes(18).toString('base64url'),
    peoplePassword: crypto.randomBytes(12).toString('base64url'),
    signingKeySecret: crypto.randomBytes(32).toString('hex'),
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(creds, null, 2), { mode: 0o600 });
  return creds;
}

/** The environment of the app's processes: production settings, or the demo clocks on the same topology. */
export function appEnv(layout: ClusterLayout, creds: Credentials, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...(layout.profile === 'production' ? { NODE_ENV: 'production' } : { NODE_ENV: 'development', PROCEDURE_PROFILE: 'demo' }),
    DATABASE_URL: databaseUrl(layout, layout.databases.app),
    TEMPORAL_ADDRESS: layout.temporal.address,
    TEMPORAL_NAMESPACE: layout.temporal.namespace,
    TEMPORAL_TASK_QUEUE: layout.temporal.taskQueue,
    SIGNING_KEY_SECRET: creds.signingKeySecret,
    ADMIN_BOOTSTRAP_PASSWORD: creds.adminPassword,
    LOG_LEVEL: process.env.CLUSTER_LOG_LEVEL ?? 'info',
    // Four processes share one PostgreSQL server with Temporal (and, here, with other people's tests).
    DATABASE_POOL_MAX: process.env.CLUSTER_DB_POOL_MAX ?? '5',
    ...(layout.procedureConfigPath ? { PROCEDURE_CONFIG_PATH: layout.procedureConfigPath } : {}),
    ...extra,
  };
}

/** `node --import tsx <entry>`: the same entry as `npm run start:api|start:worker`, without a wrapper process in between (kill -9 must hit the real one). */
function nodeEntry(entry: string, flags: readonly string[] = []) {
  // CLUSTER_CPU_PROF=<dir> (the benchmarks' BENCH_CPU_PROF): V8 CPU profiles written there when the process stops.
  const profile = process.env.CLUSTER_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.CLUSTER_CPU_PROF)}`] : [];
  return { command: process.execPath, args: [...profile, ...flags, '--import', 'tsx', entry] };
}

export function startWorker(layout: ClusterLayout, creds: Credentials, i: number, extraEnv: Record<string, string> = {}): number {
  const name = workerName(i);
  return runningPid(layout.files, name) ?? startDetached(layout.files, {
    name,
    ...nodeEntry(path.join(REPO_ROOT, 'app/worker.ts'), WORKER_PROCESS_NODE_FLAGS),
    cwd: REPO_ROOT,
    env: appEnv(layout, creds, { DATA_DIR: path.join(layout.dataDir, name), METRICS_PORT: String(layout.workerMetricsPorts[i]), TEMPORAL_METRICS_PORT: String(layout.workerSdkMetricsPorts[i]), ...extraEnv }),
  });
}

export function startApi(layout: ClusterLayout, creds: Credentials, i: number, extraEnv: Record<string, string> = {}): number {
  const name = apiName(i);
  return runningPid(layout.files, name) ?? startDetached(layout.files, {
    name,
    ...nodeEntry(path.join(REPO_ROOT, 'app/api.ts'), SERVER_PROCESS_NODE_FLAGS),
    cwd: REPO_ROOT,
    env: appEnv(layout, creds, { DATA_DIR: path.join(layout.dataDir, name), PORT: String(layout.apiPorts[i]), HOST: '127.0.0.1', ...extraEnv }),
  });
}

export function startFront(layout: ClusterLayout): number {
  return runningPid(layout.files, FRONT) ?? startDetached(layout.files, {
    name: FRONT,
    ...nodeEntry(path.join(REPO_ROOT, 'scripts/cluster/front.ts')),
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, FRONT_PORT: String(layout.frontPort), FRONT_UPSTREAMS: layout.apiPorts.map((p) => `127.0.0.1:${p}`).join(',') },
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls an HTTP URL until it answers 200; fails early when the process behind it has died. */
export async function waitForHttp(url: string, opts: { layout: ClusterLayout; name: string; timeoutMs?: number }): Promise<void> {
  const deadline = Date.now() + (opts.timeoutMs ?? 180_000);
  while (Date.now() < deadline) {
    if (!runningPid(opts.layout.files, opts.name)) throw new Error(`${opts.name} exited; see ${logPath(opts.layout.files, opts.name)}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
    } catch {
      /* not yet */
    }
    await sleep(300);
  }
  throw new Error(`${url} did not answer 200 in time; see ${logPath(opts.layout.files, opts.name)}`);
}

/** A worker is ready when its /healthz answers 200 (served once it polls its task queue). */
export const workerReadyUrl = (layout: ClusterLayout, i: number) => `http://127.0.0.1:${layout.workerMetricsPorts[i]}/healthz`;
export const waitForWorker = (layout: ClusterLayout, i: number) => waitForHttp(workerReadyUrl(layout, i), { layout, name: workerName(i), timeoutMs: 240_000 });
export const apiReadyUrl = (layout: ClusterLayout, i: number) => `http://127.0.0.1:${layout.apiPorts[i]}/readyz`;
export const frontUrl = (layout: ClusterLayout) => `http://127.0.0.1:${layout.frontPort}`;

export interface ClusterInfo {
  layout: ClusterLayout;
  credentials: Credentials;
  apiUrl: string;
}

/** `extraEnv` reaches the app's processes (the benchmarks set WORKFLOW_CONTINUE_AS_NEW_EVENTS this way). */
export async function clusterUp(layout: ClusterLayout = clusterLayout(), log: (l: string) => void = (l) => process.stdout.write(`${l}\n`), extraEnv: Record<string, string> = {}): Promise<ClusterInfo> {
  fs.mkdirSync(layout.dataDir, { recursive: true });
  const creds = clusterCredentials(layout);
  const bins = ensureTemporalServerBinaries(log);

  log(`› Temporal schemas on ${new URL(layout.pgAdminUrl).host} (${layout.databases.temporal}, ${layout.databases.visibility})`);
  await setupTemporalSchemas(layout, bins, log);
  if (await ensureDatabase(layout.pgAdminUrl, layout.databases.app)) log(`created database ${layout.databases.app}`);

  writeServerConfig(layout);
  const server = startTemporalServer(layout, bins);
  log(`› Temporal server ${server.started ? 'started' : 'already running'} (pid ${server.pid}) on ${layout.temporal.address}`);
  const connection = await waitForFrontend(layout);
  try {
    await ensureNamespace(connection, layout.temporal.namespace, log);
  } finally {
    await connection.close();
  }

  // The first API process applies the migrations and creates the admin; the others start once it is ready,
  // so two processes never migrate the same database at once.
  startApi(layout, creds, 0, extraEnv);
  await waitForHttp(apiReadyUrl(layout, 0), { layout, name: apiName(0) });
  for (let i = 1; i < layout.apiPorts.length; i++) startApi(layout, creds, i, extraEnv);
  for (let i = 0; i < layout.workerMetricsPorts.length; i++) startWorker(layout, creds, i, extraEnv);
  startFront(layout);
  await Promise.all([
    ...layout.apiPorts.map((_, i) => waitForHttp(apiReadyUrl(layout, i), { layout, name: apiName(i) })),
    ...layout.workerMetricsPorts.map((_, i) => waitForWorker(layout, i)),
    waitForHttp(`${frontUrl(layout)}/healthz`, { layout, name: FRONT }),
  ]);
  const created = await provisionPeople(frontUrl(layout), creds);
  if (created) log(`› created ${created} people through the admin API`);

  const env = [
    `API_URL=${frontUrl(layout)}`,
    `TEMPORAL_ADDRESS=${layout.temporal.address}`,
    `TEMPORAL_NAMESPACE=${layout.temporal.namespace}`,
    `DATABASE_URL=${databaseUrl(layout, layout.databases.app)}`,
    `WALKTHROUGH_PASSWORD=${creds.peoplePassword}`,
    `CLUSTER_PROFILE=${layout.profile}`,
  ];
  fs.writeFileSync(layout.files.env, `${env.join('\n')}\n`, { mode: 0o600 });
  return { layout, credentials: creds, apiUrl: frontUrl(layout) };
}

/** Every process of the cluster, in the order they are stopped. */
export function processNames(layout: ClusterLayout): string[] {
  return [FRONT, ...layout.apiPorts.map((_, i) => apiName(i)), ...layout.workerMetricsPorts.map((_, i) => workerName(i)), TEMPORAL_PROCESS];
}

export async function clusterDown(layout: ClusterLayout = clusterLayout(), opts: { dropDatabases?: boolean } = {}): Promise<string[]> {
  const stopped: string[] = [];
  for (const name of processNames(layout)) if (await stopProcess(layout.files, name)) stopped.push(name);
  if (opts.dropDatabases) {
    const { Client } = await import('pg');
    const admin = new Client({ connectionString: layout.pgAdminUrl });
    await admin.connect();
    for (const db of Object.values(layout.databases)) await admin.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
    await admin.end();
  }
  return stopped;
}
