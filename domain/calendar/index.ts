/** Working-day calendar and statutory clocks: pure and deterministic, safe inside workflow code. */

export {
  CalendarYearMissingError,
  HolidayYearInvalidError,
  calendarFromYears,
  calendarToYears,
  defaultCalendar,
  holidayYearOf,
  isProvisionalYear,
  lastNoticeYear,
  parseHolidayYear,
  provisionalYearsBetween,
  withProvisionalYears,
  PROVISIONAL_WINDOW_YEARS,
  type HolidayCalendar,
  type HolidayYear,
} from './holidayCalendar';
export {
  addCalendarDays,
  addWorkingDays,
  calendarDaysBetween,
  isValidDate,
  isWorkingDay,
  workingDayCountingBack,
  workingDaysBetween,
} from './workingDays';
export { isWeekend, weekdayOf } from './isoDate';
export { chinaDateOf, chinaDayText, endOfChinaDay, formatInstant, parseInstant, startOfChinaDay } from './chinaTime';
export {
  dueAt,
  effectiveDueAt,
  periodReadsProvisionalYear,
  remindAt,
  type ClockPause,
  type Duration,
  type DurationUnit,
} from './deadline';
export { namedDaysOff, makeUpDaysOff, provisionalYear, HOLIDAY_MEASURES, type NamedDayOff, type MakeUpDayOff } from './provisionalYear';
export { lunarNewYearsEve, lunarToIso, qingmingDay, springFestival } from './lunarDates';
