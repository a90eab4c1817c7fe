/**
 * The shapes the web app reads from the public API, for its JSDoc types (web/tsconfig.json). Where the
 * server hands out a domain structure as it is (the matter state, clocks, duties, phases, diff runs,
 * statistics), the type is the domain's own, so a change there shows up here at type-check time.
 */
import type { CommandType, MatterKind, MatterState, Role, Stage } from '../../domain/procedure/types';
import type { Deadline } from '../../domain/procedure/deadlines';
import type { Duty } from '../../domain/procedure/whoseTurn';
import type { MatterWarning } from '../../domain/procedure/warnings';
import type { Phase } from '../../domain/procedure/phases';
import type { AdminChainVerdict, StoredAdminEvent } from '../../domain/evidence/adminEventFields';
import type { DiffRun } from '../../domain/text/characterDiff';
import type { Statistics } from '../../domain/statistics/matterStatistics';

export type { CommandType, MatterKind, MatterState, Role, Stage, Deadline, Duty, Phase, DiffRun, Statistics };

/** RFC 9457 problem details. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: Array<{ field: string; message: string }>;
  requestId?: string;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  sectionId: string | null;
  /** An administrator set the password: only the change (and logout) answers until it is changed (GET /me says so). */
  passwordChangeRequired?: boolean;
}

export interface Person {
  id: string;
  displayName: string;
  roles: Role[];
  sectionId: string | null;
  contractFrom: string | null;
  contractTo: string | null;
  active: boolean;
}

export interface Section {
  id: string;
  name: string;
}

export interface Organisation {
  id: string;
  name: string;
  kind: string;
  contractFrom: string | null;
  contractTo: string | null;
  sections?: Section[];
}

export type Notification = import('../../workflows/definitions').NotificationRecord;

/** What a matter view and a list item both say about a matter. */
export interface MatterBasics {
  id: string;
  title: string;
  kind: MatterKind;
  flags: string[];
  draftingUnit: string;
  stage: Stage;
  createdAt: string;
  updatedAt: string;
  nextDueAt: string | null;
  overdue: boolean;
  awaitsMe: boolean;
}

export interface MatterView extends MatterBasics {
  createdBy: string;
  /** A normative document that is also a major decision (重大行政决策): it owes the duties of both. */
  alsoMajorDecision?: boolean;
  /** The body that decides this kind (configuration). */
  decidingBody?: string;
  /** The steps this matter owes, in procedure order (domain requiredSteps for its kind, flags and classification). */
  plan?: Array<{ key: string; label: string; basis: string; optional: boolean }>;
  missingMaterials?: string[];
  /** Whether the fair-competition review applies: the server's one rule (flagged ECON, on a kind it applies to). */
  fairCompetitionReview: boolean;
  /** domain/procedure/warnings: e.g. may_need_fcr (pre-screen findings on a matter without ECON, for the legal unit). */
  warnings?: MatterWarning[];
  currentVersion: { number: number; sha256: string | null };
  turn: Duty[];
  access: { trail: boolean; signatures: boolean };
  workflow: { workflowId: string; status: string; source?: string; trailHead: { seq: number; hash: string } | null; notifications: Notification[] };
  deadlines: Array<Deadline & { provisional?: true }>;
  availableActions: Array<{ type: CommandType; label: string }>;
  state: MatterState;
}

export interface MatterListItem extends MatterBasics {
  currentVersion: number;
  /** Warning codes (may_need_fcr). */
  warnings?: string[];
  awaitingRoles: Role[];
  awaitingUserIds: string[];
  createdById: string;
}

export interface VersionInfo {
  number: number;
  sha256: string;
  createdById: string;
  createdAt: string;
  text?: string;
}

export interface TrailEntry {
  seq: number;
  at: string;
  actorId: string;
  actorRole: string;
  action: string;
  reason: string | null;
  summary?: string | null;
  origin?: { ip: string | null; userAgent: string | null } | null;
  command?: unknown;
  actionKey: string;
  requestId: string | null;
  prevHash: string;
  hash: string;
  versionHash: string | null;
  before: unknown;
  after: unknown;
}

export interface TrailVerdict {
  valid: boolean;
  entries: number;
  firstBadEntry: { seq: number; reason: string } | null;
}

