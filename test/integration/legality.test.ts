/**
 * The legality pre-screen through the HTTP API of the real system (Express on real Temporal and
 * PostgreSQL): findings with exact spans and the breached provision, the register, and bad input
 * answered like the fair-competition endpoint.
 */
import { api, startTestSystem } from './support/testSystem';
import type { System } from '../../app/system';

describe('legality pre-screen endpoint', () => {
  let system: System;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    system = await startTestSystem();
    http = api(system);
  });
  afterAll(async () => {
    await system?.stop();
  });

  test('findings per clause with exact spans, the breached provision from the law texts, and the fingerprint', async () => {
    const text = [
      '第一条 为规范民宿经营，根据《中华人民共和国旅游法》等法律法规，制定本办法。',
      '第二条 民宿经营者应当在开业前向街道办事处申领《民宿经营准入证》，未取得准入证的不得接待游客。',
      '第三条 民宿经营者应当向区文旅局缴纳五万元诚信经营保证金。',
      '第四条 依照《旅游法》第一百二十条，对未按时报送数据的民宿处以五千元罚款。',
      '第五条 设立旅行社，应当依照《旅游法》第二十八条的规定取得旅游主管部门的许可。',
    ].join('\n');
    const res = await http.post('/api/v1/legality/prescreen', null, { text });
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
    const without = await http.post('/api/v1/legality/prescreen', null, { text });
    expect(without.body.findings.map((f: { code: string }) => f.code)).toEqual(['LR-FEE']);
    const withRegister = await http.post('/api/v1/legality/prescreen', null, { text, register: [{ clause: '第三条', law: '旅游法', article: 31 }] });
    expect(withRegister.body.findings).toEqual([]);
  });

  test('bad input is a clear 4xx naming the field, as for the fair-competition endpoint', async () => {
    const cases: Array<[unknown, string]> = [
      [{}, 'body.text'],
      [{ text: 42 }, 'body.text'],
      [{ text: '' }, 'body.text'],
      [{ text: 'x'.repeat(500_001) }, 'body.text'],
      [{ text: '第一条', register: [{ clause: '第一条', law: '旅游法', article: 0 }] }, 'body.register.0.article'],
      [{ text: '第一条', register: 'no' }, 'body.register'],
    ];
    for (const [body, field] of cases) {
      for (const path of ['/api/v1/legality/prescreen', '/api/v1/fair-competition/prescreen']) {
        if (path.includes('fair') && field.includes('register')) continue;
        const bad = await http.post(path, null, body);
        expect({ path, field, status: bad.status, type: bad.headers.get('content-type')?.split(';')[0] }).toEqual({ path, field, status: 400, type: 'application/problem+json' });
        expect(bad.body.code).toBe('invalid_input');
        expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
    }
    const huge = await http.post('/api/v1/legality/prescreen', null, { text: '字'.repeat(1_200_000) });
    expect(huge.status).toBe(413);
  });

  test('the catalogue names each code with the provision it would breach, and the OpenAPI document shows the endpoint', async () => {
    const codes = await http.get('/api/v1/legality/codes', null);
    expect(codes.body.codes.map((c: { code: string }) => c.code)).toEqual(['LR-LICENCE', 'LR-PENALTY', 'LR-COMPULSION', 'LR-FEE', 'LR-OBLIGATION']);
    expect(codes.body.codes[0].basisText).toBe('除本法第十四条、第十五条规定的外，其他规范性文件一律不得设定行政许可。');
    const doc = await http.get('/api/v1/openapi.json', null);
    const op = doc.body.paths['/api/v1/legality/prescreen'].post;
    expect(op.requestBody.content['application/json'].schema.required).toEqual(['text']);
  });
});
