/**
 * Issue 8 item 8: major enforcement decision review as 行政处罚法 arts. 48, 57–60 write it. The tests try to
 * break each rule: no art. 58 ground, an unqualified reviewer, the normative-document checklist, a review with
 * an issue that passes, a meeting for a plain case (or none for a serious one), the 90 days, publication.
 */
import { deadlines, type Command, type MatterState } from '../../../domain/procedure';
import { apply, at, attempt, cal, config, currentHashOf, doResearch, enforcementCase, enforcementChecklist, fullChecklist, meetingRecord, people, refused, register } from './fixtures';

const now = at('2025-03-03');
const unqualified = { ...people.legal2, legalQualification: false };

function submitted(caseOver: Parameters<typeof enforcementCase>[0] = {}): MatterState {
  let s = register('enforcement_review', [], now);
  s = doResearch(s, now, { ...config, enforcement: undefined }); // the common items only
  s = apply(s, { type: 'record_research_item', item: enforcementCase(caseOver) }, people.drafter, now);
  return apply(s, { type: 'submit_for_review' }, people.drafter, now);
}

const conclude = (s: MatterState, over: Partial<Extract<Command, { type: 'record_legality_conclusion' }>> = {}): Command => ({
  type: 'record_legality_conclusion', versionHash: currentHashOf(s), outcome: 'LAWFUL', text: '审核通过', enforcementChecklist: enforcementChecklist(), ...over,
});

describe('the case record (行政处罚法第58条第1款, 第60条)', () => {
  test('the materials are incomplete without the case, its ground and filing date', () => {
    let s = doResearch(register('enforcement_review', [], now), now, { ...config, enforcement: undefined });
    s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
    const r = refused(attempt(s, { type: 'accept_materials' }, people.legal, now));
    expect(r.code).toBe('MATERIALS_INCOMPLETE');
    expect(r.reason).toContain('enforcement_case');
  });

  test('ground 4 names the provision; a case filed in the future is refused; other kinds have no case', () => {
    const s = register('enforcement_review', [], now);
    expect(refused(attempt(s, { type: 'record_research_item', item: enforcementCase({ ground: 'other_statutory' }) }, people.drafter, now))).toMatchObject({ code: 'ENFORCEMENT_GROUND_BASIS_MISSING' });
    expect(attempt(s, { type: 'record_research_item', item: enforcementCase({ ground: 'other_statutory', otherBasis: '《某条例》第十条' }) }, people.drafter, now).ok).toBe(true);
    expect(refused(attempt(s, { type: 'record_research_item', item: enforcementCase({ caseFiledOn: '2025-03-04' }) }, people.drafter, now)).code).toBe('INVALID_INPUT');
    expect(refused(attempt(register('normative_document', [], now), { type: 'record_research_item', item: enforcementCase() }, people.drafter, now)).code).toBe('NOT_APPLICABLE');
  });
});

describe('the 法制审核 reviewer (行政处罚法第58条第2款)', () => {
  test('a legal-unit member without the legal qualification cannot take the case on', () => {
    const r = refused(attempt(submitted(), { type: 'accept_materials' }, unqualified, now));
    expect(r).toMatchObject({ status: 403, code: 'ENFORCEMENT_REVIEWER_UNQUALIFIED' });
    expect(r.reason).toContain('行政处罚法第58条第2款');
  });

  test('the qualified reviewer who took the case gives the opinion; nobody else does', () => {
    const s = apply(submitted(), { type: 'accept_materials' }, people.legal, now);
    expect(s.legality.enforcementReviewerId).toBe(people.legal.userId);
    expect(refused(attempt(s, conclude(s), { ...people.legal2, legalQualification: true }, now)).code).toBe('ENFORCEMENT_NOT_REVIEWER');
  });

  test('assigned once: a resubmission after supplementing keeps the reviewer (the check is made when first assigned)', () => {
    let s = apply(submitted(), { type: 'accept_materials' }, people.legal, now);
    s = apply(s, conclude(s, { outcome: 'MATERIALS_INCOMPLETE', missing: ['听证笔录'], enforcementChecklist: undefined }), people.legal, now);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, now);
    s = apply(s, { type: 'accept_materials' }, people.legal, now);
    expect(s.legality.enforcementReviewerId).toBe(people.legal.userId);
  });
});

describe('the enforcement checklist: 主体, 管辖, 事实, 证据, 程序, 法律适用, 裁量基准, 文书', () => {
  const accepted = () => apply(submitted(), { type: 'accept_materials' }, people.legal, now);

  test('the normative-document checklist is not the enforcement one; every point is answered', () => {
    const s = accepted();
    expect(refused(attempt(s, conclude(s, { enforcementChecklist: undefined }), people.legal, now)).code).toBe('ENFORCEMENT_CHECKLIST_INCOMPLETE');
    const partial = refused(attempt(s, conclude(s, { enforcementChecklist: enforcementChecklist().slice(1) }), people.legal, now));
    expect(partial.reason).toContain('EF-SUBJECT');
    // The LR-* codes are refused by the schema, before the rule.
    expect(refused(attempt(s, conclude(s, { enforcementChecklist: fullChecklist() as never }), people.legal, now)).code).toBe('ENFORCEMENT_CHECKLIST_INCOMPLETE');
  });

  test('a review with an issue cannot pass (第58条: 审核未通过的，不得作出决定); it may conclude unlawful', () => {
    const s = accepted();
    expect(refused(attempt(s, conclude(s, { enforcementChecklist: enforcementChecklist('EF-DISCRETION') }), people.legal, now)).reason).toContain('EF-DISCRETION');
    const failed = apply(s, conclude(s, { outcome: 'UNLAWFUL', text: '超出裁量基准', enforcementChecklist: enforcementChecklist('EF-DISCRETION') }), people.legal, now);
    expect(failed.stage).toBe('not_issued');
    expect(failed.legality.history.length + (failed.legality.conclusion ? 1 : 0)).toBeGreaterThan(0);
  });
});

