/**
 * Who sees a document in the register (统一登记). A published document is public — normative documents and
 * major decisions are published (713号令第32条), and so its number, title and dates are no secret — so every
 * register reader sees it. One not published — signed and not yet published, an enforcement decision not made
 * public (行政处罚法第48条 publishes only those with social impact), a “三重一大” decision — only those who may
 * read its matter, as the work list shows no title of a matter its detail page would refuse.
 */

import type { Actor } from '../procedure/types';
import { canRead, type MatterAccess } from './authorize';

export function seesRegisterDocument(actor: Actor, document: { published: boolean }, matter: MatterAccess | null): boolean {
  if (document.published) return true;
  return matter !== null && canRead(actor, matter);
}
