/**
 * The vocabulary of the review procedure: kinds, flags, stages, roles, the matter state and the
 * commands people send. Everything here is plain JSON data, because the state lives inside a
 * Temporal workflow and every command arrives as an Update payload.
 */

import type { ClockPause, Duration, DurationUnit, HolidayCalendar } from '../calendar';
import type { ProcedureConfig } from './config';
import type { Amendment, ChecklistEntry, Command, CommandType, FcrReviewRecord, MeetingRecordInput, ResearchItem, ResearchItemKind } from './commands';
import type { BasisRegisterEntry as RegisteredBasis } from '../legality/prescreen';
import type { ContractState } from '../contracts/state';
import type { ImplementationState } from '../decisions/state';

export type { ClockPause, Duration, DurationUnit, HolidayCalendar };
// The commands' shapes are inferred from their schemas (./commands), the single source.
export type { Amendment, ChecklistEntry, Command, CommandType, FcrReviewRecord, MeetingRecordInput, ResearchItem, ResearchItemKind };

/**
 * - normative_document 行政规范性文件 (国办发〔2018〕37号)
 * - major_decision 重大行政决策 (713号令; departments by analogy, art. 42)
 * - collective_matter “三重一大”事项 (collective decision with minutes)
 * - enforcement_review 重大行政执法决定法制审核 (行政处罚法第58条)
 * - contract_review 重要合同、重大协议审查 (the retained lawyer's review before signing; domain/contracts)
 */
export type MatterKind = 'normative_document' | 'major_decision' | 'collective_matter' | 'enforcement_review' | 'contract_review';
export const MATTER_KINDS: readonly MatterKind[] = [
  'normative_document',
  'major_decision',
  'collective_matter',
  'enforcement_review',
  'contract_review',
];

/** ECON 涉及经营者经济活动 · PUBLIC 涉及公众权益 · TECH 专业性技术性强 · RISK 需风险评估 · GOVNAME 以区政府名义出台 */
export type Flag = 'ECON' | 'PUBLIC' | 'TECH' | 'RISK' | 'GOVNAME';
export const FLAGS: readonly Flag[] = ['ECON', 'PUBLIC', 'TECH', 'RISK', 'GOVNAME'];

export type Stage =
  | 'research' // 研究论证（含退回修改）
  | 'fair_competition_review' // 公平竞争审查
  | 'completeness_check' // 送审材料齐全性审查
  | 'supplementing' // 补充材料（审核期限中止）
  | 'legality_review' // 合法性审核
  | 'amending' // 按审核意见修改
  | 'prior_approval' // 报请批准
  | 'awaiting_meeting' // 待提交集体讨论
  | 'meeting_scheduled' // 已安排会议
  | 'finalizing' // 按会议意见修改定稿
  | 'final_text_check' // 定稿核对
  | 'post_decision' // 决定后程序（请示报告、签发编号、公布、备案、归档）
  | 'contract_signing' // 合同待签订（审查通过）
  | 'contract_in_force' // 合同履行中
  | 'contract_closed' // 合同已终结
  | 'issued' // 已出台
  | 'decided' // 已决定（执法决定、三重一大）
  | 'rejected' // 不予通过
  | 'withdrawn' // 已撤回
  | 'not_issued'; // 不予出台（不合法）

export const TERMINAL_STAGES: readonly Stage[] = ['issued', 'decided', 'rejected', 'withdrawn', 'not_issued', 'contract_closed'];

export type Role =
  | 'drafter'
  | 'legal_unit'
  | 'lawyer'
  | 'fcr_reviewer'
  | 'secretary'
  | 'meeting_member'
  | 'auditor'
  | 'admin';

export interface Actor {
  userId: string;
  username: string;
  roles: Role[];
  sectionId: string | null;
  /** 法律职业资格 (行政处罚法第58条第2款), an attribute an admin sets on the person. */
  legalQualification?: boolean;
  /** For retained lawyers: the contract period (YYYY-MM-DD or ISO instants, inclusive). */
  lawyerContract?: { from: string; to: string } | null;
}

// ---------------------------------------------------------------------------------------------
// Research and argumentation (研究论证)
// ---------------------------------------------------------------------------------------------

