import { z } from 'zod';

/**
 * What a password must be, and when one is only temporary. Pure: the people routes, the holder's own change
 * and their unit test (test/unit/auth/passwordRules.test.ts) share it, so an admin's reset and a person's own
 * change cannot drift apart.
 */

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** Control characters cannot be typed at a login form; one in a new password is a client's mistake. */
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A password being set (by an admin or by its holder): the rules every stored password follows. */
export const newPassword = z.string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`)
  .refine((p) => !CONTROL.test(p), 'must not contain control characters');

/**
 * A password being presented (at login, or as the current one when changing it): checked against the stored
 * hash, not against today's rules — an older password may predate them.
 */
export const presentedPassword = z.string().min(1, 'is required').max(PASSWORD_MAX_LENGTH);

/** The holder's own change: the current password (the temporary one, when an admin set it) and a different new one. */
export const passwordChangeBody = z.strictObject({
  currentPassword: presentedPassword.describe('The password now in force (the temporary one an administrator set, if so)'),
  newPassword: newPassword.describe(`At least ${PASSWORD_MIN_LENGTH} characters; must differ from the current one`),
}).refine((b) => b.newPassword !== b.currentPassword, { message: 'must differ from the current password', path: ['newPassword'] });

/**
 * A password reset by anyone but its holder is temporary: whoever set it knows it, so it must not let them act as
 * the holder (sign off a review with the key the server holds for a lawyer). The holder must replace it before
 * the account can do anything else. A new account's initial password, and seeded accounts (demo people, the
 * bootstrap admin), are not forced; see api/routes/people.ts.
 */
export function temporaryWhenSet(by: { setById: string; holderId: string }): boolean {
  return by.setById !== by.holderId;
}
