import { api, shortClocksConfigFile, startTestSystem, type TestPerson } from './support/testSystem';
import { createCast, Driver, type Cast } from './support/drive';
import { refreshStaleProjections } from '../../api/matters/refreshProjection';
import { loadProcedureConfig } from '../../platform/procedureConfig';
import { CalendarStore } from '../../api/calendar/calendarStore';
import type { System } from '../../app/system';

/**
 * Whose turn it is, through the real stack: the matter view names the duties and the deadline that binds
 * them, the projection written with each action answers "waiting for me" in the list, and the minimum
 * review time (an earliest time) is never a due date — not in the view, not in the list, not in "overdue".
 */
describe('whose turn, next due and waiting-for-me', () => {
  let system: System;
  let http: ReturnType<typeof api>;
  let cast: Cast;
  let drive: Driver;
  const configPath = shortClocksConfigFile();
  beforeAll(async () => {
    system = await startTestSystem({ env: { PROCEDURE_CONFIG_PATH: configPath } });
    http = api(system);
    cast = await createCast(system);
    drive = new Driver(http, cast);
  });
  afterAll(async () => {
    await system?.stop();
  });

  const ids = async (who: TestPerson, query: string) =>
    ((await http.get(`/api/v1/matters?${query}`, who)).body.items as Array<{ id: string; awaitsMe: boolean }>).map((m) => m.id);

  test('each step names who must act; the list\'s awaitingMe follows the projection', async () => {
    const id = await drive.register('normative_document', []);
    let view = (await http.get(`/api/v1/matters/${id}`, cast.legal)).body;
    expect(view.turn).toEqual([expect.objectContaining({ roles: ['drafter'], userId: null, actions: ['submit_for_review'] })]);
    expect(view.awaitsMe).toBe(false); // the legal unit may adjust flags, but nobody waits for that
    expect((await http.get(`/api/v1/matters/${id}`, cast.drafter)).body.awaitsMe).toBe(true);
    expect(await ids(cast.drafter, 'awaitingMe=true')).toContain(id);
    expect(await ids(cast.legal, 'awaitingMe=true')).not.toContain(id);
    expect(await ids(cast.legal, 'awaitingMe=false')).toContain(id);

    await drive.research(id, []);
    await drive.ok(id, cast.drafter, { type: 'submit_for_review' });
    await drive.ok(id, cast.legal, { type: 'accept_materials' });
    await drive.ok(id, cast.legal, { type: 'assign_lawyer', lawyerId: cast.lawyer.id });
    view = (await http.get(`/api/v1/matters/${id}`, cast.legal)).body;
    expect(view.turn).toEqual([expect.objectContaining({ roles: ['lawyer'], userId: cast.lawyer.id, actions: ['submit_lawyer_opinion'], deadline: expect.objectContaining({ key: 'legality_review_time_limit', dueAt: expect.any(String) }) })]);
    expect(view.nextDueAt).toBe(view.turn[0].deadline.dueAt);
    expect(await ids(cast.lawyer, 'awaitingMe=true')).toEqual([id]);
    expect(await ids(cast.legal, 'awaitingMe=true')).not.toContain(id);
    expect(await ids(cast.drafter, 'awaitingMe=true')).not.toContain(id);
  });

  test('awaiting the meeting, the minimum review time is a "not before", never due or overdue', async () => {
    const id = await drive.toLegalityReview('normative_document', []);
    await drive.lawful(id);
    // The minimum (2 s here) has passed; before this change the matter showed as overdue.
    await new Promise((r) => setTimeout(r, 2_500));
    const view = (await http.get(`/api/v1/matters/${id}`, cast.secretary)).body;
    expect(view.stage).toBe('awaiting_meeting');
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'legality_review_minimum', nature: 'not_before' })]);
    expect(view.nextDueAt).toBeNull();
    expect(view.overdue).toBe(false);
    expect(view.turn).toEqual([expect.objectContaining({ roles: ['secretary'], actions: ['schedule_meeting'], deadline: null, notBefore: expect.objectContaining({ at: view.deadlines[0].dueAt }) })]);
    const overdue = await ids(cast.secretary, 'overdue=true');
    expect(overdue).not.toContain(id);
    const row = (await http.get('/api/v1/matters?awaitingMe=true', cast.secretary)).body.items.find((m: { id: string }) => m.id === id);
    expect(row).toEqual(expect.objectContaining({ nextDueAt: null, overdue: false, awaitsMe: true, awaitingRoles: ['secretary'] }));
  });

  test('rows stored by earlier code (minimum counted as due, no whose-turn) are recomputed once at start', async () => {
    const id = await drive.toLegalityReview('normative_document', []);
    await drive.lawful(id);
    const past = new Date(Date.now() - 60_000);
    // What the projection looked like before: the minimum review time as nextDueAt, nobody awaited.
    await system.db.prisma.matter.update({ where: { id }, data: { nextDueAt: past, awaitingRoles: [], awaitingUserIds: [], projectionRev: 0 } });
    expect(await ids(cast.secretary, 'overdue=true')).toContain(id);
    const procedureConfig = loadProcedureConfig({ path: configPath, profile: 'statutory' });
    const refreshed = await refreshStaleProjections(system.db.prisma, procedureConfig, await new CalendarStore(system.db.prisma).calendar());
    expect(refreshed).toBeGreaterThanOrEqual(1);
    const row = await system.db.prisma.matter.findUniqueOrThrow({ where: { id } });
    expect({ nextDueAt: row.nextDueAt, awaitingRoles: row.awaitingRoles, projectionRev: row.projectionRev }).toEqual({ nextDueAt: null, awaitingRoles: ['secretary'], projectionRev: 1 });
    expect(await ids(cast.secretary, 'overdue=true')).not.toContain(id);
    // Once brought up to date, a row is not touched again.
    expect(await refreshStaleProjections(system.db.prisma, procedureConfig, await new CalendarStore(system.db.prisma).calendar())).toBe(0);
    // A row whose state is not a matter state (edited by hand) is reported and left; it does not stop the others (or the start).
    const broken = `broken-${id}`;
    await system.db.prisma.matter.create({ data: { id: broken, title: 't', kind: 'normative_document', draftingUnit: 'market', createdById: 'u', stage: 'research', workflowId: `matter-${broken}`, currentVersion: 1, state: { research: {} }, projectionRev: 0 } });
    await system.db.prisma.matter.update({ where: { id }, data: { projectionRev: 0 } });
    const unreadable: string[] = [];
    try {
      expect(await refreshStaleProjections(system.db.prisma, procedureConfig, await new CalendarStore(system.db.prisma).calendar(), (matterId) => unreadable.push(matterId))).toBeGreaterThanOrEqual(1);
      expect(unreadable).toContain(broken);
      expect((await system.db.prisma.matter.findUniqueOrThrow({ where: { id } })).projectionRev).toBe(1);
    } finally {
      await system.db.prisma.matter.delete({ where: { id: broken } });
    }
  });
});
