/**
 * The fault suite's own production-shaped cluster (scripts/cluster): its own name, databases, ports and
 * DATA_DIR, so it never touches a developer's cluster or another run's. NODE_ENV=production with the
 * statutory clocks: the scenarios drive matters through steps that need no waiting on a clock.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client as PgClient } from 'pg';
import { clusterLayout, databaseUrl, type ClusterLayout } from '../../../scripts/cluster/layout';
import { apiName, apiReadyUrl, clusterDown, clusterUp, startApi, startWorker, waitForHttp, waitForWorker, workerName, type ClusterInfo } from '../../../scripts/cluster/cluster';
import { killHard, runningPid } from '../../../scripts/cluster/processes';
import { ensureTemporalServerBinaries } from '../../../scripts/cluster/temporalBinaries';
import { startTemporalServer, TEMPORAL_PROCESS, waitForFrontend } from '../../../scripts/cluster/temporalServer';

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/** A base port whose whole range (base … base+120) is free, below the smallint limit of membership ports. */
async function freeBase(): Promise<number> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const base = 18_000 + Math.floor(Math.random() * 110) * 130;
    const probes = [0, 1, 2, 3, 4, 10, 11, 12, 13, 14, 20, 21, 80, 81, 82, 100, 101, 110, 111].map((o) => base + o);
    if ((await Promise.all(probes.map(portFree))).every(Boolean)) return base;
  }
  throw new Error('no free port range for the fault cluster');
}

export interface FaultCluster extends ClusterInfo {
  appDatabaseUrl: string;
  killWorker(i: number): Promise<void>;
  restartWorker(i: number): Promise<void>;
  killApi(i: number): Promise<void>;
  restartApi(i: number): Promise<void>;
  killTemporal(): Promise<void>;
  restartTemporal(): Promise<void>;
  /** Ends every connection the app's processes hold to their database; returns how many. */
  terminateAppConnections(): Promise<number>;
  down(): Promise<void>;
}

export async function startFaultCluster(): Promise<FaultCluster> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lr-faults-'));
  const layout: ClusterLayout = clusterLayout({
    CLUSTER_NAME: `lr_faults_${process.pid}`,
    CLUSTER_BASE_PORT: String(await freeBase()),
    DATA_DIR: dataDir,
    CLUSTER_PROFILE: 'production',
    CLUSTER_PG_URL: process.env.TEST_PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
  });
  let info: ClusterInfo;
  try {
    info = await clusterUp(layout, () => undefined);
  } catch (err) {
    await clusterDown(layout, { dropDatabases: true }); // never leave a half-started cluster behind
    throw err;
  }
  const bins = ensureTemporalServerBinaries();
  const appDatabaseUrl = databaseUrl(layout, layout.databases.app);
  return {
    ...info,
    appDatabaseUrl,
    killWorker: async (i) => void (await killHard(layout.files, workerName(i))),
    restartWorker: async (i) => {
      startWorker(layout, info.credentials, i);
      await waitForWorker(layout, i);
    },
    killApi: async (i) => void (await killHard(layout.files, apiName(i))),
    restartApi: async (i) => {
      startApi(layout, info.credentials, i);
      await waitForHttp(apiReadyUrl(layout, i), { layout, name: apiName(i) });
    },
    killTemporal: async () => void (await killHard(layout.files, TEMPORAL_PROCESS)),
    restartTemporal: async () => {
      startTemporalServer(layout, bins);
      await (await waitForFrontend(layout)).close();
    },
    terminateAppConnections: async () => {
      const admin = new PgClient({ connectionString: layout.pgAdminUrl });
      await admin.connect();
      try {
        const { rowCount } = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [layout.databases.app]);
        return rowCount ?? 0;
      } finally {
        await admin.end();
      }
    },
    down: async () => {
      await clusterDown(layout, { dropDatabases: true });
      if (!process.env.KEEP_FAULT_LOGS) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const isRunning = (c: FaultCluster, name: string) => runningPid(c.layout.files, name) !== null;
