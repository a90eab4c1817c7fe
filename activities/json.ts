import type { Prisma } from '../prisma/generated/client';

/**
 * A value read back as JSON is stored in a JSON column. Our states and records are plain data (validated by
 * their schemas where they enter), which Prisma's recursive JSON type cannot see from their TypeScript types.
 */
export const asJson = (v: object): Prisma.InputJsonValue => v as Prisma.InputJsonValue;
