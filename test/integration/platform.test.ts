import { api, person, startTestSystem, type TestPerson } from './support/testSystem';
import type { System } from '../../app/system';

const sampleText = '第一条 为促进本区文化和旅游消费，制定本措施。\n第二条 本措施自发布之日起施行。';

describe('the whole stack: real Temporal, real PostgreSQL, Express API', () => {
  let system: System;
  let drafter: TestPerson;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    system = await startTestSystem();
    http = api(system);
    drafter = await person(system, ['drafter']);
  });
  afterAll(async () => {
    await system?.stop();
  });

  test('health, readiness and the generated OpenAPI document', async () => {
    expect((await http.get('/healthz', null)).body).toEqual({ status: 'ok' });
    const ready = await http.get('/readyz', null);
    expect(ready.status).toBe(200);
    expect(ready.body.database).toMatch(/^PostgreSQL 127\.0\.0\.1:5432\/lr_test_/);
    const doc = await http.get('/api/v1/openapi.json', null);
    expect(doc.body.openapi).toBe('3.1.0');
    const create = doc.body.paths['/api/v1/matters'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['title', 'kind', 'text']));
    expect(create.requestBody.content['application/json'].schema.properties.kind.enum).toEqual(['normative_document', 'major_decision', 'collective_matter', 'enforcement_review', 'contract_review']);
    expect(doc.body.paths['/api/v1/matters/{id}/actions'].post.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['id', 'Idempotency-Key']));
  });

  test('login: wrong password is a 401 problem; no token is a 401 on matters', async () => {
    const bad = await http.post('/api/v1/auth/login', null, { username: drafter.username, password: 'wrong' });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const anonymous = await http.post('/api/v1/matters', null, { title: 't', kind: 'normative_document', text: 'x' });
    expect(anonymous.status).toBe(401);
    // Repeated wrong passwords lock the username for a while (429 with Retry-After); others still log in.
    for (let i = 0; i < 5; i++) await http.post('/api/v1/auth/login', null, { username: 'nobody-here', password: 'x' });
    const locked = await http.post('/api/v1/auth/login', null, { username: 'nobody-here', password: 'x' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    const me = await http.get('/api/v1/me', drafter);
    expect(me.body).toMatchObject({ username: drafter.username, roles: ['drafter'] });
  });

  test('tokens expire and can be revoked', async () => {
    const someone = await person(system, ['auditor']);
    expect((await http.get('/api/v1/me', someone)).status).toBe(200);
    await http.post('/api/v1/auth/logout', someone);
    expect((await http.get('/api/v1/me', someone)).status).toBe(401);
    const again = await http.post('/api/v1/auth/login', null, { username: someone.username, password: someone.password });
    const fresh = { ...someone, token: again.body.token as string };
    expect((await http.get('/api/v1/me', fresh)).status).toBe(200);
    await system.db.prisma.authToken.updateMany({ where: { user: { username: someone.username }, revokedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    // Changed in the database behind this instance's back (as another instance would): an instance trusts a
    // token it verified for at most AUTH_CACHE_TTL_MS, then asks the database again.
    await new Promise((r) => setTimeout(r, system.config.AUTH_CACHE_TTL_MS + 50));
    const expired = await http.get('/api/v1/me', fresh);
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toMatch(/expired/);
  });

  test('bad input: a clear 400 naming the field, and nothing written', async () => {
    const before = await system.db.prisma.matter.count({ where: { createdById: drafter.id } });
    const cases: Array<[unknown, string]> = [
      [{ title: 'x', kind: 'normative_document' }, 'body.text'],
      [{ title: 'x', kind: 'normative_document', text: 42 }, 'body.text'],
      [{ title: 'x', kind: 'law', text: 'y' }, 'body.kind'],
      [{ kind: 'normative_document', text: 'y' }, 'body.title'],
      [{ title: 'x', kind: 'normative_document', text: 'y', flags: ['ECON', 'ECON'] }, 'body.flags'],
    ];
    for (const [body, field] of cases) {
      const res = await http.post('/api/v1/matters', drafter, body);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(res.body.title).toContain(field);
    }
    const malformed = await http.post('/api/v1/matters', drafter, '{"title": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('invalid_json');
    expect(await system.db.prisma.matter.count({ where: { createdById: drafter.id } })).toBe(before);
  });

  test('text the database cannot store (NUL, lone surrogates, control characters) is a 400 naming the field; the matter stays usable', async () => {
    const before = await system.db.prisma.matter.count({ where: { createdById: drafter.id } });
    const registrations: Array<[unknown, string]> = [
      [{ title: 'a\u0000b', kind: 'normative_document', text: sampleText }, 'body.title'],
      [{ title: 'broken \ud800 title', kind: 'normative_document', text: sampleText }, 'body.title'],
      [{ title: 'two\nlines', kind: 'normative_document', text: sampleText }, 'body.title'],
      [{ title: 'x', kind: 'normative_document', text: `${sampleText}\u0000` }, 'body.text'],
      [{ title: 'x', kind: 'normative_document', text: `${sampleText}\udfff` }, 'body.text'],
      [{ title: 'x', kind: 'normative_document', text: `${sampleText}\u0007` }, 'body.text'],
    ];
    for (const [body, field] of registrations) {
      const res = await http.post('/api/v1/matters', drafter, body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('invalid_input');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await system.db.prisma.matter.count({ where: { createdById: drafter.id } })).toBe(before);

    // Line breaks and tabs are kept where text needs them.
    const created = await http.post('/api/v1/matters', drafter, { title: '控制字符测试', kind: 'normative_document', text: '第一条\t总则\r\n第二条 施行。' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const actions: Array<[Record<string, unknown>, string]> = [
      [{ type: 'withdraw', reason: 'no\u0000thanks' }, 'body.command.reason'],
      [{ type: 'withdraw', reason: '\ud83d' }, 'body.command.reason'],
      [{ type: 'record_research_item', item: { kind: 'legal_bases', bases: [{ title: '《中华人民共和国\u001b立法法》' }] } }, 'body.command.item.bases.0.title'],
    ];
    for (const [command, field] of actions) {
      const res = await http.act(id, drafter, command);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const reasonWithLines = await http.act(id, drafter, { type: 'record_research_item', item: { kind: 'drafting_explanation', summary: '一、起草背景\n\t二、主要内容 😀', documentId: 'doc-1' } });
    expect(reasonWithLines.status).toBe(200);
    expect(reasonWithLines.body.state.research.draftingExplanation.summary).toBe('一、起草背景\n\t二、主要内容 😀');
  });

  test('a first matter, end to end: stored with its first version, one real workflow, state reported', async () => {
    const res = await http.post('/api/v1/matters', drafter, { title: '关于促进文化和旅游消费的若干措施', kind: 'normative_document', text: sampleText, flags: ['ECON', 'PUBLIC'] });
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    expect(res.headers.get('location')).toBe(`/api/v1/matters/${id}`);

    const got = await http.get(`/api/v1/matters/${id}`, drafter);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id, kind: 'normative_document', flags: ['ECON', 'PUBLIC'], draftingUnit: 'market', stage: 'research', currentVersion: { number: 1 } });
    expect(got.body.currentVersion.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(got.body.workflow).toMatchObject({ workflowId: `matter-${id}`, status: 'RUNNING' });
    expect(got.body.availableActions.map((a: { type: string }) => a.type)).toContain('submit_version');

    // The projection, the version and the first trail entry were written together.
    const row = await system.db.prisma.matter.findUniqueOrThrow({ where: { id }, include: { versions: true, trail: true } });
    expect(row.versions).toHaveLength(1);
    expect(row.versions[0]!.text).toBe(sampleText);
    // Every matter's first version is pre-screened (fair competition and legality) as soon as it is stored.
    expect(row.trail.sort((a, b) => a.seq - b.seq).map((t) => t.action)).toEqual(['register', 'prescreen']);
    expect(row.trail[0]!.actorId).toBe(drafter.id);

    // A real workflow on the real server, findable by its search attributes.
    const handle = system.client.workflow.getHandle(`matter-${id}`);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    let found: string[] = [];
    for (let i = 0; i < 50 && !found.includes(`matter-${id}`); i++) {
      found = [];
      for await (const wf of system.client.workflow.list({ query: `MatterKind = 'normative_document' AND MatterStage = 'research'` })) found.push(wf.workflowId);
      if (!found.includes(`matter-${id}`)) await new Promise((r) => setTimeout(r, 200));
    }
    expect(found).toContain(`matter-${id}`);
  });

  test('a retried POST with the same Idempotency-Key creates one matter', async () => {
    const body = { title: '重复提交测试', kind: 'major_decision', text: sampleText };
    const key = `retry-${Date.now()}`;
    const first = await http.post('/api/v1/matters', drafter, body, { 'idempotency-key': key });
    const second = await http.post('/api/v1/matters', drafter, body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    expect(await system.db.prisma.matter.count({ where: { title: '重复提交测试' } })).toBe(1);
    // Still the same matter once it is closed and its workflow has ended.
    expect((await http.act(first.body.id, drafter, { type: 'withdraw', reason: '撤回' })).status).toBe(200);
    await system.client.workflow.getHandle(first.body.workflow.workflowId).result();
    const late = await http.post('/api/v1/matters', drafter, body, { 'idempotency-key': key });
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({ id: first.body.id, stage: 'withdrawn' });
  });

  test('a matter outside the caller\'s section is not revealed', async () => {
    const created = await http.post('/api/v1/matters', drafter, { title: 'scoped', kind: 'normative_document', text: sampleText });
    const other = await person(system, ['drafter'], { sectionId: 'tourism' });
    expect((await http.get(`/api/v1/matters/${created.body.id}`, other)).status).toBe(404);
    const list = await http.get('/api/v1/matters', other);
    expect(list.body.items.map((m: { id: string }) => m.id)).not.toContain(created.body.id);
    const mine = await http.get('/api/v1/matters?kind=normative_document', drafter);
    expect(mine.body.items.map((m: { id: string }) => m.id)).toContain(created.body.id);
  });

  test('the pre-screen endpoint: findings with exact spans; bad input is a clear 4xx naming the field', async () => {
    const text = '第三条 在本区注册并纳税的企业，方可申请专项资金补贴。';
    const res = await http.post('/api/v1/fair-competition/prescreen', drafter, { text });
    expect(res.status).toBe(200);
    expect(res.body.findings.length).toBeGreaterThan(0);
    for (const f of res.body.findings) {
      expect(f.code).toMatch(/^FCR-[A-D]\d$/);
      expect(text.slice(f.start, f.end)).toBe(f.excerpt);
      expect(f.explanation.length).toBeGreaterThan(10);
    }
    const cases: Array<[unknown, string, number]> = [
      [{}, 'body.text', 400],
      [{ text: 42 }, 'body.text', 400],
      [{ text: '' }, 'body.text', 400],
      [{ text: 'x'.repeat(1_000_001) }, 'body.text', 400],
      [{ text: '第一条', ruleSetVersion: '1999' }, 'body.ruleSetVersion', 400],
    ];
    for (const [body, field, status] of cases) {
      const bad = await http.post('/api/v1/fair-competition/prescreen', drafter, body);
      expect({ field, status: bad.status, type: bad.headers.get('content-type')?.split(';')[0] }).toEqual({ field, status, type: 'application/problem+json' });
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const huge = await http.post('/api/v1/fair-competition/prescreen', drafter, { text: '字'.repeat(1_200_000) });
    expect(huge.status).toBe(413);
    const standards = await http.get('/api/v1/fair-competition/standards', null);
    expect(standards.body.standards).toHaveLength(19);
    expect(new Set(standards.body.standards.map((s: { group: string }) => s.group))).toEqual(new Set(['A', 'B', 'C', 'D']));
  });

  test('the vocabulary comes from the domain module', async () => {
    const v = (await http.get('/api/v1/vocabulary', null)).body;
    expect(v.stages.legality_review).toBe('合法性审核');
    expect(Object.keys(v.kinds)).toEqual(['normative_document', 'major_decision', 'collective_matter', 'enforcement_review', 'contract_review']);
    // The web app's timeline and trail table use these rather than copies.
    expect(v.phases).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'legality', label: '合法性审核', stages: expect.arrayContaining(['legality_review']) })]));
    expect(v.trailActions).toEqual(expect.objectContaining({ register: '登记立项', deadline_escalation: '超期督办', submit_lawyer_opinion: '出具法律意见并签署' }));
    // The enforcement checklist too: the web app's 法制审核 form keeps no copy of its points.
    expect(v.enforcementChecklist).toEqual(expect.objectContaining({ 'EF-SUBJECT': '执法主体合法，执法人员具备执法资格', 'EF-DOCUMENT': '执法文书规范、完备' }));
  });
});
