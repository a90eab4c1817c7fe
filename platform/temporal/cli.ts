import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';

/** The CLI version that can still be `go install`ed (later ones carry a replace directive in go.mod). */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
export const TEMPORAL_CLI_CACHE_DIR = path.join(
  process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'),
  'legality-review',
  `temporal-cli-${TEMPORAL_CLI_VERSION}`,
);

function onPath(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, cmd);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      /* keep looking */
    }
  }
  return undefined;
}

/**
 * Finds the Temporal CLI (which contains the dev server): TEMPORAL_CLI_PATH, then `temporal` on PATH, then
 * our cache outside the checkout; builds it into the cache with Go when missing, because no prebuilt binary
 * can be downloaded here. Fails with what to install when there is no Go either.
 */
export function ensureTemporalCli(opts: { explicitPath?: string; log?: (line: string) => void } = {}): string {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (opts.explicitPath) {
    if (!fs.existsSync(opts.explicitPath)) throw new Error(`TEMPORAL_CLI_PATH points to a missing file: ${opts.explicitPath}`);
    return opts.explicitPath;
  }
  const fromPath = onPath('temporal');
  if (fromPath) return fromPath;
  const cached = path.join(TEMPORAL_CLI_CACHE_DIR, 'temporal');
  if (fs.existsSync(cached)) return cached;

  const go = onPath('go') ?? (fs.existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined);
  if (!go) {
    throw new Error(
      'No Temporal CLI found. Install one of: the `temporal` CLI on PATH (or set TEMPORAL_CLI_PATH), ' +
        'or Go >= 1.22 so it can be built, or point TEMPORAL_ADDRESS at a running Temporal server.',
    );
  }
  fs.mkdirSync(TEMPORAL_CLI_CACHE_DIR, { recursive: true });
  log(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with Go into ${TEMPORAL_CLI_CACHE_DIR} (first run only, a few minutes)…`);
  // Build into a temporary folder and rename, so an interrupted build never leaves a broken binary cached.
  const staging = fs.mkdtempSync(path.join(TEMPORAL_CLI_CACHE_DIR, 'build-'));
  const result = spawnSync(go, ['install', `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`], {
    env: { ...process.env, GOBIN: staging, CGO_ENABLED: '0' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new Error(`Building the Temporal CLI failed (go install exited ${result.status ?? result.signal})`);
  }
  fs.renameSync(path.join(staging, 'temporal'), cached);
  fs.rmSync(staging, { recursive: true, force: true });
  log(`Temporal CLI ready: ${execFileSync(cached, ['--version']).toString().trim()}`);
  return cached;
}
