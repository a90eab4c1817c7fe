/** Recording research-and-argumentation items (研究论证, 713号令第二章), each checked against its article. */

import { refuse } from '../refusals';
import { currentHash, currentVersion } from '../state';
import { isInstant, ms, periodEnd, reaches } from '../time';
import type { ResearchItem } from '../types';
import { done, nonEmpty, type Handler } from './handler';
import { RESEARCH_ITEM_LABELS } from '../labels';
import { kindConfigOf } from '../classification';


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
      const min = kindConfigOf(s, ctx.config).commentWindowMinimum;
      const minEnd = periodEnd(item.openedAt, min, [], ctx.calendar) ?? item.closesAt;
      if (!reaches(item.closesAt, minEnd, min) && !nonEmpty(item.shortenedReason)) {
        return refuse('COMMENT_WINDOW_TOO_SHORT', `minimum ${min.amount} ${min.unit}: until ${minEnd}; closes ${item.closesAt}`);
      }
      r.publicComment = { ...item, ...stamp };
      break;
    }
    case 'hearing': {
      if (!isInstant(item.materialsSentAt) || !isInstant(item.heldAt)) return refuse('INVALID_DATETIME', 'materialsSentAt, heldAt');
      if (!nonEmpty(item.documentId)) return refuse('INVALID_INPUT', 'documentId (hearing record)');
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
      r.riskAssessment = { ...item, ...stamp };
      break;
    case 'comment_adoption': {
      const pc = r.publicComment;
      if (!pc) return refuse('PUBLIC_COMMENT_MISSING');
      if (ms(ctx.now) < ms(pc.closesAt)) return refuse('COMMENT_WINDOW_OPEN', `closes ${pc.closesAt}`);
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
    default:
      return refuse('INVALID_INPUT');
  }
  return done(`登记${RESEARCH_ITEM_LABELS[item.kind]}`);
};

