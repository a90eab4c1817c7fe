import crypto from 'node:crypto';
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
export function securityHeaders() {
  return helmet({
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
  });
}
