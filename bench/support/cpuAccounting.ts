/**
 * Where the CPU went during a phase of a benchmark, by part of the system: read from /proc at the start and
 * the end of the phase. Unlike latency on a shared 2-core machine, CPU spent per action barely moves with
 * the machine's load, so it says which part of our stack costs more than bare Temporal, and by how much.
 */
import fs from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  /** utime + stime, ms. */
  own: number;
  /** cutime + cstime: children that exited and were waited for, ms. */
  reaped: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const raw = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = raw.lastIndexOf(')');
    const comm = raw.slice(raw.indexOf('(') + 1, close);
    // After "pid (comm) ": state ppid … utime(12th) stime(13th) cutime(14th) cstime(15th), counted from state as 1st.
    const f = raw.slice(close + 2).split(' ');
    return { pid, ppid: Number(f[1]), comm, own: (Number(f[11]) + Number(f[12])) * TICK_MS, reaped: (Number(f[13]) + Number(f[14])) * TICK_MS };
  } catch {
    return null; // gone between listing and reading
  }
}

/** CPU time (user + system) a process has used so far, ms; NaN once it is gone. */
export function cpuMs(pid: number): number {
  return readStat(pid)?.own ?? NaN;
}

function allProcesses(): ProcStat[] {
  return fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map((d) => readStat(Number(d))).filter((s): s is ProcStat => s !== null);
}

/** A part of the system: its root processes, and whether their descendants count too. */
export interface CpuGroup {
  roots: () => number[];
  /** Count the roots' live descendants and their waited-for children as well (a process tree). */
  tree?: boolean;
  /** Descendants to leave out (they are another group's), by process name. */
  excludeDescendants?: (p: { comm: string }) => boolean;
  /** The group's CPU so far, measured its own way (instead of from `roots`). */
  measure?: () => number;
}

/** The machine as a whole: busy CPU time since boot, ms (every core summed). */
export function machineBusyMs(): number {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) * TICK_MS;
}

/** CPU ms each group has used so far. */
export function cpuSnapshot(groups: Record<string, CpuGroup>): Record<string, number> {
  const procs = allProcesses();
  const children = new Map<number, ProcStat[]>();
  for (const p of procs) {
    const siblings = children.get(p.ppid);
    if (siblings) siblings.push(p);
    else children.set(p.ppid, [p]);
  }
  const byPid = new Map(procs.map((p) => [p.pid, p]));
  const out: Record<string, number> = {};
  for (const [name, g] of Object.entries(groups)) {
    if (g.measure) {
      out[name] = g.measure();
      continue;
    }
    let total = 0;
    for (const root of g.roots()) {
      const r = byPid.get(root);
      if (!r) continue;
      if (!g.tree) {
        total += r.own;
        continue;
      }
      const stack = [r];
      while (stack.length) {
        const p = stack.pop()!;
        total += p.own + p.reaped;
        for (const c of children.get(p.pid) ?? []) if (!g.excludeDescendants?.(c)) stack.push(c);
      }
    }
    out[name] = total;
  }
  out.machine = machineBusyMs();
  return out;
}

/** PostgreSQL's postmaster(s) on this machine: roots of the `postgres` tree (backends are its children). */
export function postmasterPids(): number[] {
  const procs = allProcesses();
  const pg = new Set(procs.filter((p) => p.comm === 'postgres').map((p) => p.pid));
  return procs.filter((p) => pg.has(p.pid) && !pg.has(p.ppid)).map((p) => p.pid);
}

/**
 * PostgreSQL's backends connected to `database`: a backend's title names its user and database ("postgres:
 * 15/main: root lr_app 127.0.0.1(41234) idle", the cluster's name only on some packagings). Their own CPU is
 * the part of the server's that serves that database (the server's own processes — WAL writer, checkpointer —
 * are no database's).
 */
