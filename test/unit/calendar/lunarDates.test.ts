/**
 * The conversion against published calendars (the dates below are written out from the almanacs, not
 * computed), 2020–2035: 春节 (正月初一), 除夕, 端午, 中秋 and the 清明 solar term.
 */
import { lunarNewYearsEve, lunarToIso, qingmingDay, springFestival } from '../../../domain/calendar';

// year: [正月初一, 端午 (5/5), 中秋 (8/15), 清明]
const PUBLISHED: Record<number, [string, string, string, string]> = {
  2020: ['2020-01-25', '2020-06-25', '2020-10-01', '2020-04-04'],
  2021: ['2021-02-12', '2021-06-14', '2021-09-21', '2021-04-04'],
  2022: ['2022-02-01', '2022-06-03', '2022-09-10', '2022-04-05'],
  2023: ['2023-01-22', '2023-06-22', '2023-09-29', '2023-04-05'],
  2024: ['2024-02-10', '2024-06-10', '2024-09-17', '2024-04-04'],
  2025: ['2025-01-29', '2025-05-31', '2025-10-06', '2025-04-04'],
  2026: ['2026-02-17', '2026-06-19', '2026-09-25', '2026-04-05'],
  2027: ['2027-02-06', '2027-06-09', '2027-09-15', '2027-04-05'],
  2028: ['2028-01-26', '2028-05-28', '2028-10-03', '2028-04-04'],
  2029: ['2029-02-13', '2029-06-16', '2029-09-22', '2029-04-04'],
  2030: ['2030-02-03', '2030-06-05', '2030-09-12', '2030-04-05'],
  2031: ['2031-01-23', '2031-06-24', '2031-10-01', '2031-04-05'],
  2032: ['2032-02-11', '2032-06-12', '2032-09-19', '2032-04-04'],
  // 2033 has 闰十一月 (the "2033 problem"): 中秋 stays in September and 2034's 春节 is late.
  2033: ['2033-01-31', '2033-06-01', '2033-09-08', '2033-04-04'],
  2034: ['2034-02-19', '2034-06-20', '2034-09-27', '2034-04-05'],
  2035: ['2035-02-08', '2035-06-10', '2035-09-16', '2035-04-05'],
};

describe.each(Object.entries(PUBLISHED))('%s', (yearText, [spring, duanwu, midAutumn, qingming]) => {
  const year = Number(yearText);

  test(`春节 (正月初一) is ${spring}, 除夕 the day before`, () => {
    expect(springFestival(year)).toBe(spring);
    expect(lunarToIso(year, 1, 1)).toBe(spring);
    const eve = new Date(Date.parse(`${spring}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(lunarNewYearsEve(year)).toBe(eve);
  });

  test(`端午 (五月初五) is ${duanwu}`, () => {
    expect(lunarToIso(year, 5, 5)).toBe(duanwu);
  });

  test(`中秋 (八月十五) is ${midAutumn}`, () => {
    expect(lunarToIso(year, 8, 15)).toBe(midAutumn);
  });

  test(`清明 (the solar term, Beijing time) is ${qingming}`, () => {
    expect(qingmingDay(year)).toBe(qingming);
  });
});

describe('除夕 is the last day of the twelfth month, which may be the 29th', () => {
  // 2025–2029 have no 大年三十 (腊月 has 29 days); 2024 and 2030 do.
  test.each([2025, 2026, 2027, 2028, 2029])('%i: 除夕 is 腊月二十九', (year) => {
    expect(lunarNewYearsEve(year)).toBe(lunarToIso(year - 1, 12, 29));
  });
  test.each([2024, 2030])('%i: 除夕 is 腊月三十', (year) => {
    expect(lunarNewYearsEve(year)).toBe(lunarToIso(year - 1, 12, 30));
  });
  test('a 30th that does not exist is refused, not rolled over', () => {
    expect(() => lunarToIso(2024, 12, 30)).toThrow();
  });
});

test('清明 is a solar date: its lunar date varies, its Gregorian date stays on 4 or 5 April', () => {
  // 2034: the term falls at 01:06 Beijing time on 5 April (still 4 April in UTC): the Beijing day counts.
  expect(qingmingDay(2034)).toBe('2034-04-05');
  for (let year = 2000; year <= 2099; year++) expect(['04-04', '04-05', '04-06']).toContain(qingmingDay(year).slice(5));
});

test.each([1900, 2100, 2026.5, Number.NaN])('year %p is outside the range the engine computes', (year) => {
  expect(() => springFestival(year)).toThrow(RangeError);
  expect(() => qingmingDay(year)).toThrow(RangeError);
});
