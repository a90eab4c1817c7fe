import crypto from 'node:crypto';
import type { Database } from '../../../platform/database';
import { defaultProcedureConfig, registerMatter, type MatterState } from '../../../domain/procedure';
import { storeRegistration } from '../../../activities/matterRecords';
import type { TrailHead } from '../../../activities/trail/appendEntry';

/** A normative document in research, stored as the registration activity stores it (no workflow). */
export async function storeRegisteredMatter(db: Database, opts: { title: string; text: string; username: string }): Promise<{
  matterId: string;
  actor: { userId: string; username: string; roles: ['drafter']; sectionId: string; lawyerContract: null };
  hash: string;
  state: MatterState;
  head: TrailHead;
}> {
  const matterId = crypto.randomUUID();
  const actor = { userId: `user-${opts.username}`, username: opts.username, roles: ['drafter'] as ['drafter'], sectionId: 'market', lawyerContract: null };
  const hash = crypto.createHash('sha256').update(opts.text).digest('hex');
  const state = registerMatter({ matterId, kind: 'normative_document', flags: [], title: opts.title, draftingUnit: 'market', createdBy: actor.userId, versionHash: hash, now: new Date().toISOString() }, defaultProcedureConfig);
  const head = await storeRegistration(db, { matterId, workflowId: `matter-${matterId}`, runId: 'run', actor, actorRole: 'drafter', state, firstVersion: { hash, text: opts.text }, requestId: null, at: new Date().toISOString() });
  return { matterId, actor, hash, state, head };
}
