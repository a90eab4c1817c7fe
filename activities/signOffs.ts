import { ApplicationFailure } from '@temporalio/activity';
import type { Sql } from '../platform/database';
import { assignments, insertRow, SIGN_OFF_COLUMNS } from './sqlRows';
import { signOffPayload } from '../domain/evidence';
import { signPayload, unsealSigningKey } from '../platform/signingKeys';
import type { ActionRecord, ActionWithState } from './types';

/** Whether the action stores a sign-off (a lawyer's opinion). */
export const storesSignOff = (a: Pick<ActionRecord, 'command'>): boolean => a.command.type === 'submit_lawyer_opinion';

/**
 * Signs the lawyer's opinion with their key inside the action's transaction, so an opinion never exists
 * without its signature. Runs in the activity: the key is I/O and must never enter workflow history.
 */
export async function storeSignOff(sql: Sql, a: ActionWithState, signingSecret: string): Promise<void> {
  const command = a.command;
  if (!storesSignOff(a) || command.type !== 'submit_lawyer_opinion') return;
  const [lawyer] = await sql.query<{ id: string; username: string; signingKeySealed: string | null; signingPublicKey: string | null }>(
    'SELECT id, username, signing_key_sealed AS "signingKeySealed", signing_public_key AS "signingPublicKey" FROM app_user WHERE id = $1',
    [a.actor.userId],
  );
  if (!lawyer) throw new Error(`no user ${a.actor.userId}`);
  if (!lawyer.signingKeySealed || !lawyer.signingPublicKey) {
    // Retrying cannot help; the API refuses such opinions up front, this is the last guard.
    throw ApplicationFailure.nonRetryable(`lawyer ${lawyer.username} has no signing key`, 'NoSigningKey');
  }
  const version = a.state.versions.find((v) => v.hash === command.versionHash);
  if (!version) throw new Error('the opinion names a version the matter does not have');
  const fields = { matterId: a.matterId, lawyerId: lawyer.id, versionNumber: version.number, versionHash: command.versionHash, outcome: command.outcome, opinionText: command.text, signedAt: a.at };
  const payload = signOffPayload(fields);
  await insertRow(sql, 'sign_off', SIGN_OFF_COLUMNS, {
    id: `${a.matterId}:${a.actionKey}`,
    actionKey: a.actionKey,
    ...fields,
    payload,
    signature: signPayload(payload, unsealSigningKey(lawyer.signingKeySealed, signingSecret)),
    publicKey: lawyer.signingPublicKey,
  });
}

/** A new version voids every sign-off given on an older text (kept, marked void, never deleted). */
export async function voidSignOffs(sql: Sql, a: ActionWithState): Promise<void> {
  if (!a.newVersion) return;
  const set = assignments(SIGN_OFF_COLUMNS, { voidedAt: a.at, voidedByVersion: a.newVersion.number }, 3);
  await sql.query(`UPDATE sign_off SET ${set.text} WHERE matter_id = $1 AND voided_at IS NULL AND version_hash <> $2`, [a.matterId, a.newVersion.hash, ...set.params]);
}
