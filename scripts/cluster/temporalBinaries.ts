import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

/**
 * The Temporal server and its SQL schema tool, built once with Go from the module proxy into the same cache
 * as the CLI (no prebuilt binary can be downloaded here). The SQL tool carries the PostgreSQL schemas of its
 * version embedded (`--schema-name postgresql/v12/…`), so the server and its schema always match.
 */
export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
const MODULE = 'go.temporal.io/server';

export const TEMPORAL_SERVER_CACHE_DIR = path.join(
  process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'),
  'legality-review',
  `temporal-server-${TEMPORAL_SERVER_VERSION}`,
);

export interface TemporalServerBinaries {
  server: string;
  sqlTool: string;
}

function findGo(): string {
  for (const dir of [...(process.env.PATH ?? '').split(path.delimiter), '/usr/local/go/bin']) {
    const candidate = path.join(dir, 'go');
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error('Go is needed to build the Temporal server (install Go >= 1.23 or put it on PATH)');
}

/**
 * Builds `temporal-server` and `temporal-sql-tool` into the cache when missing. The build goes to a staging
 * folder first so an interrupted build never leaves a half-written binary behind.
 */
export function ensureTemporalServerBinaries(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): TemporalServerBinaries {
  const server = path.join(TEMPORAL_SERVER_CACHE_DIR, 'temporal-server');
  const sqlTool = path.join(TEMPORAL_SERVER_CACHE_DIR, 'temporal-sql-tool');
  const go = fs.existsSync(server) && fs.existsSync(sqlTool) ? null : findGo();
  if (go) {
    fs.mkdirSync(TEMPORAL_SERVER_CACHE_DIR, { recursive: true });
    log(`Building the Temporal server ${TEMPORAL_SERVER_VERSION} and its SQL tool with Go into ${TEMPORAL_SERVER_CACHE_DIR} (first run only, several minutes)…`);
    const staging = fs.mkdtempSync(path.join(TEMPORAL_SERVER_CACHE_DIR, 'build-'));
    const result = spawnSync(go, ['install', `${MODULE}/cmd/server@${TEMPORAL_SERVER_VERSION}`, `${MODULE}/cmd/tools/sql@${TEMPORAL_SERVER_VERSION}`], {
      env: { ...process.env, GOBIN: staging, CGO_ENABLED: '0' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (result.status !== 0) {
      fs.rmSync(staging, { recursive: true, force: true });
      throw new Error(`Building the Temporal server failed (go install exited ${result.status ?? result.signal})`);
    }
    fs.renameSync(path.join(staging, 'server'), server);
    fs.renameSync(path.join(staging, 'sql'), sqlTool);
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return { server, sqlTool };
}
