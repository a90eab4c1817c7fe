import crypto from 'node:crypto';
import type { PrismaClient } from '../../prisma/generated/client';
import type { Role } from '../../domain/procedure';
import type { Principal } from './principal';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/**
 * Issues an opaque bearer token; only its hash is stored, so the table cannot be replayed. The user's row
 * is locked and must still have the password hash that was verified and be active: a password change
 * that commits while this login is under way then wins (its revocation is not raced by a new token).
 */
export async function issueToken(prisma: PrismaClient, userId: string, ttlMinutes: number, verifiedPasswordHash: string): Promise<{ token: string; expiresAt: Date } | null> {
  const token = `lr_${crypto.randomBytes(32).toString('base64url')}`;
  const expiresAt = new Date(Date.now() + ttlMinutes * 60_000);
  return prisma.$transaction(async (tx) => {
    const [user] = await tx.$queryRaw<Array<{ password_hash: string; active: boolean }>>`SELECT password_hash, active FROM app_user WHERE id = ${userId} FOR UPDATE`;
    if (!user || !user.active || user.password_hash !== verifiedPasswordHash) return null;
    await tx.authToken.create({ data: { id: crypto.randomUUID(), tokenHash: sha256(token), userId, expiresAt } });
    return { token, expiresAt };
  });
}

/** Revokes every token of a user (password, roles or section changed, or deactivated), inside the caller's transaction. */
export async function revokeAllTokens(tx: Pick<PrismaClient, 'authToken'>, userId: string): Promise<number> {
  return (await tx.authToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } })).count;
}

export async function revokeToken(prisma: PrismaClient, tokenId: string): Promise<void> {
  await prisma.authToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
}

/** The principal for a bearer token, or null when it is unknown, expired, revoked or its user inactive. */
export async function principalForToken(prisma: PrismaClient, token: string): Promise<Principal | null> {
  return (await verifyToken(prisma, token))?.principal ?? null;
}

/** The principal for a bearer token and when the token expires (what the verified-token cache keeps). */
export async function verifyToken(prisma: PrismaClient, token: string): Promise<{ principal: Principal; expiresAt: number } | null> {
  const row = await prisma.authToken.findUnique({ where: { tokenHash: sha256(token) }, include: { user: { include: { organisation: true } } } });
  if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now() || !row.user.active) return null;
  const u = row.user;
  const principal: Principal = {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles as Role[],
    sectionId: u.sectionId,
    organisationId: u.organisationId,
    lawyerContract: lawyerContract(u, u.organisation),
    legalQualification: u.legalQualification,
    tokenId: row.id,
    demo: u.demo,
  };
  return { principal, expiresAt: row.expiresAt.getTime() };
}

/** A lawyer may sign only inside both the firm's retainer and their own period (the narrower of the two). */
export function lawyerContract(
  user: { contractFrom: string | null; contractTo: string | null; roles: string[] },
  org: { contractFrom: string | null; contractTo: string | null },
): { from: string; to: string } | null {
  if (!user.roles.includes('lawyer')) return null;
  const froms = [user.contractFrom, org.contractFrom].filter((d): d is string => !!d).sort();
  const tos = [user.contractTo, org.contractTo].filter((d): d is string => !!d).sort();
  const from = froms[froms.length - 1];
  const to = tos[0];
  return from && to ? { from, to } : null;
}
