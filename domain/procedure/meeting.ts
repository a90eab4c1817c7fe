/**
 * The collective decision (713号令第29条、第30条): roster and quorum, recusals, each member's view,
 * the head speaking last and deciding, a reason when the decision departs from the majority, and
 * the dissent kept in the minutes.
 */

import type { DecisionRule, QuorumRule } from './config';
import { refuse } from './refusals';
import type { MeetingRecordInput, MeetingView, Refusal } from './types';
import { MEETING_VIEWS } from './types';

const nonEmpty = (s: unknown): s is string => typeof s === 'string' && s.trim().length > 0;

export function quorumMet(attending: number, members: number, rule: QuorumRule): boolean {
  if (members <= 0) return false;
  const fraction = attending / members;
  return rule.strictlyMore ? fraction > rule.minAttendingFraction : fraction >= rule.minAttendingFraction;
}

/** The view held by strictly more than half of the members who spoke (the head excluded), if any. */
export function majorityView(views: ReadonlyArray<{ view: MeetingView }>): MeetingView | null {
  const counts = new Map<MeetingView, number>();
  for (const v of views) counts.set(v.view, (counts.get(v.view) ?? 0) + 1);
  for (const [view, n] of counts) if (n * 2 > views.length) return view;
  return null;
}

export interface MeetingAnalysis {
  majorityView: MeetingView | null;
  /** A vote: the votes per view. */
  votes?: Partial<Record<MeetingView, number>>;
  dissent: Array<{ memberId: string; view: MeetingView; comment?: string }>;
}

/**
 * Validates a meeting record. `drafterId` is the matter's registrant and `authorIds` the authors of its
 * versions: when they sit on the body and `drafterMustRecuse` is set, they must recuse.
 */
