/**
 * Whose turn it is: the duties that move the matter on from where it stands — who must act (a role, and
 * the person when the procedure names one: the assigned lawyer or fair-competition reviewer), which
 * actions would discharge the duty, the deadline that binds them and the earliest moment they may act.
 *
 * Optional actions (adjusting flags, withdrawing, returning a draft, re-assigning) are open to people
 * too, but nobody is waiting for them; they never make a matter "someone's work". The web app, the
 * work list, the projection (awaiting roles/people, for "待我办理") and the statistics all use this one
 * function.
 */

import { kindConfigOf } from './classification';
import { PERMISSIONS } from '../permissions/table';
import { actionApplies } from './availableActions';
import type { ProcedureConfig } from './config';
import type { Deadline, DeadlineKey } from './deadlines';
import { amendmentRoundPending, currentLawyerOpinion, isTerminal } from './state';
import { openFindingsOnCurrent } from './handlers/fairCompetition';
import { STAGES_FOR_COMMAND, COMMAND_TYPES } from './stageActions';
import type { CommandType, MatterState, Role } from './types';
import { IMPLEMENTATION_COMMAND_TYPES } from '../decisions/schemas';

export interface Duty {
  /** Any one of these roles may discharge it (post-decision archiving: the office or the legal unit). */
  roles: Role[];
  /** The person the procedure names for it, when it names one; otherwise anyone holding the role in scope. */
  userId: string | null;
  /** The drafting unit (section id) when the duty is the drafter's. */
  sectionId: string | null;
  /** The actions that discharge the duty, in the order the procedure expects them. */
  actions: CommandType[];
  /** The obligation that binds the duty (overdue when passed), if a clock runs for it. */
  deadline: Pick<Deadline, 'key' | 'label' | 'dueAt' | 'unit'> | null;
  /** The earliest moment the duty may be discharged (the minimum review time, the scheduled meeting). */
  notBefore: { label: string; at: string } | null;
}

/** Actions people may take but nobody waits for: they never make a matter someone's turn. */
const OPTIONAL: ReadonlySet<CommandType> = new Set<CommandType>([
  'set_flags',
  'classify_as_major_decision',
  'withdraw',
  'return_for_revision',
  'return_for_supplement',
  'set_fcr_findings',
  // A contract in force is nobody's work until its end is recorded (a reminder comes before the term ends).
  'close_contract',
  // A published decision's implementation runs beside its 备案 and archiving: nobody's turn in the procedure.
  ...IMPLEMENTATION_COMMAND_TYPES,
]);

/** Which obligation binds which actions (the legality time limit binds the legal unit and its lawyer). */
const BINDS: Partial<Record<DeadlineKey, readonly CommandType[]>> = {
  legality_review_time_limit: ['accept_materials', 'assign_lawyer', 'submit_lawyer_opinion', 'record_legality_conclusion'],
  filing_deadline: ['file_record'],
  archive_deadline: ['archive'],
};

/** Earliest-moment clocks and the actions they hold back. */
const HOLDS: Partial<Record<DeadlineKey, readonly CommandType[]>> = {
  legality_review_minimum: ['schedule_meeting', 'record_meeting'],
};

function duty(state: MatterState, actions: CommandType[], clocks: readonly Deadline[], userId: string | null = null): Duty {
  const roles = [...new Set(actions.flatMap((a) => PERMISSIONS[a].roles))];
  const binding = clocks.find((c) => c.nature === 'obligation' && (BINDS[c.key] ?? []).some((a) => actions.includes(a)));
  const holding = clocks.find((c) => c.nature === 'not_before' && c.dueAt && (HOLDS[c.key] ?? []).some((a) => actions.includes(a)));
  let notBefore = holding?.dueAt ? { label: holding.label, at: holding.dueAt } : null;
  const meetingAt = state.meeting.scheduled?.meetingAt;
  if (actions.includes('record_meeting') && meetingAt && (!notBefore || meetingAt > notBefore.at)) notBefore = { label: '会议时间', at: meetingAt };
  return {
    roles,
    userId,
    sectionId: roles.includes('drafter') ? state.draftingUnit : null,
    actions,
    deadline: binding ? { key: binding.key, label: binding.label, dueAt: binding.dueAt, unit: binding.unit } : null,
    notBefore,
  };
}

