/**
 * Bad input across every endpoint, table-driven from the OpenAPI document the API serves — a new endpoint
 * is covered as soon as it is declared. Every bad request must get a 4xx (never a 5xx, never a 2xx) and
 * change nothing: the database (every table but the login bookkeeping) is compared before and after each
 * case. Plus the cases that need a story: HTML in text fields (stored as text, printed escaped), an action
 * in the wrong stage, a replayed action, path traversal into the static files.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { api, person, startTestSystem, type TestPerson } from './support/testSystem';
import { ADMIN_URL } from './globalSetup';
import type { System } from '../../app/system';

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: unknown;
}
interface Operation {
  security?: unknown[];
  parameters?: Array<{ name: string; in: 'path' | 'query' | 'header'; schema?: JsonSchema }>;
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
}
interface Endpoint {
  method: string;
  path: string;
  op: Operation;
  label: string;
}

const DB = `lr_bad_input_${process.pid}`;
const TEXT = '第一条 为规范管理，制定本办法。\n第二条 本办法自发布之日起施行。';
/** Tables that record logins and tokens: a refused request may count a failed login there, by design. */
const LOGIN_BOOKKEEPING = new Set(['auth_token', 'login_throttle', '_prisma_migrations']);

function typeOf(s: JsonSchema): string | undefined {
  if (Array.isArray(s.type)) return s.type.find((t) => t !== 'null');
  if (s.type) return s.type;
  const alt = s.anyOf ?? s.oneOf ?? s.allOf;
  return alt ? alt.map(typeOf).find(Boolean) : undefined;
}

/** A value of the schema's shape that a validator would most likely accept (required fields only). */
function plausible(s: JsonSchema | undefined, depth = 0): unknown {
  if (!s || depth > 6) return 'x';
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const alt = s.oneOf ?? s.anyOf;
  if (alt?.length && !s.type) return plausible(alt[0], depth + 1);
  switch (typeOf(s)) {
    case 'string':
      if (s.format === 'date') return '2026-03-02';
      if (s.format === 'date-time') return '2026-03-02T08:00:00.000Z';
      if (s.format === 'uri' || s.format === 'url') return 'https://example.invalid/x';
      {
        const text = '规范文本'.repeat(Math.max(1, Math.ceil((s.minLength ?? 1) / 4))).slice(0, Math.max(s.minLength ?? 1, 4));
        // A field with a pattern (ids) gets an ASCII id when Chinese text would not match it.
        if (s.pattern && !new RegExp(s.pattern, 'u').test(text)) return 'id-1'.padEnd(s.minLength ?? 1, 'x');
        return text;
      }
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => plausible(s.items, depth + 1));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const k of s.required ?? []) out[k] = plausible(s.properties?.[k], depth + 1);
      return out;
    }
    default:
      return 'x';
  }
}

/** A value of the wrong JSON type for the schema. */
function wrongType(s: JsonSchema): unknown {
  switch (typeOf(s)) {
    case 'string':
      return 12345;
    case 'integer':
    case 'number':
      return 'not-a-number';
    case 'boolean':
      return 'yes';
    case 'array':
      return 'not-a-list';
    case 'object':
      return 'not-an-object';
    default:
      return { unexpected: true };
  }
}

/** The string form of a property (a nullable one is `anyOf: [string, null]`). */
function stringBranch(s: JsonSchema): JsonSchema | undefined {
  if (typeOf(s) !== 'string') return undefined;
  return (s.anyOf ?? s.oneOf ?? [s]).find((b) => typeOf(b) === 'string') ?? s;
}

