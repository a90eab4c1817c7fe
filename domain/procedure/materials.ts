/** What is still missing from the materials the legal unit needs (713号令第26条) and the meeting pack (art. 29). */

import type { ProcedureConfig } from './config';
import { fcrClearsCurrent } from './state';
import { MATERIAL_LABELS, requiredMaterials, type MaterialKey } from './steps';
import type { LegacyRules, MatterState, Refusal } from './types';
import { refuse } from './refusals';

function present(state: MatterState, key: MaterialKey): boolean {
  const r = state.research;
  switch (key) {
    case 'draft':
      return state.versions.length > 0;
    case 'drafting_explanation':
      return r.draftingExplanation !== null;
    case 'legal_bases':
      return r.legalBases !== null && r.legalBases.bases.length > 0;
    case 'procedure_statement':
      return r.procedureStatement !== null;
    case 'internal_consultation':
      return r.internalConsultation !== null;
    case 'public_comment':
      return r.publicComment !== null;
    case 'comment_adoption':
      return r.commentAdoption !== null;
    case 'expert_opinions':
      return r.expertOpinions.length > 0;
    case 'risk_assessment':
      return r.riskAssessment !== null;
    case 'fcr_conclusion':
      return fcrClearsCurrent(state);
    case 'public_participation':
      return heardThePublic(state) || Boolean(r.participationExemption);
    case 'expert_adoption':
      return Boolean(r.expertAdoption);
    case 'enforcement_case':
      return (r.enforcementCase ?? null) !== null;
    case 'contract_particulars':
      return (state.contract?.particulars ?? null) !== null;
    default:
      return false;
  }
}

/** 713号令第14条: the public was heard — an open comment, a hearing, or another method on record. */
export function heardThePublic(state: MatterState): boolean {
  const r = state.research;
  return r.publicComment !== null || r.hearings.length > 0 || (r.participations ?? []).length > 0;
}

export function missingMaterials(state: MatterState, config: ProcedureConfig, legacy: LegacyRules = {}): MaterialKey[] {
  const exempt = Boolean(state.research.participationExemption);
  return requiredMaterials(state.kind, state.flags, config, state.alsoMajorDecision === true, legacy)
    // 依法不予公开: nobody was heard, so there is no adoption to state (unless an open comment is due anyway).
    .filter((k) => !(k === 'comment_adoption' && exempt && !state.flags.includes('PUBLIC')))
    .filter((k) => !present(state, k));
}

/**
 * The refusal for missing materials (713号令第26条, each label naming its own article); when hearing the public
 * (and so its adoption statement) is all that is missing, its own refusal citing 713号令第14条.
 */
export function materialsRefusal(missing: readonly MaterialKey[], lead: string): Refusal | null {
  if (missing.length === 0) return null;
  // The adoption statement follows from hearing the public: missing both, the hearing is what is missing.
  if (missing.includes('public_participation') && missing.every((k) => k === 'public_participation' || k === 'comment_adoption')) return refuse('PUBLIC_PARTICIPATION_MISSING', `${lead}${describeMaterials(missing)}`);
  return refuse('MATERIALS_INCOMPLETE', `${lead}${describeMaterials(missing)}`);
}

export function describeMaterials(keys: readonly MaterialKey[]): string {
  return keys.map((k) => `${MATERIAL_LABELS[k]}(${k})`).join('、');
}
