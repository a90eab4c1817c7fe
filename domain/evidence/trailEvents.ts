/**
 * The kinds of trail entry and the data each carries (the way documenso types its audit log: an enum of
 * event types, a schema per type, parsed on read). A person's action records the command as accepted and
 * the top-level parts of the matter's state before and after; the system's entries (pre-screen, reminder,
 * escalation) what they found or raised.
 */
import { z } from 'zod';
import { commandSchema, COMMAND_TYPES, FLAGS, MATTER_KINDS, matterStateShape, oneOf, STAGES, type CommandType } from '../procedure';

/** Where a person's request came from, recorded with the entry. */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

export const SYSTEM_EVENT_TYPES = ['register', 'fair_competition_prescreen', 'prescreen', 'deadline_reminder', 'deadline_escalation', 'adjustment_settled'] as const;
export type SystemEventType = (typeof SYSTEM_EVENT_TYPES)[number];
/** Every kind of trail entry: the registration, each command, and the system's own entries. */
export type TrailEventType = SystemEventType | CommandType;
export const TRAIL_EVENT_TYPES: readonly TrailEventType[] = [...SYSTEM_EVENT_TYPES, ...COMMAND_TYPES];


/** The parts of the matter's state an action changed (top-level keys only, before or after); new parts pass through. */
export const stateChangeSchema = matterStateShape()
  .partial()
  .meta({ id: 'StateChange', description: 'The top-level parts of the matter state an action changed' });

const registered = z.looseObject({ stage: oneOf(STAGES), kind: oneOf(MATTER_KINDS), flags: z.array(oneOf(FLAGS)), title: z.string() });
const prescreened = z.looseObject({ ruleSetVersion: z.string(), findings: z.array(z.looseObject({ id: z.string(), code: z.string(), start: z.number(), end: z.number() })) });
const screenedFinding = z.looseObject({ id: z.string(), code: z.string(), start: z.number(), end: z.number() });
/** Both pre-screens of one version (either may be absent: already run), each with the fingerprint that produced it. */
const screened = z.looseObject({
  fairCompetition: z.looseObject({ fingerprint: z.string(), findings: z.array(screenedFinding) }).optional(),
  legality: z.looseObject({ registerRevision: z.number().int(), fingerprint: z.string(), findings: z.array(screenedFinding) }).optional(),
});
const alerted = z.looseObject({ deadline: z.string(), dueAt: z.string(), label: z.string().optional() });
/** What became of the procedure adjusting or stopping this major decision (713号令第37条), as its matter told. */
const adjustmentSettled = z.looseObject({ newMatterId: z.string(), purpose: z.enum(['adjust', 'stop']), outcome: z.enum(['out', 'ended']), stage: z.string() });

/** The data of each kind of entry, discriminated by `action`. */
export const trailEventDataSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('register'), command: z.null(), before: z.null(), after: registered }),
  z
    .object({
      action: oneOf(COMMAND_TYPES),
      /** Absent (null) in entries written before commands were kept. */
      command: commandSchema().nullable(),
      before: stateChangeSchema,
      after: stateChangeSchema,
    })
    .refine((e) => e.command === null || e.command.type === e.action, { message: 'the command is not the action recorded', path: ['command'] }),
  z.object({ action: z.literal('fair_competition_prescreen'), command: z.null(), before: z.null(), after: prescreened }),
  z.object({ action: z.literal('prescreen'), command: z.null(), before: z.null(), after: screened }),
  z.object({ action: z.enum(['deadline_reminder', 'deadline_escalation']), command: z.null(), before: z.null(), after: alerted }),
  z.object({ action: z.literal('adjustment_settled'), command: z.null(), before: z.null(), after: adjustmentSettled }),
]);
export type TrailEventData = z.infer<typeof trailEventDataSchema>;

const entryFields = {
  seq: z.number().int(),
  at: z.string(),
  actionKey: z.string(),
  actorId: z.string(),
  actorRole: z.string(),
  summary: z.string().nullable().describe('What happened, in words; null in entries written before it was kept'),
  reason: z.string().nullable(),
  versionHash: z.string().nullable(),
  origin: z.object({ ip: z.string().nullable(), userAgent: z.string().nullable() }).nullable().describe('Where the request came from; null for the system and in older entries'),
  workflowId: z.string(),
  runId: z.string().nullable(),
  requestId: z.string().nullable(),
  hashVersion: z.number().int(),
  prevHash: z.string(),
  hash: z.string(),
};

/** A trail entry as the API returns it: the common fields and the data of its kind. */
export const trailEntrySchema = z
  .intersection(z.object(entryFields), trailEventDataSchema)
  .meta({ id: 'TrailEntry', description: 'One entry of the hash-chained decision trail' });
export type TrailEntryView = z.infer<typeof trailEntrySchema>;

/** A stored row whose data does not fit its kind (edited in the database): shown as stored, flagged. */
export const malformedTrailEntrySchema = z
  .object({ ...entryFields, action: z.string(), command: z.unknown(), before: z.unknown(), after: z.unknown(), malformed: z.string() })
  .meta({ id: 'MalformedTrailEntry', description: 'A stored entry whose data does not fit its kind; /trail/verify reports it' });
export type MalformedTrailEntry = z.infer<typeof malformedTrailEntrySchema>;

export interface TrailRow {
  seq: number;
  at: Date;
  actionKey: string;
  actorId: string;
  actorRole: string;
  action: string;
  summary: string | null;
  reason: string | null;
  versionHash: string | null;
  originIp: string | null;
  originUserAgent: string | null;
  workflowId: string;
  runId: string | null;
  requestId: string | null;
  hashVersion: number;
  prevHash: string;
  hash: string;
  command: unknown;
  before: unknown;
  after: unknown;
}

/** A stored row, parsed into the typed entry of its kind. */
export function trailEntryView(row: TrailRow): TrailEntryView | MalformedTrailEntry {
  const common = {
    seq: row.seq, at: row.at.toISOString(), actionKey: row.actionKey, actorId: row.actorId, actorRole: row.actorRole, summary: row.summary, reason: row.reason,
    versionHash: row.versionHash, origin: row.originIp !== null || row.originUserAgent !== null ? { ip: row.originIp, userAgent: row.originUserAgent } : null,
    workflowId: row.workflowId, runId: row.runId, requestId: row.requestId, hashVersion: row.hashVersion, prevHash: row.prevHash, hash: row.hash,
  };
  const data = trailEventDataSchema.safeParse({ action: row.action, command: row.command ?? null, before: row.before ?? null, after: row.after ?? null });
  if (data.success) return { ...common, ...data.data };
  const issue = data.error.issues[0]!;
  return { ...common, action: row.action, command: row.command, before: row.before, after: row.after, malformed: `${issue.path.join('.') || 'entry'}: ${issue.message}` };
}
