/**
 * The shape of an administrators' event (domain/evidence/adminEvents.ts) without the code that hashes and checks
 * it: no imports, so the web app's types read it too.
 */
export const ADMIN_EVENT_TYPES = ['user_created', 'user_changed', 'user_unlocked', 'organisation_changed', 'meeting_body_set', 'calendar_year_loaded', 'password_changed'] as const;
export type AdminEventType = (typeof ADMIN_EVENT_TYPES)[number];

/** The fields an admin event's hash covers. */
export interface AdminEventFields {
  seq: number;
  type: AdminEventType;
  actorId: string;
  /** What was changed, e.g. `user:u-123`. */
  target: string;
  data: unknown;
  requestId: string | null;
  /** ISO instant */
  at: string;
  prevHash: string;
}

/** An event as stored and served: its fields and its hash. */
export type StoredAdminEvent = AdminEventFields & { hash: string };

export interface AdminChainVerdict {
  valid: boolean;
  events: number;
  firstBad?: { seq: number; reason: string };
}