export function postgresBackendPids(database: string): number[] {
  const title = /^postgres: (?:[^ :]+: )?\S+ (\S+) /;
  return allProcesses()
    .filter((p) => p.comm === 'postgres')
    .filter((p) => {
      try {
        return title.exec(fs.readFileSync(`/proc/${p.pid}/cmdline`, 'utf8'))?.[1] === database;
      } catch {
        return false;
      }
    })
    .map((p) => p.pid);
}

/**
 * The CPU of the backends serving `database` (postgresBackendPids), as a group whose processes come and go: a pool
 * closes an idle connection, and its backend exits with what it used. Each backend counts what it had used when
 * last seen, so the total never falls (a backend's CPU between the last look and its exit is missed: little, for
 * a connection closed because it was idle).
 */
export function postgresDatabaseCpu(database: string): CpuGroup {
  const lastSeen = new Map<number, number>();
  let exited = 0;
  return {
    roots: () => postgresBackendPids(database),
    measure: () => {
      const now = new Map(postgresBackendPids(database).map((pid) => [pid, cpuMs(pid)] as const));
      for (const [pid, used] of lastSeen) {
        const current = now.get(pid);
        // Gone, or the pid taken by a new backend (which has used less than the old one had).
        if (current === undefined || Number.isNaN(current) || current < used) {
          exited += used;
          lastSeen.delete(pid);
        }
      }
      for (const [pid, used] of now) if (!Number.isNaN(used)) lastSeen.set(pid, used);
      return exited + [...lastSeen.values()].reduce((sum, used) => sum + used, 0);
    },
  };
}

/** Direct children of a process (e.g. the dev shape's Temporal dev server under `npm start`). */
export function childPids(pid: number): number[] {
  return allProcesses().filter((p) => p.ppid === pid).map((p) => p.pid);
}

export function cpuDelta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((k) => [k, (after[k] ?? 0) - (before[k] ?? 0)]));
}

/** A snapshot of the groups' CPU (cpuSnapshot) and when it was taken (Date.now(), epoch ms). */
export interface CpuSample {
  at: number;
  cpu: Record<string, number>;
}

/** Starts sampling the groups' CPU at a fixed period (what ran on the cores, and when); stop() ends it and returns the samples. */
export function sampleCpu(groups: Record<string, CpuGroup>, everyMs = 250): { stop(): CpuSample[] } {
  const samples: CpuSample[] = [{ at: Date.now(), cpu: cpuSnapshot(groups) }];
  const timer = setInterval(() => samples.push({ at: Date.now(), cpu: cpuSnapshot(groups) }), everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      samples.push({ at: Date.now(), cpu: cpuSnapshot(groups) });
      return samples;
    },
  };
}

/**
 * Each group's CPU over the given windows (epoch ms; overlapping windows counted once), in cores (CPU ms per ms
 * of window), each sampling interval's CPU spread evenly over it and taken in proportion to its overlap.
 */
export function coresDuring(samples: CpuSample[], windows: Array<[number, number]>): Record<string, number> {
  const merged: Array<[number, number]> = [];
  for (const [a, b] of [...windows].sort((x, y) => x[0] - y[0])) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  const length = merged.reduce((sum, [a, b]) => sum + (b - a), 0);
  const out: Record<string, number> = {};
  if (length <= 0) return out;
  for (let i = 1; i < samples.length; i++) {
    const [s0, s1] = [samples[i - 1]!, samples[i]!];
    const span = s1.at - s0.at;
    if (span <= 0) continue;
    const overlap = merged.reduce((sum, [a, b]) => sum + Math.max(0, Math.min(b, s1.at) - Math.max(a, s0.at)), 0);
    if (overlap <= 0) continue;
    for (const k of Object.keys(s1.cpu)) out[k] = (out[k] ?? 0) + (((s1.cpu[k] ?? 0) - (s0.cpu[k] ?? 0)) * overlap) / span;
  }
  for (const k of Object.keys(out)) out[k] = out[k]! / length;
  return out;
}
