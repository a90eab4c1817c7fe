import crypto from 'node:crypto';
import { api, startTestSystem } from './support/testSystem';
import { createCast, Driver, type Cast } from './support/drive';
import type { System } from '../../app/system';
import { refusingUncurable, STORAGE_REFUSED } from '../../activities/storageRefused';
import { ApplicationFailure } from '@temporalio/common';

/**
 * Issue 9 item 1 (layers 2 and 3): a value the database refuses used to make the action's activity retry
 * for ever — the client waited, then got 503s, and the matter's clocks and every later action stopped. Now
 * stored ids the client names are scoped by matter, and an activity whose data the database refuses fails
 * non-retryably: the workflow refuses that one action with a clear answer and the matter goes on.
 */
describe('a poisoned action leaves the matter usable', () => {
  let system: System;
  let http: ReturnType<typeof api>;
  let cast: Cast;
  let drive: Driver;

  beforeAll(async () => {
    system = await startTestSystem();
    http = api(system);
    cast = await createCast(system, 3);
    drive = new Driver(http, cast);
  });
  afterAll(async () => system?.stop());

  /** An ECON matter at its fair-competition review, the reviewer assigned and the findings answered. */
  async function atFcr(): Promise<string> {
    const id = await drive.register('normative_document', ['ECON']);
    await drive.research(id, ['ECON']);
    await drive.ok(id, cast.drafter, { type: 'submit_for_review' });
    await drive.ok(id, cast.legal, { type: 'assign_fcr_reviewer', reviewerId: cast.fcr.id });
    await drive.answerFindings(id);
    return id;
  }
  const conclude = async (id: string, documentId: string, conclusion: 'no_restrictive_effect' | 'breach_must_revise' = 'no_restrictive_effect') =>
    http.act(id, cast.fcr, { type: 'record_fcr_conclusion', conclusion, versionHash: await drive.hash(id), summary: '审查结论', review: await drive.fcrReview(conclusion), documentId }, { idempotencyKey: crypto.randomUUID() });

  test('the same document id in two matters: both conclusions are stored (ids are scoped by matter)', async () => {
    const [a, b] = [await atFcr(), await atFcr()];
    const documentId = `公平竞争审查-${crypto.randomUUID().slice(0, 8)}`;
    expect((await conclude(a, documentId)).status).toBe(200);
    const second = await conclude(b, documentId);
    expect(second.status).toBe(200);
    const docs = (await http.get(`/api/v1/matters/${b}/fair-competition`, cast.fcr)).body.documents as Array<{ id: string }>;
    expect(docs.map((d) => d.id)).toEqual([documentId]);
  });

  test('a document id used twice in one matter: that action is refused (409 storage_refused), the matter goes on', async () => {
    const id = await atFcr();
    const documentId = `doc-${crypto.randomUUID().slice(0, 8)}`;
    expect((await conclude(id, documentId, 'breach_must_revise')).status).toBe(200);
    await drive.ok(id, cast.drafter, { type: 'submit_version', note: '按审查意见修改' }, { text: '第一条 为规范管理，制定本办法。\n第二条 本办法自公布之日起施行。' });
    await drive.ok(id, cast.drafter, { type: 'submit_for_review' });
    await drive.answerFindings(id);
    const trailBefore = (await http.get(`/api/v1/matters/${id}/trail`, cast.auditor)).body.items.length;

    const poisoned = await conclude(id, documentId);
    expect([poisoned.status, poisoned.body.code]).toEqual([409, 'storage_refused']);
    expect(poisoned.body.detail).toMatch(/not stored/);
    // Nothing half-written, the workflow alive, the state unchanged …
    expect((await http.get(`/api/v1/matters/${id}/trail`, cast.auditor)).body.items.length).toBe(trailBefore);
    const matter = (await http.get(`/api/v1/matters/${id}?live=true`, cast.fcr)).body;
    expect([matter.workflow.status, matter.stage]).toEqual(['RUNNING', 'fair_competition_review']);
    // … and the next action goes through at once.
    const next = await conclude(id, `${documentId}-2`);
    expect([next.status, next.body.state.stage]).toEqual([200, 'completeness_check']);
    await drive.ok(id, cast.legal, { type: 'accept_materials' });
    expect((await http.get(`/api/v1/matters/${id}/trail/verify`, cast.auditor)).body.valid).toBe(true);
  });

  test('real database refusals are recognised as such; a transient one is not', async () => {
    const prisma = system.db.prisma;
    const refusal = async (store: () => Promise<unknown>) => {
      try {
        await refusingUncurable('The test row', store);
        return null;
      } catch (err) {
        return err instanceof ApplicationFailure ? { type: err.type, nonRetryable: err.nonRetryable, kind: (err.details?.[0] as { kind: string }).kind } : { other: String(err) };
      }
    };
    const org = await prisma.organisation.findFirstOrThrow();
    // A unique violation (Prisma P2002), a NUL byte (SQLSTATE 22021), an out-of-range integer (22003 / P2020).
    expect(await refusal(() => prisma.organisation.create({ data: { id: org.id, name: 'dup', kind: 'bureau' } }))).toEqual({ type: STORAGE_REFUSED, nonRetryable: true, kind: 'constraint' });
    expect(await refusal(() => prisma.section.create({ data: { id: `s-${crypto.randomUUID()}`, organisationId: org.id, name: 'a\u0000b' } }))).toEqual({ type: STORAGE_REFUSED, nonRetryable: true, kind: 'data' });
    expect(await refusal(() => prisma.$executeRawUnsafe(`SELECT 2147483648::int`))).toEqual({ type: STORAGE_REFUSED, nonRetryable: true, kind: 'data' });
    expect(await refusal(() => prisma.section.create({ data: { id: `s-${crypto.randomUUID()}`, organisationId: 'no-such-org', name: 'x' } }))).toEqual({ type: STORAGE_REFUSED, nonRetryable: true, kind: 'constraint' });
    // Anything else is thrown as it is (and retried by Temporal).
    expect(await refusal(() => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })))).toEqual({ other: 'Error: connect ECONNREFUSED' });
  });
});

