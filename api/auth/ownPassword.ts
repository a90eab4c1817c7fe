import type { PrismaClient } from '../../prisma/generated/client';
import type { RequestOrigin } from '../../domain/evidence';
import { recordAdminEvent } from '../admin/adminEvents';
import { createToken, revokeAllTokens } from './tokens';

export interface OwnPasswordReplacement {
  /** The holder as read when the current password was verified: its hash is what was checked. */
  user: { id: string; username: string; passwordHash: string };
  newPasswordHash: string;
  ttlMinutes: number;
  requestId: string;
  origin: RequestOrigin;
}

/**
 * The holder replaces their own password, in one transaction: the new hash, the temporary flag cleared, every
 * token revoked (the ones issued under the temporary password too — its setter may hold one), the event, and a
 * fresh token for the caller. A fresh token rather than the one in use: the cached principals of the old one, on
 * every API instance, still say a change is required (they are trusted for AUTH_CACHE_TTL_MS); a new token is
 * looked up anew wherever it goes.
 *
 * Null when the password checked is no longer the user's (an administrator reset it meanwhile) or the account
 * was deactivated: the row is locked and compared, so the reset and this change cannot both win silently.
 */
export async function replaceOwnPassword(prisma: PrismaClient, r: OwnPasswordReplacement): Promise<{ token: string; expiresAt: Date } | null> {
  return prisma.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Array<{ password_hash: string; active: boolean; password_change_required: boolean }>>`SELECT password_hash, active, password_change_required FROM app_user WHERE id = ${r.user.id} FOR UPDATE`;
    if (!row || !row.active || row.password_hash !== r.user.passwordHash) return null;
    await tx.user.update({ where: { id: r.user.id }, data: { passwordHash: r.newPasswordHash, passwordChangeRequired: false } });
    await revokeAllTokens(tx, r.user.id);
    await recordAdminEvent(tx, {
      type: 'password_changed', actorId: r.user.id, target: `user:${r.user.id}`, requestId: r.requestId,
      data: { userId: r.user.id, username: r.user.username, replacedTemporary: row.password_change_required, origin: r.origin },
    });
    return createToken(tx, r.user.id, r.ttlMinutes);
  });
}