/** A research item as kept in state: who recorded it, when, and against which version. */
export type Recorded<T> = T & { recordedBy: string; recordedAt: string; versionHash: string };

export interface ResearchRecord {
  draftingExplanation: Recorded<Extract<ResearchItem, { kind: 'drafting_explanation' }>> | null;
  legalBases: Recorded<Extract<ResearchItem, { kind: 'legal_bases' }>> | null;
  internalConsultation: Recorded<Extract<ResearchItem, { kind: 'internal_consultation' }>> | null;
  publicComment: Recorded<Extract<ResearchItem, { kind: 'public_comment' }>> | null;
  hearings: Array<Recorded<Extract<ResearchItem, { kind: 'hearing' }>>>;
  expertOpinions: Array<Recorded<Extract<ResearchItem, { kind: 'expert_opinion' }>>>;
  riskAssessment: Recorded<Extract<ResearchItem, { kind: 'risk_assessment' }>> | null;
  /**
   * 713号令第24条: every text (version hash) an assessment judged not controllable, kept after later
   * assessments replace riskAssessment, so such a text cannot come back to the meeting (absent in matters
   * without such an assessment since patch gates-as-written).
   */
  notControllableVersions?: string[];
  commentAdoption: Recorded<Extract<ResearchItem, { kind: 'comment_adoption' }>> | null;
  procedureStatement: Recorded<Extract<ResearchItem, { kind: 'procedure_statement' }>> | null;
  /** 713号令第14条: the public heard by other methods (absent in matters registered before it was kept). */
  participations?: Array<Recorded<Extract<ResearchItem, { kind: 'public_participation' }>>>;
  /** 713号令第14条: 依法不予公开, with its legal ground. */
  participationExemption?: Recorded<Extract<ResearchItem, { kind: 'participation_exemption' }>> | null;
  /** 713号令第29条: how the experts' opinions were adopted. */
  expertAdoption?: Recorded<Extract<ResearchItem, { kind: 'expert_adoption' }>> | null;
  /** Enforcement decisions (行政处罚法第57–60条); absent in matters registered before it was kept. */
  enforcementCase?: Recorded<Extract<ResearchItem, { kind: 'enforcement_case' }>> | null;
}

// ---------------------------------------------------------------------------------------------
// Reviews
// ---------------------------------------------------------------------------------------------

/** 公平竞争审查条例第17条: the review ends in a written conclusion. */
export type FcrConclusion = 'no_restrictive_effect' | 'exception_justified' | 'breach_must_revise';
export const FCR_CONCLUSIONS: readonly FcrConclusion[] = ['no_restrictive_effect', 'exception_justified', 'breach_must_revise'];

export interface FcrConclusionRecord {
  conclusion: FcrConclusion;
  versionHash: string;
  documentId: string;
  summary: string;
  concludedBy: string;
  concludedAt: string;
  /** Set when a later version re-opened the review. */
  supersededAt?: string;
}

/** A pre-screen finding as the procedure tracks it (its span and wording live with the version's record). */
export interface FcrFindingRef {
  id: string;
  code: string;
  versionHash: string;
  status: 'open' | 'confirmed' | 'dismissed';
  reason?: string;
  answeredBy?: string;
  answeredAt?: string;
}

/** 公平竞争审查条例第12条: the four grounds for an exception. */
export type FcrExceptionGround = 'E1' | 'E2' | 'E3' | 'E4';
export const FCR_EXCEPTION_GROUNDS: readonly FcrExceptionGround[] = ['E1', 'E2', 'E3', 'E4'];

export interface FairCompetitionState {
  reviewerId: string | null;
  /**
   * Findings of the automated pre-screen, per version; each must be answered before the conclusion.
   * Absent in matters registered before the pre-screen existed.
   */
  findings?: FcrFindingRef[];
  /** Pre-screen runs: which version, under which rule set, how many findings. */
  prescreens?: Array<{ versionHash: string; ruleSetVersion: string; findings: number; at: string }>;
  /** The review record behind the current conclusion. */
  review?: FcrReviewRecord;
  /** Pre-screen findings (per standard) not yet answered; kept by the fair-competition module. */
  openFindings: number;
  /** The written conclusion document (公平竞争审查条例第17条). */
  documentId?: string;
  /** The current conclusion; undefined while none or after a new version re-opened the review. */
  conclusion?: FcrConclusion;
  conclusionVersionHash?: string;
  conclusionSummary?: string;
  concludedBy?: string;
  concludedAt?: string;
  /** Earlier conclusions, superseded by a new version or a new conclusion. */
  history: FcrConclusionRecord[];
}

