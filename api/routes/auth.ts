import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../http/route';
import { ProblemError } from '../http/problem';
import { line } from '../../domain/procedure';
import { verifyPassword, hashPassword } from '../auth/passwords';
import { issueToken, revokeToken } from '../auth/tokens';
import { LoginThrottle } from '../auth/loginThrottle';
import type { ApiDeps } from '../deps';

const loginBody = z.object({ username: line(100), password: z.string().min(1, 'is required').max(200) });

/** A hash to compare against when the user does not exist, so timing does not reveal usernames. */
let decoyHash: Promise<string> | undefined;

export function authRoutes(deps: ApiDeps): AnyRoute[] {
  const throttle = new LoginThrottle();
  return [
    defineRoute({
      method: 'post', path: '/api/v1/auth/login', summary: 'Log in; returns a bearer token', tags: ['auth'], auth: false, body: loginBody,
      responses: { 200: { description: 'Token', schema: z.object({ token: z.string(), expiresAt: z.string(), user: z.record(z.string(), z.unknown()) }) } },
      handler: async ({ res, body }) => {
        const wait = throttle.retryAfterMs(body.username);
        if (wait > 0) {
          res.setHeader('retry-after', String(Math.ceil(wait / 1000)));
          throw new ProblemError(429, 'Too many failed logins', { detail: `Try again in ${Math.ceil(wait / 60_000)} minute(s)`, code: 'login_throttled' });
        }
        const user = await deps.db.prisma.user.findUnique({ where: { username: body.username } });
        if (user?.demo && deps.config.NODE_ENV === 'production') {
          throw new ProblemError(401, 'Demo accounts are disabled in production', { code: 'demo_refused' });
        }
        const ok = await verifyPassword(body.password, user?.passwordHash ?? (await (decoyHash ??= hashPassword('decoy'))));
        if (!user || !ok || !user.active) {
          throttle.fail(body.username);
          throw new ProblemError(401, 'Wrong username or password', { code: 'bad_credentials' });
        }
        throttle.succeed(body.username);
        const { token, expiresAt } = await issueToken(deps.db.prisma, user.id, deps.config.AUTH_TOKEN_TTL_MINUTES);
        return { token, expiresAt: expiresAt.toISOString(), user: { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, sectionId: user.sectionId } };
      },
    }),
    defineRoute({
      method: 'post', path: '/api/v1/auth/logout', summary: 'Revoke the token used for this request', tags: ['auth'], auth: true,
      responses: { 204: { description: 'Revoked' } },
      handler: async ({ res, principal }) => {
        await revokeToken(deps.db.prisma, principal!.tokenId);
        deps.tokens?.forgetToken(principal!.tokenId);
        res.status(204).end();
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/me', summary: 'Who am I', tags: ['auth'], auth: true,
      responses: { 200: { description: 'The authenticated person', schema: z.record(z.string(), z.unknown()) } },
      handler: ({ principal }) => {
        const { tokenId: _t, ...rest } = principal!;
        return rest;
      },
    }),
  ];
}
