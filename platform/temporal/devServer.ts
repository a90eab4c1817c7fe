import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTES } from './searchAttributes';
import { dynamicConfigArgs } from './serverDynamicConfig';

export interface DevServer {
  address: string;
  namespace: string;
  stop(): Promise<void>;
}

/**
 * Starts `temporal server start-dev` with its state in a file, and waits until it answers. We start it
 * ourselves because the SDK's launcher gives a server only 5 s, too little for a cold start here.
 */
export async function startDevServer(opts: {
  cliPath: string;
  dataDir: string;
  port: number;
  namespace?: string;
  log?: (line: string) => void;
  startTimeoutMs?: number;
}): Promise<DevServer> {
  const namespace = opts.namespace ?? 'default';
  const address = `127.0.0.1:${opts.port}`;
  if (await portOpen(opts.port)) {
    throw new Error(`Port ${opts.port} is already in use: another Temporal server? Set TEMPORAL_ADDRESS=${address} to use it, or TEMPORAL_DEV_PORT to pick another port.`);
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const logFile = path.join(opts.dataDir, 'temporal-server.log');
  const out = fs.openSync(logFile, 'a');
  const args = [
    'server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(opts.port),
    '--db-filename', path.join(opts.dataDir, 'temporal.db'), '--namespace', namespace, '--log-level', 'warn',
    ...Object.entries(SEARCH_ATTRIBUTES).flatMap(([name, type]) => ['--search-attribute', `${name}=${type}`]),
    ...dynamicConfigArgs(),
  ];
  const child = spawn(opts.cliPath, args, { stdio: ['ignore', out, out], detached: false });
  fs.closeSync(out);
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = `exited with ${code ?? signal}`;
  });

  const deadline = Date.now() + (opts.startTimeoutMs ?? 90_000);
  for (;;) {
    if (exited) throw new Error(`Temporal dev server ${exited}; see ${logFile}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Temporal dev server did not answer on ${address} in time; see ${logFile}`);
    }
    if (await answers(address, namespace)) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  opts.log?.(`Temporal dev server on ${address} (state in ${opts.dataDir}, log ${logFile})`);
  return { address, namespace, stop: () => stopChild(child) };
}

async function answers(address: string, namespace: string): Promise<boolean> {
  try {
    const connection = await Connection.connect({ address, connectTimeout: 1000 });
    try {
      await connection.workflowService.describeNamespace({ namespace });
      return true;
    } finally {
      await connection.close();
    }
  } catch {
    return false;
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
    child.kill('SIGTERM');
  });
}

/** A free TCP port on loopback (tests run their own server beside a developer's). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
