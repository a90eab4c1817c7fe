import { decide, type Command, type MatterState } from '../../../domain/procedure';
import { documentDatesProblem, defaultDocumentLifeConfig } from '../../../domain/lifecycle';
import { apply, at, attempt, cal, config, currentHashOf, doLegality, doResearch, enforcementCase, fullChecklist, hash, meetingRecord, people, refused, register, toAwaitingMeeting } from './fixtures';

/**
 * Limits an audit found could be walked around, closed under patch limits-as-written (a run started before it
 * replays as it ran: LegacyRules.limitsBeforeWritten).
 */
/** A run from before patch limits-as-written: it predates stops-as-written too. */
const legacy = { limitsBeforeWritten: true, stopsBeforeWritten: true };
const decided = (kind: 'normative_document' | 'major_decision', flags: Parameters<typeof toAwaitingMeeting>[1] = []) => {
  let s = apply(toAwaitingMeeting(kind, flags), { type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body: 'director_office_meeting' }, people.secretary, at('2025-03-14'));
  s = apply(s, { type: 'record_meeting', record: meetingRecord() }, people.secretary, at('2025-03-20', '18:00'));
  if (kind === 'major_decision') s = apply(s, { type: 'report_to_party', reference: 'r' }, people.secretary, at('2025-03-21'));
  return s;
};
const sign = (s: MatterState, over: Partial<Extract<Command, { type: 'sign_and_number' }>> = {}): Command => ({
  type: 'sign_and_number', versionHash: currentHashOf(s), documentNumber: '南文旅规〔2025〕1号', signedBy: '局长', ...over,
});

describe('nothing retroactive (立法法第104条, LR-C1)', () => {
  test('a date before the publication is refused on an early-effect reason alone; a retroactivity reason records it', () => {
    const s = decided('normative_document');
    // Numbered by the register (统一编号), as every signing now is: the dates are recorded with it.
    const signing = (over: Partial<Parameters<typeof decide>[2]> = {}) => ({
      actor: people.secretary, now: at('2025-03-21'), config, calendar: cal,
      documentRegister: { assigned: { number: '南文旅规〔2025〕1号', series: '南文旅规', year: 2025, seq: 1 } }, ...over,
    });
    const back = sign(s, { documentNumber: undefined, effectiveAt: '2025-03-01T00:00:00+08:00', earlyEffectReason: '与上级政策衔接' });
    const r = decide(s, back, signing());
    expect(r).toMatchObject({ ok: false, status: 422, code: 'EFFECTIVE_BEFORE_PUBLICATION', reason: expect.stringContaining('立法法第104条') });
    // Runs from before the rule accepted it.
    expect(decide(s, back, signing({ legacy })).ok).toBe(true);
    const reasoned = decide(s, { ...back, retroactiveReason: '补贴标准提高，自2025年3月1日起追溯适用，有利于申请人' } as Command, signing());
    expect(reasoned.ok && reasoned.state.postDecision.signing).toMatchObject({ effectiveAt: '2025-02-28T16:00:00.000Z', retroactiveReason: expect.stringContaining('有利于申请人') });
  });

  test('signed to take effect on the day of signing and published later: the publication asks for the retroactivity reason', () => {
    const s = decided('normative_document');
    const signed = decide(s, sign(s, { documentNumber: undefined, effectiveAt: '2025-03-21T00:00:00+08:00', earlyEffectReason: '自公布之日起施行' }), {
      actor: people.secretary, now: at('2025-03-21'), config, calendar: cal,
      documentRegister: { assigned: { number: '南文旅规〔2025〕1号', series: '南文旅规', year: 2025, seq: 1 } },
    });
    if (!signed.ok) throw new Error(signed.reason);
    const publish: Command = { type: 'publish', channel: '区政府网站', reference: 'https://example.gov/1' };
    expect(refused(attempt(signed.state, publish, people.secretary, at('2025-03-24')))).toMatchObject({ code: 'EFFECTIVE_BEFORE_PUBLICATION' });
    expect(apply(signed.state, publish, people.secretary, at('2025-03-21', '16:00')).postDecision.publication).toBeTruthy(); // the same day: early, with its reason
    const late = apply(signed.state, { ...publish, retroactiveReason: '政策自签发之日起适用，有利于经营者' } as Command, people.secretary, at('2025-03-24'));
    expect(late.postDecision.signing?.retroactiveReason).toContain('有利于经营者');
  });

  test('the same day as publication is early, not retroactive; the reason for a retroactive date answers for its being early too', () => {
    const config = defaultDocumentLifeConfig;
    const publishedAt = '2025-03-21T02:00:00Z';
    expect(documentDatesProblem({ title: '办法', publishedAt, effectiveAt: '2025-03-21T00:00:00+08:00', earlyEffectReason: '自公布之日起施行' }, config)).toBeNull();
    expect(documentDatesProblem({ title: '办法', publishedAt, effectiveAt: '2025-03-20T00:00:00+08:00', earlyEffectReason: '衔接' }, config)?.code).toBe('EFFECTIVE_BEFORE_PUBLICATION');
    expect(documentDatesProblem({ title: '办法', publishedAt, effectiveAt: '2025-03-20T00:00:00+08:00', retroactiveReason: '有利于相对人' }, config)).toBeNull();
    expect(documentDatesProblem({ title: '办法', publishedAt, effectiveAt: '2025-03-20T00:00:00+08:00', earlyEffectReason: '衔接' }, config, { retroactiveWithEarlyReason: true })).toBeNull();
  });
});

