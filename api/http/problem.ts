import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from '../../platform/logger';
import { classifyDatabaseError, DATABASE_RETRY_AFTER_SECONDS } from '../../platform/databaseErrors';
import { temporalUnavailable, TEMPORAL_RETRY_AFTER_SECONDS } from '../../platform/temporal/unavailable';

/** RFC 9457 problem details: every error the API returns has this shape, always with a stable `code`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** Machine-readable reason, e.g. a refused gate's code. Never absent: clients branch on it. */
  code: string;
  /** Field-level errors for bad input: the field path and what is wrong with it. */
  errors?: Array<{ field: string; message: string }>;
  requestId?: string;
}

type ProblemExtra = Omit<Partial<Problem>, 'status' | 'title' | 'code'> & {
  code: string;
  /** Sent as Retry-After: when a retry may succeed (503, 429). */
  retryAfterSeconds?: number;
};

export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly extra: ProblemExtra,
  ) {
    super(extra.detail ?? title);
  }
}

export const badRequest = (field: string, message: string) =>
  new ProblemError(400, `Invalid ${field}: ${message}`, { code: 'invalid_input', errors: [{ field, message }] });
export const notFound = (what: string) => new ProblemError(404, `${what} not found`, { code: 'not_found' });
export const forbidden = (reason: string) => new ProblemError(403, 'Forbidden', { detail: reason, code: 'forbidden' });
export const unauthorized = (reason: string) => new ProblemError(401, 'Unauthorized', { detail: reason, code: 'unauthorized' });
/**
 * The person logged in with a password an administrator reset: a 403, not a 401, since the token is good and the client must not drop it — it needs it
 * to change the password (POST /api/v1/auth/password), which is all it may do until then.
 */
export const PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED';
export const passwordChangeRequired = () =>
  new ProblemError(403, 'Password change required', {
    detail: 'Your password was set by an administrator: change it (POST /api/v1/auth/password, with the temporary password as the current one) before doing anything else',
    code: PASSWORD_CHANGE_REQUIRED,
  });
/** The database is away or busy: nothing was changed, the same request may succeed shortly. */
export const databaseUnavailable = () =>
  new ProblemError(503, 'The database is unavailable', { detail: 'Nothing was changed; retry shortly', code: 'database_unavailable', retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS });

export function sendProblem(res: Response, problem: Problem, retryAfterSeconds?: number): void {
  if (retryAfterSeconds !== undefined) res.setHeader('retry-after', String(retryAfterSeconds));
  res.status(problem.status).type('application/problem+json').json(problem);
}

/** Codes for the errors Express and its body parser raise on their own (they carry a `type`). */
const PARSER_CODES: Record<string, { code: string; title: string }> = {
  'entity.parse.failed': { code: 'invalid_json', title: 'Invalid JSON body' },
  'charset.unsupported': { code: 'unsupported_charset', title: 'Unsupported charset' },
  'encoding.unsupported': { code: 'unsupported_encoding', title: 'Unsupported content encoding' },
  'entity.verify.failed': { code: 'invalid_body', title: 'Invalid body' },
  'request.aborted': { code: 'request_aborted', title: 'Request aborted' },
  'request.size.invalid': { code: 'invalid_body', title: 'Request size did not match Content-Length' },
  'parameters.too.many': { code: 'too_many_parameters', title: 'Too many parameters' },
};

/** A stable code for any other 4xx a library raises (e.g. a malformed URL), from its status. */
const STATUS_CODES: Record<number, string> = { 400: 'bad_request', 404: 'not_found', 405: 'method_not_allowed', 406: 'not_acceptable', 411: 'length_required', 413: 'too_large', 414: 'uri_too_long', 415: 'unsupported_media_type', 431: 'headers_too_large' };

/** Turns anything thrown in a handler into a problem+json answer; unknown errors become a logged 500. */
export function problemHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const requestId = (req as { id?: string }).id;
    const send = (problem: Omit<Problem, 'type' | 'requestId'>, retryAfterSeconds?: number) =>
      sendProblem(res, { type: 'about:blank', ...problem, requestId }, retryAfterSeconds);
    if (err instanceof ProblemError) {
      const { retryAfterSeconds, ...extra } = err.extra;
      send({ title: err.title, status: err.status, ...extra }, retryAfterSeconds);
      return;
    }
    const status = (err as { status?: number }).status;
    const type = (err as { type?: string }).type;
    if (type === 'entity.too.large') {
      send({ title: 'Request body too large', status: 413, detail: `The body exceeds the limit of ${(err as { limit?: number }).limit} bytes`, code: 'too_large' });
      return;
    }
    if (type === 'entity.parse.failed') {
      send({ title: 'Invalid JSON body', status: 400, detail: (err as Error).message, code: 'invalid_json', errors: [{ field: 'body', message: 'is not valid JSON' }] });
      return;
    }
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const known = type ? PARSER_CODES[type] : undefined;
      // The router cannot decode a malformed percent-escape in the path.
      const badUrl = err instanceof URIError || /Failed to decode param/.test((err as Error).message ?? '');
      send({
        title: known?.title ?? (badUrl ? 'Malformed URL' : (err as Error).message),
        status,
        detail: (err as Error).message,
        code: known?.code ?? (badUrl ? 'invalid_url' : STATUS_CODES[status] ?? 'bad_request'),
      });
      return;
    }
    const database = classifyDatabaseError(err);
    if (database === 'transient') {
      log.warn({ err, requestId }, 'database unavailable');
      const p = databaseUnavailable();
      send({ title: p.title, status: p.status, detail: p.extra.detail, code: p.extra.code }, p.extra.retryAfterSeconds);
      return;
    }
    if (database === 'data') {
      // Input the schemas let through but the database cannot store: still the client's input, still a 400.
      log.warn({ err, requestId }, 'input the database cannot store');
      send({ title: 'Invalid input', status: 400, detail: 'A value cannot be stored (e.g. a control character or a number out of range)', code: 'invalid_input' });
      return;
    }
    if (database === 'constraint') {
      send({ title: 'Conflict', status: 409, detail: 'The change conflicts with stored data; reload and retry', code: 'conflict' });
      return;
    }
    if (temporalUnavailable(err)) {
      log.warn({ err, requestId }, 'Temporal unavailable');
      send({ title: 'The workflow service is unavailable', status: 503, detail: 'Retry shortly; an action sent with an Idempotency-Key is applied at most once', code: 'temporal_unavailable' }, TEMPORAL_RETRY_AFTER_SECONDS);
      return;
    }
    log.error({ err, requestId }, 'unhandled error');
    send({ title: 'Internal Server Error', status: 500, detail: `Quote request id ${requestId ?? '—'} when reporting this`, code: 'internal_error' });
  };
}
