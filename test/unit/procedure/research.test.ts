import type { Command, MatterState, ResearchItem } from '../../../domain/procedure';
import { apply, at, attempt, config, people, refused, register } from './fixtures';

const day = at('2025-03-03');
const record = (item: ResearchItem): Command => ({ type: 'record_research_item', item });

describe('public comment window (713号令第15条)', () => {
  const major = register('major_decision', ['PUBLIC'], day);
  const normative = register('normative_document', ['PUBLIC'], day);

  it('major decision: at least 30 calendar days, the opening day not counted', () => {
    const tooShort = record({ kind: 'public_comment', openedAt: at('2025-03-01'), closesAt: at('2025-03-30', '17:00'), channel: '政府网站' });
    const r = refused(attempt(major, tooShort, people.drafter, day));
    expect(r).toMatchObject({ status: 422, code: 'COMMENT_WINDOW_TOO_SHORT' });
    expect(r.reason).toContain('713号令第15条');
    const enough = record({ kind: 'public_comment', openedAt: at('2025-03-01'), closesAt: at('2025-03-31', '17:00'), channel: '政府网站' });
    expect(apply(major, enough, people.drafter, day).research.publicComment?.closesAt).toBe(at('2025-03-31', '17:00'));
  });

  it('a shorter window is accepted with a stated reason, and the reason is kept', () => {
    const urgent = record({ kind: 'public_comment', openedAt: at('2025-03-01'), closesAt: at('2025-03-10'), channel: '政府网站', shortenedReason: '汛期安全，情况紧急' });
    const s = apply(major, urgent, people.drafter, day);
    expect(s.research.publicComment).toMatchObject({ shortenedReason: '汛期安全，情况紧急', recordedBy: 'd1', recordedAt: day });
    const blankReason = record({ kind: 'public_comment', openedAt: at('2025-03-01'), closesAt: at('2025-03-10'), channel: '政府网站', shortenedReason: '  ' });
    expect(refused(attempt(major, blankReason, people.drafter, day)).code).toBe('COMMENT_WINDOW_TOO_SHORT');
  });

  it('normative document: 7 working days by default (configurable per kind)', () => {
    // Opened Mon 3 March: 7 working days → Wed 12 March.
    const short = record({ kind: 'public_comment', openedAt: at('2025-03-03'), closesAt: at('2025-03-11', '17:00'), channel: '网站' });
    expect(refused(attempt(normative, short, people.drafter, day)).code).toBe('COMMENT_WINDOW_TOO_SHORT');
    const ok = record({ kind: 'public_comment', openedAt: at('2025-03-03'), closesAt: at('2025-03-12', '17:00'), channel: '网站' });
    expect(attempt(normative, ok, people.drafter, day).ok).toBe(true);
    const seconds = { ...config, kinds: { ...config.kinds, normative_document: { ...config.kinds.normative_document, commentWindowMinimum: { amount: 60, unit: 'seconds' as const } } } };
    const sixty = record({ kind: 'public_comment', openedAt: '2025-03-03T01:00:00Z', closesAt: '2025-03-03T01:01:00Z', channel: '网站' });
    const fiftyNine = record({ kind: 'public_comment', openedAt: '2025-03-03T01:00:00Z', closesAt: '2025-03-03T01:00:59Z', channel: '网站' });
    expect(attempt(normative, sixty, people.drafter, day, seconds).ok).toBe(true);
    expect(refused(attempt(normative, fiftyNine, people.drafter, day, seconds)).code).toBe('COMMENT_WINDOW_TOO_SHORT');
  });

  it('rejects malformed or reversed windows', () => {
    expect(refused(attempt(major, record({ kind: 'public_comment', openedAt: '2025-03-01', closesAt: at('2025-04-10'), channel: 'x' }), people.drafter, day)).code).toBe('INVALID_DATETIME');
    expect(refused(attempt(major, record({ kind: 'public_comment', openedAt: at('2025-04-10'), closesAt: at('2025-03-01'), channel: 'x' }), people.drafter, day)).code).toBe('INVALID_INPUT');
  });
});

describe('comment adoption table (713号令第18条)', () => {
  let s: MatterState;
  beforeAll(() => {
    s = apply(
      register('major_decision', ['PUBLIC'], day),
      record({ kind: 'public_comment', openedAt: at('2025-03-03'), closesAt: at('2025-04-03', '17:00'), channel: '网站' }),
      people.drafter,
      day,
    );
  });

  it('needs a recorded comment window first', () => {
    const r = refused(attempt(register('major_decision', ['PUBLIC'], day), record({ kind: 'comment_adoption', entries: [] }), people.drafter, day));
    expect(r.code).toBe('PUBLIC_COMMENT_MISSING');
  });

  it('cannot be recorded while the window is open', () => {
    const r = refused(attempt(s, record({ kind: 'comment_adoption', entries: [] }), people.drafter, at('2025-04-03', '16:59')));
    expect(r).toMatchObject({ status: 422, code: 'COMMENT_WINDOW_OPEN' });
  });

  it('a comment not adopted needs a reason', () => {
    const after = at('2025-04-07');
    const r = refused(attempt(s, record({ kind: 'comment_adoption', entries: [{ commentSummary: '取消限购', adopted: false }] }), people.drafter, after));
    expect(r.code).toBe('ADOPTION_REASON_MISSING');
    expect(r.reason).toContain('取消限购');
    const ok = apply(
      s,
      record({ kind: 'comment_adoption', entries: [{ commentSummary: '取消限购', adopted: false, reason: '超出职权' }, { commentSummary: '延长时间', adopted: true }] }),
      people.drafter,
      after,
    );
    expect(ok.research.commentAdoption?.entries).toHaveLength(2);
  });
});

