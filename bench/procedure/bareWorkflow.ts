/**
 * The baseline: a workflow with the same number of Updates and activities as a matter, and no application
 * logic — each Update runs one activity and answers; the start runs the matter's remaining activities
 * (its registration and pre-screen) before `registered` resolves. What Temporal itself costs on this server.
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
  setHandler(bareAct, async (action) => {
    await condition(() => registered);
    seq = await bareActivity({ seq: seq + 1, type: action.type });
    return { seq };
  });
  for (let i = 0; i < input.startActivities; i++) seq = await bareActivity({ seq: seq + 1, type: 'start' });
  registered = true;
  await condition(() => seq >= input.startActivities + input.updates);
  return seq;
}
