import { CHECKLIST, useProcedureStack } from './support/drive';
import { person } from './support/testSystem';
import { matterWorkflowId } from '../../workflows/definitions';
import { recordHistory } from './support/histories';

/**
 * Gates an audit walked around, closed by patch gates-as-written, through the real workflow, the database and
 * the HTTP API (the pure rules: test/unit/procedure/gatesAsWritten.test.ts). The history recorded here is a
 * run on the patch; the histories recorded before it replay without it (test/replay).
 */
describe('the gates as the law writes them, through the workflow', () => {
  const stack = useProcedureStack(3);

  test("replacing the lawyer does not unsay the first one's UNLAWFUL; the legal unit's flag stays the legal unit's", async () => {
    const { drive, http, cast } = stack;
    const id = await drive.register('major_decision', []);
    await drive.research(id, []);
    // The legal unit flags the matter as touching operators' business; the drafter cannot take that back.
    await drive.ok(id, cast.legal, { type: 'set_flags', flags: ['TECH'], reason: '需要专家论证' });
    const undone = await http.act(id, cast.drafter, { type: 'set_flags', flags: [], reason: '承办科室认为不需要' });
    expect([undone.status, undone.body.code]).toEqual([403, 'FLAG_REMOVAL_NEEDS_LEGAL_UNIT']);
    await drive.ok(id, cast.legal, { type: 'set_flags', flags: [], reason: '复核后不需要专家论证' });

    await drive.ok(id, cast.drafter, { type: 'submit_for_review' });
    await drive.ok(id, cast.legal, { type: 'accept_materials' });
    await drive.ok(id, cast.legal, { type: 'assign_lawyer', lawyerId: cast.lawyer.id });
    await drive.answerLegalityFindings(id);
    const unlawfulChecklist = CHECKLIST.map((e) => (e.code === 'LR-P2' ? { ...e, result: 'issue', note: '增设许可条件' } : e));
    await drive.ok(id, cast.lawyer, { type: 'submit_lawyer_opinion', versionHash: await drive.hash(id), outcome: 'UNLAWFUL', text: '增设许可，不合法', checklist: unlawfulChecklist });

    const second = await person(stack.system, ['lawyer'], { contract: { from: '2020-01-01', to: '2099-12-31' } });
    // Replacing a lawyer who found it unlawful needs a reason on the record (patch stops-as-written).
    const silent = await http.act(id, cast.legal, { type: 'assign_lawyer', lawyerId: second.id });
    expect([silent.status, silent.body.code]).toEqual([422, 'LAWYER_REPLACEMENT_REASON_REQUIRED']);
    await drive.ok(id, cast.legal, { type: 'assign_lawyer', lawyerId: second.id, reason: '原法律顾问回避' });
    await drive.ok(id, second, { type: 'submit_lawyer_opinion', versionHash: await drive.hash(id), outcome: 'LAWFUL', text: '合法', checklist: CHECKLIST });
    const overruled = await http.act(id, cast.legal, { type: 'record_legality_conclusion', versionHash: await drive.hash(id), outcome: 'LAWFUL', text: '合法', checklist: CHECKLIST, departureReason: '另行指定律师' });
    expect([overruled.status, overruled.body.code]).toEqual([422, 'LAWYER_OPINION_UNLAWFUL']);
    expect(overruled.body.detail).toContain('中办发〔2016〕30号');

    // The stop holds in the workflow's state and the projection alike, and nothing was stored for the refusals.
    const view = await http.get(`/api/v1/matters/${id}?live=true`, cast.legal);
    expect(view.body.stage).toBe('legality_review');
    expect(view.body.state.legality.conclusion).toBeNull();
    const trail = await http.get(`/api/v1/matters/${id}/trail`, cast.auditor);
    expect(trail.body.items.filter((e: { action: string }) => e.action === 'record_legality_conclusion')).toHaveLength(0);

    // Only a changed text ends it: the legal unit concludes UNLAWFUL, and the matter is not issued.
    const closed = await drive.ok(id, cast.legal, { type: 'record_legality_conclusion', versionHash: await drive.hash(id), outcome: 'UNLAWFUL', text: '不合法，建议不予出台', checklist: unlawfulChecklist, departureReason: '采纳原法律顾问意见：增设许可无法律依据' });
    expect(closed.state.stage).toBe('not_issued');
    await recordHistory(stack.system.client, matterWorkflowId(id), 'gates-as-written-replaced-lawyer');
  });
});
