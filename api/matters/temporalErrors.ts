import { WorkflowUpdateFailedError, WorkflowNotFoundError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { ProblemError } from '../http/problem';
import { STORAGE_REFUSED } from '../../activities/storageRefused';

/**
 * The workflow refuses an action (validator or handler) with an ApplicationFailure of type ActionRefused
 * carrying {status, code, reason}; this turns it into the HTTP answer with the rule that refused it.
 */
export function problemFromTemporal(err: unknown): ProblemError | null {
  if (err instanceof WorkflowNotFoundError) return new ProblemError(409, 'The matter is closed', { detail: 'Its workflow is no longer running', code: 'matter_closed' });
  if (!(err instanceof WorkflowUpdateFailedError)) return null;
  const cause = err.cause;
  if (cause instanceof ApplicationFailure && cause.type === 'ActionRefused') {
    const d = (cause.details?.[0] ?? {}) as { status?: number; code?: string; reason?: string };
    return refusalProblem({ status: d.status ?? 409, code: d.code ?? 'refused', reason: d.reason ?? cause.message });
  }
  const storage = storageRefusalIn(cause);
  if (storage) {
    const kind = (storage.details?.[0] as { kind?: string } | undefined)?.kind;
    return new ProblemError(kind === 'constraint' ? 409 : 422, 'The action could not be stored', { detail: storage.message, code: 'storage_refused' });
  }
  return new ProblemError(409, 'Action refused', { detail: cause?.message ?? err.message, code: 'refused' });
}

/** The database's refusal of what an activity would store, anywhere in a failure's cause chain. */
export function storageRefusalIn(err: unknown): ApplicationFailure | null {
  for (let e = err, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof ApplicationFailure && e.type === STORAGE_REFUSED) return e;
  }
  return null;
}

/** A refusal by the procedure's rules as the HTTP answer: its status, its code, its reason (and the fields it is about, when known). */
export function refusalProblem(r: { status: number; code: string; reason: string }, errors?: Array<{ field: string; message: string }>): ProblemError {
  const title = r.status === 403 ? 'Forbidden' : r.status === 422 ? 'Precondition not met' : 'Not allowed in this state';
  return new ProblemError(r.status, title, { detail: r.reason, code: r.code, ...(errors ? { errors } : {}) });
}
