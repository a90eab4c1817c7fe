import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { badRequest, passwordChangeRequired, ProblemError } from './problem';
import { controlCharacterIn } from './params';
import type { Principal } from '../auth/principal';

/**
 * A route declared once: its schemas validate requests at the edge AND generate the OpenAPI document,
 * so the two can never disagree.
 */
export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string; // express style, e.g. /api/v1/matters/:id
  summary: string;
  tags: string[];
  /** false only for login, health and the OpenAPI document. */
  auth: boolean;
  /**
   * Answers also while the person must still replace a password someone else set (principal.passwordChangeRequired):
   * only the change itself, logout and who-am-I (the web app reads it to show the change form). Every other
   * authenticated route answers 403 PASSWORD_CHANGE_REQUIRED until then.
   */
  beforePasswordChange?: true;
  params?: P;
  query?: Q;
  body?: B;
  /** A body that is not JSON (an uploaded file): read by the handler itself; documented with these types. */
  rawBody?: { contentTypes: string[]; description: string };
  /** Declared responses (status → description and schema) for the document. */
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
  headers?: Array<{ name: string; description: string; required?: boolean }>;
  handler: (ctx: {
    req: Request;
    res: Response;
    params: z.infer<P>;
    query: z.infer<Q>;
    body: z.infer<B>;
    principal: Principal | null;
  }) => Promise<unknown> | unknown;
}

// The route list holds specs of many shapes; this is the erased form.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteSpec<any, any, any>;

export function defineRoute<P extends z.ZodType = z.ZodObject<{}>, Q extends z.ZodType = z.ZodObject<{}>, B extends z.ZodType = z.ZodUnknown>(
  spec: RouteSpec<P, Q, B>,
): RouteSpec<P, Q, B> {
  return spec;
}

/** Zod issues → 400 problem naming each field. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = result.error.issues.map((i) => ({ field: [where, ...i.path.map(String)].join('.'), message: i.message }));
  const first = errors[0]!;
  throw new ProblemError(400, `Invalid ${first.field}: ${first.message}`, { code: 'invalid_input', errors });
}

export function mountRoutes(router: Router, routes: AnyRoute[], authenticate: (req: Request) => Promise<Principal | null>): void {
  for (const route of routes) {
    router[route.method](route.path, async (req: Request, res: Response) => {
      // A public route (login, health, catalogues) reads no principal, so it does not authenticate: an expired
      // or revoked token the client still sends must not turn a login or a health check into a 401.
      const principal = route.auth ? await authenticate(req) : null;
      if (route.auth && !principal) throw new ProblemError(401, 'Unauthorized', { detail: 'Log in first: send Authorization: Bearer <token>', code: 'unauthorized' });
      // Before anything is read or validated: whoever set the password (and so could log in with it) gets nothing
      // out of the account and does nothing in it until its holder has replaced it.
      if (principal?.passwordChangeRequired && !route.beforePasswordChange) throw passwordChangeRequired();
      const control = controlCharacterIn(req.params, 'params') ?? controlCharacterIn(req.query, 'query');
      if (control) throw badRequest(...control);
      const params = route.params ? parseOrThrow(route.params, req.params, 'params') : {};
      const query = route.query ? parseOrThrow(route.query, req.query, 'query') : {};
      const body = route.body ? parseOrThrow(route.body, req.body ?? {}, 'body') : undefined;
      const result = await route.handler({ req, res, params, query, body, principal });
      if (!res.headersSent && result !== undefined) res.json(result);
    });
  }
}
