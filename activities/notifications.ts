import type { Logger } from '../platform/logger';
import { appendTrailEntry, type TrailHead } from './trail/appendEntry';
import { currentHash, parseMatterState } from '../domain/procedure';
import { storeOnce } from './trail/storeOnce';
import type { ActivityDatabase, NotificationInput } from './types';

/** The system, not a person, raises reminders and escalations; the trail names it so. */
export const SYSTEM_ACTOR = 'system';

/**
 * Records a reminder or an escalation in the trail (idempotent by its key) and then delivers it to the
 * configured webhook. Delivery failures are retried by Temporal; the record is written once.
 */
export async function storeAndSendNotification(
  deps: { db: ActivityDatabase; webhookUrl?: string; log: Logger },
  n: NotificationInput,
): Promise<TrailHead> {
  const actionKey = `notify:${n.key}`;
  const head = await storeOnce(
    deps.db,
    { matterId: n.matterId, actionKey },
    () =>
      deps.db.transaction(async (sql) => {
        const [matter] = await sql.query<{ state: unknown }>('SELECT state FROM matter WHERE id = $1', [n.matterId]);
        if (!matter) throw new Error(`matter ${n.matterId} does not exist`);
        return appendTrailEntry(sql, {
          matterId: n.matterId,
          actionKey,
          actorId: SYSTEM_ACTOR,
          actorRole: SYSTEM_ACTOR,
          action: n.kind === 'reminder' ? 'deadline_reminder' : 'deadline_escalation',
          summary: `${n.kind === 'reminder' ? '到期提醒' : '逾期督办'}：${n.label}（${n.dueAt}${n.provisional ? '，暂定' : ''}）`,
          reason: `${n.label}: due ${n.dueAt}${n.provisional ? ' (provisional: no holiday notice for that year yet)' : ''}`,
          after: { deadline: n.deadlineKey, dueAt: n.dueAt, label: n.label, ...(n.provisional ? { provisional: true } : {}) },
          versionHash: matter.state === null ? null : currentHash(parseMatterState(matter.state, n.matterId)),
          workflowId: n.workflowId,
          runId: n.runId,
          at: n.at,
        });
      }),
    (stored) => stored,
  );
  deps.log.info({ matterId: n.matterId, kind: n.kind, deadline: n.deadlineKey, dueAt: n.dueAt }, `${n.kind}: ${n.label}`);
  if (deps.webhookUrl) {
    const res = await fetch(deps.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': actionKey },
      body: JSON.stringify({ type: n.kind, matterId: n.matterId, deadline: n.deadlineKey, label: n.label, dueAt: n.dueAt, raisedAt: n.at, provisional: n.provisional === true }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`notification webhook answered ${res.status}`);
  }
  return head;
}
