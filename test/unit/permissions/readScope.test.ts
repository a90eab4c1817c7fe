import { canRead, inReadScope, readScope, authorize, type MatterAccess } from '../../../domain/permissions';
import { matterAccessOf, type Actor, type Role } from '../../../domain/procedure';
import { ROLE_LABELS } from '../../../domain/procedure';

const ROLES = Object.keys(ROLE_LABELS) as Role[];
const ME = 'me';

/** Every relation a person can have to a matter: drafting section, assigned lawyer, assigned reviewer, none. */
const matters: MatterAccess[] = [];
for (const draftingUnit of ['sec-mine', 'sec-other']) {
  for (const assignedLawyerId of [null, ME, 'someone']) {
    for (const fcrReviewerId of [null, ME, 'someone']) {
      for (const legalUnitActorIds of [[], [ME]]) matters.push({ createdBy: 'd0', draftingUnit, assignedLawyerId, fcrReviewerId, legalUnitActorIds });
    }
  }
}

/** All role sets of one or two roles, with and without a section. */
const actors: Actor[] = [];
for (const a of ROLES) {
  for (const b of ROLES) {
    if (b < a) continue;
    const roles = a === b ? [a] : [a, b];
    for (const sectionId of ['sec-mine', null]) actors.push({ userId: ME, username: ME, roles, sectionId });
  }
}

describe('read scope (what lists apply) against canRead (what the matter page applies)', () => {
  it('agree for every role set and every relation to the matter', () => {
    const disagreements: string[] = [];
    for (const actor of actors) {
      const scope = readScope(actor);
      for (const m of matters) {
        if (inReadScope(scope, m) !== canRead(actor, m)) disagreements.push(`${actor.roles.join('+')}/${actor.sectionId} on ${JSON.stringify(m)}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('an unassigned fair-competition reviewer sees nothing; once assigned, that matter', () => {
    const reviewer: Actor = { userId: ME, username: ME, roles: ['fcr_reviewer'], sectionId: null };
    expect(readScope(reviewer)).toEqual({ all: false, anyOf: [{ fcrReviewerId: ME }] });
    expect(inReadScope(readScope(reviewer), { createdBy: 'd0', draftingUnit: 'x', fcrReviewerId: null })).toBe(false);
    expect(inReadScope(readScope(reviewer), { createdBy: 'd0', draftingUnit: 'x', fcrReviewerId: ME })).toBe(true);
  });

  it('an admin reads no matter', () => {
    expect(readScope({ userId: ME, username: ME, roles: ['admin'], sectionId: null })).toEqual({ all: false, anyOf: [] });
  });
});

describe('separation of duties by version author', () => {
  const state = {
    createdBy: 'drafter-1', draftingUnit: 'sec-mine',
    legality: { lawyerId: null, legalUnitActorIds: [] }, fairCompetition: { reviewerId: null },
    versions: [{ number: 1, hash: 'a', submittedAt: '', submittedBy: 'drafter-1' }, { number: 2, hash: 'b', submittedAt: '', submittedBy: 'both-roles' }],
  } as unknown as Parameters<typeof matterAccessOf>[0];
  const both: Actor = { userId: 'both-roles', username: 'both', roles: ['drafter', 'legal_unit'], sectionId: 'sec-mine' };
  const now = '2025-06-01T09:00:00+08:00';

  it('whoever submitted a version may not review the matter, though they may still read and draft it', () => {
    const access = matterAccessOf(state);
    expect(access.versionAuthorIds).toEqual(['drafter-1', 'both-roles']);
    for (const review of ['accept_materials', 'record_legality_conclusion', 'assign_lawyer', 'confirm_final_text'] as const) {
      const verdict = authorize(both, review, access, now);
      expect(verdict.allowed).toBe(false);
      expect(verdict.allowed ? '' : verdict.reason).toMatch(/submitted a version/);
    }
    expect(authorize(both, 'read_matter', access, now).allowed).toBe(true);
    expect(authorize(both, 'submit_version', access, now).allowed).toBe(true);
    // Another legal-unit member may.
    expect(authorize({ ...both, userId: 'other', roles: ['legal_unit'] }, 'accept_materials', access, now).allowed).toBe(true);
  });

  it('workflow runs from before the rule keep the old answer (they replay as they ran)', () => {
    expect(authorize(both, 'accept_materials', matterAccessOf(state, { versionAuthorsMayReview: true }), now).allowed).toBe(true);
  });
});
