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

  test('a lawyer without a signing key cannot submit an opinion: 422 no_signing_key, and nothing is stored', async () => {
    const keyless = await person(system, ['lawyer'], { contract: { from: '2020-01-01', to: '2099-12-31' } });
    await system.db.query('UPDATE app_user SET signing_public_key = NULL, signing_key_sealed = NULL WHERE id = $1', [keyless.id]);
    const id = await drive.toLegalityReview('normative_document', []);
    await drive.ok(id, cast.legal, { type: 'assign_lawyer', lawyerId: keyless.id });
    const trail = async () => ((await httpApi.get(`/api/v1/matters/${id}/trail`, cast.legal)).body as { items: unknown[] }).items.length;
    const before = await trail();
    const res = await httpApi.act(id, keyless, { type: 'submit_lawyer_opinion', versionHash: await drive.hash(id), outcome: 'LAWFUL', text: '合法', checklist: CHECKLIST });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 422, code: 'no_signing_key' });
    expect(await trail()).toBe(before);
    // The assigned lawyer with a key is not refused for it (the gate is the key, not the role).
    const withKey = await httpApi.act(id, cast.lawyer, { type: 'submit_lawyer_opinion', versionHash: await drive.hash(id), outcome: 'LAWFUL', text: '合法', checklist: CHECKLIST });
    expect(withKey.body.code).not.toBe('no_signing_key');
  });

  test('the head who decides is one the roster lets chair that day (713号令第30条): another attendee named head is refused', async () => {
    const [head, deputy, member] = cast.members.map((m) => m.id);
    const bodyId = `chaired-${Date.now()}`;
    const put = await httpApi.put(`/api/v1/meeting-bodies/${bodyId}`, cast.admin, { kind: 'director_office_meeting', name: '局长办公会（主持人测试）', members: [{ userId: head, from: '2020-01-01', chairs: true }, { userId: deputy, from: '2020-01-01' }, { userId: member, from: '2020-01-01' }] });
    expect(put.status).toBe(200);
    expect((await httpApi.get(`/api/v1/meeting-bodies/${bodyId}/roster`, cast.secretary)).body).toMatchObject({ members: [head, deputy, member].sort(), chairs: [head] });
    const id = await drive.toLegalityReview('normative_document', []);
    await drive.lawful(id);
    await sleep(2_500); // the 2 s minimum review time of the test configuration
    await drive.ok(id, cast.secretary, { type: 'schedule_meeting', meetingAt: new Date(Date.now() + 1_000).toISOString(), body: 'director_office_meeting', bodyId });
    await sleep(1_500);
    const ids = [head!, deputy!, member!];
    const recordWithHead = (h: string) => ({ members: ids, attendees: ids, absentees: [], recusals: [], headId: h, views: [...ids.filter((m) => m !== h), h].map((memberId) => ({ memberId, view: 'approve' })), outcome: 'approve', minutesDocumentId: 'minutes-chair' });
    const wrong = await httpApi.act(id, cast.secretary, { type: 'record_meeting', record: recordWithHead(deputy!) });
    expect([wrong.status, wrong.body.code]).toEqual([422, 'HEAD_MAY_NOT_CHAIR']);
    expect((await drive.ok(id, cast.secretary, { type: 'record_meeting', record: recordWithHead(head!) })).state.stage).toBe('post_decision');
    await drive.ok(id, cast.drafter, { type: 'withdraw', reason: '测试结束' });
    await system.client.workflow.getHandle(`matter-${id}`).result();
    await recordHistory(system.client, `matter-${id}`, 'gates-as-written-head-may-chair');
  });

  test('while a meeting held waits to be recorded, its body\'s roster up to today cannot be rewritten; later days can, and any day once it is recorded', async () => {
    const [head, deputy, member] = cast.members.map((m) => m.id);
    const bodyId = `frozen-${Date.now()}`;
    const seats = (extra: Array<Record<string, unknown>> = []) => ({ kind: 'director_office_meeting', name: '局长办公会（名单测试）', members: [{ userId: head, from: '2020-01-01', chairs: true }, { userId: deputy, from: '2020-01-01' }, { userId: member, from: '2020-01-01' }, ...extra] });
    expect((await httpApi.put(`/api/v1/meeting-bodies/${bodyId}`, cast.admin, seats())).status).toBe(200);
    const id = await drive.toLegalityReview('normative_document', []);
    await drive.lawful(id);
    await sleep(2_500); // the 2 s minimum review time of the test configuration
    await drive.ok(id, cast.secretary, { type: 'schedule_meeting', meetingAt: new Date(Date.now() + 1_000).toISOString(), body: 'director_office_meeting', bodyId });
    await sleep(1_500);
    // Held, not recorded: the deputy's seat ended last year (one view fewer to count) is refused, and changes nothing.
    const rewritten = await httpApi.put(`/api/v1/meeting-bodies/${bodyId}`, cast.admin, { ...seats(), members: [{ userId: head, from: '2020-01-01', chairs: true }, { userId: deputy, from: '2020-01-01', to: '2025-12-31' }, { userId: member, from: '2020-01-01' }] });
    expect([rewritten.status, rewritten.headers.get('content-type')?.split(';')[0], rewritten.body.code]).toEqual([409, 'application/problem+json', 'roster_in_use']);
    expect(rewritten.body.detail).toContain(id);
    expect(rewritten.body.errors).toEqual([expect.objectContaining({ field: 'body.members' })]);
    expect((await httpApi.get(`/api/v1/meeting-bodies/${bodyId}/roster`, cast.secretary)).body.members).toEqual([head, deputy, member].sort());
    // A seat from a later day (an appointment to come) is not a change of the days already begun.
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const newcomer = await person(system, ['meeting_member']);
    expect((await httpApi.put(`/api/v1/meeting-bodies/${bodyId}`, cast.admin, seats([{ userId: newcomer.id, from: tomorrow }]))).status).toBe(200);
    // Recorded against the roster of its day: then the past may be corrected (the record keeps what it was counted against).
    const ids = [head!, deputy!, member!];
    const record = { members: ids, attendees: ids, absentees: [], recusals: [], headId: head, views: [deputy, member, head].map((memberId) => ({ memberId, view: 'approve' })), outcome: 'approve', minutesDocumentId: 'minutes-frozen' };
    const recorded = await drive.ok(id, cast.secretary, { type: 'record_meeting', record });
    expect(recorded.state.meeting.records.at(-1).members).toEqual(ids);
    expect((await httpApi.put(`/api/v1/meeting-bodies/${bodyId}`, cast.admin, { ...seats(), members: [{ userId: head, from: '2020-01-01', chairs: true }, { userId: deputy, from: '2020-01-01', to: '2025-12-31' }, { userId: member, from: '2020-01-01' }] })).status).toBe(200);
    await drive.ok(id, cast.drafter, { type: 'withdraw', reason: '测试结束' });
  });

  test('a meeting cannot be recorded as held before it was scheduled (or in 2020), only after', async () => {
    const id = await drive.toLegalityReview('normative_document', []);
    await drive.lawful(id);
    await sleep(2_500); // the 2 s minimum review time of the test configuration
    const beforeScheduling = new Date().toISOString();
    await sleep(200);
    await drive.ok(id, cast.secretary, { type: 'schedule_meeting', meetingAt: new Date(Date.now() + 1_000).toISOString(), body: 'director_office_meeting', bodyId: cast.bodies.director_office_meeting });
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

  test('the roster is data: ghosts, a roster of one and a body of the wrong kind are refused; the Party committee votes, a majority of all members deciding', async () => {
    const ids = cast.members.map((m) => m.id);
    // Only admins keep rosters; an unknown person cannot be seated.
    expect((await httpApi.put(`/api/v1/meeting-bodies/${cast.bodies.party_committee_meeting}`, cast.secretary, { kind: 'party_committee_meeting', name: 'x', members: [] })).status).toBe(403);
    expect((await httpApi.put('/api/v1/meeting-bodies/ghost-body', cast.admin, { kind: 'party_committee_meeting', name: 'x', members: [{ userId: 'ghost', from: '2020-01-01' }] })).body.code).toBe('unknown_member');
    const roster = await httpApi.get(`/api/v1/meeting-bodies/${cast.bodies.party_committee_meeting}/roster`, cast.secretary);
    expect(roster.body.members.sort()).toEqual([...ids].sort());

    // A major decision is never decided by the Party committee.
    const md = await drive.register('major_decision', []);
    const mdTry = await httpApi.act(md, cast.secretary, { type: 'schedule_meeting', meetingAt: new Date(Date.now() + 3_600_000).toISOString(), body: 'party_committee_meeting', bodyId: cast.bodies.party_committee_meeting, category: 'major_funds' });
    expect(mdTry.status).toBe(409); // not yet at the meeting stage: the stage answers first
    const id = await drive.toLegalityReview('collective_matter', []);
    await drive.ok(id, cast.legal, { type: 'record_legality_conclusion', versionHash: await drive.hash(id), outcome: 'LAWFUL', text: '无法律障碍', checklist: CHECKLIST });
    const wrongBody = await httpApi.act(id, cast.secretary, { type: 'schedule_meeting', meetingAt: new Date(Date.now() + 1_000).toISOString(), body: 'director_office_meeting', bodyId: cast.bodies.director_office_meeting });
    expect(wrongBody.body.code).toBe('BODY_NOT_COMPETENT');
    const mismatch = await httpApi.act(id, cast.secretary, { type: 'schedule_meeting', meetingAt: new Date(Date.now() + 1_000).toISOString(), body: 'party_committee_meeting', bodyId: cast.bodies.director_office_meeting, category: 'personnel_appointment' });
    expect(mismatch.body.code).toBe('unknown_meeting_body');
    await drive.ok(id, cast.secretary, { type: 'schedule_meeting', meetingAt: new Date(Date.now() + 1_000).toISOString(), body: 'party_committee_meeting', bodyId: cast.bodies.party_committee_meeting, category: 'personnel_appointment' });
    await sleep(1_200);
    const [a, b, c] = ids as [string, string, string];
    const ghost = await httpApi.act(id, cast.secretary, { type: 'record_meeting', record: { members: [a, b, c, 'ghost'], attendees: [a, b, c], absentees: ['ghost'], recusals: [], headId: a, views: [b, c, a].map((m) => ({ memberId: m, view: 'approve' })), outcome: 'approve', minutesDocumentId: 'minutes-1' } });
    expect({ status: ghost.status, code: ghost.body.code }).toEqual({ status: 422, code: 'ROSTER_NOT_THE_BODY' });
    const ofOne = await httpApi.act(id, cast.secretary, { type: 'record_meeting', record: { members: [a], attendees: [a], absentees: [], recusals: [], headId: a, views: [{ memberId: a, view: 'approve' }], outcome: 'approve', minutesDocumentId: 'minutes-1' } });
    expect(ofOne.body.code).toBe('ROSTER_NOT_THE_BODY');
    // Personnel: two of three present is not two thirds… it is (2/3); one of three is not.
    const fewPresent = await httpApi.act(id, cast.secretary, { type: 'record_meeting', record: { members: [a, b, c], attendees: [a], absentees: [b, c], recusals: [], headId: a, views: [{ memberId: a, view: 'approve' }], outcome: 'approve', minutesDocumentId: 'minutes-1' } });
    expect(fewPresent.body.code).toBe('QUORUM_NOT_MET');
    // The secretary (a) approves, b and c reject: the committee's majority decides, not the secretary.
    const views = [{ memberId: a, view: 'approve' }, { memberId: b, view: 'reject' }, { memberId: c, view: 'reject' }];
    const secretaryAlone = await httpApi.act(id, cast.secretary, { type: 'record_meeting', record: { members: [a, b, c], attendees: [a, b, c], absentees: [], recusals: [], headId: a, views, outcome: 'approve', minutesDocumentId: 'minutes-1' } });
    expect(secretaryAlone.body.code).toBe('OUTCOME_NOT_THE_VOTE');
    const voted = await drive.ok(id, cast.secretary, { type: 'record_meeting', record: { members: [a, b, c], attendees: [a, b, c], absentees: [], recusals: [], headId: a, views, outcome: 'reject', minutesDocumentId: 'minutes-1' } });
    expect(voted.state.stage).toBe('rejected');
    expect(voted.state.meeting.records[0]).toMatchObject({ body: 'party_committee_meeting', bodyId: cast.bodies.party_committee_meeting, category: 'personnel_appointment', votes: { approve: 1, reject: 2 } });
    await system.client.workflow.getHandle(`matter-${id}`).result();
    await recordHistory(system.client, `matter-${id}`, 'party-committee-vote-on-roster');
  });
});
