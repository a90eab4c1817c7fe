/**
 * The ids a command names, checked against the data at the API's edge before the command goes to the matter's
 * workflow: the workflow judges its own matter's state and knows neither the people nor the other matters. Each
 * refusal names the field (application/problem+json `errors`) and stores nothing.
 *
 * - assign_lawyer / assign_fcr_reviewer: an active account holding the role; a lawyer also with a contract in
 *   force today (the read scope follows the assignment, and a lawyer out of contract cannot sign).
 * - record_research_item of an enforcement case (行政处罚法第58条、第60条): one case of the organisation is
 *   reviewed in one matter at a time, and keeps its earliest filing date in any later one.
 * - close_contract `renewed`: the renewal matter is another contract review of the same drafting unit that has
 *   not ended without a contract (linkedMatterProblem, shared with the register's amending matter).
 *
 * The enforcement check reads the projection, not a lock: two requests for the same case on two matters at the
 * same moment can both pass it (each workflow knows only its own matter).
 */
import { chinaDateOf } from '../../domain/calendar';
import { contractActive } from '../../domain/permissions';
import { refuse, TERMINAL_STAGES, type Command, type MatterState, type RefusalCode, type Stage } from '../../domain/procedure';
import { lawyerContract } from '../auth/tokens';
import { refusalProblem } from './temporalErrors';
import type { ProblemError } from '../http/problem';
import type { ApiDeps } from '../deps';
import type { Database } from '../../platform/database';

/** The codes this module answers with, for the action endpoint's documentation. */
export const LINKED_ID_CODES = {
  409: ['CASE_ALREADY_UNDER_REVIEW', 'CASE_FILING_DATE_FIXED'],
  422: ['ASSIGNEE_NOT_ELIGIBLE', 'RENEWAL_MATTER_UNSUITABLE'],
} as const satisfies Record<number, readonly RefusalCode[]>;

function refusedField(code: RefusalCode, field: string, detail: string): ProblemError {
  return refusalProblem(refuse(code, detail), [{ field, message: detail }]);
}

// ---------------------------------------------------------------------------------------------
// People assigned
// ---------------------------------------------------------------------------------------------

export type AssigneeRole = 'lawyer' | 'fcr_reviewer';

export interface Assignee {
  id: string;
  roles: string[];
  active: boolean;
  contractFrom: string | null;
  contractTo: string | null;
  organisationContractFrom: string | null;
  organisationContractTo: string | null;
}

/** Why this person cannot be assigned in `role` at `now`, or null. A lawyer's contract is the narrower of their own and the firm's. */
export function assigneeProblem(person: Assignee | null, role: AssigneeRole, now: string): string | null {
  if (!person) return 'no such person';
  if (!person.active) return `${person.id}: the account is deactivated`;
  // An administrator's account holds no role in a review (domain authorize), whatever roles it lists.
  if (person.roles.includes('admin')) return `${person.id} is an administrator's account, which holds no role in a review`;
  if (!person.roles.includes(role)) return `${person.id} does not hold the ${role} role`;
  if (role === 'lawyer') {
    const contract = lawyerContract(person, { contractFrom: person.organisationContractFrom, contractTo: person.organisationContractTo });
    if (!contract) return `${person.id} has no contract period on record`;
    if (!contractActive(contract, now)) return `${person.id}'s contract (${contract.from} – ${contract.to}) is not in force on ${chinaDateOf(Date.parse(now))}`;
  }
  return null;
}

const ASSIGNEE_ROW = `SELECT u.id, u.roles, u.active, u.contract_from AS "contractFrom", u.contract_to AS "contractTo",
    o.contract_from AS "organisationContractFrom", o.contract_to AS "organisationContractTo"
  FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.id = $1`;

/** The person with their account's state, roles and contract periods (their own and their organisation's); null when unknown. */
export async function readAssignee(db: Pick<Database, 'query'>, id: string): Promise<Assignee | null> {
  const [person] = await db.query<Assignee>(ASSIGNEE_ROW, [id]);
  return person ?? null;
}

async function checkAssignee(deps: ApiDeps, id: string, role: AssigneeRole, field: string, now: string): Promise<void> {
  const why = assigneeProblem(await readAssignee(deps.db, id), role, now);
  if (why) throw refusedField('ASSIGNEE_NOT_ELIGIBLE', field, why);
}

// ---------------------------------------------------------------------------------------------
// Enforcement cases
// ---------------------------------------------------------------------------------------------

/** Another enforcement review of the organisation that recorded the same case number. */
export interface CaseHolder {
  matterId: string;
  stage: string;
  caseFiledOn: string | null;
  /** Its legality conclusion's outcome, if any. */
  outcome: string | null;
}

/**
 * Why this matter may not take up the case that `holders` recorded too, or null: one of them is still under way
 * (CASE_ALREADY_UNDER_REVIEW); or the filing date given is later than one on record in an ended matter
 * (CASE_FILING_DATE_FIXED: the 90 days of art. 60 run from the case's filing, whichever matter reviews it). An ended
 * matter may be followed — also one whose review failed (not issued, concluded unlawful): 第58条 forbids deciding
 * without a passed review, not submitting the case again once the investigation is supplemented; the clock is not
 * started again by it.
 */
