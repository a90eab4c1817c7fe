import crypto from 'node:crypto';
import { canonicalJson } from './canonicalJson';

/** The hash the first entry of every matter's trail points back to. */
export const GENESIS_HASH = '0'.repeat(64);

/** The hash format new entries are written with. */
export const CURRENT_HASH_VERSION = 2;

/** The fields of a trail entry that a version-1 hash covers (entries written before summaries and origins were kept). */
export interface TrailFieldsV1 {
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
 * Version 2 also covers what happened in words, the command as accepted and where the request came from.
 * The version itself is hashed: turning a version-2 entry into a version-1 one to escape the new fields
 * changes its hash.
 */
export interface TrailFieldsV2 extends TrailFieldsV1 {
  hashVersion: 2;
  summary: string | null;
  command: unknown;
  originIp: string | null;
  originUserAgent: string | null;
}

/** The fields of a trail entry that its hash covers: everything an auditor relies on. */
export type TrailFields = TrailFieldsV1 | TrailFieldsV2;

/**
 * Each entry's hash covers its own fields and the previous entry's hash, so editing, deleting or
 * reordering any row breaks every hash after it.
 */
export function entryHash(fields: TrailFields): string {
  return crypto.createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

/** A trail row as stored (it has more columns, e.g. its id); the v2 columns are absent in old rows. */
export interface StoredTrailEntry extends Omit<TrailFieldsV1, 'at'> {
  at: Date | string;
  hash: string;
  hashVersion?: number;
  summary?: string | null;
  command?: unknown;
  originIp?: string | null;
  originUserAgent?: string | null;
}

export interface ChainVerdict {
  valid: boolean;
  entries: number;
  firstBadEntry: null | { seq: number; reason: string };
}

/** Exactly the fields the hash covers, by the entry's hash version, from a stored row. */
export function hashedFields(e: StoredTrailEntry): TrailFields {
  const v1: TrailFieldsV1 = {
    matterId: e.matterId, seq: e.seq, actionKey: e.actionKey, actorId: e.actorId, actorRole: e.actorRole, action: e.action,
    reason: e.reason, before: e.before, after: e.after, versionHash: e.versionHash, workflowId: e.workflowId, runId: e.runId,
    requestId: e.requestId, at: typeof e.at === 'string' ? e.at : e.at.toISOString(), prevHash: e.prevHash,
  };
  if ((e.hashVersion ?? 1) === 1) return v1;
  return { ...v1, hashVersion: 2, summary: e.summary ?? null, command: e.command ?? null, originIp: e.originIp ?? null, originUserAgent: e.originUserAgent ?? null };
}

/** Walks a matter's trail in sequence order and reports the first entry that does not hold. */
export function verifyChain(entries: StoredTrailEntry[]): ChainVerdict {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of entries) {
    const bad = (reason: string): ChainVerdict => ({ valid: false, entries: entries.length, firstBadEntry: { seq: e.seq, reason } });
    if (e.seq !== expectedSeq) return bad(`sequence gap: expected entry ${expectedSeq}, found ${e.seq} (an entry was deleted or inserted)`);
    if (e.prevHash !== prevHash) return bad('previous-hash link broken (an earlier entry was removed or replaced)');
    if (e.hashVersion !== undefined && e.hashVersion !== 1 && e.hashVersion !== CURRENT_HASH_VERSION) return bad(`unknown hash version ${e.hashVersion}`);
    if (entryHash(hashedFields(e)) !== e.hash) return bad('content does not match its hash (the entry was edited)');
    prevHash = e.hash;
    expectedSeq += 1;
  }
  return { valid: true, entries: entries.length, firstBadEntry: null };
}