export type LegalityOutcome =
  | 'LAWFUL'
  | 'LAWFUL_WITH_AMENDMENTS'
  | 'RETURN_TO_COMPLETE_PROCEDURE'
  | 'NEED_PRIOR_APPROVAL'
  | 'UNLAWFUL'
  | 'MATERIALS_INCOMPLETE';
export const LEGALITY_OUTCOMES: readonly LegalityOutcome[] = [
  'LAWFUL',
  'LAWFUL_WITH_AMENDMENTS',
  'RETURN_TO_COMPLETE_PROCEDURE',
  'NEED_PRIOR_APPROVAL',
  'UNLAWFUL',
  'MATERIALS_INCOMPLETE',
];

export type ChecklistCode =
  | 'LR-S1'
  | 'LR-S2'
  | 'LR-P1'
  | 'LR-P2'
  | 'LR-C1'
  | 'LR-C2'
  | 'LR-C3'
  | 'LR-R1'
  | 'LR-R2'
  | 'LR-F1';

export interface LawyerOpinion {
  lawyerId: string;
  versionHash: string;
  outcome: LegalityOutcome;
  text: string;
  checklist: ChecklistEntry[];
  givenAt: string;
  /** A sign-off is void once the text changes; kept with the hash it was given on. */
  void: boolean;
  voidedAt?: string;
  voidedByVersion?: number;
}

export interface LegalityConclusionRecord {
  outcome: LegalityOutcome;
  versionHash: string;
  text: string;
  amendments: Amendment[];
  missing: string[];
  approvalAuthority?: string;
  /** The legal unit's own checklist answers (absent in conclusions recorded before it was kept). */
  checklist?: ChecklistEntry[];
  departureReason?: string;
  exploratoryReform?: { legalRisk: string };
  concludedBy: string;
  concludedAt: string;
  supersededAt?: string;
  /** Enforcement decisions: the reviewer's answers on the EF-* checklist. */
  enforcementChecklist?: Array<{ code: string; result: 'pass' | 'issue' | 'not_applicable'; note?: string }>;
}

export interface LegalityState {
  /** Review rounds; a round starts when the matter is submitted to the legal unit (送请合法性审查). */
  round: number;
  startedAt: string | null;
  /** Clock stops while the matter is back with the drafter (713号令第26条: 退回或者要求补充). */
  pauses: ClockPause[];
  lawyerId: string | null;
  /** Everyone who acted as legal unit on this matter (separation of duties with the lawyer). */
  legalUnitActorIds: string[];
  opinions: LawyerOpinion[];
  conclusion: LegalityConclusionRecord | null;
  history: LegalityConclusionRecord[];
  amendmentsApplied: { versionHash: string; confirmedBy: string; confirmedAt: string; note?: string } | null;
  supplementRequests: Array<{ at: string; by: string; missing: string[]; note: string }>;
  priorApprovals: Array<{ granted: boolean; authority: string; reference: string; note?: string; by: string; at: string }>;
  /** Enforcement decisions: the 法制审核 reviewer, qualified when first assigned (行政处罚法第58条第2款). */
  enforcementReviewerId?: string | null;
  /** Enforcement decisions: extensions of the 90 days of 行政处罚法第60条. */
  caseExtensions?: Array<{ days: number; reason: string; approvedBy: string; basis: string; by: string; at: string }>;
}

// ---------------------------------------------------------------------------------------------
// Collective decision (集体讨论决定)
// ---------------------------------------------------------------------------------------------

export type MeetingView = 'approve' | 'approve_with_changes' | 'return' | 'reject' | 'defer';
export const MEETING_VIEWS: readonly MeetingView[] = ['approve', 'approve_with_changes', 'return', 'reject', 'defer'];

/** 局长办公会 / 党委（党组）会 */
export type MeetingBody = 'director_office_meeting' | 'party_committee_meeting';
export const MEETING_BODIES: readonly MeetingBody[] = ['director_office_meeting', 'party_committee_meeting'];

