import crypto from 'node:crypto';
import type { PrismaClient } from '../../prisma/generated/client';
import type { Role } from '../../domain/procedure';
import type { Principal } from './principal';
import type { Database } from '../../platform/database';
import { utc } from '../../platform/sqlTime';
import { named } from '../../platform/namedStatement';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/**
 * Issues an opaque bearer token; only its hash is stored, so the table cannot be replayed. The user's row
 * is locked and must still have the password hash that was verified and be active: a password change
 * that commits while this login is under way then wins (its revocation is not raced by a new token).
 */
export async function issueToken(prisma: PrismaClient, userId: string, ttlMinutes: number, verifiedPasswordHash: string): Promise<{ token: string; expiresAt: Date } | null> {
  return prisma.$transaction(async (tx) => {
    const [user] = await tx.$queryRaw<Array<{ password_hash: string; active: boolean }>>`SELECT password_hash, active FROM app_user WHERE id = ${userId} FOR UPDATE`;
    if (!user || !user.active || user.password_hash !== verifiedPasswordHash) return null;
    return createToken(tx, userId, ttlMinutes);
  });
}

/** A new token for a user whose row the caller's transaction has checked and locked (a login, a password change). */
export async function createToken(tx: Pick<PrismaClient, 'authToken'>, userId: string, ttlMinutes: number): Promise<{ token: string; expiresAt: Date }> {
  const token = `lr_${crypto.randomBytes(32).toString('base64url')}`;
  const expiresAt = new Date(Date.now() + ttlMinutes * 60_000);
  await tx.authToken.create({ data: { id: crypto.randomUUID(), tokenHash: sha256(token), userId, expiresAt } });
  return { token, expiresAt };
}

/** Revokes every token of a user (password, roles or section changed, or deactivated), inside the caller's transaction. */
export async function revokeAllTokens(tx: Pick<PrismaClient, 'authToken'>, userId: string): Promise<number> {
  return (await tx.authToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } })).count;
}

export async function revokeToken(prisma: PrismaClient, tokenId: string): Promise<void> {
  await prisma.authToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
}

/**
 * A token's row with its user and organisation, read through the database driver: one statement, where
 * Prisma's `findUnique` with two `include`s sent three and compiled each anew. Every person's token is looked
 * up again each time the verified-token cache lets it go (2 s): under the procedure benchmark these were
 * three in five of the API's Prisma queries, and Prisma 12 % of the API's CPU.
 * test/integration/tokenLookup.test.ts compares it with Prisma's reading on both databases.
 */
const TOKEN_ROW = named(`SELECT t.id AS "tokenId", ${utc('t.expires_at')} AS "expiresAt", t.revoked_at IS NOT NULL AS revoked,
    u.id AS "userId", u.username, u.display_name AS "displayName", u.roles, u.section_id AS "sectionId", u.organisation_id AS "organisationId",
    u.contract_from AS "contractFrom", u.contract_to AS "contractTo", u.active, u.demo, u.legal_qualification AS "legalQualification",
    u.password_change_required AS "passwordChangeRequired",
    o.contract_from AS "organisationContractFrom", o.contract_to AS "organisationContractTo"
  FROM auth_token t JOIN app_user u ON u.id = t.user_id JOIN organisation o ON o.id = u.organisation_id
  WHERE t.token_hash = $1`);

interface TokenRow {
  tokenId: string;
  expiresAt: string;
  revoked: boolean;
  userId: string;
  username: string;
  displayName: string;
  roles: string[];
  sectionId: string | null;
  organisationId: string;
  contractFrom: string | null;
  contractTo: string | null;
  active: boolean;
  demo: boolean;
  legalQualification: boolean;
  passwordChangeRequired: boolean;
  organisationContractFrom: string | null;
  organisationContractTo: string | null;
}

/** The principal for a bearer token and when the token expires (what the verified-token cache keeps); null when it is unknown, expired, revoked or its user inactive. */
export async function verifyToken(db: Pick<Database, 'query'>, token: string): Promise<{ principal: Principal; expiresAt: number } | null> {
  const [row] = await db.query<TokenRow>(TOKEN_ROW, [sha256(token)]);
  if (!row) return null;
  const expiresAt = Date.parse(row.expiresAt);
  if (row.revoked || expiresAt <= Date.now() || !row.active) return null;
  const principal: Principal = {
    userId: row.userId,
    username: row.username,
    displayName: row.displayName,
    roles: row.roles as Role[],
    sectionId: row.sectionId,
    organisationId: row.organisationId,
    lawyerContract: lawyerContract(row, { contractFrom: row.organisationContractFrom, contractTo: row.organisationContractTo }),
    legalQualification: row.legalQualification,
    tokenId: row.tokenId,
    demo: row.demo,
    // Read with the token, so it is as fresh as the token's own check: a reset revokes every token and sets it,
    // the holder's change clears it and replaces every token (no cached principal outlives either).
    passwordChangeRequired: row.passwordChangeRequired,
  };
  return { principal, expiresAt };
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
