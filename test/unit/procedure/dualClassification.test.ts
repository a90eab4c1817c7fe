import {
  deadlines,
  isMajorDecision,
  kindConfigOf,
  parseMatterState,
  postDecisionSteps,
  registerMatter,
  registrationProblem,
  requiredSteps,
  type Command,
  type Flag,
  type MatterState,
} from '../../../domain/procedure';
import { apply, at, attempt, cal, config, currentHashOf, doLegality, doResearch, hash, meetingRecord, people, refused } from './fixtures';

/** A normative document that is also a major decision owes the duties of both (guide, "Kinds of matter"). */
const day = at('2025-03-03');
function dual(flags: Flag[] = [], alsoMajorDecision = true): MatterState {
  return registerMatter({ matterId: 'M-dual', kind: 'normative_document', alsoMajorDecision, flags, title: '文化旅游消费补贴政策', draftingUnit: 'sec-market', createdBy: 'd1', versionHash: hash(1), now: day }, config);
}
function toMeeting(s: MatterState): MatterState {
  s = doResearch(s, day);
  s = apply(s, { type: 'submit_for_review' }, people.drafter, day);
  s = apply(s, { type: 'accept_materials' }, people.legal, day);
  return doLegality(s, day);
}
const schedule = (date: string): Command => ({ type: 'schedule_meeting', meetingAt: at(date, '10:00'), body: 'director_office_meeting' });
const comment = (openedAt: string, closesAt: string): Command => ({ type: 'record_research_item', item: { kind: 'public_comment', openedAt, closesAt, channel: '区政府网站' } });

describe('classified as also a major decision after registration (classify_as_major_decision)', () => {
  const classify: Command = { type: 'classify_as_major_decision', reason: '补贴覆盖全区经营者，涉及面广' };
  it('the legal unit (or the drafter) classifies a normative document so, with a reason; the steps it now owes send it back to research', () => {
    let s = doResearch(dual([], false), day);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, day);
    s = apply(s, { type: 'accept_materials' }, people.legal, day);
    expect(s.stage).toBe('legality_review');
    expect(refused(attempt(s, { ...classify, reason: ' ' } as Command, people.legal, day)).code).toBe('INVALID_INPUT');
    expect(refused(attempt(s, classify, people.auditor, day)).code).toBe('FORBIDDEN');
    const d = attempt(s, classify, people.legal, day);
    if (!d.ok) throw new Error(d.reason);
    expect(d.state.alsoMajorDecision).toBe(true);
    expect(isMajorDecision(d.state)).toBe(true);
    // Hearing the public (713号令第14条) was not owed before: back to research for it.
    expect(d.state.stage).toBe('research');
    expect(d.event.summary).toContain('退回研究论证');
    expect(postDecisionSteps(d.state.kind, d.state.flags, d.state.alsoMajorDecision)).toContain('party_report');
    // Never twice, never undone, and only for a normative document.
    expect(refused(attempt(d.state, classify, people.drafter, day)).code).toBe('ALREADY_DONE');
    const md = registerMatter({ matterId: 'M-md', kind: 'major_decision', flags: [], title: 't', draftingUnit: 'sec-market', createdBy: 'd1', versionHash: hash(1), now: day }, config);
    expect(refused(attempt(md, classify, people.legal, day)).code).toBe('NOT_APPLICABLE');
  });
  it('in research the drafter classifies it and simply adds the steps', () => {
    const d = attempt(dual([], false), classify, people.drafter, day);
    expect(d.ok && [d.state.stage, d.state.alsoMajorDecision]).toEqual(['research', true]);
  });
});

