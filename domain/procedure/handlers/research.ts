/** Recording research-and-argumentation items (研究论证, 713号令第二章), each checked against its article. */

import { refuse } from '../refusals';
import { currentHash, currentVersion, isEcon } from '../state';
import { heardThePublic } from '../materials';
import { hasFlag } from '../steps';
import { isMajorDecision } from '../classification';
import type { Duration, MatterState } from '../types';
import { isInstant, ms, periodEnd, reaches } from '../time';
import type { ResearchItem } from '../types';
import { done, nonEmpty, type Handler, type HandlerContext } from './handler';
import { PARTICIPATION_METHOD_LABELS, RESEARCH_ITEM_LABELS } from '../labels';
import { kindConfigOf } from '../classification';


const days = (amount: number): Duration => ({ amount, unit: 'calendar_days' });

/** A normative document touching operators' business (ECON), under the rules since patch public-participation-required. */
function econDocumentRules(s: MatterState, ctx: Pick<HandlerContext, 'legacy'>): boolean {
  return !ctx.legacy?.publicHearingOptional && s.kind === 'normative_document' && isEcon(s);
}

/**
 * The minimum open comment windows the matter's window must reach, each with its source: the kind's (a major
 * decision's 30 days, 713号令第15条; a normative document's 7 working days, 国办发〔2018〕37号, practice) and,
 * for a normative document touching operators, 30 days (优化营商环境条例第62条).
 */
export function commentWindowMinimums(s: MatterState, ctx: Pick<HandlerContext, 'config' | 'legacy'>): Array<{ min: Duration; source: string }> {
  const own = kindConfigOf(s, ctx.config).commentWindowMinimum;
  const list = [{ min: own, source: isMajorDecision(s) ? '重大行政决策程序暂行条例第15条' : '国办发〔2018〕37号（实践做法，可配置）' }];
  // A normative document that is also a major decision owes both minimums; counted in different units neither is
  // the longer everywhere, so both are kept (kindConfigOf keeps the major decision's).
  const asDocument = s.kind === 'normative_document' && s.alsoMajorDecision === true ? ctx.config.kinds.normative_document.commentWindowMinimum : null;
  if (asDocument && own && asDocument.unit !== own.unit) list.push({ min: asDocument, source: '国办发〔2018〕37号（实践做法，可配置）' });
  if (!ctx.legacy?.publicHearingOptional && s.kind === 'normative_document' && isEcon(s)) {
    list.push({ min: ctx.config.econCommentWindowMinimum ?? days(30), source: '优化营商环境条例第62条' });
  }
  return list;
}

/** 优化营商环境条例第62条: a normative document touching operators hears operators and trade associations in its comment. */
export function operatorsHeard(s: MatterState, ctx: Pick<HandlerContext, 'legacy'>, comment: Pick<Extract<ResearchItem, { kind: 'public_comment' }>, 'operatorsAndAssociations'>): boolean {
  if (!econDocumentRules(s, ctx)) return true;
  const heard = comment.operatorsAndAssociations;
  return !!heard && heard.parties.some(nonEmpty) && nonEmpty(heard.summary);
}

