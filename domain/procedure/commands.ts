/**
 * The commands people send — one per action — as zod schemas: the single source of their shape. The
 * domain's `Command` type is inferred from them, the API derives its wire schema from them, the workflow's
 * Update validator parses with them, and the activities receive the parsed result.
 */
import { z } from 'zod';
import { FCR_CONCLUSIONS, FCR_EXCEPTION_GROUNDS, FLAGS, LEGALITY_OUTCOMES, MEETING_BODIES, MEETING_VIEWS, TRIPLE_ONE_CATEGORIES } from './types';
import { CHECKLIST_CODES, FCR_CONSULTATION_METHODS, PARTICIPATION_METHODS } from './labels';
import { builtOnFirstUse, calendarDay, instant, line, oneOf, prose, sha256 } from './primitives';
import { refuse } from './refusals';
import { sharedSchema } from './sharedSchemas';
import { CONTRACT_CHECKLIST_CODES } from '../contracts/checklist';
import {
  completeImplementationCommand,
  designateImplementingUnitCommand,
  orderPostEvaluationCommand,
  recordAdjustmentCommand,
  recordPostEvaluationCommand,
  reportImplementationCommand,
  resumeImplementationCommand,
  suspendImplementationCommand,
} from '../decisions/schemas';
import { ENFORCEMENT_CHECKLIST_CODES, ENFORCEMENT_GROUNDS } from '../enforcement/review';
import { closeContractCommand, recordContractParticularsCommand, recordContractSigningCommand } from '../contracts/schemas';
import type { Refusal } from './types';

/** Id of a stored file or record (the document store is outside this module). */
const docId = () => line(200);
/** Id of a person. */
const personId = () => line(100);

// ---------------------------------------------------------------------------------------------
// Research and argumentation (研究论证)
// ---------------------------------------------------------------------------------------------

export const researchItemSchema = builtOnFirstUse(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('drafting_explanation'), summary: prose(), documentId: docId() }),
    z.object({ kind: z.literal('legal_bases'), bases: z.array(z.object({ title: line(500), article: line(200).optional() })).min(1), documentId: docId().optional() }),
    z.object({
      kind: z.literal('internal_consultation'),
      consultations: z
        .array(
          z.object({
            /** Unit consulted (section id or name). */
            unit: line(200),
            agreed: z.boolean(),
            opinion: prose(),
            /** Required when not agreed: 713号令第13条 — the dispute, both positions and the reasons. */
            dispute: z.object({ issue: prose(), unitPosition: prose(), drafterPosition: prose(), reason: prose() }).optional(),
          }),
        )
        .min(1),
    }),
    z.object({
      kind: z.literal('public_comment'),
      openedAt: instant,
      closesAt: instant,
      channel: line(500),
      shortenedReason: prose().optional(),
      /** 优化营商环境条例第62条: for a normative document touching operators (ECON), the operators and trade associations heard. */
      operatorsAndAssociations: z.object({ parties: z.array(line(300)).min(1), summary: prose() }).optional(),
    }),
    z.object({
      kind: z.literal('hearing'),
      materialsSentAt: instant,
      heldAt: instant,
      documentId: docId(),
      /** 713号令第16条、第17条: who took part and what they said (optional: the hearing record holds it too). */
      participants: line(1000).optional(),
      summary: prose().optional(),
    }),
    z.object({
      kind: z.literal('expert_opinion'),
      expertName: line(200),
      institution: line(200).optional(),
      directInterest: z.boolean(),
      signed: z.boolean(),
      opinion: prose(),
      documentId: docId(),
    }),
    z.object({ kind: z.literal('risk_assessment'), riskLevel: z.enum(['low', 'medium', 'high']), controllable: z.boolean(), measures: prose(), documentId: docId() }),
    z.object({
      kind: z.literal('comment_adoption'),
      /** `reason` is required when a comment was not adopted. */
      entries: z.array(z.object({ commentSummary: prose(), adopted: z.boolean(), reason: prose().optional() })).describe('Empty when the window received no comments'),
      documentId: docId().optional(),
    }),
    z.object({ kind: z.literal('procedure_statement'), summary: prose(), documentId: docId() }),
    /**
     * 713号令第14条: how the public was heard, by a method other than the open comment and the hearing (which
     * have their own items, their windows and notice checked): 座谈会, 实地走访, 书面征求意见, 问卷调查, 民意调查.
     */
    z.object({
      kind: z.literal('public_participation'),
      method: oneOf(PARTICIPATION_METHODS),
      from: instant,
      to: instant.optional(),
      /** Who took part (groups, organisations, numbers) — or the channel it ran through; at least one. */
      participants: line(1000).optional(),
      channel: line(500).optional(),
      summary: prose(),
      documentId: docId().optional(),
    }),
    /** 713号令第14条: a decision 依法不予公开 is exempt from hearing the public; the legal ground is recorded. */
    z.object({ kind: z.literal('participation_exemption'), legalGround: prose(), documentId: docId().optional() }),
    /** 713号令第29条第3项: how the experts' opinions were studied and adopted, for the meeting pack. */
    z.object({ kind: z.literal('expert_adoption'), summary: prose(), documentId: docId().optional() }),
    /** 重大执法决定 (行政处罚法第57–60条): the case as the enforcement unit files it for 法制审核. */
    z.object({
      kind: z.literal('enforcement_case'),
      caseNumber: line(100),
      /** 立案日期 (YYYY-MM-DD): the 90 days of art. 60 run from it. */
      caseFiledOn: calendarDay(),
      /** Which art. 58 ground puts the case under review; other_statutory names the law in otherBasis. */
      ground: oneOf(ENFORCEMENT_GROUNDS),
      otherBasis: line(500).optional(),
      /** 情节复杂 / 重大违法行为 (art. 57 para. 2): collective discussion only then. */
      complex: z.boolean(),
      seriousViolation: z.boolean(),
      /** 具有一定社会影响 (art. 48): the decision is published. */
      socialImpact: z.boolean(),
      summary: prose(),
    }),
  ]),
);
export type ResearchItem = z.infer<ReturnType<typeof researchItemSchema>>;
export type ResearchItemKind = ResearchItem['kind'];

