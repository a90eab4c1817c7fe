import type { Matter } from '../../prisma/generated/client';
import type { Database } from '../../platform/database';
import { utc } from '../../platform/sqlTime';
import { named, type NamedStatement } from '../../platform/namedStatement';

/**
 * A matter row read through the database driver instead of Prisma, for the reads every matter endpoint
 * makes (the status endpoint on every call). Prisma 6's query compiler compiles each query anew: reading this
 * row with its JSON state cost ~3 ms of CPU through Prisma against ~0.3 ms through the driver (measured in
 * docs/benchmarks.md, "Read path"), which capped the status endpoint at ~100–150 answers a second a process.
 * Same columns, names and types as `prisma.matter.findUnique` (test/integration/matterRow.test.ts compares
 * the two, column by column, on PostgreSQL and on the embedded database).
 */


const MATTER_COLUMNS = [
  'id',
  'title',
  'kind',
  'also_major_decision AS "alsoMajorDecision"',
  `coalesce(flags, '{}') AS flags`,
  'drafting_unit AS "draftingUnit"',
  'created_by_id AS "createdById"',
  'stage',
  'workflow_id AS "workflowId"',
  'current_version AS "currentVersion"',
  'state',
  `${utc('next_due_at')} AS "nextDueAt"`,
  'assigned_lawyer_id AS "assignedLawyerId"',
  'fcr_reviewer_id AS "fcrReviewerId"',
  'awaiting_roles AS "awaitingRoles"',
  'awaiting_user_ids AS "awaitingUserIds"',
  'warnings',
  'projection_rev AS "projectionRev"',
  'trail_head_seq AS "trailHeadSeq"',
  'trail_head_hash AS "trailHeadHash"',
  `${utc('created_at')} AS "createdAt"`,
  `${utc('updated_at')} AS "updatedAt"`,
].join(', ');

type RawMatter = Omit<Matter, 'nextDueAt' | 'createdAt' | 'updatedAt'> & { nextDueAt: string | null; createdAt: string; updatedAt: string };

const MATTER_ROW = named(`SELECT ${MATTER_COLUMNS} FROM matter WHERE id = $1`);

/** The matter with this id, or null. */
export async function readMatterRow(db: Pick<Database, 'query'>, id: string): Promise<Matter | null> {
  const [row] = await db.query<RawMatter>(MATTER_ROW, [id]);
  return row ? matterOf(row) : null;
}

export interface TrailEntryOfMatter {
  actionKey: string;
  action: string;
  reason: string | null;
  after: unknown;
  at: Date;
}

/**
 * The matter with this id and its trail entries of these actions, oldest first (what the status endpoint
 * shows of them), in one round trip: one pool checkout, one protocol exchange and one row description less
 * per status call than two reads (docs/benchmarks.md, read path).
 */
export async function readMatterRowWithTrailEntries(db: Pick<Database, 'query'>, id: string, actions: readonly string[]): Promise<{ row: Matter; trailEntries: TrailEntryOfMatter[] } | null> {
  const [raw] = await db.query<RawMatter & { trailEntries: Array<Omit<TrailEntryOfMatter, 'at'> & { at: string }> }>(rowWithEntriesOf(actions.length), [id, ...actions]);
  if (!raw) return null;
  const { trailEntries, ...row } = raw;
  return { row: matterOf(row), trailEntries: trailEntries.map((e) => ({ ...e, at: new Date(e.at) })) };
}

/** The statement for `count` actions, built once per count (the status endpoint reads it on every call). */
const rowWithEntries = new Map<number, NamedStatement>();
function rowWithEntriesOf(count: number): NamedStatement {
  let statement = rowWithEntries.get(count);
  if (!statement) {
    // One placeholder per action (no array parameter: the embedded database's driver takes scalars alike).
    const placeholders = Array.from({ length: count }, (_, k) => `$${k + 2}`).join(', ');
    const entries = `SELECT coalesce(json_agg(json_build_object('actionKey', t.action_key, 'action', t.action, 'reason', t.reason, 'after', t.after, 'at', ${utc('t.at')}) ORDER BY t.seq), '[]'::json)
    FROM trail_entry t WHERE t.matter_id = matter.id AND t.action IN (${placeholders})`;
    statement = named(`SELECT ${MATTER_COLUMNS}, (${entries}) AS "trailEntries" FROM matter WHERE id = $1`);
    rowWithEntries.set(count, statement);
  }
  return statement;
}

function matterOf(row: RawMatter): Matter {
  return { ...row, nextDueAt: row.nextDueAt === null ? null : new Date(row.nextDueAt), createdAt: new Date(row.createdAt), updatedAt: new Date(row.updatedAt) };
}
