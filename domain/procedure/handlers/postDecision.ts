/**
 * After the decision (713号令第31条至第33条): report to the Party committee, government review when
 * issued in the district government's name, sign and number, publish, file (备案), archive — in that
 * order where one depends on another. When every applicable step is done the matter is issued (or,
 * for enforcement decisions and “三重一大” matters, decided).
 */

import { fcrGates, legalityGate } from '../gates';
import { enforcementRules, enforcementStageAfterReview } from '../enforcement';
import { refuse, type RefusalCode } from '../refusals';
import { currentHash, moveTo } from '../state';
import { ms } from '../time';
import { chinaDayText } from '../../calendar';
import { postDecisionStepsOf, successStage, type PostDecisionStep } from '../steps';
import { STAGE_LABELS } from '../labels';
import { isMajorDecision } from '../classification';
import type { Command, MatterState, Refusal } from '../types';
import { canonicalInstant } from '../../lifecycle/lifeTime';
import { defaultDocumentLifeConfig } from '../../lifecycle/config';
import { documentDates, documentDatesProblem, retroactivityProblem } from '../../lifecycle/validity';
import { closeAs } from './drafting';
import { done, nonEmpty, type Handler, type HandlerContext, type HandlerResult } from './handler';

function isDone(s: MatterState, step: PostDecisionStep): boolean {
  const p = s.postDecision;
  switch (step) {
    case 'party_report':
      return p.partyReport !== null;
    case 'government_review':
      return p.governmentReview?.outcome === 'approved';
    case 'sign_and_number':
      return p.signing !== null;
    case 'publish':
      return p.publication !== null;
    case 'filing':
      return p.filing !== null;
    case 'archive':
      return p.archive !== null;
    default:
      return false;
  }
}

/** The refusal when a prerequisite is missing (filing and archive are never prerequisites). */
const MISSING_CODE: Record<PostDecisionStep, RefusalCode> = {
  party_report: 'PARTY_REPORT_MISSING',
  government_review: 'GOVERNMENT_REVIEW_MISSING',
  sign_and_number: 'NOT_SIGNED',
  publish: 'NOT_PUBLISHED',
  filing: 'INVALID_INPUT',
  archive: 'INVALID_INPUT',
};

/** What each step waits for (filing and archiving may run side by side). */
export const POST_DECISION_PREREQUISITES: Record<PostDecisionStep, readonly PostDecisionStep[]> = {
  party_report: [],
  government_review: ['party_report'],
  sign_and_number: ['party_report', 'government_review'],
  publish: ['sign_and_number'],
  filing: ['publish'],
  archive: ['sign_and_number'],
};

function precheck(s: MatterState, step: PostDecisionStep): Refusal | null {
  const steps = postDecisionStepsOf(s);
  if (!steps.includes(step)) return refuse('NOT_APPLICABLE', step);
  if (isDone(s, step)) return refuse('ALREADY_DONE', step);
  for (const pre of POST_DECISION_PREREQUISITES[step]) {
    if (steps.includes(pre) && !isDone(s, pre)) return refuse(MISSING_CODE[pre]);
  }
  return null;
}

function finishIfComplete(s: MatterState, now: string, by: string, summary: string): HandlerResult {
  if (postDecisionStepsOf(s).every((step) => isDone(s, step))) {
    const to = successStage(s.kind);
    s.closure = { stage: s.stage, by, at: now, reason: summary };
    moveTo(s, to, now);
    return done(`${summary}；程序完成：${STAGE_LABELS[to]}`);
  }
  return done(summary);
}

export const reportToParty: Handler<'report_to_party'> = (s, cmd, ctx) => {
  const pre = precheck(s, 'party_report');
  if (pre) return pre;
  if (!nonEmpty(cmd.reference)) return refuse('INVALID_INPUT', 'reference');
  s.postDecision.partyReport = { reference: cmd.reference, ...(cmd.note ? { note: cmd.note } : {}), by: ctx.actor.userId, at: ctx.now };
  return finishIfComplete(s, ctx.now, ctx.actor.userId, `已向党委请示报告（${cmd.reference}）`);
};