describe('publishing a major decision (713号令第32条)', () => {
  const published = (s: MatterState) => apply(s, sign(s, { documentNumber: '区文旅发〔2025〕2号' }), people.secretary, at('2025-03-22'));
  test('of public concern (PUBLIC) or technical (TECH): with how opinions were adopted and how it is explained', () => {
    for (const flag of ['PUBLIC', 'TECH'] as const) {
      const s = published(decided('major_decision', [flag]));
      const bare: Command = { type: 'publish', channel: '区政府网站', reference: 'https://example.gov/2' };
      const r = refused(attempt(s, bare, people.secretary, at('2025-03-22')));
      expect(r).toMatchObject({ status: 422, code: 'PUBLICATION_EXPLANATION_REQUIRED', reason: expect.stringContaining('adoptionStatement and interpretation') });
      expect(r.reason).toContain('第32条');
      expect(refused(attempt(s, { ...bare, adoptionStatement: '收到意见12条，采纳9条' } as Command, people.secretary, at('2025-03-22'))).reason).toMatch(/interpretation$/);
      expect(refused(attempt(s, { ...bare, adoptionStatement: '  ', interpretation: '新闻发布会' } as Command, people.secretary, at('2025-03-22'))).reason).toMatch(/adoptionStatement$/);
      expect(decide(s, bare, { actor: people.secretary, now: at('2025-03-22'), config, calendar: cal, legacy }).ok).toBe(true);
      const done = apply(s, { ...bare, adoptionStatement: '收到意见12条，采纳9条', interpretation: '新闻发布会（2025年3月25日）' } as Command, people.secretary, at('2025-03-22'));
      expect(done.postDecision.publication).toMatchObject({ adoptionStatement: '收到意见12条，采纳9条', interpretation: '新闻发布会（2025年3月25日）' });
    }
  });
  test('neither flag: published as before; normative documents are not asked for it', () => {
    const plain = published(decided('major_decision'));
    expect(apply(plain, { type: 'publish', channel: 'c', reference: 'r' }, people.secretary, at('2025-03-22')).postDecision.publication).toMatchObject({ channel: 'c' });
  });
});

