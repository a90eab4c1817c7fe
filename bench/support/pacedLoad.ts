/**
 * A small open-loop HTTP load generator: requests leave at a fixed offered rate whatever the answers do
 * (a slow answer does not slow the senders down, so queueing shows up in the latencies instead of being
 * hidden), for a fixed duration, with a bound on requests in flight (beyond it a request is counted as
 * dropped, never queued without limit). Latency is measured from the moment the request was due, so time
 * spent waiting for the client's own event loop counts against us, not for us.
 *
 * It runs in a process of its own (as autocannon would): in the benchmark's process its timers and answers
 * shared an event loop and a heap with everything the benchmark holds, so the benchmark's own pauses were
 * counted as the system's latency.
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { summarise, type Summary } from './stats';

export interface PacedLoadOptions {
  /** Base URL, e.g. http://127.0.0.1:17680 */
  baseUrl: string;
  /** Request number i goes to paths[i % paths.length] (so a run can spread over many matters). */
  paths: string[];
  headers?: Record<string, string>;
  ratePerSecond: number;
  durationMs: number;
  /** Requests in flight beyond this are dropped (counted, not sent). */
  maxInFlight?: number;
  timeoutMs?: number;
}

export interface PacedLoadResult {
  offeredRate: number;
  sent: number;
  ok: number;
  /** Answers other than 2xx, by status. */
  errors: Record<string, number>;
  dropped: number;
  /** Answers per second over the run (2xx only). */
  achievedRate: number;
  latency: Summary;
  /** CPU the load generator's process used during the run, ms (it shares the cores with the system measured). */
  clientCpuMs: number;
  /** The slowest 1 % of the answers: when each was due and when it came (epoch ms), to set against what ran then. */
  slowest: Array<[number, number]>;
}

/** Runs the load from a child process and returns what it measured. */
export async function pacedLoad(opts: PacedLoadOptions): Promise<PacedLoadResult> {
  const child = fork(__filename, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    return await new Promise<PacedLoadResult>((resolve, reject) => {
      child.once('message', (m: { result?: PacedLoadResult; error?: string }) => (m.result ? resolve(m.result) : reject(new Error(m.error))));
      child.once('exit', (code) => reject(new Error(`the load generator exited (${code}) before answering`)));
      child.once('error', reject);
      child.send(opts);
    });
  } finally {
    child.kill();
  }
}

async function runPacedLoad(opts: PacedLoadOptions): Promise<PacedLoadResult> {
  const cpuAtStart = process.cpuUsage();
  const url = new URL(opts.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.maxInFlight ?? 256 });
  const maxInFlight = opts.maxInFlight ?? 256;
  const total = Math.round((opts.ratePerSecond * opts.durationMs) / 1000);
  const interval = 1000 / opts.ratePerSecond;
  const latencies: number[] = [];
  const answered: Array<[number, number]> = []; // [due, answered] (performance.now())
  const errors: Record<string, number> = {};
  let ok = 0;
  let inFlight = 0;
  let dropped = 0;
  let sent = 0;
  const t0 = performance.now();
  let lastAnswer = t0;

  const one = (i: number, due: number) =>
    new Promise<void>((resolve) => {
      inFlight++;
      sent++;
      const done = (status: number | string) => {
        inFlight--;
        const now = performance.now();
        lastAnswer = Math.max(lastAnswer, now);
        if (typeof status === 'number' && status >= 200 && status < 300) {
          ok++;
          latencies.push(now - due);
          answered.push([due, now]);
        } else errors[String(status)] = (errors[String(status)] ?? 0) + 1;
        resolve();
      };
      const req = http.request(
        { host: url.hostname, port: url.port, path: opts.paths[i % opts.paths.length]!, method: 'GET', headers: opts.headers, agent, timeout: opts.timeoutMs ?? 10_000 },
        (res) => {
          res.resume();
          res.on('end', () => done(res.statusCode ?? 0));
          res.on('error', () => done('response error'));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (err: NodeJS.ErrnoException) => done(err.message === 'timeout' ? 'timeout' : (err.code ?? 'error')));
      req.end();
    });

  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = t0 + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    if (inFlight >= maxInFlight) {
      dropped++;
      continue;
    }
    pending.push(one(i, due));
  }
  await Promise.all(pending);
  agent.destroy();
  const elapsed = (lastAnswer - t0) / 1000;
  const cpu = process.cpuUsage(cpuAtStart);
  const epoch = (t: number) => performance.timeOrigin + t;
  const slowest = answered
    .sort((a, b) => b[1] - b[0] - (a[1] - a[0]))
    .slice(0, Math.ceil(answered.length / 100))
    .map(([due, at]): [number, number] => [epoch(due), epoch(at)]);
  return { offeredRate: opts.ratePerSecond, sent, ok, errors, dropped, achievedRate: elapsed > 0 ? ok / elapsed : 0, latency: summarise(latencies), clientCpuMs: (cpu.user + cpu.system) / 1000, slowest };
}

// Forked by pacedLoad: one run, answered over IPC.
if (process.send && require.main === module) {
  process.once('message', (opts: PacedLoadOptions) => {
    runPacedLoad(opts).then(
      (result) => process.send!({ result }),
      (err: unknown) => process.send!({ error: String(err) }),
    );
  });
}
