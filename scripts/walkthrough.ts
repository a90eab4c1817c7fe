/**
 * `npm run demo:walkthrough`: drives one matter of each kind to its end through the HTTP API of the
 * running system at API_URL (default http://127.0.0.1:$PORT), as the demo people, printing each step.
 * On a production-shaped cluster the same people exist with the password in WALKTHROUGH_PASSWORD
 * (`npm run cluster:up` writes both variables to DATA_DIR/cluster.env).
 */
import { runWalkthrough } from './walkthrough/scenarios';

const baseUrl = process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
process.stdout.write(`Walkthrough against ${baseUrl}\n`);
runWalkthrough(baseUrl, undefined, process.env.WALKTHROUGH_PASSWORD || 'demo')
  .then((results) => {
    const ok = Object.values(results).every((r) => r.trailValid && ['issued', 'decided', 'contract_closed'].includes(r.stage));
    process.stdout.write(ok ? '\nWalkthrough complete.\n' : '\nWalkthrough finished with unexpected states.\n');
    process.exit(ok ? 0 : 1);
  })
  .catch((err: unknown) => {
    process.stderr.write(`\nWalkthrough failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
