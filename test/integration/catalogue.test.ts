import { api, shortClocksConfigFile, startTestSystem } from './support/testSystem';
import { createCast, type Cast } from './support/drive';
import type { System } from '../../app/system';

/** The yearly catalogue of major decisions (713号令第3条第3款), through the HTTP API. */
describe('decision catalogue (年度重大行政决策事项目录)', () => {
  let system: System;
  let cast: Cast;
  let http: ReturnType<typeof api>;
  // A year of its own, so that tests sharing the database never meet.
  const year = 2000 + Math.floor(Math.random() * 90);

  beforeAll(async () => {
    system = await startTestSystem({ env: { PROCEDURE_CONFIG_PATH: shortClocksConfigFile() } });
    http = api(system);
    cast = await createCast(system, 1);
  });
  afterAll(async () => {
    await system?.stop();
  });

  test('kept and published by the legal unit; entries added later say why; registrations link; progress shown', async () => {
    // The cast's drafter works in the section 'market' (文化市场科): an entry names its unit by id or by name.
    const entry = { title: '区属景区门票价格调整', category: 1, unit: '文化市场科', planned: '第三季度' };
    expect((await http.post(`/api/v1/catalogue/${year}/entries`, cast.drafter, entry)).status).toBe(403);
    const first = await http.post(`/api/v1/catalogue/${year}/entries`, cast.legal, entry);
    expect(first.status).toBe(201);
    await http.post(`/api/v1/catalogue/${year}/entries`, cast.legal, { title: '全域旅游发展规划', category: 2, unit: '规划科' });
    const noRef = await http.post(`/api/v1/catalogue/${year}/publish`, cast.legal, {});
    expect(noRef.status).toBe(400);
    const published = await http.post(`/api/v1/catalogue/${year}/publish`, cast.legal, { approvalRef: '区委常委会〔2026〕5号' });
    expect(published.status).toBe(200);
    expect(published.body.publishedAt).not.toBeNull();
    const [e1, e2] = published.body.entries as Array<{ id: string; seq: number; progress: string }>;
    expect([e1!.seq, e2!.seq]).toEqual([1, 2]);
    expect(e1!.progress).toBe('not_started');

    // After publication an entry needs its reason (调整目录).
    const late = await http.post(`/api/v1/catalogue/${year}/entries`, cast.legal, { title: '夜间经济扶持政策', category: 1, unit: '市场科' });
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('added_later_reason_required');

    // A major decision registered for an entry links to it; the catalogue shows its progress.
    const linked = await http.post('/api/v1/matters', cast.drafter, { title: '区属景区门票价格调整', kind: 'major_decision', flags: [], text: '拟调整区属景区门票价格。', catalogue: { entryId: e1!.id } });
    expect(linked.status).toBe(201);
    expect(linked.body.state.catalogue).toEqual({ entryId: e1!.id });
    const taken = await http.post('/api/v1/matters', cast.drafter, { title: '重复', kind: 'major_decision', flags: [], text: '重复。', catalogue: { entryId: e1!.id } });
    expect(taken.status).toBe(409);
    // Another section's entry (规划科) is not this drafter's to take: the legal unit links such a decision.
    const otherUnits = await http.post('/api/v1/matters', cast.drafter, { title: '全域旅游发展规划', kind: 'major_decision', flags: [], text: '拟编制全域旅游发展规划。', catalogue: { entryId: e2!.id } });
    expect(otherUnits.status).toBe(422);
    expect(otherUnits.body).toMatchObject({ code: 'catalogue_entry_other_unit', errors: [{ field: 'body.catalogue.entryId' }] });
    const forDrafter = (await http.get(`/api/v1/catalogue/${year}`, cast.drafter)).body as { entries: Array<{ id: string; ofMyUnit: boolean }> };
    expect(forDrafter.entries.map((e) => [e.id, e.ofMyUnit])).toEqual([[e1!.id, true], [e2!.id, false]]);
    const notMajor = await http.post('/api/v1/matters', cast.drafter, { title: '文件', kind: 'normative_document', flags: [], text: '第一条 文件。', catalogue: { entryId: e2!.id } });
    expect(notMajor.status).toBe(422);

    // Not in the catalogue: registered with the reason, then added later by the legal unit, linked.
    const outside = await http.post('/api/v1/matters', cast.drafter, { title: '夜间经济扶持政策', kind: 'major_decision', flags: [], text: '拟出台夜间经济扶持政策。', catalogue: { notListedReason: '年中根据区委部署新增' } });
    expect(outside.status).toBe(201);
    expect(outside.body.state.catalogue).toEqual({ notListedReason: '年中根据区委部署新增' });
    const added = await http.post(`/api/v1/catalogue/${year}/entries`, cast.legal, { title: '夜间经济扶持政策', category: 1, unit: '市场科', addedLaterReason: '年中根据区委部署新增', matterId: outside.body.id });
    expect(added.status).toBe(201);

    const catalogue = (await http.get(`/api/v1/catalogue/${year}`, cast.auditor)).body as { entries: Array<{ seq: number; progress: string; matter: { id: string } | null; addedLaterReason: string | null }> };
    expect(catalogue.entries.map((e) => [e.seq, e.progress, e.matter?.id ?? null])).toEqual([
      [1, 'in_procedure', linked.body.id],
      [2, 'not_started', null],
      [3, 'in_procedure', outside.body.id],
    ]);
    expect(catalogue.entries[2]!.addedLaterReason).toBe('年中根据区委部署新增');

    const page = await http.get(`/api/v1/catalogue/${year}/print`, cast.legal);
    expect(page.status).toBe(200);
    for (const part of [`${year}年度重大行政决策事项目录`, "区委常委会〔2026〕5号", "区属景区门票价格调整", "决策程序中", "年中根据区委部署新增"]) expect(page.body).toContain(part);
  });
});
