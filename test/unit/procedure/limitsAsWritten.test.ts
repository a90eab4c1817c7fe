import { decide, type Command, type MatterState } from '../../../domain/procedure';
import { documentDatesProblem, defaultDocumentLifeConfig } from '../../../domain/lifecycle';
import { apply, at, attempt, cal, config, currentHashOf, doResearch, enforcementCase, meetingRecord, people, refused, register, toAwaitingMeeting } from './fixtures';

/**
 * Limits an audit found could be walked around, closed under patch limits-as-written (a run started before it
 * replays as it ran: LegacyRules.limitsBeforeWritten).
 */
const legacy = { limitsBeforeWritten: true };
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