/** GOVNAME: the district's legal office and market regulator review; returned → back to research. */
export const recordGovernmentReview: Handler<'record_government_review'> = (s, cmd, ctx) => {
  const pre = precheck(s, 'government_review');
  if (pre) return pre;
  if (!['approved', 'returned', 'rejected'].includes(cmd.outcome) || !nonEmpty(cmd.reference)) {
    return refuse('INVALID_INPUT', 'outcome (approved|returned|rejected) and reference');
  }
  s.postDecision.governmentReview = {
    outcome: cmd.outcome,
    reference: cmd.reference,
    ...(cmd.note ? { note: cmd.note } : {}),
    by: ctx.actor.userId,
    at: ctx.now,
  };
  if (cmd.outcome === 'returned') {
    // The decided text will change: the whole procedure runs again on the revised text.
    s.returns.push({ from: 'post_decision', by: ctx.actor.userId, at: ctx.now, reason: `区政府退回（${cmd.reference}）${cmd.note ?? ''}` });
    s.decision = null;
    s.postDecision = emptyPostDecision();
    moveTo(s, 'research', ctx.now);
    return done('区政府审查退回修改，回到研究论证');
  }
  if (cmd.outcome === 'rejected') {
    closeAs(s, 'rejected', ctx.actor.userId, ctx.now, `区政府未予同意（${cmd.reference}）`);
    return done('区政府未予同意');
  }
  return finishIfComplete(s, ctx.now, ctx.actor.userId, `区政府审查同意（${cmd.reference}）`);
};

/** Signing is issuing: only the decided (or confirmed final) text, and never an un-cleared ECON text (公平竞争审查条例第18条). */
export const signAndNumber: Handler<'sign_and_number'> = (s, cmd, ctx) => {
  const pre = precheck(s, 'sign_and_number');
  if (pre) return pre;
  const register = ctx.documentRegister;
  if (register && cmd.documentNumber !== undefined) return refuse('DOCUMENT_NUMBER_ASSIGNED', cmd.documentNumber);
  if (!nonEmpty(cmd.signedBy) || (!register && !nonEmpty(cmd.documentNumber))) return refuse('INVALID_INPUT', 'documentNumber and signedBy');
  if (cmd.versionHash !== currentHash(s)) return refuse('STALE_VERSION', `current is ${currentHash(s)}`);
  const d = s.decision;
  // An enforcement decision without collective discussion (行政处罚法第57条第1款): the head decides by signing
  // the text the 法制审核 passed (第58条: not before it passed).
  const headDecides = !d && enforcementRules(s, ctx.config) && legalityGate(s) === null;
  // 行政处罚法第57条第2款: a complex or seriously unlawful case is decided collectively, never by the head alone.
  if (headDecides && !ctx.legacy?.gatesBeforeWritten && enforcementStageAfterReview(s) === 'awaiting_meeting') return refuse('COLLECTIVE_DISCUSSION_REQUIRED');
  const decided = d ? (d.outcome === 'approve_with_changes' ? d.finalText?.versionHash : d.versionHash) : headDecides ? currentHash(s) : undefined;
  if (decided !== cmd.versionHash) return refuse('VERSION_NOT_DECIDED');
  if (headDecides) s.decision = { outcome: 'approve', decidedAt: ctx.now, versionHash: cmd.versionHash, changes: [], finalText: null };
  const gate = fcrGates(s, ctx);
  if (gate) return gate;
  const life = register ? signingLife(s, cmd, ctx) : {};
  if ('refusal' in life) return life.refusal;
  // Judged before the register assigns the number (so a refused signing takes none): a placeholder until then.
  const number = register ? (register.assigned?.number ?? '（待编号）') : cmd.documentNumber!;
  s.postDecision.signing = {
    documentNumber: number,
    signedBy: cmd.signedBy,
    versionHash: cmd.versionHash,
    by: ctx.actor.userId,
    at: ctx.now,
    ...(register?.assigned ? { register: { series: register.assigned.series, year: register.assigned.year, seq: register.assigned.seq } } : {}),
    ...life,
  };
  const dates = life.effectiveAt ? `，${chinaDayText(life.effectiveAt)}起施行${life.expiresAt ? `，有效期至${chinaDayText(life.expiresAt)}` : ''}` : '';
  return finishIfComplete(s, ctx.now, ctx.actor.userId, `签发编号：${number}${dates}`);
};

