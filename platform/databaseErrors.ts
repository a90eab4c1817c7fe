/**
 * What a database error means for the caller, whatever layer raised it (Prisma, its PostgreSQL or PGlite
 * driver adapter, node-postgres, the socket):
 * - `transient`: the database is away or busy (connection refused or lost, too many connections, shutdown,
 *   serialization failure, deadlock, timeout). Retrying later can succeed: the API answers 503 with
 *   Retry-After, an activity retries.
 * - `constraint`: the data conflicts with stored data (unique, foreign key, not null, check; SQLSTATE 23xxx).
 * - `data`: the data cannot be stored at all (NUL byte, lone surrogate, value too long or out of range;
 *   SQLSTATE 22xxx). Neither of the last two is cured by a retry: an activity must fail non-retryably.
 */
export type DatabaseErrorKind = 'transient' | 'constraint' | 'data';

const TRANSIENT_PRISMA = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2034', 'P2037']);
const CONSTRAINT_PRISMA = new Set(['P2002', 'P2003', 'P2004', 'P2011', 'P2014']);
const DATA_PRISMA = new Set(['P2000', 'P2005', 'P2006', 'P2007', 'P2019', 'P2020', 'P2023', 'P2033']);
const TRANSIENT_ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'TooManyConnections', 'SocketTimeout', 'TransactionWriteConflict', 'TransactionAlreadyClosed']);
const CONSTRAINT_ADAPTER_KINDS = new Set(['UniqueConstraintViolation', 'ForeignKeyConstraintViolation', 'NullConstraintViolation']);
const DATA_ADAPTER_KINDS = new Set(['LengthMismatch', 'ValueOutOfRange', 'InvalidInputValue', 'UnsupportedNativeDataType']);
const TRANSIENT_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);
/** node-postgres says these in words, without a code. */
const TRANSIENT_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended|server closed the connection/i;
/** Prisma's engine refuses strings it cannot encode (a lone surrogate) before they reach the database. */
const DATA_MESSAGES = /unexpected end of hex escape|lone leading surrogate|invalid unicode code point|invalid byte sequence/i;

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  /** PrismaClientInitializationError keeps its P-code here. */
  errorCode?: unknown;
  message?: unknown;
  severity?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
}

function sqlStateKind(state: string, severity: unknown): DatabaseErrorKind | null {
  if (/^(08|53|57P0[1-3])/.test(state) || state === '40001' || state === '40P01' || state === '57014') return 'transient';
  // "database is not currently accepting connections" and its kind arrive as FATAL at connection time.
  if (state === '55000' && severity === 'FATAL') return 'transient';
  if (state.startsWith('23')) return 'constraint';
  if (state.startsWith('22')) return 'data';
  return null;
}

/** The kind of a database error, or null when it is not one (or not one we recognise). */
export function classifyDatabaseError(err: unknown, depth = 0): DatabaseErrorKind | null {
  if (!err || typeof err !== 'object' || depth > 4) return null;
  const e = err as ErrorShape;
  const code = typeof e.code === 'string' ? e.code : typeof e.errorCode === 'string' ? e.errorCode : undefined;
  if (code && TRANSIENT_PRISMA.has(code)) return 'transient';
  if (code && CONSTRAINT_PRISMA.has(code)) return 'constraint';
  if (code && DATA_PRISMA.has(code)) return 'data';
  if (code && TRANSIENT_ERRNO.has(code)) return 'transient';
  // A SQLSTATE on the error itself (node-postgres, PGlite) or on a driver adapter's cause.
  for (const state of [code, typeof e.originalCode === 'string' ? e.originalCode : undefined]) {
    if (state && /^[0-9A-Z]{5}$/.test(state)) {
      const kind = sqlStateKind(state, e.severity);
      if (kind) return kind;
    }
  }
  if (typeof e.kind === 'string') {
    if (TRANSIENT_ADAPTER_KINDS.has(e.kind)) return 'transient';
    if (CONSTRAINT_ADAPTER_KINDS.has(e.kind)) return 'constraint';
    if (DATA_ADAPTER_KINDS.has(e.kind)) return 'data';
  }
  const nested = classifyDatabaseError(e.meta?.driverAdapterError, depth + 1) ?? classifyDatabaseError(e.cause, depth + 1);
  if (nested) return nested;
  const message = typeof e.message === 'string' ? e.message : '';
  if (TRANSIENT_MESSAGES.test(message)) return 'transient';
  if (/^PrismaClient(Unknown|Known)RequestError$/.test(String(e.name ?? (err as object).constructor?.name)) && DATA_MESSAGES.test(message)) return 'data';
  return null;
}

/**
 * A unique violation, whatever layer raised it: Prisma's P2002, a raw query's P2010 carrying SQLSTATE 23505,
 * or the driver's own error (node-postgres, PGlite) with that SQLSTATE.
 */
export function isUniqueViolation(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const e = err as ErrorShape & { meta?: { code?: unknown } };
  if (e.code === 'P2002' || e.code === '23505' || e.originalCode === '23505' || e.kind === 'UniqueConstraintViolation') return true;
  if (e.code === 'P2010' && e.meta?.code === '23505') return true;
  return isUniqueViolation(e.meta?.driverAdapterError, depth + 1) || isUniqueViolation(e.cause, depth + 1);
}

/** Seconds a client should wait before retrying after a transient database error. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
