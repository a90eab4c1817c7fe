/**
 * Faults on the production shape, with matters moving: a worker, an API process and the Temporal server
 * killed with SIGKILL and started again, the app's database connections terminated again and again. Each
 * scenario checks that nothing acknowledged was lost or doubled, nothing is stuck, every trail verifies and
 * clients saw only documented answers; the run is written to docs/reliability.md.
 */
import http from 'node:http';
import { Client as PgClient } from 'pg';
import { startFaultCluster, type FaultCluster } from './support/faultCluster';
import { login, runLoad, untilAnswered, Observations, type Sessions } from './support/load';
import { verifyScenario } from './support/verify';
import { recoveryAfter, writeReliabilityDoc, type ScenarioResult } from './support/report';

const MATTERS = Number(process.env.FAULT_MATTERS ?? 6);
const SCENARIO_DEADLINE_MS = 200_000;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Resolves once the clients have this many acknowledgements (the fault then hits matters mid-procedure). */
async function whenAcknowledged(obs: () => Observations | undefined, n: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((obs()?.acks.length ?? 0) < n && Date.now() < deadline) await sleep(50);
}

/** runLoad, but exposing its live observations so the scenario can time its fault. */
function startLoad(cluster: FaultCluster, sessions: Sessions, label: string) {
  let live: Observations | undefined;
  const done = runLoad({ baseUrl: cluster.apiUrl, sessions, label, count: MATTERS, deadline: Date.now() + SCENARIO_DEADLINE_MS, onStart: (o) => (live = o) });
  return { done, live: () => live };
}

describe('faults on the production shape', () => {
  let cluster: FaultCluster;
  let sessions: Sessions;
  const results: ScenarioResult[] = [];
  const startedAt = new Date();

  beforeAll(async () => {
    cluster = await startFaultCluster();
    sessions = await login(cluster.apiUrl, cluster.credentials.peoplePassword);
  }, 20 * 60_000); // the first run on a machine builds the Temporal server with Go

  afterAll(async () => {
    if (results.length === 4) writeReliabilityDoc(results, { startedAt, durationMs: Date.now() - startedAt.getTime() });
    await cluster?.down();
  }, 120_000);

  async function finish(name: string, fault: string, obs: Observations, faultEndedAt: number, notes: string[] = [], recoveryMs?: number): Promise<ScenarioResult> {
    const verdict = await verifyScenario({ baseUrl: cluster.apiUrl, databaseUrl: cluster.appDatabaseUrl, sessions, obs });
    const result: ScenarioResult = { name, fault, obs, verdict, recoveryMs: recoveryMs ?? recoveryAfter(obs, faultEndedAt), longestWaitMs: Math.max(0, ...obs.waits), notes };
    results.push(result);
    expect({ lost: verdict.lost, doubled: verdict.doubled, stuck: verdict.stuck, trailBroken: verdict.trailBroken, undocumented: obs.undocumented }).toEqual({ lost: [], doubled: [], stuck: [], trailBroken: [], undocumented: [] });
    expect(verdict.acknowledged).toBe(verdict.sent - obs.refusedStale.length);
    return result;
  }

  test('kill -9 a worker mid-stage, then start it again', async () => {
    const load = startLoad(cluster, sessions, 'worker');
    await whenAcknowledged(load.live, MATTERS * 3);
    await cluster.killWorker(0);
    await sleep(2_000);
    await cluster.restartWorker(0);
    const faultEnded = Date.now();
    await finish('worker killed', 'worker-1 killed with SIGKILL once the matters were a few actions in, started again 2 s later.', await load.done, faultEnded);
  }, 300_000);

  test('kill -9 an API process between receiving and answering an action; the retry with the same Idempotency-Key is applied once', async () => {
    const load = startLoad(cluster, sessions, 'api');
    await whenAcknowledged(load.live, MATTERS * 2);
    const notes: string[] = [];
    const probes = new Observations();
    const recoveries: number[] = [];
    for (const i of [0, 1]) {
      // A matter of its own, then one action sent straight to API process i, which dies while holding it.
      const key = `api-probe-${i}`;
      probes.sent++;
      const created = await untilAnswered(cluster.apiUrl, { method: 'POST', path: '/api/v1/matters', token: sessions.tokens.drafter, key: `${key}-register`, body: { title: `进程中断 ${i}`, kind: 'enforcement_review', flags: [], text: `第一条 本决定依法作出。（${i}）` } }, probes, Date.now() + 60_000);
      const matterId = created.body.id as string;
      probes.matterIds.push(matterId);
      probes.acks.push({ matterId, key: `${key}-register`, type: 'register', at: Date.now() });
      const command = { type: 'record_research_item', item: { kind: 'drafting_explanation', summary: '起草说明（进程中断演练）', documentId: `doc-probe-${i}` } };
      probes.sent++;
      const killedAt = Date.now();
      // Probe 1 dies just after the request arrived (before it is relayed); probe 2 once the action is
      // stored in the database, while the process waits for the workflow's answer.
      const trigger = i === 0 ? () => sleep(15) : () => untilStored(cluster.appDatabaseUrl, matterId, key);
      const answered = await sendAndKill(cluster.layout.apiPorts[i]!, `/api/v1/matters/${matterId}/actions`, sessions.tokens.drafter, key, { command }, trigger, () => cluster.killApi(i));
      probes.see(answered ? `answered before the kill (${answered})` : 'no answer (process killed)');
      const applied = await appliedInDatabase(cluster.appDatabaseUrl, matterId, key);
      notes.push(`Probe ${i + 1} (api-${i + 1}): ${answered ? `answered ${answered} before the kill landed` : 'no answer'}; the action was ${applied ? 'already applied' : 'not yet applied'} when the process died.`);
      const retried = await untilAnswered(cluster.apiUrl, { method: 'POST', path: `/api/v1/matters/${matterId}/actions`, token: sessions.tokens.drafter, key, body: { command } }, probes, Date.now() + 120_000);
      expect(retried.status).toBe(200);
      probes.acks.push({ matterId, key, type: 'record_research_item', at: Date.now() });
      recoveries.push(Date.now() - killedAt);
      await cluster.restartApi(i);
    }
    const obs = await load.done;
    mergeInto(obs, probes);
    // Recovery here: from the kill to the retried action's answer (through the front, on the other process).
    await finish('API process killed', 'Two actions sent straight to an API process (one per process), each killed with SIGKILL while holding the request, then retried through the front with the same Idempotency-Key; each process started again afterwards. Meanwhile the other clients went through the front, which answered 503 with Retry-After for requests the dying process held.', obs, Date.now(), notes, Math.max(...recoveries));
  }, 300_000);

  test('kill -9 the Temporal server, then start it again on the same databases', async () => {
    const load = startLoad(cluster, sessions, 'temporal');
    await whenAcknowledged(load.live, MATTERS * 3);
    await cluster.killTemporal();
    await sleep(3_000);
    await cluster.restartTemporal();
    const faultEnded = Date.now();
    await finish('Temporal server killed', 'The Temporal server (all services in one process) killed with SIGKILL mid-procedure, started again 3 s later on the same PostgreSQL databases.', await load.done, faultEnded);
  }, 300_000);

  test('the app\'s database connections terminated again and again for 10 s', async () => {
    const load = startLoad(cluster, sessions, 'database');
    await whenAcknowledged(load.live, MATTERS * 2);
    const until = Date.now() + 10_000;
    let terminated = 0;
    let rounds = 0;
    while (Date.now() < until) {
      terminated += await cluster.terminateAppConnections();
      rounds++;
      await sleep(250);
    }
    const faultEnded = Date.now();
    await finish('database connections terminated', `pg_terminate_backend on every connection to the app's database, every 250 ms for 10 s (${rounds} rounds, ${terminated} connections ended).`, await load.done, faultEnded);
  }, 300_000);
});

