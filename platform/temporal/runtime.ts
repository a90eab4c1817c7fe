import { DefaultLogger, Runtime, type LogLevel, type TelemetryOptions } from '@temporalio/worker';
import type { Logger } from '../logger';

/**
 * The SDK's metrics for Prometheus on 127.0.0.1:<port>/metrics, durations in seconds. Ours' workers and the
 * benchmark's bare workers export them alike (bench/procedure/bareWorker.ts), so both run the same SDK.
 */
export function sdkPrometheusTelemetry(port: number): TelemetryOptions {
  return { metrics: { prometheus: { bindAddress: `127.0.0.1:${port}`, useSecondsForDurations: true, countersTotalSuffix: true } } };
}

let installed = false;
let sdkMetricsUrl: string | null = null;

/**
 * Routes the Temporal SDK's own log lines (worker state changes, workflow logs) into our JSON logger at
 * the configured level, instead of the SDK's default console output, and — given a port — exports the
 * SDK's metrics for Prometheus on 127.0.0.1:<port>/metrics (our /metrics appends them). Once per process;
 * returns the SDK metrics URL, if any.
 */
export function installTemporalRuntime(log: Logger, opts: { metricsPort?: number } = {}): string | null {
  if (installed) return sdkMetricsUrl;
  installed = true;
  const level = ({ trace: 'TRACE', debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR', fatal: 'ERROR', silent: 'ERROR' } as const)[log.level as 'info'] ?? 'INFO';
  const sdkLevel: LogLevel = level === 'INFO' ? 'WARN' : level; // worker state changes are noise at info
  Runtime.install({
    logger: new DefaultLogger(sdkLevel, (entry) => {
      if (log.level === 'silent') return;
      const fn = entry.level === 'ERROR' ? log.error : entry.level === 'WARN' ? log.warn : log.debug;
      fn.call(log, { sdk: true, ...(entry.meta ?? {}) }, entry.message);
    }),
    ...(opts.metricsPort ? { telemetryOptions: sdkPrometheusTelemetry(opts.metricsPort) } : {}),
  });
  sdkMetricsUrl = opts.metricsPort ? `http://127.0.0.1:${opts.metricsPort}/metrics` : null;
  return sdkMetricsUrl;
}