// ---------------------------------------------------------------------------------------------
// Reviews
// ---------------------------------------------------------------------------------------------

/** 公平竞争审查条例第12、16、17条: the reviewer's record behind a conclusion. */
export const fcrReviewSchema = builtOnFirstUse(() =>
  z.object({
    /** The standards catalogue version the review was made under (a changed rule set never alters it). */
    ruleSetVersion: line(50),
    standards: z.array(z.object({ code: line(20), answer: z.enum(['not_involved', 'no_restriction', 'restriction']), note: prose().optional() })).min(1),
    /**
     * 第16条 (应当): the operators and trade associations concerned (and the public where its interests are
     * touched) heard, each by the method chosen (座谈会, 书面征求意见, 公开征求意见…).
     */
    consultations: z.array(z.object({ party: line(500), kind: z.enum(['operator', 'association', 'public', 'expert']), view: prose(), method: oneOf(FCR_CONSULTATION_METHODS).optional() })),
    /** Why operators and associations were heard only through an open public comment, not directly (the method choice). */
    methodReason: prose().optional(),
    /** Matters started before hearing operators became mandatory only: why nobody was consulted. Refused since (no waiver). */
    consultationWaivedReason: prose().optional(),
    /** 第12条: all three conditions, explained in detail in the written conclusion. */
    exception: z.object({ ground: oneOf(FCR_EXCEPTION_GROUNDS), reason: prose(), noLessRestrictiveAlternative: prose(), periodOrEndCondition: prose() }).optional(),
  }),
);
export type FcrReviewRecord = z.infer<ReturnType<typeof fcrReviewSchema>>;

