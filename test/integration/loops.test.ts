import { CHECKLIST, useProcedureStack } from './support/drive';
import { recordHistory } from './support/histories';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The loops and side paths of the procedure, each through the real workflow: every legality outcome,
 * every meeting outcome, approve-with-changes with the final-text check, the government review, flags
 * re-checked, and the collective matter end to end.
 */
describe('loops and side paths, through the workflow', () => {
  const stack = useProcedureStack(3);

  const stageOf = async (id: string) => (await stack.http.get(`/api/v1/matters/${id}`, stack.cast.legal)).body.stage as string;
  const conclude = (id: string, outcome: string, extra: Record<string, unknown> = {}) =>
    stack.drive.hash(id).then((versionHash) => stack.drive.ok(id, stack.cast.legal, { type: 'record_legality_conclusion', versionHash, outcome, text: '审核意见', checklist: CHECKLIST, ...extra }));

  async function toMeeting(kind = 'normative_document', flags: string[] = []) {
    const id = await stack.drive.toLegalityReview(kind, flags);
    await stack.drive.lawful(id);
    await stack.drive.ok(id, stack.cast.secretary, { type: 'schedule_meeting', meetingAt: new Date(Date.now() + 2_100).toISOString(), body: 'director_office_meeting', bodyId: stack.cast.bodies.director_office_meeting });
    await sleep(2_200);
    return id;
  }

  test('RETURN_TO_COMPLETE_PROCEDURE sends the matter back to research; resubmission starts a new review round', async () => {
    const id = await stack.drive.toLegalityReview('normative_document', []);
    const r = await conclude(id, 'RETURN_TO_COMPLETE_PROCEDURE', { missing: ['专家论证'] });
    expect(r.state.stage).toBe('research');
    expect(r.state.returns.at(-1).reason).toContain('专家论证');
    const again = await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_for_review' });
    expect(again.state.stage).toBe('completeness_check');
    expect(again.state.legality.round).toBe(2);
  });

  test('MATERIALS_INCOMPLETE stops the clock in supplementing; resubmission returns to the completeness check', async () => {
    const id = await stack.drive.toLegalityReview('normative_document', []);
    const r = await conclude(id, 'MATERIALS_INCOMPLETE', { missing: ['起草说明附件'] });
    expect(r.state.stage).toBe('supplementing');
    expect(r.state.legality.pauses.at(-1).to).toBeUndefined();
    const back = await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_for_review' });
    expect(back.state.stage).toBe('completeness_check');
    expect(back.state.legality.pauses.at(-1).to).toBeDefined();
  });

  test('NEED_PRIOR_APPROVAL: granted returns to the legality review; refused ends as not issued', async () => {
    const granted = await stack.drive.toLegalityReview('normative_document', []);
    expect((await conclude(granted, 'NEED_PRIOR_APPROVAL', { approvalAuthority: '区政府' })).state.stage).toBe('prior_approval');
    expect((await stack.drive.ok(granted, stack.cast.drafter, { type: 'record_prior_approval', granted: true, authority: '区政府', reference: '区政函〔2026〕1号' })).state.stage).toBe('legality_review');
    const refused = await stack.drive.toLegalityReview('normative_document', []);
    await conclude(refused, 'NEED_PRIOR_APPROVAL', { approvalAuthority: '区政府' });
    expect((await stack.drive.ok(refused, stack.cast.drafter, { type: 'record_prior_approval', granted: false, authority: '区政府', reference: '不予批准' })).state.stage).toBe('not_issued');
  });

  test('meeting outcomes: defer back to awaiting a meeting, return to drafting', async () => {
    const deferred = await toMeeting();
    const d = await stack.drive.ok(deferred, stack.cast.secretary, { type: 'record_meeting', record: stack.drive.meetingRecord('defer', ['defer', 'defer']) });
    expect(d.state.stage).toBe('awaiting_meeting');
    const returned = await toMeeting();
    const r = await stack.drive.ok(returned, stack.cast.secretary, { type: 'record_meeting', record: stack.drive.meetingRecord('return', ['return', 'approve']) });
    expect(r.state.stage).toBe('research');
    // The dissenting member's view is kept in the minutes.
    expect(r.state.meeting.records.at(-1).dissent).toEqual([expect.objectContaining({ view: 'approve' })]);
  });

  test('quorum: a meeting with most members absent is refused', async () => {
    const id = await toMeeting();
    const [head, m2, m3] = stack.cast.members.map((m) => m.id);
    const thin = { ...stack.drive.meetingRecord('approve', []), attendees: [head], absentees: [m2, m3], views: [{ memberId: head, view: 'approve' }] };
    const res = await stack.http.act(id, stack.cast.secretary, { type: 'record_meeting', record: thin });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('QUORUM_NOT_MET');
  });

  test('approve with changes: a final version, the legal unit\'s final-text check (with a return), then signing only that text', async () => {
    const id = await toMeeting();
    const m = await stack.drive.ok(id, stack.cast.secretary, { type: 'record_meeting', record: stack.drive.meetingRecord('approve_with_changes', ['approve_with_changes', 'approve_with_changes'], { changes: ['第二条删去“本地”'] }) });
    expect(m.state.stage).toBe('finalizing');
    await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_version', note: '按会议意见修改' }, { text: '第一条 为规范管理，制定本办法。\n第二条 本办法自发布之日起施行（定稿）。' });
    expect((await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_for_review' })).state.stage).toBe('final_text_check');
    expect((await stack.drive.ok(id, stack.cast.legal, { type: 'return_for_revision', reason: '未完全按会议意见修改' })).state.stage).toBe('finalizing');
    expect((await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_for_review' })).state.stage).toBe('final_text_check');
    const finalHash = await stack.drive.hash(id);
    // Nobody has reviewed the changes yet: the lawyer signs the final text before the legal unit confirms it.
    const unsigned = await stack.http.act(id, stack.cast.legal, { type: 'confirm_final_text', versionHash: finalHash });
    expect(unsigned.body).toMatchObject({ status: 422, code: 'LAWYER_OPINION_MISSING' });
    await stack.drive.lawyerSigns(id);
    expect((await stack.drive.ok(id, stack.cast.legal, { type: 'confirm_final_text', versionHash: finalHash })).state.stage).toBe('post_decision');
    const wrong = await stack.http.act(id, stack.cast.secretary, { type: 'sign_and_number', versionHash: 'f'.repeat(64), signedBy: '局长' });
    expect(wrong.status).toBe(409);
    const signed = await stack.drive.ok(id, stack.cast.secretary, { type: 'sign_and_number', versionHash: finalHash, signedBy: '局长' });
    expect(signed.state.postDecision.signing.versionHash).toBe(finalHash);
    await recordHistory(stack.system.client, `matter-${id}`, 'stops-as-written-final-text-signed');
  });

  test('GOVNAME: the district government\'s review is required before signing; returned goes back to research', async () => {
    const id = await toMeeting('normative_document', ['GOVNAME']);
    await stack.drive.ok(id, stack.cast.secretary, { type: 'record_meeting', record: stack.drive.meetingRecord('approve', []) });
    const unsigned = await stack.http.act(id, stack.cast.secretary, { type: 'sign_and_number', versionHash: await stack.drive.hash(id), signedBy: '区长' });
    expect(unsigned.status).toBe(422);
    expect(unsigned.body.code).toBe('GOVERNMENT_REVIEW_MISSING');
    const returned = await stack.drive.ok(id, stack.cast.legal, { type: 'record_government_review', outcome: 'returned', reference: '区政府办函〔2026〕3号', note: '请修改第二条' });
    expect(returned.state.stage).toBe('research');
    expect(returned.state.decision).toBeNull();
  });

  test('flags re-checked: adding RISK during the completeness check sends the matter back for the risk assessment', async () => {
    const id = await stack.drive.register('major_decision', []);
    await stack.drive.research(id, []);
    await stack.drive.ok(id, stack.cast.drafter, { type: 'submit_for_review' });
    expect(await stageOf(id)).toBe('completeness_check');
    const r = await stack.drive.ok(id, stack.cast.legal, { type: 'set_flags', flags: ['RISK'], reason: '涉及群众切身利益，需风险评估' });
    expect(r.state.flags).toEqual(['RISK']);
    expect(r.state.stage).toBe('research');
    expect(r.state.flagChanges).toHaveLength(1);
  });

  test('a collective matter (三重一大) is decided at the meeting and archived', async () => {
    const id = await stack.drive.toLegalityReview('collective_matter', []);
    await conclude(id, 'LAWFUL');
    await stack.drive.ok(id, stack.cast.secretary, { type: 'schedule_meeting', meetingAt: new Date(Date.now() + 1_100).toISOString(), body: 'party_committee_meeting', bodyId: stack.cast.bodies.party_committee_meeting, category: 'major_funds' });
    await sleep(1_200);
    await stack.drive.ok(id, stack.cast.secretary, { type: 'record_meeting', record: stack.drive.meetingRecord('approve', []) });
    const done = await stack.drive.ok(id, stack.cast.secretary, { type: 'archive', archiveRef: 'DA-三重一大-1' });
    expect(done.state.stage).toBe('decided');
    expect((await stack.system.client.workflow.getHandle(`matter-${id}`).result()).stage).toBe('decided');
  });

  test('a lawyer\'s UNLAWFUL opinion blocks a LAWFUL conclusion', async () => {
    const id = await stack.drive.toLegalityReview('normative_document', []);
    await stack.drive.ok(id, stack.cast.legal, { type: 'assign_lawyer', lawyerId: stack.cast.lawyer.id });
    await stack.drive.ok(id, stack.cast.lawyer, { type: 'submit_lawyer_opinion', versionHash: await stack.drive.hash(id), outcome: 'UNLAWFUL', text: '违法设定义务', checklist: CHECKLIST });
    const res = await stack.http.act(id, stack.cast.legal, { type: 'record_legality_conclusion', versionHash: await stack.drive.hash(id), outcome: 'LAWFUL', text: '合法', checklist: CHECKLIST });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('LAWYER_OPINION_UNLAWFUL');
  });
});
