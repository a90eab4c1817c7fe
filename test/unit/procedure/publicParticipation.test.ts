import { decide, parseCommand, type Command, type Flag, type MatterKind, type MatterState, type ResearchItem } from '../../../domain/procedure';
import { apply, at, attempt, cal, config, people, refused, register } from './fixtures';

/**
 * 重大行政决策程序暂行条例第14条 (hearing the public is not optional for major decisions), 第15条 (30-day
 * window), 第29条 (the pack states how comments and expert opinions were adopted); 优化营商环境条例第62条
 * (ECON normative documents: 30 days, operators and trade associations heard).
 */
const day = at('2025-03-03');
const rec = (item: ResearchItem): Command => ({ type: 'record_research_item', item });
const symposium = rec({ kind: 'public_participation', method: 'symposium', from: at('2025-02-20'), to: at('2025-02-20', '12:00'), participants: '商户代表8人、居民代表6人', summary: '多数支持，建议设过渡期' });

/** Everything but hearing the public, submitted to the legal unit. */
function researched(kind: MatterKind, flags: Flag[], extra: Command[] = []): MatterState {
  let s = register(kind, flags, day);
  for (const item of [
    rec({ kind: 'drafting_explanation', documentId: 'e', summary: '说明' }),
    rec({ kind: 'legal_bases', bases: [{ title: '旅游法' }] }),
    rec({ kind: 'procedure_statement', documentId: 'p', summary: '程序' }),
    rec({ kind: 'internal_consultation', consultations: [{ unit: '财务科', agreed: true, opinion: '同意' }] }),
    ...extra,
  ]) s = apply(s, item, people.drafter, day);
  return apply(s, { type: 'submit_for_review' }, people.drafter, day);
}
const accept = (s: MatterState) => attempt(s, { type: 'accept_materials' }, people.legal, day);