/** The effective date, validity and exception end recorded at signing (domain/lifecycle). */
function signingLife(s: MatterState, cmd: Extract<Command, { type: 'sign_and_number' }>, ctx: HandlerContext): SigningLife | { refusal: Refusal } {
  const config = ctx.config.documents ?? defaultDocumentLifeConfig;
  const out: SigningLife = {};
  if (config.validityKinds.includes(s.kind)) {
    const input = { title: s.title, publishedAt: ctx.now, effectiveAt: cmd.effectiveAt, expiresAt: cmd.expiresAt, earlyEffectReason: cmd.earlyEffectReason, retroactiveReason: cmd.retroactiveReason };
    const problem = documentDatesProblem(input, config, datesRules(ctx));
    if (problem) return { refusal: refuse(problem.code, problem.detail) };
    Object.assign(out, documentDates(input, config));
    if (cmd.earlyEffectReason) out.earlyEffectReason = cmd.earlyEffectReason;
    if (cmd.retroactiveReason) out.retroactiveReason = cmd.retroactiveReason;
    // Dates not stated count from the publication: publishing fixes them.
    if (!cmd.effectiveAt || !cmd.expiresAt) out.datesFromPublication = { effective: !cmd.effectiveAt, expiry: !cmd.expiresAt };
  } else if (cmd.effectiveAt) {
    // 立法法第104条 whatever the kind: a decision without a validity period does not take effect before it is issued either.
    if (!ctx.legacy?.limitsBeforeWritten) {
      const problem = retroactivityProblem({ publishedAt: ctx.now, effectiveAt: cmd.effectiveAt, retroactiveReason: cmd.retroactiveReason }, config);
      if (problem) return { refusal: refuse(problem.code, problem.detail) };
    }
    out.effectiveAt = canonicalInstant(cmd.effectiveAt);
    if (cmd.retroactiveReason) out.retroactiveReason = cmd.retroactiveReason;
  }
  if (s.fairCompetition.conclusion === 'exception_justified') {
    if (!cmd.exceptionEndsAt) return { refusal: refuse('EXCEPTION_END_REQUIRED') };
    // An exception already over at signing covers nothing: the measure would be issued on a lapsed exception (第18条).
    if (!ctx.legacy?.limitsBeforeWritten && ms(cmd.exceptionEndsAt) <= ms(ctx.now)) return { refusal: refuse('EXCEPTION_END_REQUIRED', `exceptionEndsAt ${cmd.exceptionEndsAt} has already passed`) };
    out.exceptionEndsAt = canonicalInstant(cmd.exceptionEndsAt);
  }
  return out;
}

type SigningLife = Pick<NonNullable<MatterState['postDecision']['signing']>, 'effectiveAt' | 'expiresAt' | 'earlyEffectReason' | 'retroactiveReason' | 'exceptionEndsAt' | 'datesFromPublication'>;

/** Matters signed before patch limits-as-written: an early-effect reason covered a date before publication too. */
function datesRules(ctx: HandlerContext): { retroactiveWithEarlyReason?: boolean } {
  return ctx.legacy?.limitsBeforeWritten ? { retroactiveWithEarlyReason: true } : {};
}

/**
 * 713号令第32条: a major decision of wide public concern (PUBLIC) or of a technical character (TECH) is published
 * with how the public's and the experts' opinions were adopted, and explained (新闻发布会、接受访谈等宣传解读) —
 * except one 依法不予公开 (recorded as the exemption from hearing the public, 713号令第14条).
 */
export function publicationExplanationRequired(s: MatterState): boolean {
  if (!isMajorDecision(s)) return false;
  // An exemption recorded before the matter was flagged PUBLIC does not cover an open comment held since.
  if (s.research.participationExemption && !s.flags.includes('PUBLIC')) return false;
  return s.flags.includes('PUBLIC') || s.flags.includes('TECH');
}