/** The actions of a stage that move the matter, for stages without a rule of their own below. */
function progressActions(state: MatterState): CommandType[] {
  return COMMAND_TYPES.filter((t) => STAGES_FOR_COMMAND[t].includes(state.stage) && !OPTIONAL.has(t) && actionApplies(state, t));
}

/**
 * The duties open now, given the clocks running (`deadlines(state, config, calendar)`). A terminal matter
 * has none. Several duties at once happen after the decision (e.g. publishing and archiving).
 */
export function whoseTurn(state: MatterState, config: ProcedureConfig, clocks: readonly Deadline[]): Duty[] {
  if (isTerminal(state.stage)) return [];
  const one = (actions: CommandType[], userId: string | null = null) => [duty(state, actions, clocks, userId)];
  const legality = state.legality;
  const lawyerRequired = kindConfigOf(state, config).lawyerOpinionRequired;
  switch (state.stage) {
    case 'research':
    case 'supplementing':
      return one(['submit_for_review']);
    case 'amending':
    case 'finalizing':
      // A new text first, then back to review; the same person does both.
      return one(['submit_version', 'submit_for_review']);
    case 'prior_approval':
      return one(['record_prior_approval']);
    case 'fair_competition_review': {
      const reviewer = state.fairCompetition.reviewerId;
      if (!reviewer) return one(['assign_fcr_reviewer']);
      return one([openFindingsOnCurrent(state) > 0 ? 'answer_fcr_finding' : 'record_fcr_conclusion'], reviewer);
    }
    case 'completeness_check':
      return one(['accept_materials']);
    case 'legality_review': {
      const opinionMissing = lawyerRequired && !currentLawyerOpinion(state);
      if (lawyerRequired && !legality.lawyerId) return one(['assign_lawyer']);
      if (opinionMissing) return one(['submit_lawyer_opinion'], legality.lawyerId);
      return one([amendmentRoundPending(state) ? 'confirm_amendments' : 'record_legality_conclusion']);
    }
    case 'awaiting_meeting':
      return one(['schedule_meeting']);
    case 'meeting_scheduled':
      return one(['record_meeting']);
    case 'final_text_check':
      // The lawyer signs the final text before the legal unit confirms it (patch stops-as-written).
      if (lawyerRequired && legality.lawyerId && !currentLawyerOpinion(state)) return one(['submit_lawyer_opinion'], legality.lawyerId);
      return one(['confirm_final_text']);
    case 'post_decision':
      // Each step whose prerequisites are done is open; steps by the same role are one duty.
      return groupByRoles(state, progressActions(state), clocks);
    default:
      return groupByRoles(state, progressActions(state), clocks);
  }
}

function groupByRoles(state: MatterState, actions: CommandType[], clocks: readonly Deadline[]): Duty[] {
  const groups = new Map<string, CommandType[]>();
  for (const a of actions) {
    const key = [...PERMISSIONS[a].roles].sort().join('+');
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  return [...groups.values()].map((acts) => duty(state, acts, clocks));
}

/** Who is awaited, flattened for the projection: roles awaited as such, and people awaited by name. */
export function awaitedParties(duties: readonly Duty[]): { roles: Role[]; userIds: string[] } {
  const roles = new Set<Role>();
  const userIds = new Set<string>();
  for (const d of duties) {
    if (d.userId) userIds.add(d.userId);
    else d.roles.forEach((r) => roles.add(r));
  }
  return { roles: [...roles].sort(), userIds: [...userIds].sort() };
}

/**
 * Whether a person is awaited: named, or holding an awaited role in scope (a drafter only for matters of
 * their own section). The list endpoint applies the same rule as a query over the projection's columns.
 */
export function awaits(
  parties: { roles: readonly string[]; userIds: readonly string[]; draftingUnit: string },
  person: { userId: string; roles: readonly string[]; sectionId: string | null },
): boolean {
  return (
    parties.userIds.includes(person.userId) ||
    parties.roles.some((r) => person.roles.includes(r) && (r !== 'drafter' || parties.draftingUnit === person.sectionId))
  );
}