/** Sends a request straight to one API process and kills the process once `trigger` resolves after the request was written. */
function sendAndKill(port: number, path: string, token: string, key: string, body: unknown, trigger: () => Promise<void>, kill: () => Promise<void>): Promise<number | null> {
  return new Promise((resolve) => {
    const payload = JSON.stringify(body);
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: `Bearer ${token}`, 'idempotency-key': key } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? null);
    });
    req.on('error', () => resolve(null));
    req.on('finish', () => {
      // The request is on the wire; the process reads it, relays it to the workflow and is killed meanwhile.
      void trigger().then(kill);
    });
    req.end(payload);
  });
}

/** Resolves as soon as the action with this key is in the trail (polling the database every few ms). */
async function untilStored(url: string, matterId: string, key: string): Promise<void> {
  const db = new PgClient({ connectionString: url });
  await db.connect();
  try {
    for (let i = 0; i < 20_000; i++) {
      const { rowCount } = await db.query("SELECT 1 FROM trail_entry WHERE matter_id = $1 AND action_key LIKE '%:' || $2", [matterId, key]);
      if (rowCount) return;
      await sleep(2);
    }
  } finally {
    await db.end();
  }
}

async function appliedInDatabase(url: string, matterId: string, key: string): Promise<boolean> {
  const db = new PgClient({ connectionString: url });
  await db.connect();
  try {
    const { rowCount } = await db.query("SELECT 1 FROM trail_entry WHERE matter_id = $1 AND action_key LIKE '%:' || $2", [matterId, key]);
    return (rowCount ?? 0) > 0;
  } finally {
    await db.end();
  }
}

function mergeInto(target: Observations, extra: Observations): void {
  for (const [k, v] of extra.statuses) target.statuses.set(k, (target.statuses.get(k) ?? 0) + v);
  target.undocumented.push(...extra.undocumented);
  target.acks.push(...extra.acks);
  target.waits.push(...extra.waits);
  target.matterIds.push(...extra.matterIds);
  target.sent += extra.sent;
}
