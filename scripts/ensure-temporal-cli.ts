/** Prints the path of the Temporal CLI, building it once with Go when it is nowhere to be found. */
import { ensureTemporalCli } from '../platform/temporal/cli';

try {
  const cli = ensureTemporalCli({ explicitPath: process.env.TEMPORAL_CLI_PATH || undefined });
  process.stdout.write(`› Temporal CLI: ${cli}\n`);
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
}
