/** docs/reliability.md, written by the fault suite from the run it just made. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Observations } from './load';
import type { Verdict } from './verify';

export interface ScenarioResult {
  name: string;
  fault: string;
  obs: Observations;
  verdict: Verdict;
  /** From the end of the fault (restart done, terminations stopped) to the first action acknowledged after it. */
  recoveryMs: number | null;
  /** The longest any single request waited to be answered during the scenario. */
  longestWaitMs: number;
  notes: string[];
}

const DOC = path.resolve(__dirname, '../../../docs/reliability.md');
const s = (ms: number | null) => (ms === null ? '–' : `${(ms / 1000).toFixed(1)} s`);

export function recoveryAfter(obs: Observations, faultEndedAt: number): number | null {
  const first = obs.acks.filter((a) => a.at >= faultEndedAt).sort((a, b) => a.at - b.at)[0];
  return first ? first.at - faultEndedAt : null;
}

export function writeReliabilityDoc(results: ScenarioResult[], meta: { startedAt: Date; durationMs: number }): void {
  const rows = results.map((r) =>
    `| ${r.name} | ${r.verdict.matters} | ${r.verdict.sent} | ${r.verdict.acknowledged} | ${r.verdict.lost.length} | ${r.verdict.doubled.length} | ${r.verdict.stuck.length} | ${r.verdict.trailBroken.length} | ${s(r.recoveryMs)} | ${s(r.longestWaitMs)} |`,
  );
  const statuses = results.map((r) => `- **${r.name}** — ${[...r.obs.statuses.entries()].map(([k, v]) => `${k}: ${v}`).join(', ')}${r.obs.undocumented.length ? `; **undocumented: ${r.obs.undocumented.length}** (${r.obs.undocumented.slice(0, 3).join(' · ')})` : ''}${r.obs.refusedStale.length ? `; ${r.obs.refusedStale.length} meeting time(s) passed while down, refused 422 and re-sent with a new time and key` : ''}`);
  const faults = results.map((r) => `- **${r.name}**: ${r.fault}${r.notes.length ? ` ${r.notes.join(' ')}` : ''}`);
  const body = `# Reliability

Written by the fault suite (\`test/faults/\`, run by \`npm test\`) from its last run: ${meta.startedAt.toISOString().replace(/\.\d+Z$/, 'Z')}, ${(meta.durationMs / 1000).toFixed(0)} s, on ${os.cpus()[0]?.model ?? 'unknown'} (nproc ${os.availableParallelism()}, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' / ')} at the end).

The suite brings up its own production-shaped cluster (\`scripts/cluster\`: Temporal server on PostgreSQL, two
worker processes, two API processes behind the round-robin front, NODE_ENV=production, statutory clocks) and,
for each scenario, drives matters through their whole procedure over HTTP while the fault happens. Clients
behave as documented: every request carries an \`Idempotency-Key\`; a request that got no answer, or a 503, is
sent again with the same key after \`Retry-After\`.

After each scenario: every acknowledged action must be in the trail exactly once (and no action type has more
entries than acknowledgements), every workflow must agree with its projection (stage and trail head, read
with \`?live=true\` and without) and be running or completed, every trail must verify, and clients must have
seen only documented answers (2xx; 503 with Retry-After; no answer when the process holding the request died).

| scenario | matters | actions sent | acknowledged | lost | doubled | stuck | trail broken | recovery | longest wait |
|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

*Actions sent* counts every distinct request (registration included; a re-sent request with the same key
counts once). *Recovery* is from the end of the fault (process restarted, terminations stopped) to the first
action acknowledged after it; *longest wait* is the longest any single request took to be answered, retries
included.

What was done:

${faults.join('\n')}

What the clients saw (answers by status, retries included):

${statuses.join('\n')}
`;
  fs.mkdirSync(path.dirname(DOC), { recursive: true });
  fs.writeFileSync(DOC, body);
}
