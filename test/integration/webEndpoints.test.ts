import { api, startTestSystem } from './support/testSystem';
import { createCast, Driver, type Cast } from './support/drive';
import { makeDocx } from '../fixtures/docx';
import type { System } from '../../app/system';

/**
 * The endpoints the web app's additions stand on: a document uploaded as text (.docx, .txt in UTF-8 or
 * GB18030; other types, oversize and unreadable files refused with a clear 4xx), the character diff of two
 * versions with their findings, and the statistics for the legal unit and auditors.
 */
describe('documents in, diffs and statistics', () => {
  let system: System;
  let http: ReturnType<typeof api>;
  let cast: Cast;
  let drive: Driver;
  beforeAll(async () => {
    system = await startTestSystem({ env: { DOCUMENT_UPLOAD_LIMIT: '64kb' } });
    http = api(system);
    cast = await createCast(system);
    drive = new Driver(http, cast);
  });
  afterAll(async () => {
    await system?.stop();
  });

  const upload = async (bytes: Buffer, name: string, type = 'application/octet-stream', token: string | null = cast.drafter.token) => {
    const res = await fetch(`${system.apiUrl}/api/v1/documents/text`, {
      method: 'POST',
      headers: { 'content-type': type, 'x-filename': encodeURIComponent(name), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: bytes,
    });
    return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  test('upload: .docx and GB18030 text come back as text with their structure; refusals are problem+json naming the reason', async () => {
    const docx = await makeDocx(['关于促进消费的若干措施', '第一条　为促进消费，制定本措施。', '第二条　本措施自发布之日起施行。']);
    const ok = await upload(docx, '措施.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(ok).toEqual({ status: 200, type: expect.stringMatching(/^application\/json/), body: expect.objectContaining({ format: 'docx', articles: 2, paragraphs: 3, text: expect.stringContaining('第二条　本措施') }) });
    const gbk = Buffer.from('b5dad2bbccf520ceaab4d9bdf8cffbb7d1', 'hex'); // 第一条 为促进消费 (GB18030)
    expect((await upload(gbk, 'gbk.txt', 'text/plain')).body).toEqual(expect.objectContaining({ text: '第一条 为促进消费', encoding: 'gb18030' }));

    const pdf = await upload(Buffer.from('%PDF-1.7\n...'), 'a.pdf', 'application/pdf');
    expect(pdf).toEqual({ status: 415, type: expect.stringMatching(/^application\/problem\+json/), body: expect.objectContaining({ code: 'unsupported_document_type', detail: expect.stringContaining('PDF') }) });
    const big = await upload(Buffer.alloc(65 * 1024, 0x61), 'big.txt', 'text/plain');
    expect(big).toEqual({ status: 413, type: expect.stringMatching(/^application\/problem\+json/), body: expect.objectContaining({ code: 'document_too_large' }) });
    expect((await upload(Buffer.from([0x81, 0x20, 0xff]), 'x.txt', 'text/plain')).body.code).toBe('document_encoding_unknown');
    expect((await upload(docx, 'a.docx', 'application/octet-stream', null)).status).toBe(401);
    // Documented with its content types.
    const doc = (await http.get('/api/v1/openapi.json', null)).body;
    expect(Object.keys(doc.paths['/api/v1/documents/text'].post.requestBody.content)).toEqual(expect.arrayContaining(['text/plain', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']));
  });

  test('diff: two versions character by character, each with its pre-screen findings', async () => {
    const v1 = '第一条 为促进消费，制定本措施。\n第二条 政府采购优先选择本地企业的产品。\n第三条 本措施自发布之日起施行。';
    const v2 = '第一条 为促进消费，制定本措施。\n第二条 政府采购平等对待各类经营主体的产品。\n第三条 本措施自发布之日起施行。';
    const id = await drive.register('normative_document', ['ECON'], v1);
    await drive.ok(id, cast.drafter, { type: 'submit_version', note: '删去本地优先' }, { text: v2 });
    let diff = (await http.get(`/api/v1/matters/${id}/diff?from=1&to=2`, cast.drafter)).body;
    for (let i = 0; i < 20 && diff.from.findings.length === 0; i++) {
      // The pre-screen runs in the workflow right after each version is stored.
      await new Promise((r) => setTimeout(r, 250));
      diff = (await http.get(`/api/v1/matters/${id}/diff?from=1&to=2`, cast.drafter)).body;
    }
    expect(diff.runs.filter((r: { op: string }) => r.op !== 'equal').map((r: { op: string; text: string }) => `${r.op}:${r.text}`)).toEqual(['delete:优先选择本地企业', 'insert:平等对待各类经营主体']);
    expect(diff).toEqual(expect.objectContaining({ inserted: 10, deleted: 8, changes: 1 }));
    expect(diff.from.findings).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'fair_competition', excerpt: expect.stringContaining('本地'), status: 'open' })]));
    expect(diff.to.findings.some((f: { excerpt: string }) => f.excerpt.includes('本地'))).toBe(false);
    expect((await http.get(`/api/v1/matters/${id}/diff?from=1&to=1`, cast.drafter)).body.errors[0].field).toBe('query.to');
    expect((await http.get(`/api/v1/matters/${id}/diff?from=1&to=9`, cast.drafter)).status).toBe(404);
  });

  test('statistics: for the legal unit and auditors only; figures over the matters registered', async () => {
    const id = await drive.toLegalityReview('normative_document', []);
    expect((await http.get('/api/v1/statistics', cast.drafter)).status).toBe(403);
    const res = await http.get('/api/v1/statistics', cast.auditor);
    expect(res.status).toBe(200);
    expect(res.body.totals.matters).toBeGreaterThanOrEqual(2);
    expect(res.body.turns).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'legal_unit' })]));
    expect(res.body.stageTimes).toEqual(expect.arrayContaining([expect.objectContaining({ stage: 'research', kind: 'normative_document', stays: expect.any(Number) })]));
    const research = res.body.stageTimes.find((s: { stage: string; kind: string }) => s.stage === 'research' && s.kind === 'normative_document');
    expect(research.stays).toBeGreaterThanOrEqual(1);
    expect(res.body.byMonth.length).toBeGreaterThanOrEqual(1);
    const filtered = await http.get('/api/v1/statistics?kind=major_decision', cast.legal);
    expect(filtered.body.totals.matters).toBe(0);
    expect((await http.get('/api/v1/statistics?from=2020-13-01', cast.legal)).status).toBe(400);
    expect(id).toBeTruthy();
  });
});