/** LR-* for normative documents and decisions, CT-* for contracts (which set applies is the kind's: checklistCodesFor). */
export const checklistEntrySchema = builtOnFirstUse(() =>
  z.object({
    code: oneOf([...CHECKLIST_CODES, ...CONTRACT_CHECKLIST_CODES]),
    result: z.enum(['pass', 'issue', 'not_applicable']),
    /** The reason for the answer (required from the legal unit for an issue). */
    note: prose().optional(),
    /** For an issue: the amendment that cures it (LR-P2 / LR-C1 issues need one before a lawful outcome). */
    amendment: prose().optional(),
  }),
);
export type ChecklistEntry = z.infer<ReturnType<typeof checklistEntrySchema>>;

export const amendmentSchema = builtOnFirstUse(() =>
  z.object({ clause: line(500), change: prose() }),
);
export type Amendment = z.infer<ReturnType<typeof amendmentSchema>>;

// ---------------------------------------------------------------------------------------------
// Collective decision (集体讨论决定)
// ---------------------------------------------------------------------------------------------

const meetingView = () => oneOf(MEETING_VIEWS);

export const meetingRecordInputSchema = builtOnFirstUse(() =>
  z.object({
    /** When the meeting took place (ISO instant); defaults to the scheduled time. */
    heldAt: instant.optional(),
    /** The full roster of the body (组成人员). */
    members: z.array(personId()).min(1),
    attendees: z.array(personId()),
    absentees: z.array(personId()),
    recusals: z.array(z.object({ memberId: personId(), reason: prose() })),
    /** The head (行政首长 / 主持人) — must speak last (713号令第30条). */
    headId: personId(),
    /** In speaking order; the head's view is the last entry. */
    views: z.array(z.object({ memberId: personId(), view: meetingView(), comment: prose().optional() })),
    outcome: meetingView(),
    /** Mandatory when the outcome departs from the majority of members' views (713号令第30条). */
    departureReason: prose().optional(),
    /** Changes decided, mandatory for approve_with_changes. */
    changes: z.array(prose()).optional(),
    minutesDocumentId: docId(),
  }),
);
export type MeetingRecordInput = z.infer<ReturnType<typeof meetingRecordInputSchema>>;

// ---------------------------------------------------------------------------------------------
// The clause-level legal-basis register (合法性依据登记)
// ---------------------------------------------------------------------------------------------

export const basisRegisterEntrySchema = builtOnFirstUse(() =>
  z.object({
    /** the clause's label as the pre-screen names it: 第五条, 第五条第二款, 第八条（三） */
    clause: line(60),
    /** the law or administrative regulation, as cited: 旅游法, 中华人民共和国旅游法, 娱乐场所管理条例 */
    law: line(100),
    article: z.number().int().min(1).max(999),
    paragraph: z.number().int().min(1).max(99).optional(),
    item: z.number().int().min(1).max(99).optional(),
    /** the version of the law text in the library when registered (filled in by the server) */
    lawVersion: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD').optional(),
  }),
);

/** The register as a whole: each command replaces it (and the current version is screened again). */
export const setLegalBasisRegisterCommand = builtOnFirstUse(() =>
  z.object({ type: z.literal('set_legal_basis_register'), entries: z.array(basisRegisterEntrySchema()).max(500) }),
);

// ---------------------------------------------------------------------------------------------
// The commands
// ---------------------------------------------------------------------------------------------

/** versionHash and versionNumber are filled in by the server from the text it receives. */
export const submitVersionCommand = builtOnFirstUse(() =>
  z.object({ type: z.literal('submit_version'), versionHash: sha256, versionNumber: z.number().int().min(2), note: prose().optional() }),
);

/** The written conclusion is generated by the server and stored under `documentId`. */
export const recordFcrConclusionCommand = builtOnFirstUse(() =>
  z.object({
    type: z.literal('record_fcr_conclusion'),
    conclusion: oneOf(FCR_CONCLUSIONS),
    versionHash: sha256,
    documentId: docId(),
    summary: prose(),
    /** Required when the matter's configuration says so (every matter registered since it existed). */
    review: fcrReviewSchema().optional(),
  }),
);

