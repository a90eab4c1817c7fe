/**
 * The gates between the reviews and the meeting / issue. Each returns a refusal naming its rule, or
 * null when the gate is open, so decide() and the API explain refusals with one text.
 */

import { materialsRefusal, missingMaterials } from './materials';
import { refuse } from './refusals';
import { currentHash, currentLawyerOpinion, currentVersion, fcrClearsCurrent, isEcon, unlawfulLawyerOpinion } from './state';
import { commentWindowMinimums, operatorsHeard } from './handlers/research';
import { isAfterPeriod, isInstant, ms, periodEnd, reaches } from './time';
import { kindConfigOf } from './classification';
import { nonEmpty } from './handlers/handler';
import { mayNeedFcr } from './warnings';
import type { DecisionContext, MatterState, Refusal } from './types';

/** 713号令第25条: a LAWFUL conclusion — or LAWFUL_WITH_AMENDMENTS with the amendments confirmed — on the current text. */
export function legalityGate(state: MatterState): Refusal | null {
  const c = state.legality.conclusion;
  const hash = currentHash(state);
  if (c && c.outcome === 'LAWFUL' && c.versionHash === hash) return null;
  if (c && c.outcome === 'LAWFUL_WITH_AMENDMENTS' && state.legality.amendmentsApplied?.versionHash === hash) return null;
  const detail = !c
    ? 'no conclusion on record'
    : c.outcome === 'LAWFUL_WITH_AMENDMENTS'
      ? 'amendments not confirmed on the current version'
      : c.versionHash !== hash
        ? `conclusion ${c.outcome} was given on an earlier version`
        : `conclusion is ${c.outcome}`;
  return refuse('LEGALITY_GATE', detail);
}

/** 713号令第28条: the lawyer's non-void opinion on the current text, and not UNLAWFUL. */
export function lawyerGate(state: MatterState, ctx: DecisionContext): Refusal | null {
  const required = kindConfigOf(state, ctx.config).lawyerOpinionRequired;
  const opinion = currentLawyerOpinion(state);
  const unlawful = lawyerUnlawfulRefusal(state, ctx);
  if (unlawful) return unlawful;
  if (!required) return null;
  if (!state.legality.lawyerId) return refuse('LAWYER_NOT_ASSIGNED');
  if (!opinion) return refuse('LAWYER_OPINION_MISSING', 'earlier sign-offs are void once the text changed');
  return null;
}

/**
 * 中办发〔2016〕30号 with 713号令第28条: a text goes on without another round of review — an amended text to the
 * meeting, the final text to its signing, a contract to its signing — on the lawyer's LAWFUL opinion on that
 * text. An opinion asking for changes, another procedure or a prior approval is no clearance, unless the legal
 * unit's own conclusion on this very text departs from it and says why (713号令第28条: the legal unit answers for
 * its opinion). Runs before patch stops-as-written needed only an opinion that was not UNLAWFUL.
 */
export function lawyerClearsGate(state: MatterState, ctx: DecisionContext): Refusal | null {
  const gate = lawyerGate(state, ctx);
  if (gate || ctx.legacy?.stopsBeforeWritten || !kindConfigOf(state, ctx.config).lawyerOpinionRequired) return gate;
  const opinion = currentLawyerOpinion(state);
  if (!opinion || opinion.outcome === 'LAWFUL') return null;
  const c = state.legality.conclusion;
  if (c && c.versionHash === currentHash(state) && nonEmpty(c.departureReason)) return null;
  return refuse('LAWYER_OPINION_NOT_LAWFUL', `${opinion.outcome}, given ${opinion.givenAt} on version ${currentVersion(state).number}`);
}

/**
 * 中办发〔2016〕30号: a lawyer's UNLAWFUL on the current text stops the matter — any lawyer's standing one
 * (unlawfulLawyerOpinion), or in runs before patch gates-as-written only the assigned lawyer's.
 */
export function lawyerUnlawfulRefusal(state: MatterState, ctx: Pick<DecisionContext, 'legacy'>): Refusal | null {
  if (ctx.legacy?.gatesBeforeWritten) return currentLawyerOpinion(state)?.outcome === 'UNLAWFUL' ? refuse('LAWYER_OPINION_UNLAWFUL') : null;
  const unlawful = unlawfulLawyerOpinion(state, { textReturned: !ctx.legacy?.limitsBeforeWritten });
  return unlawful ? refuse('LAWYER_OPINION_UNLAWFUL', `given ${unlawful.givenAt} by ${unlawful.lawyerId} on the current text`) : null;
}

/** 公平竞争审查条例第18条 and 713号令第29条: an ECON matter needs a clearing conclusion on the current text. */
export function fcrGate(state: MatterState): Refusal | null {
  if (!isEcon(state) || fcrClearsCurrent(state)) return null;
  const fc = state.fairCompetition;
  const detail = !fc.conclusion
    ? 'no conclusion on the current version'
    : fc.conclusionVersionHash !== currentHash(state)
      ? 'conclusion given on an earlier version'
      : `conclusion is ${fc.conclusion}`;
  return refuse('FCR_GATE', detail);
}

/**
 * 公平竞争审查条例第18条: the pre-screen found wording on the current version that may restrict competition, on a
 * matter not flagged ECON. The legal unit decides (adds ECON, and the review follows, or confirms the flags with a
 * reason); until then the matter is not concluded lawful, discussed or issued (patch authority-as-written).
 */
