/**
 * Which steps a matter goes through, decided by its kind and flags. The same table drives the
 * materials check, the post-decision sequence and the plan the UI shows (requiredSteps).
 */

import type { ProcedureConfig } from './config';
import type { Flag, LegacyRules, MatterKind, MatterState, Stage } from './types';
import { enforcementPublishes } from './enforcement';
import { RESEARCH_ITEM_LABELS } from './labels';
import { isMajorDecision, kindConfigOf } from './classification';

/**
 * Flags that mean something for each kind. Enforcement decisions are not policy measures (no
 * fair-competition review), are not put to public comment (the party's hearing belongs to the
 * enforcement procedure itself) and are issued by the bureau; “三重一大” matters are internal.
 */
export const APPLICABLE_FLAGS: Record<MatterKind, readonly Flag[]> = {
  normative_document: ['ECON', 'PUBLIC', 'TECH', 'RISK', 'GOVNAME'],
  major_decision: ['ECON', 'PUBLIC', 'TECH', 'RISK', 'GOVNAME'],
  collective_matter: ['ECON', 'TECH', 'RISK'],
  enforcement_review: ['TECH', 'RISK'],
  // A contract is reviewed for its own points (CT-*), not as a policy measure.
  contract_review: [],
};

export type StepKey =
  | 'registration'
  | 'drafting_explanation'
  | 'legal_bases'
  | 'internal_consultation'
  | 'public_comment'
  | 'public_participation'
  | 'hearing'
  | 'expert_opinions'
  | 'risk_assessment'
  | 'comment_adoption'
  | 'procedure_statement'
  | 'fair_competition_review'
  | 'completeness_check'
  | 'legality_review'
  | 'lawyer_opinion'
  | 'collective_decision'
  | 'party_report'
  | 'government_review'
  | 'sign_and_number'
  | 'publish'
  | 'filing'
  | 'archive'
  | 'contract_particulars'
  | 'contract_signing'
  | 'contract_term';

export interface PlannedStep {
  key: StepKey;
  label: string;
  stage: Stage | 'registration';
  basis: string;
  /** Optional steps are shown but not required (e.g. a hearing, 713号令第16条 “可以”). */
  optional: boolean;
}

export type PostDecisionStep = 'party_report' | 'government_review' | 'sign_and_number' | 'publish' | 'filing' | 'archive';

export function hasFlag(kind: MatterKind, flags: readonly Flag[], flag: Flag): boolean {
  return APPLICABLE_FLAGS[kind].includes(flag) && flags.includes(flag);
}

/** The stage a successful matter ends in: documents are issued, decisions are decided. */
export function successStage(kind: MatterKind): 'issued' | 'decided' {
  return kind === 'normative_document' || kind === 'major_decision' ? 'issued' : 'decided';
}

/** Post-decision steps of this matter: its kind and flags, whether it is also a major decision, and for an enforcement decision whether it is published (行政处罚法第48条). */
export function postDecisionStepsOf(state: MatterState): PostDecisionStep[] {
  return postDecisionSteps(state.kind, state.flags, state.alsoMajorDecision === true, { publish: enforcementPublishes(state) });
}

/**
 * Post-decision steps in the order they must happen. `alsoMajorDecision`: a normative document that is also
 * a major decision owes both kinds' steps (the Party report and the 备案).
 */
export function postDecisionSteps(kind: MatterKind, flags: readonly Flag[], alsoMajorDecision = false, opts: { publish?: boolean } = {}): PostDecisionStep[] {
  const steps: PostDecisionStep[] = [];
  if (isMajorDecision({ kind, alsoMajorDecision })) steps.push('party_report'); // 713号令第31条
  if (hasFlag(kind, flags, 'GOVNAME')) steps.push('government_review');
  if (kind !== 'collective_matter') steps.push('sign_and_number');
  if (kind === 'normative_document' || kind === 'major_decision' || opts.publish) steps.push('publish'); // 713号令第32条; 行政处罚法第48条
  if (kind === 'normative_document') steps.push('filing');
  steps.push('archive'); // 713号令第33条
  return steps;
}

