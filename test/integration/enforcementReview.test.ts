/**
 * Issue 8 item 8 through the HTTP API and the workflow: a major enforcement decision reviewed as 行政处罚法
 * arts. 48, 57–60 write it — the case with its art. 58 ground, a reviewer holding the legal qualification
 * (an attribute an admin sets through the users API), the enforcement checklist, collective discussion only
 * for serious cases, the 90 days from filing with extensions, and publication for decisions of social impact.
 */
import crypto from 'node:crypto';
import { person } from './support/testSystem';
import { useProcedureStack } from './support/drive';
import { recordHistory } from './support/histories';

const POINTS = ['EF-SUBJECT', 'EF-JURISDICTION', 'EF-FACTS', 'EF-EVIDENCE', 'EF-PROCEDURE', 'EF-LAW', 'EF-DISCRETION', 'EF-DOCUMENT'];
const checklist = (issue?: string) => POINTS.map((code) => ({ code, result: code === issue ? 'issue' : 'pass' }));
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe('major enforcement decision review (行政处罚法第57–60条), through the workflow', () => {
  const stack = useProcedureStack(3);

  // Each matter its own case (one case is reviewed in one matter at a time: CASE_ALREADY_UNDER_REVIEW), also
  // among the other files sharing the database.
  async function filed(id: string, over: Record<string, unknown> = {}) {
    await stack.drive.research(id, []);
    await stack.drive.ok(id, stack.cast.drafter, { type: 'record_research_item', item: { kind: 'enforcement_case', caseNumber: `文旅立〔2026〕${crypto.randomInt(1, 1_000_000_000)}号`, caseFiledOn: daysAgo(10), ground: 'hearing_held', complex: false, seriousViolation: false, socialImpact: true, summary: '经听证的较大数额罚款', ...over } });
    await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_for_review' });
  }

  test('an unqualified reviewer is refused until an admin records the qualification; the EF checklist decides; the head signs; published; decided', async () => {
    const id = await stack.drive.register('enforcement_review', []);
    const noGround = await stack.http.act(id, stack.cast.drafter, { type: 'record_research_item', item: { kind: 'enforcement_case', caseNumber: 'x', caseFiledOn: daysAgo(1), ground: 'other_statutory', complex: false, seriousViolation: false, socialImpact: false, summary: 's' } });
    expect(noGround.status).toBe(422);
    expect(noGround.body.code).toBe('ENFORCEMENT_GROUND_BASIS_MISSING');
    await filed(id);

    const newcomer = await person(stack.system, ['legal_unit']);
    const refused = await stack.http.act(id, newcomer, { type: 'accept_materials' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ENFORCEMENT_REVIEWER_UNQUALIFIED');
    expect(refused.body.detail).toContain('行政处罚法第58条第2款');
    // The admin records the qualification through the users API.
    const patched = await stack.http.patch(`/api/v1/users/${newcomer.id}`, stack.cast.admin, { legalQualification: true });
    expect(patched.status).toBe(200);
    expect(patched.body.legalQualification).toBe(true);
    await stack.drive.ok(id, newcomer, { type: 'accept_materials' });

    const view = (await stack.http.get(`/api/v1/matters/${id}`, stack.cast.legal)).body;
    const clock = view.deadlines.find((d: { key: string }) => d.key === 'enforcement_decision_time_limit');
    expect(clock).toBeDefined();
    const extended = await stack.drive.ok(id, stack.cast.drafter, { type: 'extend_case_deadline', days: 30, reason: '需补充鉴定', approvedBy: '局长', basis: '部门规章' });
    expect(extended.state.legality.caseExtensions).toHaveLength(1);
    const later = (await stack.http.get(`/api/v1/matters/${id}`, stack.cast.legal)).body.deadlines.find((d: { key: string }) => d.key === 'enforcement_decision_time_limit');
    expect(Date.parse(later.dueAt) - Date.parse(clock.dueAt)).toBe(30 * 86_400_000);

    const hash = await stack.drive.hash(id);
    const lr = await stack.http.act(id, newcomer, { type: 'record_legality_conclusion', versionHash: hash, outcome: 'LAWFUL', text: '通过' });
    expect(lr.body.code).toBe('ENFORCEMENT_CHECKLIST_INCOMPLETE');
    const withIssue = await stack.http.act(id, newcomer, { type: 'record_legality_conclusion', versionHash: hash, outcome: 'LAWFUL', text: '通过', enforcementChecklist: checklist('EF-EVIDENCE') });
    expect(withIssue.body.code).toBe('ENFORCEMENT_CHECKLIST_INCOMPLETE');
    expect((await stack.http.act(id, stack.cast.legal, { type: 'record_legality_conclusion', versionHash: hash, outcome: 'LAWFUL', text: '通过', enforcementChecklist: checklist() })).body.code).toBe('ENFORCEMENT_NOT_REVIEWER');
    const passed = await stack.drive.ok(id, newcomer, { type: 'record_legality_conclusion', versionHash: hash, outcome: 'LAWFUL', text: '审核通过', enforcementChecklist: checklist() });
    // Not complex, not serious: no collective discussion; the head decides by signing.
    expect(passed.state.stage).toBe('post_decision');
    await stack.drive.ok(id, stack.cast.secretary, { type: 'sign_and_number', versionHash: hash, signedBy: '局长' });
    await stack.drive.ok(id, stack.cast.secretary, { type: 'archive', archiveRef: 'DA-5' });
    const publish = await stack.drive.ok(id, stack.cast.secretary, { type: 'publish', channel: '区政府网站', reference: 'r' });
    expect(publish.state.stage).toBe('decided');
    await recordHistory(stack.system.client, `matter-${id}`, 'enforcement-review-head-decides-published');
  });

  test('a decision not published is in force, and a clean-up shows it only to those who may read its matter', async () => {
    const { http, cast, drive } = stack;
    const id = await drive.register('enforcement_review', []);
    await filed(id, { socialImpact: false });
    await drive.ok(id, cast.legal, { type: 'accept_materials' });
    const hash = await drive.hash(id);
    await drive.ok(id, cast.legal, { type: 'record_legality_conclusion', versionHash: hash, outcome: 'LAWFUL', text: '审核通过', enforcementChecklist: checklist() });
    await drive.ok(id, cast.secretary, { type: 'sign_and_number', versionHash: hash, signedBy: '局长' });
    for (let i = 0; i < 60 && (await http.get(`/api/v1/register/${id}`, cast.auditor)).body?.entry?.status !== 'in_force'; i++) await new Promise((r) => setTimeout(r, 500));
    const started = await http.post('/api/v1/register/cleanups', cast.legal, { title: '行政处罚决定清理', scope: { kind: 'enforcement_review', draftingUnit: 'market' } });
    expect(started.status).toBe(201);
    expect(started.body.documents.map((d: { id: string }) => d.id)).toContain(id);

    const outsider = await person(stack.system, ['drafter'], { sectionId: null });
    const ids = (body: { documents: Array<{ id: string }>; lists: Record<string, Array<{ id: string }>>; undecided: string[] }) =>
      [...body.documents.map((d) => d.id), ...Object.values(body.lists).flat().map((e) => e.id), ...body.undecided];
    // The register hides it from whom it hides the matter; so does the clean-up, as JSON and as the printable lists.
    expect((await http.get(`/api/v1/register/${id}`, outsider)).status).toBe(404);
    const seenByOutsider = await http.get(`/api/v1/register/cleanups/${started.body.id}`, outsider);
    expect(seenByOutsider.status).toBe(200);
    expect(ids(seenByOutsider.body)).not.toContain(id);
    const number = started.body.documents.find((d: { id: string }) => d.id === id).number as string;
    expect((await http.get(`/api/v1/register/cleanups/${started.body.id}/lists.html`, outsider)).body).not.toContain(number);
    expect(ids((await http.get(`/api/v1/register/cleanups/${started.body.id}`, cast.auditor)).body)).toContain(id);
    expect(ids((await http.get(`/api/v1/register/cleanups/${started.body.id}`, cast.drafter)).body)).toContain(id);
  });

  test('a serious case goes to collective discussion', async () => {
    const id = await stack.drive.register('enforcement_review', []);
    await filed(id, { seriousViolation: true, socialImpact: false });
    await stack.drive.ok(id, stack.cast.legal, { type: 'accept_materials' });
    const passed = await stack.drive.ok(id, stack.cast.legal, { type: 'record_legality_conclusion', versionHash: await stack.drive.hash(id), outcome: 'LAWFUL', text: '审核通过', enforcementChecklist: checklist() });
    expect(passed.state.stage).toBe('awaiting_meeting');
    await stack.drive.ok(id, stack.cast.drafter, { type: 'withdraw', reason: '测试结束' });
  });
});