/** A registration the database refuses: a clear refusal at once (not 202 for ever), no workflow left running. */
describe('a registration that cannot be stored', () => {
  let system: System;
  let http: ReturnType<typeof api>;
  let cast: Cast;
  const marker = `poison-${crypto.randomUUID().slice(0, 8)}`;
  const constraint = `test_${marker.replace(/-/g, '_')}`;

  beforeAll(async () => {
    system = await startTestSystem();
    http = api(system);
    cast = await createCast(system, 0);
    // The database itself refuses this one title (as it would a value no schema foresaw).
    await system.db.query(`ALTER TABLE matter ADD CONSTRAINT ${constraint} CHECK (title <> '${marker}') NOT VALID`);
  });
  afterAll(async () => {
    await system?.db.query(`ALTER TABLE matter DROP CONSTRAINT IF EXISTS ${constraint}`);
    await system?.stop();
  });

  test('answers 422 registration_refused, its workflow ends, and the next registration works', async () => {
    const refused = await http.post('/api/v1/matters', cast.drafter, { title: marker, kind: 'collective_matter', text: '三重一大事项' }, { 'idempotency-key': marker });
    expect([refused.status, refused.body.code]).toEqual([422, 'registration_refused']);
    expect(refused.body.detail).toMatch(/not stored/);
    const running = async () => {
      const ids: string[] = [];
      for await (const w of system.client.workflow.list({ query: `WorkflowType = 'matterWorkflow' AND TaskQueue = '${system.config.TEMPORAL_TASK_QUEUE}' AND ExecutionStatus = 'Running'` })) ids.push(w.workflowId);
      return ids;
    };
    let left = await running();
    for (let i = 0; i < 50 && left.length > 0; i++) left = await new Promise((r) => setTimeout(r, 100)).then(running);
    expect(left).toEqual([]);
    // A retry with the same key learns the same, without a second attempt.
    const again = await http.post('/api/v1/matters', cast.drafter, { title: marker, kind: 'collective_matter', text: '三重一大事项' }, { 'idempotency-key': marker });
    expect([again.status, again.body.code]).toEqual([422, 'registration_refused']);
    expect((await http.post('/api/v1/matters', cast.drafter, { title: '正常事项', kind: 'collective_matter', text: '三重一大事项' })).status).toBe(201);
  });
});
