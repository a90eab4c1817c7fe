import crypto from 'node:crypto';
import type { Database } from '../../platform/database';
import { BOTH_DATABASES } from './support/bothDatabases';
import { lawyerContract, verifyToken } from '../../api/auth/tokens';
import type { Role } from '../../domain/procedure';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/**
 * The bearer-token lookup reads through the driver in one statement; it answers what reading the same rows
 * through Prisma answers (the token, its user and the user's organisation), on both databases the system
 * runs on — and refuses a revoked or expired token and an inactive user.
 */
describe.each(BOTH_DATABASES)('bearer tokens looked up through the driver (%s)', (_name, open) => {
  let db: Database;
  const run = crypto.randomUUID().slice(0, 8);
  const firm = `firm-${run}`;
  const bureau = `bureau-${run}`;
  const users = { lawyer: `lawyer-${run}`, drafter: `drafter-${run}`, inactive: `inactive-${run}` };
  const tokens = { lawyer: `tok-lawyer-${run}`, drafter: `tok-drafter-${run}`, inactive: `tok-inactive-${run}`, revoked: `tok-revoked-${run}`, expired: `tok-expired-${run}` };
  const later = new Date(Date.now() + 3_600_000 + 123);

  beforeAll(async () => {
    db = await open();
    await db.prisma.organisation.create({ data: { id: firm, name: '某律师事务所 "引号"', kind: 'law_firm', contractFrom: '2026-01-01', contractTo: '2026-12-31' } });
    await db.prisma.organisation.create({ data: { id: bureau, name: '某区文化和旅游局', kind: 'bureau' } });
    await db.prisma.user.create({ data: { id: users.lawyer, username: users.lawyer, displayName: '律师', passwordHash: 'x', roles: ['lawyer'], organisationId: firm, contractFrom: '2026-03-01', contractTo: '2027-06-30', legalQualification: true, passwordChangeRequired: true } });
    await db.prisma.user.create({ data: { id: users.drafter, username: users.drafter, displayName: '起草人', passwordHash: 'x', roles: ['drafter', 'fcr_reviewer'], organisationId: bureau, demo: true } });
    await db.prisma.user.create({ data: { id: users.inactive, username: users.inactive, displayName: '离职', passwordHash: 'x', roles: ['legal_unit'], organisationId: bureau, active: false } });
    const token = (key: keyof typeof tokens, userId: string, extra: { expiresAt?: Date; revokedAt?: Date } = {}) =>
      db.prisma.authToken.create({ data: { id: `${key}-${run}`, tokenHash: sha256(tokens[key]), userId, expiresAt: extra.expiresAt ?? later, revokedAt: extra.revokedAt ?? null } });
    await token('lawyer', users.lawyer);
    await token('drafter', users.drafter);
    await token('inactive', users.inactive);
    await token('revoked', users.drafter, { revokedAt: new Date() });
    await token('expired', users.drafter, { expiresAt: new Date(Date.now() - 1_000) });
  });
  afterAll(async () => {
    await db.prisma.authToken.deleteMany({ where: { userId: { in: Object.values(users) } } });
    await db.prisma.user.deleteMany({ where: { id: { in: Object.values(users) } } });
    await db.prisma.organisation.deleteMany({ where: { id: { in: [firm, bureau] } } });
    await db.close();
  });

  test('a valid token answers its principal and expiry as read through Prisma', async () => {
    for (const key of ['lawyer', 'drafter'] as const) {
      const row = await db.prisma.authToken.findUniqueOrThrow({ where: { tokenHash: sha256(tokens[key]) }, include: { user: { include: { organisation: true } } } });
      const u = row.user;
      expect(await verifyToken(db, tokens[key])).toEqual({
        principal: {
          userId: u.id, username: u.username, displayName: u.displayName, roles: u.roles as Role[], sectionId: u.sectionId, organisationId: u.organisationId,
          lawyerContract: lawyerContract(u, u.organisation), legalQualification: u.legalQualification, tokenId: row.id, demo: u.demo, passwordChangeRequired: u.passwordChangeRequired,
        },
        expiresAt: row.expiresAt.getTime(),
      });
    }
    // The narrower of the firm's retainer and the lawyer's own period.
    expect((await verifyToken(db, tokens.lawyer))!.principal.lawyerContract).toEqual({ from: '2026-03-01', to: '2026-12-31' });
    expect((await verifyToken(db, tokens.lawyer))!.expiresAt).toBe(later.getTime());
    // A password an admin set travels with the principal (every route but the change refuses it).
    expect([(await verifyToken(db, tokens.lawyer))!.principal.passwordChangeRequired, (await verifyToken(db, tokens.drafter))!.principal.passwordChangeRequired]).toEqual([true, false]);
  });

  test('an unknown, revoked or expired token, or an inactive user, is refused', async () => {
    expect(await verifyToken(db, `no-such-token-${run}`)).toBeNull();
    expect(await verifyToken(db, tokens.revoked)).toBeNull();
    expect(await verifyToken(db, tokens.expired)).toBeNull();
    expect(await verifyToken(db, tokens.inactive)).toBeNull();
  });
});
