/** Scheduling and recording the collective decision (713号令第29条、第30条), and the final-text check. */

import { meetingGates, fcrGates, lawyerClearsGate, lawyerUnlawfulRefusal, riskGate } from '../gates';
import { enforcementRules } from '../enforcement';
import { openLegalityFindings } from '../legalityPrescreen';
import { MEETING_BODY_LABELS, MEETING_VIEW_LABELS, STAGE_LABELS } from '../labels';
import { analyseMeeting } from '../meeting';
import { refuse } from '../refusals';
import { currentHash, currentLawyerOpinion, isEcon, moveTo } from '../state';
import { isInstant, ms } from '../time';
import type { MatterState, MeetingBody, Refusal, TripleOneCategory } from '../types';
import { meetingConfigOf } from '../config';
import { isMajorDecision } from '../classification';
import { chinaDateOf } from '../../calendar';
import { closeAs } from './drafting';
import { done, nonEmpty, type Handler, type HandlerContext } from './handler';

const BODIES: readonly MeetingBody[] = ['director_office_meeting', 'party_committee_meeting'];
/** Titles of personnel appointments (人事任免): 任免、任命、免去、免职、聘任、提名、选拔任用. */
const PERSONNEL_TITLE = /任免|任命|免去|免职|聘任|提名|选拔任用|职务调整/;

/** Also re-schedules. The gates are checked against the meeting date (713号令第25条、第26条、第29条). */
export const scheduleMeeting: Handler<'schedule_meeting'> = (s, cmd, ctx) => {
  if (!isInstant(cmd.meetingAt)) return refuse('INVALID_DATETIME', 'meetingAt');
  if (!BODIES.includes(cmd.body)) return refuse('INVALID_INPUT', `body must be one of ${BODIES.join(', ')}`);
  if (ms(cmd.meetingAt) < ms(ctx.now)) return refuse('MEETING_DATE_PAST', cmd.meetingAt);
  const gate = meetingGates(s, ctx, cmd.meetingAt);
  if (gate) return gate;
  // Registered with its category, the matter is scheduled under it (the secretary may leave it out).
  const category = cmd.category ?? s.tripleOneCategory;
  if (!ctx.legacy?.meetingWithoutRosterOrBodyRules) {
    const wrongBody = bodyProblem(s, cmd.body, category, ctx);
    if (wrongBody) return wrongBody;
  }
  // The “三重一大” category is the matter's, not the sitting's: named once, it stays, or a re-scheduling could
  // shed the two-thirds quorum of personnel appointments (党委(党组)工作条例).
  const named = ctx.legacy?.gatesBeforeWritten ? undefined : (s.tripleOneCategory ?? s.meeting.scheduled?.category ?? s.meeting.records.find((m) => m.category)?.category);
  if (named && category !== named) return refuse('CATEGORY_CHANGED', `${s.tripleOneCategory ? 'registered' : 'first scheduled'} as ${named}; asked ${category ?? 'none'}`);
  // A matter registered without its category is named at its first scheduling; one whose title is a personnel
  // appointment (任免) is not scheduled under a lighter quorum (patch authority-as-written).
  if (!ctx.legacy?.authorityBeforeWritten && !named && s.kind === 'collective_matter' && category !== 'personnel_appointment' && PERSONNEL_TITLE.test(s.title)) {
    return refuse('CATEGORY_MISMATCH', `“${s.title}” is a personnel appointment; asked ${category ?? 'none'}`);
  }
  const rescheduled = s.meeting.scheduled !== null;
  s.meeting.scheduled = {
    meetingAt: cmd.meetingAt,
    body: cmd.body,
    ...(cmd.meetingRef ? { meetingRef: cmd.meetingRef } : {}),
    ...(cmd.bodyId ? { bodyId: cmd.bodyId } : {}),
    ...(category ? { category } : {}),
    scheduledBy: ctx.actor.userId,
    scheduledAt: ctx.now,
  };
  moveTo(s, 'meeting_scheduled', ctx.now);
  return done(`${rescheduled ? '改期' : '安排'}${MEETING_BODY_LABELS[cmd.body]}：${cmd.meetingAt}`);
};

/**
 * Which body decides the kind (configuration; a major decision never by the Party committee, 713号令第30条、
 * 第31条), and a Party-committee item names its “三重一大” category.
 */
