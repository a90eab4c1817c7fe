import { appendTrailEntry, appendTrailEntryIfHeadIs, readTrailHead, type TrailHead, type TrailInput } from './trail/appendEntry';
import { storeOnce } from './trail/storeOnce';
import type { ActionRecord, ActivityDatabase, RegistrationRecord } from './types';
import { applyStateChanges, PROJECTION_REVISION, stateColumns, warningCodes, type MatterState } from '../domain/procedure';
import { storeSignOff, storesSignOff, voidSignOffs } from './signOffs';
import { storeFcrConclusionDocument, storesFcrConclusionDocument } from './fcrConclusion';
import { storeOpinionDocuments, storesOpinionDocument } from './opinionDocuments';
import { insertMatter, insertRow, MATTER_VERSION_COLUMNS, type MatterValues } from './sqlRows';
import type { Sql } from '../platform/database';
import { readStoredState } from './storedState';

/** Key of the registration entry in the trail; a matter is registered once. */
export const REGISTRATION_ACTION_KEY = 'register';


/**
 * Stores a new matter, its first version and the first trail entry in one transaction. Idempotent by
 * matter id: a retried activity finds the registration and returns its trail head.
 */
export async function storeRegistration(db: ActivityDatabase, r: RegistrationRecord): Promise<TrailHead> {
  return storeOnce(db, { matterId: r.matterId, actionKey: REGISTRATION_ACTION_KEY }, () =>
    db.transaction(async (sql) => {
      await insertMatter(sql, {
        id: r.matterId,
        title: r.state.title,
        kind: r.state.kind,
        alsoMajorDecision: r.state.alsoMajorDecision === true,
        flags: r.state.flags,
        draftingUnit: r.state.draftingUnit,
        createdById: r.actor.userId,
        stage: r.state.stage,
        workflowId: r.workflowId,
        currentVersion: 1,
        state: r.state,
        ...derivedColumns(r),
        warnings: warningCodes(r.state),
      });
      await insertRow(sql, 'matter_version', MATTER_VERSION_COLUMNS, { id: `${r.matterId}:1`, matterId: r.matterId, number: 1, sha256: r.firstVersion.hash, text: r.firstVersion.text, createdById: r.actor.userId, createdAt: r.at });
      return appendTrailEntry(sql, {
        matterId: r.matterId,
        actionKey: REGISTRATION_ACTION_KEY,
        actorId: r.actor.userId,
        actorRole: r.actorRole,
        action: 'register',
        summary: `登记：${r.state.title}`,
        origin: r.origin ?? null,
        after: { stage: r.state.stage, kind: r.state.kind, flags: r.state.flags, title: r.state.title },
        versionHash: r.firstVersion.hash,
        workflowId: r.workflowId,
        runId: r.runId,
        requestId: r.requestId,
        at: r.at,
      });
    }),
    (head) => head,
  );
}

/**
 * Stores one accepted action: the new version (if any), the matter's projection and the trail entry, all or
 * nothing. Idempotent by (matter, action key), never by attempt.
 *
 * Most actions store nothing but the entry and the projection: those append in one statement that moves the
 * head only if it is still the one the workflow last stored (or, from older workflow code, the one read just
 * before) — appendTrailEntryIfHeadIs; the others, and those another append came before (a retried attempt
 * among them), in one transaction under the matter row's lock.
 */
export async function storeAction(db: ActivityDatabase, record: ActionRecord, signingSecret: string): Promise<TrailHead> {
  const store = async (): Promise<TrailHead> => {
    if (storesOnlyTheEntry(record)) {
      const expected = record.expectedHead ?? (await readTrailHead(db, record.matterId));
      const head = expected && (await appendTrailEntryIfHeadIs(db, expected, trailInput(record), projection(record)));
      if (head) return head;
    }
    return db.transaction(async (sql) => {
      // What stores more than the entry reads the state (a sign-off its version, a document its findings).
      const a = { ...record, state: record.state ?? (await storedStateWith(sql, record)) };
      if (a.newVersion) {
        await insertRow(sql, 'matter_version', MATTER_VERSION_COLUMNS, {
          id: `${a.matterId}:${a.newVersion.number}`,
          matterId: a.matterId,
          number: a.newVersion.number,
          sha256: a.newVersion.hash,
          text: a.newVersion.text,
          createdById: a.actor.userId,
          createdAt: a.at,
        });
        await voidSignOffs(sql, a);
      }
      await storeSignOff(sql, a, signingSecret);
      await storeFcrConclusionDocument(sql, a);
      // The projection goes in the same UPDATE as the trail head (one statement, no RETURNING).
      const head = await appendTrailEntry(sql, trailInput(a), projection(a));
      await storeOpinionDocuments(sql, a, head);
      return head;
    });
  };
  // Every action pays for a look-up that only a retried attempt needs: skip it, the unique index answers.
  return storeOnce(db, { matterId: record.matterId, actionKey: record.actionKey }, store, (head) => head, { lookFirst: false });
}

/** Whether the action stores its trail entry and the projection and nothing else (no version, sign-off or document). */
function storesOnlyTheEntry(a: ActionRecord): boolean {
  return !a.newVersion && !storesSignOff(a) && !storesFcrConclusionDocument(a) && !storesOpinionDocument(a);
}

/** The state after the action, from the stored one (locked until the transaction ends) and the action's changes. */
async function storedStateWith(sql: Sql, a: ActionRecord): Promise<MatterState> {
  if (!a.changes) throw new Error(`action ${a.actionKey} on ${a.matterId} carries neither the state nor its changes`);
  return applyStateChanges(await readStoredState(sql, a.matterId, { lock: true }), a.changes);
}

/**
 * The matter row's columns an action sets, with the trail head: the whole state, or (from current workflow
 * code) the action's changes, which the UPDATE merges into the stored state, with the columns taken from it.
 */
function projection(a: ActionRecord): MatterValues {
  const state = a.state ? { state: a.state, ...stateColumns(a.state) } : { stateChanges: a.changes, ...a.columns };
  return { ...state, ...derivedColumns(a) };
}

function trailInput(a: ActionRecord): TrailInput {
  return {
    matterId: a.matterId,
    actionKey: a.actionKey,
    actorId: a.actor.userId,
    actorRole: a.actorRole,
    action: a.action,
    summary: a.summary,
    command: a.command,
    origin: a.origin ?? null,
    reason: a.reason,
    before: a.before,
    after: a.after,
    versionHash: a.versionHash,
    workflowId: a.workflowId,
    runId: a.runId,
    requestId: a.requestId,
    at: a.at,
  };
}

/**
 * The projection's derived columns as the workflow computed them. An activity scheduled by earlier workflow
 * code has no whose-turn columns: its row keeps the old revision and is recomputed at the next start.
 */
export function derivedColumns(r: { nextDueAt?: string | null; awaitingRoles?: string[]; awaitingUserIds?: string[] }) {
  const nextDueAt = r.nextDueAt || null; // an instant with its offset: stored as UTC (sqlRows)
  if (!r.awaitingRoles || !r.awaitingUserIds) return { nextDueAt, projectionRev: 0 };
  return { nextDueAt, awaitingRoles: r.awaitingRoles, awaitingUserIds: r.awaitingUserIds, projectionRev: PROJECTION_REVISION };
}
