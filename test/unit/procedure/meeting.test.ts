import { majorityView, quorumMet, type MatterState, type MeetingRecordInput } from '../../../domain/procedure';
import { apply, at, attempt, config, meetingRecord, people, refused, toAwaitingMeeting, withRoster } from './fixtures';

const held = at('2025-03-20', '18:00');
let scheduled: MatterState;
beforeAll(() => {
  scheduled = apply(
    toAwaitingMeeting('major_decision', []),
    { type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body: 'director_office_meeting' },
    people.secretary,
    at('2025-03-14'),
  );
});
const recordWith = (overrides: Partial<MeetingRecordInput>) =>
  attempt(scheduled, { type: 'record_meeting', record: meetingRecord(overrides) }, people.secretary, held);

describe('quorum', () => {
  it('default: more than half of the members must take part (3 of 5 ok, 2 of 5 not, 2 of 4 not)', () => {
    expect(quorumMet(3, 5, config.quorum)).toBe(true);
    expect(quorumMet(2, 5, config.quorum)).toBe(false);
    expect(quorumMet(2, 4, config.quorum)).toBe(false);
    expect(quorumMet(2, 4, { minAttendingFraction: 0.5, strictlyMore: false })).toBe(true);
    expect(quorumMet(0, 0, config.quorum)).toBe(false);
  });

  it('refuses a record below quorum and names the numbers', () => {
    const r = refused(
      recordWith({
        attendees: ['head', 'm1'],
        absentees: ['m2', 'm3', 'm4'],
        views: [
          { memberId: 'm1', view: 'approve' },
          { memberId: 'head', view: 'approve' },
        ],
      }),
    );
    expect(r).toMatchObject({ status: 422, code: 'QUORUM_NOT_MET' });
    expect(r.reason).toContain('2 of 5');
  });

  it('recused members do not count towards the quorum', () => {
    const r = refused(
      recordWith({
        attendees: ['head', 'm1', 'm2'],
        absentees: ['m3', 'm4'],
        recusals: [{ memberId: 'm2', reason: '近亲属任职于相关企业' }],
        views: [
          { memberId: 'm1', view: 'approve' },
          { memberId: 'head', view: 'approve' },
        ],
      }),
    );
    expect(r.code).toBe('QUORUM_NOT_MET');
  });

  it('uses the configured rule', () => {
    const lenient = { ...config, quorum: { minAttendingFraction: 0.4, strictlyMore: false } };
    const d = attempt(
      scheduled,
      {
        type: 'record_meeting',
        record: meetingRecord({
          attendees: ['head', 'm1'],
          absentees: ['m2', 'm3', 'm4'],
          views: [
            { memberId: 'm1', view: 'approve' },
            { memberId: 'head', view: 'approve' },
          ],
        }),
      },
      people.secretary,
      held,
      lenient,
    );
    expect(d.ok).toBe(true);
  });
});

describe('roster', () => {
  it('attendees and absentees must be exactly the members', () => {
    expect(refused(recordWith({ absentees: [] })).code).toBe('ROSTER_INCONSISTENT');
    expect(refused(recordWith({ absentees: ['m4', 'head'] })).code).toBe('ROSTER_INCONSISTENT');
    expect(refused(recordWith({ absentees: ['m4', 'outsider'] })).code).toBe('ROSTER_INCONSISTENT');
  });
  it('only attendees speak', () => {
    const r = refused(
      recordWith({
        views: [
          { memberId: 'm1', view: 'approve' },
          { memberId: 'm2', view: 'approve' },
          { memberId: 'm3', view: 'approve' },
          { memberId: 'm4', view: 'approve' },
          { memberId: 'head', view: 'approve' },
        ],
      }),
    );
    expect(r).toMatchObject({ code: 'VIEW_FROM_NON_ATTENDEE' });
  });
  it('every attending, non-recused member gives a view', () => {
    const r = refused(recordWith({ views: [{ memberId: 'm1', view: 'approve' }, { memberId: 'head', view: 'approve' }] }));
    expect(r.code).toBe('VIEWS_MISSING');
    expect(r.reason).toContain('m2, m3');
  });
});

describe('recusal', () => {
  it('a recused member gives no view', () => {
    const r = refused(recordWith({ recusals: [{ memberId: 'm3', reason: '利害关系' }] }));
    expect(r).toMatchObject({ code: 'RECUSED_MEMBER_GAVE_VIEW' });
  });

  it('a recused member is kept out of the views and the quorum', () => {
    const s = apply(
      scheduled,
      {
        type: 'record_meeting',
        record: meetingRecord({
          recusals: [{ memberId: 'm3', reason: '利害关系' }],
          views: [
            { memberId: 'm1', view: 'approve' },
            { memberId: 'm2', view: 'approve' },
            { memberId: 'head', view: 'approve' },
          ],
        }),
      },
      people.secretary,
      held,
    );
    expect(s.meeting.records[0]?.recusals).toEqual([{ memberId: 'm3', reason: '利害关系' }]);
  });

  it("the matter's drafter sitting on the body must recuse (configurable)", () => {
    const withDrafter = {
      members: ['head', 'm1', 'm2', 'd1', 'm4'],
      attendees: ['head', 'm1', 'm2', 'd1'],
      absentees: ['m4'],
      views: [
        { memberId: 'm1', view: 'approve' as const },
        { memberId: 'm2', view: 'approve' as const },
        { memberId: 'd1', view: 'approve' as const },
        { memberId: 'head', view: 'approve' as const },
      ],
    };
    // The drafter sits on this body's roster.
    const cmd = withRoster(scheduled, { type: 'record_meeting', record: meetingRecord(withDrafter) }, withDrafter.members);
    expect(refused(attempt(scheduled, cmd, people.secretary, held))).toMatchObject({ code: 'DRAFTER_NOT_RECUSED' });
    const relaxed = { ...config, drafterMustRecuse: false };
    expect(attempt(scheduled, cmd, people.secretary, held, relaxed).ok).toBe(true);
  });
});

