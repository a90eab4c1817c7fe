/** The API process alone (production: scale it out separately from the workers). */
import { loadConfigOrExit } from '../platform/config';
import { createLogger } from '../platform/logger';
import { startSystem } from '../platform/system';
import { requireSharedServices } from '../platform/separateProcesses';

async function main() {
  const config = loadConfigOrExit();
  requireSharedServices(config, 'api');
  const log = createLogger(config, 'legality-review-api');
  const system = await startSystem({ config, log, runWorker: false, runApi: true });
  const stop = () => void system.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`API failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