describe('who decides: collective discussion only for complex or serious cases (第57条第2款)', () => {
  test('a plain case goes straight to the head, who decides by signing; no meeting', () => {
    let s = apply(submitted({ seriousViolation: false, complex: false }), { type: 'accept_materials' }, people.legal, now);
    s = apply(s, conclude(s), people.legal, now);
    expect(s.stage).toBe('post_decision');
    expect(s.decision).toBeNull();
    expect(refused(attempt(s, { type: 'schedule_meeting', meetingAt: at('2025-03-10'), body: 'director_office_meeting' }, people.secretary, now)).code).toBe('WRONG_STAGE');
    s = apply(s, { type: 'sign_and_number', versionHash: currentHashOf(s), documentNumber: '文旅罚决字〔2025〕8号', signedBy: '局长' }, people.secretary, at('2025-03-04'));
    expect(s.decision).toMatchObject({ outcome: 'approve', versionHash: currentHashOf(s) });
    s = apply(s, { type: 'archive', archiveRef: 'A' }, people.secretary, at('2025-03-04'));
    expect(s.stage).toBe('decided');
  });

  test('a complex or serious case goes to collective discussion', () => {
    for (const over of [{ complex: true, seriousViolation: false }, { complex: false, seriousViolation: true }]) {
      let s = apply(submitted(over), { type: 'accept_materials' }, people.legal, now);
      s = apply(s, conclude(s), people.legal, now);
      expect(s.stage).toBe('awaiting_meeting');
    }
  });
});

describe('the 90 days from filing (第60条) and publication (第48条)', () => {
  test('the clock runs from the filing date, extensions are recorded with approval and basis, and it stops at the decision', () => {
    let s = apply(submitted({ caseFiledOn: '2025-02-20' }), { type: 'accept_materials' }, people.legal, now);
    const clock = () => deadlines(s, config, cal).find((d) => d.key === 'enforcement_decision_time_limit');
    expect(clock()).toMatchObject({ nature: 'obligation', escalates: true });
    expect(clock()!.dueAt!.slice(0, 10)).toBe('2025-05-21');
    expect(refused(attempt(s, { type: 'extend_case_deadline', days: 30, reason: '案情复杂', approvedBy: '局长', basis: '' } as Command, people.legal, now)).code).toBe('INVALID_INPUT');
    s = apply(s, { type: 'extend_case_deadline', days: 30, reason: '案情复杂，需补充鉴定', approvedBy: '局长', basis: '《市场监督管理行政处罚程序规定》第六十四条' }, people.legal, now);
    expect(clock()!.dueAt!.slice(0, 10)).toBe('2025-06-20');
    expect(s.legality.caseExtensions).toEqual([expect.objectContaining({ days: 30, approvedBy: '局长', by: people.legal.userId })]);
    s = apply(s, conclude(s), people.legal, now);
    s = apply(s, { type: 'schedule_meeting', meetingAt: at('2025-03-04', '10:00'), body: 'director_office_meeting' }, people.secretary, now);
    s = apply(s, { type: 'record_meeting', record: meetingRecord() }, people.secretary, at('2025-03-04', '12:00'));
    expect(clock()).toBeUndefined();
    expect(refused(attempt(s, { type: 'extend_case_deadline', days: 5, reason: 'x', approvedBy: '局长', basis: 'y' }, people.legal, at('2025-03-05'))).code).toBe('ALREADY_DONE');
  });

  test('not for other kinds', () => {
    const s = doResearch(register('normative_document', [], now), now);
    expect(refused(attempt(s, { type: 'extend_case_deadline', days: 5, reason: 'x', approvedBy: '局长', basis: 'y' }, people.drafter, now)).code).toBe('ENFORCEMENT_NOT_APPLICABLE');
  });

  test('a decision of social impact is published before the matter is decided; one without is not', () => {
    let s = apply(submitted({ seriousViolation: false, socialImpact: true }), { type: 'accept_materials' }, people.legal, now);
    s = apply(s, conclude(s), people.legal, now);
    s = apply(s, { type: 'sign_and_number', versionHash: currentHashOf(s), documentNumber: '文旅罚决字〔2025〕8号', signedBy: '局长' }, people.secretary, at('2025-03-04'));
    s = apply(s, { type: 'archive', archiveRef: 'A' }, people.secretary, at('2025-03-04'));
    expect(s.stage).toBe('post_decision');
    s = apply(s, { type: 'publish', channel: '区政府网站', reference: 'r' }, people.secretary, at('2025-03-04'));
    expect(s.stage).toBe('decided');
  });
});
