import { appendTrailEntry, appendTrailEntryIfHeadIs, readTrailHead, type TrailHead, type TrailInput } from './trail/appendEntry';
import { storeOnce } from './trail/storeOnce';
import type { ActionRecord, ActivityDatabase, RegistrationRecord } from './types';
import { PROJECTION_REVISION, warningCodes } from '../domain/procedure';
import { storeSignOff, storesSignOff, voidSignOffs } from './signOffs';
import { storeFcrConclusionDocument, storesFcrConclusionDocument } from './fcrConclusion';
import { storeOpinionDocuments, storesOpinionDocument } from './opinionDocuments';
import { insertMatter, insertRow, MATTER_VERSION_COLUMNS, type MatterValues } from './sqlRows';

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
export async function storeAction(db: ActivityDatabase, a: ActionRecord, signingSecret: string): Promise<TrailHead> {
  const store = async (): Promise<TrailHead> => {
    if (storesOnlyTheEntry(a)) {
      const expected = a.expectedHead ?? (await readTrailHead(db, a.matterId));
      const head = expected && (await appendTrailEntryIfHeadIs(db, expected, trailInput(a), projection(a)));
      if (head) return head;
    }
    return db.transaction(async (sql) => {
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
  return storeOnce(db, { matterId: a.matterId, actionKey: a.actionKey }, store, (head) => head, { lookFirst: false });
}

/** Whether the action stores its trail entry and the projection and nothing else (no version, sign-off or document). */
function storesOnlyTheEntry(a: ActionRecord): boolean {
  return !a.newVersion && !storesSignOff(a) && !storesFcrConclusionDocument(a) && !storesOpinionDocument(a);
}

/** The matter row's columns an action sets, with the trail head. */
function projection(a: ActionRecord): MatterValues {
  return {
    title: a.state.title,
    flags: a.state.flags,
    stage: a.state.stage,
    currentVersion: a.state.versions.length,
    state: a.state,
    ...derivedColumns(a),
    warnings: warningCodes(a.state),
    assignedLawyerId: a.state.legality.lawyerId,
    fcrReviewerId: a.state.fairCompetition.reviewerId,
  };
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
function derivedColumns(r: { nextDueAt?: string | null; awaitingRoles?: string[]; awaitingUserIds?: string[] }) {
  const nextDueAt = r.nextDueAt || null; // an instant with its offset: stored as UTC (sqlRows)
  if (!r.awaitingRoles || !r.awaitingUserIds) return { nextDueAt, projectionRev: 0 };
  return { nextDueAt, awaitingRoles: r.awaitingRoles, awaitingUserIds: r.awaitingUserIds, projectionRev: PROJECTION_REVISION };
}
