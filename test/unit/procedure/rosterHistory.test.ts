import { rosterChangedUpTo, type RosterSeatDays } from '../../../domain/procedure';

const seat = (userId: string, from: string, to: string | null = null, chairs = false): RosterSeatDays => ({ userId, from, to, chairs });

describe('whether a roster change touches days already begun (rosterChangedUpTo)', () => {
  const today = '2026-12-02';
  const roster = [seat('head', '2020-01-01', null, true), seat('deputy', '2020-01-01'), seat('member', '2022-03-01')];

  it('the same seats, in any order or cut differently, are no change', () => {
    expect(rosterChangedUpTo(roster, [...roster].reverse(), today)).toBe(false);
    expect(rosterChangedUpTo(roster, [seat('head', '2020-01-01', null, true), seat('deputy', '2020-01-01', '2023-06-30'), seat('deputy', '2023-07-01'), seat('member', '2022-03-01')], today)).toBe(false);
  });

  it('seats and ends from tomorrow on are no change of the days begun', () => {
    expect(rosterChangedUpTo(roster, [...roster, seat('new', '2026-12-03')], today)).toBe(false);
    expect(rosterChangedUpTo(roster, [seat('head', '2020-01-01', null, true), seat('deputy', '2020-01-01', '2026-12-02'), seat('member', '2022-03-01')], today)).toBe(false);
  });

  it('a seat added, ended, moved or given the chair on a day up to today is a change', () => {
    expect(rosterChangedUpTo(roster, [...roster, seat('new', '2026-12-02')], today)).toBe(true);
    expect(rosterChangedUpTo(roster, [seat('head', '2020-01-01', null, true), seat('deputy', '2020-01-01', '2026-12-01'), seat('member', '2022-03-01')], today)).toBe(true);
    expect(rosterChangedUpTo(roster, [seat('head', '2020-01-01', null, true), seat('deputy', '2020-01-01'), seat('member', '2022-02-28')], today)).toBe(true);
    expect(rosterChangedUpTo(roster, [seat('head', '2020-01-01', null, true), seat('deputy', '2020-01-01', null, true), seat('member', '2022-03-01')], today)).toBe(true);
    expect(rosterChangedUpTo(roster, roster.slice(0, 2), today)).toBe(true);
  });

  it('a gap between two periods of one person is kept (months without a seat are not merged away)', () => {
    const gap = [seat('deputy', '2020-01-01', '2021-12-31'), seat('deputy', '2023-01-01')];
    expect(rosterChangedUpTo(gap, [seat('deputy', '2020-01-01')], today)).toBe(true);
  });
});
