/**
 * `npm run cluster:up`: the production shape on this machine (see scripts/cluster/cluster.ts). Idempotent:
 * run it again and only what is missing is started. CLUSTER_PROFILE=demo runs the same topology with the
 * demo clocks (NODE_ENV=development), which the walkthrough and the benchmarks need.
 */
import { clusterLayout } from './layout';
import { clusterUp } from './cluster';

const started = Date.now();
clusterUp(clusterLayout())
  .then(({ layout, apiUrl }) => {
    const t = layout.temporal;
    process.stdout.write(
      [
        '',
        `Cluster "${layout.name}" up in ${((Date.now() - started) / 1000).toFixed(0)} s (profile ${layout.profile}):`,
        `  API (round-robin front over ${layout.apiPorts.length} API processes): ${apiUrl}`,
        `  Temporal (PostgreSQL ${layout.databases.temporal} + ${layout.databases.visibility}): ${t.address}   metrics http://127.0.0.1:${t.metricsPort}/metrics`,
        `  workers: ${layout.workerMetricsPorts.length}   logs: ${layout.files.logs}   people: DATA_DIR/credentials.json`,
        '',
        `  temporal workflow list --address ${t.address}`,
        `  set -a; . ${layout.files.env}; set +a; npm run demo:walkthrough`,
        '  npm run cluster:down',
        '',
      ].join('\n'),
    );
  })
  .catch((err: unknown) => {
    process.stderr.write(`cluster:up failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
