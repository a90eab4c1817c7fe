/**
 * The matter state as it comes back from JSON (the database projection, a workflow's answer): checked
 * once against its top-level shape and then used as the domain's MatterState, instead of a cast at every
 * place that reads a stored row. The records inside are the domain's own (written by decide()); the check
 * catches a row that is not a matter state at all (empty, truncated, edited by hand).
 */
import { z } from 'zod';
import { STAGES } from './labels';
import { builtOnFirstUse, oneOf } from './primitives';
import { FLAGS, MATTER_KINDS, type MatterState } from './types';

/**
 * The matter state's top-level parts, each part checked as an object of the kind named (`part`) and kept as
 * it is.
 */
function matterStateFields<Part extends z.ZodType>(part: Part) {
  return {
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
    research: part,
    fairCompetition: part,
    legality: part,
    meeting: part,
    decision: part.nullable(),
    postDecision: part,
    returns: z.array(part),
    flagChanges: z.array(part),
    closure: part.nullable(),
  };
}

/**
 * The matter state's top-level parts; records inside are kept as they are (the API documents it so). Built when
 * first used, as the commands' schemas are: no workflow reads a stored state.
 */
export const matterStateShape = builtOnFirstUse(() => z.looseObject(matterStateFields(z.looseObject({}))));

/**
 * The same check, for reading a stored state: it accepts and refuses exactly what matterStateShape does
 * (unknown keys allowed at every level), but as a check whose output is thrown away, so it copies nothing.
 * A loose object's parse copies every key of the state and of each part into a new object, on every action
 * and every status read. In the API processes' CPU profile of the read benchmark (BENCH_CPU_PROF, 500 req/s)
 * the check fell from 3.7 % to 1.4 % of their CPU with this; alone, from 5–12 to 1–5 µs for a 10 KB state.
 * Built when first used: this module is also in the workflow bundle, whose modules every matter's workflow
 * evaluates anew, and no workflow reads a stored state.
 */
const matterStateCheck = builtOnFirstUse(() => z.object(matterStateFields(z.object({}))));

function isMatterState(value: unknown): value is MatterState {
  return matterStateCheck().safeParse(value).success;
}

/** A stored matter state, checked; throws naming the matter when the row holds something else. */
export function parseMatterState(value: unknown, matterId: string): MatterState {
  // States stored before the second classification existed are normative documents or major decisions only.
  if (isMatterState(value)) return value.alsoMajorDecision === undefined ? { ...value, alsoMajorDecision: false } : value;
  const issue = matterStateShape().safeParse(value).error?.issues[0];
  throw new Error(`matter ${matterId}: the stored state is not a matter state (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'empty'})`);
}
