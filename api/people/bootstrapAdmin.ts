import type { PrismaClient } from '../../prisma/generated/client';
import type { Logger } from '../../platform/logger';
import { hashPassword } from '../auth/passwords';
import { BUREAU_ID } from './demoPeople';

/** The first admin of a real installation, from ADMIN_BOOTSTRAP_PASSWORD; nothing happens once one exists. */
export async function bootstrapAdmin(prisma: PrismaClient, password: string, log: Logger): Promise<void> {
  const existing = await prisma.user.findFirst({ where: { roles: { has: 'admin' }, demo: false } });
  if (existing) return;
  await prisma.user.create({
    data: { id: 'user-admin', username: 'admin', displayName: 'Administrator', passwordHash: await hashPassword(password), roles: ['admin'], organisationId: BUREAU_ID },
  });
  log.warn('Created the first admin user "admin" from ADMIN_BOOTSTRAP_PASSWORD; change the password and unset the variable.');
}
