import type { PrismaClient } from '../../prisma/generated/client';
import type { Logger } from '../../platform/logger';
import { hashPassword } from '../auth/passwords';
import { BUREAU_ID } from './demoPeople';

/** The first admin of a real installation, from ADMIN_BOOTSTRAP_PASSWORD; nothing happens once one exists. */
export async function bootstrapAdmin(prisma: PrismaClient, password: string, log: Logger): Promise<void> {
  const existing = await prisma.user.findFirst({ where: { roles: { has: 'admin' }, demo: false } });
  if (existing) return;
  // Runs under the start-up lock; still, a second process that got here first is not an error.
  const created = await prisma.user.createMany({
    data: [{ id: 'user-admin', username: 'admin', displayName: 'Administrator', passwordHash: await hashPassword(password), roles: ['admin'], organisationId: BUREAU_ID }],
    skipDuplicates: true,
  });
  if (created.count === 0) return;
  log.warn('Created the first admin user "admin" from ADMIN_BOOTSTRAP_PASSWORD; change the password and unset the variable.');
}
