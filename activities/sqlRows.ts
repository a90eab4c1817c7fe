import type { Sql } from '../platform/database';
import { UTC_NOW, utcParameter } from '../platform/sqlTime';

/**
 * Rows written through the driver (Database.transaction), as Prisma would have written them: the same
 * columns (prisma/schema.prisma's @map names), JSON as jsonb, timestamps as UTC in `timestamp(3)` columns,
 * an undefined value left out. Arrays and timestamps go as text and are converted by the database, so the
 * embedded database's driver and node-postgres are given the same scalar parameters.
 */
type Kind = 'text' | 'int' | 'bool' | 'jsonb' | 'text[]' | 'timestamp' | 'jsonb-changes';

/** A table's columns: property name → [column, kind]. */
export type Columns = Record<string, readonly [column: string, kind: Kind]>;

function placeholder(kind: Kind, n: number): string {
  switch (kind) {
    case 'jsonb':
      return `$${n}::jsonb`;
    case 'jsonb-changes':
      throw new Error('changes to a jsonb column are merged by an UPDATE, never inserted');
    case 'text[]':
      return `ARRAY(SELECT jsonb_array_elements_text($${n}::jsonb))`;
    case 'timestamp':
      return utcParameter(n);
    case 'int':
      return `$${n}::int`;
    case 'bool':
      return `$${n}::boolean`;
    default:
      return `$${n}::text`;
  }
}

function parameter(kind: Kind, value: unknown): unknown {
  if (value === null) return null;
  switch (kind) {
    case 'jsonb':
    case 'jsonb-changes':
    case 'text[]':
      return JSON.stringify(value);
    case 'timestamp':
      return value instanceof Date ? value.toISOString() : String(value);
    default:
      return value;
  }
}

function present(columns: Columns, values: Record<string, unknown>): Array<[Kind, string, unknown]> {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([key, v]) => {
      const spec = columns[key];
      if (!spec) throw new Error(`no column for ${key}`);
      return [spec[1], spec[0], v];
    });
}

/** A row's column list and its placeholders, the parameters numbered from `first`. */
export function rowValues(columns: Columns, values: Record<string, unknown>, first: number): { columns: string; placeholders: string; params: unknown[] } {
  const cols = present(columns, values);
  return { columns: cols.map(([, c]) => c).join(', '), placeholders: cols.map(([k], i) => placeholder(k, first + i)).join(', '), params: cols.map(([k, , v]) => parameter(k, v)) };
}

/** INSERT of one row. */
export async function insertRow(sql: Sql, table: string, columns: Columns, values: Record<string, unknown>): Promise<void> {
  const row = rowValues(columns, values, 1);
  await sql.query(`INSERT INTO ${table} (${row.columns}) VALUES (${row.placeholders})`, row.params);
}

/** `col = $n, …` for an UPDATE, its parameters numbered from `first`. */
export function assignments(columns: Columns, values: Record<string, unknown>, first: number): { text: string; params: unknown[] } {
  const cols = present(columns, values);
  return { text: cols.map(([k, c], i) => `${c} = ${assigned(k, c, first + i)}`).join(', '), params: cols.map(([k, , v]) => parameter(k, v)) };
}

/**
 * What an UPDATE sets a column to. Changes to a jsonb column (domain StateChanges: `{ set, removed }`) are
 * merged into what it holds, top-level keys replaced whole: `(col - removed) || set`.
 */
function assigned(kind: Kind, column: string, n: number): string {
  if (kind !== 'jsonb-changes') return placeholder(kind, n);
  return `(${column} - ARRAY(SELECT jsonb_array_elements_text($${n}::jsonb -> 'removed'))) || ($${n}::jsonb -> 'set')`;
}

export const MATTER_COLUMNS = {
  id: ['id', 'text'],
  title: ['title', 'text'],
  kind: ['kind', 'text'],
  alsoMajorDecision: ['also_major_decision', 'bool'],
  flags: ['flags', 'text[]'],
  draftingUnit: ['drafting_unit', 'text'],
  createdById: ['created_by_id', 'text'],
  stage: ['stage', 'text'],
  workflowId: ['workflow_id', 'text'],
  currentVersion: ['current_version', 'int'],
  state: ['state', 'jsonb'],
  /** What an action changed in `state` (domain StateChanges), merged into it: only in an UPDATE. */
  stateChanges: ['state', 'jsonb-changes'],
  nextDueAt: ['next_due_at', 'timestamp'],
  assignedLawyerId: ['assigned_lawyer_id', 'text'],
  fcrReviewerId: ['fcr_reviewer_id', 'text'],
  awaitingRoles: ['awaiting_roles', 'text[]'],
  awaitingUserIds: ['awaiting_user_ids', 'text[]'],
  warnings: ['warnings', 'text[]'],
  projectionRev: ['projection_rev', 'int'],
  trailHeadSeq: ['trail_head_seq', 'int'],
  trailHeadHash: ['trail_head_hash', 'text'],
} as const satisfies Columns;

