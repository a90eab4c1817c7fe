import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type http from 'node:http';
import { Client } from '@temporalio/client';
import type { Worker, WorkflowBundleOption } from '@temporalio/worker';
import { procedureProfile, type Config } from '../platform/config';
import type { Logger } from '../platform/logger';
import { openDatabase, type Database } from '../platform/database';
import { applyMigrations } from '../platform/migrate';
import { ensureTemporalCli } from '../platform/temporal/cli';
import { freePort, startDevServer, type DevServer } from '../platform/temporal/devServer';
import { connectClient, connectWorker } from '../platform/temporal/connection';
import { ensureSearchAttributes } from '../platform/temporal/searchAttributes';
import { installTemporalRuntime } from '../platform/temporal/runtime';
import { loadProcedureConfig } from '../platform/procedureConfig';
import { createWorker } from '../worker/createWorker';
import { startWorkerMetricsServer } from '../worker/metricsServer';
import { createApp } from '../api/app';
import { createAppServer } from '../api/http/appServer';
import { CalendarStore } from '../api/calendar/calendarStore';
import { refreshStaleProjections } from '../api/matters/refreshProjection';
import { seedDemoPeople, DEMO_USERS, DEMO_PASSWORD, ensureOrganisations } from '../api/people/demoPeople';
import { bootstrapAdmin } from '../api/people/bootstrapAdmin';

export const VERSION: string = (JSON.parse(fs.readFileSync(path.resolve(__dirname, '../package.json'), 'utf8')) as { version: string }).version;

export interface System {
  config: Config;
  db: Database;
  temporalAddress: string;
  client: Client;
  apiUrl: string | null;
  stop(): Promise<void>;
}

/**
 * Brings up what the process is asked to run, in dependency order: Temporal (a cluster, or a dev server
 * we start), the database (migrated), the worker and the API. `stop()` takes it down in reverse.
 */
