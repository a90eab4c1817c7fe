/**
 * The legality pre-screen through the HTTP API of the real system (Express on real Temporal and
 * PostgreSQL): findings with exact spans and the breached provision, the register, and bad input
 * answered like the fair-competition endpoint.
 */
import { person, useTestSystem, type TestPerson } from './support/testSystem';
import { CHECKLIST, useProcedureStack } from './support/drive';
import { recordHistory } from './support/histories';

describe('legality pre-screen endpoint', () => {
  const endpoint = useTestSystem();
  /** The pre-screens cost CPU, so they answer only logged-in people; any role will do. */
  let reader: TestPerson;
  beforeAll(async () => {
    reader = await person(endpoint.system, ['drafter']);
  });

  test('findings per clause with exact spans, the breached provision from the law texts, and the fingerprint', async () => {
    const text = [
      '第一条 为规范民宿经营，根据《中华人民共和国旅游法》等法律法规，制定本办法。',
      '第二条 民宿经营者应当在开业前向街道办事处申领《民宿经营准入证》，未取得准入证的不得接待游客。',
      '第三条 民宿经营者应当向区文旅局缴纳五万元诚信经营保证金。',
      '第四条 依照《旅游法》第一百二十条，对未按时报送数据的民宿处以五千元罚款。',
      '第五条 设立旅行社，应当依照《旅游法》第二十八条的规定取得旅游主管部门的许可。',
    ].join('\n');
    const res = await endpoint.http.post('/api/v1/legality/prescreen', reader, { text });
    expect(res.status).toBe(200);
    expect(res.body.ruleSetVersion).toBe('LR-2026.1');
    expect(res.body.fingerprint).toMatchObject({ ruleSetVersion: 'LR-2026.1', detectorsHash: expect.stringMatching(/^[0-9a-f]{64}$/), lawsHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const byClause = new Map<string, string[]>();
    for (const f of res.body.findings) {
      expect(text.slice(f.start, f.end)).toBe(f.excerpt);
      expect(f.explanation).toContain(f.basis);
      expect(Object.keys(f).sort()).toEqual(expect.arrayContaining(['code', 'start', 'end', 'excerpt', 'explanation', 'basis', 'confidence']));
      byClause.set(f.clause, [...(byClause.get(f.clause) ?? []), f.code]);
    }
    expect(Object.fromEntries(byClause)).toEqual({ 第二条: ['LR-LICENCE'], 第三条: ['LR-FEE'], 第四条: ['LR-PENALTY'] });
    const penalty = res.body.findings.find((f: { code: string }) => f.code === 'LR-PENALTY');
    expect(penalty.basis).toBe('《中华人民共和国行政处罚法》第十六条');
    expect(penalty.explanation).toContain('第一百二十条不存在');
  });

  test('the register clears a clause whose basis the drafter names', async () => {
    const text = '第三条 旅行社应当向区文旅局交纳旅游服务质量保证金。';
    const without = await endpoint.http.post('/api/v1/legality/prescreen', reader, { text });
    expect(without.body.findings.map((f: { code: string }) => f.code)).toEqual(['LR-FEE']);
    const withRegister = await endpoint.http.post('/api/v1/legality/prescreen', reader, { text, register: [{ clause: '第三条', law: '旅游法', article: 31 }] });
    expect(withRegister.body.findings).toEqual([]);
  });

  test('bad input is a clear 4xx naming the field, as for the fair-competition endpoint', async () => {
    const cases: Array<[unknown, string]> = [
      [{}, 'body.text'],
      [{ text: 42 }, 'body.text'],
      [{ text: '' }, 'body.text'],
      [{ text: 'x'.repeat(1_000_001) }, 'body.text'],
      [{ text: '第一条', register: [{ clause: '第一条', law: '旅游法', article: 0 }] }, 'body.register.0.article'],
      [{ text: '第一条', register: 'no' }, 'body.register'],
    ];
    for (const [body, field] of cases) {
      for (const path of ['/api/v1/legality/prescreen', '/api/v1/fair-competition/prescreen']) {
        if (path.includes('fair') && field.includes('register')) continue;
        const bad = await endpoint.http.post(path, reader, body);
        expect({ path, field, status: bad.status, type: bad.headers.get('content-type')?.split(';')[0] }).toEqual({ path, field, status: 400, type: 'application/problem+json' });
        expect(bad.body.code).toBe('invalid_input');
        expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
    }
    const huge = await endpoint.http.post('/api/v1/legality/prescreen', reader, { text: '字'.repeat(1_200_000) });
    expect(huge.status).toBe(413);
  });

  test('both pre-screens need a login (they cost CPU) and take any text a version may hold', async () => {
    for (const path of ['/api/v1/legality/prescreen', '/api/v1/fair-competition/prescreen']) {
      const anonymous = await endpoint.http.post(path, null, { text: '第一条 总则。' });
      expect({ path, status: anonymous.status, code: anonymous.body.code }).toEqual({ path, status: 401, code: 'unauthorized' });
      // Above the former 500,000-character limit, within a version's 1,000,000.
      const long = await endpoint.http.post(path, reader, { text: `第一条 总则。\n${'x'.repeat(600_000)}` });
      expect({ path, status: long.status }).toEqual({ path, status: 200 });
    }
    const doc = await endpoint.http.get('/api/v1/openapi.json', null);
    expect(doc.body.paths['/api/v1/legality/prescreen'].post.security).toEqual([{ bearer: [] }]);
  });

  test('the catalogue names each code with the provision it would breach, and the OpenAPI document shows the endpoint', async () => {
    const codes = await endpoint.http.get('/api/v1/legality/codes', null);
    expect(codes.body.codes.map((c: { code: string }) => c.code)).toEqual(['LR-LICENCE', 'LR-PENALTY', 'LR-COMPULSION', 'LR-FEE', 'LR-OBLIGATION']);
    expect(codes.body.codes[0].basisText).toBe('除本法第十四条、第十五条规定的外，其他规范性文件一律不得设定行政许可。');
    const doc = await endpoint.http.get('/api/v1/openapi.json', null);
    const op = doc.body.paths['/api/v1/legality/prescreen'].post;
    expect(op.requestBody.content['application/json'].schema.required).toEqual(['text']);
  });
});

/**
 * The automated pre-screens through the workflow: every version of every matter is screened by both
 * (one system trail entry, the runs stored with their fingerprints), the register re-screens the current
 * version, the lawyer answers each legality finding before signing, the opinion documents are generated
 * and stored, the dossier carries it all, and the legal unit is told which registers a newer law text hits.
 */
describe('legality review through the workflow', () => {
  const stack = useProcedureStack(1);

  const DRAFT = [
    '第一条 为规范剧本娱乐经营活动，根据有关法律法规，制定本办法。',
    '第二条 在本区开办剧本杀门店的，须经区文化和旅游局审批同意后方可营业。',
    '第三条 剧本杀门店应当向区文旅局交纳旅游服务质量保证金。',
    '第四条 本区企业优先承接政府组织的剧本娱乐推广活动。',
  ].join('\n');

  test('both pre-screens on a matter without ECON, the register, answered findings, signed opinion documents, dossier and law changes', async () => {
    const id = await stack.drive.register('normative_document', ['PUBLIC'], DRAFT);
    const screened = (await stack.http.get(`/api/v1/matters/${id}/legality`, stack.cast.legal)).body;
    // Both pre-screens ran on version 1, though the matter is not flagged ECON, each run stored with its fingerprint.
    expect(screened.runs.map((r: { kind: string; versionNumber: number }) => [r.kind, r.versionNumber]).sort()).toEqual([['fair_competition', 1], ['legality', 1]]);
    for (const r of screened.runs) expect(r.fingerprint).toMatchObject({ ruleSetVersion: expect.any(String), detectorsHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const legalityCodes = screened.findings.map((f: { clause: string; code: string }) => `${f.clause} ${f.code}`);
    expect(legalityCodes).toEqual(['第二条 LR-LICENCE', '第三条 LR-FEE']);
    for (const f of screened.findings) expect(DRAFT.slice(f.start, f.end)).toBe(f.excerpt);
    const fcr = (await stack.http.get(`/api/v1/matters/${id}/fair-competition`, stack.cast.legal)).body;
    expect(fcr.findings.length).toBeGreaterThan(0);
    const trail = (await stack.http.get(`/api/v1/matters/${id}/trail`, stack.cast.legal)).body;
    const screenings = trail.items.filter((e: { action: string }) => e.action === 'prescreen');
    expect(screenings).toHaveLength(1);
    expect(screenings[0].actorId).toBe('system');

    // The drafter registers the deposit's basis: the current version is screened again with it, and that finding goes.
    await stack.drive.research(id, ['PUBLIC']);
    const reg = await stack.drive.ok(id, stack.cast.drafter, { type: 'set_legal_basis_register', entries: [{ clause: '第三条', law: '中华人民共和国旅游法', article: 31 }] });
    expect(reg.state.legalityPrescreen.register.entries[0]).toMatchObject({ clause: '第三条', article: 31, lawVersion: '2018-10-26' });
    const rescreened = (await stack.http.get(`/api/v1/matters/${id}/legality`, stack.cast.legal)).body;
    expect(rescreened.runs.filter((r: { kind: string }) => r.kind === 'legality').map((r: { registerRevision: number }) => r.registerRevision)).toEqual([0, 1]);
    expect(rescreened.findings.filter((f: { current: boolean }) => f.current).map((f: { code: string }) => f.code)).toEqual(['LR-LICENCE']);
    // A client cannot set the law text's version: the server records its own library's.
    const forged = await stack.drive.ok(id, stack.cast.drafter, { type: 'set_legal_basis_register', entries: [{ clause: '第三条', law: '旅游法', article: 31, lawVersion: '1999-01-01' }] });
    expect(forged.state.legalityPrescreen.register).toMatchObject({ revision: 2, entries: [{ clause: '第三条', law: '旅游法', article: 31, lawVersion: '2018-10-26' }] });

    await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_for_review' });
    await stack.drive.ok(id, stack.cast.legal, { type: 'accept_materials' });
    await stack.drive.ok(id, stack.cast.legal, { type: 'assign_lawyer', lawyerId: stack.cast.lawyer.id });
    const hash = await stack.drive.hash(id);
    const opinion = { type: 'submit_lawyer_opinion', versionHash: hash, outcome: 'LAWFUL_WITH_AMENDMENTS', text: '第二条设定审批，应删除', checklist: CHECKLIST.map((c) => (c.code === 'LR-P2' ? { ...c, result: 'issue', note: '第二条设定行政许可' } : c)) };
    const early = await stack.http.act(id, stack.cast.lawyer, opinion);
    expect({ status: early.status, code: early.body.code }).toEqual({ status: 422, code: 'LEGALITY_FINDINGS_OPEN' });
    const open = (await stack.http.get(`/api/v1/matters/${id}/legality`, stack.cast.lawyer)).body.findings.find((f: { current: boolean }) => f.current);
    const noAmendment = await stack.http.act(id, stack.cast.lawyer, { type: 'answer_legality_finding', findingId: open.id, verdict: 'confirmed' });
    expect(noAmendment.body.code).toBe('LEGALITY_AMENDMENT_MISSING');
    await stack.drive.ok(id, stack.cast.lawyer, { type: 'answer_legality_finding', findingId: open.id, verdict: 'confirmed', amendment: '删除第二条审批要求' });
    await stack.drive.ok(id, stack.cast.lawyer, opinion);

    const afterOpinion = (await stack.http.get(`/api/v1/matters/${id}/legality`, stack.cast.legal)).body;
    expect(afterOpinion.openFindings).toBe(0);
    const lawyerDoc = afterOpinion.documents.find((d: { kind: string }) => d.kind === 'lawyer_opinion');
    const page = await stack.http.get(lawyerDoc.url, stack.cast.legal);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = page.body as string;
    for (const part of ['合法性审核意见书', hash, '删除第二条审批要求', '第二条设定行政许可', stack.cast.lawyer.username, `/api/v1/matters/${id}/signoffs/`]) expect(html).toContain(part);
    const signOffs = (await stack.http.get(`/api/v1/matters/${id}/signoffs`, stack.cast.legal)).body;
    const signOff = (signOffs.items ?? signOffs)[0];
    expect(html).toContain(signOff.signature);

    const conclusion = { type: 'record_legality_conclusion', versionHash: hash, outcome: 'LAWFUL_WITH_AMENDMENTS', text: '修改后合法', checklist: opinion.checklist, amendments: [{ clause: '第二条', change: '删除审批要求' }] };
    // The fair-competition pre-screen's finding on a matter without ECON is the legal unit's to decide first (公平竞争审查条例第18条).
    expect((await stack.http.act(id, stack.cast.legal, conclusion)).body.code).toBe('FCR_FLAG_UNDECIDED');
    await stack.drive.ok(id, stack.cast.legal, { type: 'set_flags', flags: ['PUBLIC'], reason: '第四条在修改稿中删除，修改后不涉及经营者经济活动' });
    await stack.drive.ok(id, stack.cast.legal, conclusion);
    const docs = (await stack.http.get(`/api/v1/matters/${id}/legality`, stack.cast.legal)).body.documents;
    expect(docs.map((d: { kind: string }) => d.kind)).toEqual(['lawyer_opinion', 'legal_unit_opinion']);
    const unitHtml = (await stack.http.get(docs[1].url, stack.cast.legal)).body as string;
    for (const part of ['合法性审核意见', '第二条：删除审批要求', '/trail/verify', hash]) expect(unitHtml).toContain(part);

    const dossier = (await stack.http.get(`/api/v1/matters/${id}/dossier`, stack.cast.auditor)).body;
    expect(dossier.legalityPrescreen.register.entries).toHaveLength(1);
    expect(dossier.legalityPrescreen.findings.map((f: { status: string }) => f.status)).toEqual(expect.arrayContaining(['confirmed']));
    expect(dossier.opinionDocuments).toHaveLength(2);
    expect((await stack.http.get(`/api/v1/matters/${id}/dossier.html`, stack.cast.auditor)).body).toContain('条款合法性依据登记');

    // Law changes: nothing while the register cites the current text; a register made under a text the
    // library no longer holds is listed for the legal unit.
    const none = (await stack.http.get('/api/v1/legality/law-changes', stack.cast.legal)).body;
    expect(none.matters.map((m: { id: string }) => m.id)).not.toContain(id);
    const row = await stack.system.db.prisma.matter.findUniqueOrThrow({ where: { id } });
    const state = row.state as { legalityPrescreen: { register: { entries: Array<{ lawVersion?: string }> } } };
    state.legalityPrescreen.register.entries[0]!.lawVersion = '2013-04-25';
    await stack.system.db.prisma.matter.update({ where: { id }, data: { state } });
    const listed = (await stack.http.get('/api/v1/legality/law-changes', stack.cast.legal)).body;
    expect(listed.matters.find((m: { id: string }) => m.id === id).affected[0]).toMatchObject({ clause: '第三条', article: 31, status: 'changed', from: '2013-04-25', to: '2018-10-26' });
    expect((await stack.http.get('/api/v1/legality/law-changes', stack.cast.drafter)).status).toBe(403);

    await recordHistory(stack.system.client, `matter-${id}`, 'legality-prescreen-answers-and-opinions');
  });

  test('law changes follow the permission table: the legal unit and auditors read them, an admin (who may not read matters) does not', async () => {
    for (const [who, status] of [[stack.cast.legal, 200], [stack.cast.auditor, 200], [stack.cast.admin, 403], [stack.cast.drafter, 403], [stack.cast.lawyer, 403]] as const) {
      const res = await stack.http.get('/api/v1/legality/law-changes', who);
      expect({ who: who.username, status: res.status }).toEqual({ who: who.username, status });
      if (status === 403) expect(res.body.code).toBeDefined();
    }
  });

  test('a fair-competition finding on a matter without ECON is answered once the legal unit adds the flag', async () => {
    const id = await stack.drive.register('normative_document', [], DRAFT);
    const before = (await stack.http.get(`/api/v1/matters/${id}/fair-competition`, stack.cast.legal)).body;
    expect(before.flagged).toBe(false);
    expect(before.findings.filter((f: { current: boolean }) => f.current).length).toBeGreaterThan(0);
    await stack.drive.ok(id, stack.cast.drafter, { type: 'set_flags', flags: ['ECON'], reason: '涉及经营者' });
    const after = (await stack.http.get(`/api/v1/matters/${id}/fair-competition`, stack.cast.legal)).body;
    expect(after.flagged).toBe(true);
    // The version was screened once; adding the flag does not screen it again.
    expect(after.findings.map((f: { id: string }) => f.id)).toEqual(before.findings.map((f: { id: string }) => f.id));
    await stack.drive.ok(id, stack.cast.drafter, { type: 'withdraw', reason: '测试结束' });
    await recordHistory(stack.system.client, `matter-${id}`, 'legality-fcr-prescreen-without-econ');
  });
});
