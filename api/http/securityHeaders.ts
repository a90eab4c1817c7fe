import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { DOSSIER_STYLE } from '../dossier/dossierHtml';

/** CSP source for an inline block, by the SHA-256 of its exact text. */
export const cspHash = (text: string) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Browser security headers on every answer (web app, printable pages, API): a Content-Security-Policy that
 * allows only this origin's scripts and styles (the web app is plain ES modules and a stylesheet; the
 * printable dossier's one style block by its hash), no framing (frame-ancestors 'none' and
 * X-Frame-Options: DENY, against clickjacking), X-Content-Type-Options: nosniff, no referrer leaks.
 */
export function securityHeaders(): RequestHandler {
  return fixedHeaders(helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", cspHash(DOSSIER_STYLE)],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Served over plain HTTP on a workstation too; HSTS belongs to the TLS-terminating proxy in front.
    strictTransportSecurity: false,
  }));
}

/** A connect-style middleware, as helmet returns. */
export type HeaderMiddleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

/**
 * Helmet stays the definition of the headers; this only stops it from recomputing them per request. With
 * static options its middleware sets the same headers on every answer, through a chain of a dozen small
 * middlewares (~6 % of an API process's profile samples under the status endpoint's load; docs/benchmarks.md). So it
 * runs once, against a recorder, and each request gets the recorded header operations replayed.
 */
export function fixedHeaders(middleware: HeaderMiddleware): RequestHandler {
  const operations: Array<[name: string, value: string | string[] | null]> = [];
  const recorder = {
    setHeader: (name: string, value: string | string[]) => void operations.push([name, value]),
    removeHeader: (name: string) => void operations.push([name, null]),
  };
  let synchronous = false;
  middleware({} as never, recorder as never, (err?: unknown) => {
    if (err) throw err;
    synchronous = true;
  });
  // Helmet's middlewares are synchronous today; if a future version is not, keep calling it per request.
  if (!synchronous) return middleware;
  return (_req, res, next) => {
    for (const [name, value] of operations) {
      if (value === null) res.removeHeader(name);
      else res.setHeader(name, value);
    }
    next();
  };
}
