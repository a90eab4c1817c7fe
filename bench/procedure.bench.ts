/**
 * The whole procedure over HTTP against bare Temporal, in the same run on the same Temporal server.
 *
 *   npm run bench:procedure                          # both shapes, 100 matters, concurrency 8
 *   SHAPES=cluster MATTERS=200 CONCURRENCY=16 npm run bench:procedure
 *
 * Ours: N matters (the four kinds in turn) registered and driven through their whole procedure over HTTP as
 * the people who act (bench/procedure/steps.ts), CONCURRENCY matters in flight. Baseline: a workflow with the
 * same number of Updates and activities per matter and no application logic (bench/procedure/bareWorkflow.ts),
 * driven by a Temporal client with the same concurrency and the same pause before each meeting, on worker
 * processes of its own (as many as the shape has). Each side runs in two halves, ours – bare – bare – ours, so that
 * a machine whose speed drifts during the run weighs on both alike. Prints the tables and writes them to
 * docs/benchmarks.md.
 */
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client, Connection } from '@temporalio/client';
import { KIND_SCRIPTS, BENCH_PROCEDURE_CONFIG, MEETING_DELAY_MS, benchText, sha256, type KindScript, type MatterContext, type Person } from './procedure/steps';
import { driveMatter, PEOPLE, RESCHEDULED, sessions, untilMeeting, type Sessions } from './procedure/driver';
import { bareAct, bareRegistered, type BareInput } from './procedure/bareWorkflow';
import { Recorder, summarise, pool, ms, ratio, table, type Summary } from './support/stats';
import { machineLine, machineSnapshot, runBenchmark, writeSection } from './support/report';
import { benchWorkDir, startBareWorkers, startClusterShape, startDevShape, type Shape } from './support/shapes';
import { cpuDelta, cpuSnapshot, type CpuGroup } from './support/cpuAccounting';
import { addTotals, readHistogramTotals, totalsSince, type HistogramTotals } from './support/histogramTotals';

const MATTERS = Number(process.env.MATTERS ?? 100);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);
const WARMUP = Number(process.env.WARMUP ?? 8);
const SHAPES = (process.env.SHAPES ?? 'dev,cluster').split(',').map((s) => s.trim()) as Array<'dev' | 'cluster'>;
const BARE_QUEUE = 'bare-bench';

interface RunResult {
  wallMs: number;
  /** After the last answer, until the application's processes were quiet (their CPU counts to the run), ms per half. */
  settleMs: number[];
  matters: number;
  perAction: Recorder;
  endToEnd: number[];
  /** CPU ms each part of the system spent during the run (bench/support/cpuAccounting.ts). */
  cpu: Record<string, number>;
  /** Time the side's workers (and ours' APIs) reported spending, summed over the run (seconds and observations). */
  timings: HistogramTotals;
  /** Metrics endpoints that did not answer a reading (their timings are missing). */
  unreadTimings: string[];
}

/** What driving one half gives, before what is measured around it (CPU, settling, timings). */
type Driven = Omit<RunResult, 'cpu' | 'settleMs' | 'timings' | 'unreadTimings'>;

/**
 * The Temporal SDK's task timings, as both sides' workers export them (the same runtime options), and what
 * ours' APIs spent answering POSTs (registrations and actions: the only POSTs of a half).
 */
const SDK_TIMINGS: Array<[string, string]> = [
  ['temporal_workflow_task_schedule_to_start_latency', 'workflow tasks: waiting for a worker to take them'],
  ['temporal_workflow_task_execution_latency', 'workflow tasks: on the worker'],
  ['temporal_activity_schedule_to_start_latency', 'activities: waiting for a worker to take them'],
  ['temporal_activity_execution_latency', 'activities: on the worker'],
  ['temporal_request_latency', "the workers' calls to the Temporal server (not the polls)"],
];
const API_TIMING = 'lr_http_request_duration_seconds';
/** The activities' time on the worker, also read apart by activity type (totals under `name:type`). */
const ACTIVITY_TIMING = 'temporal_activity_execution_latency';

/** Where a side's timings are read: its workers' SDK metrics, and (ours) the API processes' own. */
interface TimingSources {
  sdk: string[];
  api: string[];
}

