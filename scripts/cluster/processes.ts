import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';

/**
 * The cluster's processes run detached (they outlive `cluster:up`), each with its log file and a PID file in
 * DATA_DIR. A PID file records a marker of the command line, so a recycled PID that now belongs to some
 * other program is never mistaken for ours (and never signalled).
 */
export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
}

interface PidFile {
  pid: number;
  marker: string;
  startedAt: string;
}

export interface ProcessDirs {
  logs: string;
  pids: string;
}

const pidPath = (dirs: ProcessDirs, name: string) => path.join(dirs.pids, `${name}.pid`);
export const logPath = (dirs: ProcessDirs, name: string) => path.join(dirs.logs, `${name}.log`);

function cmdline(pid: number): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return null;
  }
}

function isZombie(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/** The PID of the named process if it is running and is still the program we started, else null. */
export function runningPid(dirs: ProcessDirs, name: string): number | null {
  let file: PidFile;
  try {
    file = JSON.parse(fs.readFileSync(pidPath(dirs, name), 'utf8')) as PidFile;
  } catch {
    return null;
  }
  const line = cmdline(file.pid);
  return line !== null && line.includes(file.marker) && !isZombie(file.pid) ? file.pid : null;
}

/** Starts the process detached, appending its output to DATA_DIR/logs/<name>.log; returns its PID. */
export function startDetached(dirs: ProcessDirs, spec: ProcessSpec): number {
  fs.mkdirSync(dirs.logs, { recursive: true });
  fs.mkdirSync(dirs.pids, { recursive: true });
  const out = fs.openSync(logPath(dirs, spec.name), 'a');
  fs.writeSync(out, `\n--- ${new Date().toISOString()} starting ${spec.name}: ${spec.command} ${spec.args.join(' ')}\n`);
  const child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  if (!child.pid) throw new Error(`could not start ${spec.name}`);
  child.unref();
  const marker = spec.args.find((a) => a.includes('/') || a.includes('.')) ?? spec.command;
  const record: PidFile = { pid: child.pid, marker, startedAt: new Date().toISOString() };
  fs.writeFileSync(pidPath(dirs, spec.name), JSON.stringify(record));
  return child.pid;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Signals the named process and waits until it is gone; SIGKILL after the grace period. */
export async function stopProcess(dirs: ProcessDirs, name: string, opts: { signal?: NodeJS.Signals; graceMs?: number } = {}): Promise<boolean> {
  const pid = runningPid(dirs, name);
  if (pid === null) {
    fs.rmSync(pidPath(dirs, name), { force: true });
    return false;
  }
  process.kill(pid, opts.signal ?? 'SIGTERM');
  const deadline = Date.now() + (opts.graceMs ?? 15_000);
  while (runningPid(dirs, name) === pid && Date.now() < deadline) await sleep(100);
  if (runningPid(dirs, name) === pid) {
    process.kill(pid, 'SIGKILL');
    while (runningPid(dirs, name) === pid) await sleep(50);
  }
  fs.rmSync(pidPath(dirs, name), { force: true });
  return true;
}

/** kill -9, for the fault suite: no clean-up of any kind, exactly as a crash. */
export async function killHard(dirs: ProcessDirs, name: string): Promise<number | null> {
  const pid = runningPid(dirs, name);
  if (pid === null) return null;
  process.kill(pid, 'SIGKILL');
  while (runningPid(dirs, name) === pid) await sleep(20);
  return pid;
}