describe('hearing the public is not optional for a major decision (713号令第14条)', () => {
  it('a major decision without any hearing of the public is refused, citing art. 14 — with or without the PUBLIC flag', () => {
    const r = refused(accept(researched('major_decision', [])));
    expect(r).toMatchObject({ status: 422, code: 'PUBLIC_PARTICIPATION_MISSING' });
    expect(r.reason).toContain('重大行政决策程序暂行条例第14条');
    // With other gaps too, the materials refusal names it among them with its article.
    const withGaps = refused(accept(apply(register('major_decision', [], day), { type: 'submit_for_review' }, people.drafter, day)));
    expect(withGaps.reason).toContain('听取公众意见情况（713号令第14条）');
  });

  it('a symposium with its participants, summary and the adoption statement clears it', () => {
    const s = researched('major_decision', [], [symposium, rec({ kind: 'comment_adoption', entries: [{ commentSummary: '建议设过渡期', adopted: true }] })]);
    expect(accept(s).ok).toBe(true);
    expect(s.research.participations?.[0]).toMatchObject({ method: 'symposium', participants: '商户代表8人、居民代表6人', recordedBy: 'd1' });
  });

  it('the opinions heard must be studied: without the adoption statement the pack is incomplete (art. 18, 29)', () => {
    const r = refused(accept(researched('major_decision', [], [symposium])));
    expect(r.code).toBe('MATERIALS_INCOMPLETE');
    expect(r.reason).toContain('(comment_adoption)');
  });

  it('every method names who took part or the channel; none in the future; open comment and hearing have their own items', () => {
    const s = register('major_decision', [], day);
    const bare = rec({ kind: 'public_participation', method: 'questionnaire', from: at('2025-02-01'), summary: '回收问卷200份' });
    expect(refused(attempt(s, bare, people.drafter, day))).toMatchObject({ code: 'PARTICIPANTS_OR_CHANNEL_MISSING' });
    expect(attempt(s, rec({ kind: 'public_participation', method: 'questionnaire', from: at('2025-02-01'), channel: '政务微信', summary: '回收问卷200份' }), people.drafter, day).ok).toBe(true);
    const future = rec({ kind: 'public_participation', method: 'field_visit', from: at('2025-04-01'), participants: '景区商户', summary: 'x' });
    expect(refused(attempt(s, future, people.drafter, day)).code).toBe('INVALID_INPUT');
    const backwards = rec({ kind: 'public_participation', method: 'opinion_poll', from: at('2025-02-10'), to: at('2025-02-01'), channel: '第三方', summary: 'x' });
    expect(refused(attempt(s, backwards, people.drafter, day)).code).toBe('INVALID_INPUT');
    // An open comment or a hearing cannot be slipped in as "another method" past their window and notice checks.
    for (const method of ['open_comment', 'hearing', '座谈会']) {
      expect(parseCommand({ type: 'record_research_item', item: { kind: 'public_participation', method, from: at('2025-02-01'), channel: '网站', summary: 'x' } }).ok).toBe(false);
    }
  });

  it('an open comment or a hearing counts as hearing the public', () => {
    const comment = rec({ kind: 'public_comment', openedAt: at('2025-01-02'), closesAt: at('2025-02-10', '17:00'), channel: '区政府网站' });
    const adoption = rec({ kind: 'comment_adoption', entries: [] });
    expect(accept(researched('major_decision', [], [comment, adoption])).ok).toBe(true);
    const hearing = rec({ kind: 'hearing', materialsSentAt: at('2025-02-01'), heldAt: at('2025-02-10'), documentId: 'h', participants: '消费者代表5人、经营者代表5人', summary: '多数赞成' });
    expect(accept(researched('major_decision', [], [hearing, adoption])).ok).toBe(true);
  });

  it('依法不予公开: the exemption with its legal ground clears it (no adoption to state), never with the PUBLIC flag, never without a ground', () => {
    const exempt = rec({ kind: 'participation_exemption', legalGround: '涉及国家秘密，依据《保守国家秘密法》第九条不予公开' });
    expect(accept(researched('major_decision', [], [exempt])).ok).toBe(true);
    const r = refused(attempt(register('major_decision', ['PUBLIC'], day), exempt, people.drafter, day));
    expect(r.code).toBe('EXEMPTION_WITH_OPEN_COMMENT');
    expect(r.reason).toContain('本系统做法');
    expect(parseCommand({ type: 'record_research_item', item: { kind: 'participation_exemption', legalGround: '' } }).ok).toBe(false);
  });

  it('PUBLIC only decides that one method must be an open comment: a symposium alone does not do for a PUBLIC matter', () => {
    const r = refused(accept(researched('major_decision', ['PUBLIC'], [symposium, rec({ kind: 'comment_adoption', entries: [] })])));
    expect(r.code).toBe('MATERIALS_INCOMPLETE');
    expect(r.reason).toContain('(public_comment)');
  });

  it('the adoption table needs something heard: nothing recorded → refused', () => {
    expect(refused(attempt(register('major_decision', [], day), rec({ kind: 'comment_adoption', entries: [] }), people.drafter, day)).code).toBe('PUBLIC_COMMENT_MISSING');
  });

  it('a plain normative document (not a major decision, not PUBLIC) owes no hearing', () => {
    expect(accept(researched('normative_document', [])).ok).toBe(true);
  });

  it('runs started before the rule (patch public-participation-required) replay as they ran', () => {
    const s = researched('major_decision', []);
    expect(decide(s, { type: 'accept_materials' }, { actor: people.legal, now: day, config, calendar: cal, legacy: { publicHearingOptional: true } }).ok).toBe(true);
  });
});