async function readTimings(from: TimingSources): Promise<{ totals: HistogramTotals; unreachable: string[] }> {
  const [sdk, byActivity, api] = await Promise.all([
    readHistogramTotals(from.sdk, SDK_TIMINGS.map(([name]) => name)),
    readHistogramTotals(from.sdk, [ACTIVITY_TIMING], {}, { [ACTIVITY_TIMING]: 'activity_type' }),
    readHistogramTotals(from.api, [API_TIMING], { [API_TIMING]: 'method="POST"' }),
  ]);
  return { totals: addTotals(addTotals(sdk.totals, byActivity.totals), api.totals), unreachable: [...new Set([...sdk.unreachable, ...byActivity.unreachable, ...api.unreachable])] };
}

/** The timings `from` reported over `run` (read before it and after it has settled). */
async function withTimings<T extends Omit<RunResult, 'timings' | 'unreadTimings'>>(from: TimingSources, run: () => Promise<T>): Promise<T & Pick<RunResult, 'timings' | 'unreadTimings'>> {
  const before = await readTimings(from);
  const r = await run();
  const after = await readTimings(from);
  return { ...r, timings: totalsSince(before.totals, after.totals), unreadTimings: [...new Set([...before.unreachable, ...after.unreachable])] };
}

/** The application's processes, ours and the baseline's (the parts that run a side's work after its last answer). */
const APP_PARTS = ['app', 'workers', 'apis', 'bare workers'];
/** Together below this, the application's processes are idle (measured idle: 4–9 ms/s for each of ours, ~7 for each of bare's). */
const QUIET_MS_PER_S = 100;
/** How often the application's processes are looked at while they settle, and for how long at most. */
const SETTLE_POLL_MS = 500;
const SETTLE_LIMIT_MS = 20_000;

/**
 * Measures the CPU of `groups` around `run` and what its work leaves running after its last answer (a matter's
 * workflow completes, its document's workflow starts and records the issue): the application's processes are
 * watched until they are quiet, and that CPU counts to this run, not to the next (throughput still ends at the
 * last answer). Also returns how long that took.
 */
async function withCpu<T extends Driven>(groups: Record<string, CpuGroup>, run: () => Promise<T>): Promise<T & { cpu: Record<string, number>; settleMs: number[] }> {
  const before = cpuSnapshot(groups);
  const r = await run();
  const ended = Date.now();
  const appCpu = (snap: Record<string, number>) => APP_PARTS.reduce((sum, k) => sum + (snap[k] ?? 0), 0);
  let last = cpuSnapshot(groups);
  while (Date.now() - ended < SETTLE_LIMIT_MS) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
    const now = cpuSnapshot(groups);
    const quiet = appCpu(now) - appCpu(last) < (QUIET_MS_PER_S * SETTLE_POLL_MS) / 1000;
    last = now;
    if (quiet) break;
  }
  return { ...r, cpu: cpuDelta(before, last), settleMs: [Date.now() - ended] };
}

async function runOurs(shape: Shape, s: Sessions, n: number, offset: number): Promise<Driven & { ids: Map<string, string> }> {
  const perAction = new Recorder();
  const endToEnd: number[] = [];
  const firstOfKind = new Map<string, string>();
  const t0 = performance.now();
  await pool(Array.from({ length: n }, (_, i) => i + offset), CONCURRENCY, async (i) => {
    const start = performance.now();
    const m = await driveMatter(shape.apiUrl, s, i, { record: (type, t) => perAction.add(type, t) });
    if (!firstOfKind.has(m.kind)) firstOfKind.set(m.kind, m.workflowId);
    endToEnd.push(performance.now() - start);
  });
  return { wallMs: performance.now() - t0, matters: n, perAction, endToEnd, ids: firstOfKind };
}

interface KindShape extends BareInput {
  /** Activities each action's Update ran, in the order the actions were sent. */
  activitiesPerUpdate: number[];
}

/**
 * Updates and activities of one finished matter of each kind, read from its workflow history: the activities
 * run before the registration answered, and those each action's Update ran between its acceptance and its
 * answer (a matter's actions are sent one after another, so their windows do not overlap).
 */