/** What an activity may set on a matter row (updated_at is set with it). */
export type MatterValues = Partial<Record<keyof typeof MATTER_COLUMNS, unknown>>;

/** Inserts a matter row; created_at and updated_at are now (UTC), as Prisma's defaults were. */
export async function insertMatter(sql: Sql, values: MatterValues & { id: string }): Promise<void> {
  const cols = present(MATTER_COLUMNS, values);
  await sql.query(
    `INSERT INTO matter (${cols.map(([, c]) => c).join(', ')}, created_at, updated_at) VALUES (${cols.map(([k], i) => placeholder(k, i + 1)).join(', ')}, ${UTC_NOW}, ${UTC_NOW})`,
    cols.map(([k, , v]) => parameter(k, v)),
  );
}

/** Updates a matter row (and its updated_at, which Prisma's @updatedAt set). */
export async function updateMatter(sql: Sql, id: string, values: MatterValues): Promise<void> {
  const set = assignments(MATTER_COLUMNS, values, 2);
  await sql.query(`UPDATE matter SET ${set.text ? `${set.text}, ` : ''}updated_at = ${UTC_NOW} WHERE id = $1`, [id, ...set.params]);
}

export const MATTER_VERSION_COLUMNS = {
  id: ['id', 'text'],
  matterId: ['matter_id', 'text'],
  number: ['number', 'int'],
  sha256: ['sha256', 'text'],
  text: ['text', 'text'],
  createdById: ['created_by_id', 'text'],
  createdAt: ['created_at', 'timestamp'],
} as const satisfies Columns;

export const TRAIL_ENTRY_COLUMNS = {
  id: ['id', 'text'],
  matterId: ['matter_id', 'text'],
  seq: ['seq', 'int'],
  actionKey: ['action_key', 'text'],
  actorId: ['actor_id', 'text'],
  actorRole: ['actor_role', 'text'],
  action: ['action', 'text'],
  reason: ['reason', 'text'],
  before: ['before', 'jsonb'],
  after: ['after', 'jsonb'],
  versionHash: ['version_hash', 'text'],
  workflowId: ['workflow_id', 'text'],
  runId: ['run_id', 'text'],
  requestId: ['request_id', 'text'],
  at: ['at', 'timestamp'],
  summary: ['summary', 'text'],
  command: ['command', 'jsonb'],
  originIp: ['origin_ip', 'text'],
  originUserAgent: ['origin_user_agent', 'text'],
  hashVersion: ['hash_version', 'int'],
  prevHash: ['prev_hash', 'text'],
  hash: ['hash', 'text'],
} as const satisfies Columns;

export const SIGN_OFF_COLUMNS = {
  id: ['id', 'text'],
  matterId: ['matter_id', 'text'],
  actionKey: ['action_key', 'text'],
  lawyerId: ['lawyer_id', 'text'],
  versionNumber: ['version_number', 'int'],
  versionHash: ['version_hash', 'text'],
  outcome: ['outcome', 'text'],
  opinionText: ['opinion_text', 'text'],
  signedAt: ['signed_at', 'timestamp'],
  payload: ['payload', 'text'],
  signature: ['signature', 'text'],
  publicKey: ['public_key', 'text'],
  voidedAt: ['voided_at', 'timestamp'],
  voidedByVersion: ['voided_by_version', 'int'],
} as const satisfies Columns;

export const FCR_CONCLUSION_DOCUMENT_COLUMNS = {
  id: ['id', 'text'],
  matterId: ['matter_id', 'text'],
  versionHash: ['version_hash', 'text'],
  conclusion: ['conclusion', 'text'],
  text: ['text', 'text'],
  createdById: ['created_by_id', 'text'],
  createdAt: ['created_at', 'timestamp'],
} as const satisfies Columns;

export const OPINION_DOCUMENT_COLUMNS = {
  id: ['id', 'text'],
  matterId: ['matter_id', 'text'],
  kind: ['kind', 'text'],
  signOffId: ['sign_off_id', 'text'],
  versionHash: ['version_hash', 'text'],
  html: ['html', 'text'],
  createdById: ['created_by_id', 'text'],
  createdAt: ['created_at', 'timestamp'],
} as const satisfies Columns;