/** The deciding body's kind and, optionally, which body of that kind (its roster is data: GET /api/v1/meeting-bodies). */
export const scheduleMeetingCommand = builtOnFirstUse(() =>
  z.object({
    type: z.literal('schedule_meeting'),
    meetingAt: instant,
    body: oneOf(MEETING_BODIES),
    /** Which body of that kind; the standing one (id = the kind) when absent. */
    bodyId: line(100).optional(),
    /** A Party-committee item: 人事任免, 重大建设项目 or 重大资金使用 (personnel needs two thirds present). */
    category: oneOf(TRIPLE_ONE_CATEGORIES).optional(),
    meetingRef: line(200).optional(),
  }),
);

/** The body's roster on the day held is read by the server and filled in (`roster`): the record must match it. */
export const recordMeetingCommand = builtOnFirstUse(() =>
  z.object({
    type: z.literal('record_meeting'),
    record: meetingRecordInputSchema(),
    roster: z.object({
      bodyId: line(100),
      on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'),
      members: z.array(personId()),
      // Who may chair that day (absent in records made before rosters said so).
      chairs: z.array(personId()).optional(),
    }).optional(),
  }),
);

/**
 * Each command's schema by its type, each built when first used: a workflow's Update validator builds the
 * schemas of the actions it is sent, not those of all forty (parseCommand).
 */
