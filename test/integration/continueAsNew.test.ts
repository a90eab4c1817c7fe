import { api, startTestSystem } from './support/testSystem';
import { createCast, Driver, type Cast } from './support/drive';
import type { System } from '../../app/system';
import { recordHistory } from './support/histories';

/**
 * A long-lived matter never nears Temporal's history limits: past a number of events its workflow
 * continues as a new run, carrying the state, the trail head and the raised alerts; nothing is lost.
 */
describe('continue-as-new of a long matter', () => {
  let system: System;
  let cast: Cast;
  let drive: Driver;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    system = await startTestSystem({ env: { WORKFLOW_CONTINUE_AS_NEW_EVENTS: '40' } });
    http = api(system);
    cast = await createCast(system, 0);
    drive = new Driver(http, cast);
  });
  afterAll(async () => {
    await system?.stop();
  });

  test('the state, the trail and further actions carry over to the new run', async () => {
    const id = await drive.register('normative_document', ['PUBLIC']);
    const handle = system.client.workflow.getHandle(`matter-${id}`);
    const firstRun = (await handle.describe()).runId;
    for (let i = 0; i < 12; i++) {
      await drive.ok(id, cast.drafter, { type: 'record_research_item', item: { kind: 'procedure_statement', summary: `程序说明 第${i + 1}稿`, documentId: `doc-${i}` } });
    }
    // The run rotates once the history is long; later actions land on the new run.
    let runs = new Set([firstRun]);
    for (let i = 0; i < 50 && runs.size < 2; i++) {
      runs = new Set([...runs, (await handle.describe()).runId]);
      if (runs.size < 2) await new Promise((r) => setTimeout(r, 100));
    }
    expect(runs.size).toBeGreaterThanOrEqual(2);
    await drive.research(id, ['PUBLIC']);
    const submitted = await drive.ok(id, cast.drafter, { type: 'submit_for_review' });
    expect(submitted.state.stage).toBe('completeness_check');
    expect(submitted.state.research.procedureStatement.summary).toBe('程序说明');
    const view = (await http.get(`/api/v1/matters/${id}`, cast.legal)).body;
    expect(view).toMatchObject({ stage: 'completeness_check', workflow: { status: 'RUNNING' } });
    expect(view.workflow.trailHead.seq).toBe((await system.db.prisma.trailEntry.count({ where: { matterId: id } })));
    const verdict = (await http.get(`/api/v1/matters/${id}/trail/verify`, cast.auditor)).body;
    expect(verdict).toMatchObject({ valid: true });
    // Every action is in the trail exactly once, whichever run recorded it.
    const trail = await system.db.prisma.trailEntry.findMany({ where: { matterId: id }, orderBy: { seq: 'asc' } });
    expect(trail.filter((t) => t.action === 'record_research_item')).toHaveLength(12 + 6);
    expect(new Set(trail.map((t) => t.runId)).size).toBeGreaterThanOrEqual(2);
    await recordHistory(system.client, `matter-${id}`, 'continued-as-new-first-run', firstRun);
  });

  test('issue 9 item 15: an action retried after continue-as-new is answered as the first time, not applied again', async () => {
    const id = await drive.register('normative_document', []);
    const handle = system.client.workflow.getHandle(`matter-${id}`);
    const firstRun = (await handle.describe()).runId;
    const item = (i: number) => ({ type: 'record_research_item', item: { kind: 'procedure_statement', summary: `程序说明 第${i}稿`, documentId: `doc-${i}` } });
    const first = await http.act(id, cast.drafter, item(0), { idempotencyKey: `retried-${id}` });
    expect(first.status).toBe(200);
    for (let i = 1; i <= 12; i++) await drive.ok(id, cast.drafter, item(i));
    let current = firstRun;
    for (let i = 0; i < 50 && current === firstRun; i++) {
      current = (await handle.describe()).runId;
      if (current === firstRun) await new Promise((r) => setTimeout(r, 100));
    }
    expect(current).not.toBe(firstRun);
    const before = await system.db.prisma.trailEntry.count({ where: { matterId: id } });

    // The same request again (its answer was lost, say): the new run has never seen this Update id.
    const retry = await http.act(id, cast.drafter, item(0), { idempotencyKey: `retried-${id}` });
    expect(retry.status).toBe(200);
    const retryRun = (await handle.describe()).runId;
    expect(retry.body.trail).toEqual(first.body.trail);
    expect(retry.body.state.research.procedureStatement.summary).toBe('程序说明 第12稿');
    // Not applied again: no new entry, the head is still the newest entry, the trail verifies.
    expect(await system.db.prisma.trailEntry.count({ where: { matterId: id } })).toBe(before);
    const view = (await http.get(`/api/v1/matters/${id}?live=true`, cast.legal)).body;
    expect(view.workflow.trailHead.seq).toBe(before);
    expect((await http.get(`/api/v1/matters/${id}/trail/verify`, cast.auditor)).body).toMatchObject({ valid: true });
    // And the matter goes on.
    const next = await drive.ok(id, cast.drafter, item(13));
    expect(next.trail.seq).toBe(before + 1);
    await recordHistory(system.client, `matter-${id}`, 'known-action-keys-after-continue-as-new', retryRun);
  });
});
