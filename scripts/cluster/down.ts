/**
 * `npm run cluster:down`: stops the cluster's processes by their PID files (front, APIs, workers, Temporal).
 * The databases stay, so `cluster:up` resumes every matter; `-- --drop` drops them too.
 */
import { clusterLayout } from './layout';
import { clusterDown } from './cluster';

const drop = process.argv.includes('--drop');
clusterDown(clusterLayout(), { dropDatabases: drop })
  .then((stopped) => process.stdout.write(`stopped: ${stopped.length ? stopped.join(', ') : 'nothing was running'}${drop ? '; databases dropped' : ''}\n`))
  .catch((err: unknown) => {
    process.stderr.write(`cluster:down failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