async function countsPerKind(client: Client, firstOfKind: Map<string, string>): Promise<Map<string, KindShape>> {
  const out = new Map<string, KindShape>();
  for (const [kind, workflowId] of firstOfKind) {
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    const perUpdate: number[] = [];
    let open = false;
    let startActivities = 0;
    for (const e of (history.events ?? []) as Array<Record<string, unknown>>) {
      if (e.workflowExecutionUpdateAcceptedEventAttributes) {
        perUpdate.push(0);
        open = true;
      } else if (e.workflowExecutionUpdateCompletedEventAttributes) {
        open = false;
      } else if (e.activityTaskScheduledEventAttributes) {
        if (open) perUpdate[perUpdate.length - 1]! += 1;
        else startActivities++;
      }
    }
    // The first Update is `registered`: what ran while it waited is the start's.
    const [registration = 0, ...actions] = perUpdate;
    out.set(kind, { startActivities: startActivities + registration, updates: actions.length, activitiesPerUpdate: actions });
  }
  return out;
}

async function runBare(client: Client, counts: Map<string, KindShape>, n: number, offset: number): Promise<Driven> {
  const perAction = new Recorder();
  const endToEnd: number[] = [];
  const t0 = performance.now();
  const runId = crypto.randomUUID().slice(0, 8);
  const dummy: MatterContext = { text: benchText(0), versionHash: sha256(benchText(0)), ids: Object.fromEntries(PEOPLE.map((p) => [p, `user-${p}`])) as Record<Person, string>, fcrStandards: { version: 'x', codes: [] } };
  await pool(Array.from({ length: n }, (_, i) => i + offset), CONCURRENCY, async (i) => {
    const script: KindScript = KIND_SCRIPTS[i % KIND_SCRIPTS.length]!;
    const input = counts.get(script.kind)!;
    let meetingAt = '';
    const start = performance.now();
    const handle = await client.workflow.start('bareMatterWorkflow', { taskQueue: BARE_QUEUE, workflowId: `bare-${runId}-${i}`, args: [{ startActivities: input.startActivities, updates: input.updates }] });
    await handle.executeUpdate(bareRegistered);
    perAction.add('register', performance.now() - start);
    const acts = script.steps.filter((st) => st.kind === 'act');
    // Same pauses as ours; extra Updates (if ours had more than its script's steps) are sent at the end.
    let sent = 0;
    for (const step of script.steps) {
      if (step.kind === 'pause') {
        await untilMeeting(meetingAt);
        continue;
      }
      const command = step.command(dummy);
      if (typeof command.meetingAt === 'string') meetingAt = command.meetingAt;
      const t = performance.now();
      await handle.executeUpdate(bareAct, { args: [{ type: String(command.type), payload: command, activities: input.activitiesPerUpdate[sent] ?? 1 }] });
      perAction.add(String(command.type), performance.now() - t);
      sent++;
    }
    for (; sent < input.updates; sent++) {
      const t = performance.now();
      await handle.executeUpdate(bareAct, { args: [{ type: 'extra', payload: {}, activities: input.activitiesPerUpdate[sent] ?? 1 }] });
      perAction.add('update', performance.now() - t);
    }
    if (acts.length !== input.updates) perAction.add('mismatch', 0);
    await handle.result();
    endToEnd.push(performance.now() - start);
  });
  return { wallMs: performance.now() - t0, matters: n, perAction, endToEnd };
}

/** One side's two halves as one run: their latencies together, their times and CPU added. */
function bothHalves(a: RunResult, b: RunResult): RunResult {
  const perAction = new Recorder();
  for (const half of [a, b]) for (const [key, values] of half.perAction.byKey) for (const v of values) perAction.add(key, v);
  const cpu = Object.fromEntries([...new Set([...Object.keys(a.cpu), ...Object.keys(b.cpu)])].map((k) => [k, (a.cpu[k] ?? 0) + (b.cpu[k] ?? 0)]));
  return {
    wallMs: a.wallMs + b.wallMs,
    settleMs: [...a.settleMs, ...b.settleMs],
    matters: a.matters + b.matters,
    perAction,
    endToEnd: [...a.endToEnd, ...b.endToEnd],
    cpu,
    timings: addTotals(a.timings, b.timings),
    unreadTimings: [...new Set([...a.unreadTimings, ...b.unreadTimings])],
  };
}