export const recordResearchItem: Handler<'record_research_item'> = (s, cmd, ctx) => {
  const item = cmd.item;
  if (!item || typeof item !== 'object' || !(item.kind in RESEARCH_ITEM_LABELS)) {
    return refuse('INVALID_INPUT', `item.kind must be one of ${Object.keys(RESEARCH_ITEM_LABELS).join(', ')}`);
  }
  const stamp = { recordedBy: ctx.actor.userId, recordedAt: ctx.now, versionHash: currentHash(s) };
  const r = s.research;

  switch (item.kind) {
    case 'drafting_explanation':
      if (!nonEmpty(item.documentId) || !nonEmpty(item.summary)) return refuse('INVALID_INPUT', 'documentId and summary');
      r.draftingExplanation = { ...item, ...stamp };
      break;
    case 'legal_bases':
      if (!Array.isArray(item.bases) || item.bases.length === 0 || !item.bases.every((b) => nonEmpty(b.title))) {
        return refuse('INVALID_INPUT', 'at least one legal basis with a title');
      }
      r.legalBases = { ...item, ...stamp };
      break;
    case 'internal_consultation': {
      if (!Array.isArray(item.consultations) || item.consultations.length === 0) {
        return refuse('INVALID_INPUT', 'at least one consulted unit');
      }
      for (const c of item.consultations) {
        if (!nonEmpty(c.unit) || !nonEmpty(c.opinion)) return refuse('INVALID_INPUT', 'unit and opinion');
        const d = c.dispute;
        if (!c.agreed && !(d && nonEmpty(d.issue) && nonEmpty(d.unitPosition) && nonEmpty(d.drafterPosition) && nonEmpty(d.reason))) {
          return refuse('CONSULTATION_DISPUTE_UNRECORDED', c.unit);
        }
      }
      r.internalConsultation = { ...item, ...stamp };
      break;
    }
    case 'public_comment': {
      if (!isInstant(item.openedAt) || !isInstant(item.closesAt)) return refuse('INVALID_DATETIME', 'openedAt, closesAt');
      if (ms(item.closesAt) <= ms(item.openedAt)) return refuse('INVALID_INPUT', 'the window closes before it opens');
      if (!nonEmpty(item.channel)) return refuse('INVALID_INPUT', 'channel');
      for (const { min, source } of commentWindowMinimums(s, ctx)) {
        const minEnd = periodEnd(item.openedAt, min, [], ctx.calendar) ?? item.closesAt;
        if (!reaches(item.closesAt, minEnd, min) && !nonEmpty(item.shortenedReason)) {
          return refuse('COMMENT_WINDOW_TOO_SHORT', `minimum ${min.amount} ${min.unit} (${source}): until ${minEnd}; closes ${item.closesAt}`);
        }
      }
      // 优化营商环境条例第62条: a normative document touching operators hears operators and trade associations.
      if (!operatorsHeard(s, ctx, item)) return refuse('OPERATORS_NOT_HEARD', 'operatorsAndAssociations');
      r.publicComment = { ...item, ...stamp };
      break;
    }
    case 'public_participation': {
      if (!isInstant(item.from) || (item.to !== undefined && !isInstant(item.to))) return refuse('INVALID_DATETIME', 'from, to');
      if (item.to !== undefined && ms(item.to) < ms(item.from)) return refuse('INVALID_INPUT', 'to is before from');
      if (ms(item.from) > ms(ctx.now)) return refuse('INVALID_INPUT', 'the public cannot have been heard in the future');
      // Recorded once it has ended: a survey still running has not heard the public yet (713号令第14条).
      if (!ctx.legacy?.limitsBeforeWritten && item.to !== undefined && ms(item.to) > ms(ctx.now)) return refuse('INVALID_INPUT', 'to: the participation is recorded once it has ended');
      if (!nonEmpty(item.participants) && !nonEmpty(item.channel)) return refuse('PARTICIPANTS_OR_CHANNEL_MISSING', PARTICIPATION_METHOD_LABELS[item.method]);
      r.participations = [...(r.participations ?? []), { ...item, ...stamp }];
      break;
    }
    case 'participation_exemption':
      if (hasFlag(s.kind, s.flags, 'PUBLIC')) return refuse('EXEMPTION_WITH_OPEN_COMMENT');
      // The legality review judged the procedure (LR-R1) on what research recorded; an exemption added while the text is
      // amended would also let the decision be withheld from publication without that review (patch authority-as-written).
      if (!ctx.legacy?.authorityBeforeWritten && s.stage === 'amending') return refuse('EXEMPTION_AFTER_REVIEW');
      // 713号令第14条 exempts a major decision 依法不予公开; a normative document (also one that is a major decision)
      // binds only once published, so it cannot be a matter not to be made public (patch stops-as-written).
      if (!ctx.legacy?.stopsBeforeWritten && s.kind !== 'major_decision') return refuse('NOT_APPLICABLE', 'only a major decision 依法不予公开 is exempt from hearing the public; a normative document is published');
      r.participationExemption = { ...item, ...stamp };
      break;
    case 'expert_adoption':
      if (r.expertOpinions.length === 0) return refuse('EXPERT_OPINIONS_MISSING');
      r.expertAdoption = { ...item, ...stamp };
      break;
    case 'hearing': {
      if (!isInstant(item.materialsSentAt) || !isInstant(item.heldAt)) return refuse('INVALID_DATETIME', 'materialsSentAt, heldAt');
      if (!nonEmpty(item.documentId)) return refuse('INVALID_INPUT', 'documentId (hearing record)');
      // The hearing record is of a hearing held: one dated in the future has heard nobody yet (713号令第14条、第16条).
      if (!ctx.legacy?.limitsBeforeWritten && ms(item.heldAt) > ms(ctx.now)) return refuse('INVALID_INPUT', 'heldAt: the hearing is recorded once it has been held');
      const lead = ctx.config.hearingMaterialsLead;
      const earliest = periodEnd(item.materialsSentAt, lead, [], ctx.calendar) ?? item.heldAt;
      if (!reaches(item.heldAt, earliest, lead)) {
        return refuse('HEARING_NOTICE_TOO_SHORT', `materials sent ${item.materialsSentAt}, hearing ${item.heldAt}`);
      }
      r.hearings.push({ ...item, ...stamp });
      break;
    }
    case 'expert_opinion':
      if (!nonEmpty(item.expertName) || !nonEmpty(item.opinion) || !nonEmpty(item.documentId)) {
        return refuse('INVALID_INPUT', 'expertName, opinion and documentId');
      }
      if (item.directInterest) return refuse('EXPERT_DIRECT_INTEREST', item.expertName);
      if (!item.signed) return refuse('EXPERT_OPINION_UNSIGNED', item.expertName);
      r.expertOpinions.push({ ...item, ...stamp });
      break;
    case 'risk_assessment':
      if (!nonEmpty(item.documentId) || !nonEmpty(item.measures) || !['low', 'medium', 'high'].includes(item.riskLevel)) {
        return refuse('INVALID_INPUT', 'documentId, riskLevel and measures');
      }
      // 713号令第24条: after "not controllable", only an assessment of an adjusted draft can find it controllable.
      if (!ctx.legacy?.riskNotControllableMayProceed && item.controllable && r.riskAssessment && !r.riskAssessment.controllable && r.riskAssessment.versionHash === stamp.versionHash) {
        return refuse('RISK_DRAFT_NOT_ADJUSTED', `version ${currentVersion(s).number} was assessed not controllable ${r.riskAssessment.recordedAt}`);
      }
      // The same text as one judged not controllable before (a version going back to it) is not an adjusted draft.
      if (!ctx.legacy?.riskNotControllableMayProceed && !ctx.legacy?.gatesBeforeWritten && item.controllable && (r.notControllableVersions ?? []).includes(stamp.versionHash)) {
        return refuse('RISK_DRAFT_NOT_ADJUSTED', `version ${currentVersion(s).number} has the text of a version assessed not controllable`);
      }
      r.riskAssessment = { ...item, ...stamp };
      if (!item.controllable && !ctx.legacy?.riskNotControllableMayProceed && !ctx.legacy?.gatesBeforeWritten && !(r.notControllableVersions ?? []).includes(stamp.versionHash)) {
        r.notControllableVersions = [...(r.notControllableVersions ?? []), stamp.versionHash];
      }
      break;
    case 'comment_adoption': {
      const pc = r.publicComment;
      // 713号令第18条、第29条: the opinions heard by any method are studied and their adoption stated.
      if (!pc && (ctx.legacy?.publicHearingOptional || !heardThePublic(s))) return refuse('PUBLIC_COMMENT_MISSING');
      if (pc && ms(ctx.now) < ms(pc.closesAt)) return refuse('COMMENT_WINDOW_OPEN', `closes ${pc.closesAt}`);
      if (!Array.isArray(item.entries)) return refuse('INVALID_INPUT', 'entries');
      const unexplained = item.entries.find((e) => !nonEmpty(e.commentSummary) || (!e.adopted && !nonEmpty(e.reason)));
      if (unexplained) return refuse('ADOPTION_REASON_MISSING', unexplained.commentSummary);
      r.commentAdoption = { ...item, ...stamp };
      break;
    }
    case 'procedure_statement':
      if (!nonEmpty(item.documentId) || !nonEmpty(item.summary)) return refuse('INVALID_INPUT', 'documentId and summary');
      r.procedureStatement = { ...item, ...stamp };
      break;
    case 'enforcement_case': {
      // 行政处罚法第57–60条: only an enforcement decision has a case; the art. 58 ground is named.
      if (s.kind !== 'enforcement_review') return refuse('NOT_APPLICABLE', 'only an enforcement decision review records its case');
      if (item.ground === 'other_statutory' && !nonEmpty(item.otherBasis)) return refuse('ENFORCEMENT_GROUND_BASIS_MISSING');
      if (Date.parse(`${item.caseFiledOn}T00:00:00+08:00`) > Date.parse(ctx.now)) return refuse('INVALID_INPUT', 'caseFiledOn is in the future');
      // The 法制审核 concluded on this case (complex? serious? social impact?): those facts decide collective
      // discussion and publication, so they change only with the matter back in research, for a new review.
      // (Materials found incomplete are not a conclusion on the case: supplementing, it may be corrected.)
      const passed = s.legality.conclusion?.outcome === 'LAWFUL' || s.legality.conclusion?.outcome === 'LAWFUL_WITH_AMENDMENTS';
      if (!ctx.legacy?.gatesBeforeWritten && r.enforcementCase && passed && s.stage !== 'research') {
        return refuse('ENFORCEMENT_CASE_REVIEWED', `concluded ${s.legality.conclusion?.concludedAt}`);
      }
      // 行政处罚法第60条: the time limit runs from the filing; a later date would restart a clock that ran out.
      if (!ctx.legacy?.stopsBeforeWritten && r.enforcementCase && item.caseFiledOn > r.enforcementCase.caseFiledOn) {
        return refuse('CASE_FILING_DATE_FIXED', `filed ${r.enforcementCase.caseFiledOn}`);
      }
      r.enforcementCase = { ...item, ...stamp };
      break;
    }
    default:
      return refuse('INVALID_INPUT');
  }
  return done(`登记${RESEARCH_ITEM_LABELS[item.kind]}`);
};