export type MaterialKey =
  | 'draft'
  | 'drafting_explanation'
  | 'legal_bases'
  | 'procedure_statement'
  | 'internal_consultation'
  | 'public_comment'
  | 'comment_adoption'
  | 'expert_opinions'
  | 'risk_assessment'
  | 'fcr_conclusion'
  | 'public_participation'
  | 'expert_adoption'
  | 'contract_particulars'
  | 'enforcement_case';

export const MATERIAL_LABELS: Record<MaterialKey, string> = {
  draft: '草案文本',
  drafting_explanation: RESEARCH_ITEM_LABELS.drafting_explanation,
  legal_bases: RESEARCH_ITEM_LABELS.legal_bases,
  procedure_statement: RESEARCH_ITEM_LABELS.procedure_statement,
  internal_consultation: RESEARCH_ITEM_LABELS.internal_consultation,
  public_comment: '公开征求意见情况',
  comment_adoption: RESEARCH_ITEM_LABELS.comment_adoption,
  expert_opinions: '专家论证意见',
  risk_assessment: '风险评估报告',
  fcr_conclusion: '公平竞争审查结论',
  public_participation: '听取公众意见情况（713号令第14条）',
  expert_adoption: '专家论证意见采纳情况（713号令第29条）',
  contract_particulars: '合同要素（主体、授权、依据、采购程序、价款、履行、责任、保密、争议解决）',
  enforcement_case: RESEARCH_ITEM_LABELS.enforcement_case,
};

/** 713号令第26条 (送审材料) and art. 29 (the meeting pack): what must be on file, by kind and flags. */
export function requiredMaterials(kind: MatterKind, flags: readonly Flag[], config: ProcedureConfig, alsoMajorDecision = false, legacy: LegacyRules = {}): MaterialKey[] {
  // A contract: its text and its particulars (the basis and the procurement procedure are among them).
  if (kind === 'contract_review') return ['draft', 'contract_particulars'];
  const list: MaterialKey[] = ['draft', 'drafting_explanation', 'legal_bases', 'procedure_statement'];
  if (kindConfigOf({ kind, alsoMajorDecision }, config).internalConsultationRequired) list.push('internal_consultation');
  if (hasFlag(kind, flags, 'PUBLIC')) list.push('public_comment', 'comment_adoption');
  // 713号令第14条: a major decision always hears the public (or is 依法不予公开); 第29条: the pack says how it was adopted.
  if (!legacy.publicHearingOptional && isMajorDecision({ kind, alsoMajorDecision })) {
    list.push('public_participation');
    if (!list.includes('comment_adoption')) list.push('comment_adoption');
  }
  if (hasFlag(kind, flags, 'TECH')) list.push('expert_opinions');
  if (!legacy.publicHearingOptional && hasFlag(kind, flags, 'TECH') && (kind === 'normative_document' || kind === 'major_decision')) list.push('expert_adoption');
  if (hasFlag(kind, flags, 'RISK')) list.push('risk_assessment');
  if (hasFlag(kind, flags, 'ECON')) list.push('fcr_conclusion');
  // 行政处罚法第57–60条: the case (filing date, art. 58 ground, complexity, social impact) goes with the materials.
  if (kind === 'enforcement_review' && config.enforcement) list.push('enforcement_case');
  return list;
}

