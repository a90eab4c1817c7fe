import { person, procedureConfigFile } from './support/testSystem';
import { useProcedureStack } from './support/drive';
import { recordHistory } from './support/histories';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An issued major decision implemented, evaluated, suspended and resumed, adjusted by a new linked matter, completed. */
describe('major decisions after the decision (713号令第34条至第37条), through the workflow and the HTTP API', () => {
  const stack = useProcedureStack(3, () => ({
    configPath: procedureConfigFile({ kinds: { major_decision: { legalityReviewMinimum: { amount: 2, unit: 'seconds' }, legalityReviewTimeLimit: { amount: 3600, unit: 'seconds' } } }, reminderLead: { amount: 60, unit: 'seconds' } }),
    env: { PROCEDURE_PROFILE: 'demo' },
  }));

  /** A major decision decided, reported to the Party committee and signed: next, its publication. */
  async function signedDecision(flags: string[] = []): Promise<string> {
    const id = await stack.drive.toLegalityReview('major_decision', flags);
    await decideAndSign(id);
    return id;
  }

  /** From the legality review (materials accepted): lawful, decided at a meeting, reported and signed. */
  async function decideAndSign(id: string): Promise<void> {
    await stack.drive.lawful(id);
    await sleep(2_100);
    await stack.drive.ok(id, stack.cast.secretary, { type: 'schedule_meeting', meetingAt: new Date(Date.now() + 1_500).toISOString(), body: 'director_office_meeting', bodyId: stack.cast.bodies.director_office_meeting });
    await sleep(1_700);
    await stack.drive.ok(id, stack.cast.secretary, { type: 'record_meeting', record: stack.drive.meetingRecord('approve', ['approve', 'approve']) });
    await stack.drive.ok(id, stack.cast.secretary, { type: 'report_to_party', reference: '请示〔2026〕3号' });
    await stack.drive.ok(id, stack.cast.secretary, { type: 'sign_and_number', versionHash: await stack.drive.hash(id), signedBy: '局长' });
  }

  async function issuedDecision(): Promise<string> {
    const id = await signedDecision();
    await stack.drive.ok(id, stack.cast.secretary, { type: 'publish', channel: '区政府网站', reference: 'https://example.gov/1' });
    const done = await stack.drive.ok(id, stack.cast.secretary, { type: 'archive', archiveRef: 'DA-1' });
    expect(done.state.stage).toBe('issued');
    return id;
  }

  test('a technical decision (TECH) is published with how opinions were adopted and how it is explained (713号令第32条)', async () => {
    const { http, cast, drive } = stack;
    const id = await signedDecision(['TECH']);
    const trailBefore = (await http.get(`/api/v1/matters/${id}/trail`, cast.auditor)).body.items.length;
    const bare = await http.act(id, cast.secretary, { type: 'publish', channel: '区政府网站', reference: 'https://example.gov/32' });
    expect([bare.status, bare.body.code]).toEqual([422, 'PUBLICATION_EXPLANATION_REQUIRED']);
    expect(bare.body.detail).toContain('adoptionStatement and interpretation');
    expect((await http.get(`/api/v1/matters/${id}/trail`, cast.auditor)).body.items).toHaveLength(trailBefore);

    const statement = '专家论证意见5条，采纳4条；未采纳1条（超出本决策范围）。';
    const published = await drive.ok(id, cast.secretary, { type: 'publish', channel: '区政府网站', reference: 'https://example.gov/32', adoptionStatement: statement, interpretation: '新闻发布会（区政府新闻办）' });
    expect(published.state.postDecision.publication).toMatchObject({ adoptionStatement: statement, interpretation: '新闻发布会（区政府新闻办）', by: cast.secretary.id });
    // The printable dossier carries them, escaped as text.
    const dossier = (await http.get(`/api/v1/matters/${id}/dossier.html`, cast.auditor)).body as string;
    expect(dossier).toContain('意见采纳情况说明');
    expect(dossier).toContain('新闻发布会（区政府新闻办）');
    await recordHistory(stack.system.client, `matter-${id}`, 'limits-as-written-major-decision-publication');
  });

  test('a decision 依法不予公开 records why instead of publishing, is issued, and the register keeps it from readers of other sections (713号令第32条)', async () => {
    const { http, cast, drive } = stack;
    const id = await drive.register('major_decision', []);
    await drive.research(id, []);
    const ground = '涉及国家秘密（保守国家秘密法第九条）';
    await drive.ok(id, cast.drafter, { type: 'record_research_item', item: { kind: 'participation_exemption', legalGround: ground } });
    await drive.ok(id, cast.drafter, { type: 'submit_for_review' });
    await drive.ok(id, cast.legal, { type: 'accept_materials' });
    await drive.lawful(id);
    await sleep(2_100);
    await drive.ok(id, cast.secretary, { type: 'schedule_meeting', meetingAt: new Date(Date.now() + 1_500).toISOString(), body: 'director_office_meeting', bodyId: cast.bodies.director_office_meeting });
    await sleep(1_700);
    await drive.ok(id, cast.secretary, { type: 'record_meeting', record: drive.meetingRecord('approve', ['approve', 'approve']) });
    await drive.ok(id, cast.secretary, { type: 'report_to_party', reference: '请示〔2026〕4号' });
    await drive.ok(id, cast.secretary, { type: 'sign_and_number', versionHash: await drive.hash(id), signedBy: '局长' });
    const withheld = await drive.ok(id, cast.secretary, { type: 'withhold_publication', ground });
    expect(withheld.state.postDecision.publication).toMatchObject({ withheld: true, reference: ground });
    expect((await drive.ok(id, cast.secretary, { type: 'archive', archiveRef: 'DA-9' })).state.stage).toBe('issued');
    // Its life after issue runs (in force), and the register shows it to the bureau's readers of the matter only.
    let entry: { status: number; body: { entry?: { status: string; publishedAt: string | null } } } = { status: 0, body: {} };
    for (let i = 0; i < 100 && entry.body.entry?.status !== 'in_force'; i++) {
      entry = await http.get(`/api/v1/register/${id}`, cast.legal);
      if (entry.body.entry?.status !== 'in_force') await sleep(200);
    }
    expect(entry.body.entry).toMatchObject({ status: 'in_force', publishedAt: null });
    const outsider = await person(stack.system, ['drafter'], { sectionId: 'tourism' });
    const list = await http.get('/api/v1/register', outsider);
    expect(list.status).toBe(200);
    expect((list.body as { items: Array<{ id: string }> }).items.map((e) => e.id)).not.toContain(id);
    expect((await http.get('/api/v1/register', cast.auditor)).body.items.map((e: { id: string }) => e.id)).toContain(id);
  });

  test('implementation reported, evaluated, suspended and resumed, adjusted through a linked new matter, completed', async () => {
    const id = await issuedDecision();
    const handle = stack.system.client.workflow.getHandle(`matter-${id}`);
    // Issued, and the workflow keeps running for the implementation.
    expect((await handle.describe()).status.name).toBe('RUNNING');
    const view = (await stack.http.get(`/api/v1/matters/${id}`, stack.cast.secretary)).body;
    expect(view.availableActions.map((a: { type: string }) => a.type)).toEqual(expect.arrayContaining(['designate_implementing_unit', 'suspend_implementation']));

    const early = await stack.http.act(id, stack.cast.drafter, { type: 'report_implementation', status: 'on_track', progress: '已启动' });
    expect(early.status).toBe(422);
    expect(early.body.code).toMatch(/implementing_unit_missing/i);
    await stack.drive.ok(id, stack.cast.secretary, { type: 'designate_implementing_unit', unit: '产业发展科' });
    await stack.drive.ok(id, stack.cast.drafter, { type: 'report_implementation', status: 'on_track', progress: '票价已公示并执行' });
    const bad = await stack.http.act(id, stack.cast.drafter, { type: 'report_implementation', status: 'problem', progress: '客流下降' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('problems');
    await stack.drive.ok(id, stack.cast.drafter, { type: 'report_implementation', status: 'problem', progress: '客流下降', problems: '周边景区降价' });
    await stack.drive.ok(id, stack.cast.legal, { type: 'order_post_evaluation', grounds: ['not_effective'], evaluator: '某大学公共政策研究院', thirdParty: true });
    await stack.drive.ok(id, stack.cast.legal, { type: 'record_post_evaluation', conclusion: 'partly_achieved', recommendation: 'adjust', summary: '建议调整票价', publicHeard: '问卷调查、座谈会', documentId: 'eval-1' });
    await stack.drive.ok(id, stack.cast.secretary, { type: 'suspend_implementation', decidedBy: '局长', reason: '景区突发险情，情况紧急' });
    await stack.drive.ok(id, stack.cast.secretary, { type: 'resume_implementation', decidedBy: '局长', reason: '险情排除' });

    // The generic action endpoint would have recorded an adjustment by a matter that does not exist: refused
    // at its edge, naming the field and the endpoint that registers and links the new matter.
    const trailBeforeForged = (await stack.http.get(`/api/v1/matters/${id}/trail`, stack.cast.auditor)).body.items.length;
    const forged = await stack.http.act(id, stack.cast.drafter, { type: 'record_adjustment', newMatterId: 'no-such-matter', purpose: 'adjust', reason: '伪造的调整' });
    expect([forged.status, forged.headers.get('content-type')?.split(';')[0], forged.body.code]).toEqual([400, 'application/problem+json', 'invalid_input']);
    expect(forged.body.errors).toEqual([expect.objectContaining({ field: 'body.command.type', message: expect.stringContaining('/api/v1/matters/{id}/adjustments') })]);
    expect((await stack.http.get(`/api/v1/matters/${id}/trail`, stack.cast.auditor)).body.items).toHaveLength(trailBeforeForged);

    const adj = await stack.http.post(`/api/v1/matters/${id}/adjustments`, stack.cast.drafter, { purpose: 'adjust', reason: '决策后评估建议调整票价', title: '区属景区门票价格调整（调整）', text: '拟将区属景区门票价格调整为每人60元。' });
    expect(adj.status).toBe(201);
    const newId = adj.body.matterId as string;
    const adjusted = (await stack.http.get(`/api/v1/matters/${newId}`, stack.cast.legal)).body;
    expect(adjusted).toMatchObject({ kind: 'major_decision', stage: 'research' });
    expect(adjusted.state.adjusts).toMatchObject({ matterId: id, purpose: 'adjust' });
    const original = (await stack.http.get(`/api/v1/matters/${id}`, stack.cast.legal)).body;
    expect(original.state.implementation.adjustments).toEqual([expect.objectContaining({ newMatterId: newId, purpose: 'adjust' })]);

    await stack.drive.ok(id, stack.cast.secretary, { type: 'complete_implementation', note: `由调整后的决策（${newId}）替代` });
    expect((await handle.result()).stage).toBe('issued');
    const closed = await stack.http.act(id, stack.cast.drafter, { type: 'report_implementation', status: 'on_track', progress: 'x' });
    expect(closed.status).toBe(409);

    const trail = (await stack.http.get(`/api/v1/matters/${id}/trail`, stack.cast.auditor)).body.items.map((t: { action: string }) => t.action);
    expect(trail.slice(-9)).toEqual(['designate_implementing_unit', 'report_implementation', 'report_implementation', 'order_post_evaluation', 'record_post_evaluation', 'suspend_implementation', 'resume_implementation', 'record_adjustment', 'complete_implementation']);
    expect((await stack.http.get(`/api/v1/matters/${id}/trail/verify`, stack.cast.auditor)).body.valid).toBe(true);
    await recordHistory(stack.system.client, `matter-${id}`, 'major-decision-implementation');
  });

  /** The original's state as the API reads it, once `done` holds of it (the news travels by signal, then an activity). */
  async function originalWhen(id: string, done: (s: { implementation?: { adjustments: Array<{ newMatterId: string; settled?: { outcome: string } }>; completed: unknown } }) => boolean) {
    for (let i = 0; i < 150; i++) {
      const view = (await stack.http.get(`/api/v1/matters/${id}`, stack.cast.legal)).body;
      if (done(view.state)) return view;
      await sleep(200);
    }
    throw new Error(`the original ${id} never reached the expected state`);
  }

  test('a stop procedure withdrawn leaves the decision in implementation; one whose decision is out stops it (713号令第36条、第37条)', async () => {
    const { http, cast, drive } = stack;
    const id = await issuedDecision();
    const handle = stack.system.client.workflow.getHandle(`matter-${id}`);
    await drive.ok(id, cast.secretary, { type: 'designate_implementing_unit', unit: '产业发展科' });
    await drive.ok(id, cast.legal, { type: 'order_post_evaluation', grounds: ['not_effective'], evaluator: '某大学公共政策研究院', thirdParty: true });
    await drive.ok(id, cast.legal, { type: 'record_post_evaluation', conclusion: 'not_achieved', recommendation: 'stop', summary: '未达到预期，建议停止执行', publicHeard: '问卷调查', documentId: 'eval-2' });

    // A first stop procedure, withdrawn: the original is told, no longer "adjusting", and the evaluation is unanswered again.
    const first = await http.post(`/api/v1/matters/${id}/adjustments`, cast.drafter, { purpose: 'stop', reason: '评估建议停止执行', title: '关于停止执行区属景区门票价格决策的决定', text: '经决策后评估，决定停止执行区属景区门票价格调整决策。' });
    expect(first.status).toBe(201);
    const firstId = first.body.matterId as string;
    // One at a time: another procedure is refused before any matter is registered for it.
    const listed = async () => (await http.get('/api/v1/matters?limit=100', cast.legal)).body.items.length as number;
    const before = await listed();
    const another = await http.post(`/api/v1/matters/${id}/adjustments`, cast.drafter, { purpose: 'adjust', reason: '另行调整票价', title: '区属景区门票价格调整（调整）', text: '拟将区属景区门票价格调整为每人60元。' });
    expect([another.status, another.body.code]).toEqual([409, 'ADJUSTMENT_PENDING']);
    expect(await listed()).toBe(before);
    await drive.ok(firstId, cast.drafter, { type: 'withdraw', reason: '材料需重新准备' });
    const afterWithdrawal = await originalWhen(id, (s) => s.implementation?.adjustments.some((a) => a.newMatterId === firstId && a.settled) === true);
    expect(afterWithdrawal.state.implementation.adjustments).toEqual([expect.objectContaining({ newMatterId: firstId, purpose: 'stop', settled: expect.objectContaining({ outcome: 'ended', stage: 'withdrawn' }) })]);
    expect(afterWithdrawal.state.implementation.completed).toBeNull();
    const early = await http.act(id, cast.secretary, { type: 'complete_implementation', note: '执行完毕' });
    expect([early.status, early.body.code]).toEqual([409, 'IMPLEMENTATION_NOT_COMPLETABLE']);

    // A second one, carried to its decision: once it is published, the original's implementation ends, by the system.
    const second = await http.post(`/api/v1/matters/${id}/adjustments`, cast.drafter, { purpose: 'stop', reason: '评估建议停止执行（重新启动）', title: '关于停止执行区属景区门票价格决策的决定', text: '经决策后评估，决定停止执行区属景区门票价格调整决策。' });
    expect(second.status).toBe(201);
    const stopId = second.body.matterId as string;
    await drive.research(stopId, []);
    const submitted = await drive.ok(stopId, cast.drafter, { type: 'submit_for_review' });
    expect(submitted.state.stage).toBe('completeness_check');
    await drive.ok(stopId, cast.legal, { type: 'accept_materials' });
    await decideAndSign(stopId);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    await drive.ok(stopId, cast.secretary, { type: 'publish', channel: '区政府网站', reference: 'https://example.gov/stop' });
    const stopped = await originalWhen(id, (s) => s.implementation?.completed !== null);
    expect(stopped.state.implementation.completed).toMatchObject({ by: 'system', endedBy: { matterId: stopId, purpose: 'stop' } });
    expect(stopped.state.implementation.adjustments.map((a: { newMatterId: string; settled: { outcome: string } }) => [a.newMatterId, a.settled.outcome])).toEqual([[firstId, 'ended'], [stopId, 'out']]);
    // The original's workflow ends with its implementation; actions on it are refused.
    expect((await handle.result()).implementation?.completed).toMatchObject({ endedBy: { matterId: stopId } });
    const closed = await http.act(id, cast.drafter, { type: 'report_implementation', status: 'on_track', progress: 'x' });
    expect(closed.status).toBe(409);
    // The trail says so, by the system, once per procedure, and still verifies.
    const entries = (await http.get(`/api/v1/matters/${id}/trail`, cast.auditor)).body.items as Array<{ action: string; actorId: string; after: { newMatterId: string; outcome: string } }>;
    const settled = entries.filter((t) => t.action === 'adjustment_settled');
    expect(settled.map((t) => [t.actorId, t.after.newMatterId, t.after.outcome])).toEqual([['system', firstId, 'ended'], ['system', stopId, 'out']]);
    expect((await http.get(`/api/v1/matters/${id}/trail/verify`, cast.auditor)).body.valid).toBe(true);
    // The stop itself goes on to its archiving and its own implementation.
    expect((await drive.ok(stopId, cast.secretary, { type: 'archive', archiveRef: 'DA-STOP' })).state.stage).toBe('issued');
    await recordHistory(stack.system.client, `matter-${id}`, 'adjustment-settled-original');
    await recordHistory(stack.system.client, `matter-${stopId}`, 'adjustment-settled-stop');
  });
});
