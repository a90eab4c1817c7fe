/**
 * The 2024–2026 schedule written out again here from the State Council notices (not read from the data
 * file), so a typo in the shipped JSON shows up as a failing day.
 */
import { defaultCalendar, isWorkingDay, weekdayOf, workingDaysBetween } from '../../../domain/calendar';

type Schedule = { off: Array<[from: string, to: string, name: string]>; makeup: string[]; workingDays: number };

// 国办发明电〔2023〕7号; 国办发明电〔2024〕12号; 2026 notice of 2025-11-04.
const OFFICIAL: Record<number, Schedule> = {
  2024: {
    off: [
      ['2024-01-01', '2024-01-01', '元旦'],
      ['2024-02-10', '2024-02-17', '春节'],
      ['2024-04-04', '2024-04-06', '清明节'],
      ['2024-05-01', '2024-05-05', '劳动节'],
      ['2024-06-10', '2024-06-10', '端午节'],
      ['2024-09-15', '2024-09-17', '中秋节'],
      ['2024-10-01', '2024-10-07', '国庆节'],
    ],
    makeup: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
    // 262 weekdays − 19 weekdays off + 8 make-up days.
    workingDays: 251,
  },
  2025: {
    off: [
      ['2025-01-01', '2025-01-01', '元旦'],
      ['2025-01-28', '2025-02-04', '春节'],
      ['2025-04-04', '2025-04-06', '清明节'],
      ['2025-05-01', '2025-05-05', '劳动节'],
      ['2025-05-31', '2025-06-02', '端午节'],
      ['2025-10-01', '2025-10-08', '国庆节+中秋节'],
    ],
    makeup: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    // 261 weekdays − 18 weekdays off + 5 make-up days.
    workingDays: 248,
  },
  2026: {
    off: [
      ['2026-01-01', '2026-01-03', '元旦'],
      ['2026-02-15', '2026-02-23', '春节'],
      ['2026-04-04', '2026-04-06', '清明节'],
      ['2026-05-01', '2026-05-05', '劳动节'],
      ['2026-06-19', '2026-06-21', '端午节'],
      ['2026-09-25', '2026-09-27', '中秋节'],
      ['2026-10-01', '2026-10-07', '国庆节'],
    ],
    makeup: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
    // 261 weekdays − 19 weekdays off + 6 make-up days.
    workingDays: 248,
  },
};

const cal = defaultCalendar();

/** Days of a year via Date (independent of the module's own day arithmetic). */
function daysOf(year: number): Array<{ date: string; weekday: number }> {
  const out: Array<{ date: string; weekday: number }> = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    const d = new Date(t);
    out.push({ date: d.toISOString().slice(0, 10), weekday: d.getUTCDay() });
  }
  return out;
}

describe.each(Object.entries(OFFICIAL))('official schedule %s', (yearText, schedule) => {
  const year = Number(yearText);

  test.each(schedule.off)('every day from %s to %s (%s, 放假) is a day off', (from, to) => {
    const days = daysOf(year).filter(({ date }) => date >= from && date <= to);
    expect(days.length).toBeGreaterThan(0);
    for (const { date } of days) expect([date, isWorkingDay(date, cal)]).toEqual([date, false]);
  });

  test.each(schedule.makeup)('%s is a Saturday/Sunday worked as 调休上班', (date) => {
    expect([0, 6]).toContain(new Date(`${date}T00:00:00Z`).getUTCDay());
    expect(isWorkingDay(date, cal)).toBe(true);
  });

  test('every other day of the year follows the plain Mon–Fri week', () => {
    const offDays = (date: string) => schedule.off.some(([from, to]) => date >= from && date <= to);
    const mismatches = daysOf(year)
      .filter(({ date }) => !offDays(date) && !schedule.makeup.includes(date))
      .filter(({ date, weekday }) => isWorkingDay(date, cal) !== (weekday >= 1 && weekday <= 5))
      .map(({ date }) => date);
    expect(mismatches).toEqual([]);
  });

  test(`the year has ${schedule.workingDays} working days`, () => {
    expect(workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`, cal)).toBe(schedule.workingDays);
  });

  test('weekdayOf agrees with Date#getUTCDay on every day', () => {
    const wrong = daysOf(year).filter(({ date, weekday }) => weekdayOf(date) !== weekday);
    expect(wrong).toEqual([]);
  });
});

describe('days the notices single out', () => {
  test.each([
    ['2024-02-04', true, 'Sunday before 春节 2024 is worked (调休上班)'],
    ['2024-02-09', true, '除夕 2024 (Friday) stayed an official working day'],
    ['2024-02-10', false, '春节 2024 starts on Saturday 02-10'],
    ['2024-02-17', false, '春节 2024 ends on Saturday 02-17'],
    ['2024-02-18', true, 'Sunday after 春节 2024 is worked'],
    ['2024-02-19', true, 'Monday after 春节 2024 is an ordinary working day'],
    ['2025-01-26', true, 'Sunday before 春节 2025 is worked'],
    ['2025-01-27', true, 'Monday before 春节 2025 is an ordinary working day'],
    ['2025-01-28', false, '除夕 2025 is off (new 2024 rules)'],
    ['2025-02-08', true, 'Saturday after 春节 2025 is worked'],
    ['2025-09-28', true, 'Sunday before 国庆 2025 is worked'],
    ['2025-10-08', false, '国庆+中秋 2025 runs through Wednesday 10-08'],
    ['2025-10-09', true, 'first working day after 国庆 2025'],
    ['2025-10-11', true, 'Saturday after 国庆 2025 is worked'],
    ['2026-01-02', false, '元旦 2026 includes Friday 01-02'],
    ['2026-01-04', true, 'Sunday after 元旦 2026 is worked'],
    ['2026-02-14', true, 'Saturday before 春节 2026 is worked'],
    ['2026-02-23', false, '春节 2026 runs through Monday 02-23'],
    ['2026-02-28', true, 'Saturday after 春节 2026 is worked'],
    ['2026-09-20', true, 'Sunday before 中秋 2026 is worked'],
    ['2026-09-25', false, '中秋 2026 includes Friday 09-25'],
    ['2026-10-10', true, 'Saturday after 国庆 2026 is worked'],
    ['2026-10-11', false, 'an ordinary Sunday stays a rest day'],
  ])('%s working=%s: %s', (date, working) => {
    expect(isWorkingDay(date, cal)).toBe(working);
  });
});
