import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { z } from 'zod';
import { defineRoute, mountRoutes } from '../../../api/http/route';
import { problemHandler } from '../../../api/http/problem';
import { createLogger } from '../../../platform/logger';
import type { Principal } from '../../../api/auth/principal';

const person = (passwordChangeRequired: boolean): Principal => ({ userId: 'u-1', username: 'p1', displayName: 'p1', roles: ['lawyer'], sectionId: null, organisationId: 'law-firm', tokenId: 't-1', demo: false, lawyerContract: null, passwordChangeRequired });

/**
 * The gate every authenticated route passes (api/http/route.ts): a person whose password someone else set gets
 * 403 PASSWORD_CHANGE_REQUIRED everywhere but the routes marked `beforePasswordChange` — before the handler runs
 * and before the input is even validated; public routes are not concerned.
 */
describe('routes while a password change is required', () => {
  let server: http.Server;
  let who: Principal = person(true);
  const ran: string[] = [];
  beforeAll(async () => {
    const app = express();
    app.use(express.json());
    const router = express.Router();
    mountRoutes(router, [
      defineRoute({ method: 'post', path: '/act', summary: 'an action', tags: [], auth: true, body: z.strictObject({ n: z.number() }), responses: {}, handler: () => { ran.push('act'); return { ok: true }; } }),
      defineRoute({ method: 'post', path: '/change', summary: 'the change', tags: [], auth: true, beforePasswordChange: true, responses: {}, handler: () => { ran.push('change'); return { ok: true }; } }),
      defineRoute({ method: 'get', path: '/public', summary: 'public', tags: [], auth: false, responses: {}, handler: () => ({ ok: true }) }),
    ], async () => who);
    app.use(router);
    app.use(problemHandler(createLogger({ LOG_LEVEL: 'silent' })));
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const call = async (method: string, path: string, body?: unknown) => {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as Record<string, unknown> };
  };

  test('refused with 403 PASSWORD_CHANGE_REQUIRED as problem+json, before validation and without running the handler', async () => {
    who = person(true);
    const refused = await call('POST', '/act', { n: 1 });
    expect(refused).toMatchObject({ status: 403, type: expect.stringMatching(/^application\/problem\+json/), body: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    expect((await call('POST', '/act', { n: 'not a number' })).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(ran).toEqual([]);
  });

  test('the change itself and public routes answer', async () => {
    who = person(true);
    expect((await call('POST', '/change')).status).toBe(200);
    expect((await call('GET', '/public')).status).toBe(200);
    expect(ran).toEqual(['change']);
  });

  test('once changed, everything answers as before', async () => {
    who = person(false);
    expect((await call('POST', '/act', { n: 1 })).status).toBe(200);
    expect((await call('POST', '/act', { n: 'x' })).status).toBe(400);
  });
});
