import type { PrismaClient } from '../../prisma/generated/client';
import type { Logger } from '../../platform/logger';
import { hashPassword } from '../auth/passwords';
import { BUREAU_ID } from './demoPeople';

/**
 * The first admin of a real installation, from ADMIN_BOOTSTRAP_PASSWORD; nothing happens once one exists.
 * Not forced to change it (unlike a password an admin sets for someone else): no other person chose it — the
 * operator who deploys chose it for this account — and there is no one else yet to log in as.
 */
export async function bootstrapAdmin(prisma: PrismaClient, password: string, log: Logger): Promise<void> {
  const existing = await prisma.user.findFirst({ where: { roles: { has: 'admin' }, demo: false } });
  if (existing) return;
  // Runs under the start-up lock; still, a second process that got here first is not an error.
  const created = await prisma.user.createMany({
    data: [{ id: 'user-admin', username: 'admin', displayName: 'Administrator', passwordHash: await hashPassword(password), roles: ['admin'], organisationId: BUREAU_ID }],
    skipDuplicates: true,
  });
  if (created.count === 0) return;
  log.warn('Created the first admin user "admin" from ADMIN_BOOTSTRAP_PASSWORD; change the password (POST /api/v1/auth/password) and unset the variable.');
}
