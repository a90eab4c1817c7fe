import { api, person, shortClocksConfigFile, startTestSystem, type TestPerson } from './support/testSystem';
import { CHECKLIST, createCast, Driver, type Cast } from './support/drive';
import type { System } from '../../app/system';
import { recordHistory } from './support/histories';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Who answers for what and who decides, through the HTTP API and the workflow (issue 8 items 5–6,
 * issue 9 items 2–3 and "also look at"): each test first tries to break the rule.
 */
describe('deciding bodies, opinions and meetings, through the API', () => {
  let system: System;
  let drive: Driver;
  let cast: Cast;
  let httpApi: ReturnType<typeof api>;
  let both: TestPerson;

  beforeAll(async () => {
    system = await startTestSystem({ env: { PROCEDURE_CONFIG_PATH: shortClocksConfigFile() } });
    httpApi = api(system);
    cast = await createCast(system, 3);
    drive = new Driver(httpApi, cast);
    both = await person(system, ['legal_unit', 'lawyer'], { contract: { from: '2020-01-01', to: '2099-12-31' } });
  });
  afterAll(async () => {
    await system?.stop();
  });

  test('a person who acted as legal unit (here: adding a flag) cannot later be assigned as the lawyer of the same matter', async () => {
    const id = await drive.register('normative_document', []);
    await drive.ok(id, both, { type: 'set_flags', flags: ['GOVNAME'], reason: '以区政府名义出台' });
    await drive.research(id, []);
    await drive.ok(id, cast.drafter, { type: 'submit_for_review' });
    await drive.ok(id, cast.legal, { type: 'accept_materials' });
    const res = await httpApi.act(id, cast.legal, { type: 'assign_lawyer', lawyerId: both.id });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('SEPARATION_OF_DUTIES');
  });

  test('a meeting cannot be recorded as held before it was scheduled (or in 2020), only after', async () => {
    const id = await drive.toLegalityReview('normative_document', []);
    await drive.lawful(id);
    await sleep(2_500); // the 2 s minimum review time of the test configuration
    const beforeScheduling = new Date().toISOString();
    await sleep(200);
    await drive.ok(id, cast.secretary, { type: 'schedule_meeting', meetingAt: new Date(Date.now() + 1_000).toISOString(), body: 'director_office_meeting' });
    await sleep(1_500);
    for (const heldAt of ['2020-01-06T09:00:00+08:00', beforeScheduling]) {
      const res = await httpApi.act(id, cast.secretary, { type: 'record_meeting', record: drive.meetingRecord('approve', ['approve', 'approve'], { heldAt }) });
      expect(res.status).toBe(422);
      expect(res.body.code).toMatch(/MEETING_BEFORE_ITS_PREREQUISITES|LEGALITY_MIN_TIME/);
    }
    const backdated = await httpApi.act(id, cast.secretary, { type: 'record_meeting', record: drive.meetingRecord('approve', ['approve', 'approve'], { heldAt: beforeScheduling }) });
    expect(backdated.body.code).toBe('MEETING_BEFORE_ITS_PREREQUISITES');
    const held = await drive.ok(id, cast.secretary, { type: 'record_meeting', record: drive.meetingRecord('reject', ['reject', 'reject']) });
    expect(held.state.stage).toBe('rejected');
    await system.client.workflow.getHandle(`matter-${id}`).result();
    await recordHistory(system.client, `matter-${id}`, 'meeting-after-scheduling');
  });

  test("the legal unit answers for its own opinion: its checklist, its reasons, its departure from the lawyer; LR-P2 issues need their cure; the lawyer's UNLAWFUL stops", async () => {
    const id = await drive.toLegalityReview('normative_document', []);
    await drive.ok(id, cast.legal, { type: 'assign_lawyer', lawyerId: cast.lawyer.id });
    await drive.answerLegalityFindings(id);
    const hash = await drive.hash(id);
    const p2Issue = CHECKLIST.map((c) => (c.code === 'LR-P2' ? { ...c, result: 'issue', note: '第二条设定审批' } : c));
    const uncured = await httpApi.act(id, cast.lawyer, { type: 'submit_lawyer_opinion', versionHash: hash, outcome: 'LAWFUL', text: '合法', checklist: p2Issue });
    expect({ status: uncured.status, code: uncured.body.code }).toEqual({ status: 422, code: 'ISSUE_NOT_CURED' });
    await drive.ok(id, cast.lawyer, { type: 'submit_lawyer_opinion', versionHash: hash, outcome: 'LAWFUL', text: '合法', checklist: CHECKLIST });
    const bare = await httpApi.act(id, cast.legal, { type: 'record_legality_conclusion', versionHash: hash, outcome: 'LAWFUL', text: '合法' });
    expect(bare.body.code).toBe('LEGAL_UNIT_CHECKLIST_INCOMPLETE');
    const departs = await httpApi.act(id, cast.legal, { type: 'record_legality_conclusion', versionHash: hash, outcome: 'UNLAWFUL', text: '不合法', checklist: p2Issue });
    expect(departs.body.code).toBe('DEPARTURE_FROM_LAWYER_UNEXPLAINED');
    const own = await drive.ok(id, cast.legal, { type: 'record_legality_conclusion', versionHash: hash, outcome: 'UNLAWFUL', text: '不合法', checklist: p2Issue, departureReason: '第二条设定审批无法律依据，法律顾问未予指出' });
    expect(own.state.stage).toBe('not_issued');
    expect(own.state.legality.conclusion).toMatchObject({ departureReason: '第二条设定审批无法律依据，法律顾问未予指出', checklist: p2Issue });

    const stopped = await drive.toLegalityReview('normative_document', []);
    await drive.ok(stopped, cast.legal, { type: 'assign_lawyer', lawyerId: cast.lawyer.id });
    await drive.answerLegalityFindings(stopped);
    await drive.ok(stopped, cast.lawyer, { type: 'submit_lawyer_opinion', versionHash: await drive.hash(stopped), outcome: 'UNLAWFUL', text: '不合法', checklist: p2Issue });
    const overruled = await httpApi.act(stopped, cast.legal, { type: 'record_legality_conclusion', versionHash: await drive.hash(stopped), outcome: 'LAWFUL', text: '合法', checklist: CHECKLIST, departureReason: '不同意' });
    expect(overruled.body.code).toBe('LAWYER_OPINION_UNLAWFUL');
    expect(overruled.body.detail ?? overruled.body.title).toContain('中办发〔2016〕30号');
    await system.client.workflow.getHandle(`matter-${id}`).result();
    await recordHistory(system.client, `matter-${id}`, 'legal-unit-own-opinion-departs-from-lawyer');
  });
});
