import client, { Registry } from 'prom-client';
import { EVENT_LOOP_SAMPLE_MS } from './eventLoopSampling';

/**
 * Prometheus metrics of this process (prom-client): the process itself (CPU, memory, event-loop lag, GC),
 * HTTP latency per route, actions per type and outcome, refusals per code, activity timings. Matters per
 * stage and overdue counts are read from the database when scraped (api/http/metricsRoute.ts). The Temporal
 * SDK's own metrics (workflow and activity task latencies, polls, sticky cache…) come from its Prometheus
 * exporter and are appended to the same answer (see `sdkMetricsText`).
 */
export const registry = new Registry();
client.collectDefaultMetrics({ register: registry, prefix: 'lr_', eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const httpDuration = new client.Histogram({
  name: 'lr_http_request_duration_seconds',
  help: 'HTTP request latency by route template, method and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: SECONDS,
  registers: [registry],
});

export const actionsTotal = new client.Counter({
  name: 'lr_actions_total',
  help: 'Actions people took on matters, by command type and outcome (accepted, refused, failed, unavailable)',
  labelNames: ['type', 'outcome'] as const,
  registers: [registry],
});

export const actionDuration = new client.Histogram({
  name: 'lr_action_duration_seconds',
  help: 'Time from relaying an action to its workflow (Update) to its answer, by command type and outcome',
  labelNames: ['type', 'outcome'] as const,
  buckets: SECONDS,
  registers: [registry],
});

export const refusalsTotal = new client.Counter({
  name: 'lr_refusals_total',
  help: 'Requests answered with a 4xx problem, by its code and status',
  labelNames: ['code', 'status'] as const,
  registers: [registry],
});

export const activityDuration = new client.Histogram({
  name: 'lr_activity_duration_seconds',
  help: 'Activity execution time on this worker, by activity and outcome',
  labelNames: ['activity', 'outcome'] as const,
  buckets: SECONDS,
  registers: [registry],
});

export const activityFailures = new client.Counter({
  name: 'lr_activity_attempt_failures_total',
  help: 'Activity attempts that failed (retried by Temporal unless non-retryable), by activity',
  labelNames: ['activity'] as const,
  registers: [registry],
});

/**
 * The Temporal SDK's exporter, scraped and appended: one scrape target per process. Absent exporter (no
 * worker in this process) or an unreachable one adds nothing rather than failing the scrape.
 */
export async function sdkMetricsText(url: string | null | undefined): Promise<string> {
  if (!url) return '';
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return res.ok ? await res.text() : '';
  } catch {
    return '';
  }
}

/** The whole exposition: this process's metrics, any extra registry (per app instance), the SDK's. */
export async function metricsText(opts: { extra?: Registry; sdkUrl?: string | null } = {}): Promise<string> {
  const merged = opts.extra ? Registry.merge([registry, opts.extra]) : registry;
  const [own, sdk] = await Promise.all([merged.metrics(), sdkMetricsText(opts.sdkUrl)]);
  return sdk ? `${own.trimEnd()}\n${sdk}` : own;
}

export const METRICS_CONTENT_TYPE = registry.contentType;
