import type { Prisma } from '../../prisma/generated/client';
import type { Sql } from '../../platform/database';

/**
 * A Prisma interactive transaction seen as `Sql`, so the activities that still write through Prisma (the
 * pre-screens: a few per matter, not one per action) append to the trail with the same code as the rest.
 */
export function prismaTransactionSql(tx: Prisma.TransactionClient): Sql {
  return {
    async query<T>(text: string, params: unknown[] = []): Promise<T[]> {
      if (/^\s*(SELECT|WITH)\b/i.test(text)) return tx.$queryRawUnsafe<T[]>(text, ...params);
      await tx.$executeRawUnsafe(text, ...params);
      return [];
    },
  };
}
