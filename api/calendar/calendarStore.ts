import { calendarFromYears, calendarToYears, defaultCalendar, parseHolidayYear, withProvisionalYears, type HolidayCalendar, type HolidayYear } from '../../domain/calendar';

/**
 * What the store needs of the holiday_year table: PrismaClient's `holidayYear` is one, a unit test's in-memory
 * table another (typed here, so neither side needs a cast).
 */
export interface HolidayYearTable {
  findMany(): Promise<Array<{ data: unknown }>>;
  upsert(args: {
    where: { year: number };
    create: { year: number; data: never; loadedById: string };
    update: { data: never; loadedById: string; loadedAt: Date };
  }): Promise<unknown>;
}

/**
 * The working-day calendar in force: the built-in official notices (2024–2026) plus any year an admin has
 * loaded since. A loaded year replaces a built-in one of the same year (a corrected notice). The year after
 * the last notice is computed provisionally from the 放假办法 (domain/calendar/provisionalYear.ts).
 */
export class CalendarStore {
  private cached: { years: HolidayYear[]; calendar: HolidayCalendar; until: number } | null = null;
  /** Counts loads here, so a read that overlapped one is not kept (it may predate the new year). */
  private loads = 0;

  /**
   * `ttlMs`: how long this instance keeps the calendar it read (the status endpoint needs it on every call:
   * re-reading and re-building it — the provisional year from the 放假办法 included — cost a database round
   * trip and ~0.7 ms of CPU a request). A year loaded on this instance takes effect here at once (`load`
   * forgets the cache); on other instances within `ttlMs`, like a revoked token. 0 turns the cache off.
   */
  constructor(
    private readonly prisma: { holidayYear: HolidayYearTable },
    private readonly ttlMs = 2_000,
    private readonly now: () => number = Date.now,
  ) {}

  async years(): Promise<HolidayYear[]> {
    return (await this.current()).years;
  }

  /** The official years, with the provisional window (every result that reads it says so). */
  async calendar(): Promise<HolidayCalendar> {
    return (await this.current()).calendar;
  }

  private async current(): Promise<{ years: HolidayYear[]; calendar: HolidayCalendar }> {
    const t = this.now();
    if (this.cached && this.cached.until > t) return this.cached;
    const loadsBefore = this.loads;
    const years = await this.readYears();
    const fresh = { years, calendar: withProvisionalYears(calendarFromYears(years)), until: t + this.ttlMs };
    if (this.ttlMs > 0 && this.loads === loadsBefore) this.cached = fresh;
    return fresh;
  }

  private async readYears(): Promise<HolidayYear[]> {
    const builtIn = calendarToYears(defaultCalendar());
    const loaded = (await this.prisma.holidayYear.findMany()).map((row) => parseHolidayYear(row.data));
    const byYear = new Map(builtIn.map((y) => [y.year, y]));
    for (const y of loaded) byYear.set(y.year, y);
    return [...byYear.values()].sort((a, b) => a.year - b.year);
  }

  /** Validates and stores a year's notice; throws HolidayYearInvalidError naming the bad field. */
  async load(raw: unknown, loadedById: string): Promise<HolidayYear> {
    const year = parseHolidayYear(raw);
    await this.prisma.holidayYear.upsert({
      where: { year: year.year },
      create: { year: year.year, data: year as never, loadedById },
      update: { data: year as never, loadedById, loadedAt: new Date() },
    });
    this.forget();
    return year;
  }

  /** A year was loaded through another store (the admin route's, bound to its transaction): read the table again. */
  forget(): void {
    this.loads++;
    this.cached = null;
  }
}