describe('the 90 days from filing (行政处罚法第60条)', () => {
  test('an extension is recorded while the limit runs, never after it has run out', () => {
    const now = at('2025-03-03');
    let s = register('enforcement_review', [], now);
    s = doResearch(s, now, { ...config, enforcement: undefined });
    s = apply(s, { type: 'record_research_item', item: enforcementCase({ caseFiledOn: '2024-11-01' }) }, people.drafter, now);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
    const extend: Command = { type: 'extend_case_deadline', days: 30, reason: '案情复杂', approvedBy: '局长', basis: '《市场监督管理行政处罚程序规定》第六十四条' };
    // Filed 2024-11-01: the 90 days ended on 2025-01-30.
    expect(refused(attempt(s, extend, people.legal, now))).toMatchObject({ status: 409, code: 'CASE_TIME_LIMIT_PASSED', reason: expect.stringContaining('2025-01-30') });
    expect(decide(s, extend, { actor: people.legal, now, config, calendar: cal, legacy }).ok).toBe(true);
    // On its last day it may still be extended.
    expect(apply(s, extend, people.legal, at('2025-01-30')).legality.caseExtensions).toHaveLength(1);
  });
});

describe('a date of effect before the publication, whatever the kind (立法法第104条)', () => {
  test('a major decision signed to take effect a year back is refused without its reason', () => {
    const s = decided('major_decision');
    const sign: Command = { type: 'sign_and_number', versionHash: currentHashOf(s), signedBy: '局长', effectiveAt: '2024-01-01T00:00:00+08:00' };
    const ctx = { actor: people.secretary, now: at('2025-03-21'), config, calendar: cal, documentRegister: { assigned: { number: '南文旅发〔2025〕1号', series: '南文旅发', year: 2025, seq: 1 } } };
    expect(decide(s, sign, ctx)).toMatchObject({ ok: false, code: 'EFFECTIVE_BEFORE_PUBLICATION' });
    expect(decide(s, sign, { ...ctx, legacy }).ok).toBe(true);
    // Signed for the day of signing, then published later: the publication asks again.
    const signed = decide(s, { ...sign, effectiveAt: '2025-03-21T00:00:00+08:00' } as Command, ctx);
    if (!signed.ok) throw new Error(signed.reason);
    const publish: Command = { type: 'publish', channel: '区政府网站', reference: 'x' };
    expect(refused(attempt(signed.state, publish, people.secretary, at('2025-03-25'))).code).toBe('EFFECTIVE_BEFORE_PUBLICATION');
    expect(apply(signed.state, { ...publish, retroactiveReason: '有利于游客的优惠自决定之日起适用' } as Command, people.secretary, at('2025-03-25')).postDecision.signing?.retroactiveReason).toBeTruthy();
  });
});

describe('an exemption from hearing the public (依法不予公开) and the publication', () => {
  test('an exemption recorded before the matter was flagged PUBLIC does not spare the explanation of the open comment held since', () => {
    const now = at('2025-03-03');
    let s = register('major_decision', [], now);
    s = apply(s, { type: 'record_research_item', item: { kind: 'participation_exemption', legalGround: '涉及国家秘密' } }, people.drafter, now);
    s = apply(s, { type: 'set_flags', flags: ['PUBLIC'], reason: '社会公众普遍关心' }, people.drafter, now);
    s = doResearch(s, now);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
    s = apply(s, { type: 'accept_materials' }, people.legal, now);
    s = doLegality(s, now);
    s = apply(s, { type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body: 'director_office_meeting' }, people.secretary, at('2025-03-14'));
    s = apply(s, { type: 'record_meeting', record: meetingRecord() }, people.secretary, at('2025-03-20', '18:00'));
    s = apply(s, { type: 'report_to_party', reference: 'r' }, people.secretary, at('2025-03-21'));
    s = apply(s, sign(s, { documentNumber: 'X' }), people.secretary, at('2025-03-22'));
    expect(refused(attempt(s, { type: 'publish', channel: '区政府网站', reference: 'x' }, people.secretary, at('2025-03-22'))).code).toBe('PUBLICATION_EXPLANATION_REQUIRED');
  });
});

