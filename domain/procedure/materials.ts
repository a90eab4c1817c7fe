/** What is still missing from the materials the legal unit needs (713号令第26条) and the meeting pack (art. 29). */

import type { ProcedureConfig } from './config';
import { fcrClearsCurrent } from './state';
import { MATERIAL_LABELS, requiredMaterials, type MaterialKey } from './steps';
import type { MatterState } from './types';

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
    case 'contract_particulars':
      return (state.contract?.particulars ?? null) !== null;
    default:
      return false;
  }
}

export function missingMaterials(state: MatterState, config: ProcedureConfig): MaterialKey[] {
  return requiredMaterials(state.kind, state.flags, config, state.alsoMajorDecision === true).filter((k) => !present(state, k));
}

export function describeMaterials(keys: readonly MaterialKey[]): string {
  return keys.map((k) => `${MATERIAL_LABELS[k]}(${k})`).join('、');
}
