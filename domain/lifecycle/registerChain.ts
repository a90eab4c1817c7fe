/**
 * The register's events are hash-chained per document, as a matter's trail is: each event's hash covers
 * its fields and the previous event's hash, and the head is kept in the register row and in the document's
 * workflow. The matter's own trail stays closed with the matter (its head lives in the matter's workflow).
 */
import { canonicalJson } from '../evidence/canonicalJson';
import { GENESIS_HASH } from '../evidence/hashChain';
import { sha256Hex } from '../evidence/sha256';
import { firstBrokenLink } from '../evidence/linkedEvents';

export interface RegisterEventFields {
  documentId: string;
  seq: number;
  actionKey: string;
  kind: string;
  actorId: string;
  summary: string;
  data: unknown;
  /** ISO instant */
  at: string;
  prevHash: string;
}

export const REGISTER_GENESIS_HASH = GENESIS_HASH;

export function registerEventHash(f: RegisterEventFields): string {
  const { documentId, seq, actionKey, kind, actorId, summary, data, at, prevHash } = f;
  return sha256Hex(canonicalJson({ documentId, seq, actionKey, kind, actorId, summary, data: data ?? null, at, prevHash }));
}

export interface RegisterChainVerdict {
  valid: boolean;
  events: number;
  firstBad?: { seq: number; reason: string };
}

/** Every link, then the heads recorded elsewhere (the register row, the document's workflow). */
export function verifyRegisterChain(events: Array<Omit<RegisterEventFields, 'prevHash'> & { prevHash: string; hash: string }>, heads: Array<{ seq: number; hash: string | null; where: string }>): RegisterChainVerdict {
  const broken = firstBrokenLink(events, ({ hash: _hash, ...fields }) => registerEventHash(fields), GENESIS_HASH);
  if (broken) return { valid: false, events: events.length, firstBad: broken };
  const last = events[events.length - 1]?.hash ?? null;
  const bad = heads.find((h) => h.seq !== events.length || h.hash !== last);
  if (bad) return { valid: false, events: events.length, firstBad: { seq: Math.min(bad.seq, events.length + 1), reason: `the register ends at event ${events.length} but the ${bad.where} records event ${bad.seq} as its head (events were deleted)` } };
  return { valid: true, events: events.length };
}