describe('open comment windows, each with its own source', () => {
  const window = (openedAt: string, closesAt: string, extra: Partial<Extract<ResearchItem, { kind: 'public_comment' }>> = {}) =>
    rec({ kind: 'public_comment', openedAt, closesAt, channel: '区政府网站', ...extra });
  const operators = { operatorsAndAssociations: { parties: ['区旅游行业协会', '某旅行社'], summary: '建议延长过渡期' } };

  it('major decision: 30 days (713号令第15条); shorter only with a recorded reason', () => {
    const s = register('major_decision', ['PUBLIC'], day);
    const r = refused(attempt(s, window(at('2025-03-01'), at('2025-03-30', '17:00')), people.drafter, day));
    expect(r.code).toBe('COMMENT_WINDOW_TOO_SHORT');
    expect(r.reason).toContain('(重大行政决策程序暂行条例第15条)');
    expect(attempt(s, window(at('2025-03-01'), at('2025-03-10'), { shortenedReason: '防汛紧急' }), people.drafter, day).ok).toBe(true);
  });

  it('normative document: 7 working days, stated as practice (国办发〔2018〕37号)', () => {
    const s = register('normative_document', ['PUBLIC'], day);
    const r = refused(attempt(s, window(at('2025-03-03'), at('2025-03-11', '17:00')), people.drafter, day));
    expect(r.reason).toContain('国办发〔2018〕37号（实践做法，可配置）');
    expect(attempt(s, window(at('2025-03-03'), at('2025-03-12', '17:00')), people.drafter, day).ok).toBe(true);
  });

  it('ECON normative document: 30 days and operators and trade associations heard (优化营商环境条例第62条)', () => {
    const s = register('normative_document', ['PUBLIC', 'ECON'], day);
    const sevenWorkingDays = refused(attempt(s, window(at('2025-03-03'), at('2025-03-12', '17:00'), operators), people.drafter, day));
    expect(sevenWorkingDays.code).toBe('COMMENT_WINDOW_TOO_SHORT');
    expect(sevenWorkingDays.reason).toContain('(优化营商环境条例第62条)');
    const noOperators = refused(attempt(s, window(at('2025-03-01'), at('2025-03-31', '17:00')), people.drafter, day));
    expect(noOperators.code).toBe('OPERATORS_NOT_HEARD');
    expect(noOperators.reason).toContain('优化营商环境条例第62条');
    const blank = refused(attempt(s, window(at('2025-03-01'), at('2025-03-31', '17:00'), { operatorsAndAssociations: { parties: ['  '], summary: '有' } }), people.drafter, day));
    expect(blank.code).toBe('OPERATORS_NOT_HEARD');
    expect(apply(s, window(at('2025-03-01'), at('2025-03-31', '17:00'), operators), people.drafter, day).research.publicComment?.operatorsAndAssociations?.parties).toHaveLength(2);
    // The 30-day floor holds however the normative-document window is configured.
    const lax = { ...config, kinds: { ...config.kinds, normative_document: { ...config.kinds.normative_document, commentWindowMinimum: { amount: 1, unit: 'calendar_days' as const } } } };
    expect(refused(attempt(s, window(at('2025-03-01'), at('2025-03-20'), operators), people.drafter, day, lax)).code).toBe('COMMENT_WINDOW_TOO_SHORT');
  });
});

describe('the meeting pack states how the experts\' opinions were adopted (713号令第29条)', () => {
  const opinion = rec({ kind: 'expert_opinion', expertName: '刘教授', directInterest: false, signed: true, opinion: '可行', documentId: 'x' });
  it('a TECH matter without the expert adoption statement is incomplete; the statement needs an opinion to state', () => {
    const s = researched('normative_document', ['TECH'], [opinion]);
    const r = refused(accept(s));
    expect(r.code).toBe('MATERIALS_INCOMPLETE');
    expect(r.reason).toContain('专家论证意见采纳情况（713号令第29条）(expert_adoption)');
    expect(refused(attempt(register('normative_document', ['TECH'], day), rec({ kind: 'expert_adoption', summary: '已采纳' }), people.drafter, day)).code).toBe('EXPERT_OPINIONS_MISSING');
    expect(accept(researched('normative_document', ['TECH'], [opinion, rec({ kind: 'expert_adoption', summary: '意见已采纳，第三条已据此修改' })])).ok).toBe(true);
  });
});
