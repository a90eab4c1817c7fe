import { calendarFromYears, calendarToYears, chinaDateOf, provisionalYear, withProvisionalYears } from '../../../domain/calendar';
import { decide, deadlines, nextObligationDue, type Command, type MatterState, type ProcedureConfig } from '../../../domain/procedure';
import { apply, at, cal, config, currentHashOf, doLegality, doResearch, meetingRecord, people, register, toAwaitingMeeting, withRoster } from './fixtures';

const day = at('2025-03-03');

describe('deadlines()', () => {
  it('nothing runs at registration', () => {
    expect(deadlines(register('major_decision', [], day), config, cal)).toEqual([]);
  });

  it('comment window end while research is under way, until the adoption table is recorded', () => {
    const s = apply(
      register('major_decision', ['PUBLIC'], day),
      { type: 'record_research_item', item: { kind: 'public_comment', openedAt: at('2025-03-03'), closesAt: at('2025-04-03', '17:00'), channel: '网站' } },
      people.drafter,
      day,
    );
    expect(deadlines(s, config, cal)).toEqual([
      {
        key: 'comment_window',
        nature: 'window_end',
        escalates: false,
        label: '公开征求意见期限',
        startedAt: at('2025-03-03'),
        dueAt: at('2025-04-03', '17:00'),
        remindAt: '2025-04-01T16:00:00.000Z', // start of Wed 2 April: Wed+Thu left
        unit: 'calendar_days',
        stage: 'research',
      },
    ]);
    const adopted = apply(s, { type: 'record_research_item', item: { kind: 'comment_adoption', entries: [] } }, people.drafter, at('2025-04-04'));
    expect(deadlines(adopted, config, cal)).toEqual([]);
  });

  it('legality time limit and minimum during the review; only the minimum while awaiting the meeting', () => {
    let s = doResearch(register('major_decision', [], day), day);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, day);
    expect(deadlines(s, config, cal)).toEqual([
      expect.objectContaining({ key: 'legality_review_time_limit', label: '合法性审核期限', startedAt: day, dueAt: '2025-03-24T15:59:59.999Z', unit: 'working_days', stage: 'legality_review' }),
      expect.objectContaining({ key: 'legality_review_minimum', nature: 'not_before', escalates: false, startedAt: day, dueAt: '2025-03-12T15:59:59.999Z', unit: 'working_days' }),
    ]);
    expect(deadlines(s, config, cal)[0]!.nature).toBe('obligation');
    // Only an obligation is ever "next due": the minimum review time is the earliest moment for the meeting.
    expect(nextObligationDue(deadlines(s, config, cal))).toBe('2025-03-24T15:59:59.999Z');
    s = apply(s, { type: 'accept_materials' }, people.legal, day);
    s = doLegality(s, day);
    expect(deadlines(s, config, cal).map((d) => d.key)).toEqual(['legality_review_minimum']);
  });

  it('both legality clocks stop (dueAt null) while supplementing', () => {
    let s = doResearch(register('major_decision', [], day), day);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, day);
    s = apply(s, { type: 'return_for_supplement', missing: ['x'], note: 'y' }, people.legal, at('2025-03-04'));
    const dl = deadlines(s, config, cal);
    expect(dl.map((d) => [d.key, d.dueAt])).toEqual([
      ['legality_review_time_limit', null],
      ['legality_review_minimum', null],
    ]);
    expect(dl.every((d) => d.remindAt === undefined)).toBe(true);
  });

  it('filing (from publication) and archive (from signing) deadlines after the decision', () => {
    let s = toAwaitingMeeting('normative_document', []);
    s = apply(s, { type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body: 'director_office_meeting' }, people.secretary, day);
    s = apply(s, { type: 'record_meeting', record: meetingRecord() }, people.secretary, at('2025-03-20', '18:00'));
    // Nothing is counted before signing.
    expect(deadlines(s, config, cal)).toEqual([]);
    s = apply(s, { type: 'sign_and_number', versionHash: currentHashOf(s), documentNumber: 'n', signedBy: 'h' }, people.secretary, at('2025-03-21'));
    expect(deadlines(s, config, cal)).toEqual([
      expect.objectContaining({ key: 'archive_deadline', startedAt: at('2025-03-21'), dueAt: '2025-03-31T15:59:59.999Z', unit: 'calendar_days', stage: 'post_decision' }),
    ]);
    s = apply(s, { type: 'publish', channel: '网站', reference: 'u' }, people.secretary, at('2025-03-24'));
    const filing = deadlines(s, config, cal).find((d) => d.key === 'filing_deadline');
    // 20 calendar days from Mon 24 March → Sun 13 April; reminder 2 working days before: start of Thu 10 April.
    expect(filing).toMatchObject({ label: '报送备案期限', startedAt: at('2025-03-24'), dueAt: '2025-04-13T15:59:59.999Z', remindAt: '2025-04-09T16:00:00.000Z' });
  });

  it('short seconds durations for demos and tests', () => {
    const fast: ProcedureConfig = {
      ...config,
      reminderLead: { amount: 10, unit: 'seconds' },
      kinds: {
        ...config.kinds,
        major_decision: { ...config.kinds.major_decision, legalityReviewTimeLimit: { amount: 120, unit: 'seconds' }, legalityReviewMinimum: { amount: 30, unit: 'seconds' } },
      },
    };
    const t0 = '2025-03-03T01:00:00.000Z';
    let s = doResearch(register('major_decision', [], t0), t0, fast);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, t0, fast);
    s = apply(s, { type: 'return_for_supplement', missing: ['x'], note: 'y' }, people.legal, '2025-03-03T01:00:20.000Z', fast);
    s = apply(s, { type: 'submit_for_review' }, people.drafter, '2025-03-03T01:01:20.000Z', fast);
    const dl = deadlines(s, fast, cal);
    expect(dl).toEqual([
      expect.objectContaining({ key: 'legality_review_time_limit', dueAt: '2025-03-03T01:03:00.000Z', remindAt: '2025-03-03T01:02:50.000Z', unit: 'seconds' }),
      expect.objectContaining({ key: 'legality_review_minimum', dueAt: '2025-03-03T01:01:30.000Z', unit: 'seconds' }),
    ]);
    s = apply(s, { type: 'accept_materials' }, people.legal, '2025-03-03T01:01:21.000Z', fast);
    s = doLegality(s, '2025-03-03T01:01:22.000Z', fast);
    const early = { type: 'schedule_meeting' as const, meetingAt: '2025-03-03T01:01:29.000Z', body: 'director_office_meeting' as const };
    expect(() => apply(s, early, people.secretary, '2025-03-03T01:01:23.000Z', fast)).toThrow(/LEGALITY_MIN_TIME/);
    const ok: MatterState = apply(s, { ...early, meetingAt: '2025-03-03T01:01:30.000Z' }, people.secretary, '2025-03-03T01:01:23.000Z', fast);
    expect(ok.stage).toBe('meeting_scheduled');
  });

  it('reports a missing holiday year as a warning instead of guessing', () => {
    let s = doResearch(register('major_decision', [], at('2026-12-28')), at('2026-12-28'));
    s = apply(s, { type: 'submit_for_review' }, people.drafter, at('2026-12-28'));
    const dl = deadlines(s, config, cal);
    expect(dl.every((d) => d.dueAt === null && /2027/.test(d.warning ?? ''))).toBe(true);
    expect(dl).toHaveLength(2);
  });

  describe('with the provisional window (2027 computed from the 放假办法)', () => {
    const withProvisional = withProvisionalYears(cal);

    it('clocks reaching into 2027 run and say they are provisional', () => {
      let s = doResearch(register('major_decision', [], at('2026-12-28')), at('2026-12-28'));
      s = apply(s, { type: 'submit_for_review' }, people.drafter, at('2026-12-28'));
      // From Mon 28 Dec: 29, 30, 31 Dec, (元旦 Fri 1 Jan, weekend), 4–7 Jan = 7; then 8, 11–15, 18, 19 Jan = 15.
      expect(deadlines(s, config, withProvisional)).toEqual([
        expect.objectContaining({ key: 'legality_review_time_limit', dueAt: '2027-01-19T15:59:59.999Z', provisional: true }),
        expect.objectContaining({ key: 'legality_review_minimum', dueAt: '2027-01-07T15:59:59.999Z', provisional: true }),
      ]);
      expect(deadlines(s, config, withProvisional).every((d) => d.warning === undefined)).toBe(true);
    });

    it('clocks that stay in an official year carry no flag', () => {
      let s = doResearch(register('major_decision', [], at('2026-12-01')), at('2026-12-01'));
      s = apply(s, { type: 'submit_for_review' }, people.drafter, at('2026-12-01'));
      const dl = deadlines(s, config, withProvisional);
      expect(dl.map((d) => [d.key, d.dueAt])).toEqual([
        ['legality_review_time_limit', '2026-12-22T15:59:59.999Z'],
        ['legality_review_minimum', '2026-12-10T15:59:59.999Z'],
      ]);
      expect(dl.some((d) => 'provisional' in d)).toBe(false);
    });

    it('a calendar-day comment window ending in 2027 is provisional only through its working-day reminder', () => {
      const s = apply(
        register('major_decision', ['PUBLIC'], at('2026-12-07')),
        { type: 'record_research_item', item: { kind: 'public_comment', openedAt: at('2026-12-07'), closesAt: at('2027-01-06', '17:00'), channel: '网站' } },
        people.drafter,
        at('2026-12-07'),
      );
      expect(deadlines(s, config, withProvisional)).toEqual([
        expect.objectContaining({ key: 'comment_window', dueAt: at('2027-01-06', '17:00'), remindAt: '2027-01-04T16:00:00.000Z', provisional: true }),
      ]);
    });

    it('once the 2027 notice is loaded the same clocks are official, and move where the notice differs', () => {
      // Made up for the test: the notice bridges Mon 4 Jan and has Sat 9 Jan worked (NOT the real notice).
      const notice = { ...provisionalYear(2027), notice: '测试用', remarks: [], off: [{ from: '2027-01-01', to: '2027-01-04', name: '元旦' }], makeupWorkdays: ['2027-01-09'] };
      const loaded = withProvisionalYears(calendarFromYears([...calendarToYears(cal), notice]));
      let s = doResearch(register('major_decision', [], at('2026-12-28')), at('2026-12-28'));
      s = apply(s, { type: 'submit_for_review' }, people.drafter, at('2026-12-28'));
      const dl = deadlines(s, config, loaded);
      // 29, 30, 31 Dec, 5, 6, 7, 8 Jan = 7 (was Thu 7 Jan); Sat 9 Jan worked, so the 15th is still Tue 19 Jan.
      expect(dl.map((d) => [d.key, d.dueAt, d.provisional])).toEqual([
        ['legality_review_time_limit', '2027-01-19T15:59:59.999Z', undefined],
        ['legality_review_minimum', '2027-01-08T15:59:59.999Z', undefined],
      ]);
    });

    it('beyond the window (2028) the clock is still not computed, with the warning', () => {
      let s = doResearch(register('major_decision', [], at('2027-12-27')), at('2027-12-27'));
      s = apply(s, { type: 'submit_for_review' }, people.drafter, at('2027-12-27'));
      const dl = deadlines(s, config, withProvisional);
      expect(dl.every((d) => d.dueAt === null && /2028/.test(d.warning ?? '') && d.provisional === undefined)).toBe(true);
      expect(dl).toHaveLength(2);
    });
  });
});