interface ShapeReport {
  shape: Shape;
  ours: RunResult;
  bare: RunResult;
  counts: Map<string, KindShape>;
}

async function benchShape(name: 'dev' | 'cluster', workDir: string): Promise<ShapeReport> {
  process.stdout.write(`\n› ${name}: starting…\n`);
  const shape = name === 'dev' ? await startDevShape({ procedureConfig: BENCH_PROCEDURE_CONFIG, workDir }) : await startClusterShape({ procedureConfig: BENCH_PROCEDURE_CONFIG, workDir });
  const bareWorkers = await startBareWorkers(shape, BARE_QUEUE, workDir);
  const connection = await Connection.connect({ address: shape.temporalAddress });
  const client = new Client({ connection, namespace: shape.namespace });
  try {
    const s = await sessions(shape);
    process.stdout.write(`› ${name}: warm-up (${WARMUP} matters each)…\n`);
    const warm = await runOurs(shape, s, Math.max(WARMUP, KIND_SCRIPTS.length), 0);
    const counts = await countsPerKind(client, warm.ids);
    await runBare(client, counts, Math.max(WARMUP, KIND_SCRIPTS.length), 0);
    // The same parts measured in both runs. The idle side costs a little (measured 2026-12-01: ours' processes
    // 2.9–4.2 ms per Update of the baseline's halves, the baseline's workers 0.5–1.8 ms per Update of ours').
    const client_: CpuGroup = { roots: () => [process.pid] };
    const groups: Record<string, CpuGroup> = { ...shape.cpuGroups, 'bare workers': { roots: bareWorkers.pids }, 'bench client': client_ };
    // In two halves, ours – bare – bare – ours: a machine that slows or speeds up during the run (seen here: the same
    // Temporal server's CPU per Update of bare Temporal 25.6–32.8 ms from one run to the next) weighs on both sides
    // alike, instead of on whichever ran second.
    const [first, second] = [Math.ceil(MATTERS / 2), Math.floor(MATTERS / 2)];
    const oursHalf = async (n: number, offset: number) => {
      process.stdout.write(`› ${name}: ours, ${n} matters at concurrency ${CONCURRENCY}…\n`);
      return withTimings({ sdk: shape.sdkMetricsUrls, api: shape.apiMetricsUrls }, () => withCpu(groups, () => runOurs(shape, s, n, offset)));
    };
    const bareHalf = async (n: number, offset: number) => {
      process.stdout.write(`› ${name}: bare Temporal, ${n} matters at concurrency ${CONCURRENCY}…\n`);
      return withTimings({ sdk: bareWorkers.sdkMetricsUrls, api: [] }, () => withCpu(groups, () => runBare(client, counts, n, offset)));
    };
    const ours1 = await oursHalf(first, 1_000);
    const bare1 = await bareHalf(first, 1_000);
    const bare2 = await bareHalf(second, 1_000 + first);
    const ours2 = await oursHalf(second, 1_000 + first);
    return { shape, ours: bothHalves(ours1, ours2), bare: bothHalves(bare1, bare2), counts };
  } finally {
    await connection.close();
    await bareWorkers.stop();
    await shape.stop();
  }
}