/** A sign-off as GET /signoffs lists it: the signed fields (domain/evidence/signOff.ts) and its status. */
export type SignOff = Omit<import('../../domain/evidence/signOffFields').SignOffFields, 'matterId'> & { id: string; void: boolean; voidedByVersion: number | null };

export interface SignatureVerdict {
  valid: boolean;
  signatureValid: boolean;
  textMatches: boolean;
  void: boolean;
  checkedVersion: number;
  reason: string | null;
}

export interface Finding {
  id?: string;
  code: string;
  start: number;
  end: number;
  excerpt: string;
  explanation: string;
  confidence?: string;
  clause?: string | null;
  status?: 'open' | 'confirmed' | 'dismissed';
  reason?: string | null;
  answeredBy?: string | null;
  answeredAt?: string | null;
  current?: boolean;
  versionNumber?: number;
  kind?: string;
}

export interface FcrRecord {
  flagged: boolean;
  currentVersion: { number: number; sha256: string };
  openFindings: number;
  findings: Finding[];
  reviewerId: string | null;
  conclusion: string | null;
  review: MatterState['fairCompetition']['review'] | null;
  history: MatterState['fairCompetition']['history'];
  documents: Array<{ id: string; versionHash: string; conclusion: string; createdById: string; createdAt: string; text: string }>;
}

/** A legality pre-screen finding as GET /api/v1/matters/:id/legality lists it, with the lawyer's answer. */
export interface LegalityFinding {
  id: string;
  versionNumber: number;
  versionHash: string;
  registerRevision: number;
  /** Found on the current version with the current register: these are the ones to answer. */
  current: boolean;
  ruleSetVersion: string;
  code: string;
  start: number;
  end: number;
  excerpt: string;
  explanation: string;
  basis: string | null;
  basisText: string | null;
  confidence: string | null;
  clause: string | null;
  status: 'open' | 'confirmed' | 'dismissed';
  amendment: string | null;
  reason: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
}

/** What a newer law text in the library did to a provision the register cites (domain/laws/changes). */
export type ProvisionChange =
  | { status: 'current' | 'not_in_library' }
  | { status: 'unchanged' | 'changed' | 'removed'; from: string; to: string; before: string | null; after: string | null };

/** GET /api/v1/matters/:id/legality: the legality pre-screen, the legal-basis register and the opinion documents. */
export interface LegalityRecord {
  currentVersion: { number: number; sha256: string | null };
  openFindings: number;
  findings: LegalityFinding[];
  register: (Omit<NonNullable<NonNullable<MatterState['legalityPrescreen']>['register']>, 'entries'> & {
    entries: Array<NonNullable<NonNullable<MatterState['legalityPrescreen']>['register']>['entries'][number] & { lawChange: ProvisionChange }>;
  }) | null;
  runs: Array<{ kind: string; versionNumber: number; versionHash: string; registerRevision: number; findings: number; at: string }>;
  documents: Array<{ id: string; kind: string; signOffId: string | null; versionHash: string; createdById: string; createdAt: string; url: string }>;
}

/** GET /api/v1/legality/codes: what the legality pre-screen looks for. */
export interface LegalityCodes {
  ruleSetVersion: string;
  codes: Array<{ code: string; checklist: string; title: string; description: string; basis: string; basisText: string }>;
}

export interface Standard {
  code: string;
  title: string;
  category: string;
  article?: string;
}

export interface StandardsCatalogue {
  version: string;
  versions: string[];
  standards: Standard[];
  exception?: { grounds: Array<{ code: string; label: string }> };
}

export interface ConvertedDocument {
  text: string;
  format: 'docx' | 'txt';
  encoding?: string;
  paragraphs: number;
  articles: number;
  warnings: string[];
}

export interface DiffSide {
  number: number;
  sha256: string;
  createdById: string;
  createdAt: string;
  characters: number;
  findings: Finding[];
}

export interface VersionDiff {
  from: DiffSide;
  to: DiffSide;
  runs: DiffRun[];
  inserted: number;
  deleted: number;
  changes: number;
}

export type StatisticsView = Statistics & { period: { from: string | null; to: string | null } };

