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
    const status = d.status ?? 409;
    const title = status === 403 ? 'Forbidden' : status === 422 ? 'Precondition not met' : 'Not allowed in this state';
    return new ProblemError(status, title, { detail: d.reason ?? cause.message, code: d.code ?? 'refused' });
  }
  return new ProblemError(409, 'Action refused', { detail: cause?.message ?? err.message, code: 'refused' });
}