export function fcrFlagGate(state: MatterState, ctx: Pick<DecisionContext, 'legacy'>): Refusal | null {
  if (ctx.legacy?.authorityBeforeWritten) return null;
  const open = mayNeedFcr(state);
  return open.length > 0 ? refuse('FCR_FLAG_UNDECIDED', `${open.length} finding(s) on the current version: ${open.join(', ')}`) : null;
}

/** The fair-competition gates before the meeting, the final text and issue: the conclusion if ECON, the flag decided if not. */
export function fcrGates(state: MatterState, ctx: Pick<DecisionContext, 'legacy'>): Refusal | null {
  return fcrGate(state) ?? fcrFlagGate(state, ctx);
}

/**
 * 713号令第24条: a risk judged not controllable stops the decision until the draft is adjusted and a new
 * assessment (on the adjusted version) finds it controllable.
 */
export function riskGate(state: MatterState, ctx: DecisionContext): Refusal | null {
  if (ctx.legacy?.riskNotControllableMayProceed) return null;
  const risk = state.research.riskAssessment;
  if (risk && !risk.controllable) {
    return refuse('RISK_NOT_CONTROLLABLE', `assessed ${risk.recordedAt} on version ${versionNumberOf(state, risk.versionHash) ?? risk.versionHash}`);
  }
  // A later version that went back to a text judged not controllable is that text, whatever was assessed since.
  if (!ctx.legacy?.gatesBeforeWritten && (state.research.notControllableVersions ?? []).includes(currentHash(state))) {
    return refuse('RISK_NOT_CONTROLLABLE', `version ${currentVersion(state).number} has the text of a version assessed not controllable`);
  }
  return null;
}

/**
 * 713号令第15条、第18条 and 优化营商环境条例第62条, judged at the meeting with the flags of that moment (a flag
 * added after the comment was recorded raises its minimum): a public comment held must have run its minimum
 * window (or have a stated reason for less), have heard operators where the text touches their business,
 * have closed before the meeting, and its opinions must have been studied after it closed.
 */
export function publicCommentGate(state: MatterState, ctx: DecisionContext, meetingAt: string): Refusal | null {
  if (ctx.legacy?.gatesBeforeWritten || ctx.legacy?.publicHearingOptional) return null;
  const pc = state.research.publicComment;
  if (!pc || !isInstant(pc.openedAt) || !isInstant(pc.closesAt)) return null;
  if (ms(meetingAt) < ms(pc.closesAt)) return refuse('COMMENT_WINDOW_OPEN', `closes ${pc.closesAt}; meeting at ${meetingAt}`);
  if (!nonEmpty(pc.shortenedReason)) {
    for (const { min, source } of commentWindowMinimums(state, ctx)) {
      const minEnd = periodEnd(pc.openedAt, min, [], ctx.calendar) ?? pc.closesAt;
      if (!reaches(pc.closesAt, minEnd, min)) {
        return refuse('COMMENT_WINDOW_TOO_SHORT', `minimum ${min.amount} ${min.unit} (${source}): until ${minEnd}; closed ${pc.closesAt}`);
      }
    }
  }
  if (!operatorsHeard(state, ctx, pc)) return refuse('OPERATORS_NOT_HEARD', 'operatorsAndAssociations');
  const adoption = state.research.commentAdoption;
  if (adoption && ms(adoption.recordedAt) < ms(pc.closesAt)) {
    return refuse('COMMENT_ADOPTION_BEFORE_CLOSE', `adoption recorded ${adoption.recordedAt}; comment closed ${pc.closesAt}`);
  }
  return null;
}

function versionNumberOf(state: MatterState, hash: string): number | null {
  return state.versions.find((v) => v.hash === hash)?.number ?? null;
}

/** The earliest moment the meeting may take place: after the minimum review time, clock stops excluded. */
export function minimumReviewEnd(state: MatterState, ctx: DecisionContext): string | null {
  const min = kindConfigOf(state, ctx.config).legalityReviewMinimum;
  const start = state.legality.startedAt;
  if (!min || !start) return null;
  return periodEnd(start, min, state.legality.pauses, ctx.calendar);
}

/** 713号令第26条: 应当保证必要的审查时间，一般不少于7个工作日. */
export function minimumTimeGate(state: MatterState, ctx: DecisionContext, meetingAt: string): Refusal | null {
  const min = kindConfigOf(state, ctx.config).legalityReviewMinimum;
  if (!min) return null;
  const start = state.legality.startedAt;
  if (!start) return refuse('LEGALITY_MIN_TIME', 'the legality review has not started');
  const end = periodEnd(start, min, state.legality.pauses, ctx.calendar);
  if (end === null) return refuse('LEGALITY_MIN_TIME', 'the review clock is stopped');
  if (isAfterPeriod(meetingAt, end, min)) return null;
  return refuse(
    'LEGALITY_MIN_TIME',
    `review started ${start}, minimum ${min.amount} ${min.unit} runs until ${end}; meeting at ${meetingAt}`,
  );
}

/** Everything the meeting needs (713号令第25条、第28条、第29条; 公平竞争审查条例第18条). */
export function meetingGates(state: MatterState, ctx: DecisionContext, meetingAt: string): Refusal | null {
  const missing = missingMaterials(state, ctx.config, ctx.legacy).filter((k) => k !== 'fcr_conclusion');
  return (
    legalityGate(state) ??
    lawyerGate(state, ctx) ??
    fcrGates(state, ctx) ??
    riskGate(state, ctx) ??
    publicCommentGate(state, ctx, meetingAt) ??
    minimumTimeGate(state, ctx, meetingAt) ??
    materialsRefusal(missing, 'meeting pack lacks ')
  );
}
