/**
 * The baseline: a workflow with the same Updates and activities as a matter, and no application logic —
 * the start runs the activities the matter runs before its registration answers (registration, pre-screen),
 * and each Update runs as many activities as the matter's Update in its place ran (one for most actions, two
 * where a signing is numbered by the register or a new version is pre-screened) and answers. What Temporal
 * itself costs on this server for the same shape of work.
 */
import { condition, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';

export interface BareInput {
  /** Activities run at start, before the registration answers (the matter's registration + pre-screen). */
  startActivities: number;
  /** Updates after which the workflow completes. */
  updates: number;
}

export interface BareAction {
  type: string;
  payload: unknown;
  /** Activities this Update runs before it answers (at least one). */
  activities?: number;
}

export const bareRegistered = defineUpdate<number, []>('registered');
export const bareAct = defineUpdate<{ seq: number }, [BareAction]>('act');

const { bareActivity } = proxyActivities<{ bareActivity(input: { seq: number; type: string }): Promise<number> }>({ startToCloseTimeout: '1 minute' });

export async function bareMatterWorkflow(input: BareInput): Promise<number> {
  let seq = 0;
  let registered = false;
  setHandler(bareRegistered, async () => {
    await condition(() => registered);
    return seq;
  });
  let answered = 0;
  setHandler(bareAct, async (action) => {
    await condition(() => registered);
    for (let i = 0; i < Math.max(1, action.activities ?? 1); i++) seq = await bareActivity({ seq: seq + 1, type: action.type });
    answered++;
    return { seq };
  });
  for (let i = 0; i < input.startActivities; i++) seq = await bareActivity({ seq: seq + 1, type: 'start' });
  registered = true;
  await condition(() => answered >= input.updates);
  return seq;
}