/**
 * INSERT of several rows of one table in one statement; `createdAt` columns not given are the transaction's
 * time in UTC, as Prisma's `@default(now())` wrote them. Nothing is sent for no rows.
 */
export async function insertRows(sql: Sql, table: string, columns: Columns, records: ReadonlyArray<object>, opts: { createdAtNow?: boolean } = {}): Promise<void> {
  if (records.length === 0) return;
  const rows = records as ReadonlyArray<Record<string, unknown>>;
  // The columns any row gives a value; a row without one of them sends NULL there.
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row).filter((k) => row[k] !== undefined)))];
  const now = opts.createdAtNow && !keys.includes('createdAt');
  const params: unknown[] = [];
  let columnList = '';
  const tuples = rows.map((row) => {
    const values = rowValues(columns, Object.fromEntries(keys.map((k) => [k, row[k] ?? null])), params.length + 1);
    params.push(...values.params);
    columnList = values.columns;
    return `(${values.placeholders}${now ? `, ${UTC_NOW}` : ''})`;
  });
  await sql.query(`INSERT INTO ${table} (${columnList}${now ? ', created_at' : ''}) VALUES ${tuples.join(', ')}`, params);
}

export const FCR_FINDING_COLUMNS = {
  id: ['id', 'text'],
  matterId: ['matter_id', 'text'],
  versionNumber: ['version_number', 'int'],
  versionHash: ['version_hash', 'text'],
  ruleSetVersion: ['rule_set_version', 'text'],
  code: ['code', 'text'],
  start: ['start', 'int'],
  // A reserved word in SQL: quoted.
  end: ['"end"', 'int'],
  excerpt: ['excerpt', 'text'],
  explanation: ['explanation', 'text'],
  confidence: ['confidence', 'text'],
  clause: ['clause', 'text'],
  createdAt: ['created_at', 'timestamp'],
} as const satisfies Columns;

export const LEGALITY_FINDING_COLUMNS = {
  ...FCR_FINDING_COLUMNS,
  registerRevision: ['register_revision', 'int'],
  basis: ['basis', 'text'],
  basisText: ['basis_text', 'text'],
} as const satisfies Columns;

export const PRESCREEN_RUN_COLUMNS = {
  id: ['id', 'text'],
  matterId: ['matter_id', 'text'],
  kind: ['kind', 'text'],
  versionNumber: ['version_number', 'int'],
  versionHash: ['version_hash', 'text'],
  registerRevision: ['register_revision', 'int'],
  fingerprint: ['fingerprint', 'jsonb'],
  findings: ['findings', 'int'],
  createdAt: ['created_at', 'timestamp'],
} as const satisfies Columns;

export const REGISTER_DOCUMENT_COLUMNS = {
  id: ['id', 'text'],
  matterId: ['matter_id', 'text'],
  series: ['series', 'text'],
  year: ['year', 'int'],
  seq: ['seq', 'int'],
  number: ['number', 'text'],
  title: ['title', 'text'],
  kind: ['kind', 'text'],
  draftingUnit: ['drafting_unit', 'text'],
  versionHash: ['version_hash', 'text'],
  signedAt: ['signed_at', 'timestamp'],
  effectiveAt: ['effective_at', 'timestamp'],
  expiresAt: ['expires_at', 'timestamp'],
  earlyEffectReason: ['early_effect_reason', 'text'],
  exceptionEndsAt: ['exception_ends_at', 'timestamp'],
  status: ['status', 'text'],
  statusChangedAt: ['status_changed_at', 'timestamp'],
  statusReason: ['status_reason', 'text'],
  amendingMatterId: ['amending_matter_id', 'text'],
  reevaluationOpenedAt: ['reevaluation_opened_at', 'timestamp'],
  exceptionReviewDueAt: ['exception_review_due_at', 'timestamp'],
  workflowId: ['workflow_id', 'text'],
  trailHeadSeq: ['trail_head_seq', 'int'],
  trailHeadHash: ['trail_head_hash', 'text'],
  createdAt: ['created_at', 'timestamp'],
} as const satisfies Columns;

export const REGISTER_EVENT_COLUMNS = {
  id: ['id', 'text'],
  documentId: ['document_id', 'text'],
  seq: ['seq', 'int'],
  actionKey: ['action_key', 'text'],
  kind: ['kind', 'text'],
  actorId: ['actor_id', 'text'],
  summary: ['summary', 'text'],
  data: ['data', 'jsonb'],
  at: ['at', 'timestamp'],
  prevHash: ['prev_hash', 'text'],
  hash: ['hash', 'text'],
} as const satisfies Columns;