export const publish: Handler<'publish'> = (s, cmd, ctx) => {
  const pre = precheck(s, 'publish');
  if (pre) return pre;
  if (!nonEmpty(cmd.channel) || !nonEmpty(cmd.reference)) return refuse('INVALID_INPUT', 'channel and reference');
  if (!ctx.legacy?.limitsBeforeWritten && publicationExplanationRequired(s)) {
    const missing = [nonEmpty(cmd.adoptionStatement) ? null : 'adoptionStatement', nonEmpty(cmd.interpretation) ? null : 'interpretation'].filter((f) => f !== null);
    if (missing.length) return refuse('PUBLICATION_EXPLANATION_REQUIRED', missing.join(' and '));
  }
  // The effective date was set at signing: publication later than planned may bring it too close (施行日期须在公布后30日以后).
  const signing = s.postDecision.signing;
  if (signing?.register && signing.effectiveAt && signing.expiresAt) {
    const config = ctx.config.documents ?? defaultDocumentLifeConfig;
    const fromPublication = signing.datesFromPublication;
    if (fromPublication) {
      const dates = documentDates({ title: s.title, publishedAt: ctx.now, ...(fromPublication.effective ? {} : { effectiveAt: signing.effectiveAt }), ...(fromPublication.expiry ? {} : { expiresAt: signing.expiresAt }) }, config);
      signing.effectiveAt = dates.effectiveAt;
      signing.expiresAt = dates.expiresAt;
    }
    const reason = signing.earlyEffectReason ?? cmd.earlyEffectReason;
    const retroactive = signing.retroactiveReason ?? cmd.retroactiveReason;
    const problem = documentDatesProblem(
      { title: s.title, publishedAt: ctx.now, effectiveAt: signing.effectiveAt, expiresAt: signing.expiresAt, ...(reason ? { earlyEffectReason: reason } : {}), ...(retroactive ? { retroactiveReason: retroactive } : {}) },
      config,
      datesRules(ctx),
    );
    if (problem) return refuse(problem.code, problem.detail);
  } else if (signing?.effectiveAt && !ctx.legacy?.limitsBeforeWritten) {
    // A date of effect stated at signing (a kind without a validity period) is judged again against the publication.
    const config = ctx.config.documents ?? defaultDocumentLifeConfig;
    const problem = retroactivityProblem({ publishedAt: ctx.now, effectiveAt: signing.effectiveAt, retroactiveReason: signing.retroactiveReason ?? cmd.retroactiveReason }, config);
    if (problem) return refuse(problem.code, problem.detail);
  }
  s.postDecision.publication = {
    channel: cmd.channel,
    reference: cmd.reference,
    ...(nonEmpty(cmd.adoptionStatement) ? { adoptionStatement: cmd.adoptionStatement } : {}),
    ...(nonEmpty(cmd.interpretation) ? { interpretation: cmd.interpretation } : {}),
    by: ctx.actor.userId,
    at: ctx.now,
  };
  if (cmd.earlyEffectReason && signing) signing.earlyEffectReason = cmd.earlyEffectReason;
  if (cmd.retroactiveReason && signing) signing.retroactiveReason = cmd.retroactiveReason;
  return finishIfComplete(s, ctx.now, ctx.actor.userId, `已公布（${cmd.channel}）`);
};

/**
 * 713号令第32条 publishes a major decision 除依法不予公开的决策事项外: one exempted on that ground from hearing the public
 * (第14条, the exemption recorded with its ground) and not since flagged PUBLIC. A normative document never: it binds
 * only once published.
 */
export function publicationMayBeWithheld(s: MatterState): boolean {
  return s.kind === 'major_decision' && Boolean(s.research.participationExemption) && !s.flags.includes('PUBLIC');
}

/** The publication step of a decision 依法不予公开: recorded with its ground instead of a channel, and the register keeps it from the public. */
export const withholdPublication: Handler<'withhold_publication'> = (s, cmd, ctx) => {
  const pre = precheck(s, 'publish');
  if (pre) return pre;
  if (!publicationMayBeWithheld(s)) return refuse('PUBLICATION_REQUIRED', s.kind !== 'major_decision' ? s.kind : s.flags.includes('PUBLIC') ? 'flagged PUBLIC' : 'no exemption (依法不予公开) recorded');
  if (!nonEmpty(cmd.ground)) return refuse('INVALID_INPUT', 'the legal ground');
  s.postDecision.publication = { channel: '依法不予公开', reference: cmd.ground, withheld: true, by: ctx.actor.userId, at: ctx.now };
  return finishIfComplete(s, ctx.now, ctx.actor.userId, `依法不予公开：${cmd.ground}`);
};

export const fileRecord: Handler<'file_record'> = (s, cmd, ctx) => {
  const pre = precheck(s, 'filing');
  if (pre) return pre;
  if (!nonEmpty(cmd.authority) || !nonEmpty(cmd.reference)) return refuse('INVALID_INPUT', 'authority and reference');
  s.postDecision.filing = { authority: cmd.authority, reference: cmd.reference, by: ctx.actor.userId, at: ctx.now };
  return finishIfComplete(s, ctx.now, ctx.actor.userId, `已报${cmd.authority}备案（${cmd.reference}）`);
};

export const archive: Handler<'archive'> = (s, cmd, ctx) => {
  const pre = precheck(s, 'archive');
  if (pre) return pre;
  if (!nonEmpty(cmd.archiveRef)) return refuse('INVALID_INPUT', 'archiveRef');
  s.postDecision.archive = {
    archiveRef: cmd.archiveRef,
    ...(cmd.recipient ? { recipient: cmd.recipient } : {}),
    by: ctx.actor.userId,
    at: ctx.now,
  };
  return finishIfComplete(s, ctx.now, ctx.actor.userId, `已归档（${cmd.archiveRef}）`);
};

export function emptyPostDecision(): MatterState['postDecision'] {
  return { partyReport: null, governmentReview: null, signing: null, publication: null, filing: null, archive: null };
}

export { isDone as postDecisionStepDone };