/** Free-text string properties (not enums or dates), where control characters must be refused. */
function textProperties(s: JsonSchema | undefined): string[] {
  return Object.entries(s?.properties ?? {})
    .filter(([, p]) => {
      const b = stringBranch(p);
      return b && !b.enum && !b.format && b.const === undefined;
    })
    .map(([k]) => k);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

describe('bad input, every endpoint from the OpenAPI document', () => {
  let system: System;
  let http: ReturnType<typeof api>;
  let db: Client;
  let endpoints: Endpoint[];
  let drafter: TestPerson;
  let auditor: TestPerson;
  let admin: TestPerson;
  let matterId: string;
  let userId: string;

  beforeAll(async () => {
    // A database of its own: "nothing changed" must not see other test files' writes.
    const adminDb = new Client({ connectionString: ADMIN_URL });
    await adminDb.connect();
    await adminDb.query(`CREATE DATABASE ${DB}`);
    await adminDb.end();
    const url = new URL(ADMIN_URL);
    url.pathname = `/${DB}`;
    system = await startTestSystem({ env: { DATABASE_URL: url.toString() } });
    http = api(system);
    db = new Client({ connectionString: url.toString() });
    await db.connect();
    [drafter, auditor, admin] = await Promise.all([person(system, ['drafter']), person(system, ['auditor']), person(system, ['admin'])]);
    const created = await http.post('/api/v1/matters', drafter, { title: '坏输入测试', kind: 'normative_document', flags: [], text: TEXT });
    expect(created.status).toBe(201);
    matterId = created.body.id;
    userId = drafter.id;
    const doc = (await http.get('/api/v1/openapi.json', null)).body as { paths: Record<string, Record<string, Operation>> };
    endpoints = Object.entries(doc.paths).flatMap(([p, methods]) => Object.entries(methods).map(([method, op]) => ({ method, path: p, op, label: `${method.toUpperCase()} ${p}` })));
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await system?.stop();
    const adminDb = new Client({ connectionString: ADMIN_URL });
    await adminDb.connect();
    await adminDb.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await adminDb.end();
  });

  /** Every table but the login bookkeeping, as one digest. */
  async function snapshot(): Promise<string> {
    const { rows } = await db.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name");
    const parts: string[] = [];
    for (const { table_name: t } of rows) {
      if (LOGIN_BOOKKEEPING.has(t)) continue;
      const r = await db.query<{ d: string | null }>(`SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS d FROM "${t}" x`);
      parts.push(`${t}:${r.rows[0]?.d ?? ''}`);
    }
    return parts.join('\n');
  }

  const concrete = (p: string, overrides: Record<string, string> = {}) =>
    p.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(overrides[name] ?? ({ id: p.startsWith('/api/v1/users') ? userId : p.startsWith('/api/v1/organisations') ? 'law-firm' : matterId, number: '1', year: '2026', signOffId: 'no-such-sign-off' } as Record<string, string>)[name] ?? 'x'));

  interface Case {
    endpoint: Endpoint;
    what: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | null;
    token?: string | null;
    expect?: (status: number) => boolean;
    /** The problem must name this field (errors[].field, or the unknown key in its message): refused for the right reason. */
    names?: string;
  }

  /** Sends the case and checks: a 4xx problem, nothing changed in the database. Returns a failure line or null. */
  async function run(c: Case): Promise<string | null> {
    const before = await snapshot();
    const token = c.token === undefined ? (c.endpoint.op.security?.length === 0 ? null : drafter.token) : c.token;
    const res = await fetch(`${system.apiUrl}${c.path ?? concrete(c.endpoint.path)}`, {
      method: c.endpoint.method.toUpperCase(),
      headers: { ...(c.body !== undefined && c.body !== null ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...c.headers },
      body: c.body ?? undefined,
    });
    const text = await res.text();
    const after = await snapshot();
    const ok = c.expect ? c.expect(res.status) : res.status >= 400 && res.status < 500;
    const problems: string[] = [];
    if (!ok) problems.push(`answered ${res.status}`);
    if (res.status >= 400 && !/application\/problem\+json/.test(res.headers.get('content-type') ?? '')) problems.push(`not a problem+json (${res.headers.get('content-type')})`);
    if (after !== before) problems.push('CHANGED the database');
    if (/root:x:0:0|"devDependencies"/.test(text)) problems.push('leaked a file');
    if (c.names && res.status === 400) {
      const errors = ((safeJson(text) as { errors?: Array<{ field?: string; message?: string }> } | null)?.errors ?? []);
      if (!errors.some((e) => e.field === c.names || e.field?.startsWith(`${c.names}.`) || (c.names!.endsWith('unexpectedField') && `${e.field} ${e.message}`.includes('unexpectedField')))) problems.push(`did not name ${c.names}`);
    }
    return problems.length ? `${c.endpoint.label} — ${c.what}: ${problems.join(', ')} ${text.slice(0, 160)}` : null;
  }

  async function runAll(cases: Case[]): Promise<string[]> {
    const failures: string[] = [];
    for (const c of cases) {
      const f = await run(c);
      if (f) failures.push(f);
    }
    return failures;
  }

  const jsonBodyOf = (e: Endpoint) => e.op.requestBody?.content['application/json']?.schema;
  const withJsonBody = () => endpoints.filter((e) => jsonBodyOf(e));

  test('the document declares the endpoints this suite walks', () => {
    expect(endpoints.length).toBeGreaterThan(20);
    expect(withJsonBody().map((e) => e.label)).toEqual(expect.arrayContaining(['POST /api/v1/matters', 'POST /api/v1/matters/{id}/actions', 'POST /api/v1/users']));
  });

  test('malformed JSON, a body that is not an object, a body over the size limit: 4xx, nothing changed', async () => {
    const cases: Case[] = withJsonBody().flatMap((endpoint) => [
      { endpoint, what: 'malformed JSON', body: '{"title": "unterminated' },
      { endpoint, what: 'JSON array instead of an object', body: '[]' },
      { endpoint, what: 'JSON number instead of an object', body: '42' },
      { endpoint, what: 'JSON null', body: 'null' },
      { endpoint, what: 'body over the limit', body: JSON.stringify({ text: 'x'.repeat(3 * 1024 * 1024) }) },
    ]);
    expect(await runAll(cases)).toEqual([]);
  });

  test('wrong types and unknown fields: 4xx, nothing changed', async () => {
    const cases: Case[] = withJsonBody().flatMap((endpoint) => {
      const schema = jsonBodyOf(endpoint)!;
      const base = plausible(schema) as Record<string, unknown>;
      return [
        ...Object.entries(schema.properties ?? {}).map(([k, p]): Case => ({ endpoint, what: `wrong type for ${k}`, body: JSON.stringify({ ...base, [k]: wrongType(p) }), names: `body.${k}` })),
        { endpoint, what: 'an unknown field', body: JSON.stringify({ ...base, unexpectedField: 'surprise' }), names: 'body.unexpectedField' },
      ];
    });
    expect(await runAll(cases)).toEqual([]);
  });

  test('oversize strings, NUL and control characters in text fields: 4xx, nothing changed', async () => {
    const cases: Case[] = withJsonBody().flatMap((endpoint) => {
      const schema = jsonBodyOf(endpoint)!;
      const base = plausible(schema) as Record<string, unknown>;
      return textProperties(schema).flatMap((k): Case[] => {
        const max = stringBranch(schema.properties![k]!)?.maxLength;
        const names = `body.${k}`;
        return [
          ...(max !== undefined && max < 1_500_000 ? [{ endpoint, what: `${k} one character too long`, body: JSON.stringify({ ...base, [k]: 'x'.repeat(max + 1) }), names }] : []),
          { endpoint, what: `NUL in ${k}`, body: JSON.stringify({ ...base, [k]: 'a\u0000b' }), names },
          { endpoint, what: `a control character in ${k}`, body: JSON.stringify({ ...base, [k]: 'a\u0007b' }), names },
        ];
      });
    });
    expect(await runAll(cases)).toEqual([]);
  });

  test('every free-text field of every body declares its maximum length', () => {
    const unbounded = withJsonBody().flatMap((e) => textProperties(jsonBodyOf(e)).filter((k) => stringBranch(jsonBodyOf(e)!.properties![k]!)?.maxLength === undefined).map((k) => `${e.label} ${k}`));
    expect(unbounded).toEqual([]);
  });

  test('query values of the wrong shape or with control characters: 4xx, nothing changed', async () => {
    const cases: Case[] = endpoints.flatMap((endpoint) =>
      (endpoint.op.parameters ?? []).filter((p) => p.in === 'query').flatMap((p): Case[] => {
        const t = typeOf(p.schema ?? {});
        // Only where the shape is declared: an id or a cursor that matches nothing is an empty answer, not an error.
        const wrong = p.schema?.enum || t === 'boolean' ? 'not-one-of-them' : t === 'integer' || t === 'number' ? 'abc' : p.schema?.format === 'date' ? 'not-a-date' : null;
        return [
          ...(wrong ? [{ endpoint, what: `${p.name}=${wrong}`, path: `${concrete(endpoint.path)}?${p.name}=${wrong}` }] : []),
          { endpoint, what: `${p.name} with NUL`, path: `${concrete(endpoint.path)}?${p.name}=a%00b` },
        ];
      }),
    );
    expect(await runAll(cases)).toEqual([]);
  });

  test('path traversal, NUL and overlong values in path parameters: 4xx, nothing changed, no file leaked', async () => {
    const cases: Case[] = endpoints.flatMap((endpoint) =>
      [...endpoint.path.matchAll(/\{(\w+)\}/g)].flatMap(([, name]): Case[] => {
        const body = jsonBodyOf(endpoint) ? JSON.stringify(plausible(jsonBodyOf(endpoint))) : undefined;
        return [
          { endpoint, what: `${name} = ../../etc/passwd`, path: concrete(endpoint.path, { [name!]: '../../../../etc/passwd' }), body },
          { endpoint, what: `${name} with NUL`, path: concrete(endpoint.path, { [name!]: 'a\u0000b' }), body },
          { endpoint, what: `${name} overlong`, path: concrete(endpoint.path, { [name!]: 'x'.repeat(5_000) }), body },
        ];
      }),
    );
    expect(await runAll(cases)).toEqual([]);
    const statics = ['/..%2F..%2Fpackage.json', '/%2e%2e/%2e%2e/etc/passwd', '/js/..%2F..%2F..%2Fpackage.json', '/js/%2e%2e%2f%2e%2e%2fpackage.json', '/..%5c..%5cpackage.json'];
    const probe = { method: 'get', path: '(static)', op: { security: [] }, label: 'GET (static files)' };
    expect(await runAll(statics.map((p) => ({ endpoint: probe, what: p, path: p, token: null })))).toEqual([]);
  });

  test('no token, a malformed header, a forged, an expired or a revoked token: 401 on every endpoint that needs one, nothing changed', async () => {
    const fresh = async () => (await http.post('/api/v1/auth/login', null, { username: drafter.username, password: drafter.password })).body.token as string;
    const expired = await fresh();
    await db.query("UPDATE auth_token SET expires_at = now() - interval '1 minute' WHERE token_hash = $1", [crypto.createHash('sha256').update(expired).digest('hex')]);
    const revoked = await fresh();
    expect((await http.post('/api/v1/auth/logout', { ...drafter, token: revoked })).status).toBe(204);
    const secured = endpoints.filter((e) => e.op.security?.length !== 0);
    expect(secured.length).toBeGreaterThan(10);
    const is401 = (s: number) => s === 401;
    const cases: Case[] = secured.flatMap((endpoint) => {
      const body = jsonBodyOf(endpoint) ? JSON.stringify(plausible(jsonBodyOf(endpoint))) : undefined;
      return [
        { endpoint, what: 'no token', token: null, body, expect: is401 },
        { endpoint, what: 'Basic instead of Bearer', token: null, headers: { authorization: 'Basic ZHJhZnRlcjpkZW1v' }, body, expect: is401 },
        { endpoint, what: 'forged token', token: `lr_${crypto.randomBytes(32).toString('base64url')}`, body, expect: is401 },
        { endpoint, what: 'expired token', token: expired, body, expect: is401 },
        { endpoint, what: 'revoked token', token: revoked, body, expect: is401 },
      ];
    });
    expect(await runAll(cases)).toEqual([]);
  });

  test('the wrong role (an auditor, who may change nothing) changes nothing on any endpoint that writes', async () => {
    const writes = endpoints.filter((e) => e.method !== 'get' && e.op.security?.length !== 0 && !['/api/v1/auth/logout'].includes(e.path));
    const cases: Case[] = writes.map((endpoint) => ({
      endpoint,
      what: 'as an auditor',
      token: auditor.token,
      body: jsonBodyOf(endpoint) ? JSON.stringify(plausible(jsonBodyOf(endpoint))) : undefined,
      // A 2xx is allowed only for a computation that stores nothing (checked by the snapshot).
      expect: (s) => s < 500,
    }));
    expect(await runAll(cases)).toEqual([]);
    // The ones that refuse do so with 403 (or 404 where a matter outside one's scope is not revealed).
    const refused = await http.post('/api/v1/users', auditor, { username: 'intruder', displayName: '入侵者', password: 'long-enough-password', roles: ['admin'] });
    expect(refused.status).toBe(403);
  });

  test('HTML and script in text fields are stored as text and printed escaped', async () => {
    const evil = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const created = await http.post('/api/v1/matters', drafter, { title: `标题${evil}`, kind: 'normative_document', flags: [], text: `第一条 ${evil}` });
    expect(created.status).toBe(201);
    const stored = await http.get(`/api/v1/matters/${created.body.id}`, drafter);
    expect(stored.body.title).toBe(`标题${evil}`);
    const printed = await fetch(`${system.apiUrl}/api/v1/matters/${created.body.id}/dossier.html`, { headers: { authorization: `Bearer ${admin.token}` } });
    const page = await printed.text();
    if (printed.status === 200) {
      expect(page).not.toContain('<script>alert');
      expect(page).not.toContain('<img src=x');
      expect(page).toContain('&lt;script&gt;');
    } else {
      expect([403, 404]).toContain(printed.status); // an admin may not read matters: the drafter's own read is checked below
    }
    const own = await fetch(`${system.apiUrl}/api/v1/matters/${created.body.id}/dossier.html`, { headers: { authorization: `Bearer ${drafter.token}` } });
    expect(own.status).toBe(200);
    const ownPage = await own.text();
    expect(ownPage).not.toContain('<script>alert');
    expect(ownPage).toContain('&lt;script&gt;');
    // The web app builds its pages with textContent only.
    const webJs = fs.readdirSync(path.resolve(__dirname, '../../web/js'), { recursive: true }).filter((f) => String(f).endsWith('.js'));
    const offenders = webJs.filter((f) => /\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=|document\.write/.test(fs.readFileSync(path.resolve(__dirname, '../../web/js', String(f)), 'utf8')));
    expect(offenders).toEqual([]);
  });

  test('an action in the wrong stage, and a replayed action: refused or answered as the first time, nothing changed', async () => {
    const endpoint = endpoints.find((e) => e.label === 'POST /api/v1/matters/{id}/actions')!;
    expect(await runAll([{ endpoint, what: 'accept_materials while still in research', body: JSON.stringify({ command: { type: 'accept_materials' } }), token: (await person(system, ['legal_unit'])).token }])).toEqual([]);
    const item = { command: { type: 'record_research_item', item: { kind: 'drafting_explanation', summary: '起草说明', documentId: 'doc-replay' } } };
    const first = await http.post(`/api/v1/matters/${matterId}/actions`, drafter, item, { 'idempotency-key': 'replay-1' });
    expect(first.status).toBe(200);
    const before = await snapshot();
    const again = await http.post(`/api/v1/matters/${matterId}/actions`, drafter, item, { 'idempotency-key': 'replay-1' });
    expect(again.status).toBe(200);
    expect(again.body.trail).toEqual(first.body.trail);
    expect(await snapshot()).toBe(before);
    const other = { command: { ...item.command, item: { ...item.command.item, summary: '另一份说明' } } };
    const reused = await http.post(`/api/v1/matters/${matterId}/actions`, drafter, other, { 'idempotency-key': 'replay-1' });
    expect(reused.status).toBe(422);
    expect(await snapshot()).toBe(before);
  });
});
