/**
 * Issue 8 item 3, issue 9 items 4–5, through the HTTP API and the workflow: the fair-competition findings
 * are the current version's pre-screen findings not yet answered; nobody zeroes them, nobody skips hearing
 * the operators, nobody takes a matter out of the review by clearing ECON; a matter without ECON whose text
 * looks restrictive warns the legal unit, which adds the flag (the gates then apply).
 */
import { CHECKLIST, useProcedureStack } from './support/drive';
import { recordHistory } from './support/histories';

const RESTRICTIVE = '第一条 为促进本区旅游消费，制定本措施。\n第二条 在本区注册并纳税的旅行社，方可申请奖励资金。\n第三条 消费券通过区文化和旅游局指定的唯一合作平台发放。';

describe('fair-competition findings stay bound to the text (through the workflow)', () => {
  const stack = useProcedureStack(3);

  test('set_fcr_findings cannot zero the findings, the conclusion waits for every answer, and hearing operators has no waiver', async () => {
    const id = await stack.drive.register('normative_document', ['ECON'], RESTRICTIVE);
    await stack.drive.research(id, ['ECON']);
    await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_for_review' });
    await stack.drive.ok(id, stack.cast.legal, { type: 'assign_fcr_reviewer', reviewerId: stack.cast.fcr.id });
    const open = (await stack.http.get(`/api/v1/matters/${id}/fair-competition`, stack.cast.fcr)).body;
    expect(open.openFindings).toBeGreaterThanOrEqual(2);

    const zero = await stack.http.act(id, stack.cast.fcr, { type: 'set_fcr_findings', openFindings: 0 });
    expect(zero.status).toBe(409);
    expect(zero.body.code).toBe('FCR_FINDINGS_NOT_SETTABLE');
    expect((await stack.http.get(`/api/v1/matters/${id}/fair-competition`, stack.cast.fcr)).body.openFindings).toBe(open.openFindings);
    const offered = (await stack.http.get(`/api/v1/matters/${id}`, stack.cast.fcr)).body.availableActions.map((a: { type: string }) => a.type);
    expect(offered).not.toContain('set_fcr_findings');

    const review = await stack.drive.fcrReview('no_restrictive_effect');
    const early = await stack.http.act(id, stack.cast.fcr, { type: 'record_fcr_conclusion', conclusion: 'no_restrictive_effect', versionHash: await stack.drive.hash(id), summary: 's', review });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('FCR_FINDINGS_OPEN');
    expect(early.body.detail).toContain('公平竞争审查条例第17条');

    await stack.drive.answerFindings(id);
    const waived = await stack.http.act(id, stack.cast.fcr, { type: 'record_fcr_conclusion', conclusion: 'no_restrictive_effect', versionHash: await stack.drive.hash(id), summary: 's', review: { ...review, consultations: [], consultationWaivedReason: '无可识别的经营者' } });
    expect(waived.status).toBe(422);
    expect(waived.body.code).toBe('FCR_REVIEW_INCOMPLETE');
    expect(waived.body.detail).toContain('no waiver');
    const viaComment = { ...review, consultations: [{ party: '区内旅行社', kind: 'operator', view: '无异议', method: 'public_comment' }] };
    expect((await stack.http.act(id, stack.cast.fcr, { type: 'record_fcr_conclusion', conclusion: 'no_restrictive_effect', versionHash: await stack.drive.hash(id), summary: 's', review: viaComment })).body.detail).toContain('method choice');
    const done = await stack.drive.ok(id, stack.cast.fcr, { type: 'record_fcr_conclusion', conclusion: 'no_restrictive_effect', versionHash: await stack.drive.hash(id), summary: '审查结论', review: { ...viaComment, methodReason: '受影响经营者不特定，公开征求意见' } });
    expect(done.state.stage).toBe('completeness_check');
    await stack.drive.ok(id, stack.cast.drafter, { type: 'withdraw', reason: '测试结束' });
    await recordHistory(stack.system.client, `matter-${id}`, 'fcr-findings-bound-to-text');
  });

  test('the drafter cannot clear ECON once findings are open; the legal unit decides with a reason and the findings stay', async () => {
    const id = await stack.drive.register('normative_document', ['ECON'], RESTRICTIVE);
    await stack.drive.research(id, ['ECON']);
    await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_for_review' });
    const findingsBefore = (await stack.http.get(`/api/v1/matters/${id}/fair-competition`, stack.cast.legal)).body.findings;
    const byDrafter = await stack.http.act(id, stack.cast.drafter, { type: 'set_flags', flags: [], reason: '不涉及经营者' });
    expect(byDrafter.status).toBe(403);
    expect(byDrafter.body.code).toBe('ECON_REMOVAL_NEEDS_LEGAL_UNIT');
    expect(byDrafter.body.detail).toContain('公平竞争审查条例第18条');
    expect((await stack.http.get(`/api/v1/matters/${id}`, stack.cast.legal)).body.stage).toBe('fair_competition_review');

    const decided = await stack.drive.ok(id, stack.cast.legal, { type: 'set_flags', flags: [], reason: '经核实仅涉及机关内部管理' });
    expect(decided.state.stage).toBe('completeness_check');
    const after = (await stack.http.get(`/api/v1/matters/${id}/fair-competition`, stack.cast.legal)).body;
    expect(after.findings.map((f: { id: string }) => f.id)).toEqual(findingsBefore.map((f: { id: string }) => f.id));
    const trail = (await stack.http.get(`/api/v1/matters/${id}/trail`, stack.cast.auditor)).body.items;
    expect(trail.at(-1)).toMatchObject({ action: 'set_flags', actorId: stack.cast.legal.id, actorRole: 'legal_unit', reason: '经核实仅涉及机关内部管理' });
    // Decided: no "may need" warning for this version.
    expect((await stack.http.get(`/api/v1/matters/${id}`, stack.cast.legal)).body.warnings).toEqual([]);
    await stack.drive.ok(id, stack.cast.drafter, { type: 'withdraw', reason: '测试结束' });
    await recordHistory(stack.system.client, `matter-${id}`, 'econ-removal-by-legal-unit');
  });

  test('findings on a matter without ECON warn the legal unit on the matter and in the work list; adding ECON puts the gates on', async () => {
    const id = await stack.drive.register('normative_document', [], RESTRICTIVE);
    const view = (await stack.http.get(`/api/v1/matters/${id}`, stack.cast.legal)).body;
    expect(view.warnings).toEqual([expect.objectContaining({ code: 'may_need_fcr', roles: ['legal_unit'] })]);
    expect(view.warnings[0].findingIds.length).toBeGreaterThan(0);
    const list = (await stack.http.get('/api/v1/matters?limit=100', stack.cast.legal)).body.items;
    expect(list.find((m: { id: string }) => m.id === id).warnings).toEqual(['may_need_fcr']);
    expect((await stack.http.get(`/api/v1/matters/${id}/fair-competition`, stack.cast.legal)).body.mayNeedReview).toBe(true);

    await stack.drive.research(id, []);
    await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_for_review' });
    const added = await stack.drive.ok(id, stack.cast.legal, { type: 'set_flags', flags: ['ECON'], reason: '预审提示涉及经营者' });
    expect(added.state.stage).toBe('research');
    expect((await stack.http.get(`/api/v1/matters/${id}`, stack.cast.legal)).body.warnings).toEqual([]);
    expect((await stack.http.get('/api/v1/matters?limit=100', stack.cast.legal)).body.items.find((m: { id: string }) => m.id === id).warnings).toEqual([]);
    expect((await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_for_review' })).state.stage).toBe('fair_competition_review');
    await stack.drive.ok(id, stack.cast.legal, { type: 'assign_fcr_reviewer', reviewerId: stack.cast.fcr.id });
    const gated = await stack.http.act(id, stack.cast.fcr, { type: 'record_fcr_conclusion', conclusion: 'no_restrictive_effect', versionHash: await stack.drive.hash(id), summary: 's', review: await stack.drive.fcrReview('no_restrictive_effect') });
    expect(gated.body.code).toBe('FCR_FINDINGS_OPEN');
    await stack.drive.ok(id, stack.cast.drafter, { type: 'withdraw', reason: '测试结束' });
  });

  test('left undecided, the warning holds the matter: no lawful conclusion until the legal unit decides the flag (patch authority-as-written)', async () => {
    const id = await stack.drive.register('normative_document', [], RESTRICTIVE);
    await stack.drive.research(id, []);
    await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_for_review' });
    await stack.drive.ok(id, stack.cast.legal, { type: 'accept_materials' });
    await stack.drive.ok(id, stack.cast.legal, { type: 'assign_lawyer', lawyerId: stack.cast.lawyer.id });
    await stack.drive.lawyerSigns(id);
    const conclusion = async () => ({ type: 'record_legality_conclusion', versionHash: await stack.drive.hash(id), outcome: 'LAWFUL', text: '合法', checklist: CHECKLIST });
    const held = await stack.http.act(id, stack.cast.legal, await conclusion());
    expect(held.body).toMatchObject({ status: 422, code: 'FCR_FLAG_UNDECIDED' });
    // The legal unit decides: the flags stay as they are, for a reason it records; the matter goes on.
    await stack.drive.ok(id, stack.cast.legal, { type: 'set_flags', flags: [], reason: '经法制机构审核，奖励资金另行制定办法，本措施不涉及经营者经济活动' });
    expect((await stack.http.get(`/api/v1/matters/${id}`, stack.cast.legal)).body.warnings).toEqual([]);
    expect((await stack.drive.ok(id, stack.cast.legal, await conclusion())).state.stage).toBe('awaiting_meeting');
    await recordHistory(stack.system.client, `matter-${id}`, 'authority-as-written-fcr-flag-decided');
    await stack.drive.ok(id, stack.cast.drafter, { type: 'withdraw', reason: '测试结束' });
  });
});