export interface MeetingRecord extends MeetingRecordInput {
  heldAt: string;
  body: MeetingBody;
  meetingRef?: string;
  recordedBy: string;
  recordedAt: string;
  versionHash: string;
  /** The view held by a strict majority of members (head excluded), if any. */
  majorityView: MeetingView | null;
  bodyId?: string;
  category?: TripleOneCategory;
  /** A Party-committee vote: the votes per view, counted against all members of the roster. */
  votes?: Partial<Record<MeetingView, number>>;
  /** Views that differ from the outcome, kept in the minutes (不同意见应当如实载明). */
  dissent: Array<{ memberId: string; view: MeetingView; comment?: string }>;
}

/** “三重一大” items the Party committee decides: 人事任免, 重大建设项目, 重大资金使用. */
export type TripleOneCategory = 'personnel_appointment' | 'major_project' | 'major_funds';
export const TRIPLE_ONE_CATEGORIES: readonly TripleOneCategory[] = ['personnel_appointment', 'major_project', 'major_funds'];

export interface ScheduledMeeting {
  meetingAt: string;
  body: MeetingBody;
  /** The body whose roster sits (absent in meetings scheduled before rosters were data: the standing body of its kind). */
  bodyId?: string;
  category?: TripleOneCategory;
  meetingRef?: string;
  scheduledBy: string;
  scheduledAt: string;
}

export interface DecisionRecord {
  outcome: 'approve' | 'approve_with_changes';
  decidedAt: string;
  versionHash: string;
  changes: string[];
  finalText: { versionHash: string; confirmedBy: string; confirmedAt: string; note?: string } | null;
}

export interface PostDecisionState {
  partyReport: { reference: string; note?: string; by: string; at: string } | null;
  governmentReview: { outcome: 'approved' | 'returned' | 'rejected'; reference: string; note?: string; by: string; at: string } | null;
  signing: {
    documentNumber: string;
    signedBy: string;
    versionHash: string;
    by: string;
    at: string;
    /** Numbered by the register (absent in matters signed before it): its series, year and sequence number. */
    register?: { series: string; year: number; seq: number };
    effectiveAt?: string;
    expiresAt?: string;
    earlyEffectReason?: string;
    /** 立法法第104条: why it takes effect before its publication. */
    retroactiveReason?: string;
    exceptionEndsAt?: string;
    /** Dates not stated at signing, counted from the publication (fixed when it is published). */
    datesFromPublication?: { effective: boolean; expiry: boolean };
  } | null;
  publication: {
    channel: string;
    reference: string;
    /** 713号令第32条: how the public's and the experts' opinions were adopted, and how the decision is explained (解读). */
    adoptionStatement?: string;
    interpretation?: string;
    /** 713号令第32条: not published (依法不予公开); `reference` holds the legal ground. */
    withheld?: boolean;
    by: string;
    at: string;
  } | null;
  filing: { authority: string; reference: string; by: string; at: string } | null;
  archive: { archiveRef: string; recipient?: string; by: string; at: string } | null;
}

// ---------------------------------------------------------------------------------------------
// The matter
// ---------------------------------------------------------------------------------------------

export interface VersionRecord {
  number: number;
  hash: string;
  submittedAt: string;
  submittedBy: string;
  note?: string;
}

