/**
 * The domain's request schemas under the names the OpenAPI document gives them (components, `$ref`ed
 * wherever they are used). Registered here, in the API, so that workflow code importing the same schemas
 * has no registration side effects.
 */
import { z } from 'zod';
import { amendmentSchema, checklistEntrySchema, commandSchema, fcrReviewSchema, meetingRecordInputSchema, researchItemSchema } from '../../domain/procedure';

const names: Array<[z.ZodType, string, string]> = [
  [commandSchema(), 'Command', 'A person\'s action as the procedure accepts it; `type` names it'],
  [researchItemSchema(), 'ResearchItem', 'One item of research and argumentation (研究论证)'],
  [fcrReviewSchema(), 'FcrReview', 'The fair-competition reviewer\'s record behind a conclusion (公平竞争审查条例第12、16、17条)'],
  [meetingRecordInputSchema(), 'MeetingRecord', 'The minutes of a collective decision (集体讨论决定)'],
  [checklistEntrySchema(), 'ChecklistEntry', 'One item of the legality-review checklist (LR-*)'],
  [amendmentSchema(), 'Amendment', 'A change required clause by clause'],
];
for (const [schema, id, description] of names) if (!z.globalRegistry.has(schema)) z.globalRegistry.add(schema, { id, description });