describe('flags once the legality review has started', () => {
  test('the drafter no longer removes them (their duties were what the review judged); the legal unit does, with its reason', () => {
    const s = apply(toAwaitingMeeting('major_decision', ['PUBLIC', 'TECH']), { type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body: 'director_office_meeting' }, people.secretary, at('2025-03-14'));
    const drop: Command = { type: 'set_flags', flags: [], reason: '重新判断' };
    expect(refused(attempt(s, drop, people.drafter, at('2025-03-19')))).toMatchObject({ status: 403, code: 'FLAG_REMOVAL_NEEDS_LEGAL_UNIT', reason: expect.stringContaining('PUBLIC, TECH: the legality review has started') });
    expect(decide(s, drop, { actor: people.drafter, now: at('2025-03-19'), config, calendar: cal, legacy }).ok).toBe(true);
    expect(apply(s, { ...drop, flags: ['PUBLIC'], reason: '经复核无需专家论证' } as Command, people.legal, at('2025-03-19')).flags).toEqual(['PUBLIC']);
    // Adding one is still the drafter's to do.
    expect(apply(s, { ...drop, flags: ['PUBLIC', 'TECH', 'RISK'], reason: '补充风险评估' } as Command, people.drafter, at('2025-03-19')).flags).toContain('RISK');
  });
});

describe('participation recorded once it has ended (713号令第14条)', () => {
  test('a survey still running is not yet the public heard', () => {
    const s = register('major_decision', [], at('2025-03-03'));
    const survey = { type: 'record_research_item', item: { kind: 'public_participation', method: 'questionnaire', from: at('2025-03-01'), to: at('2025-03-10'), channel: '问卷星', summary: '支持' } } as Command;
    expect(refused(attempt(s, survey, people.drafter, at('2025-03-05'))).reason).toContain('once it has ended');
    expect(apply(s, survey, people.drafter, at('2025-03-10', '18:00')).research.participations).toHaveLength(1);
  });
});

describe('"lawful" as the text stands (713号令第25条)', () => {
  const inReview = () => {
    const now = at('2025-03-03');
    let s = doResearch(register('normative_document', [], now), now);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
    s = apply(s, { type: 'accept_materials' }, people.legal, now);
    return apply(s, { type: 'assign_lawyer', lawyerId: 'law1' }, people.legal, now);
  };
  const withIssue = (code: string, amendment?: string) => fullChecklist().map((e) => (e.code === code ? { ...e, result: 'issue' as const, note: '第五条设定备案审批', ...(amendment ? { amendment } : {}) } : e));

  test('an opinion or conclusion recording a change to the text is LAWFUL_WITH_AMENDMENTS, never LAWFUL', () => {
    const s = inReview();
    const now = at('2025-03-03');
    for (const checklist of [withIssue('LR-P2', '删除第五条审批'), withIssue('LR-C2', '与上位法表述一致')]) {
      const opinion: Command = { type: 'submit_lawyer_opinion', versionHash: hash(1), outcome: 'LAWFUL', text: '修改后合法', checklist };
      expect(refused(attempt(s, opinion, people.lawyer, now))).toMatchObject({ status: 422, code: 'AMENDMENTS_PENDING', reason: expect.stringContaining('第25条') });
      expect(decide(s, opinion, { actor: people.lawyer, now, config, calendar: cal, legacy }).ok).toBe(true);
      const amended = apply(s, { ...opinion, outcome: 'LAWFUL_WITH_AMENDMENTS' } as Command, people.lawyer, now);
      const conclusion: Command = { type: 'record_legality_conclusion', versionHash: hash(1), outcome: 'LAWFUL', text: '合法', checklist, departureReason: '结论不同' };
      expect(refused(attempt(amended, conclusion, people.legal, now)).code).toBe('AMENDMENTS_PENDING');
    }
  });

  test('the same text goes to the meeting only after the amended version is confirmed', () => {
    let s = inReview();
    const now = at('2025-03-03');
    const checklist = withIssue('LR-P2', '删除第五条审批');
    s = apply(s, { type: 'submit_lawyer_opinion', versionHash: hash(1), outcome: 'LAWFUL_WITH_AMENDMENTS', text: '删除第五条后合法', checklist }, people.lawyer, now);
    s = apply(s, { type: 'record_legality_conclusion', versionHash: hash(1), outcome: 'LAWFUL_WITH_AMENDMENTS', text: '修改后合法', checklist, amendments: [{ clause: '第五条', change: '删除审批' }] }, people.legal, now);
    expect(s.stage).toBe('amending');
  });
});