const STEP_INFO: Record<StepKey, { label: string; stage: PlannedStep['stage']; basis: string }> = {
  registration: { label: '登记立项', stage: 'registration', basis: '' },
  drafting_explanation: { label: RESEARCH_ITEM_LABELS.drafting_explanation, stage: 'research', basis: '713号令第26条' },
  legal_bases: { label: RESEARCH_ITEM_LABELS.legal_bases, stage: 'research', basis: '713号令第12条、第26条' },
  internal_consultation: { label: RESEARCH_ITEM_LABELS.internal_consultation, stage: 'research', basis: '713号令第13条' },
  public_comment: { label: RESEARCH_ITEM_LABELS.public_comment, stage: 'research', basis: '713号令第14条、第15条' },
  public_participation: { label: '听取公众意见', stage: 'research', basis: '713号令第14条' },
  hearing: { label: RESEARCH_ITEM_LABELS.hearing, stage: 'research', basis: '713号令第16条、第17条' },
  expert_opinions: { label: '专家论证', stage: 'research', basis: '713号令第19条至第21条' },
  risk_assessment: { label: '风险评估', stage: 'research', basis: '713号令第22条至第24条' },
  comment_adoption: { label: RESEARCH_ITEM_LABELS.comment_adoption, stage: 'research', basis: '713号令第18条' },
  procedure_statement: { label: RESEARCH_ITEM_LABELS.procedure_statement, stage: 'research', basis: '713号令第26条' },
  fair_competition_review: { label: '公平竞争审查', stage: 'fair_competition_review', basis: '公平竞争审查条例第8条至第18条' },
  completeness_check: { label: '送审材料审查', stage: 'completeness_check', basis: '713号令第26条' },
  legality_review: { label: '合法性审核', stage: 'legality_review', basis: '713号令第25条至第28条' },
  lawyer_opinion: { label: '法律顾问意见', stage: 'legality_review', basis: '713号令第28条' },
  collective_decision: { label: '集体讨论决定', stage: 'meeting_scheduled', basis: '713号令第29条、第30条' },
  party_report: { label: '向党委请示报告', stage: 'post_decision', basis: '713号令第31条' },
  government_review: { label: '报区政府审查', stage: 'post_decision', basis: '以区政府名义出台' },
  sign_and_number: { label: '签发编号', stage: 'post_decision', basis: '' },
  publish: { label: '公布', stage: 'post_decision', basis: '713号令第32条' },
  filing: { label: '报送备案', stage: 'post_decision', basis: '规范性文件备案审查制度' },
  archive: { label: '归档', stage: 'post_decision', basis: '713号令第33条' },
  contract_particulars: { label: '登记合同要素', stage: 'research', basis: '' },
  contract_signing: { label: '签订合同（审查通过的文本）', stage: 'contract_signing', basis: '中办发〔2016〕30号' },
  contract_term: { label: '合同履行及期满提醒', stage: 'contract_in_force', basis: '' },
};

function step(key: StepKey, optional = false): PlannedStep {
  const info = STEP_INFO[key];
  return { key, label: info.label, stage: info.stage, basis: info.basis, optional };
}

/** The plan of a matter of this kind with these flags, in procedure order. */
export function requiredSteps(kind: MatterKind, flags: readonly Flag[], config: ProcedureConfig, alsoMajorDecision = false): PlannedStep[] {
  const k = kindConfigOf({ kind, alsoMajorDecision }, config);
  if (kind === 'contract_review') {
    return [
      step('registration'),
      step('contract_particulars'),
      step('completeness_check'),
      step('legality_review'),
      step('lawyer_opinion', !k.lawyerOpinionRequired),
      step('contract_signing'),
      step('contract_term'),
    ];
  }
  const steps: PlannedStep[] = [step('registration'), step('drafting_explanation'), step('legal_bases')];
  steps.push(step('internal_consultation', !k.internalConsultationRequired));
  if (hasFlag(kind, flags, 'PUBLIC')) steps.push(step('public_comment'));
  // 713号令第14条: a major decision always hears the public (or records why it is 依法不予公开), as requiredMaterials asks.
  if (isMajorDecision({ kind, alsoMajorDecision })) steps.push(step('public_participation'));
  // A hearing is never mandatory under 713号令 (可以召开); enforcement hearings belong to 行政处罚法 itself.
  if (kind !== 'enforcement_review') steps.push(step('hearing', true));
  if (hasFlag(kind, flags, 'TECH')) steps.push(step('expert_opinions'));
  if (hasFlag(kind, flags, 'RISK')) steps.push(step('risk_assessment'));
  if (hasFlag(kind, flags, 'PUBLIC')) steps.push(step('comment_adoption'));
  steps.push(step('procedure_statement'));
  if (hasFlag(kind, flags, 'ECON')) steps.push(step('fair_competition_review'));
  steps.push(step('completeness_check'), step('legality_review'));
  steps.push(step('lawyer_opinion', !k.lawyerOpinionRequired));
  steps.push(step('collective_decision'));
  for (const s of postDecisionSteps(kind, flags, alsoMajorDecision)) steps.push(step(s));
  return steps;
}
