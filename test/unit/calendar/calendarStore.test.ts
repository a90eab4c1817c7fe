import { CalendarStore, type HolidayYearTable } from '../../../api/calendar/calendarStore';

// Made up for the test (NOT the real notice), as in the calendar endpoint's integration test.
const notice2027 = {
  year: 2027,
  notice: '国办发明电〔2026〕X号（示例）',
  off: [{ from: '2027-01-01', to: '2027-01-03', name: '元旦' }, { from: '2027-02-05', to: '2027-02-13', name: '春节' }],
  makeupWorkdays: ['2027-02-14'],
};

/** The holiday_year table stand-in: its rows, how often it was read, and a read that can be held open. */
function fakeTable() {
  const rows: Array<{ year: number; data: unknown }> = [];
  let reads = 0;
  let hold: Promise<void> | null = null;
  const holidayYear: HolidayYearTable = {
    findMany: async () => {
      reads++;
      const snapshot = rows.map((r) => ({ ...r }));
      if (hold) await hold;
      return snapshot;
    },
    upsert: async ({ create }) => {
      const i = rows.findIndex((r) => r.year === create.year);
      if (i >= 0) rows.splice(i, 1);
      rows.push({ year: create.year, data: create.data });
    },
  };
  return {
    prisma: { holidayYear },
    get reads() {
      return reads;
    },
    holdReads(): () => void {
      let release = () => undefined as void;
      hold = new Promise<void>((r) => (release = r));
      return () => {
        hold = null;
        release();
      };
    },
  };
}

const officialYears = async (store: CalendarStore) => (await store.years()).map((y) => y.year);

describe('CalendarStore', () => {
  let t = 1_000_000;
  const now = () => t;
  beforeEach(() => {
    t = 1_000_000;
  });

  test('the calendar is read once within the TTL, then read again', async () => {
    const table = fakeTable();
    const store = new CalendarStore(table.prisma, 2_000, now);
    const first = await store.calendar();
    expect(await store.calendar()).toBe(first);
    expect(await store.years()).toEqual(await store.years());
    expect(table.reads).toBe(1);
    t += 2_001;
    await store.calendar();
    expect(table.reads).toBe(2);
  });

  test('a year loaded on this instance is in force here at once; the provisional window moves past it', async () => {
    const table = fakeTable();
    const store = new CalendarStore(table.prisma, 2_000, now);
    expect(await officialYears(store)).not.toContain(2027);
    expect([...((await store.calendar()).provisional?.keys() ?? [])]).toContain(2027);
    await store.load(notice2027, 'admin');
    expect(await officialYears(store)).toContain(2027);
    expect([...((await store.calendar()).provisional?.keys() ?? [])]).toEqual([2028]);
  });

  test('a read that overlapped a load is not kept: the next call reads the loaded year', async () => {
    const table = fakeTable();
    const store = new CalendarStore(table.prisma, 2_000, now);
    const release = table.holdReads();
    const overlapping = store.years(); // read the table before the load, answers after it
    await store.load(notice2027, 'admin');
    release();
    expect((await overlapping).map((y) => y.year)).not.toContain(2027);
    expect(await officialYears(store)).toContain(2027);
  });

  test('TTL 0 reads the table every time', async () => {
    const table = fakeTable();
    const store = new CalendarStore(table.prisma, 0, now);
    await store.calendar();
    await store.calendar();
    expect(table.reads).toBe(2);
  });
});
