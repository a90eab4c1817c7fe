/**
 * Provisional years from 全国年节及纪念日放假办法 arts. 2 and 6, checked by hand for 2027 and against the
 * official notices for 2024–2026 (they must agree on every named day; they differ only by the notices'
 * 调休, which a provisional year never guesses).
 */
import {
  defaultCalendar,
  holidayYearOf,
  isWeekend,
  isWorkingDay,
  makeUpDaysOff,
  namedDaysOff,
  provisionalYear,
  type HolidayYear,
} from '../../../domain/calendar';

const official = defaultCalendar();

/** Every date of a year, by Date (independent of the module's day arithmetic). */
function datesOf(year: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

function isOff(y: HolidayYear, date: string): boolean {
  if (y.makeupWorkdays.includes(date)) return false;
  return y.off.some((r) => r.from <= date && date <= r.to) || isWeekend(date);
}

describe('2027, computed by hand from the 放假办法 and a printed almanac', () => {
  test('第二条: the named days (除夕 2027-02-05 is 腊月二十九; 清明 5 Apr; 端午 9 Jun; 中秋 15 Sep)', () => {
    expect(namedDaysOff(2027)).toEqual([
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-02-05', name: '春节' },
      { date: '2027-02-06', name: '春节' },
      { date: '2027-02-07', name: '春节' },
      { date: '2027-02-08', name: '春节' },
      { date: '2027-04-05', name: '清明节' },
      { date: '2027-05-01', name: '劳动节' },
      { date: '2027-05-02', name: '劳动节' },
      { date: '2027-06-09', name: '端午节' },
      { date: '2027-09-15', name: '中秋节' },
      { date: '2027-10-01', name: '国庆节' },
      { date: '2027-10-02', name: '国庆节' },
      { date: '2027-10-03', name: '国庆节' },
    ]);
  });

  test('第六条: six named days fall on a weekend and are made up on the following working days', () => {
    expect(makeUpDaysOff(namedDaysOff(2027)).map((m) => [m.for, m.date])).toEqual([
      ['2027-02-06', '2027-02-09'], // 初一 Sat → Tue
      ['2027-02-07', '2027-02-10'], // 初二 Sun → Wed
      ['2027-05-01', '2027-05-03'], // Sat → Mon
      ['2027-05-02', '2027-05-04'], // Sun → Tue
      ['2027-10-02', '2027-10-04'], // Sat → Mon
      ['2027-10-03', '2027-10-05'], // Sun → Tue
    ]);
  });

  test('the year as holiday data: ranges over the adjacent weekends, no 调休上班', () => {
    const y = provisionalYear(2027);
    expect(y.off).toEqual([
      { from: '2027-01-01', to: '2027-01-03', name: '元旦' },
      { from: '2027-02-05', to: '2027-02-10', name: '春节' },
      { from: '2027-04-03', to: '2027-04-05', name: '清明节' },
      { from: '2027-05-01', to: '2027-05-04', name: '劳动节' },
      { from: '2027-06-09', to: '2027-06-09', name: '端午节' },
      { from: '2027-09-15', to: '2027-09-15', name: '中秋节' },
      { from: '2027-10-01', to: '2027-10-05', name: '国庆节' },
    ]);
    expect(y.makeupWorkdays).toEqual([]);
    expect(y.notice).toMatch(/^暂定/);
    expect(y.remarks?.[0]).toContain('不含调休上班');
    expect(y.remarks).toContain('2027-02-09 补假：春节 2027-02-06 适逢周六、周日（第六条）。');
  });

  test('working days in 2027: 261 weekdays − 7 named weekdays − 6 补假 = 248', () => {
    const y = provisionalYear(2027);
    const weekdays = datesOf(2027).filter((d) => !isWeekend(d));
    expect(weekdays).toHaveLength(261);
    // Named days on weekdays: 1 Jan, 5 & 8 Feb, 5 Apr, 9 Jun, 15 Sep, 1 Oct = 7; plus 6 补假.
    expect(weekdays.filter((d) => !isOff(y, d))).toHaveLength(261 - 7 - 6);
  });

  test('each call gets its own copy', () => {
    const a = provisionalYear(2027);
    a.off[0]!.to = '2027-12-31';
    a.makeupWorkdays.push('2027-01-09');
    expect(provisionalYear(2027).off[0]!.to).toBe('2027-01-03');
    expect(provisionalYear(2027).makeupWorkdays).toEqual([]);
  });
});

describe('第六条 补假', () => {
  test('a Saturday holiday is made up on the Monday after (2025 端午 Sat 31 May → Mon 2 Jun, as the notice did)', () => {
    expect(makeUpDaysOff([{ date: '2025-05-31', name: '端午节' }])).toEqual([{ date: '2025-06-02', name: '端午节', for: '2025-05-31', reason: 'weekend' }]);
  });

  test('a Sunday holiday on the Monday (2026 清明 Sun 5 Apr → Mon 6 Apr, as the notice did)', () => {
    expect(makeUpDaysOff([{ date: '2026-04-05', name: '清明节' }]).map((m) => m.date)).toEqual(['2026-04-06']);
  });

  test('made-up days skip days already off, also another holiday\'s (2024: 中秋 Tue 17 Sep is not taken)', () => {
    const named = [
      { date: '2024-09-14', name: 'X' }, // Sat
      { date: '2024-09-16', name: 'X' }, // Mon
      { date: '2024-09-17', name: 'Y' }, // Tue, another holiday
    ];
    expect(makeUpDaysOff(named).map((m) => m.date)).toEqual(['2024-09-18']);
  });

  test('a named day on the same day as another is made up too (2028: 中秋 = 国庆 3 Oct; 2031: 中秋 = 1 Oct)', () => {
    const m2028 = makeUpDaysOff(namedDaysOff(2028)).filter((m) => m.for >= '2028-10-01');
    expect(m2028.map((m) => [m.for, m.reason, m.date])).toEqual([
      ['2028-10-01', 'weekend', '2028-10-04'],
      ['2028-10-03', 'same_day_as_another', '2028-10-05'],
    ]);
    expect(provisionalYear(2028).off.find((r) => r.from <= '2028-10-01' && '2028-10-01' <= r.to)).toEqual({ from: '2028-09-30', to: '2028-10-05', name: '国庆节+中秋节' });
    const m2031 = makeUpDaysOff(namedDaysOff(2031)).filter((m) => m.for >= '2031-10-01');
    expect(m2031.map((m) => [m.for, m.reason, m.date])).toEqual([['2031-10-01', 'same_day_as_another', '2031-10-06']]);
  });

  test('a named day on a weekend AND on another named day is made up once per holiday (2009-like: 中秋 = 国庆 Sat 3 Oct)', () => {
    const named = [
      { date: '2009-10-01', name: '国庆节' },
      { date: '2009-10-02', name: '国庆节' },
      { date: '2009-10-03', name: '国庆节' },
      { date: '2009-10-03', name: '中秋节' },
    ];
    // The 2009 notice: 1–8 Oct off with Sun 27 Sep and Sat 10 Oct worked = 4 weekdays net, as here.
    expect(makeUpDaysOff(named).map((m) => m.date)).toEqual(['2009-10-05', '2009-10-06']);
  });

  test('元旦 on a Sunday is made up on Monday 2 January (2034), not in the year before', () => {
    expect(provisionalYear(2034).off[0]).toEqual({ from: '2034-01-01', to: '2034-01-02', name: '元旦' });
  });

  test.each(Array.from({ length: 2099 - 2025 + 1 }, (_, i) => 2025 + i))('%i: every named weekday and 补假 is off, nothing else on a weekday, no 调休上班', (year) => {
    const y = provisionalYear(year);
    const named = namedDaysOff(year);
    const madeUp = makeUpDaysOff(named);
    const expectedOffWeekdays = new Set([...named.map((d) => d.date), ...madeUp.map((m) => m.date)].filter((d) => !isWeekend(d)));
    const offWeekdays = datesOf(year).filter((d) => !isWeekend(d) && isOff(y, d));
    expect(offWeekdays).toEqual([...expectedOffWeekdays].sort());
    // 13 named days in all, each worth exactly one weekday off: itself, or its 补假 when on a weekend or shared.
    expect(named).toHaveLength(13);
    expect(offWeekdays).toHaveLength(13);
    expect(y.makeupWorkdays).toEqual([]);
  });
});

describe('provisional 2024–2026 against the official notices', () => {
  // The weekdays each notice gave off beyond the provisional year: its 调休 (bridging days), each paid for
  // by a make-up working Saturday/Sunday. Written out from the notices.
  const BRIDGES: Record<number, string[]> = {
    // 2024 also gave 2 May off by 调休: under the 2013 version of the 办法 then in force it was not a
    // named day (劳动节 was 1 day), under the 2024 revision it is.
    2024: ['2024-02-15', '2024-02-16', '2024-04-05', '2024-05-03', '2024-09-16', '2024-10-04', '2024-10-07'],
    2025: ['2025-02-03', '2025-02-04', '2025-05-05', '2025-10-07', '2025-10-08'],
    2026: ['2026-01-02', '2026-02-20', '2026-02-23', '2026-05-05', '2026-10-06', '2026-10-07'],
  };

  test.each([2025, 2026])('%i: every named day and every 补假 is a day off in the notice', (year) => {
    for (const d of [...namedDaysOff(year), ...makeUpDaysOff(namedDaysOff(year))]) {
      expect([d.date, isWorkingDay(d.date, official)]).toEqual([d.date, false]);
    }
  });

  test('2024: the same, except 除夕 (Fri 9 Feb), a working day in 2024: the revision that made it a day off took effect in 2025', () => {
    const notOff = [...namedDaysOff(2024), ...makeUpDaysOff(namedDaysOff(2024))].filter((d) => isWorkingDay(d.date, official));
    expect(notOff.map((d) => d.date)).toEqual(['2024-02-09']);
    expect(holidayYearOf(official, 2024).remarks?.join(' ')).toContain('2024-02-09');
  });

  test.each([2024, 2025, 2026])('%i: the days the two disagree on are exactly the notice\'s 调休', (year) => {
    const provisional = provisionalYear(year);
    const notice = holidayYearOf(official, year);
    const dates = datesOf(year);
    // Off in the notice, worked provisionally: the bridging weekdays.
    expect(dates.filter((d) => isOff(notice, d) && !isOff(provisional, d))).toEqual(BRIDGES[year]);
    // Worked in the notice, off provisionally: its 调休上班 Saturdays/Sundays (and 2024's 除夕).
    expect(dates.filter((d) => !isOff(notice, d) && isOff(provisional, d))).toEqual([...(year === 2024 ? ['2024-02-09'] : []), ...notice.makeupWorkdays].sort());
  });

  test.each([2025, 2026])('%i: the notice moves working days, it adds none: as many bridges as make-up days', (year) => {
    expect(BRIDGES[year]).toHaveLength(holidayYearOf(official, year).makeupWorkdays.length);
  });
});
