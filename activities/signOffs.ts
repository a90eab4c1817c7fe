import { ApplicationFailure } from '@temporalio/activity';
import type { Prisma } from '../prisma/generated/client';
import { signOffPayload } from '../domain/evidence';
import { signPayload, unsealSigningKey } from '../platform/signingKeys';
import type { ActionRecord } from './types';

/**
 * Signs the lawyer's opinion with their key inside the action's transaction, so an opinion never exists
 * without its signature. Runs in the activity: the key is I/O and must never enter workflow history.
 */
export async function storeSignOff(tx: Prisma.TransactionClient, a: ActionRecord, signingSecret: string): Promise<void> {
  const command = a.command;
  if (command.type !== 'submit_lawyer_opinion') return;
  const lawyer = await tx.user.findUniqueOrThrow({ where: { id: a.actor.userId } });
  if (!lawyer.signingKeySealed || !lawyer.signingPublicKey) {
    // Retrying cannot help; the API refuses such opinions up front, this is the last guard.
    throw ApplicationFailure.nonRetryable(`lawyer ${lawyer.username} has no signing key`, 'NoSigningKey');
  }
  const version = a.state.versions.find((v) => v.hash === command.versionHash);
  if (!version) throw new Error('the opinion names a version the matter does not have');
  const fields = { matterId: a.matterId, lawyerId: lawyer.id, versionNumber: version.number, versionHash: command.versionHash, outcome: command.outcome, opinionText: command.text, signedAt: a.at };
  const payload = signOffPayload(fields);
  await tx.signOff.create({
    data: {
      id: `${a.matterId}:${a.actionKey}`,
      actionKey: a.actionKey,
      ...fields,
      signedAt: new Date(a.at),
      payload,
      signature: signPayload(payload, unsealSigningKey(lawyer.signingKeySealed, signingSecret)),
      publicKey: lawyer.signingPublicKey,
    },
  });
}

/** A new version voids every sign-off given on an older text (kept, marked void, never deleted). */
export async function voidSignOffs(tx: Prisma.TransactionClient, a: ActionRecord): Promise<void> {
  if (!a.newVersion) return;
  await tx.signOff.updateMany({
    where: { matterId: a.matterId, voidedAt: null, versionHash: { not: a.newVersion.hash } },
    data: { voidedAt: new Date(a.at), voidedByVersion: a.newVersion.number },
  });
}
