/**
 * After a scenario: is every acknowledged action in the state and the trail exactly once, does every
 * workflow agree with its projection, does every trail verify? Read from the database and through the API.
 */
import { Client as PgClient } from 'pg';
import type { Observations, Sessions } from './load';

export interface Verdict {
  matters: number;
  sent: number;
  acknowledged: number;
  lost: string[];
  doubled: string[];
  stuck: string[];
  trailBroken: string[];
}

/** Trail entries the system writes by itself (not a person's action). */
const SYSTEM_ACTIONS = new Set(['register', 'registered', 'deadline_reminder', 'deadline_escalation', 'prescreen', 'fcr_prescreen']);

async function getJson(baseUrl: string, path: string, token: string): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status === 503 && attempt < 20) {
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    return { status: res.status, body: await res.json() };
  }
}

export async function verifyScenario(opts: { baseUrl: string; databaseUrl: string; sessions: Sessions; obs: Observations }): Promise<Verdict> {
  const { obs } = opts;
  const verdict: Verdict = { matters: obs.matterIds.length, sent: obs.sent, acknowledged: obs.acks.length, lost: [], doubled: [], stuck: [...obs.unfinished], trailBroken: [] };
  const db = new PgClient({ connectionString: opts.databaseUrl });
  await db.connect();
  try {
    for (const matterId of obs.matterIds) {
      const { rows } = await db.query<{ action: string; action_key: string }>('SELECT action, action_key FROM trail_entry WHERE matter_id = $1 ORDER BY seq', [matterId]);
      const acks = obs.acks.filter((a) => a.matterId === matterId);
      for (const ack of acks) {
        if (ack.type === 'register') {
          const registrations = rows.filter((r) => r.action_key === 'register').length;
          if (registrations === 0) verdict.lost.push(`${ack.key} (registration)`);
          if (registrations > 1) verdict.doubled.push(`${ack.key} (registration ×${registrations})`);
          continue;
        }
        const entries = rows.filter((r) => r.action_key.endsWith(`:${ack.key}`));
        if (entries.length === 0) verdict.lost.push(`${ack.key} (${ack.type})`);
        if (entries.length > 1) verdict.doubled.push(`${ack.key} (${ack.type} ×${entries.length})`);
      }
      // The same action applied twice under different keys would show as more entries of a type than acknowledgements.
      const byType = new Map<string, number>();
      for (const r of rows) if (!SYSTEM_ACTIONS.has(r.action) && !r.action_key.startsWith('notify:')) byType.set(r.action, (byType.get(r.action) ?? 0) + 1);
      for (const [type, n] of byType) {
        const acked = acks.filter((a) => a.type === type).length;
        if (n > acked) verdict.doubled.push(`${matterId}: ${n} ${type} entries for ${acked} acknowledged`);
      }
      const projection = await getJson(opts.baseUrl, `/api/v1/matters/${matterId}`, opts.sessions.tokens.legal);
      const live = await getJson(opts.baseUrl, `/api/v1/matters/${matterId}?live=true`, opts.sessions.tokens.legal);
      const status = live.body?.workflow?.status;
      const agree = projection.status === 200 && live.status === 200 && projection.body.stage === live.body.stage && JSON.stringify(projection.body.workflow.trailHead) === JSON.stringify(live.body.workflow.trailHead);
      if (!agree || !['RUNNING', 'COMPLETED'].includes(status)) {
        verdict.stuck.push(`${matterId}: workflow ${status} at ${live.body?.stage} head ${JSON.stringify(live.body?.workflow?.trailHead)}, projection at ${projection.body?.stage} head ${JSON.stringify(projection.body?.workflow?.trailHead)}`);
      }
      const verified = await getJson(opts.baseUrl, `/api/v1/matters/${matterId}/trail/verify`, opts.sessions.tokens.legal);
      if (verified.status !== 200 || verified.body.valid !== true) verdict.trailBroken.push(`${matterId}: ${JSON.stringify(verified.body)}`);
    }
  } finally {
    await db.end();
  }
  return verdict;
}
