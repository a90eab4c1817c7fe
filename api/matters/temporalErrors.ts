import { WorkflowUpdateFailedError, WorkflowNotFoundError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { ProblemError } from '../http/problem';

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
  return new ProblemError(409, 'Action refused', { detail: cause?.message ?? err.message, code: 'refused' });
}

/** A refusal by the procedure's rules as the HTTP answer: its status, its code, its reason. */
export function refusalProblem(r: { status: number; code: string; reason: string }): ProblemError {
  const title = r.status === 403 ? 'Forbidden' : r.status === 422 ? 'Precondition not met' : 'Not allowed in this state';
  return new ProblemError(r.status, title, { detail: r.reason, code: r.code });
}
