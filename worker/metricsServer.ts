import http from 'node:http';
import type { Worker } from '@temporalio/worker';
import { metricsText, METRICS_CONTENT_TYPE } from '../platform/metrics';

/**
 * A worker process has no API port: this small server gives it `/metrics` (its own and the Temporal SDK's
 * in one answer) and `/healthz` (200 while the worker runs, 503 otherwise) for probes and the cluster script.
 */
export async function startWorkerMetricsServer(opts: { port: number; host?: string; worker: () => Worker | null; sdkMetricsUrl: string | null }): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET') {
      res.writeHead(405).end();
      return;
    }
    if (req.url === '/metrics') {
      metricsText({ sdkUrl: opts.sdkMetricsUrl }).then(
        (text) => res.writeHead(200, { 'content-type': METRICS_CONTENT_TYPE }).end(text),
        () => res.writeHead(500).end(),
      );
      return;
    }
    if (req.url === '/healthz') {
      const state = opts.worker()?.getState() ?? 'INITIALIZED';
      res.writeHead(state === 'RUNNING' ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ worker: state }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve());
  });
  return server;
}