export function caseConflict(holders: readonly CaseHolder[], caseFiledOn: string): { code: RefusalCode; field: string; detail: string } | null {
  const active = holders.find((h) => !(TERMINAL_STAGES as readonly string[]).includes(h.stage));
  if (active) return { code: 'CASE_ALREADY_UNDER_REVIEW', field: 'body.command.item.caseNumber', detail: `the case is under review in matter ${active.matterId} (${active.stage})` };
  const earliest = holders
    .filter((h): h is CaseHolder & { caseFiledOn: string } => typeof h.caseFiledOn === 'string')
    .reduce<(CaseHolder & { caseFiledOn: string }) | null>((min, h) => (min === null || h.caseFiledOn < min.caseFiledOn ? h : min), null);
  if (earliest && caseFiledOn > earliest.caseFiledOn) {
    return { code: 'CASE_FILING_DATE_FIXED', field: 'body.command.item.caseFiledOn', detail: `the case was filed on ${earliest.caseFiledOn} as recorded in matter ${earliest.matterId} (${earliest.stage}); give that day or an earlier one, not ${caseFiledOn}` };
  }
  return null;
}

/**
 * The other enforcement reviews of the same organisation (the drafting unit's; the unit itself where it is no
 * section on record) whose case record holds this number, from the projection.
 */
const CASE_HOLDERS = `SELECT m.id AS "matterId", m.stage, m.state->'research'->'enforcementCase'->>'caseFiledOn' AS "caseFiledOn",
    m.state->'legality'->'conclusion'->>'outcome' AS outcome
  FROM matter m
  WHERE m.kind = 'enforcement_review' AND m.id <> $1
    AND m.state->'research'->'enforcementCase'->>'caseNumber' = $2
    AND (m.drafting_unit = $3 OR m.drafting_unit IN (SELECT s.id FROM section s JOIN section mine ON mine.organisation_id = s.organisation_id WHERE mine.id = $3))
  ORDER BY m.created_at, m.id`;

export function readCaseHolders(db: Pick<Database, 'query'>, matter: { matterId: string; draftingUnit: string }, caseNumber: string): Promise<CaseHolder[]> {
  return db.query<CaseHolder>(CASE_HOLDERS, [matter.matterId, caseNumber, matter.draftingUnit]);
}

async function checkEnforcementCase(deps: ApiDeps, state: MatterState, item: { caseNumber: string; caseFiledOn: string }): Promise<void> {
  if (state.kind !== 'enforcement_review') return; // the workflow refuses it (NOT_APPLICABLE)
  const holders = await readCaseHolders(deps.db, state, item.caseNumber);
  const conflict = caseConflict(holders, item.caseFiledOn);
  if (conflict) throw refusedField(conflict.code, conflict.field, `${item.caseNumber}: ${conflict.detail}`);
}

// ---------------------------------------------------------------------------------------------
// Matters linked
// ---------------------------------------------------------------------------------------------

export interface LinkedMatter {
  id: string;
  kind: string;
  stage: string;
  draftingUnit: string;
}

export interface LinkRule {
  /** The matter (or document's matter) that links: never itself, named so in the answer. */
  self: { id: string; name: string };
  kind: string;
  /** Of this drafting unit only: a matter of another unit is answered as unknown (its kind and stage are not told). */
  draftingUnit?: string;
  /** Stages in which the linked matter can no longer serve. */
  ended: readonly string[];
}

/** Why `m` cannot be the matter linked under `rule`, or null; `unknown` when it is not there (or not of the unit). */
export function linkedMatterProblem(m: LinkedMatter | null, rule: LinkRule): string | null {
  const unknown = `is no ${rule.kind}${rule.draftingUnit !== undefined ? ` of the drafting unit ${rule.draftingUnit}` : ''}`;
  if (!m) return unknown;
  if (m.id === rule.self.id) return `is ${rule.self.name}`;
  if (rule.draftingUnit !== undefined && m.draftingUnit !== rule.draftingUnit) return unknown;
  if (m.kind !== rule.kind) return `is a ${m.kind}, not a ${rule.kind}`;
  if (rule.ended.includes(m.stage)) return `is closed (${m.stage})`;
  return null;
}

/** A contract review ends without a contract in these; one closed after its contract ran is still the renewal. */
const ENDED_WITHOUT_CONTRACT: readonly Stage[] = ['rejected', 'withdrawn', 'not_issued'];

async function checkRenewalMatter(deps: ApiDeps, state: MatterState, renewalMatterId: string): Promise<void> {
  const m = await deps.db.prisma.matter.findUnique({ where: { id: renewalMatterId }, select: { id: true, kind: true, stage: true, draftingUnit: true } });
  const why = linkedMatterProblem(m, { self: { id: state.matterId, name: 'this contract\'s own matter' }, kind: 'contract_review', draftingUnit: state.draftingUnit, ended: ENDED_WITHOUT_CONTRACT });
  if (why) throw refusedField('RENEWAL_MATTER_UNSUITABLE', 'body.command.renewalMatterId', `matter ${renewalMatterId} ${why}`);
}

// ---------------------------------------------------------------------------------------------

/** Checks the ids `command` names against the data; throws the problem naming the field, or returns. */
export async function checkLinkedIds(deps: ApiDeps, state: MatterState, command: Command, now: string): Promise<void> {
  switch (command.type) {
    case 'assign_lawyer':
      return checkAssignee(deps, command.lawyerId, 'lawyer', 'body.command.lawyerId', now);
    case 'assign_fcr_reviewer':
      return checkAssignee(deps, command.reviewerId, 'fcr_reviewer', 'body.command.reviewerId', now);
    case 'record_research_item':
      return command.item.kind === 'enforcement_case' ? checkEnforcementCase(deps, state, command.item) : undefined;
    case 'close_contract':
      return command.outcome === 'renewed' && command.renewalMatterId ? checkRenewalMatter(deps, state, command.renewalMatterId) : undefined;
    default:
      return undefined;
  }
}
