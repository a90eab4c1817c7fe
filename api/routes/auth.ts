import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../http/route';
import { ProblemError } from '../http/problem';
import { line } from '../../domain/procedure';
import { verifyPassword, hashPassword } from '../auth/passwords';
import { issueToken, revokeToken } from '../auth/tokens';
import { LoginThrottle, type LoginRefusal } from '../auth/loginThrottle';
import { passwordChangeBody, presentedPassword } from '../auth/passwordRules';
import { replaceOwnPassword } from '../auth/ownPassword';
import { requestOrigin } from '../http/requestOrigin';
import type { ApiDeps } from '../deps';
import type { Request } from 'express';

const loginBody = z.strictObject({ username: line(100), password: presentedPassword });
const tokenAnswer = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: z.record(z.string(), z.unknown()),
  passwordChangeRequired: z.boolean().describe('The password was reset by an administrator: change it (POST /api/v1/auth/password) before anything else answers'),
});

const clientAddress = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

function throttled(refusal: LoginRefusal): ProblemError {
  const detail = refusal.code === 'account_locked'
    ? `Too many wrong passwords for this account; try again in ${Math.ceil(refusal.retryAfterSeconds / 60)} minute(s) or ask an administrator to unlock it`
    : `Too many failed logins from this address; try again in ${Math.ceil(refusal.retryAfterSeconds / 60)} minute(s)`;
  return new ProblemError(429, 'Too many failed logins', { detail, code: refusal.code, retryAfterSeconds: refusal.retryAfterSeconds });
}

/** A hash to compare against when the user does not exist, so timing does not reveal usernames. */
let decoyHash: Promise<string> | undefined;

export function authRoutes(deps: ApiDeps): AnyRoute[] {
  const throttle = new LoginThrottle(deps.db);
  return [
    defineRoute({
      method: 'post', path: '/api/v1/auth/login', summary: 'Log in; returns a bearer token', tags: ['auth'], auth: false, body: loginBody,
      responses: { 200: { description: 'Token', schema: tokenAnswer } },
      handler: async ({ req, body }) => {
        const address = clientAddress(req);
        // Counted as a failure before the password is checked, so simultaneous guesses cannot all slip in
        // between a look at the lock and the count; a success gives it back.
        const refusal = await throttle.reserve(body.username, address);
        if (refusal) throw throttled(refusal);
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
        // A temporary password still logs in (its holder needs a token to replace it); the token answers nothing else until then.
        return { token, expiresAt: expiresAt.toISOString(), user: { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, sectionId: user.sectionId }, passwordChangeRequired: user.passwordChangeRequired };
      },
    }),
    defineRoute({
      method: 'post', path: '/api/v1/auth/password',
      summary: 'Change one\'s own password, with the current one; required first after an administrator reset it (then the current one is the temporary password). Revokes every token of the person and returns a new one',
      tags: ['auth'], auth: true, beforePasswordChange: true, body: passwordChangeBody,
      responses: { 200: { description: 'Changed: a new token (every earlier one is revoked)', schema: tokenAnswer } },
      handler: async ({ req, body, principal }) => {
        const me = principal!;
        const address = clientAddress(req);
        // Guessing the current password through a stolen session is guessing a login: the same throttle counts it.
        const refusal = await throttle.reserve(me.username, address);
        if (refusal) throw throttled(refusal);
        const user = await deps.db.prisma.user.findUnique({ where: { id: me.userId } });
        if (!user || !(await verifyPassword(body.currentPassword, user.passwordHash))) {
          // Not a 401: the session is fine, only this field is wrong (and a 401 would end the session in the web app).
          throw new ProblemError(400, 'Invalid body.currentPassword: not your current password', { code: 'wrong_password', errors: [{ field: 'body.currentPassword', message: 'is not your current password' }] });
        }
        await throttle.succeed(me.username, address);
        const issued = await replaceOwnPassword(deps.db.prisma, {
          user, newPasswordHash: await hashPassword(body.newPassword), ttlMinutes: deps.config.AUTH_TOKEN_TTL_MINUTES, requestId: req.id, origin: requestOrigin(req),
        });
        if (!issued) throw new ProblemError(409, 'Your password was changed meanwhile', { detail: '修改期间管理员重设了密码或停用了账号，本次未作任何修改 / An administrator set your password (or deactivated the account) while this change was under way; nothing was changed', code: 'password_changed_meanwhile' });
        deps.tokens?.forgetUser(user.id); // this instance at once; the others never saw the new token, and the old ones are revoked
        return { token: issued.token, expiresAt: issued.expiresAt.toISOString(), user: { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, sectionId: user.sectionId }, passwordChangeRequired: false };
      },
    }),
    defineRoute({
      method: 'post', path: '/api/v1/auth/logout', summary: 'Revoke the token used for this request', tags: ['auth'], auth: true, beforePasswordChange: true,
      responses: { 204: { description: 'Revoked' } },
      handler: async ({ res, principal }) => {
        await revokeToken(deps.db.prisma, principal!.tokenId);
        deps.tokens?.forgetToken(principal!.tokenId);
        res.status(204).end();
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/me', summary: 'Who am I (also while a password change is required: `passwordChangeRequired` says so)', tags: ['auth'], auth: true, beforePasswordChange: true,
      responses: { 200: { description: 'The authenticated person', schema: z.record(z.string(), z.unknown()) } },
      handler: ({ principal }) => {
        const { tokenId: _t, ...rest } = principal!;
        return rest;
      },
    }),
  ];
}