function bodyProblem(s: MatterState, body: MeetingBody, category: TripleOneCategory | undefined, ctx: HandlerContext): Refusal | null {
  if (body === 'party_committee_meeting' && isMajorDecision(s)) {
    return refuse('BODY_NOT_COMPETENT', 'a major decision is decided by the administrative meeting; the Party committee is informed (713号令第31条)');
  }
  const competent = meetingConfigOf(ctx.config).decidingBody[s.kind];
  if (body !== competent) return refuse('BODY_NOT_COMPETENT', `${s.kind} is decided by ${competent}`);
  if (body === 'party_committee_meeting' && !category) return refuse('CATEGORY_REQUIRED');
  return null;
}

/**
 * The earliest a meeting on this matter can have been held: after it was put on the agenda and after
 * every gate it depends on was met (the legality conclusion or the confirmed amendments, the lawyer's
 * opinion and the fair-competition conclusion on the current text).
 */
export function earliestMeeting(s: MatterState, scheduledAt: string): { at: string; what: string } {
  const candidates: Array<{ at: string | undefined; what: string }> = [
    { at: scheduledAt, what: 'scheduling' },
    { at: s.legality.conclusion?.concludedAt, what: 'the legality conclusion' },
    { at: s.legality.amendmentsApplied?.confirmedAt, what: 'the confirmation of the amendments' },
    { at: currentLawyerOpinion(s)?.givenAt, what: "the lawyer's opinion" },
    { at: isEcon(s) ? s.fairCompetition.concludedAt : undefined, what: 'the fair-competition conclusion' },
  ];
  let latest = { at: scheduledAt, what: 'scheduling' };
  for (const c of candidates) if (c.at && isInstant(c.at) && ms(c.at) > ms(latest.at)) latest = { at: c.at, what: c.what };
  return latest;
}

/**
 * Outcomes: approve → post-decision; approve_with_changes → the drafter produces the final text with
 * the changes, the legal unit checks it; return → research; reject → rejected; defer → awaiting a
 * meeting again.
 */
export const recordMeeting: Handler<'record_meeting'> = (s, cmd, ctx) => {
  const scheduled = s.meeting.scheduled;
  if (!scheduled) return refuse('WRONG_STAGE', 'no meeting scheduled');
  const r = cmd.record;
  if (!r || typeof r !== 'object') return refuse('INVALID_INPUT', 'record');
  const heldAt = r.heldAt ?? scheduled.meetingAt;
  if (!isInstant(heldAt)) return refuse('INVALID_DATETIME', 'heldAt');
  if (ms(heldAt) > ms(ctx.now)) return refuse('INVALID_INPUT', 'the meeting has not taken place yet');
  // The pack must still be complete and the gates open on the day it was discussed.
  const gate = meetingGates(s, ctx, heldAt);
  if (gate) return gate;
  if (!ctx.legacy?.meetingHeldAnyTimeInPast) {
    const earliest = earliestMeeting(s, scheduled.scheduledAt);
    if (ms(heldAt) < ms(earliest.at)) return refuse('MEETING_BEFORE_ITS_PREREQUISITES', `held ${heldAt}, before ${earliest.what} at ${earliest.at}`);
  }
  let analysis: ReturnType<typeof analyseMeeting>;
  if (ctx.legacy?.meetingWithoutRosterOrBodyRules) {
    analysis = analyseMeeting(r, { quorum: ctx.config.quorum, drafterId: s.createdBy, drafterMustRecuse: ctx.config.drafterMustRecuse });
  } else {
    // The roster is read by the server for the body and the day held (never typed in by the secretary).
    const roster = cmd.roster;
    if (!roster) return refuse('ROSTER_UNAVAILABLE', 'the server fills in the roster of the body on the day held');
    const bodyId = scheduled.bodyId ?? scheduled.body;
    if (roster.bodyId !== bodyId || roster.on !== chinaDateOf(ms(heldAt))) return refuse('ROSTER_UNAVAILABLE', `roster of ${roster.bodyId} on ${roster.on}, meeting of ${bodyId} on ${chinaDateOf(ms(heldAt))}`);
    // 713号令第30条: the head decides — the one the roster says may chair that day (the head, or a deputy presiding
    // for them), not whoever the record names. A roster that names no one leaves it to the record, as before.
    if (!ctx.legacy?.gatesBeforeWritten && roster.chairs && roster.chairs.length > 0 && !roster.chairs.includes(r.headId)) {
      return refuse('HEAD_MAY_NOT_CHAIR', `${r.headId}; may chair on ${roster.on}: ${roster.chairs.join(', ')}`);
    }
    const rules = meetingConfigOf(ctx.config).bodies[scheduled.body];
    const quorum = scheduled.category === 'personnel_appointment' && rules.personnelQuorum ? rules.personnelQuorum : rules.quorum;
    const authorIds = ctx.legacy?.stopsBeforeWritten ? [] : [...new Set(s.versions.map((v) => v.submittedBy))];
    analysis = analyseMeeting(r, { quorum, drafterId: s.createdBy, authorIds, drafterMustRecuse: ctx.config.drafterMustRecuse, roster: roster.members, decision: rules.decision });
  }
  if ('ok' in analysis) return analysis;

  const changes = Array.isArray(r.changes) ? r.changes.filter(nonEmpty) : [];
  s.meeting.records.push({
    ...r,
    heldAt,
    changes,
    body: scheduled.body,
    ...(scheduled.meetingRef ? { meetingRef: scheduled.meetingRef } : {}),
    recordedBy: ctx.actor.userId,
    recordedAt: ctx.now,
    versionHash: currentHash(s),
    majorityView: analysis.majorityView,
    dissent: analysis.dissent,
    ...(scheduled.bodyId ? { bodyId: scheduled.bodyId } : {}),
    ...(scheduled.category ? { category: scheduled.category } : {}),
    ...(analysis.votes ? { votes: analysis.votes } : {}),
  });
  s.meeting.scheduled = null;
  const label = MEETING_VIEW_LABELS[r.outcome];
  switch (r.outcome) {
    case 'approve':
    case 'approve_with_changes':
      s.decision = { outcome: r.outcome, decidedAt: heldAt, versionHash: currentHash(s), changes, finalText: null };
      moveTo(s, r.outcome === 'approve' ? 'post_decision' : 'finalizing', ctx.now);
      break;
    case 'return':
      s.returns.push({ from: 'meeting_scheduled', by: ctx.actor.userId, at: ctx.now, reason: `集体讨论退回：${r.departureReason ?? r.views[r.views.length - 1]?.comment ?? ''}` });
      moveTo(s, 'research', ctx.now);
      break;
    case 'reject':
      closeAs(s, 'rejected', ctx.actor.userId, ctx.now, `集体讨论决定不予通过`);
      break;
    case 'defer':
      moveTo(s, 'awaiting_meeting', ctx.now);
      break;
    default:
      break;
  }
  return done(`集体讨论决定：${label}（异议${analysis.dissent.length}人）→ ${STAGE_LABELS[s.stage]}`);
};

