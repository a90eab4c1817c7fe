import { person, shortClocksConfigFile } from './support/testSystem';
import { CHECKLIST, useProcedureStack } from './support/drive';
import { useWebhookRecorder } from './support/webhook';
import { recordHistory } from './support/histories';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The procedure through the real workflow, the real database and the HTTP API: gates and refusals with
 * their status codes, loops, version voiding, idempotency, clocks with reminders and escalation.
 * (Every branch of the pure state machine is covered in test/unit/procedure; here each kind of path is
 * proven end to end through Temporal.)
 */
describe('the review procedure, through the workflow', () => {
  const webhook = useWebhookRecorder();
  // Short real-time clocks for normative documents; major decisions keep the statutory 7 working days.
  const stack = useProcedureStack(3, () => ({
    configPath: shortClocksConfigFile({ legalityTimeLimitSeconds: 6, reminderLeadSeconds: 3 }),
    env: { NOTIFY_WEBHOOK_URL: webhook.url },
  }));

  test('refusals carry the right status and the rule: 403 role, 409 stage, 422 gate, 400 bad payload, 404 unknown', async () => {
    const id = await stack.drive.register('normative_document', ['PUBLIC']);
    const auditorTry = await stack.http.act(id, stack.cast.auditor, { type: 'submit_for_review' });
    expect(auditorTry.status).toBe(403);
    const legalTooEarly = await stack.http.act(id, stack.cast.legal, { type: 'accept_materials' });
    expect(legalTooEarly.status).toBe(409);
    expect(legalTooEarly.body.code).toBe('WRONG_STAGE');
    const badPayload = await stack.http.act(id, stack.cast.drafter, { type: 'withdraw' });
    expect(badPayload.status).toBe(400);
    expect(badPayload.body.errors[0].field).toBe('body.command.reason');
    const noText = await stack.http.act(id, stack.cast.drafter, { type: 'submit_version' });
    expect(noText.status).toBe(400);
    expect(noText.body.errors[0].field).toBe('body.text');
    const shortWindow = await stack.http.act(id, stack.cast.drafter, { type: 'record_research_item', item: { kind: 'public_comment', openedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(), closesAt: new Date().toISOString(), channel: '网站' } });
    expect(shortWindow.status).toBe(422);
    expect(shortWindow.body.code).toBe('COMMENT_WINDOW_TOO_SHORT');
    const withReason = await stack.http.act(id, stack.cast.drafter, { type: 'record_research_item', item: { kind: 'public_comment', openedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(), closesAt: new Date().toISOString(), channel: '网站', shortenedReason: '涉及重大突发事件，需紧急出台' } });
    expect(withReason.status).toBe(200);
    // Materials must be complete before the legality review starts.
    expect((await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_for_review' })).state.stage).toBe('completeness_check');
    const incomplete = await stack.http.act(id, stack.cast.legal, { type: 'accept_materials' });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.code).toBe('MATERIALS_INCOMPLETE');
    expect(incomplete.body.detail).toMatch(/起草说明/);
    expect((await stack.http.act('no-such-matter', stack.cast.drafter, { type: 'withdraw', reason: 'x' })).status).toBe(404);
    // Refused actions leave no trace: only the registration (with the system's pre-screen of its text) and the accepted actions are recorded.
    const trail = await stack.http.get(`/api/v1/matters/${id}/trail`, stack.cast.auditor);
    // (A clock's reminder may fall in this window on a slow machine: it is the system's entry, not a refused action's.)
    const recorded = trail.body.items.map((t: { action: string }) => t.action).filter((a: string) => a !== 'deadline_reminder' && a !== 'deadline_escalation');
    expect(recorded).toEqual(['register', 'prescreen', 'record_research_item', 'submit_for_review']);
  });

  test('an action is answered with the state its projection holds: a research item, a new version (screened), a retried key', async () => {
    const id = await stack.drive.register('normative_document', ['ECON']);
    const projected = async () => (await stack.http.get(`/api/v1/matters/${id}`, stack.cast.drafter)).body.state;
    const item = await stack.drive.ok(id, stack.cast.drafter, { type: 'record_research_item', item: { kind: 'drafting_explanation', summary: '起草说明', documentId: 'doc-answer' } });
    expect(item.state.research.draftingExplanation.documentId).toBe('doc-answer');
    expect(item.state).toEqual(await projected());
    expect(Object.keys(item).sort()).toEqual(['state', 'summary', 'trail']);
    // The answer's state includes what the pre-screens of the new version stored before it was answered.
    const text = '第一条 为促进本区旅游消费，制定本措施。\n第二条 在本区注册并纳税的旅行社，方可申请奖励资金。';
    const versioned = await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_version', note: '第二稿' }, { text });
    expect(versioned.state.versions).toHaveLength(2);
    expect(versioned.state.fairCompetition.prescreens.map((p: { versionHash: string }) => p.versionHash)).toContain(versioned.state.versions[1].hash);
    expect(versioned.state).toEqual(await projected());
    // A retry with the same key gets the first answer's entry, and the state as it is now.
    const key = `answer-${id}`;
    const first = await stack.drive.ok(id, stack.cast.drafter, { type: 'record_research_item', item: { kind: 'legal_bases', bases: [{ title: '中华人民共和国旅游法' }] } }, { idempotencyKey: key });
    const retried = await stack.drive.ok(id, stack.cast.drafter, { type: 'record_research_item', item: { kind: 'legal_bases', bases: [{ title: '中华人民共和国旅游法' }] } }, { idempotencyKey: key });
    expect(retried.trail).toEqual(first.trail);
    expect(retried.state).toEqual(first.state);
    expect(retried.state).toEqual(await projected());
  });

  test('the meeting gate: not before the statutory minimum review time (major decision, 7 working days)', async () => {
    const id = await stack.drive.toLegalityReview('major_decision', ['PUBLIC']);
    await stack.drive.lawful(id);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const early = await stack.http.act(id, stack.cast.secretary, { type: 'schedule_meeting', meetingAt: tomorrow, body: 'director_office_meeting' });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('LEGALITY_MIN_TIME');
    expect(early.body.detail).toContain('713号令第26条');
    const later = new Date(Date.now() + 30 * 86_400_000).toISOString();
    expect((await stack.http.act(id, stack.cast.secretary, { type: 'schedule_meeting', meetingAt: later, body: 'director_office_meeting' })).status).toBe(200);
  });

  test('an ECON matter: every version is pre-screened, each finding answered, the conclusion written; a breach sends it back', async () => {
    const text = '第一条 为促进本区旅游消费，制定本措施。\n第二条 在本区注册并纳税的旅行社，方可申请奖励资金。\n第三条 消费券通过区文化和旅游局指定的唯一合作平台发放。';
    const id = await stack.drive.register('normative_document', ['ECON'], text);
    const screened = (await stack.http.get(`/api/v1/matters/${id}/fair-competition`, stack.cast.legal)).body;
    expect(screened.findings.length).toBeGreaterThanOrEqual(2);
    for (const f of screened.findings) expect(text.slice(f.start, f.end)).toBe(f.excerpt);
    expect(screened.openFindings).toBe(screened.findings.length);
    expect((await stack.http.get(`/api/v1/matters/${id}/trail`, stack.cast.legal)).body.items.map((t: { action: string }) => t.action)).toEqual(['register', 'prescreen']);

    await stack.drive.research(id, ['ECON']);
    expect((await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_for_review' })).state.stage).toBe('fair_competition_review');
    await stack.drive.ok(id, stack.cast.legal, { type: 'assign_fcr_reviewer', reviewerId: stack.cast.fcr.id });
    const premature = await stack.http.act(id, stack.cast.fcr, { type: 'record_fcr_conclusion', conclusion: 'no_restrictive_effect', versionHash: await stack.drive.hash(id), summary: 's', review: await stack.drive.fcrReview('no_restrictive_effect') });
    expect(premature.status).toBe(422);
    expect(premature.body.code).toBe('FCR_FINDINGS_OPEN');
    const first = screened.findings[0];
    expect((await stack.http.act(id, stack.cast.fcr, { type: 'answer_fcr_finding', findingId: first.id, verdict: 'dismissed' })).body.code).toBe('FCR_DISMISSAL_REASON_MISSING');
    await stack.drive.ok(id, stack.cast.fcr, { type: 'answer_fcr_finding', findingId: first.id, verdict: 'confirmed', reason: '以在本区纳税为条件' });
    await stack.drive.answerFindings(id);
    const confirmedNoEffect = await stack.http.act(id, stack.cast.fcr, { type: 'record_fcr_conclusion', conclusion: 'no_restrictive_effect', versionHash: await stack.drive.hash(id), summary: 's', review: await stack.drive.fcrReview('no_restrictive_effect') });
    expect(confirmedNoEffect.body.code).toBe('FCR_REVIEW_INCOMPLETE');
    const breach = await stack.drive.ok(id, stack.cast.fcr, { type: 'record_fcr_conclusion', conclusion: 'breach_must_revise', versionHash: await stack.drive.hash(id), summary: '第二条、第三条限制竞争', review: await stack.drive.fcrReview('breach_must_revise') });
    expect(breach.state.stage).toBe('research');
    const record = (await stack.http.get(`/api/v1/matters/${id}/fair-competition`, stack.cast.auditor)).body;
    expect(record.documents).toHaveLength(1);
    expect(record.documents[0].text).toContain('违反公平竞争审查标准');
    expect(record.documents[0].text).toContain('FCR-A1');

    // The revised text is screened afresh; the old findings stay on record but no longer count.
    const revised = await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_version', note: '删除限制性条款' }, { text: '第一条 为促进本区旅游消费，制定本措施。\n第二条 各类旅行社均可依法平等申请奖励资金。' });
    expect(revised.state.fairCompetition.prescreens).toHaveLength(2);
    expect(revised.state.fairCompetition.openFindings).toBe(0);
  });

  test('a new version voids the lawyer\'s sign-off and re-opens the legality review; the signature verifies only against its own text', async () => {
    const id = await stack.drive.toLegalityReview('normative_document', []);
    await stack.drive.ok(id, stack.cast.legal, { type: 'assign_lawyer', lawyerId: stack.cast.lawyer.id });
    const v1 = await stack.drive.hash(id);
    await stack.drive.ok(id, stack.cast.lawyer, { type: 'submit_lawyer_opinion', versionHash: v1, outcome: 'LAWFUL_WITH_AMENDMENTS', text: '第二条应删去“本地”二字', checklist: CHECKLIST });
    const amend = await stack.drive.ok(id, stack.cast.legal, { type: 'record_legality_conclusion', versionHash: v1, outcome: 'LAWFUL_WITH_AMENDMENTS', text: '修改后合法', checklist: CHECKLIST, amendments: [{ clause: '第二条', change: '删去“本地”' }] });
    expect(amend.state.stage).toBe('amending');
    const revised = await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_version', note: '按审核意见修改' }, { text: '第一条 为规范管理，制定本办法。\n第二条 本办法自发布之日起施行（已修改）。' });
    expect(revised.state.versions).toHaveLength(2);
    expect(revised.state.legality.opinions[0]).toMatchObject({ versionHash: v1, void: true, voidedByVersion: 2 });

    const signOffs = await stack.http.get(`/api/v1/matters/${id}/signoffs`, stack.cast.legal);
    expect(signOffs.body.items).toHaveLength(1);
    const s1 = signOffs.body.items[0];
    expect(s1).toMatchObject({ versionNumber: 1, versionHash: v1, void: true, voidedByVersion: 2 });
    const own = await stack.http.get(`/api/v1/matters/${id}/signoffs/${encodeURIComponent(s1.id)}/verify`, stack.cast.auditor);
    expect(own.body).toMatchObject({ valid: true, signatureValid: true, void: true, checkedVersion: 1 });
    const other = await stack.http.get(`/api/v1/matters/${id}/signoffs/${encodeURIComponent(s1.id)}/verify?versionNumber=2`, stack.cast.auditor);
    expect(other.body).toMatchObject({ valid: false, signatureValid: false, checkedVersion: 2 });

    // Back to legality review on v2: the lawyer signs the amended text, the legal unit confirms.
    await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_for_review' });
    const v2 = await stack.drive.hash(id);
    await stack.drive.ok(id, stack.cast.lawyer, { type: 'submit_lawyer_opinion', versionHash: v2, outcome: 'LAWFUL', text: '已按意见修改，合法', checklist: CHECKLIST });
    const confirmed = await stack.drive.ok(id, stack.cast.legal, { type: 'confirm_amendments', versionHash: v2 });
    expect(confirmed.state.stage).toBe('awaiting_meeting');
    const valid = (await stack.http.get(`/api/v1/matters/${id}/signoffs`, stack.cast.legal)).body.items.filter((s: { void: boolean }) => !s.void);
    expect(valid).toEqual([expect.objectContaining({ versionNumber: 2, versionHash: v2 })]);
    await recordHistory(stack.system.client, `matter-${id}`, 'amendments-void-sign-off');
  });

  test('a retried action with the same Idempotency-Key is recorded once', async () => {
    const id = await stack.drive.register('enforcement_review', []);
    const command = { type: 'record_research_item', item: { kind: 'drafting_explanation', summary: '说明', documentId: 'x' } };
    const first = await stack.drive.ok(id, stack.cast.drafter, command, { idempotencyKey: 'same-key' });
    const second = await stack.drive.ok(id, stack.cast.drafter, command, { idempotencyKey: 'same-key' });
    expect(second.trail).toEqual(first.trail);
    expect(await stack.system.db.prisma.trailEntry.count({ where: { matterId: id, action: 'record_research_item' } })).toBe(1);
  });

  test('actions sent at the same moment are applied one after the other: none is lost from the state', async () => {
    const id = await stack.drive.register('normative_document', []);
    const items = [
      { kind: 'drafting_explanation', summary: '起草说明', documentId: 'doc-1' },
      { kind: 'legal_bases', bases: [{ title: '旅游法' }] },
      { kind: 'procedure_statement', summary: '程序说明', documentId: 'doc-2' },
      { kind: 'internal_consultation', consultations: [{ unit: '财务科', agreed: true, opinion: '同意' }] },
      { kind: 'hearing', materialsSentAt: '2026-01-05T09:00:00+08:00', heldAt: '2026-01-20T09:00:00+08:00', documentId: 'doc-3' },
    ];
    const answers = await Promise.all(items.map((item) => stack.http.act(id, stack.cast.drafter, { type: 'record_research_item', item })));
    expect(answers.map((a) => a.status)).toEqual(items.map(() => 200));
    // Every action is in the trail once, and every one of them is in the state the workflow holds.
    expect(new Set(answers.map((a) => a.body.trail.seq)).size).toBe(items.length);
    const research = (await stack.http.get(`/api/v1/matters/${id}`, stack.cast.drafter)).body.state.research;
    expect(research).toMatchObject({
      draftingExplanation: { documentId: 'doc-1' },
      legalBases: { bases: [{ title: '旅游法' }] },
      procedureStatement: { documentId: 'doc-2' },
      internalConsultation: { consultations: [{ unit: '财务科' }] },
      hearings: [{ documentId: 'doc-3' }],
    });
    expect((await stack.http.get(`/api/v1/matters/${id}/trail/verify`, stack.cast.auditor)).body.valid).toBe(true);
    await stack.drive.ok(id, stack.cast.drafter, { type: 'withdraw', reason: '测试结束' });
    await stack.system.client.workflow.getHandle(`matter-${id}`).result();
    await recordHistory(stack.system.client, `matter-${id}`, 'concurrent-actions');
  });

  test('materials returned: the legality clock stops, restarts on resubmission, and escalation reaches the trail and the webhook', async () => {
    const id = await stack.drive.register('normative_document', []);
    await stack.drive.research(id, []);
    expect((await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_for_review' })).state.stage).toBe('completeness_check');
    await stack.drive.ok(id, stack.cast.legal, { type: 'return_for_supplement', missing: ['起草说明附件'], note: '请补充' });
    const paused = await stack.http.get(`/api/v1/matters/${id}`, stack.cast.legal);
    expect(paused.body.stage).toBe('supplementing');
    expect(paused.body.deadlines.find((d: { key: string }) => d.key === 'legality_review_time_limit')?.dueAt ?? null).toBeNull();
    await sleep(2_000);
    await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_for_review' });
    await stack.drive.ok(id, stack.cast.legal, { type: 'accept_materials' });
    const running = await stack.http.get(`/api/v1/matters/${id}`, stack.cast.legal);
    const limit = running.body.deadlines.find((d: { key: string }) => d.key === 'legality_review_time_limit');
    expect(limit.dueAt).not.toBeNull();
    // The 6 s limit is extended by the ~2 s the clock was stopped.
    expect(Date.parse(limit.dueAt) - Date.parse(limit.startedAt)).toBeGreaterThanOrEqual(7_500);
    // Wait for the reminder and the escalation to be raised by the workflow's timers.
    let actions: string[] = [];
    for (let i = 0; i < 60 && !actions.includes('deadline_escalation'); i++) {
      await sleep(500);
      actions = (await stack.system.db.prisma.trailEntry.findMany({ where: { matterId: id }, orderBy: { seq: 'asc' } })).map((t) => t.action);
    }
    expect(actions).toEqual(expect.arrayContaining(['deadline_reminder', 'deadline_escalation']));
    expect(actions.indexOf('deadline_reminder')).toBeLessThan(actions.indexOf('deadline_escalation'));
    const raised = (await stack.http.get(`/api/v1/matters/${id}`, stack.cast.legal)).body.workflow.notifications;
    expect(raised.map((n: { label: string }) => n.label)).toContain('合法性审核期限');
    const calls = webhook.calls.filter((c) => c.matterId === id);
    expect(calls.map((c) => c.type)).toEqual(expect.arrayContaining(['reminder', 'escalation']));
    const overdue = await stack.http.get('/api/v1/matters?overdue=true', stack.cast.legal);
    expect(overdue.body.items.map((m: { id: string }) => m.id)).toContain(id);
    expect((await stack.http.get(`/api/v1/matters/${id}/trail/verify`, stack.cast.auditor)).body.valid).toBe(true);
    await recordHistory(stack.system.client, `matter-${id}`, 'supplement-clock-stop-and-escalation');
  });

  test('meeting: head last, departure from the majority needs a reason, dissent kept; a rejection ends the matter', async () => {
    const id = await stack.drive.toLegalityReview('normative_document', []);
    await stack.drive.lawful(id);
    await stack.drive.ok(id, stack.cast.secretary, { type: 'schedule_meeting', meetingAt: new Date(Date.now() + 2_500).toISOString(), body: 'director_office_meeting', bodyId: stack.cast.bodies.director_office_meeting });
    await sleep(3_000);
    // Two members for approval, the head rejects: departing from the majority needs a reason.
    const noReason = await stack.http.act(id, stack.cast.secretary, { type: 'record_meeting', record: stack.drive.meetingRecord('reject', ['approve', 'approve']) });
    expect(noReason.status).toBe(422);
    const headNotLast = stack.drive.meetingRecord('reject', ['approve', 'approve'], { departureReason: '财政承受能力不足' });
    headNotLast.views.reverse();
    expect((await stack.http.act(id, stack.cast.secretary, { type: 'record_meeting', record: headNotLast })).status).toBe(422);
    const rejected = await stack.drive.ok(id, stack.cast.secretary, { type: 'record_meeting', record: stack.drive.meetingRecord('reject', ['approve', 'approve'], { departureReason: '财政承受能力不足' }) });
    expect(rejected.state.stage).toBe('rejected');
    expect(rejected.state.meeting.records[0].dissent.map((d: { view: string }) => d.view)).toEqual(['approve', 'approve']);
    const handle = stack.system.client.workflow.getHandle(`matter-${id}`);
    expect((await handle.result()).stage).toBe('rejected');
    await recordHistory(stack.system.client, `matter-${id}`, 'meeting-rejects');
  });

  test('withdrawal by the drafter ends the matter and its workflow', async () => {
    const id = await stack.drive.register('major_decision', []);
    const withdrawn = await stack.drive.ok(id, stack.cast.drafter, { type: 'withdraw', reason: '政策调整，不再出台' });
    expect(withdrawn.state.stage).toBe('withdrawn');
    expect((await stack.system.client.workflow.getHandle(`matter-${id}`).result()).stage).toBe('withdrawn');
    const after = await stack.http.act(id, stack.cast.drafter, { type: 'submit_for_review' });
    expect([409]).toContain(after.status);
  });

  test('an UNLAWFUL conclusion: not issued', async () => {
    const id = await stack.drive.toLegalityReview('normative_document', []);
    await stack.drive.ok(id, stack.cast.legal, { type: 'assign_lawyer', lawyerId: stack.cast.lawyer.id });
    await stack.drive.ok(id, stack.cast.lawyer, { type: 'submit_lawyer_opinion', versionHash: await stack.drive.hash(id), outcome: 'UNLAWFUL', text: '第二条违法设定行政许可', checklist: CHECKLIST.map((c) => (c.code === 'LR-P2' ? { ...c, result: 'issue' } : c)) });
    const done = await stack.drive.ok(id, stack.cast.legal, { type: 'record_legality_conclusion', versionHash: await stack.drive.hash(id), outcome: 'UNLAWFUL', text: '不合法，建议不予出台', checklist: CHECKLIST.map((c) => (c.code === 'LR-P2' ? { ...c, result: 'issue', note: '第二条设定行政许可' } : c)) });
    expect(done.state.stage).toBe('not_issued');
  });

  test('separation of duties: the legal unit member who acted cannot be the lawyer; a lawyer without an active contract cannot sign', async () => {
    const id = await stack.drive.toLegalityReview('normative_document', []);
    // Assigned while in contract (a lawyer out of contract is not assigned: ASSIGNEE_NOT_ELIGIBLE), whose contract then ended.
    const lawyer = await person(stack.system, ['lawyer'], { contract: { from: '2020-01-01', to: '2099-12-31' } });
    await stack.drive.ok(id, stack.cast.legal, { type: 'assign_lawyer', lawyerId: lawyer.id });
    await stack.system.db.prisma.user.update({ where: { id: lawyer.id }, data: { contractTo: '2021-12-31' } });
    const login = await stack.http.post('/api/v1/auth/login', null, { username: lawyer.username, password: lawyer.password });
    const expired = { ...lawyer, token: login.body.token as string };
    const refused = await stack.http.act(id, expired, { type: 'submit_lawyer_opinion', versionHash: await stack.drive.hash(id), outcome: 'LAWFUL', text: '合法', checklist: CHECKLIST });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/合同|contract/);
    // The assigned lawyer only: another lawyer cannot even see the matter.
    expect((await stack.http.get(`/api/v1/matters/${id}`, stack.cast.lawyer)).status).toBe(404);
  });

  test('the trail records the role the procedure authorised, also for a person holding two roles', async () => {
    // Returning the draft belongs to the fair-competition reviewer at that review (to the legal unit elsewhere).
    const both = await person(stack.system, ['legal_unit', 'fcr_reviewer']);
    const id = await stack.drive.register('normative_document', ['ECON']);
    await stack.drive.research(id, ['ECON']);
    expect((await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_for_review' })).state.stage).toBe('fair_competition_review');
    await stack.drive.ok(id, stack.cast.legal, { type: 'assign_fcr_reviewer', reviewerId: both.id });
    await stack.drive.ok(id, both, { type: 'return_for_revision', reason: '补充竞争影响分析' });
    const trail = (await stack.http.get(`/api/v1/matters/${id}/trail`, stack.cast.auditor)).body.items as Array<{ action: string; actorId: string; actorRole: string }>;
    expect(trail.find((t) => t.action === 'return_for_revision')).toMatchObject({ actorId: both.id, actorRole: 'fcr_reviewer' });
  });
});
