import { procedureConfigFile } from './support/testSystem';
import { useProcedureStack } from './support/drive';
import { recordHistory } from './support/histories';
import { CONTRACT_TEXT, CT, PARTICULARS } from './support/contract';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A contract reviewed by the lawyer (signed opinion), concluded by the legal unit, signed, reminded before its term ends, closed. */
describe('contract and agreement review, through the workflow and the HTTP API', () => {
  const stack = useProcedureStack(1, () => ({
    configPath: procedureConfigFile({ kinds: { contract_review: { legalityReviewTimeLimit: { amount: 3600, unit: 'seconds' } } }, reminderLead: { amount: 60, unit: 'seconds' }, contracts: { termReminderLead: { amount: 3, unit: 'seconds' } } }),
  }));

  async function toReview(): Promise<string> {
    const res = await stack.http.post('/api/v1/matters', stack.cast.drafter, { title: '智慧文旅平台技术服务合同', kind: 'contract_review', flags: [], text: CONTRACT_TEXT });
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    await stack.drive.ok(id, stack.cast.drafter, { type: 'record_contract_particulars', particulars: PARTICULARS });
    await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_for_review' });
    await stack.drive.ok(id, stack.cast.legal, { type: 'accept_materials' });
    await stack.drive.ok(id, stack.cast.legal, { type: 'assign_lawyer', lawyerId: stack.cast.lawyer.id });
    await stack.drive.answerLegalityFindings(id);
    return id;
  }

  test('bad particulars are refused at the edge naming the field', async () => {
    const res = await stack.http.post('/api/v1/matters', stack.cast.drafter, { title: '合同', kind: 'contract_review', flags: [], text: CONTRACT_TEXT });
    const bad = await stack.http.act(res.body.id, stack.cast.drafter, { type: 'record_contract_particulars', particulars: { ...PARTICULARS, procurement: { method: 'single_source' } } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('procurement.reference');
  });

  test('reviewed, signed opinion bound to the text, conclusion gates the signing, term reminder, closed', async () => {
    const id = await toReview();
    const hash = await stack.drive.hash(id);
    const early = await stack.http.act(id, stack.cast.drafter, { type: 'record_contract_signing', versionHash: hash, contractNumber: 'HT-1', signedAt: new Date().toISOString(), signatory: '局长', counterparty: '某某信息技术有限公司', value: 480000, termStart: new Date().toISOString(), termEnd: new Date(Date.now() + 86_400_000).toISOString() });
    expect(early.status).toBe(409); // not at the signing stage yet

    const lr = await stack.http.act(id, stack.cast.lawyer, { type: 'submit_lawyer_opinion', versionHash: hash, outcome: 'LAWFUL', text: '可以签订', checklist: CT.slice(1) });
    expect(lr.status).toBe(422);
    expect(lr.body.code).toMatch(/checklist_incomplete/i);
    await stack.drive.ok(id, stack.cast.lawyer, { type: 'submit_lawyer_opinion', versionHash: hash, outcome: 'LAWFUL', text: '合同主体、授权、采购程序、价款、责任、保密、争议解决均无问题，可以签订。', checklist: CT });
    const signOffs = (await stack.http.get(`/api/v1/matters/${id}/signoffs`, stack.cast.legal)).body.items as Array<{ id: string; versionHash: string }>;
    expect(signOffs).toHaveLength(1);
    expect(signOffs[0]!.versionHash).toBe(hash);
    expect((await stack.http.get(`/api/v1/matters/${id}/signoffs/${encodeURIComponent(signOffs[0]!.id)}/verify`, stack.cast.legal)).body.valid).toBe(true);

    const concluded = await stack.drive.ok(id, stack.cast.legal, { type: 'record_legality_conclusion', versionHash: hash, outcome: 'LAWFUL', text: '同意签订' });
    expect(concluded.state.stage).toBe('contract_signing');

    const now = Date.now();
    const signing = { type: 'record_contract_signing', versionHash: hash, contractNumber: 'HT-2026-007', signedAt: new Date(now).toISOString(), signatory: '局长', counterparty: '某某信息技术有限公司', value: 480000, termStart: new Date(now).toISOString(), termEnd: new Date(now + 6_000).toISOString() };
    const wrongValue = await stack.http.act(id, stack.cast.drafter, { ...signing, value: 500000 });
    expect(wrongValue.status).toBe(422);
    expect(wrongValue.body.code).toMatch(/contract_value_mismatch/i);
    const signed = await stack.drive.ok(id, stack.cast.drafter, signing);
    expect(signed.state.stage).toBe('contract_in_force');
    const view = (await stack.http.get(`/api/v1/matters/${id}`, stack.cast.legal)).body;
    expect(view.deadlines).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'contract_term_end', dueAt: signing.termEnd })]));

    // The reminder goes out 3 s before the term ends (short durations from the test's configuration).
    let actions: string[] = [];
    for (let i = 0; i < 60 && !actions.includes('deadline_reminder'); i++) {
      await sleep(500);
      actions = (await stack.system.db.prisma.trailEntry.findMany({ where: { matterId: id }, orderBy: { seq: 'asc' } })).map((t) => t.action);
    }
    const reminder = await stack.system.db.prisma.trailEntry.findFirst({ where: { matterId: id, action: 'deadline_reminder' } });
    expect(JSON.stringify(reminder?.after)).toContain('contract_term_end');

    const register = (await stack.http.get('/api/v1/contracts', stack.cast.legal)).body.items as Array<Record<string, unknown>>;
    expect(register).toEqual(expect.arrayContaining([expect.objectContaining({ matterId: id, contractNumber: 'HT-2026-007', counterparty: '某某信息技术有限公司', value: 480000, status: 'in_force' })]));

    const closed = await stack.drive.ok(id, stack.cast.legal, { type: 'close_contract', outcome: 'performed', note: '验收合格，款项已付清' });
    expect(closed.state.stage).toBe('contract_closed');
    expect((await stack.http.get(`/api/v1/matters/${id}/trail/verify`, stack.cast.auditor)).body.valid).toBe(true);
    await recordHistory(stack.system.client, `matter-${id}`, 'contract-review-signed-reminded-closed');
  });

  test('a changed text voids the sign-off: the old conclusion no longer lets it be signed', async () => {
    const id = await toReview();
    const hash = await stack.drive.hash(id);
    await stack.drive.ok(id, stack.cast.lawyer, { type: 'submit_lawyer_opinion', versionHash: hash, outcome: 'LAWFUL_WITH_AMENDMENTS', text: '违约条款应对等', checklist: CT });
    await stack.drive.ok(id, stack.cast.legal, { type: 'record_legality_conclusion', versionHash: hash, outcome: 'LAWFUL_WITH_AMENDMENTS', text: '修改后可签订', amendments: [{ clause: '第三条', change: '违约金对等' }] });
    await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_version' }, { text: `${CONTRACT_TEXT}\n第六条 本合同一式四份。` });
    const back = await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_for_review' });
    expect(back.state.stage).toBe('legality_review');
    const confirm = await stack.http.act(id, stack.cast.legal, { type: 'confirm_amendments', versionHash: await stack.drive.hash(id) });
    expect(confirm.status).toBe(422);
    expect(confirm.body.code).toMatch(/lawyer_opinion_missing/i);
  });
});
