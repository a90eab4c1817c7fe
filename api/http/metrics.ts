import crypto from 'node:crypto';
import type { Request, Response, NextFunction, RequestHandler } from 'express';
import client, { Registry } from 'prom-client';
import type { PrismaClient } from '../../prisma/generated/client';
import { TERMINAL_STAGES } from '../../domain/procedure';
import { actionDuration, actionsTotal, httpDuration, metricsText, METRICS_CONTENT_TYPE, refusalsTotal } from '../../platform/metrics';
import { ProblemError } from './problem';

/**
 * Per request: latency by route template (never the raw path: ids would explode the label set) and, for a
 * 4xx problem answer, its code. The code is read as the problem body goes out, so every route is covered
 * without each one counting.
 */
export function httpMetrics(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const end = httpDuration.startTimer();
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      if (res.statusCode >= 400 && res.statusCode < 500 && body && typeof body === 'object' && typeof (body as { code?: unknown }).code === 'string') {
        res.locals.problemCode = (body as { code: string }).code;
      }
      return json(body);
    };
    res.on('finish', () => {
      const route = req.route ? `${req.baseUrl}${String(req.route.path)}` : res.statusCode === 404 ? 'unmatched' : 'static';
      end({ method: req.method, route, status: String(res.statusCode) });
      if (typeof res.locals.problemCode === 'string') refusalsTotal.inc({ code: res.locals.problemCode, status: String(res.statusCode) });
    });
    next();
  };
}

/** Times one action end to end (Update → workflow → activity → answer) and counts it by outcome. */
export async function observeAction<T>(type: string, run: () => Promise<T>): Promise<T> {
  const end = actionDuration.startTimer({ type });
  let outcome = 'accepted';
  try {
    return await run();
  } catch (err) {
    const status = err instanceof ProblemError ? err.status : 500;
    outcome = status === 503 ? 'unavailable' : status < 500 ? 'refused' : 'failed';
    throw err;
  } finally {
    end({ outcome });
    actionsTotal.inc({ type, outcome });
  }
}

/**
 * Open matters per stage and overdue matters, from the projection, computed when scraped. Every API
 * instance reports the same numbers (they share the database): aggregate them with max(), not sum().
 */
export function matterGauges(prisma: PrismaClient): Registry {
  const registry = new Registry();
  const open = { stage: { notIn: [...TERMINAL_STAGES] } };
  new client.Gauge({
    name: 'lr_open_matters',
    help: 'Matters not yet at a terminal stage, by stage',
    labelNames: ['stage'] as const,
    registers: [registry],
    async collect() {
      const rows = await prisma.matter.groupBy({ by: ['stage'], where: open, _count: { _all: true } });
      this.reset();
      for (const r of rows) this.set({ stage: r.stage }, r._count._all);
    },
  });
  new client.Gauge({
    name: 'lr_overdue_matters',
    help: 'Open matters whose next obligation is past due',
    registers: [registry],
    async collect() {
      this.set(await prisma.matter.count({ where: { ...open, nextDueAt: { lt: new Date() } } }));
    },
  });
  return registry;
}

const sameSecret = (a: string, b: string) => {
  const [x, y] = [crypto.createHash('sha256').update(a).digest(), crypto.createHash('sha256').update(b).digest()];
  return crypto.timingSafeEqual(x, y);
};

/** GET /metrics: optionally behind a bearer token of its own (METRICS_TOKEN), never a person's token. */
export function metricsHandler(opts: { gauges: Registry; sdkMetricsUrl?: string | null; token?: string }): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (opts.token && !sameSecret(req.get('authorization') ?? '', `Bearer ${opts.token}`)) {
      res.status(401).type('text/plain').send('metrics token required\n');
      return;
    }
    metricsText({ extra: opts.gauges, sdkUrl: opts.sdkMetricsUrl }).then((text) => res.type(METRICS_CONTENT_TYPE).send(text), next);
  };
}
