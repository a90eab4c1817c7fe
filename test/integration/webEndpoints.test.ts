import crypto from 'node:crypto';
import { api, person, startTestSystem } from './support/testSystem';
import { BUREAU_ID } from '../../api/people/demoPeople';
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
    // The run's database is shared with every other test file, so the figures are read for a drafting unit
    // only this test registers in, and compared with what it created there.
    const unit = `stats-${crypto.randomUUID().slice(0, 8)}`;
    await system.db.prisma.section.create({ data: { id: unit, organisationId: BUREAU_ID, name: '统计测试科' } });
    const unitDrive = new Driver(http, { ...cast, drafter: await person(system, ['drafter'], { sectionId: unit }) });
    const inReview = await unitDrive.toLegalityReview('normative_document', []); // research → legality review: the legal unit's turn
    const inResearch = await unitDrive.register('normative_document', []); // still in research: the drafter's turn
    expect((await http.get('/api/v1/statistics', cast.drafter)).status).toBe(403);

    const res = await http.get(`/api/v1/statistics?draftingUnit=${unit}`, cast.auditor);
    expect(res.status).toBe(200);
    expect(res.body.totals).toEqual({ matters: 2, open: 2, finished: 0, stopped: 0, overdue: 0 });
    expect(res.body.byDraftingUnit).toEqual([expect.objectContaining({ draftingUnit: unit, registered: 2, open: 2, finished: 0, stopped: 0, overdue: 0, medianDaysToClose: null })]);
    expect(res.body.turns).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'legal_unit', matters: 1 }), expect.objectContaining({ role: 'drafter', matters: 1 })]));
    // Research was left once (by the matter now in review); both matters are in a stage now.
    const research = res.body.stageTimes.find((s: { stage: string; kind: string }) => s.stage === 'research' && s.kind === 'normative_document');
    expect(research).toEqual(expect.objectContaining({ stays: 1, current: 1 }));
    expect(res.body.stageTimes.every((s: { kind: string }) => s.kind === 'normative_document')).toBe(true);
    expect(res.body.byMonth.reduce((n: number, m: { registered: number }) => n + m.registered, 0)).toBe(2);

    // Filters combine: none of this unit's matters is a major decision; a period before it registered none.
    expect((await http.get(`/api/v1/statistics?draftingUnit=${unit}&kind=major_decision`, cast.legal)).body.totals.matters).toBe(0);
    expect((await http.get(`/api/v1/statistics?draftingUnit=${unit}&to=2020-12-31`, cast.legal)).body.totals.matters).toBe(0);
    expect((await http.get('/api/v1/statistics?from=2020-13-01', cast.legal)).status).toBe(400);
    expect([inReview, inResearch].every(Boolean)).toBe(true);
  });
});