export interface MatterState {
  matterId: string;
  kind: MatterKind;
  /**
   * A normative document that is also a major decision owes the duties of both (./classification).
   * Absent in states stored before it existed: parseMatterState reads them as false.
   */
  alsoMajorDecision?: boolean;
  flags: Flag[];
  title: string;
  /** Section id of the drafting unit (承办科室). */
  draftingUnit: string;
  /** userId of the person who registered it. */
  createdBy: string;
  registeredAt: string;
  stage: Stage;
  versions: VersionRecord[];
  research: ResearchRecord;
  fairCompetition: FairCompetitionState;
  legality: LegalityState;
  meeting: { scheduled: ScheduledMeeting | null; records: MeetingRecord[] };
  decision: DecisionRecord | null;
  postDecision: PostDecisionState;
  returns: Array<{ from: Stage; by: string; at: string; reason: string }>;
  /** `role`: whose decision it was (kept since ECON may be removed only by the legal unit once a review started). */
  flagChanges: Array<{ from: Flag[]; to: Flag[]; by: string; at: string; reason: string; role?: Role }>;
  closure: { stage: Stage; by: string; at: string; reason: string } | null;
  /** The automated legality pre-screen of each version and the lawyer's answers (absent before it existed). */
  legalityPrescreen?: LegalityPrescreenState;
  /** Contract matters only: the particulars, the signed contract and its end (domain/contracts). */
  contract?: ContractState;
  /** Issued major decisions: implementation, post-evaluation, suspension, adjustment (domain/decisions). */
  implementation?: ImplementationState;
  /** A matter opened to adjust or stop an earlier major decision (713号令第37条) names it here. */
  adjusts?: { matterId: string; purpose: 'adjust' | 'stop'; reason: string };
  /** A major decision: its entry in the yearly catalogue, or why it is not listed (713号令第3条第3款). */
  catalogue?: { entryId: string } | { notListedReason: string };
  /**
   * A “三重一大” matter's category as registered (人事任免 needs two thirds of the members present): the meeting is
   * scheduled under it, so the sitting cannot choose a lighter quorum. Absent: named at the first scheduling.
   */
  tripleOneCategory?: TripleOneCategory;
}

// ---------------------------------------------------------------------------------------------
// Legality pre-screen (合法性审核初筛) and the clause-level legal-basis register
// ---------------------------------------------------------------------------------------------

/** A clause's basis as the drafter registers it; `lawVersion` is the law text's version when registered. */
export interface BasisRegisterEntry extends RegisteredBasis {
  lawVersion?: string;
}

export interface BasisRegister {
  /** 1, 2, …: each change re-screens the current version */
  revision: number;
  entries: BasisRegisterEntry[];
  setBy: string;
  setAt: string;
}

/** One pre-screen run: a version, screened with the register of one revision. */
export interface LegalityPrescreenRun {
  versionHash: string;
  registerRevision: number;
  ruleSetVersion: string;
  findings: number;
  at: string;
}

/** A legality finding as the procedure keeps it: the lawyer confirms it (and proposes an amendment) or dismisses it. */
export interface LegalityFindingRef {
  id: string;
  code: string;
  versionHash: string;
  registerRevision: number;
  clause?: string;
  status: 'open' | 'confirmed' | 'dismissed';
  amendment?: string;
  reason?: string;
  answeredBy?: string;
  answeredAt?: string;
}

export interface LegalityPrescreenState {
  runs: LegalityPrescreenRun[];
  findings: LegalityFindingRef[];
  register: BasisRegister | null;
}

export interface DecisionContext {
  actor: Actor;
  /** ISO instant with offset; the only source of time. */
  now: string;
  config: ProcedureConfig;
  calendar: HolidayCalendar;
  /**
   * Only in workflow runs started before the rule existed (patched): whoever submitted a version may still
   * review it there, so their histories replay as they ran. Everywhere else the rule holds.
   */
  versionAuthorsMayReview?: boolean;
  /**
   * The document register (统一编号, domain/lifecycle), in workflow runs that sign since it exists (patched):
   * the number it assigned, or null while judging before the number is assigned. Absent: the number is typed.
   */
  documentRegister?: { assigned: { number: string; series: string; year: number; seq: number } | null };
  /** Only in workflow runs started before a rule existed (patched): those rules are not applied there. */
  legacy?: LegacyRules;
}