export async function startSystem(opts: {
  config: Config;
  log: Logger;
  runWorker: boolean;
  runApi: boolean;
  workflowBundle?: WorkflowBundleOption;
}): Promise<System> {
  const { config, log } = opts;
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((err) => log.warn({ err }, 'error while stopping'));
  };
  try {
    // Checked before anything starts: a configuration that lowers a statutory floor is refused (ConfigError).
    const profile = procedureProfile(config);
    const procedureConfig = loadProcedureConfig({ path: config.PROCEDURE_CONFIG_PATH, profile });
    const dataDir = path.resolve(config.DATA_DIR);
    let devServer: DevServer | null = null;
    let temporalAddress = config.TEMPORAL_ADDRESS;
    if (!temporalAddress) {
      const cliPath = ensureTemporalCli({ explicitPath: config.TEMPORAL_CLI_PATH, log: (l) => log.info(l) });
      devServer = await startDevServer({ cliPath, dataDir: path.join(dataDir, 'temporal'), port: config.TEMPORAL_DEV_PORT, namespace: config.TEMPORAL_NAMESPACE, log: (l) => log.info(l) });
      stops.push(() => devServer!.stop());
      temporalAddress = devServer.address;
    }
    const { connection, close: closeConnection } = await connectClient(temporalAddress, config);
    stops.push(closeConnection);
    await ensureSearchAttributes(connection, config.TEMPORAL_NAMESPACE).catch((err: Error) =>
      // Temporal Cloud manages search attributes in its console; say so instead of failing.
      log.warn({ err: err.message }, 'could not register search attributes; add MatterKind, MatterStage, DraftingUnit (Keyword) to the namespace'),
    );
    const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
    log.info({ temporal: temporalAddress, namespace: config.TEMPORAL_NAMESPACE, dev: !!devServer }, `Temporal: ${temporalAddress} (${devServer ? 'local dev server' : 'external cluster'})`);

    const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir, poolMax: config.DATABASE_POOL_MAX });
    stops.push(() => db.close());
    // API and worker processes may start together on a new database: one at a time reads what is applied
    // and applies the rest, and creates the first admin.
    const applied = await db.withLock(STARTUP_LOCK, () => applyMigrations(db));
    log.info({ database: db.description, migrationsApplied: applied }, `Database: ${db.description}${applied.length ? ` (applied ${applied.join(', ')})` : ''}`);

    const signingSecret = config.SIGNING_KEY_SECRET ?? localSecret(dataDir);
    const today = new Date().toISOString().slice(0, 10);
    if (db.kind === 'embedded' && config.NODE_ENV !== 'production') {
      const created = await seedDemoPeople(db.prisma, signingSecret, today);
      log.warn(
        `\n${'!'.repeat(78)}\n!! DEMO ACCOUNTS ACTIVE (embedded database only): ${DEMO_USERS.map((u) => u.username).join(', ')}\n!! password "${DEMO_PASSWORD}" for each${created ? ` (${created} created now)` : ''}. Never use this database in production.\n${'!'.repeat(78)}`,
      );
    } else {
      // The retainer's period is set by an admin (PATCH /api/v1/organisations/law-firm); until then lawyers' own periods apply.
      await db.withLock(STARTUP_LOCK, async () => {
        await ensureOrganisations(db.prisma, null);
        if (config.ADMIN_BOOTSTRAP_PASSWORD) await bootstrapAdmin(db.prisma, config.ADMIN_BOOTSTRAP_PASSWORD, log);
      });
    }

    let worker: Worker | null = null;
    let sdkMetricsUrl: string | null = null;
    if (opts.runWorker) {
      sdkMetricsUrl = installTemporalRuntime(log, { metricsPort: config.TEMPORAL_METRICS_PORT ?? (await freePort()) });
      const nativeConnection = await connectWorker(temporalAddress, config);
      worker = await createWorker({
        connection: nativeConnection,
        namespace: config.TEMPORAL_NAMESPACE,
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        deps: { db, log, webhookUrl: config.NOTIFY_WEBHOOK_URL, signingSecret },
        workflowBundle: opts.workflowBundle,
        // In one process with the API, two connections stay free for people's requests.
        activityConnections: Math.max(1, config.DATABASE_POOL_MAX - (opts.runApi ? 2 : 0)),
        maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
      });
      const running = worker.run();
      stops.push(async () => {
        await nativeConnection.close().catch(() => undefined);
      });
      stops.push(async () => {
        if (worker!.getState() === 'RUNNING') worker!.shutdown();
        await running;
      });
      if (config.METRICS_PORT) {
        const metricsServer = await startWorkerMetricsServer({ port: config.METRICS_PORT, worker: () => worker, sdkMetricsUrl });
        stops.push(() => new Promise<void>((resolve) => metricsServer.close(() => resolve())));
      }
      log.info(`Worker polling task queue "${config.TEMPORAL_TASK_QUEUE}"${config.METRICS_PORT ? `; metrics on 127.0.0.1:${config.METRICS_PORT}/metrics` : ''}`);
    }

    if (profile === 'demo') {
      log.warn(`\n${'!'.repeat(78)}\n!! DEMO CLOCKS: the legality review minimum, time limits and filing/archiving deadlines\n!! run in seconds so a matter can be walked through quickly. Set PROCEDURE_PROFILE=statutory\n!! for the statutory working-day durations.\n${'!'.repeat(78)}`);
    }
    let apiUrl: string | null = null;
    if (opts.runApi) {
      const calendars = new CalendarStore(db.prisma);
      const refreshed = await refreshStaleProjections(db.prisma, procedureConfig, await calendars.calendar(), (matterId, err) => log.error({ matterId, err }, 'A stored matter state is unreadable; its due date and whose turn were not recomputed'));
      if (refreshed) log.info({ refreshed }, `Recomputed the due dates and whose turn of ${refreshed} matter(s) stored by earlier code`);
      const shutdown = new AbortController();
      // Runs after the HTTP server has closed (stops run in reverse) and before the worker and the connection.
      stops.push(async () => shutdown.abort());
      const app = createApp({
        shutdown: shutdown.signal,
        config,
        db,
        temporal: client,
        log,
        procedureConfig,
        calendars,
        temporalHealthy: () => connection.workflowService.getSystemInfo({}).then(() => true),
        version: VERSION,
        signingSecret,
        sdkMetricsUrl,
      });
      const server = await new Promise<http.Server>((resolve, reject) => {
        const s = createAppServer(app).listen(config.PORT, config.HOST, () => resolve(s));
        s.once('error', reject);
      });
      stops.push(() => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }));
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : config.PORT;
      apiUrl = `http://${config.HOST}:${port}`;
      log.info(`API: ${apiUrl}  (web: ${apiUrl}/  OpenAPI: ${apiUrl}/api/v1/openapi.json)`);
    }
    return { config, db, temporalAddress, client, apiUrl, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * Development only: a secret generated once and kept in DATA_DIR (production must set SIGNING_KEY_SECRET).
 * Created atomically: written in full under a private name, then linked into place only if no file is
 * there yet, so processes starting together all end up with the same secret and none reads a half-written one.
 */
export function localSecret(dataDir: string): string {
  const file = path.join(dataDir, 'signing-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    const draft = `${file}.${process.pid}.${crypto.randomUUID()}`;
    fs.writeFileSync(draft, crypto.randomBytes(32).toString('hex'), { mode: 0o600 });
    try {
      fs.linkSync(draft, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      fs.unlinkSync(draft);
    }
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** The advisory lock under which start-up reads then writes the shared database. */
const STARTUP_LOCK = 'legality-review:startup';
