import type { Config } from '../platform/config';

/**
 * The API and the worker as separate processes must share one database and one Temporal server: the
 * embedded database lives inside a single process, and each process would otherwise start its own dev
 * server. Say so in one line instead of failing obscurely later.
 */
export function requireSharedServices(config: Config, who: 'api' | 'worker'): void {
  const missing = [!config.DATABASE_URL && 'DATABASE_URL', !config.TEMPORAL_ADDRESS && 'TEMPORAL_ADDRESS'].filter(Boolean);
  if (missing.length) {
    process.stderr.write(`Configuration error: ${missing.join(' and ')} must be set to run the ${who} as its own process (use \`npm start\` for everything in one process)\n`);
    process.exit(78);
  }
}
