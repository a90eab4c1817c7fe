/**
 * The link between a document decided to be amended (修改) and the matter drafting its amendment, read from the
 * register: which documents wait for a matter, and what became of a matter. The workflows tell each other by
 * signal; these reads close the gap where one side's news went out before the other side's link was stored.
 */
import type { Database } from '../platform/database';
import type { AmendmentOutcome } from '../domain/lifecycle/documentLife';
import { TERMINAL_STAGES } from '../domain/procedure/types';

type ReadDatabase = Pick<Database, 'query'>;

export interface AwaitingAmendment {
  documentId: string;
  workflowId: string;
}

/** The documents in force that wait for this matter's amendment. */
export async function documentsAwaitingAmendment(db: ReadDatabase, matterId: string): Promise<AwaitingAmendment[]> {
  const rows = await db.query<{ id: string; workflow_id: string }>(
    "SELECT id, workflow_id FROM register_document WHERE amending_matter_id = $1 AND status = 'in_force' ORDER BY id",
    [matterId],
  );
  return rows.map((r) => ({ documentId: r.id, workflowId: r.workflow_id }));
}

/** What became of the amending matter: its document put out, the matter ended without one, or null (still under way). */
export async function amendingMatterOutcome(db: ReadDatabase, matterId: string): Promise<AmendmentOutcome | null> {
  const [doc] = await db.query<{ number: string; effective_at: Date | string | null; status: string }>(
    'SELECT number, effective_at, status FROM register_document WHERE id = $1',
    [matterId],
  );
  if (doc && doc.status !== 'signed') {
    const effectiveAt = doc.effective_at === null ? new Date().toISOString() : new Date(doc.effective_at).toISOString();
    return { matterId, outcome: 'issued', number: doc.number, effectiveAt };
  }
  const [matter] = await db.query<{ stage: string }>('SELECT stage FROM matter WHERE id = $1', [matterId]);
  if (!matter) return { matterId, outcome: 'ended', stage: 'unknown' };
  if ((TERMINAL_STAGES as readonly string[]).includes(matter.stage)) return { matterId, outcome: 'ended', stage: matter.stage };
  return null;
}
