import { api, shortClocksConfigFile, startTestSystem } from './support/testSystem';
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
    // Short normative-document clocks so a document can be signed and published (its workflow then lives on).
    system = await startTestSystem({ env: { WORKFLOW_CONTINUE_AS_NEW_EVENTS: '40', PROCEDURE_CONFIG_PATH: shortClocksConfigFile({ legalityMinimumSeconds: 1 }) } });
    http = api(system);
    cast = await createCast(system, 3);
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

  test('a document decision retried after its document workflow continued as new is answered as the first time, not applied again', async () => {
    const id = await drive.toSigning();
    // Valid for three months: inside its re-evaluation (six months before expiry), where it may be continued.
    const day = 86_400_000;
    const months = 90 * day;
    await drive.ok(id, cast.secretary, { type: 'sign_and_number', versionHash: await drive.hash(id), signedBy: '局长', expiresAt: new Date(Date.now() + months).toISOString() });
    await drive.ok(id, cast.secretary, { type: 'publish', channel: '区政府网站', reference: 'https://example.gov.cn/can' });
    const handle = system.client.workflow.getHandle(`document-${id}`);
    let firstRun: string | null = null;
    // The matter's workflow starts it with the publication's answer (unawaited): on a loaded machine (a clean-clone
    // run beside other work) that took over 10 s once, so the wait is bounded at a minute.
    for (let i = 0; i < 600 && !firstRun; i++) {
      firstRun = await handle.describe().then((d) => d.runId, () => null);
      if (!firstRun) await new Promise((r) => setTimeout(r, 100));
    }
    expect(firstRun).toBeTruthy();
    // 继续实施 with a new expiry each time (each later than the last); the first is sent with a key.
    const body = (days: number) => ({ decision: 'continue', reason: `评估后继续实施（${days}）`, newExpiresAt: new Date(Date.now() + months + (days + 1) * day).toISOString() });
    const decide = (days: number) => http.post(`/api/v1/register/${id}/decisions`, cast.legal, body(days));
    const firstBody = body(0);
    const first = await http.post(`/api/v1/register/${id}/decisions`, cast.legal, firstBody, { 'idempotency-key': `doc-retried-${id}` });
    expect(first.status).toBe(200);
    let current = firstRun;
    for (let days = 1; days <= 12 && current === firstRun; days++) {
      expect((await decide(days)).status).toBe(200);
      current = (await handle.describe()).runId;
    }
    for (let i = 0; i < 50 && current === firstRun; i++) {
      await new Promise((r) => setTimeout(r, 100));
      current = (await handle.describe()).runId;
    }
    expect(current).not.toBe(firstRun);
    const events = () => system.db.prisma.registerEvent.count({ where: { documentId: id } });
    const before = await events();
    const expiry = (await system.db.prisma.registerDocument.findUniqueOrThrow({ where: { id } })).expiresAt;

    // The same request again: the new run has never seen this Update id (before, it judged it afresh and
    // refused it, the new expiry being no longer after the current one).
    const retry = await http.post(`/api/v1/register/${id}/decisions`, cast.legal, firstBody, { 'idempotency-key': `doc-retried-${id}` });
    expect(retry.status).toBe(200);
    expect(retry.body.summary).toBe(first.body.summary);
    const retryRun = (await handle.describe()).runId;
    expect(await events()).toBe(before);
    expect((await system.db.prisma.registerDocument.findUniqueOrThrow({ where: { id } })).expiresAt).toEqual(expiry);
    expect((await http.get(`/api/v1/register/${id}`, cast.auditor)).body.verification).toMatchObject({ valid: true });
    // And the document goes on.
    expect((await decide(30)).status).toBe(200);
    expect(await events()).toBe(before + 1);
    await recordHistory(system.client, `document-${id}`, 'document-continued-as-new-carrying-keys', firstRun!);
    await recordHistory(system.client, `document-${id}`, 'document-known-keys-after-continue-as-new', retryRun);
  });
});