function render(r: ShapeReport): string {
  const throughput = (x: RunResult) => x.matters / (x.wallMs / 1000);
  const oursActions = summarise(r.ours.perAction.all(['register', RESCHEDULED]));
  const bareActions = summarise(r.bare.perAction.all(['register', 'mismatch']));
  const oursReg = summarise(r.ours.perAction.byKey.get('register') ?? []);
  const bareReg = summarise(r.bare.perAction.byKey.get('register') ?? []);
  const oursE2e = summarise(r.ours.endToEnd);
  const bareE2e = summarise(r.bare.endToEnd);
  const row = (label: string, a: Summary, b: Summary) => [label, `${ms(a.p50)} / ${ms(a.p95)} / ${ms(a.p99)}`, `${ms(b.p50)} / ${ms(b.p95)} / ${ms(b.p99)}`, `${ratio(a.p50, b.p50)} / ${ratio(a.p99, b.p99)}`];
  const main = table(
    ['', 'ours', 'bare Temporal', 'ours / bare'],
    [
      ['matters completed per second', throughput(r.ours).toFixed(2), throughput(r.bare).toFixed(2), `**${ratio(throughput(r.ours), throughput(r.bare))}**`],
      row('action (Update + activity) p50 / p95 / p99 ms', oursActions, bareActions),
      row('registration p50 / p95 / p99 ms', oursReg, bareReg),
      row('end-to-end per matter p50 / p95 / p99 ms', oursE2e, bareE2e),
    ],
  );
  const p99Ratio = ratio(oursActions.p99, bareActions.p99);
  // The baseline's Update in the same place, with the same number of activities: like against like.
  const perType = table(
    ['action type', 'n', 'p50 / p95 / p99 ms', 'bare in its place: p50 / p95 / p99 ms', 'p99 ours / bare'],
    [...r.ours.perAction.byKey.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => {
      const x = summarise(v);
      const b = summarise(r.bare.perAction.byKey.get(k) ?? []);
      return [k, x.n, `${ms(x.p50)} / ${ms(x.p95)} / ${ms(x.p99)}`, b.n ? `${ms(b.p50)} / ${ms(b.p95)} / ${ms(b.p99)}` : '–', b.n ? ratio(x.p99, b.p99) : '–'];
    }),
  );
  const settled = (x: RunResult) => x.settleMs.map((t) => `${(t / 1000).toFixed(1)} s`).join(' and ');
  const actionsOf = (x: RunResult, skip: string[]) => [...x.perAction.byKey.entries()].filter(([k]) => !skip.includes(k)).reduce((n, [, v]) => n + v.length, 0);
  const oursN = actionsOf(r.ours, [RESCHEDULED]);
  const bareN = actionsOf(r.bare, ['mismatch']);
  const parts = Object.keys(r.ours.cpu).filter((k) => k !== 'machine');
  const cpuRow = (label: string, a: number, b: number) => [label, (a / oursN).toFixed(1), (b / bareN).toFixed(1), ratio(a / oursN, b / bareN)];
  const cpuTable = table(
    ['part of the system', 'ours: CPU ms per Update', 'bare: CPU ms per Update', 'ours / bare'],
    [
      ...parts.map((k) => cpuRow(k, r.ours.cpu[k]!, r.bare.cpu[k]!)),
      cpuRow('**whole machine**', r.ours.cpu.machine!, r.bare.cpu.machine!),
    ],
  );
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  const perUpdate = (x: RunResult, n: number, name: string) => {
    const t = x.timings[name];
    return t && t.count > 0 ? `${ms((t.sum * 1000) / n)} (${(t.count / n).toFixed(2)})` : '–';
  };
  const apiTiming = r.ours.timings[API_TIMING];
  const timingTable = table(
    ['', 'ours', 'bare Temporal'],
    [
      ['an answer as the client saw it, mean ms (registrations and actions)', ms(mean(r.ours.perAction.all([RESCHEDULED]))), ms(mean(r.bare.perAction.all(['mismatch'])))],
      ['of it in our API processes (the POST from arriving to answered), mean ms', apiTiming && apiTiming.count ? ms((apiTiming.sum * 1000) / apiTiming.count) : '–', 'no API'],
      ...SDK_TIMINGS.map(([name, label]) => [`${label}: ms per Update (how many per Update)`, perUpdate(r.ours, oursN, name), perUpdate(r.bare, bareN, name)]),
    ],
  );
  // Each side's activities by type: how many per Update, the mean time one took, and its share per Update.
  const byType = (x: RunResult, n: number) =>
    Object.entries(x.timings)
      .filter(([key, t]) => key.startsWith(`${ACTIVITY_TIMING}:`) && t.count > 0)
      .sort(([, a], [, b]) => b.sum - a.sum)
      .map(([key, t]) => [key.slice(ACTIVITY_TIMING.length + 1), (t.count / n).toFixed(2), ms((t.sum * 1000) / t.count), ms((t.sum * 1000) / n)]);
  const activityTable = table(
    ['side: activity type', 'per Update', 'mean ms on the worker', 'ms per Update'],
    [...byType(r.ours, oursN).map(([k, ...v]) => [`ours: ${k}`, ...v]), ...byType(r.bare, bareN).map(([k, ...v]) => [`bare: ${k}`, ...v])],
  );
  const unread = [...r.ours.unreadTimings, ...r.bare.unreadTimings];
  const counts = [...r.counts.entries()].map(([k, c]) => `${k}: ${c.updates + 1} Updates (incl. registration), ${c.startActivities + c.activitiesPerUpdate.reduce((a, b) => a + b, 0)} activities (${c.startActivities} before the registration answers; per action ${c.activitiesPerUpdate.join(' ')})`).join('; ');
  return `### ${r.shape.name === 'dev' ? 'Dev shape (`npm start`)' : 'Production shape (`npm run cluster:up`)'}

${r.shape.description}. ${MATTERS} matters (the four kinds in turn), concurrency ${CONCURRENCY}, after a warm-up of ${Math.max(WARMUP, KIND_SCRIPTS.length)} matters each; ours and bare each run in two halves, in the order ours, bare, bare, ours (since 2026-12-01, 08:37Z; before, all of ours, then all of bare).
Per matter, read from the workflow histories and replayed by the baseline: ${counts}.

${main}

Throughput ratio **${ratio(throughput(r.ours), throughput(r.bare))}** (target ≥ 0.8), action p99 ratio **${p99Ratio}** (target ≤ 1.25).

Where the CPU went (read from /proc around each half, from its first request until the application's processes
were quiet after its last answer: ${settled(r.ours)} for ours' halves, ${settled(r.bare)} for the baseline's; ${oursN}
Updates of ours incl. registrations, ${bareN} of the baseline; the whole machine includes anything else running on it):

${cpuTable}

Where the time went, from what each side's processes report about themselves (the Temporal SDK's task timings
from both sides' workers, exported alike; ours' APIs' own request timings), summed over both halves and divided by the
Updates: every task of the half counts, also those no client waited for (ours' clocks and document workflows), so
these are the time each kind of step took per Update, not a critical path. What neither side's processes report is
the Temporal server's own time (history, matching, persistence) and the hops between processes.${unread.length ? ` **Not read** (did not answer): ${unread.join(', ')}.` : ''}

${timingTable}

The activities on the worker by type (the same SDK timing, read apart):

${activityTable}

Our actions by type:

${perType}
`;
}

