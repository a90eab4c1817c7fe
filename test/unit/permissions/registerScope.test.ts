import { canRead, seesRegisterDocument, type MatterAccess } from '../../../domain/permissions';
import type { Actor } from '../../../domain/procedure';

const otherUnitsMatter: MatterAccess = { createdBy: 'd0', draftingUnit: 'sec-other', assignedLawyerId: null, fcrReviewerId: null, legalUnitActorIds: [] };
const drafter: Actor = { userId: 'me', username: 'me', roles: ['drafter'], sectionId: 'sec-mine' };
const unassignedLawyer: Actor = { userId: 'me', username: 'me', roles: ['lawyer'], sectionId: null };
const auditor: Actor = { userId: 'me', username: 'me', roles: ['auditor'], sectionId: null };

describe('who sees a document in the register', () => {
  it('a published document: every register reader, whatever matter they may read', () => {
    for (const actor of [drafter, unassignedLawyer, auditor]) expect(seesRegisterDocument(actor, { published: true }, otherUnitsMatter)).toBe(true);
  });

  it('one not published (signed, awaiting publication, or never made public): only those who read its matter', () => {
    expect(canRead(drafter, otherUnitsMatter)).toBe(false);
    expect(seesRegisterDocument(drafter, { published: false }, otherUnitsMatter)).toBe(false);
    expect(seesRegisterDocument(unassignedLawyer, { published: false }, otherUnitsMatter)).toBe(false);
    expect(seesRegisterDocument(auditor, { published: false }, otherUnitsMatter)).toBe(true);
    expect(seesRegisterDocument(drafter, { published: false }, { ...otherUnitsMatter, draftingUnit: 'sec-mine' })).toBe(true);
    // A row whose matter is not readable at all (no projection) is shown to nobody who relies on the matter.
    expect(seesRegisterDocument(auditor, { published: false }, null)).toBe(false);
  });
});