describe('calendar-day clocks near the end of the holiday data', () => {
  /** Signed and published on `day` (the same matter; only its dates moved). */
  function publishedOn(day: string): MatterState {
    let s = toAwaitingMeeting('normative_document', []);
    s = apply(s, { type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body: 'director_office_meeting' }, people.secretary, at('2025-03-03'));
    s = apply(s, { type: 'record_meeting', record: meetingRecord() }, people.secretary, at('2025-03-20', '18:00'));
    s = apply(s, { type: 'sign_and_number', versionHash: currentHashOf(s), documentNumber: 'n', signedBy: 'h' }, people.secretary, at('2025-03-21'));
    s = apply(s, { type: 'publish', channel: '网站', reference: 'u' }, people.secretary, at('2025-03-24'));
    const moved = JSON.parse(JSON.stringify(s)) as MatterState;
    moved.postDecision.signing!.at = at(day);
    moved.postDecision.publication!.at = at(day);
    return moved;
  }

  test('备案 and archiving keep their due dates when only their working-day reminder would read a year without data', () => {
    // Official 2024–2026, provisional 2027: a reminder before a due date in January 2028 cannot be counted back.
    const clocks = deadlines(publishedOn('2027-12-24'), config, withProvisionalYears(cal));
    const filing = clocks.find((d) => d.key === 'filing_deadline')!;
    const archive = clocks.find((d) => d.key === 'archive_deadline')!;
    expect(filing.dueAt && chinaDateOf(Date.parse(filing.dueAt))).toBe('2028-01-13');
    expect(archive.dueAt && chinaDateOf(Date.parse(archive.dueAt))).toBe('2028-01-03');
    expect([filing.remindAt, filing.warning]).toEqual([undefined, undefined]);
    expect(nextObligationDue(clocks)).toBe(archive.dueAt);
  });
});

describe('dates people read in the trail', () => {
  test('the signing\'s summary shows the effective date and expiry as Beijing dates (sent as Beijing midnight, not the UTC day before)', () => {
    let s = toAwaitingMeeting('normative_document', []);
    s = apply(s, { type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body: 'director_office_meeting' }, people.secretary, at('2025-03-03'));
    s = apply(s, { type: 'record_meeting', record: meetingRecord() }, people.secretary, at('2025-03-20', '18:00'));
    const sign = { type: 'sign_and_number', versionHash: currentHashOf(s), signedBy: '局长', effectiveAt: '2025-05-01T00:00:00+08:00', expiresAt: '2030-05-01T00:00:00+08:00' } as Command;
    const d = decide(s, withRoster(s, sign), { actor: people.secretary, now: at('2025-03-21'), config, calendar: cal, documentRegister: { assigned: { number: '南文旅规〔2025〕1号', series: 'gui', year: 2025, seq: 1 } } });
    if (!d.ok) throw new Error(`${d.code} ${d.reason}`);
    expect(d.event.summary).toBe('签发编号：南文旅规〔2025〕1号，2025-05-01起施行，有效期至2030-05-01');
  });
});
