/** Registration (登记立项): the matter is created in research with its first version. */

import type { ProcedureConfig } from './config';
import { emptyPostDecision } from './handlers/postDecision';
import { emptyContract } from '../contracts/state';
import { isInstant } from './time';
import { APPLICABLE_FLAGS } from './steps';
import type { Flag, MatterKind, MatterState } from './types';
import { FLAGS, MATTER_KINDS, TRIPLE_ONE_CATEGORIES } from './types';
import { VERSION_HASH_PATTERN } from './versions';
import { dualApplies } from './classification';

export type RegistrationInput = Pick<MatterState, 'matterId' | 'kind' | 'flags' | 'title' | 'draftingUnit' | 'createdBy' | 'alsoMajorDecision' | 'adjusts' | 'catalogue' | 'tripleOneCategory'> & {
  /** SHA-256 (hex) of the first draft. */
  versionHash: string;
  now: string;
};

/** What a registration says of the matter itself: its kind and classification, links, flags and title. */
export type RegisteredParticulars = Pick<RegistrationInput, 'kind' | 'alsoMajorDecision' | 'adjusts' | 'catalogue' | 'tripleOneCategory' | 'flags' | 'title'>;

/**
 * The particulars as passed on from a request to the workflow and from the workflow to the state: the
 * optional classification and links only when given, so that inputs and states carry no empty keys.
 */
export function registeredParticulars(x: RegisteredParticulars): RegisteredParticulars {
  return {
    kind: x.kind,
    ...(x.alsoMajorDecision ? { alsoMajorDecision: true } : {}),
    ...(x.adjusts ? { adjusts: x.adjusts } : {}),
    ...(x.catalogue ? { catalogue: x.catalogue } : {}),
    ...(x.tripleOneCategory ? { tripleOneCategory: x.tripleOneCategory } : {}),
    flags: x.flags,
    title: x.title,
  };
}

export class RegistrationError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'RegistrationError';
    this.code = code;
  }
}

/** Why the input cannot be registered, or null. The API calls it to answer 422 before starting a workflow. */
export function registrationProblem(input: RegistrationInput): { code: string; reason: string } | null {
  const blank = (s: unknown): boolean => typeof s !== 'string' || s.trim().length === 0;
  if (blank(input.matterId) || blank(input.title) || blank(input.draftingUnit) || blank(input.createdBy)) {
    return { code: 'INVALID_INPUT', reason: '事项编号、标题、承办科室、登记人均为必填 / matterId, title, draftingUnit and createdBy are required' };
  }
  if (!MATTER_KINDS.includes(input.kind)) {
    return { code: 'INVALID_INPUT', reason: `事项类型无效 / kind must be one of ${MATTER_KINDS.join(', ')}` };
  }
  if (!Array.isArray(input.flags) || !input.flags.every((f) => FLAGS.includes(f))) {
    return { code: 'INVALID_INPUT', reason: `标记无效 / flags must be among ${FLAGS.join(', ')}` };
  }
  const wrong = input.flags.filter((f) => !APPLICABLE_FLAGS[input.kind].includes(f));
  if (wrong.length > 0) {
    return { code: 'FLAG_NOT_APPLICABLE', reason: `该标记不适用于此类事项 / flags ${wrong.join(', ')} do not apply to ${input.kind}` };
  }
  if (input.alsoMajorDecision === true && !dualApplies(input.kind)) {
    return { code: 'CLASSIFICATION_NOT_APPLICABLE', reason: `只有行政规范性文件可以同时属于重大行政决策 / only a normative document can also be a major decision (kind ${input.kind})` };
  }
  if (input.tripleOneCategory !== undefined && (input.kind !== 'collective_matter' || !TRIPLE_ONE_CATEGORIES.includes(input.tripleOneCategory))) {
    return { code: 'CATEGORY_NOT_APPLICABLE', reason: `“三重一大”类别仅适用于集体决策事项 / tripleOneCategory is one of ${TRIPLE_ONE_CATEGORIES.join(', ')}, for a collective_matter only (kind ${input.kind})` };
  }
  if (typeof input.versionHash !== 'string' || !VERSION_HASH_PATTERN.test(input.versionHash)) {
    return { code: 'INVALID_VERSION_HASH', reason: '版本摘要应为64位小写十六进制SHA-256值 / versionHash must be lowercase hex SHA-256' };
  }
  if (!isInstant(input.now)) {
    return { code: 'INVALID_DATETIME', reason: '时间格式不正确 / now must be an ISO datetime with an offset' };
  }
  return null;
}

/** Throws RegistrationError on invalid input (check registrationProblem first to explain it). */
export function registerMatter(input: RegistrationInput, _config: ProcedureConfig): MatterState {
  const problem = registrationProblem(input);
  if (problem) throw new RegistrationError(problem.code, problem.reason);
  return {
    matterId: input.matterId,
    kind: input.kind,
    alsoMajorDecision: input.alsoMajorDecision === true,
    flags: FLAGS.filter((f) => input.flags.includes(f)),
    title: input.title,
    draftingUnit: input.draftingUnit,
    createdBy: input.createdBy,
    registeredAt: input.now,
    stage: 'research',
    versions: [{ number: 1, hash: input.versionHash, submittedAt: input.now, submittedBy: input.createdBy }],
    research: {
      draftingExplanation: null,
      legalBases: null,
      internalConsultation: null,
      publicComment: null,
      hearings: [],
      expertOpinions: [],
      riskAssessment: null,
      commentAdoption: null,
      procedureStatement: null,
    },
    fairCompetition: { reviewerId: null, openFindings: 0, history: [] },
    legality: {
      round: 0,
      startedAt: null,
      pauses: [],
      lawyerId: null,
      legalUnitActorIds: [],
      opinions: [],
      conclusion: null,
      history: [],
      amendmentsApplied: null,
      supplementRequests: [],
      priorApprovals: [],
    },
    meeting: { scheduled: null, records: [] },
    decision: null,
    postDecision: emptyPostDecision(),
    returns: [],
    flagChanges: [],
    closure: null,
    ...(input.kind === 'contract_review' ? { contract: emptyContract() } : {}),
    ...(input.adjusts ? { adjusts: input.adjusts } : {}),
    ...(input.catalogue ? { catalogue: input.catalogue } : {}),
    ...(input.tripleOneCategory ? { tripleOneCategory: input.tripleOneCategory } : {}),
  };
}
