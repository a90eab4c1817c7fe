/**
 * The matter's state as a reader sees it. Whoever may not read the trail (the lawyer, the fair-competition
 * reviewer, meeting members: read_trail) does not read the meeting's minutes through the state either: each
 * member's view, the dissent and the votes are withheld; the outcome, the attendance and the decision stay.
 */
import type { MatterState } from './types';

export function stateForReader(state: MatterState, mayReadTrail: boolean): MatterState {
  if (mayReadTrail || state.meeting.records.length === 0) return state;
  return {
    ...state,
    meeting: {
      ...state.meeting,
      records: state.meeting.records.map(({ votes: _votes, ...r }) => ({ ...r, views: [], dissent: [] })),
    },
  };
}
