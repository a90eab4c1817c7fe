/**
 * The register's events are hash-chained per document, as a matter's trail is: each event's hash covers
 * its fields and the previous event's hash, and the head is kept in the register row and in the document's
 * workflow. The matter's own trail stays closed with the matter (its head lives in the matter's workflow).
 */
import { canonicalJson } from '../evidence/canonicalJson';
import { GENESIS_HASH } from '../evidence/hashChain';
import { sha256Hex } from '../evidence/sha256';
import { firstBrokenLink } from '../evidence/linkedEvents';
import { canonicalInstant } from './lifeTime';

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

/**
 * What the chained events say the register row holds: its status and expiry. The row is what people read (the
 * register, the clean-up lists, the 备案 package); written beside each event, it is bound to the chain by this.
 */
export function rowFromEvents(events: ReadonlyArray<Pick<RegisterEventFields, 'kind' | 'data'>>): { status: string; expiresAt?: string | null } {
  let status = 'signed';
  let expiresAt: string | null | undefined;
  const instant = (v: unknown): string | null => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? canonicalInstant(v) : null);
  for (const e of events) {
    const data = (e.data ?? {}) as { expiresAt?: unknown; newExpiresAt?: unknown; awaitsIssue?: unknown };
    switch (e.kind) {
      case 'issued':
        status = 'in_force';
        expiresAt = instant(data.expiresAt);
        break;
      case 'decision_continue':
        // A continuation sets a new expiry where the document has one (a clean-up may keep it).
        if (expiresAt && data.newExpiresAt !== undefined) expiresAt = instant(data.newExpiresAt);
        break;
      case 'decision_amend':
        // Since patch document-amendment-awaits-issue the document stays in force until the amended text takes effect.
        if (data.awaitsIssue !== true) status = 'amended';
        break;
      case 'amendment_effective':
        status = 'amended';
        break;
      case 'decision_repeal':
        status = 'repealed';
        break;
      case 'expiry':
        status = 'expired';
        break;
      default:
        break;
    }
  }
  return expiresAt === undefined ? { status } : { status, expiresAt };
}

/**
 * Every link, then the heads recorded elsewhere (the register row, the document's workflow), then the row's status and
 * expiry against what the events say (a repeal deleted and the row set back to in force is caught by the head; the row
 * alone edited, by this).
 */
export function verifyRegisterChain(
  events: Array<Omit<RegisterEventFields, 'prevHash'> & { prevHash: string; hash: string }>,
  heads: Array<{ seq: number; hash: string | null; where: string }>,
  row?: { status: string; expiresAt: string | null },
): RegisterChainVerdict {
  const broken = firstBrokenLink(events, ({ hash: _hash, ...fields }) => registerEventHash(fields), GENESIS_HASH);
  if (broken) return { valid: false, events: events.length, firstBad: broken };
  const last = events[events.length - 1]?.hash ?? null;
  const bad = heads.find((h) => h.seq !== events.length || h.hash !== last);
  if (bad) return { valid: false, events: events.length, firstBad: { seq: Math.min(bad.seq, events.length + 1), reason: `the register ends at event ${events.length} but the ${bad.where} records event ${bad.seq} as its head (events were deleted)` } };
  if (row) {
    const said = rowFromEvents(events);
    const rowExpiry = row.expiresAt === null ? null : canonicalInstant(row.expiresAt);
    const differs = row.status !== said.status ? `status ${row.status}, the events say ${said.status}` : said.expiresAt !== undefined && rowExpiry !== said.expiresAt ? `expiry ${rowExpiry}, the events say ${said.expiresAt}` : null;
    if (differs) return { valid: false, events: events.length, firstBad: { seq: events.length, reason: `the register row was altered: ${differs}` } };
  }
  return { valid: true, events: events.length };
}
