import { z } from 'zod';
import { CHECKLIST_CODES, FCR_EXCEPTION_GROUNDS, FLAGS, LEGALITY_OUTCOMES, MEETING_VIEWS, type Command } from '../../domain/procedure';

/**
 * The wire form of every person's action, checked at the edge. Typed against the domain's Command union
 * (see the assignment at the bottom), so a command added there without a schema here does not compile.
 */
const text = (max = 20_000) => z.string().trim().min(1).max(max);
const instant = z.iso.datetime({ offset: true });
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256');
const docId = text(200);
/** An enum from the domain's own list of values, so the two cannot drift apart. */
export const oneOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]]);
const flag = oneOf(FLAGS);
const outcome = oneOf(LEGALITY_OUTCOMES);
const view = oneOf(MEETING_VIEWS);

const researchItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('drafting_explanation'), summary: text(), documentId: docId }),
  z.object({ kind: z.literal('legal_bases'), bases: z.array(z.object({ title: text(500), article: text(200).optional() })).min(1), documentId: docId.optional() }),
  z.object({
    kind: z.literal('internal_consultation'),
    consultations: z.array(z.object({
      unit: text(200), agreed: z.boolean(), opinion: text(),
      dispute: z.object({ issue: text(), unitPosition: text(), drafterPosition: text(), reason: text() }).optional(),
    })).min(1),
  }),
  z.object({ kind: z.literal('public_comment'), openedAt: instant, closesAt: instant, channel: text(500), shortenedReason: text().optional() }),
  z.object({ kind: z.literal('hearing'), materialsSentAt: instant, heldAt: instant, documentId: docId }),
  z.object({ kind: z.literal('expert_opinion'), expertName: text(200), institution: text(200).optional(), directInterest: z.boolean(), signed: z.boolean(), opinion: text(), documentId: docId }),
  z.object({ kind: z.literal('risk_assessment'), riskLevel: z.enum(['low', 'medium', 'high']), controllable: z.boolean(), measures: text(), documentId: docId }),
  z.object({ kind: z.literal('comment_adoption'), entries: z.array(z.object({ commentSummary: text(), adopted: z.boolean(), reason: text().optional() })).describe('Empty when the window received no comments'), documentId: docId.optional() }),
  z.object({ kind: z.literal('procedure_statement'), summary: text(), documentId: docId }),
]);

/** 公平竞争审查条例第12、16、17条: the record behind a conclusion. */
export const fcrReview = z.object({
  ruleSetVersion: text(50),
  standards: z.array(z.object({ code: text(20), answer: z.enum(['not_involved', 'no_restriction', 'restriction']), note: text().optional() })).min(1),
  consultations: z.array(z.object({ party: text(500), kind: z.enum(['operator', 'association', 'public', 'expert']), view: text() })),
  consultationWaivedReason: text().optional(),
  exception: z.object({ ground: oneOf(FCR_EXCEPTION_GROUNDS), reason: text(), noLessRestrictiveAlternative: text(), periodOrEndCondition: text() }).optional(),
});

const meetingRecord = z.object({
  heldAt: instant.optional(),
  members: z.array(text(100)).min(1),
  attendees: z.array(text(100)),
  absentees: z.array(text(100)),
  recusals: z.array(z.object({ memberId: text(100), reason: text() })),
  headId: text(100),
  views: z.array(z.object({ memberId: text(100), view, comment: text().optional() })),
  outcome: view,
  departureReason: text().optional(),
  changes: z.array(text()).optional(),
  minutesDocumentId: docId,
});

export const commandSchema = z.discriminatedUnion('type', [
  // versionHash and versionNumber are filled in by the server from the text it receives.
  z.object({ type: z.literal('submit_version'), versionHash: sha256, versionNumber: z.number().int().min(2), note: text().optional() }),
  z.object({ type: z.literal('record_research_item'), item: researchItem }),
  z.object({ type: z.literal('set_flags'), flags: z.array(flag), reason: text() }),
  z.object({ type: z.literal('submit_for_review'), note: text().optional() }),
  z.object({ type: z.literal('withdraw'), reason: text() }),
  z.object({ type: z.literal('return_for_revision'), reason: text() }),
  z.object({ type: z.literal('assign_fcr_reviewer'), reviewerId: text(100) }),
  z.object({ type: z.literal('set_fcr_findings'), openFindings: z.number().int().min(0), documentId: docId.optional() }),
  z.object({ type: z.literal('answer_fcr_finding'), findingId: text(200), verdict: z.enum(['confirmed', 'dismissed']), reason: text().optional() }),
  z.object({
    type: z.literal('record_fcr_conclusion'), conclusion: z.enum(['no_restrictive_effect', 'exception_justified', 'breach_must_revise']), versionHash: sha256, documentId: docId, summary: text(),
    review: fcrReview.optional(),
  }),
  z.object({ type: z.literal('accept_materials') }),
  z.object({ type: z.literal('return_for_supplement'), missing: z.array(text(500)).min(1), note: text() }),
  z.object({ type: z.literal('assign_lawyer'), lawyerId: text(100) }),
  z.object({
    type: z.literal('submit_lawyer_opinion'), versionHash: sha256, outcome, text: text(),
    checklist: z.array(z.object({ code: oneOf(CHECKLIST_CODES), result: z.enum(['pass', 'issue', 'not_applicable']), note: text().optional() })),
  }),
  z.object({
    type: z.literal('record_legality_conclusion'), versionHash: sha256, outcome, text: text(),
    amendments: z.array(z.object({ clause: text(500), change: text() })).optional(),
    missing: z.array(text(500)).optional(),
    approvalAuthority: text(500).optional(),
  }),
  z.object({ type: z.literal('confirm_amendments'), versionHash: sha256, note: text().optional() }),
  z.object({ type: z.literal('record_prior_approval'), granted: z.boolean(), authority: text(500), reference: text(500), note: text().optional() }),
  z.object({ type: z.literal('schedule_meeting'), meetingAt: instant, body: z.enum(['director_office_meeting', 'party_committee_meeting']), meetingRef: text(200).optional() }),
  z.object({ type: z.literal('record_meeting'), record: meetingRecord }),
  z.object({ type: z.literal('confirm_final_text'), versionHash: sha256, note: text().optional() }),
  z.object({ type: z.literal('report_to_party'), reference: text(500), note: text().optional() }),
  z.object({ type: z.literal('record_government_review'), outcome: z.enum(['approved', 'returned', 'rejected']), reference: text(500), note: text().optional() }),
  z.object({ type: z.literal('sign_and_number'), versionHash: sha256, documentNumber: text(200), signedBy: text(200) }),
  z.object({ type: z.literal('publish'), channel: text(500), reference: text(500) }),
  z.object({ type: z.literal('file_record'), authority: text(500), reference: text(500) }),
  z.object({ type: z.literal('archive'), archiveRef: text(500), recipient: text(500).optional() }),
]);

// Compile-time check that the schema produces exactly the domain's commands.
const _commandsMatch: z.ZodType<Command, unknown> = commandSchema as z.ZodType<Command, unknown>;
type _Exhaustive = Exclude<Command['type'], z.infer<typeof commandSchema>['type']> extends never ? true : never;
const _exhaustive: _Exhaustive = true;
void _commandsMatch;
void _exhaustive;