export interface Vocabulary {
  kinds: Record<string, string>;
  flags: Record<string, string>;
  stages: Record<string, string>;
  terminalStages: string[];
  roles: Record<string, string>;
  actions: Record<string, string>;
  trailActions: Record<string, string>;
  legalityOutcomes: Record<string, string>;
  fcrConclusions: Record<string, string>;
  meetingViews: Record<string, string>;
  meetingBodies: Record<string, string>;
  checklist: Record<string, string>;
  contractChecklist?: Record<string, string>;
  enforcementChecklist?: Record<string, string>;
  materials: Record<string, string>;
  researchItems: Record<string, string>;
  participationMethods?: Record<string, string>;
  fcrConsultationMethods?: Record<string, string>;
  procurementMethods?: Record<string, string>;
  disputeMethods?: Record<string, string>;
  partyRoles?: Record<string, string>;
  contractClosures?: Record<string, string>;
  tripleOneCategories?: Record<string, string>;
  enforcementGrounds?: Record<string, string>;
  applicableFlags: Record<string, string[]>;
  phases: Phase[];
  deadlineNatures: Record<string, string>;
  adjustmentPurposes?: Record<string, string>;
  implementationStatuses?: Record<string, string>;
  evaluationGrounds?: Record<string, string>;
  evaluationConclusions?: Record<string, string>;
  evaluationRecommendations?: Record<string, string>;
  [k: string]: unknown;
}

export interface ActionResult {
  state: MatterState;
  trail: { seq: number; hash: string };
  summary: string;
}

/** A document in the register (统一登记): GET /api/v1/register, the `entry` of GET /api/v1/register/:id. */
export interface RegisterEntry {
  id: string;
  number: string;
  title: string;
  kind: string;
  draftingUnit: string;
  series: string;
  year: number;
  seq: number;
  signedAt: string;
  publishedAt: string | null;
  effectiveAt: string | null;
  expiresAt: string | null;
  earlyEffectReason: string | null;
  retroactiveReason: string | null;
  /** signed (numbered, not yet published), in_force, amended, repealed, expired */
  status: string;
  notYetEffective: boolean;
  statusChangedAt: string | null;
  statusReason: string | null;
  amendingMatterId: string | null;
  reevaluationOpenedAt: string | null;
  exceptionEndsAt: string | null;
  exceptionReviewDueAt: string | null;
  filing: { authority: string; receipt: string; at: string } | null;
  links: { matter: string; dossier: string; filingPackage: string; web: string };
}

/** One event of a document's life after issue (its own hash chain). */
export interface RegisterEvent {
  seq: number;
  kind: string;
  actorId: string | null;
  summary: string;
  at: string;
  hash: string;
}

export interface RegisterDetail {
  entry: RegisterEntry;
  events: RegisterEvent[];
  verification: { valid: boolean; events: number; firstBad?: { seq: number; reason: string } };
}

export type { CleanupDecisionRecord, CleanupLists, CleanupScope } from '../../domain/lifecycle/cleanup';

/** A clean-up (清理): GET/POST /api/v1/register/cleanups…. */
export interface CleanupView {
  id: string;
  title: string;
  scope: import('../../domain/lifecycle/cleanup').CleanupScope;
  scopeText: string;
  startedBy: string;
  startedAt: string;
  publishedAt: string | null;
  documents: RegisterEntry[];
  decisions: import('../../domain/lifecycle/cleanup').CleanupDecisionRecord[];
  undecided: string[];
  lists: import('../../domain/lifecycle/cleanup').CleanupLists;
}

export interface CleanupListItem {
  id: string;
  title: string;
  startedAt: string;
  publishedAt: string | null;
  documents: number;
}

/** The yearly catalogue of major decisions: GET /api/v1/catalogue/:year. */
export interface DecisionCatalogue {
  year: number;
  publishedAt: string | null;
  approvalRef: string | null;
  entries: Array<{
    id: string; seq: number; title: string; category: number; categoryLabel: string; unit: string;
    summary: string | null; planned: string | null; addedLaterReason: string | null; addedAt: string;
    matter: { id: string; title: string; stage: string; stageLabel: string } | null;
    progress: string; progressLabel: string;
  }>;
}

/** A chain's verdict as the API gives it (the admin events; the trail and the register's events have the same shape). */
export type ChainVerdict = AdminChainVerdict;

/** What an administrator changed (GET /api/v1/admin-events). */
export type AdminEvent = StoredAdminEvent;
