/**
 * Which matters a person may read, as data: the read rule of authorize() ('read_matter') turned into
 * conditions a list query can apply, so a work list never shows a matter (not even its title) that its
 * detail page would refuse. The unit tests check it against canRead() for every role and relation.
 */

import type { Actor } from '../procedure/types';
import type { MatterAccess } from './authorize';
import { PERMISSIONS } from './table';

/** One way a matter comes into someone's scope. */
export type ReadCondition = { draftingUnit: string } | { assignedLawyerId: string } | { fcrReviewerId: string };

/** Every matter, or those meeting any of the conditions (none: nothing). */
export type ReadScope = { all: true } | { all: false; anyOf: ReadCondition[] };

export function readScope(actor: Actor): ReadScope {
  const anyOf: ReadCondition[] = [];
  // An administrator's account reads no review, whatever other roles it holds (authorize, patch authority-as-written).
  if (actor.roles.includes('admin')) return { all: false, anyOf };
  for (const role of actor.roles.filter((r) => PERMISSIONS.read_matter.roles.includes(r))) {
    switch (role) {
      case 'legal_unit':
      case 'secretary':
      case 'meeting_member':
      case 'auditor':
        return { all: true };
      case 'drafter':
        if (actor.sectionId !== null) anyOf.push({ draftingUnit: actor.sectionId });
        break;
      case 'lawyer':
        anyOf.push({ assignedLawyerId: actor.userId });
        break;
      case 'fcr_reviewer':
        // Only once assigned (by the legal unit): an unassigned reviewer sees no titles.
        anyOf.push({ fcrReviewerId: actor.userId });
        break;
      default:
        break;
    }
  }
  return { all: false, anyOf };
}

/** Whether a matter falls within a scope (what the list query does, in memory). */
export function inReadScope(scope: ReadScope, matter: MatterAccess): boolean {
  if (scope.all) return true;
  return scope.anyOf.some((c) =>
    'draftingUnit' in c ? matter.draftingUnit === c.draftingUnit : 'assignedLawyerId' in c ? matter.assignedLawyerId === c.assignedLawyerId : matter.fcrReviewerId === c.fcrReviewerId,
  );
}
