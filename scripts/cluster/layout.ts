import path from 'node:path';

/**
 * Where everything of one local production-shaped cluster lives: ports, databases, folders. Everything is
 * derived from a name and a base port so a second cluster (the fault suite's) can run beside a developer's.
 *
 * Environment: CLUSTER_NAME (lr_cluster), DATA_DIR (.data/cluster), CLUSTER_BASE_PORT (17200, the Temporal
 * frontend; the rest follow it), CLUSTER_PORT (front; base + 80), CLUSTER_PG_URL
 * (postgresql://postgres@127.0.0.1:5432/postgres), CLUSTER_PROFILE (production | demo), CLUSTER_WORKERS (2),
 * CLUSTER_APIS (2), PROCEDURE_CONFIG_PATH (passed to the app's processes), CLUSTER_TEMPORAL_PPROF (set: the
 * Temporal server serves Go's pprof on 127.0.0.1 at base + 22, to profile where its CPU goes).
 */
export type ClusterProfile = 'production' | 'demo';

export interface ClusterLayout {
  name: string;
  dataDir: string;
  profile: ClusterProfile;
  /** PROCEDURE_CONFIG_PATH for the app's processes (absolute), if any. */
  procedureConfigPath: string | null;
  /** Admin connection to the PostgreSQL server that holds the cluster's databases. */
  pgAdminUrl: string;
  databases: { temporal: string; visibility: string; app: string };
  temporal: {
    /** host:port of the frontend: the Temporal CLI and the app talk to this. */
    address: string;
    namespace: string;
    taskQueue: string;
    grpc: { frontend: number; history: number; matching: number; worker: number; internalFrontend: number };
    /** Stored as smallint in cluster_membership: must stay below 32768. */
    membership: { frontend: number; history: number; matching: number; worker: number; internalFrontend: number };
    httpPort: number;
    metricsPort: number;
    /** Go's pprof on 127.0.0.1 (CLUSTER_TEMPORAL_PPROF set), else null. */
    pprofPort: number | null;
  };
  frontPort: number;
  apiPorts: number[];
  /** Each worker serves /metrics (its own and the Temporal SDK's) here. */
  workerMetricsPorts: number[];
  /** The Temporal SDK's Prometheus exporter of each worker (merged into the worker's /metrics). */
  workerSdkMetricsPorts: number[];
  files: { logs: string; pids: string; temporalConfig: string; env: string; credentials: string };
}

const int = (v: string | undefined, fallback: number) => (v && /^\d+$/.test(v) ? Number(v) : fallback);

export function clusterLayout(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): ClusterLayout {
  const name = env.CLUSTER_NAME ?? 'lr_cluster';
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(name)) throw new Error(`CLUSTER_NAME must be lower-case letters, digits and _ (got ${JSON.stringify(name)})`);
  const base = int(env.CLUSTER_BASE_PORT, 17200);
  if (base < 1024 || base + 120 > 32767) throw new Error('CLUSTER_BASE_PORT must be between 1024 and 32647 (membership ports are smallint)');
  const profile = (env.CLUSTER_PROFILE ?? 'production') as ClusterProfile;
  if (profile !== 'production' && profile !== 'demo') throw new Error('CLUSTER_PROFILE must be production or demo');
  const dataDir = path.resolve(root, env.DATA_DIR ?? path.join('.data', 'cluster'));
  const workers = int(env.CLUSTER_WORKERS, 2);
  const apis = int(env.CLUSTER_APIS, 2);
  const front = int(env.CLUSTER_PORT, base + 80);
  return {
    name,
    dataDir,
    profile,
    procedureConfigPath: env.PROCEDURE_CONFIG_PATH ? path.resolve(root, env.PROCEDURE_CONFIG_PATH) : null,
    pgAdminUrl: env.CLUSTER_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
    databases: { temporal: `${name}_temporal`, visibility: `${name}_temporal_visibility`, app: `${name}_app` },
    temporal: {
      address: `127.0.0.1:${base}`,
      namespace: 'default',
      taskQueue: 'legality-review',
      grpc: { frontend: base, history: base + 1, matching: base + 2, worker: base + 3, internalFrontend: base + 4 },
      membership: { frontend: base + 10, history: base + 11, matching: base + 12, worker: base + 13, internalFrontend: base + 14 },
      httpPort: base + 20,
      metricsPort: base + 21,
      pprofPort: env.CLUSTER_TEMPORAL_PPROF ? base + 22 : null,
    },
    frontPort: front,
    apiPorts: Array.from({ length: apis }, (_, i) => base + 81 + i),
    workerMetricsPorts: Array.from({ length: workers }, (_, i) => base + 100 + i),
    workerSdkMetricsPorts: Array.from({ length: workers }, (_, i) => base + 110 + i),
    files: {
      logs: path.join(dataDir, 'logs'),
      pids: path.join(dataDir, 'pids'),
      temporalConfig: path.join(dataDir, 'temporal-config'),
      env: path.join(dataDir, 'cluster.env'),
      credentials: path.join(dataDir, 'credentials.json'),
    },
  };
}

/** postgresql:// URL of one of the cluster's databases on the admin URL's server. */
export function databaseUrl(layout: ClusterLayout, database: string): string {
  const url = new URL(layout.pgAdminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