async function main() {
  const workDir = benchWorkDir();
  // One section per shape, each with the machine and its load during that shape's run: a run of one shape
  // (SHAPES=cluster) replaces only its own section.
  for (const name of SHAPES) {
    const machine = await machineSnapshot();
    const report = await benchShape(name, workDir);
    const body = `## Full procedure over HTTP vs bare Temporal — ${name === 'dev' ? 'dev shape' : 'production shape'} (\`${name === 'dev' ? '' : 'SHAPES=cluster '}MATTERS=${MATTERS} CONCURRENCY=${CONCURRENCY} npm run bench:procedure\`)

${machineLine(machine)}

Each matter schedules its meeting ${MEETING_DELAY_MS} ms ahead and records it once that time has passed (the
bench's configuration drops the minimum review time: a non-production profile), in both ours and the
baseline; that wait is part of end-to-end time and of throughput. Actions are sent one after another per
matter, as people do, each with an Idempotency-Key as the web app sends (since 2026-11-30, 11:17Z;
earlier runs sent none). Every worker process, ours and the baseline's, runs with the same Node flags
(platform/temporal/workerProcessFlags.ts) and exports the Temporal SDK's metrics alike (since 2026-12-01, 13:37Z). The
server runs with eager activity dispatch (platform/temporal/serverDynamicConfig.ts; since 2026-12-01, 13:49Z).

${render(report)}`;
    process.stdout.write(`\n${body}\n`);
    writeSection(`procedure-${name}`, body);
  }
  process.stdout.write(`\nwritten to docs/benchmarks.md (work files in ${workDir})\n`);
}

runBenchmark(main);
