import { ConfigError, loadConfigOrExit } from '../platform/config';
import { createLogger } from '../platform/logger';
import { startSystem } from './system';
import { requireSharedServices } from './separateProcesses';

/**
 * Entry point of a process that runs only the API or only the worker (production: scaled separately).
 * Both need the shared database and Temporal; Ctrl-C / SIGTERM stop them cleanly.
 */
export function runProcess(role: 'api' | 'worker'): void {
  const config = loadConfigOrExit();
  requireSharedServices(config, role);
  const log = createLogger(config, `legality-review-${role}`);
  startSystem({ config, log, runWorker: role === 'worker', runApi: role === 'api' })
    .then((system) => {
      const stop = () => void system.stop().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    })
    .catch((err: unknown) => {
      if (err instanceof ConfigError) {
        process.stderr.write(`${err.message}\n`);
        process.exit(78); // EX_CONFIG
      }
      process.stderr.write(`${role} failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    });
}
