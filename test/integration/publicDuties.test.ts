import { useProcedureStack } from './support/drive';
import { matterWorkflowId } from '../../workflows/definitions';
import { recordHistory } from './support/histories';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

/**
 * Issue 8 items 1, 2 and 4 through the real workflow, the database and the HTTP API: hearing the public,
 * matters that are both a normative document and a major decision, and a risk judged not controllable.
 */
describe('duties towards the public and the decision, through the workflow', () => {
  const stack = useProcedureStack(3);

  test('a risk judged not controllable stops the decision until the draft is adjusted and re-assessed controllable (713 art. 24)', async () => {
    const id = await stack.drive.register('normative_document', ['RISK']);
    const assess = (controllable: boolean) => ({ type: 'record_research_item', item: { kind: 'risk_assessment', riskLevel: controllable ? 'medium' : 'high', controllable, measures: '舆情跟踪、处置预案', documentId: `risk-${controllable}` } });
    await stack.drive.research(id, []);
    await stack.drive.ok(id, stack.cast.drafter, assess(false));
    await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_for_review' });
    await stack.drive.ok(id, stack.cast.legal, { type: 'accept_materials' });
    await stack.drive.lawful(id);
    await sleep(2_500); // the short minimum review time of this configuration
    const meeting = { type: 'schedule_meeting', meetingAt: new Date(Date.now() + 3_600_000).toISOString(), body: 'director_office_meeting' };
    const stopped = await stack.http.act(id, stack.cast.secretary, meeting);
    expect(stopped.status).toBe(422);
    expect(stopped.body.code).toBe('RISK_NOT_CONTROLLABLE');
    expect(stopped.body.detail).toContain('重大行政决策程序暂行条例第24条');

    await stack.drive.ok(id, stack.cast.legal, { type: 'return_for_revision', reason: '风险不可控，须调整草案' });
    const sameDraft = await stack.http.act(id, stack.cast.drafter, assess(true));
    expect(sameDraft.status).toBe(422);
    expect(sameDraft.body.code).toBe('RISK_DRAFT_NOT_ADJUSTED');
    const text = '第一条 为规范管理，制定本办法。\n第二条 分步实施，设置过渡期。\n第三条 本办法自发布之日起施行。';
    await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_version', note: '按风险评估调整' }, { text });
    await stack.drive.ok(id, stack.cast.drafter, assess(true));
    await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_for_review' });
    await stack.drive.ok(id, stack.cast.legal, { type: 'accept_materials' });
    await stack.drive.lawful(id);
    await sleep(2_500);
    const scheduled = await stack.drive.ok(id, stack.cast.secretary, { ...meeting, meetingAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(scheduled.state.stage).toBe('meeting_scheduled');
    await recordHistory(stack.system.client, matterWorkflowId(id), 'risk-not-controllable-stops');
  });

  test('hearing the public is not optional for a major decision (713 arts. 14, 15, 29; 优化营商环境条例 art. 62)', async () => {
    const id = await stack.drive.register('major_decision', []);
    const item = (i: Record<string, unknown>) => stack.http.act(id, stack.cast.drafter, { type: 'record_research_item', item: i });
    for (const i of [
      { kind: 'drafting_explanation', summary: '起草说明', documentId: 'doc-1' },
      { kind: 'legal_bases', bases: [{ title: '价格法' }] },
      { kind: 'procedure_statement', summary: '程序说明', documentId: 'doc-2' },
      { kind: 'internal_consultation', consultations: [{ unit: '财务科', agreed: true, opinion: '同意' }] },
    ]) expect((await item(i)).status).toBe(200);
    await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_for_review' });
    const unheard = await stack.http.act(id, stack.cast.legal, { type: 'accept_materials' });
    expect(unheard.status).toBe(422);
    expect(unheard.body.code).toBe('PUBLIC_PARTICIPATION_MISSING');
    expect(unheard.body.detail).toContain('重大行政决策程序暂行条例第14条');
    await stack.drive.ok(id, stack.cast.legal, { type: 'return_for_supplement', missing: ['听取公众意见情况'], note: '请补充听取公众意见' });
    // "Another method" with neither participants nor channel is refused; an open comment cannot pass as one.
    expect((await item({ kind: 'public_participation', method: 'symposium', from: daysAgo(3), summary: '支持' })).body.code).toBe('PARTICIPANTS_OR_CHANNEL_MISSING');
    expect((await item({ kind: 'public_participation', method: 'open_comment', from: daysAgo(3), channel: '网站', summary: '支持' })).status).toBe(400);
    expect((await item({ kind: 'public_participation', method: 'symposium', from: daysAgo(3), participants: '景区商户代表9人', summary: '建议设过渡期' })).status).toBe(200);
    expect((await item({ kind: 'comment_adoption', entries: [{ commentSummary: '建议设过渡期', adopted: true }] })).status).toBe(200);
    await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_for_review' });
    const accepted = await stack.drive.ok(id, stack.cast.legal, { type: 'accept_materials' });
    expect(accepted.state.stage).toBe('legality_review');
    expect(accepted.state.research.participations[0]).toMatchObject({ method: 'symposium', participants: '景区商户代表9人' });

    // 依法不予公开 with its ground, never on a PUBLIC matter.
    const publicMatter = await stack.drive.register('major_decision', ['PUBLIC']);
    const exempt = await stack.http.act(publicMatter, stack.cast.drafter, { type: 'record_research_item', item: { kind: 'participation_exemption', legalGround: '涉及国家秘密' } });
    expect(exempt.status).toBe(422);
    expect(exempt.body.code).toBe('EXEMPTION_WITH_OPEN_COMMENT');

    // An ECON normative document: 30 days and operators heard (优化营商环境条例第62条), 7 working days are not enough.
    const econ = await stack.drive.register('normative_document', ['PUBLIC', 'ECON']);
    const shortWindow = await stack.http.act(econ, stack.cast.drafter, { type: 'record_research_item', item: { kind: 'public_comment', openedAt: daysAgo(14), closesAt: daysAgo(1), channel: '网站', operatorsAndAssociations: { parties: ['区旅游行业协会'], summary: '无异议' } } });
    expect(shortWindow.status).toBe(422);
    expect(shortWindow.body.code).toBe('COMMENT_WINDOW_TOO_SHORT');
    expect(shortWindow.body.detail).toContain('优化营商环境条例第62条');
    const noOperators = await stack.http.act(econ, stack.cast.drafter, { type: 'record_research_item', item: { kind: 'public_comment', openedAt: daysAgo(40), closesAt: daysAgo(1), channel: '网站' } });
    expect(noOperators.body.code).toBe('OPERATORS_NOT_HEARD');
    const vocabulary = await stack.http.get('/api/v1/vocabulary', null);
    expect(vocabulary.body.participationMethods).toMatchObject({ symposium: '座谈会', opinion_poll: '民意调查' });
    await recordHistory(stack.system.client, matterWorkflowId(id), 'public-participation-required');
  });

  test('a normative document that is also a major decision owes both kinds\' duties (registration, list, comment window, review time)', async () => {
    const wrong = await stack.http.post('/api/v1/matters', stack.cast.drafter, { title: '重大决策', kind: 'major_decision', alsoMajorDecision: true, text: '第一条 为规范管理，制定本办法。' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('CLASSIFICATION_NOT_APPLICABLE');
    expect(wrong.body.errors[0].field).toBe('body.alsoMajorDecision');

    const created = await stack.http.post('/api/v1/matters', stack.cast.drafter, { title: '文化旅游消费补贴政策', kind: 'normative_document', alsoMajorDecision: true, flags: ['PUBLIC'], text: '第一条 为促进文化旅游消费，制定本政策。\n第二条 本政策自发布之日起施行。' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ kind: 'normative_document', alsoMajorDecision: true });
    const listed = await stack.http.get('/api/v1/matters?kind=major_decision&limit=200', stack.cast.legal);
    expect(listed.body.items.find((m: { id: string }) => m.id === id)).toMatchObject({ kind: 'normative_document', alsoMajorDecision: true });
    const plan = await stack.http.get(`/api/v1/matters/${id}`, stack.cast.drafter);
    expect(plan.body.alsoMajorDecision).toBe(true);

    // The 30-day window of a major decision (713 art. 15), not the normative document's 7 working days.
    const tenDays = await stack.http.act(id, stack.cast.drafter, { type: 'record_research_item', item: { kind: 'public_comment', openedAt: daysAgo(12), closesAt: daysAgo(2), channel: '区政府网站' } });
    expect(tenDays.status).toBe(422);
    expect(tenDays.body.code).toBe('COMMENT_WINDOW_TOO_SHORT');
    await stack.drive.research(id, ['PUBLIC']);
    await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_for_review' });
    await stack.drive.ok(id, stack.cast.legal, { type: 'accept_materials' });
    await stack.drive.lawful(id);
    await sleep(2_500); // a plain normative document could meet now (2 s in this configuration)
    const early = await stack.http.act(id, stack.cast.secretary, { type: 'schedule_meeting', meetingAt: new Date(Date.now() + 3_600_000).toISOString(), body: 'director_office_meeting' });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('LEGALITY_MIN_TIME');
    expect(early.body.detail).toContain('713号令第26条');
    const live = await stack.http.get(`/api/v1/matters/${id}?live=true`, stack.cast.legal);
    expect(live.body.deadlines.find((d: { key: string }) => d.key === 'legality_review_minimum')).toMatchObject({ unit: 'working_days' });
    await recordHistory(stack.system.client, matterWorkflowId(id), 'dual-normative-document-major-decision');
  });
});
