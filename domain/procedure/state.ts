/** Small read helpers over MatterState, and the one place where stage changes manage the legality clock. */

import type { MatterAccess } from '../permissions/authorize';
import { hasFlag } from './steps';
import type { LawyerOpinion, MatterState, Stage, VersionRecord } from './types';
import { TERMINAL_STAGES } from './types';

/** Commands must never mutate the state they were given (the workflow adopts the result only after persisting). */
export function cloneState(state: MatterState): MatterState {
  return JSON.parse(JSON.stringify(state)) as MatterState;
}

export function currentVersion(state: MatterState): VersionRecord {
  const v = state.versions[state.versions.length - 1];
  if (!v) throw new Error(`Matter ${state.matterId} has no version`);
  return v;
}

export function currentHash(state: MatterState): string {
  return currentVersion(state).hash;
}

export function isTerminal(stage: Stage): boolean {
  return TERMINAL_STAGES.includes(stage);
}

/**
 * What the permissions module needs to know about the matter. `versionAuthorsMayReview` only for workflow
 * runs that started before authors of versions were kept from reviewing them (they replay as they ran).
 */
export function matterAccessOf(state: MatterState, opts: { versionAuthorsMayReview?: boolean } = {}): MatterAccess {
  return {
    createdBy: state.createdBy,
    draftingUnit: state.draftingUnit,
    assignedLawyerId: state.legality.lawyerId,
    fcrReviewerId: state.fairCompetition.reviewerId,
    legalUnitActorIds: state.legality.legalUnitActorIds,
    versionAuthorIds: opts.versionAuthorsMayReview ? [] : [...new Set(state.versions.map((v) => v.submittedBy))],
  };
}

/**
 * The one rule for "is this matter subject to the fair-competition review": flagged ECON, on a kind the
 * flag applies to. The workflow, the API (and through the matter view, the web app) ask this.
 */
export function isEcon(state: MatterState): boolean {
  return hasFlag(state.kind, state.flags, 'ECON');
}

/** A fair-competition conclusion that allows the matter on (公平竞争审查条例第18条), on the current text. */
export function fcrClearsCurrent(state: MatterState): boolean {
  const fc = state.fairCompetition;
  return (
    (fc.conclusion === 'no_restrictive_effect' || fc.conclusion === 'exception_justified') &&
    fc.conclusionVersionHash === currentHash(state)
  );
}

/** The assigned lawyer's latest valid (non-void) opinion on the current text. */
export function currentLawyerOpinion(state: MatterState): LawyerOpinion | null {
  const hash = currentHash(state);
  const lawyer = state.legality.lawyerId;
  for (let i = state.legality.opinions.length - 1; i >= 0; i--) {
    const o = state.legality.opinions[i];
    if (o && !o.void && o.versionHash === hash && o.lawyerId === lawyer) return o;
  }
  return null;
}

/**
 * A lawyer's standing UNLAWFUL opinion on the current text — the assigned one's or one replaced since: each
 * lawyer's latest valid (non-void) opinion on this text counts, so a lawyer may revise their own, but
 * 中办发〔2016〕30号 (a matter the adviser considers unlawful may not be discussed or decided) is not unsaid by
 * assigning another lawyer; only a changed text (which voids the opinion) or its author's later opinion does.
 */
export function unlawfulLawyerOpinion(
  state: MatterState,
  opts: {
    /**
     * An opinion is voided only when the text changes; a later version that goes back to the exact text is that text
     * again, and the opinion given on it counts (runs before patch limits-as-written: only opinions never voided).
     */
    textReturned?: boolean;
  } = {},
): LawyerOpinion | null {
  const hash = currentHash(state);
  const heard = new Set<string>();
  for (let i = state.legality.opinions.length - 1; i >= 0; i--) {
    const o = state.legality.opinions[i];
    if (!o || (o.void && !opts.textReturned) || o.versionHash !== hash || heard.has(o.lawyerId)) continue;
    if (o.outcome === 'UNLAWFUL') return o;
    heard.add(o.lawyerId);
  }
  return null;
}

/** A LAWFUL_WITH_AMENDMENTS conclusion whose amendments have not been confirmed on the current text. */
export function amendmentRoundPending(state: MatterState): boolean {
  const c = state.legality.conclusion;
  return (
    c !== null &&
    c.outcome === 'LAWFUL_WITH_AMENDMENTS' &&
    state.legality.amendmentsApplied?.versionHash !== currentHash(state)
  );
}

/** Stages where the matter is back with the drafter and the legality clock stands still (713号令第26条). */
const CLOCK_STOPPED_STAGES: readonly Stage[] = ['supplementing', 'amending', 'prior_approval'];
/** Stages where the legal unit has the matter and the clock runs. */
const CLOCK_RUNNING_STAGES: readonly Stage[] = ['completeness_check', 'legality_review'];

function openPause(state: MatterState): { from: string; to?: string } | undefined {
  const last = state.legality.pauses[state.legality.pauses.length - 1];
  return last && last.to === undefined ? last : undefined;
}

/**
 * Moves the matter to `to`, keeping the legality clock right:
 * - entering completeness_check starts a new review round unless one is running (resumed after
 *   supplementing, possibly via a repeated fair-competition review);
 * - entering a drafter stage opens a clock stop; entering a legal-unit stage closes it;
 * - the fair-competition stage leaves the clock as it is (a stop stays open through it);
 * - back to research ends the round: the next submission is a new 送请合法性审查.
 */
export function moveTo(state: MatterState, to: Stage, now: string): void {
  const lg = state.legality;
  if (to === 'research' || isTerminal(to)) {
    const p = openPause(state);
    if (p) p.to = now;
    if (to === 'research') {
      lg.startedAt = null;
      lg.pauses = [];
      supersedeLegalityConclusion(state, now);
    }
  } else if (to === 'completeness_check' && lg.startedAt === null) {
    lg.round += 1;
    lg.startedAt = now;
    lg.pauses = [];
  } else if (CLOCK_STOPPED_STAGES.includes(to)) {
    if (lg.startedAt !== null && !openPause(state)) lg.pauses.push({ from: now });
  } else if (CLOCK_RUNNING_STAGES.includes(to) || to === 'awaiting_meeting') {
    const p = openPause(state);
    if (p) p.to = now;
  }
  state.stage = to;
}

export function noteLegalUnitActor(state: MatterState, userId: string): void {
  if (!state.legality.legalUnitActorIds.includes(userId)) state.legality.legalUnitActorIds.push(userId);
}

/** Moves the current legality conclusion to history (a new round or a new text re-opens the review). */
export function supersedeLegalityConclusion(state: MatterState, now: string): void {
  const lg = state.legality;
  if (lg.conclusion) lg.history.push({ ...lg.conclusion, supersededAt: now });
  lg.conclusion = null;
  lg.amendmentsApplied = null;
}

/** Moves the current fair-competition conclusion to history: the new text must be reviewed again. */
export function supersedeFcrConclusion(state: MatterState, now: string): void {
  const fc = state.fairCompetition;
  if (fc.conclusion && fc.conclusionVersionHash && fc.concludedBy && fc.concludedAt) {
    fc.history.push({
      conclusion: fc.conclusion,
      versionHash: fc.conclusionVersionHash,
      documentId: fc.documentId ?? '',
      summary: fc.conclusionSummary ?? '',
      concludedBy: fc.concludedBy,
      concludedAt: fc.concludedAt,
      supersededAt: now,
    });
  }
  delete fc.conclusion;
  delete fc.conclusionVersionHash;
  delete fc.conclusionSummary;
  delete fc.concludedBy;
  delete fc.concludedAt;
}
