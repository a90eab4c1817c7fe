/**
 * What the matter endpoints answer, named for the OpenAPI document. The procedure state itself is the
 * domain's MatterState (documented by its top-level parts; its records are the domain's own types).
 */
import { z } from 'zod';
import { COMMAND_TYPES, FLAGS, MATTER_KINDS, matterStateShape, oneOf, STAGES } from '../../domain/procedure';


export const trailHeadSchema = z.object({ seq: z.number().int(), hash: z.string() }).meta({ id: 'TrailHead', description: 'The newest entry of a matter\'s trail' });

export const matterStateSchema = matterStateShape().meta({ id: 'MatterState', description: 'The procedure state the matter\'s workflow holds' });

export const deadlineSchema = z
  .looseObject({ key: z.string(), label: z.string(), startedAt: z.string(), dueAt: z.string().nullable(), remindAt: z.string().optional(), unit: z.string(), stage: oneOf(STAGES), warning: z.string().optional(), provisional: z.literal(true).optional() })
  .meta({ id: 'Deadline', description: 'A running statutory clock' });

export const matterWarningSchema = z
  .object({ code: z.enum(['may_need_fcr']), roles: z.array(z.string()), message: z.string(), findingIds: z.array(z.string()) })
  .meta({ id: 'MatterWarning', description: 'A warning for the people who can act on it, e.g. may_need_fcr: pre-screen findings on a matter not flagged ECON (for the legal unit)' });

const common = {
  id: z.string(),
  title: z.string(),
  kind: oneOf(MATTER_KINDS),
  alsoMajorDecision: z.boolean().describe('A normative document that is also a major decision: it owes the duties of both'),
  flags: z.array(oneOf(FLAGS)),
  draftingUnit: z.string(),
  stage: oneOf(STAGES),
  nextDueAt: z.string().nullable(),
  overdue: z.boolean(),
  awaitsMe: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const matterSchema = z
  .looseObject({
    ...common,
    createdBy: z.string(),
    fairCompetitionReview: z.boolean().describe('Whether the fair-competition review applies (flagged ECON, on a kind it applies to)'),
    warnings: z.array(matterWarningSchema),
    decidingBody: z.string().describe('The body that decides this kind of matter (configuration): director_office_meeting or party_committee_meeting'),
    plan: z.array(z.object({ key: z.string(), label: z.string(), basis: z.string(), optional: z.boolean() })).describe('The steps the matter owes in procedure order (a normative document that is also a major decision: both kinds\' steps)'),
    missingMaterials: z.array(z.string()).describe('The materials still missing before the legality review (713号令第26条; domain missingMaterials): the research form marks and proposes these'),
    currentVersion: z.object({ number: z.number().int(), sha256: z.string().nullable() }),
    turn: z.unknown().describe('Whose turn it is: the duties that move the matter on'),
    workflow: z.looseObject({ workflowId: z.string(), status: z.string(), trailHead: trailHeadSchema.nullable() }),
    deadlines: z.array(deadlineSchema),
    availableActions: z.array(z.looseObject({ type: oneOf(COMMAND_TYPES), label: z.string() })),
    state: matterStateSchema,
  })
  .meta({ id: 'Matter', description: 'A matter with its procedure state and what the caller may do next' });

export const matterListItemSchema = z
  .looseObject({ ...common, createdById: z.string(), currentVersion: z.number().int(), awaitingRoles: z.array(z.string()), awaitingUserIds: z.array(z.string()), warnings: z.array(z.string()).describe('Codes of the matter\'s warnings (may_need_fcr)') })
  .meta({ id: 'MatterListItem', description: 'A matter in a work list' });

export const actionResultSchema = z
  .object({ state: matterStateSchema, trail: trailHeadSchema, summary: z.string() })
  .meta({ id: 'ActionResult', description: 'An accepted action: the new state, its trail entry and what happened' });

export const trailVerdictSchema = z
  .object({ valid: z.boolean(), entries: z.number().int(), firstBadEntry: z.object({ seq: z.number().int(), reason: z.string() }).nullable() })
  .meta({ id: 'TrailVerdict', description: 'Every hash link checked, and the head against the matter record and the workflow' });

export const versionSummarySchema = z
  .object({ number: z.number().int(), sha256: z.string(), createdById: z.string(), createdAt: z.string() })
  .meta({ id: 'VersionSummary', description: 'A version of the text, without the text' });