describe('hearing materials 7 days ahead (713号令第16条)', () => {
  const s = register('major_decision', [], day);
  const after = at('2025-03-25'); // a hearing is recorded once held
  it('refuses a hearing held less than 7 days after the materials were sent', () => {
    const r = refused(attempt(s, record({ kind: 'hearing', materialsSentAt: at('2025-03-01'), heldAt: at('2025-03-07'), documentId: 'h' }), people.drafter, after));
    expect(r).toMatchObject({ status: 422, code: 'HEARING_NOTICE_TOO_SHORT' });
    expect(r.reason).toContain('713号令第16条');
  });
  it('accepts exactly 7 days and keeps every hearing', () => {
    let next = apply(s, record({ kind: 'hearing', materialsSentAt: at('2025-03-01'), heldAt: at('2025-03-08'), documentId: 'h1' }), people.drafter, after);
    next = apply(next, record({ kind: 'hearing', materialsSentAt: at('2025-03-10'), heldAt: at('2025-03-20'), documentId: 'h2' }), people.drafter, after);
    expect(next.research.hearings.map((h) => h.documentId)).toEqual(['h1', 'h2']);
  });
  it('refuses a hearing dated after the moment it is recorded: it has heard nobody yet (713号令第14条)', () => {
    const r = refused(attempt(s, record({ kind: 'hearing', materialsSentAt: at('2025-03-01'), heldAt: at('2025-03-26'), documentId: 'h' }), people.drafter, after));
    expect(r).toMatchObject({ status: 422, code: 'INVALID_INPUT', reason: expect.stringContaining('heldAt') });
  });
});

describe('expert opinions (713号令第19条、第20条)', () => {
  const s = register('major_decision', ['TECH'], day);
  const expert = { kind: 'expert_opinion' as const, expertName: '刘教授', directInterest: false, signed: true, opinion: '可行', documentId: 'x' };
  it('excludes experts with a direct interest', () => {
    expect(refused(attempt(s, record({ ...expert, directInterest: true }), people.drafter, day))).toMatchObject({ status: 422, code: 'EXPERT_DIRECT_INTEREST' });
  });
  it('requires the written opinion to be signed', () => {
    expect(refused(attempt(s, record({ ...expert, signed: false }), people.drafter, day)).code).toBe('EXPERT_OPINION_UNSIGNED');
  });
  it('accumulates opinions, each stamped with the version it was given on', () => {
    let next = apply(s, record(expert), people.drafter, day);
    next = apply(next, record({ ...expert, expertName: '王研究员' }), people.drafter, day);
    expect(next.research.expertOpinions.map((e) => [e.expertName, e.versionHash])).toEqual([
      ['刘教授', s.versions[0]!.hash],
      ['王研究员', s.versions[0]!.hash],
    ]);
  });
});

describe('internal consultation (会签, 713号令第13条)', () => {
  const s = register('major_decision', [], day);
  it('a disagreement must record the dispute, both positions and the reason', () => {
    const partial = record({ kind: 'internal_consultation', consultations: [{ unit: '财务科', agreed: false, opinion: '资金不足', dispute: { issue: '资金', unitPosition: '不同意', drafterPosition: '', reason: '' } }] });
    const r = refused(attempt(s, partial, people.drafter, day));
    expect(r).toMatchObject({ status: 422, code: 'CONSULTATION_DISPUTE_UNRECORDED' });
    expect(r.reason).toContain('财务科');
    const full = record({
      kind: 'internal_consultation',
      consultations: [
        { unit: '财务科', agreed: false, opinion: '资金不足', dispute: { issue: '资金来源', unitPosition: '年度预算不足', drafterPosition: '分年度安排', reason: '已与区财政局沟通' } },
        { unit: '产业科', agreed: true, opinion: '同意' },
      ],
    });
    expect(apply(s, full, people.drafter, day).research.internalConsultation?.consultations).toHaveLength(2);
  });
});

describe('other items', () => {
  const s = register('major_decision', [], day);
  it('validates required fields', () => {
    expect(refused(attempt(s, record({ kind: 'legal_bases', bases: [] }), people.drafter, day)).code).toBe('INVALID_INPUT');
    expect(refused(attempt(s, record({ kind: 'drafting_explanation', documentId: '', summary: 's' }), people.drafter, day)).code).toBe('INVALID_INPUT');
    expect(refused(attempt(s, record({ kind: 'risk_assessment', documentId: 'r', riskLevel: 'extreme' as 'high', controllable: true, measures: 'm' }), people.drafter, day)).code).toBe('INVALID_INPUT');
    expect(refused(attempt(s, record({ kind: 'nonsense' } as unknown as ResearchItem), people.drafter, day)).code).toBe('INVALID_INPUT');
  });
  it('only the drafter of the section records research items, and only while the drafter has the matter', () => {
    const item = record({ kind: 'procedure_statement', documentId: 'p', summary: 's' });
    expect(refused(attempt(s, item, people.otherDrafter, day)).status).toBe(403);
    expect(refused(attempt(s, item, people.legal, day)).status).toBe(403);
    const submitted = apply(s, { type: 'submit_for_review' }, people.drafter, day);
    expect(refused(attempt(submitted, item, people.drafter, day))).toMatchObject({ status: 409, code: 'WRONG_STAGE' });
  });
});
