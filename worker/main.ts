/**
 * The worker process alone (production: scale it out separately from the API). Needs DATABASE_URL and
 * TEMPORAL_ADDRESS unless run for development beside nothing else.
 */
import { loadConfigOrExit } from '../platform/config';
import { createLogger } from '../platform/logger';
import { startSystem } from '../platform/system';
import { requireSharedServices } from '../platform/separateProcesses';

async function main() {
  const config = loadConfigOrExit();
  requireSharedServices(config, 'worker');
  const log = createLogger(config, 'legality-review-worker');
  const system = await startSystem({ config, log, runWorker: true, runApi: false });
  const stop = () => void system.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`Worker failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
