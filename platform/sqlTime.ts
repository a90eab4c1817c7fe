/**
 * TIMESTAMP(3) columns hold UTC instants (Prisma's convention for DateTime). The reads and writes that go
 * through the driver instead of Prisma say so in SQL, so neither the driver's nor the session's time zone
 * ever applies.
 */

/** A timestamp column read as an ISO instant, e.g. 2026-11-30T06:00:00.123Z. */
export const utc = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Parameter `$n` (an ISO instant, any offset) as the UTC value such a column holds. */
export const utcParameter = (n: number) => `($${n}::timestamptz AT TIME ZONE 'UTC')`;

/** The transaction's current time as such a column holds it. */
export const UTC_NOW = `(now() AT TIME ZONE 'UTC')`;
