/**
 * What administrators change outside any matter — people and their roles, the law firm's retainer, the deciding
 * bodies' rosters, the holiday notices — recorded as typed events (an event enum and a data schema per event, as
 * documenso's audit log does) in one hash chain of their own. These decide who may act on matters and how the
 * clocks run, so an auditor reads them beside the matters' trails, and an edit or a deletion breaks the chain.
 * One event is a person's own: replacing their password (after an administrator set it, the other half of the story).
 */
import { z } from 'zod';
import { canonicalJson } from './canonicalJson';
import { GENESIS_HASH } from './hashChain';
import { sha256Hex } from './sha256';
import { firstBrokenLink } from './linkedEvents';
import { ADMIN_EVENT_TYPES, type AdminChainVerdict, type AdminEventFields, type AdminEventType, type StoredAdminEvent } from './adminEventFields';

export { ADMIN_EVENT_TYPES, type AdminChainVerdict, type AdminEventFields, type AdminEventType, type StoredAdminEvent };


/** A field's value before and after the change. */
const change = <T extends z.ZodType>(value: T) => z.strictObject({ from: value, to: value });
const day = z.string().nullable();
/** Where the request came from (as the matters' trail records it): beside a password being set, so an auditor can compare where a temporary password was set from with where it was replaced from. */
const origin = z.strictObject({ ip: z.string().nullable(), userAgent: z.string().nullable() });

/** Each event's data: what an auditor needs to see the change, never a secret (a new password is a fact, not a value). */
export const adminEventDataSchemas = {
  // `origin` since passwords an admin sets are temporary (older events have none).
  user_created: z.strictObject({ userId: z.string(), username: z.string(), roles: z.array(z.string()), sectionId: z.string().nullable(), lawFirm: z.boolean(), origin: origin.optional() }),
  user_changed: z.strictObject({
    userId: z.string(),
    username: z.string(),
    changes: z.strictObject({
      displayName: change(z.string()).optional(),
      roles: change(z.array(z.string())).optional(),
      sectionId: change(z.string().nullable()).optional(),
      active: change(z.boolean()).optional(),
      contractFrom: change(day).optional(),
      contractTo: change(day).optional(),
      legalQualification: change(z.boolean()).optional(),
      passwordReset: z.literal(true).optional(),
    }),
    sessionsRevoked: z.boolean(),
    /** Recorded with a password reset. */
    origin: origin.optional(),
  }),
  user_unlocked: z.strictObject({ userId: z.string(), username: z.string(), wasLocked: z.boolean() }),
  organisation_changed: z.strictObject({ organisationId: z.string(), contractFrom: change(day), contractTo: change(day) }),
  meeting_body_set: z.strictObject({
    bodyId: z.string(),
    kind: z.string(),
    name: z.string(),
    created: z.boolean(),
    members: z.array(z.strictObject({ userId: z.string(), from: z.string(), to: z.string().nullable(), chairs: z.boolean() })),
    previousMembers: z.array(z.strictObject({ userId: z.string(), from: z.string(), to: z.string().nullable(), chairs: z.boolean() })),
  }),
  calendar_year_loaded: z.strictObject({ year: z.number().int(), notice: z.string(), replaced: z.boolean(), offRanges: z.number().int(), makeupWorkdays: z.number().int() }),
  /**
   * A person replaced their own password (the actor is that person, not an administrator): after an admin's reset
   * or creation (`replacedTemporary`) the auditor reads "set by admin X at T1, replaced by its holder at T2" here.
   */
  password_changed: z.strictObject({ userId: z.string(), username: z.string(), replacedTemporary: z.boolean(), origin }),
} satisfies Record<AdminEventType, z.ZodType>;

export type AdminEventData<T extends AdminEventType> = z.infer<(typeof adminEventDataSchemas)[T]>;


export const ADMIN_GENESIS_HASH = GENESIS_HASH;

export function adminEventHash(f: AdminEventFields): string {
  const { seq, type, actorId, target, data, requestId, at, prevHash } = f;
  return sha256Hex(canonicalJson({ seq, type, actorId, target, data: data ?? null, requestId, at, prevHash }));
}


/** Every link and every event's data against its schema, then the head kept beside the chain. */
export function verifyAdminChain(events: StoredAdminEvent[], head: { seq: number; hash: string }): AdminChainVerdict {
  const bad = (seq: number, reason: string): AdminChainVerdict => ({ valid: false, events: events.length, firstBad: { seq, reason } });
  const broken = firstBrokenLink(events, ({ hash: _hash, ...fields }) => adminEventHash(fields), ADMIN_GENESIS_HASH);
  if (broken) return bad(broken.seq, broken.reason);
  const malformed = events.find((e) => !(adminEventDataSchemas as Record<string, z.ZodType | undefined>)[e.type]?.safeParse(e.data).success);
  if (malformed) return bad(malformed.seq, `its data is not a ${malformed.type} event's`);
  const last = events[events.length - 1];
  if (head.seq !== events.length || head.hash !== (last?.hash ?? ADMIN_GENESIS_HASH)) {
    return bad(Math.min(head.seq, events.length + 1), `the chain ends at event ${events.length} but its head records event ${head.seq} (events were deleted or added outside the chain)`);
  }
  return { valid: true, events: events.length };
}
