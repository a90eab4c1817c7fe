import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import {
  addWorkingDays,
  calendarFromYears,
  calendarToYears,
  chinaDateOf,
  defaultCalendar,
  dueAt,
  lastNoticeYear,
  provisionalYear,
  withProvisionalYears,
  workingDaysBetween,
  type HolidayYear,
} from '../../domain/calendar';
import { api, startTestSystem } from './support/testSystem';
import { createCast, Driver, type Cast } from './support/drive';
import { recordHistory } from './support/histories';
import type { System } from '../../app/system';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A clock reaching into a year whose holiday notice is not out yet runs on the provisional year (computed
 * from the 放假办法) and says so, in the API and in the workflow's reminders; loading the notice recomputes
 * it in both and clears the flag. Through the real workflow, the HTTP API and its own embedded database
 * (the holiday years loaded here must not reach other test files).
 *
 * The test does not depend on today's date: made-up notices (NOT the real ones) are loaded for every year
 * from 2027 to this one, so that next year is always the provisional one, and the review time limit is
 * set to end in January of it.
 */
describe('a deadline in a year without its holiday notice', () => {
  const today = chinaDateOf(Date.now());
  const thisYear = Number(today.slice(0, 4));
  const madeUp = (year: number): HolidayYear => ({ ...provisionalYear(year), notice: `测试用通知 ${year}（非真实通知）`, remarks: [] });
  const earlierNotices = Array.from({ length: Math.max(0, thisYear - lastNoticeYear(defaultCalendar())!) }, (_, i) => madeUp(2027 + i));
  const provisionalYearNumber = thisYear + 1;
  const before = withProvisionalYears(calendarFromYears([...calendarToYears(defaultCalendar()), ...earlierNotices]));
  // Review time limit: from today to 20 January of the provisional year, in working days.
  const limit = workingDaysBetween(today, `${provisionalYearNumber}-01-20`, before);

  let system: System;
  let http: ReturnType<typeof api>;
  let cast: Cast;
  let drive: Driver;

  beforeAll(async () => {
    const configPath = path.join(process.env.TEST_ROOT!, `procedure-${crypto.randomUUID()}.json`);
    fs.writeFileSync(configPath, JSON.stringify({
      kinds: { normative_document: { legalityReviewTimeLimit: { amount: limit, unit: 'working_days' } } },
      // A reminder lead longer than the clock: the workflow reminds at once, so its clocks can be observed.
      reminderLead: { amount: 400, unit: 'calendar_days' },
    }));
    system = await startTestSystem({ embedded: true, env: { PROCEDURE_CONFIG_PATH: configPath } });
    http = api(system);
    cast = await createCast(system, 3);
    drive = new Driver(http, cast);
    for (const notice of earlierNotices) expect((await http.put(`/api/v1/calendar/years/${notice.year}`, cast.admin, notice)).status).toBe(200);
  });
  afterAll(async () => {
    await system?.stop();
  });

  type Clock = { key: string; dueAt: string | null; startedAt: string; provisional?: true };
  type Note = { kind: string; deadlineKey: string; dueAt: string; provisional?: true };
  type View = { deadlines: Clock[]; nextDueAt: string | null; workflow: { source: string; notifications: Note[] } };
  /** The matter as the API serves it: from the projection, or (`live`) from the workflow itself. */
  const matter = async (id: string, live = false) => (await http.get(`/api/v1/matters/${id}${live ? '?live=true' : ''}`, cast.legal)).body as View;
  const reminderIn = (v: View, due: string) => v.workflow.notifications.find((n) => n.kind === 'reminder' && n.deadlineKey === 'legality_review_time_limit' && n.dueAt === due);
  /**
   * Waits (bounded) for the workflow to raise a reminder for the review time limit due at `due`, and returns
   * it as the workflow holds it and as the projection (the trail entry) shows it.
   */
  const reminderFor = async (id: string, due: string): Promise<{ workflow: Note; projection: Note | undefined }> => {
    for (let i = 0; i < 100; i++) {
      const live = await matter(id, true);
      expect(live.workflow.source).toBe('workflow');
      const found = reminderIn(live, due);
      if (found) return { workflow: found, projection: reminderIn(await matter(id), due) };
      await sleep(200);
    }
    throw new Error(`no reminder for the review time limit due ${due}: ${JSON.stringify((await matter(id, true)).workflow.notifications)}`);
  };

  test('provisional in the API and in the workflow; the notice moves the due date and clears the flag in both', async () => {
    const id = await drive.toLegalityReview('normative_document', []);
    const first = (await matter(id)).deadlines.find((d) => d.key === 'legality_review_time_limit')!;
    const provisionalDue = dueAt(first.startedAt, { amount: limit, unit: 'working_days' }, before);
    expect(chinaDateOf(Date.parse(provisionalDue)).slice(0, 4)).toBe(String(provisionalYearNumber));
    expect(first).toMatchObject({ dueAt: provisionalDue, provisional: true });
    // The workflow runs the clock on the same provisional year and its reminder says so.
    const provisionalReminder = await reminderFor(id, provisionalDue);
    expect(provisionalReminder.workflow).toMatchObject({ provisional: true });
    expect(provisionalReminder.projection).toMatchObject({ provisional: true });
    const trail = (await http.get(`/api/v1/matters/${id}/trail`, cast.auditor)).body.items as Array<{ action: string; reason: string | null }>;
    expect(trail.find((t) => t.action === 'deadline_reminder')?.reason).toMatch(/provisional/);

    // The (made-up) notice gives the first working day of the year off, before the due date: one day later.
    const bridge = addWorkingDays(`${provisionalYearNumber - 1}-12-31`, 1, before);
    const base = madeUp(provisionalYearNumber);
    const notice = { ...base, off: [...base.off, { from: bridge, to: bridge, name: '测试调休' }] };
    const after = withProvisionalYears(calendarFromYears([...calendarToYears(before), notice]));
    const officialDue = dueAt(first.startedAt, { amount: limit, unit: 'working_days' }, after);
    expect(officialDue).not.toBe(provisionalDue);
    const loaded = await http.put(`/api/v1/calendar/years/${provisionalYearNumber}`, cast.admin, notice);
    expect(loaded.status).toBe(200);
    expect(loaded.body.openMattersNotified).toBeGreaterThanOrEqual(1);

    const now = await matter(id);
    const clock = now.deadlines.find((d) => d.key === 'legality_review_time_limit')!;
    expect(clock.dueAt).toBe(officialDue);
    expect(clock).not.toHaveProperty('provisional');
    expect(now.deadlines.some((d) => d.provisional)).toBe(false);
    // The list projection follows the notice without waiting for the next action.
    expect(now.nextDueAt === null ? null : Date.parse(now.nextDueAt)).toBe(Date.parse(officialDue));
    // The workflow recomputed its clock on the notice: a new reminder for the new date, not provisional.
    const officialReminder = await reminderFor(id, officialDue);
    expect(officialReminder.workflow).not.toHaveProperty('provisional');
    expect(officialReminder.projection).toBeDefined();
    expect(officialReminder.projection).not.toHaveProperty('provisional');

    // The window moved on with the notice: the year after it is provisional, the one after that refused.
    const next = await http.get(`/api/v1/calendar/working-days?from=${provisionalYearNumber}-12-30&add=3`, null);
    expect(next.body.provisional).toBe(true);
    const far = await http.get(`/api/v1/calendar/working-days?from=${provisionalYearNumber + 1}-12-30&add=3`, null);
    expect([far.status, far.body.code]).toEqual([422, 'calendar_year_missing']);

    await drive.ok(id, cast.drafter, { type: 'withdraw', reason: '测试结束' });
    await recordHistory(system.client, `matter-${id}`, 'provisional-calendar-year-then-notice');
  });
});
