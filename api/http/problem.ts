import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from '../../platform/logger';

/** RFC 9457 problem details: every error the API returns has this shape. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** Machine-readable reason, e.g. a refused gate's code. */
  code?: string;
  /** Field-level errors for bad input: the field path and what is wrong with it. */
  errors?: Array<{ field: string; message: string }>;
  requestId?: string;
}

export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly extra: Omit<Partial<Problem>, 'status' | 'title'> = {},
  ) {
    super(extra.detail ?? title);
  }
}

export const badRequest = (field: string, message: string) =>
  new ProblemError(400, `Invalid ${field}: ${message}`, { code: 'invalid_input', errors: [{ field, message }] });
export const notFound = (what: string) => new ProblemError(404, `${what} not found`, { code: 'not_found' });
export const forbidden = (reason: string) => new ProblemError(403, 'Forbidden', { detail: reason, code: 'forbidden' });
export const unauthorized = (reason: string) => new ProblemError(401, 'Unauthorized', { detail: reason, code: 'unauthorized' });

export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type('application/problem+json').json(problem);
}

/** Turns anything thrown in a handler into a problem+json answer; unknown errors become a logged 500. */
export function problemHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const requestId = (req as { id?: string }).id;
    if (err instanceof ProblemError) {
      sendProblem(res, { type: 'about:blank', title: err.title, status: err.status, ...err.extra, requestId });
      return;
    }
    // express.json() raises these for bodies it cannot take.
    const status = (err as { status?: number; type?: string }).status;
    const type = (err as { type?: string }).type;
    if (type === 'entity.too.large') {
      sendProblem(res, { type: 'about:blank', title: 'Request body too large', status: 413, detail: `The body exceeds the limit of ${(err as { limit?: number }).limit} bytes`, code: 'too_large', requestId });
      return;
    }
    if (type === 'entity.parse.failed') {
      sendProblem(res, { type: 'about:blank', title: 'Invalid JSON body', status: 400, detail: (err as Error).message, code: 'invalid_json', errors: [{ field: 'body', message: 'is not valid JSON' }], requestId });
      return;
    }
    if (typeof status === 'number' && status >= 400 && status < 500) {
      sendProblem(res, { type: 'about:blank', title: (err as Error).message, status, requestId });
      return;
    }
    log.error({ err, requestId }, 'unhandled error');
    sendProblem(res, { type: 'about:blank', title: 'Internal Server Error', status: 500, requestId });
  };
}
