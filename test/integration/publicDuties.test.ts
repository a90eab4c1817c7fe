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
});

export { daysAgo };
