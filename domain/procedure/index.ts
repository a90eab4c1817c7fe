/** The review procedure: pure domain rules (state machine, gates, clocks). Safe inside workflow code. */

export * from './types';
export {
  commandSchema,
  commandSchemaOf,
  parseCommand,
  needsText,
  submitVersionCommand,
  recordMeetingCommand,
  scheduleMeetingCommand,
  recordFcrConclusionCommand,
  researchItemSchema,
  fcrReviewSchema,
  meetingRecordInputSchema,
  checklistEntrySchema,
  amendmentSchema,
  basisRegisterEntrySchema,
  setLegalBasisRegisterCommand,
} from './commands';
export { line, prose, documentText, instant, sha256, oneOf, calendarDay } from './primitives';
export { matterStateShape, parseMatterState } from './stateSchema';
export { procedureConfigSchema, parseProcedureConfig, floorViolation, dutyViolation, meetsFloor, STATUTORY_FLOORS, STATUTORY_DUTIES, type StatutoryFloor } from './configSchema';
export { defaultProcedureConfig, defaultMeetingConfig, meetingConfigOf, type MeetingConfig, type BodyRules, type DecisionRule, type KindConfig, type ProcedureConfig, type QuorumRule } from './config';
export { registerMatter, registrationProblem, registeredParticulars, RegistrationError, type RegisteredParticulars, type RegistrationInput } from './register';
export { decide, availableActions, authorizeCommand } from './decide';
export { deadlines, nextObligationDue, type Deadline, type DeadlineKey, type DeadlineNature } from './deadlines';
export {
  requiredSteps,
  requiredMaterials,
  postDecisionSteps,
  successStage,
  APPLICABLE_FLAGS,
  MATERIAL_LABELS,
  type MaterialKey,
  type PlannedStep,
  type PostDecisionStep,
  type StepKey,
} from './steps';
export { missingMaterials } from './materials';
export { isMajorDecision, isNormativeDocument, dualApplies, kindConfigOf, type Classified } from './classification';
export { legalityGate, lawyerGate, fcrGate, riskGate, minimumTimeGate, minimumReviewEnd, meetingGates } from './gates';
export { matterAccessOf, currentVersion, currentHash, currentLawyerOpinion, fcrClearsCurrent, isEcon } from './state';
export { REFUSALS, refuse, type RefusalCode } from './refusals';
export { STAGES_FOR_COMMAND, COMMAND_TYPES } from './stageActions';
export { majorityView, quorumMet } from './meeting';
export { rosterChangedUpTo, type RosterSeatDays } from './rosterHistory';
export * from './labels';
export { applyPrescreen, openFindingsOnCurrent } from './handlers/fairCompetition';
export {
  applyLegalityPrescreen,
  currentLegalityFindings,
  currentLegalityRun,
  legalityPrescreenOf,
  legalityScreenCurrent,
  openLegalityFindings,
  registerRevision,
} from './legalityPrescreen';
export { whoseTurn, awaitedParties, awaits, type Duty } from './whoseTurn';
export { PHASES, type Phase } from './phases';
export { matterProjection, PROJECTION_REVISION, stateColumns, type MatterProjection, type StateColumns } from './projection';
export { matterWarnings, mayNeedFcr, warningCodes, type MatterWarning, type MatterWarningCode } from './warnings';
export { stateForReader } from './readerState';
export { implementationOpen, implementationStarted, acceptedAfterIssue } from './handlers/implementation';
export { stateChanges, applyStateChanges, type StateChanges } from './stateChanges';
