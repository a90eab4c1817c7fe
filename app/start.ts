/**
 * `npm start`: the whole system in one process on the embedded default — a local Temporal dev server,
 * the embedded database, the worker and the API (with the web app). Ctrl-C stops everything cleanly.
 */
import { ConfigError, loadConfigOrExit } from '../platform/config';
import { createLogger } from '../platform/logger';
import { startSystem } from './system';

async function main() {
  const config = loadConfigOrExit();
  const log = createLogger(config);
  const system = await startSystem({ config, log, runWorker: true, runApi: true });
  log.info(`Ready. Open ${system.apiUrl}/ — database: ${system.db.description}; Temporal: ${system.temporalAddress}. Ctrl-C to stop.`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping API, worker, database and Temporal…`);
    await system.stop();
    log.info('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(78); // EX_CONFIG, like every other bad setting
  }
  process.stderr.write(`Start failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