/**
 * The final text must differ from the decided one and, for ECON, carry a fresh fair-competition conclusion;
 * the lawyer signs it as any text (patch stops-as-written).
 */
export const confirmFinalText: Handler<'confirm_final_text'> = (s, cmd, ctx) => {
  const d = s.decision;
  if (!d) return refuse('WRONG_STAGE', 'no decision');
  if (cmd.versionHash !== currentHash(s)) return refuse('STALE_VERSION', `current is ${currentHash(s)}`);
  if (d.versionHash === currentHash(s)) return refuse('FINAL_VERSION_MISSING');
  const gate = fcrGates(s, ctx);
  if (gate) return gate;
  // The final text is a new text: not one a lawyer found unlawful (中办发〔2016〕30号) nor one judged a risk not
  // controllable (713号令第24条), whatever versions came between.
  if (!ctx.legacy?.limitsBeforeWritten) {
    const stop = lawyerUnlawfulRefusal(s, ctx) ?? riskGate(s, ctx);
    if (stop) return stop;
  }
  // Nobody reviewed the changes made after the meeting: the lawyer signs the final text (the sign-off is bound
  // to the exact text, 中办发〔2016〕30号) after answering its pre-screen findings, and on an enforcement decision
  // the 法制审核 reviewer checks it (行政处罚法第58条: 未经法制审核的，不得作出决定).
  if (!ctx.legacy?.stopsBeforeWritten) {
    const reviewer = enforcementRules(s, ctx.config) ? s.legality.enforcementReviewerId : undefined;
    if (reviewer && reviewer !== ctx.actor.userId) return refuse('FINAL_TEXT_REVIEWER', reviewer);
    const open = openLegalityFindings(s);
    if (open > 0) return refuse('LEGALITY_FINDINGS_OPEN', `${open} open on the final text`);
    const lawyer = lawyerClearsGate(s, ctx);
    if (lawyer) return lawyer;
  }
  d.finalText = {
    versionHash: cmd.versionHash,
    confirmedBy: ctx.actor.userId,
    confirmedAt: ctx.now,
    ...(cmd.note ? { note: cmd.note } : {}),
  };
  if (ctx.role === 'legal_unit' && !s.legality.legalUnitActorIds.includes(ctx.actor.userId)) {
    s.legality.legalUnitActorIds.push(ctx.actor.userId);
  }
  moveTo(s, 'post_decision', ctx.now);
  return done('定稿已按会议意见修改，转入决定后程序');
};
