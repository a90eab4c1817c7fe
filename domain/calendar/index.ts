/** Working-day calendar and statutory clocks: pure and deterministic, safe inside workflow code. */

export {
  CalendarYearMissingError,
  HolidayYearInvalidError,
  calendarFromYears,
  calendarToYears,
  defaultCalendar,
  holidayYearOf,
  parseHolidayYear,
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
export { chinaDateOf, endOfChinaDay, formatInstant, parseInstant, startOfChinaDay } from './chinaTime';
export {
  dueAt,
  effectiveDueAt,
  remindAt,
  type ClockPause,
  type Duration,
  type DurationUnit,
} from './deadline';