/** Rules a run started before them replays without (each guarded by its patch in the workflow). */
export interface LegacyRules {
  /** Only some legal-unit actions noted the person as legal unit (patch legal-unit-noted-on-every-action). */
  legalUnitNotedBySomeActions?: boolean;
  /** A meeting could be recorded as held before it was scheduled (patch meeting-after-scheduling). */
  meetingHeldAnyTimeInPast?: boolean;
  /** A risk judged not controllable did not stop the matter (patch risk-not-controllable-stops). */
  riskNotControllableMayProceed?: boolean;
  /**
   * The fair-competition findings were a count set by hand (set_fcr_findings), the conclusion checked that
   * count, and hearing operators could be waived with a reason (patch fcr-findings-bound-to-text).
   */
  fcrOpenCountByHand?: boolean;
  /** The drafter could clear ECON at any time (patch econ-removal-by-legal-unit). */
  econFreelyCleared?: boolean;
  /** The legal unit's conclusion carried no checklist of its own; LR-P2 / LR-C1 issues did not bar a lawful outcome (patch opinions-each-their-own). */
  opinionsWithoutOwnChecklist?: boolean;
  /**
   * Hearing the public was required only with the PUBLIC flag, without the ECON window and operators, and the
   * meeting pack did not need the adoption statements (patch public-participation-required).
   */
  publicHearingOptional?: boolean;
  /** Any body for any kind, the roster as typed by the secretary, the head deciding in every body (patch deciding-bodies-and-rosters). */
  meetingWithoutRosterOrBodyRules?: boolean;
  /**
   * The gates as they stood before patch gates-as-written (each could be walked around): only the assigned
   * lawyer's UNLAWFUL stopped the matter (a replaced lawyer's did not); a text once judged not controllable
   * could come back after a controllable assessment of another version; the drafter could take away flags
   * the legal unit had added, and the legal unit ECON after a conclusion that the text breaches a standard;
   * a public comment was judged only when recorded (not with the flags at the meeting, nor whether it had
   * closed and its opinions were studied after it closed); a re-scheduling could change the “三重一大” category;
   * the record could name as head anyone attending, not only whom the roster lets chair; after the decision a
   * signed document could be withdrawn, a contract signed on particulars recorded after its review or for longer
   * than the term reviewed, an implementation completed while suspended or evaluated, and an enforcement case
   * re-recorded after its review (and its amendments confirmed by another than its reviewer).
   */
  gatesBeforeWritten?: boolean;
  /**
   * The limits as they stood before patch limits-as-written: a document could take effect before its publication
   * on an early-effect reason alone (立法法第104条); a major decision of public concern or technical character was
   * published without the statement of how opinions were adopted or its 解读 (713号令第32条); an enforcement case's
   * time limit could be extended after it had run out (行政处罚法第60条); a fair-competition exception could be
   * signed with an end already past (公平竞争审查条例第12条、第18条); a LAWFUL opinion or conclusion could record changes
   * to the text that were then never made (713号令第25条); the final text after "approve with changes" was checked
   * for fair competition only, and a version back to a text a lawyer had found unlawful was free of that opinion; a
   * hearing or participation could be recorded before it had ended; the drafter could remove flags after the
   * legality review had started; only normative documents' dates were checked against the publication.
   */
  limitsBeforeWritten?: boolean;
  /**
   * The stops as they stood before patch stops-as-written: the final text after "approve with changes" was
   * confirmed without the lawyer's opinion on it or its pre-screen findings answered (and, on an enforcement
   * decision, by anyone of the legal unit); an amended text was confirmed on any opinion of the lawyer but
   * UNLAWFUL; a contract's legal unit could conclude against the lawyer's opinion without a reason, and its
   * signing date was not checked; an enforcement case's filing date could be moved later; an exploratory
   * reform could cover any open issue; only the registrant had to recuse at the meeting; a normative document
   * could be exempted from hearing the public; a lawyer who found the matter unlawful could be replaced without a
   * reason.
   */
  stopsBeforeWritten?: boolean;
  /**
   * Authority as it stood before patch authority-as-written: an account holding the admin role could act on a
   * review through its other roles; a lawyer out of contract could answer the pre-screen's findings; the drafter
   * could record an exemption from hearing the public (依法不予公开) after the legality review had judged the
   * procedure; the legality review could conclude, and the meeting be scheduled, with the pre-screen's possible
   * fair-competition findings on a matter not flagged ECON left undecided by the legal unit; a collective matter
   * titled as a personnel appointment could be scheduled under a lighter “三重一大” category.
   */
  authorityBeforeWritten?: boolean;
  /**
   * Adjustments as they stood before patch adjustments-one-at-a-time: any number of procedures adjusting or stopping
   * one issued major decision could be under way at once (713号令第37条).
   */
  adjustmentsUnbounded?: boolean;
}

export interface DecisionEvent {
  action: CommandType;
  summary: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

export type Refusal = { ok: false; status: 403 | 409 | 422; code: string; reason: string };

/** An accepted action: the next state, the event to record, and the role the actor was authorised in. */
export type Decision = { ok: true; state: MatterState; event: DecisionEvent; role: Role } | Refusal;