describe('the final text after “approve with changes”', () => {
  const now = at('2025-03-03');
  /** v2 reviewed lawful and approved with changes at the meeting; the drafter's version 3 is the final text offered. */
  const approvedWithChanges = (s: MatterState): MatterState => {
    s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
    s = apply(s, { type: 'accept_materials' }, people.legal, now);
    s = doLegality(s, now);
    s = apply(s, { type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body: 'director_office_meeting' }, people.secretary, at('2025-03-14'));
    const views = meetingRecord().views.map((v) => ({ ...v, view: 'approve_with_changes' as const }));
    return apply(s, { type: 'record_meeting', record: meetingRecord({ views, outcome: 'approve_with_changes', changes: ['文字调整'] }) }, people.secretary, at('2025-03-20', '18:00'));
  };
  const finalText = (s: MatterState, versionHash: string) =>
    apply(apply(s, { type: 'submit_version', versionHash, versionNumber: 3 }, people.drafter, at('2025-03-21')), { type: 'submit_for_review' }, people.drafter, at('2025-03-21'));

  test('is not a text a lawyer found unlawful, whatever versions came between (中办发〔2016〕30号)', () => {
    let s = doResearch(register('major_decision', [], now), now);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
    s = apply(s, { type: 'accept_materials' }, people.legal, now);
    s = apply(s, { type: 'assign_lawyer', lawyerId: 'law1' }, people.legal, now);
    s = apply(s, { type: 'submit_lawyer_opinion', versionHash: hash(1), outcome: 'UNLAWFUL', text: '设定了行政许可', checklist: fullChecklist().map((e) => (e.code === 'LR-P2' ? { ...e, result: 'issue' as const } : e)) }, people.lawyer, now);
    s = apply(s, { type: 'record_legality_conclusion', versionHash: hash(1), outcome: 'RETURN_TO_COMPLETE_PROCEDURE', text: '修改', missing: ['修改草案'] }, people.legal, now);
    s = approvedWithChanges(apply(s, { type: 'submit_version', versionHash: hash(2), versionNumber: 2 }, people.drafter, now));
    const backToFirst = finalText(s, hash(1));
    const confirm: Command = { type: 'confirm_final_text', versionHash: hash(1) };
    expect(refused(attempt(backToFirst, confirm, people.legal, at('2025-03-21')))).toMatchObject({ code: 'LAWYER_OPINION_UNLAWFUL' });
    expect(decide(backToFirst, confirm, { actor: people.legal, now: at('2025-03-21'), config, calendar: cal, legacy }).ok).toBe(true);
    // A text of its own, as the meeting asked, is confirmed.
    const changed = apply(finalText(s, hash(3)), { type: 'submit_lawyer_opinion', versionHash: hash(3), outcome: 'LAWFUL', text: '定稿合法', checklist: fullChecklist() }, people.lawyer, at('2025-03-21'));
    expect(apply(changed, { type: 'confirm_final_text', versionHash: hash(3) }, people.legal, at('2025-03-21')).stage).toBe('post_decision');
  });

  test('nor a text judged a risk not controllable (713号令第24条)', () => {
    let s = register('major_decision', ['RISK'], now);
    s = apply(s, { type: 'record_research_item', item: { kind: 'risk_assessment', documentId: 'r1', riskLevel: 'high', controllable: false, measures: '暂无' } }, people.drafter, now);
    s = apply(s, { type: 'submit_version', versionHash: hash(2), versionNumber: 2 }, people.drafter, now);
    s = finalText(approvedWithChanges(doResearch(s, now)), hash(1)); // doResearch assesses the adjusted v2 controllable
    expect(refused(attempt(s, { type: 'confirm_final_text', versionHash: hash(1) }, people.legal, at('2025-03-21')))).toMatchObject({ code: 'RISK_NOT_CONTROLLABLE', reason: expect.stringContaining('version 3') });
  });
});
