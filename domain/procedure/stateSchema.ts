/**
 * The matter state as it comes back from JSON (the database projection, a workflow's answer): checked
 * once against its top-level shape and then used as the domain's MatterState, instead of a cast at every
 * place that reads a stored row. The records inside are the domain's own (written by decide()); the check
 * catches a row that is not a matter state at all (empty, truncated, edited by hand).
 */
import { z } from 'zod';
import { STAGES } from './labels';
import { oneOf } from './primitives';
import { FLAGS, MATTER_KINDS, type MatterState } from './types';

const record = z.looseObject({});

/** The matter state's top-level parts; records inside are kept as they are. */
export const matterStateShape = z.looseObject({
  matterId: z.string(),
  stage: oneOf(STAGES),
  kind: oneOf(MATTER_KINDS),
  alsoMajorDecision: z.boolean().optional(),
  flags: z.array(oneOf(FLAGS)),
  title: z.string(),
  draftingUnit: z.string(),
  createdBy: z.string(),
  registeredAt: z.string(),
  versions: z.array(z.looseObject({ number: z.number().int(), hash: z.string() })).min(1),
  research: record,
  fairCompetition: record,
  legality: record,
  meeting: record,
  decision: record.nullable(),
  postDecision: record,
  returns: z.array(record),
  flagChanges: z.array(record),
  closure: record.nullable(),
});

function isMatterState(value: unknown): value is MatterState {
  return matterStateShape.safeParse(value).success;
}

/** A stored matter state, checked; throws naming the matter when the row holds something else. */
export function parseMatterState(value: unknown, matterId: string): MatterState {
  // States stored before the second classification existed are normative documents or major decisions only.
  if (isMatterState(value)) return value.alsoMajorDecision === undefined ? { ...value, alsoMajorDecision: false } : value;
  const issue = matterStateShape.safeParse(value).error?.issues[0];
  throw new Error(`matter ${matterId}: the stored state is not a matter state (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'empty'})`);
}