const commandSchemas = {
  submit_version: submitVersionCommand,
  record_research_item: builtOnFirstUse(() => z.object({ type: z.literal('record_research_item'), item: researchItemSchema() })),
  set_flags: builtOnFirstUse(() => z.object({ type: z.literal('set_flags'), flags: z.array(oneOf(FLAGS)), reason: prose() })),
  /** A normative document found to be also a major decision (713号令第3条): it then owes both kinds' duties. */
  classify_as_major_decision: builtOnFirstUse(() => z.object({ type: z.literal('classify_as_major_decision'), reason: prose() })),
  submit_for_review: builtOnFirstUse(() => z.object({ type: z.literal('submit_for_review'), note: prose().optional() })),
  withdraw: builtOnFirstUse(() => z.object({ type: z.literal('withdraw'), reason: prose() })),
  return_for_revision: builtOnFirstUse(() => z.object({ type: z.literal('return_for_revision'), reason: prose() })),
  assign_fcr_reviewer: builtOnFirstUse(() => z.object({ type: z.literal('assign_fcr_reviewer'), reviewerId: personId() })),
  set_fcr_findings: builtOnFirstUse(() => z.object({ type: z.literal('set_fcr_findings'), openFindings: z.number().int().min(0), documentId: docId().optional() })),
  answer_fcr_finding: builtOnFirstUse(() => z.object({ type: z.literal('answer_fcr_finding'), findingId: line(200), verdict: z.enum(['confirmed', 'dismissed']), reason: prose().optional() })),
  record_fcr_conclusion: recordFcrConclusionCommand,
  accept_materials: builtOnFirstUse(() => z.object({ type: z.literal('accept_materials') })),
  return_for_supplement: builtOnFirstUse(() => z.object({ type: z.literal('return_for_supplement'), missing: z.array(line(500)).min(1), note: prose() })),
  assign_lawyer: builtOnFirstUse(() => z.object({
    type: z.literal('assign_lawyer'),
    lawyerId: personId(),
    /** Why the lawyer is replaced: required where the one replaced found the matter unlawful (中办发〔2016〕30号). */
    reason: prose().optional(),
  })),
  submit_lawyer_opinion: builtOnFirstUse(() => z.object({ type: z.literal('submit_lawyer_opinion'), versionHash: sha256, outcome: oneOf(LEGALITY_OUTCOMES), text: prose(), checklist: z.array(checklistEntrySchema()) })),
  record_legality_conclusion: builtOnFirstUse(() => z.object({
    type: z.literal('record_legality_conclusion'),
    versionHash: sha256,
    outcome: oneOf(LEGALITY_OUTCOMES),
    text: prose(),
    /** LAWFUL_WITH_AMENDMENTS: clause by clause. */
    amendments: z.array(amendmentSchema()).optional(),
    /** RETURN_TO_COMPLETE_PROCEDURE / MATERIALS_INCOMPLETE: what is missing. */
    missing: z.array(line(500)).optional(),
    /** NEED_PRIOR_APPROVAL: whose approval. */
    approvalAuthority: line(500).optional(),
    /** The legal unit's own answer on every LR-* point, with reasons (713号令第28条); required for LAWFUL, LAWFUL_WITH_AMENDMENTS and UNLAWFUL. */
    checklist: z.array(checklistEntrySchema()).optional(),
    /** Why the conclusion departs from the lawyer's opinion (outcome or a checklist answer), when it does. */
    departureReason: prose().optional(),
    /** 713号令第25条第二款: an exploratory reform with no clear national rule goes forward with its legal risk stated. */
    exploratoryReform: z.object({ legalRisk: prose() }).optional(),
    /** Enforcement decisions (行政处罚法第58条): the 法制审核 reviewer's answers on EF-* (主体, 管辖, 事实, 证据, 程序, 法律适用, 裁量基准, 文书). */
    enforcementChecklist: z.array(z.object({ code: oneOf(ENFORCEMENT_CHECKLIST_CODES), result: z.enum(['pass', 'issue', 'not_applicable']), note: prose().optional() })).optional(),
  })),
  /** 行政处罚法第60条: the 90 days extended (法律、法规、规章另有规定的), with who approved it and on what basis. */
  extend_case_deadline: builtOnFirstUse(() => z.object({ type: z.literal('extend_case_deadline'), days: z.number().int().min(1).max(365), reason: prose(), approvedBy: line(200), basis: line(500) })),
  confirm_amendments: builtOnFirstUse(() => z.object({ type: z.literal('confirm_amendments'), versionHash: sha256, note: prose().optional() })),
  record_prior_approval: builtOnFirstUse(() => z.object({ type: z.literal('record_prior_approval'), granted: z.boolean(), authority: line(500), reference: line(500), note: prose().optional() })),
  schedule_meeting: scheduleMeetingCommand,
  record_meeting: recordMeetingCommand,
  confirm_final_text: builtOnFirstUse(() => z.object({ type: z.literal('confirm_final_text'), versionHash: sha256, note: prose().optional() })),
  report_to_party: builtOnFirstUse(() => z.object({ type: z.literal('report_to_party'), reference: line(500), note: prose().optional() })),
  record_government_review: builtOnFirstUse(() => z.object({ type: z.literal('record_government_review'), outcome: z.enum(['approved', 'returned', 'rejected']), reference: line(500), note: prose().optional() })),
  sign_and_number: builtOnFirstUse(() => z.object({
    type: z.literal('sign_and_number'),
    versionHash: sha256,
    /** Only in matters signed before the register numbered documents (统一编号): the register assigns it now. */
    documentNumber: line(200).optional(),
    signedBy: line(200),
    /** 施行日期: normally no earlier than the effective delay after publication (default: exactly then). */
    effectiveAt: instant.optional(),
    /** 有效期至: at most the longest validity (default: exactly that). */
    expiresAt: instant.optional(),
    /** Why the document takes effect sooner than the effective delay. */
    earlyEffectReason: prose().optional(),
    /** 立法法第104条: why it takes effect before its publication (a provision that better protects rights and interests). */
    retroactiveReason: prose().optional(),
    /** 公平竞争审查条例第12条: when the exception in the fair-competition conclusion ends (required with one). */
    exceptionEndsAt: instant.optional(),
  })),
  publish: builtOnFirstUse(() => z.object({
    type: z.literal('publish'),
    channel: line(500),
    reference: line(500),
    earlyEffectReason: prose().optional(),
    /** 立法法第104条: why the date signed falls before this publication (a provision that better protects rights and interests). */
    retroactiveReason: prose().optional(),
    /** 713号令第32条: how the public's and the experts' opinions were adopted (required where the decision is of wide public concern or technical). */
    adoptionStatement: prose().optional(),
    /** 713号令第32条: how the decision is explained to the public (新闻发布会, 接受访谈, 政策解读…) and where. */
    interpretation: line(500).optional(),
  })),
  /** 713号令第32条: 依法不予公开的决策事项除外 — the publication step of such a major decision records why it is not published. */
  withhold_publication: builtOnFirstUse(() => z.object({ type: z.literal('withhold_publication'), ground: prose() })),
  file_record: builtOnFirstUse(() => z.object({ type: z.literal('file_record'), authority: line(500), reference: line(500) })),
  archive: builtOnFirstUse(() => z.object({ type: z.literal('archive'), archiveRef: line(500), recipient: line(500).optional() })),
  set_legal_basis_register: setLegalBasisRegisterCommand,
  answer_legality_finding: builtOnFirstUse(() => z.object({
    type: z.literal('answer_legality_finding'),
    findingId: line(200),
    verdict: z.enum(['confirmed', 'dismissed']),
    /** confirmed: the amendment the lawyer proposes for the clause */
    amendment: prose().optional(),
    /** dismissed: why the wording is lawful */
    reason: prose().optional(),
  })),
  // Important contracts and major agreements (domain/contracts)
  record_contract_particulars: recordContractParticularsCommand,
  record_contract_signing: recordContractSigningCommand,
  close_contract: closeContractCommand,
  // After a major decision (domain/decisions, 713号令第34条至第37条)
  designate_implementing_unit: designateImplementingUnitCommand,
  report_implementation: reportImplementationCommand,
  order_post_evaluation: orderPostEvaluationCommand,
  record_post_evaluation: recordPostEvaluationCommand,
  suspend_implementation: suspendImplementationCommand,
  resume_implementation: resumeImplementationCommand,
  record_adjustment: recordAdjustmentCommand,
  complete_implementation: completeImplementationCommand,
};

