import crypto from 'node:crypto';
import path from 'node:path';
import express, { type Request } from 'express';
import type { ApiDeps } from './deps';
import { mountRoutes, type AnyRoute } from './http/route';
import { problemHandler, ProblemError } from './http/problem';
import { securityHeaders } from './http/securityHeaders';
import { openApiDocument } from './http/openapi';
import { verifyToken } from './auth/tokens';
import { VerifiedTokenCache } from './auth/tokenCache';
import { httpMetrics, matterGauges, metricsHandler } from './http/metrics';
import type { Principal } from './auth/principal';
import { systemRoutes } from './routes/system';
import { authRoutes } from './routes/auth';
import { matterRoutes } from './routes/matters';
import { calendarRoutes } from './routes/calendar';
import { signOffRoutes } from './routes/signOffs';
import { contractRoutes } from './routes/contracts';
import { implementationRoutes } from './routes/implementation';
import { catalogueRoutes } from './routes/catalogue';
import { peopleRoutes } from './routes/people';
import { adminEventRoutes } from './routes/adminEvents';
import { meetingBodyRoutes } from './routes/meetingBodies';
import { dossierRoutes } from './routes/dossier';
import { fairCompetitionRoutes } from './routes/fairCompetition';
import { legalityRoutes } from './routes/legality';
import { matterLegalityRoutes } from './routes/matterLegality';
import { vocabularyRoutes } from './routes/vocabulary';
import { documentRoutes } from './routes/documents';
import { versionDiffRoutes } from './routes/versionDiff';
import { statisticsRoutes } from './routes/statistics';
import { registerRoutes } from './routes/register';
import { mountVendorAssets } from './http/vendorAssets';
import { accessLogOf } from '../platform/logger';

declare module 'express-serve-static-core' {
  interface Request {
    id: string;
  }
}

export function createApp(given: ApiDeps) {
  const deps: ApiDeps = { ...given, tokens: given.tokens ?? new VerifiedTokenCache((token) => verifyToken(given.db, token), given.config.AUTH_CACHE_TTL_MS) };
  const tokens = deps.tokens!;
  const app = express();
  app.disable('x-powered-by');
  // No ETag on API answers: every JSON answer would be hashed to build one, and no client revalidates them
  // (the static web files keep theirs: express.static sets its own).
  app.set('etag', false);
  app.set('trust proxy', 'loopback');

  // Request id and one JSON log line per request. The line's fields are fixed here and hold no secret (the
  // path without its query; ids in paths are not secrets): the access log skips redaction and is written in
  // batches (platform/logger.ts).
  const accessLog = accessLogOf(deps.log);
  app.use((req, res, next) => {
    const incoming = req.get('x-request-id');
    req.id = incoming && /^[\w.:-]{1,100}$/.test(incoming) ? incoming : crypto.randomUUID();
    res.setHeader('x-request-id', req.id);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      accessLog.info({ requestId: req.id, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    });
    next();
  });
  app.use(securityHeaders());
  app.use(httpMetrics());
  app.get('/metrics', metricsHandler({ gauges: matterGauges(deps.db.prisma), sdkMetricsUrl: deps.sdkMetricsUrl, token: deps.config.METRICS_TOKEN }));
  app.use(express.json({ limit: deps.config.REQUEST_BODY_LIMIT }));

  const routes: AnyRoute[] = [];
  const document = () => openApiDocument(routes, { version: deps.version });
  routes.push(...systemRoutes(deps, document), ...authRoutes(deps), ...matterRoutes(deps), ...signOffRoutes(deps), ...dossierRoutes(deps), ...fairCompetitionRoutes(deps), ...legalityRoutes(), ...matterLegalityRoutes(deps), ...vocabularyRoutes(), ...peopleRoutes(deps), ...adminEventRoutes(deps), ...meetingBodyRoutes(deps), ...calendarRoutes(deps), ...documentRoutes(deps), ...versionDiffRoutes(deps), ...statisticsRoutes(deps), ...contractRoutes(deps), ...implementationRoutes(deps), ...catalogueRoutes(deps), ...registerRoutes(deps));

  const authenticate = async (req: Request): Promise<Principal | null> => {
    const header = req.get('authorization');
    if (!header) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new ProblemError(401, 'Unauthorized', { detail: 'Authorization must be "Bearer <token>"', code: 'unauthorized' });
    const principal = await tokens.principal(match[1]!);
    if (!principal) throw new ProblemError(401, 'Unauthorized', { detail: 'The token is unknown, expired or revoked', code: 'unauthorized' });
    return principal;
  };
  const router = express.Router();
  mountRoutes(router, routes, authenticate);
  app.use(router);

  mountVendorAssets(app);
  // The web app: static pages that stand on this API.
  app.use(express.static(path.resolve(__dirname, '../web'), { index: 'index.html' }));

  app.use((req, _res, next) => next(new ProblemError(404, 'Not found', { detail: `${req.method} ${req.path}`, code: 'not_found' })));
  app.use(problemHandler(deps.log));
  return app;
}
