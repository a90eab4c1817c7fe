import type { PrismaClient } from '../../prisma/generated/client';
import { calendarFromYears, calendarToYears, defaultCalendar, parseHolidayYear, withProvisionalYears, type HolidayCalendar, type HolidayYear } from '../../domain/calendar';

/**
 * The working-day calendar in force: the built-in official notices (2024–2026) plus any year an admin has
 * loaded since. A loaded year replaces a built-in one of the same year (a corrected notice). The year after
 * the last notice is computed provisionally from the 放假办法 (domain/calendar/provisionalYear.ts).
 */
export class CalendarStore {
  constructor(private readonly prisma: PrismaClient) {}

  async years(): Promise<HolidayYear[]> {
    const builtIn = calendarToYears(defaultCalendar());
    const loaded = (await this.prisma.holidayYear.findMany()).map((row) => parseHolidayYear(row.data));
    const byYear = new Map(builtIn.map((y) => [y.year, y]));
    for (const y of loaded) byYear.set(y.year, y);
    return [...byYear.values()].sort((a, b) => a.year - b.year);
  }

  /** The official years, with the provisional window (every result that reads it says so). */
  async calendar(): Promise<HolidayCalendar> {
    return withProvisionalYears(calendarFromYears(await this.years()));
  }

  /** Validates and stores a year's notice; throws HolidayYearInvalidError naming the bad field. */
  async load(raw: unknown, loadedById: string): Promise<HolidayYear> {
    const year = parseHolidayYear(raw);
    await this.prisma.holidayYear.upsert({
      where: { year: year.year },
      create: { year: year.year, data: year as never, loadedById },
      update: { data: year as never, loadedById, loadedAt: new Date() },
    });
    return year;
  }
}