type CommandName = keyof typeof commandSchemas;
type CommandOption = ReturnType<(typeof commandSchemas)[CommandName]>;

/**
 * Every command, discriminated by `type` (the API documents and checks requests with it). Its options are
 * the commands' own schemas (commandSchemaOf), shared by every workflow on a worker thread (sharedSchemas.ts).
 */
export const commandSchema = () =>
  sharedSchema('command', () =>
    z.discriminatedUnion('type', (Object.keys(commandSchemas) as CommandName[]).map((type) => ownSchema(type)) as [CommandOption, ...CommandOption[]]),
  );

/** Whether an action carries a document's text beside its command (a new version: its hash is computed from it). */
export const needsText = (type: string): boolean => type === 'submit_version';

/** One person's action; every payload is plain JSON (it travels as a Temporal Update). */
export type Command = z.infer<ReturnType<typeof commandSchema>>;
export type CommandType = Command['type'];

/**
 * Checks an incoming command against its schema (the workflow's Update validator: an action sent past
 * the API, e.g. by an operator, gets the same checks). Refuses naming the first field that is wrong.
 */
export function parseCommand(raw: unknown): { ok: true; command: Command } | Refusal {
  // The union hands a command whose type it knows to that type's schema; so does this, without building the
  // others. What that schema refuses, or a type it does not know, the union judges (and words) itself.
  const own = ownSchemaOf(raw)?.safeParse(raw);
  if (own?.success) return { ok: true, command: own.data };
  const parsed = commandSchema().safeParse(raw);
  if (parsed.success) return { ok: true, command: parsed.data };
  const issue = parsed.error.issues[0]!;
  return refuse('INVALID_INPUT', `${['command', ...issue.path.map(String)].join('.')}: ${issue.message}`);
}

/** The schema of one command type alone (built when first asked for); null for a type no command has. */
export function commandSchemaOf(type: string): CommandOption | null {
  return Object.hasOwn(commandSchemas, type) ? ownSchema(type as CommandName) : null;
}

/** A command type's schema, built once per worker thread (per process elsewhere). */
const ownSchema = (type: CommandName): CommandOption => sharedSchema(`command:${type}`, commandSchemas[type] as () => CommandOption);

/** The schema of the command's own type, when it names one. */
function ownSchemaOf(raw: unknown): CommandOption | null {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? commandSchemaOf(type) : null;
}