describe('the head speaks last and decides (713号令第30条)', () => {
  it('the head must attend', () => {
    expect(refused(recordWith({ headId: 'm4' })).code).toBe('HEAD_NOT_ATTENDING');
  });
  it("the head's view must be the last", () => {
    const r = refused(
      recordWith({
        views: [
          { memberId: 'head', view: 'approve' },
          { memberId: 'm1', view: 'approve' },
          { memberId: 'm2', view: 'approve' },
          { memberId: 'm3', view: 'approve' },
        ],
      }),
    );
    expect(r).toMatchObject({ status: 422, code: 'HEAD_NOT_LAST' });
    expect(r.reason).toContain('行政首长应当最后发表意见');
  });
  it("the outcome is the head's view", () => {
    expect(refused(recordWith({ outcome: 'defer' })).code).toBe('OUTCOME_NOT_HEAD_VIEW');
  });
});

describe('majority, departure reason and dissent', () => {
  const departing = {
    views: [
      { memberId: 'm1', view: 'reject' as const, comment: '财政压力大' },
      { memberId: 'm2', view: 'reject' as const, comment: '时机不成熟' },
      { memberId: 'm3', view: 'approve' as const },
      { memberId: 'head', view: 'approve' as const },
    ],
  };

  it('majorityView counts strictly more than half of the members who spoke', () => {
    expect(majorityView([{ view: 'reject' }, { view: 'reject' }, { view: 'approve' }])).toBe('reject');
    expect(majorityView([{ view: 'reject' }, { view: 'approve' }])).toBeNull();
    expect(majorityView([])).toBeNull();
  });

  it('a decision departing from the majority of members needs a reason', () => {
    const r = refused(recordWith(departing));
    expect(r).toMatchObject({ status: 422, code: 'DEPARTURE_REASON_MISSING' });
    expect(r.reason).toContain('majority: reject, outcome: approve');
  });

  it('with a reason it is recorded, and the dissent is minuted', () => {
    const s = apply(scheduled, { type: 'record_meeting', record: meetingRecord({ ...departing, departureReason: '上级部署，时限紧迫' }) }, people.secretary, held);
    const rec = s.meeting.records[0]!;
    expect(rec.majorityView).toBe('reject');
    expect(rec.departureReason).toBe('上级部署，时限紧迫');
    expect(rec.dissent).toEqual([
      { memberId: 'm1', view: 'reject', comment: '财政压力大' },
      { memberId: 'm2', view: 'reject', comment: '时机不成熟' },
    ]);
    expect(rec).toMatchObject({ body: 'director_office_meeting', recordedBy: 'sec1', heldAt: at('2025-03-20', '15:00'), versionHash: s.versions[0]!.hash });
    expect(s.stage).toBe('post_decision');
  });

  it('no departure reason is needed when there is no majority view', () => {
    const split = {
      views: [
        { memberId: 'm1', view: 'reject' as const, comment: '反对' },
        { memberId: 'm2', view: 'defer' as const, comment: '再议' },
        { memberId: 'm3', view: 'approve' as const },
        { memberId: 'head', view: 'approve' as const },
      ],
    };
    expect(recordWith(split).ok).toBe(true);
  });

  it('a dissenting view must carry its content', () => {
    const r = refused(
      recordWith({
        views: [
          { memberId: 'm1', view: 'reject' },
          { memberId: 'm2', view: 'approve' },
          { memberId: 'm3', view: 'approve' },
          { memberId: 'head', view: 'approve' },
        ],
      }),
    );
    expect(r).toMatchObject({ code: 'DISSENT_NOT_MINUTED' });
    expect(r.reason).toContain('m1');
  });

  it('approve_with_changes needs the changes', () => {
    const views = meetingRecord().views.map((v) => ({ ...v, view: 'approve_with_changes' as const }));
    expect(refused(recordWith({ views, outcome: 'approve_with_changes' })).code).toBe('CHANGES_MISSING');
    expect(recordWith({ views, outcome: 'approve_with_changes', changes: ['第二条修改'] }).ok).toBe(true);
  });
});

describe('recording preconditions', () => {
  it('cannot record a meeting that has not happened yet', () => {
    const d = attempt(scheduled, { type: 'record_meeting', record: meetingRecord() }, people.secretary, at('2025-03-20', '14:00'));
    expect(refused(d).code).toBe('INVALID_INPUT');
  });
  it('re-checks the minimum review time against the day actually held', () => {
    const d = attempt(scheduled, { type: 'record_meeting', record: meetingRecord({ heldAt: at('2025-03-10') }) }, people.secretary, held);
    expect(refused(d).code).toBe('LEGALITY_MIN_TIME');
  });
  it('only the secretary records, only once scheduled', () => {
    expect(refused(attempt(scheduled, { type: 'record_meeting', record: meetingRecord() }, people.legal, held)).status).toBe(403);
    expect(refused(attempt(scheduled, { type: 'record_meeting', record: meetingRecord() }, people.member, held)).status).toBe(403);
    const awaiting = toAwaitingMeeting('major_decision', []);
    expect(refused(attempt(awaiting, { type: 'record_meeting', record: meetingRecord() }, people.secretary, held))).toMatchObject({ status: 409, code: 'WRONG_STAGE' });
  });
});