export function analyseMeeting(
  r: MeetingRecordInput,
  opts: {
    quorum: QuorumRule;
    drafterId: string;
    /** Who else wrote a version of the text (patch stops-as-written): they recuse like the registrant. */
    authorIds?: readonly string[];
    drafterMustRecuse: boolean;
    /** The body's roster on the day held (data); undefined only in runs from before rosters were data. */
    roster?: readonly string[];
    decision?: DecisionRule;
  },
): Refusal | MeetingAnalysis {
  const arrays = [r.members, r.attendees, r.absentees, r.recusals, r.views];
  if (!arrays.every(Array.isArray) || !nonEmpty(r.headId) || !nonEmpty(r.minutesDocumentId)) {
    return refuse('INVALID_INPUT', 'members, attendees, absentees, recusals, views, headId and minutesDocumentId are required');
  }
  if (!MEETING_VIEWS.includes(r.outcome) || !r.views.every((v) => MEETING_VIEWS.includes(v.view))) {
    return refuse('INVALID_INPUT', `views and outcome must be one of ${MEETING_VIEWS.join(', ')}`);
  }
  const members = new Set(r.members);
  const attendees = new Set(r.attendees);
  const absentees = new Set(r.absentees);
  const overlap = r.attendees.some((a) => absentees.has(a));
  const union = new Set([...r.attendees, ...r.absentees]);
  const sameAsRoster = union.size === members.size && [...union].every((m) => members.has(m));
  const duplicates =
    members.size !== r.members.length || attendees.size !== r.attendees.length || absentees.size !== r.absentees.length;
  if (overlap || !sameAsRoster || duplicates || members.size === 0) return refuse('ROSTER_INCONSISTENT');
  if (opts.roster !== undefined) {
    // The members are the body's roster on the day, not a list the secretary types: quorum counts on it.
    const roster = new Set(opts.roster);
    const strangers = r.members.filter((m) => !roster.has(m));
    const missing = [...roster].filter((m) => !members.has(m));
    if (roster.size === 0) return refuse('ROSTER_NOT_THE_BODY', 'the body has no members on that day');
    if (strangers.length > 0 || missing.length > 0) {
      return refuse('ROSTER_NOT_THE_BODY', [strangers.length ? `not members: ${strangers.join(', ')}` : '', missing.length ? `members left out: ${missing.join(', ')}` : ''].filter(Boolean).join('; '));
    }
  }

  const recused = new Set(r.recusals.map((x) => x.memberId));
  if (r.recusals.some((x) => !attendees.has(x.memberId) && !absentees.has(x.memberId))) {
    return refuse('ROSTER_INCONSISTENT', 'a recused person is not a member');
  }
  if (r.recusals.some((x) => !nonEmpty(x.reason))) return refuse('INVALID_INPUT', 'a recusal needs a reason');

  // Recused members take no part in the item, so they do not count towards its quorum.
  const participating = r.attendees.filter((a) => !recused.has(a));
  if (!quorumMet(participating.length, members.size, opts.quorum)) {
    const q = opts.quorum;
    return refuse(
      'QUORUM_NOT_MET',
      `${participating.length} of ${members.size} members take part; required ${q.strictlyMore ? 'more than' : 'at least'} ${q.minAttendingFraction * 100}%`,
    );
  }
  if (opts.drafterMustRecuse) {
    const sitting = [opts.drafterId, ...(opts.authorIds ?? [])].find((id) => attendees.has(id) && !recused.has(id));
    if (sitting) return refuse('DRAFTER_NOT_RECUSED', sitting);
  }

  if (!attendees.has(r.headId)) return refuse('HEAD_NOT_ATTENDING');
  if (recused.has(r.headId)) return refuse('HEAD_NOT_ATTENDING', 'the head is recused; the body must be chaired by another head');

  const speakers = r.views.map((v) => v.memberId);
  if (new Set(speakers).size !== speakers.length) return refuse('INVALID_INPUT', 'one view per member');
  const fromRecused = r.views.find((v) => recused.has(v.memberId));
  if (fromRecused) return refuse('RECUSED_MEMBER_GAVE_VIEW', fromRecused.memberId);
  const fromAbsent = r.views.find((v) => !attendees.has(v.memberId));
  if (fromAbsent) return refuse('VIEW_FROM_NON_ATTENDEE', fromAbsent.memberId);
  const silent = participating.filter((m) => !speakers.includes(m));
  if (silent.length > 0) return refuse('VIEWS_MISSING', silent.join(', '));

  if (opts.decision === 'majority_of_all_members') return analyseVote(r, members.size);

  const last = r.views[r.views.length - 1];
  if (!last || last.memberId !== r.headId) return refuse('HEAD_NOT_LAST');
  if (last.view !== r.outcome) return refuse('OUTCOME_NOT_HEAD_VIEW', `head: ${last.view}, outcome: ${r.outcome}`);

  const memberViews = r.views.filter((v) => v.memberId !== r.headId);
  const majority = majorityView(memberViews);
  if (majority !== null && majority !== r.outcome && !nonEmpty(r.departureReason)) {
    return refuse('DEPARTURE_REASON_MISSING', `majority: ${majority}, outcome: ${r.outcome}`);
  }
  const dissent = r.views.filter((v) => v.view !== r.outcome);
  const unminuted = dissent.find((v) => !nonEmpty(v.comment));
  if (unminuted) return refuse('DISSENT_NOT_MINUTED', unminuted.memberId);
  if (r.outcome === 'approve_with_changes' && (!Array.isArray(r.changes) || !r.changes.some(nonEmpty))) {
    return refuse('CHANGES_MISSING');
  }
  return {
    majorityView: majority,
    dissent: dissent.map((v) => ({ memberId: v.memberId, view: v.view, ...(v.comment ? { comment: v.comment } : {}) })),
  };
}

/**
 * The Party committee votes (democratic centralism): a view carries when more than half of ALL members
 * (not of those present) hold it; the secretary's vote counts as one. Without such a majority nothing is
 * decided: the outcome can only be to defer. Dissenting votes are kept.
 */
function analyseVote(r: MeetingRecordInput, memberCount: number): Refusal | MeetingAnalysis {
  const votes: Partial<Record<MeetingView, number>> = {};
  for (const v of r.views) votes[v.view] = (votes[v.view] ?? 0) + 1;
  const carried = (Object.entries(votes) as Array<[MeetingView, number]>).find(([, n]) => n * 2 > memberCount)?.[0] ?? null;
  if (carried === null && r.outcome !== 'defer') {
    return refuse('NO_MAJORITY_OF_ALL_MEMBERS', `votes ${JSON.stringify(votes)} of ${memberCount} members; without a majority of all members the item can only be deferred`);
  }
  if (carried !== null && carried !== r.outcome) return refuse('OUTCOME_NOT_THE_VOTE', `carried: ${carried}, outcome: ${r.outcome}`);
  if (r.outcome === 'approve_with_changes' && (!Array.isArray(r.changes) || !r.changes.some(nonEmpty))) return refuse('CHANGES_MISSING');
  const dissent = r.views.filter((v) => v.view !== r.outcome);
  return {
    majorityView: carried,
    votes,
    dissent: dissent.map((v) => ({ memberId: v.memberId, view: v.view, ...(v.comment ? { comment: v.comment } : {}) })),
  };
}