describe('a normative document that is also a major decision', () => {
  it('only a normative document can carry the second classification', () => {
    for (const kind of ['major_decision', 'collective_matter', 'enforcement_review'] as const) {
      expect(registrationProblem({ matterId: 'x', kind, alsoMajorDecision: true, flags: [], title: 't', draftingUnit: 's', createdBy: 'u', versionHash: hash(1), now: day })).toMatchObject({ code: 'CLASSIFICATION_NOT_APPLICABLE' });
    }
    expect(dual().alsoMajorDecision).toBe(true);
    expect(dual([], false).alsoMajorDecision).toBe(false);
    expect(isMajorDecision(dual())).toBe(true);
    expect(isMajorDecision(dual([], false))).toBe(false);
  });

  it('owes the 30-day comment window of a major decision, not 7 working days (713号令第15条)', () => {
    // 7 working days is enough for a plain normative document, not for the dual one.
    const tenDays = comment(at('2025-03-03'), at('2025-03-13', '17:00'));
    expect(attempt(dual(['PUBLIC'], false), tenDays, people.drafter, day).ok).toBe(true);
    const r = refused(attempt(dual(['PUBLIC']), tenDays, people.drafter, day));
    expect(r.code).toBe('COMMENT_WINDOW_TOO_SHORT');
    expect(r.reason).toContain('30 calendar_days');
    expect(attempt(dual(['PUBLIC']), comment(at('2025-03-01'), at('2025-03-31', '17:00')), people.drafter, day).ok).toBe(true);
  });

  it('owes both kinds\' comment minimums when they are counted in different units (each may be the later end)', () => {
    // The document's minimum raised to 25 working days: from 2 January 2025 that ends on 12 February (春节), after the 30 calendar days.
    const raised = { ...config, kinds: { ...config.kinds, normative_document: { ...config.kinds.normative_document, commentWindowMinimum: { amount: 25, unit: 'working_days' as const } } } };
    const s = registerMatter({ matterId: 'M-dual2', kind: 'normative_document', alsoMajorDecision: true, flags: ['PUBLIC'], title: '文化旅游消费补贴政策', draftingUnit: 'sec-market', createdBy: 'd1', versionHash: hash(1), now: at('2025-01-02') }, raised);
    const r = refused(attempt(s, comment(at('2025-01-02'), at('2025-02-05', '17:00')), people.drafter, at('2025-01-02'), raised));
    expect([r.code, r.reason]).toEqual(['COMMENT_WINDOW_TOO_SHORT', expect.stringContaining('25 working_days')]);
    expect(attempt(s, comment(at('2025-01-02'), at('2025-02-12', '17:00')), people.drafter, at('2025-01-02'), raised).ok).toBe(true);
  });

  it('owes ≥ 7 working days of legality review before the meeting (713号令第26条), not 5', () => {
    const plain = toMeeting(dual([], false));
    expect(apply(plain, schedule('2025-03-11'), people.secretary, day).stage).toBe('meeting_scheduled');
    const both = toMeeting(dual());
    const r = refused(attempt(both, schedule('2025-03-11'), people.secretary, day));
    expect(r.code).toBe('LEGALITY_MIN_TIME');
    expect(r.reason).toContain('713号令第26条');
    expect(apply(both, schedule('2025-03-13'), people.secretary, day).stage).toBe('meeting_scheduled');
  });

  it('after the decision: the Party report (art. 31), signing, publication (art. 32), 备案 and archiving — in that order', () => {
    expect(postDecisionSteps('normative_document', [], true)).toEqual(['party_report', 'sign_and_number', 'publish', 'filing', 'archive']);
    expect(postDecisionSteps('normative_document', [], false)).toEqual(['sign_and_number', 'publish', 'filing', 'archive']);
    let s = apply(toMeeting(dual()), schedule('2025-03-13'), people.secretary, day);
    s = apply(s, { type: 'record_meeting', record: meetingRecord() }, people.secretary, at('2025-03-13', '12:00'));
    const sign: Command = { type: 'sign_and_number', versionHash: currentHashOf(s), documentNumber: '区文旅规〔2025〕9号', signedBy: '局长' };
    expect(refused(attempt(s, sign, people.secretary, at('2025-03-14'))).code).toBe('PARTY_REPORT_MISSING');
    s = apply(s, { type: 'report_to_party', reference: '请示〔2025〕9号' }, people.secretary, at('2025-03-14'));
    s = apply(s, sign, people.secretary, at('2025-03-14'));
    s = apply(s, { type: 'publish', channel: '区政府网站', reference: 'https://example.gov/9' }, people.secretary, at('2025-03-14'));
    // The filing clock of a normative document runs.
    expect(deadlines(s, config, cal).map((d) => d.key)).toContain('filing_deadline');
    s = apply(s, { type: 'file_record', authority: '区司法局', reference: '备2025-9' }, people.legal, at('2025-03-17'));
    s = apply(s, { type: 'archive', archiveRef: 'A-9' }, people.secretary, at('2025-03-17'));
    expect(s.stage).toBe('issued');
  });

  it('the plan shows both kinds\' steps, and the rules are the stricter of both kinds', () => {
    const keys = requiredSteps('normative_document', [], config, true).map((st) => st.key);
    expect(keys).toEqual(expect.arrayContaining(['public_participation', 'party_report', 'filing', 'publish']));
    const k = kindConfigOf({ kind: 'normative_document', alsoMajorDecision: true }, config);
    expect(k.legalityReviewMinimum).toEqual({ amount: 7, unit: 'working_days' });
    expect(k.commentWindowMinimum).toEqual({ amount: 30, unit: 'calendar_days' });
    expect(k.filingDeadline).toEqual(config.kinds.normative_document.filingDeadline);
    // A district that sets a longer normative-document minimum keeps it for dual matters too.
    const longer = { ...config, kinds: { ...config.kinds, normative_document: { ...config.kinds.normative_document, legalityReviewMinimum: { amount: 10, unit: 'working_days' as const } } } };
    expect(kindConfigOf({ kind: 'normative_document', alsoMajorDecision: true }, longer).legalityReviewMinimum).toEqual({ amount: 10, unit: 'working_days' });
  });

  it('matters stored before the classification existed read as not dual, their history unchanged', () => {
    const stored = JSON.parse(JSON.stringify(dual([], false))) as Record<string, unknown>;
    delete stored.alsoMajorDecision;
    const parsed = parseMatterState(stored, 'M-old');
    expect(parsed.alsoMajorDecision).toBe(false);
    expect({ ...parsed, alsoMajorDecision: undefined }).toEqual({ ...stored, alsoMajorDecision: undefined });
    expect(() => parseMatterState({ ...stored, alsoMajorDecision: 'yes' }, 'M-bad')).toThrow(/alsoMajorDecision/);
    // And a state held by a running workflow without the field owes a normative document's duties only.
    expect(postDecisionSteps(stored.kind as 'normative_document', [], (stored as { alsoMajorDecision?: boolean }).alsoMajorDecision === true)).not.toContain('party_report');
  });
});
