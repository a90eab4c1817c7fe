import { applyStateChanges, type MatterState } from '../../domain/procedure';
import type { ActionAnswer } from '../../workflows/definitions';

/**
 * The state an action's answer leads to, without reading it again: the whole state of an answer from earlier
 * workflow code, or the answer's changes applied to the state the API read before relaying the action, when
 * that is the state they are from (its trail head is the one the workflow had when it took the action). Null
 * otherwise — a reminder or another action was stored in between, or the answer was rebuilt from the trail —
 * and the caller reads the projection.
 */
export function stateAfter(read: { row: { trailHeadSeq: number }; state: MatterState }, answer: ActionAnswer): MatterState | null {
  if (answer.state) return answer.state;
  if (answer.changes && answer.changedFrom === read.row.trailHeadSeq) return applyStateChanges(read.state, answer.changes);
  return null;
}
