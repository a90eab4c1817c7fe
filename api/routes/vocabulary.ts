import { z } from 'zod';
import {
  ACTION_LABELS, CHECKLIST_LABELS, FCR_CONSULTATION_METHOD_LABELS, RESEARCH_ITEM_LABELS, PARTICIPATION_METHOD_LABELS, FCR_CONCLUSION_LABELS, FLAG_LABELS, KIND_LABELS, LEGALITY_OUTCOME_LABELS, MATERIAL_LABELS,
  APPLICABLE_FLAGS, MEETING_BODY_LABELS, PHASES, TRAIL_ACTION_LABELS, DEADLINE_NATURE_LABELS, MEETING_VIEW_LABELS, ROLE_LABELS, STAGE_LABELS, TERMINAL_STAGES, TRIPLE_ONE_CATEGORY_LABELS, requiredSteps, defaultProcedureConfig, MATTER_KINDS,
} from '../../domain/procedure';
import { CONTRACT_CHECKLIST_LABELS, CONTRACT_CLOSURE_LABELS, DISPUTE_METHOD_LABELS, PARTY_ROLE_LABELS, PROCUREMENT_METHOD_LABELS } from '../../domain/contracts';
import { ENFORCEMENT_GROUND_LABELS } from '../../domain/enforcement/review';
import { CATALOGUE_CATEGORY_LABELS } from '../../domain/decisions/catalogue';
import { ADJUSTMENT_PURPOSE_LABELS, EVALUATION_CONCLUSION_LABELS, EVALUATION_GROUND_LABELS, EVALUATION_RECOMMENDATION_LABELS, IMPLEMENTATION_STATUS_LABELS } from '../../domain/decisions/schemas';
import { DOCUMENT_DECISION_LABELS, DOCUMENT_STATUS_LABELS, REGISTER_EVENT_LABELS } from '../../domain/lifecycle';
import { defineRoute, type AnyRoute } from '../http/route';
import { ENFORCEMENT_CHECKLIST_LABELS } from '../../domain/enforcement/review';

/**
 * The procedure's vocabulary with its Chinese labels, straight from the domain module, so the web app and
 * other clients never keep a second copy that could drift.
 */
export function vocabularyRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/api/v1/vocabulary', summary: 'Kinds, flags, stages (and the phases grouping them), roles, actions (and every trail action), outcomes and checklist codes with their labels, and the steps each kind requires', tags: ['system'], auth: false,
      responses: { 200: { description: 'Labels', schema: z.record(z.string(), z.unknown()) } },
      handler: () => ({
        kinds: KIND_LABELS, flags: FLAG_LABELS, stages: STAGE_LABELS, terminalStages: TERMINAL_STAGES, roles: ROLE_LABELS, actions: ACTION_LABELS,
        legalityOutcomes: LEGALITY_OUTCOME_LABELS, fcrConclusions: FCR_CONCLUSION_LABELS, meetingViews: MEETING_VIEW_LABELS,
        meetingBodies: MEETING_BODY_LABELS, checklist: CHECKLIST_LABELS, materials: MATERIAL_LABELS, researchItems: RESEARCH_ITEM_LABELS, participationMethods: PARTICIPATION_METHOD_LABELS,
        fcrConsultationMethods: FCR_CONSULTATION_METHOD_LABELS, enforcementChecklist: ENFORCEMENT_CHECKLIST_LABELS,
        applicableFlags: APPLICABLE_FLAGS,
        phases: PHASES, trailActions: TRAIL_ACTION_LABELS, deadlineNatures: DEADLINE_NATURE_LABELS,
        contractChecklist: CONTRACT_CHECKLIST_LABELS, procurementMethods: PROCUREMENT_METHOD_LABELS, disputeMethods: DISPUTE_METHOD_LABELS,
        partyRoles: PARTY_ROLE_LABELS, contractClosures: CONTRACT_CLOSURE_LABELS,
        tripleOneCategories: TRIPLE_ONE_CATEGORY_LABELS, enforcementGrounds: ENFORCEMENT_GROUND_LABELS,
        documentStatuses: DOCUMENT_STATUS_LABELS, documentDecisions: DOCUMENT_DECISION_LABELS, registerEvents: REGISTER_EVENT_LABELS,
        catalogueCategories: CATALOGUE_CATEGORY_LABELS, adjustmentPurposes: ADJUSTMENT_PURPOSE_LABELS,
        implementationStatuses: IMPLEMENTATION_STATUS_LABELS, evaluationGrounds: EVALUATION_GROUND_LABELS,
        evaluationConclusions: EVALUATION_CONCLUSION_LABELS, evaluationRecommendations: EVALUATION_RECOMMENDATION_LABELS,
        steps: Object.fromEntries(MATTER_KINDS.map((k) => [k, requiredSteps(k, [], defaultProcedureConfig)])),
      }),
    }),
  ];
}
