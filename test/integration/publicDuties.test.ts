import { api, shortClocksConfigFile, startTestSystem } from './support/testSystem';
import { createCast, Driver, type Cast } from './support/drive';
import { matterWorkflowId } from '../../workflows/definitions';
import type { System } from '../../app/system';
import { recordHistory } from './support/histories';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

/**
 * Issue 8 items 1, 2 and 4 through the real workflow, the database and the HTTP API: hearing the public,
 * matters that are both a normative document and a major decision, and a risk judged not controllable.
 */
describe('duties towards the public and the decision, through the workflow', () => {
  let system: System;
  let drive: Driver;
  let cast: Cast;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    system = await startTestSystem({ env: { PROCEDURE_CONFIG_PATH: shortClocksConfigFile() } });
    http = api(system);
    cast = await createCast(system, 3);
    drive = new Driver(http, cast);
  });
  afterAll(async () => {
    await system?.stop();
  });

  test('a risk judged not controllable stops the decision until the draft is adjusted and re-assessed controllable (713 art. 24)', async () => {
    const id = await drive.register('normative_document', ['RISK']);
    const assess = (controllable: boolean) => ({ type: 'record_research_item', item: { kind: 'risk_assessment', riskLevel: controllable ? 'medium' : 'high', controllable, measures: '舆情跟踪、处置预案', documentId: `risk-${controllable}` } });
    await drive.research(id, []);
    await drive.ok(id, cast.drafter, assess(false));
    await drive.ok(id, cast.drafter, { type: 'submit_for_review' });
    await drive.ok(id, cast.legal, { type: 'accept_materials' });
    await drive.lawful(id);
    await sleep(2_500); // the short minimum review time of this configuration
    const meeting = { type: 'schedule_meeting', meetingAt: new Date(Date.now() + 3_600_000).toISOString(), body: 'director_office_meeting' };
    const stopped = await http.act(id, cast.secretary, meeting);
    expect(stopped.status).toBe(422);
    expect(stopped.body.code).toBe('RISK_NOT_CONTROLLABLE');
    expect(stopped.body.detail).toContain('重大行政决策程序暂行条例第24条');

    await drive.ok(id, cast.legal, { type: 'return_for_revision', reason: '风险不可控，须调整草案' });
    const sameDraft = await http.act(id, cast.drafter, assess(true));
    expect(sameDraft.status).toBe(422);
    expect(sameDraft.body.code).toBe('RISK_DRAFT_NOT_ADJUSTED');
    const text = '第一条 为规范管理，制定本办法。\n第二条 分步实施，设置过渡期。\n第三条 本办法自发布之日起施行。';
    await drive.ok(id, cast.drafter, { type: 'submit_version', note: '按风险评估调整' }, { text });
    await drive.ok(id, cast.drafter, assess(true));
    await drive.ok(id, cast.drafter, { type: 'submit_for_review' });
    await drive.ok(id, cast.legal, { type: 'accept_materials' });
    await drive.lawful(id);
    await sleep(2_500);
    const scheduled = await drive.ok(id, cast.secretary, { ...meeting, meetingAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(scheduled.state.stage).toBe('meeting_scheduled');
    await recordHistory(system.client, matterWorkflowId(id), 'risk-not-controllable-stops');
  });

  test('a normative document that is also a major decision owes both kinds\' duties (registration, list, comment window, review time)', async () => {
    const wrong = await http.post('/api/v1/matters', cast.drafter, { title: '重大决策', kind: 'major_decision', alsoMajorDecision: true, text: '第一条 为规范管理，制定本办法。' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('CLASSIFICATION_NOT_APPLICABLE');
    expect(wrong.body.errors[0].field).toBe('body.alsoMajorDecision');

    const created = await http.post('/api/v1/matters', cast.drafter, { title: '文化旅游消费补贴政策', kind: 'normative_document', alsoMajorDecision: true, flags: ['PUBLIC'], text: '第一条 为促进文化旅游消费，制定本政策。\n第二条 本政策自发布之日起施行。' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ kind: 'normative_document', alsoMajorDecision: true });
    const listed = await http.get('/api/v1/matters?kind=major_decision&limit=200', cast.legal);
    expect(listed.body.items.find((m: { id: string }) => m.id === id)).toMatchObject({ kind: 'normative_document', alsoMajorDecision: true });
    const plan = await http.get(`/api/v1/matters/${id}`, cast.drafter);
    expect(plan.body.alsoMajorDecision).toBe(true);

    // The 30-day window of a major decision (713 art. 15), not the normative document's 7 working days.
    const tenDays = await http.act(id, cast.drafter, { type: 'record_research_item', item: { kind: 'public_comment', openedAt: daysAgo(12), closesAt: daysAgo(2), channel: '区政府网站' } });
    expect(tenDays.status).toBe(422);
    expect(tenDays.body.code).toBe('COMMENT_WINDOW_TOO_SHORT');
    await drive.research(id, ['PUBLIC']);
    await drive.ok(id, cast.drafter, { type: 'submit_for_review' });
    await drive.ok(id, cast.legal, { type: 'accept_materials' });
    await drive.lawful(id);
    await sleep(2_500); // a plain normative document could meet now (2 s in this configuration)
    const early = await http.act(id, cast.secretary, { type: 'schedule_meeting', meetingAt: new Date(Date.now() + 3_600_000).toISOString(), body: 'director_office_meeting' });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('LEGALITY_MIN_TIME');
    expect(early.body.detail).toContain('713号令第26条');
    const live = await http.get(`/api/v1/matters/${id}?live=true`, cast.legal);
    expect(live.body.deadlines.find((d: { key: string }) => d.key === 'legality_review_minimum')).toMatchObject({ unit: 'working_days' });
    await recordHistory(system.client, matterWorkflowId(id), 'dual-normative-document-major-decision');
  });
});
