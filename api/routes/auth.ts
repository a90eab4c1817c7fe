import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../http/route';
import { ProblemError } from '../http/problem';
import { line } from '../../domain/procedure';
import { verifyPassword, hashPassword } from '../auth/passwords';
import { issueToken, revokeToken } from '../auth/tokens';
import { LoginThrottle } from '../auth/loginThrottle';
import type { ApiDeps } from '../deps';

const loginBody = z.strictObject({ username: line(100), password: z.string().min(1, 'is required').max(200) });

/** A hash to compare against when the user does not exist, so timing does not reveal usernames. */
let decoyHash: Promise<string> | undefined;

export function authRoutes(deps: ApiDeps): AnyRoute[] {
  const throttle = new LoginThrottle(deps.db);
  return [
    defineRoute({
      method: 'post', path: '/api/v1/auth/login', summary: 'Log in; returns a bearer token', tags: ['auth'], auth: false, body: loginBody,
      responses: { 200: { description: 'Token', schema: z.object({ token: z.string(), expiresAt: z.string(), user: z.record(z.string(), z.unknown()) }) } },
      handler: async ({ req, body }) => {
        const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
        // Counted as a failure before the password is checked, so simultaneous guesses cannot all slip in
        // between a look at the lock and the count; a success gives it back.
        const refusal = await throttle.reserve(body.username, address);
        if (refusal) {
          const detail = refusal.code === 'account_locked'
            ? `Too many wrong passwords for this account; try again in ${Math.ceil(refusal.retryAfterSeconds / 60)} minute(s) or ask an administrator to unlock it`
            : `Too many failed logins from this address; try again in ${Math.ceil(refusal.retryAfterSeconds / 60)} minute(s)`;
          throw new ProblemError(429, 'Too many failed logins', { detail, code: refusal.code, retryAfterSeconds: refusal.retryAfterSeconds });
        }
        const user = await deps.db.prisma.user.findUnique({ where: { username: body.username } });
        if (user?.demo && deps.config.NODE_ENV === 'production') {
          throw new ProblemError(401, 'Demo accounts are disabled in production', { code: 'demo_refused' });
        }
        const ok = await verifyPassword(body.password, user?.passwordHash ?? (await (decoyHash ??= hashPassword('decoy'))));
        if (!user || !ok || !user.active) {
          throw new ProblemError(401, 'Wrong username or password', { code: 'bad_credentials' });
        }
        await throttle.succeed(body.username, address);
        // Issued only if the password checked is still the user's (a concurrent change revokes, it does not race).
        const issued = await issueToken(deps.db.prisma, user.id, deps.config.AUTH_TOKEN_TTL_MINUTES, user.passwordHash);
        if (!issued) throw new ProblemError(401, 'Wrong username or password', { code: 'bad_credentials' });
        const { token, expiresAt } = issued;
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
