import crypto from 'node:crypto';
import { canonicalJson } from './canonicalJson';

/** The hash the first entry of every matter's trail points back to. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of a trail entry that its hash covers: everything an auditor relies on. */
export interface TrailFields {
  matterId: string;
  seq: number;
  actionKey: string;
  actorId: string;
  actorRole: string;
  action: string;
  reason: string | null;
  before: unknown;
  after: unknown;
  versionHash: string | null;
  workflowId: string;
  runId: string | null;
  requestId: string | null;
  at: string; // ISO
  prevHash: string;
}

/**
 * Each entry's hash covers its own fields and the previous entry's hash, so editing, deleting or
 * reordering any row breaks every hash after it.
 */
export function entryHash(fields: TrailFields): string {
  return crypto.createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

export interface StoredTrailEntry extends Omit<TrailFields, 'at'> {
  at: Date | string;
  hash: string;
}

export interface ChainVerdict {
  valid: boolean;
  entries: number;
  firstBadEntry: null | { seq: number; reason: string };
}

/** Exactly the fields the hash covers, from a stored row (which has more columns, e.g. its id). */
export function hashedFields(e: StoredTrailEntry): TrailFields {
  return {
    matterId: e.matterId, seq: e.seq, actionKey: e.actionKey, actorId: e.actorId, actorRole: e.actorRole, action: e.action,
    reason: e.reason, before: e.before, after: e.after, versionHash: e.versionHash, workflowId: e.workflowId, runId: e.runId,
    requestId: e.requestId, at: typeof e.at === 'string' ? e.at : e.at.toISOString(), prevHash: e.prevHash,
  };
}

/** Walks a matter's trail in sequence order and reports the first entry that does not hold. */
export function verifyChain(entries: StoredTrailEntry[]): ChainVerdict {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of entries) {
    const bad = (reason: string): ChainVerdict => ({ valid: false, entries: entries.length, firstBadEntry: { seq: e.seq, reason } });
    if (e.seq !== expectedSeq) return bad(`sequence gap: expected entry ${expectedSeq}, found ${e.seq} (an entry was deleted or inserted)`);
    if (e.prevHash !== prevHash) return bad('previous-hash link broken (an earlier entry was removed or replaced)');
    if (entryHash(hashedFields(e)) !== e.hash) return bad('content does not match its hash (the entry was edited)');
    prevHash = e.hash;
    expectedSeq += 1;
  }
  return { valid: true, entries: entries.length, firstBadEntry: null };
}
