import { z } from 'zod';

/**
 * Bounded primitives for what arrives in a URL (path parameters and query values). Everything a route
 * reads from the URL is one of these or an enumeration, so no URL reaches the database unchecked
 * (a NUL byte or 2^31 there was a 500).
 */

/** Largest value of a PostgreSQL integer column. */
export const INT32_MAX = 2_147_483_647;

/** An id as the server issues them (uuids, `user-…`, `fcr-…`): letters, digits and `_ . : + @ -`. */
export const resourceId = (max = 200) =>
  z.string().min(1, 'is required').max(max, `must be at most ${max} characters`).regex(/^[\w.:+@-]+$/, 'must contain only letters, digits and _ . : + @ -');

/** A positive whole number that fits the database (1 … 2^31−1). */
export const positiveInt = () =>
  z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be 1 or more').max(INT32_MAX, `must be at most ${INT32_MAX}`);

/** C0 controls and DEL: never meaningful in a URL value. */
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The first URL value (path parameter or query value, nested arrays/objects included) that contains a
 * control character, as [field, message], or null. Applied to every route before its own schema.
 */
export function controlCharacterIn(values: unknown, where: string): [string, string] | null {
  if (typeof values === 'string') return CONTROL.test(values) ? [where, 'must not contain control characters'] : null;
  if (Array.isArray(values)) {
    for (const [i, v] of values.entries()) {
      const found = controlCharacterIn(v, `${where}.${i}`);
      if (found) return found;
    }
    return null;
  }
  if (values && typeof values === 'object') {
    for (const [k, v] of Object.entries(values)) {
      const found = CONTROL.test(k) ? ([where, 'must not contain control characters'] as [string, string]) : controlCharacterIn(v, `${where}.${k}`);
      if (found) return found;
    }
  }
  return null;
}
