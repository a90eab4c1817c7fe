import crypto from 'node:crypto';
import type { Request } from 'express';
import type { PrismaClient } from '../../prisma/generated/client';
import { canonicalJson } from '../../domain/evidence';
import { ProblemError } from './problem';

/** Printable ASCII without spaces, as UUIDs and the usual client-generated keys are. */
const KEY = /^[\x21-\x7e]{1,200}$/;

/** The request's Idempotency-Key, checked (400 naming the header when malformed), or undefined. */
export function idempotencyKeyOf(req: Request): string | undefined {
  const key = req.get('idempotency-key');
  if (key === undefined) return undefined;
  if (!KEY.test(key)) {
    throw new ProblemError(400, 'Invalid header Idempotency-Key', { code: 'invalid_input', errors: [{ field: 'headers.Idempotency-Key', message: 'must be 1–200 printable ASCII characters without spaces' }] });
  }
  return key;
}

/**
 * Binds a key to the request it is first used with — the route, the resource and the validated body, as
 * canonical JSON — in the database, so every API instance and every restart sees the same binding. The
 * same key again with the same request is a retry (answered as the first); with any other request it is
 * refused with 422 `idempotency_key_reused` instead of silently answering the first. Keys are per person.
 */
export async function claimIdempotencyKey(prisma: PrismaClient, userId: string, key: string, request: { route: string; resource?: string; body: unknown }): Promise<void> {
  const fingerprint = crypto.createHash('sha256').update(canonicalJson(request), 'utf8').digest('hex');
  // Insert-if-absent then read: of two concurrent first uses, exactly one binds the key.
  await prisma.$executeRaw`INSERT INTO idempotency_key (user_id, key, fingerprint) VALUES (${userId}, ${key}, ${fingerprint}) ON CONFLICT DO NOTHING`;
  const bound = await prisma.idempotencyKey.findUnique({ where: { userId_key: { userId, key } }, select: { fingerprint: true } });
  if (bound && bound.fingerprint !== fingerprint) {
    throw new ProblemError(422, 'Idempotency-Key reused for a different request', {
      detail: 'This key was first sent with another request (another command, body or matter); use a new key for a new request',
      code: 'idempotency_key_reused',
      errors: [{ field: 'headers.Idempotency-Key', message: 'was already used for a different request' }],
    });
  }
}
