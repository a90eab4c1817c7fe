import { ApplicationFailure } from '@temporalio/common';
import { classifyDatabaseError } from '../platform/databaseErrors';

import { STORAGE_REFUSED } from '../workflows/definitions';

export { STORAGE_REFUSED };

export interface StorageRefusal {
  kind: 'data' | 'constraint';
  /** The fields of a violated unique constraint, when the database names them. */
  fields: string[];
}

/**
 * Runs an activity's storage step. When the database refuses the data itself — a constraint it violates
 * (unique, foreign key, not null) or a value it cannot hold (NUL, lone surrogate, out of range) — no retry
 * can cure it, so the activity fails NON-retryably (else it retries for ever, and the matter's workflow,
 * which waits on it, answers nothing but 503 from then on). Transient errors (database away, deadlock)
 * are thrown as they are and retried.
 */
export async function refusingUncurable<T>(what: string, store: () => Promise<T>): Promise<T> {
  try {
    return await store();
  } catch (err) {
    const kind = classifyDatabaseError(err);
    if (kind !== 'data' && kind !== 'constraint') throw err;
    const refusal: StorageRefusal = { kind, fields: constraintFields(err) };
    const why = kind === 'constraint' ? `it conflicts with stored data${refusal.fields.length ? ` (${refusal.fields.join(', ')})` : ''}` : 'a value cannot be stored';
    throw ApplicationFailure.create({ type: STORAGE_REFUSED, message: `${what} was not stored: ${why}`, nonRetryable: true, details: [refusal], cause: err instanceof Error ? err : undefined });
  }
}

function constraintFields(err: unknown): string[] {
  const target = (err as { meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: unknown } } } } }).meta;
  const fields = target?.target ?? target?.driverAdapterError?.cause?.constraint?.fields;
  return Array.isArray(fields) ? fields.map(String) : typeof fields === 'string' ? [fields] : [];
}
