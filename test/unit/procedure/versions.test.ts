import type { MatterState } from '../../../domain/procedure';
import { apply, at, attempt, currentHashOf, doFcr, doResearch, fullChecklist, hash, people, refused, register } from './fixtures';

const day = at('2025-03-03');
const v2 = 'b'.repeat(64);

/** An ECON normative document in the legality review with a lawyer's sign-off on version 1. */
function signedOff(): MatterState {
  let s = doResearch(register('normative_document', ['ECON'], day), day);
  s = apply(s, { type: 'submit_for_review' }, people.drafter, day);
  s = doFcr(s, day);
  s = apply(s, { type: 'accept_materials' }, people.legal, day);
  s = apply(s, { type: 'assign_lawyer', lawyerId: 'law1' }, people.legal, day);
  return apply(s, { type: 'submit_lawyer_opinion', versionHash: hash(1), outcome: 'LAWFUL', text: '合法', checklist: fullChecklist() }, people.lawyer, day);
}

describe('submit_version', () => {
  it('appends an immutable, numbered version', () => {
    const s = apply(register('major_decision', [], day), { type: 'submit_version', versionHash: v2, versionNumber: 2, note: '吸收会签意见' }, people.drafter2, at('2025-03-04'));
    expect(s.versions).toEqual([
      { number: 1, hash: hash(1), submittedAt: day, submittedBy: 'd1' },
      { number: 2, hash: v2, submittedAt: at('2025-03-04'), submittedBy: 'd2', note: '吸收会签意见' },
    ]);
  });

  it('validates hash format, sequence and change', () => {
    const s = register('major_decision', [], day);
    expect(refused(attempt(s, { type: 'submit_version', versionHash: 'B'.repeat(64), versionNumber: 2 }, people.drafter, day)).code).toBe('INVALID_VERSION_HASH');
    expect(refused(attempt(s, { type: 'submit_version', versionHash: 'abc', versionNumber: 2 }, people.drafter, day)).code).toBe('INVALID_VERSION_HASH');
    const gap = refused(attempt(s, { type: 'submit_version', versionHash: v2, versionNumber: 3 }, people.drafter, day));
    expect(gap).toMatchObject({ code: 'VERSION_NUMBER_OUT_OF_SEQUENCE' });
    expect(gap.reason).toContain('expected 2');
    expect(refused(attempt(s, { type: 'submit_version', versionHash: hash(1), versionNumber: 2 }, people.drafter, day)).code).toBe('VERSION_UNCHANGED');
  });

  it('is only allowed while the drafter has the matter', () => {
    const s = signedOff();
    expect(refused(attempt(s, { type: 'submit_version', versionHash: v2, versionNumber: 2 }, people.drafter, day))).toMatchObject({ status: 409, code: 'WRONG_STAGE' });
    const supplementing = apply(
      apply(doResearch(register('major_decision', [], day), day), { type: 'submit_for_review' }, people.drafter, day),
      { type: 'return_for_supplement', missing: ['x'], note: 'y' },
      people.legal,
      day,
    );
    expect(attempt(supplementing, { type: 'submit_version', versionHash: v2, versionNumber: 2 }, people.drafter, day).ok).toBe(true);
  });
});

describe('a new version voids sign-offs and re-opens the reviews that depended on the old text', () => {
  it('voids the lawyer sign-off (kept with its hash), re-opens the FCR and legality conclusions', () => {
    let s = signedOff();
    s = apply(s, { type: 'record_legality_conclusion', versionHash: hash(1), outcome: 'RETURN_TO_COMPLETE_PROCEDURE', text: '需听证', missing: ['听证'] }, people.legal, day);
    expect(s.stage).toBe('research');
    expect(s.fairCompetition.conclusion).toBe('no_restrictive_effect');
    s = apply(s, { type: 'submit_version', versionHash: v2, versionNumber: 2 }, people.drafter, at('2025-03-05'));
    expect(s.legality.opinions).toEqual([
      expect.objectContaining({ lawyerId: 'law1', versionHash: hash(1), void: true, voidedAt: at('2025-03-05'), voidedByVersion: 2 }),
    ]);
    expect(s.fairCompetition.conclusion).toBeUndefined();
    expect(s.fairCompetition.conclusionVersionHash).toBeUndefined();
    expect(s.fairCompetition.history).toEqual([
      expect.objectContaining({ conclusion: 'no_restrictive_effect', versionHash: hash(1), supersededAt: at('2025-03-05'), concludedBy: 'fcr1' }),
    ]);
    // The next submission goes to the fair-competition review again, then a new legality round.
    s = apply(s, { type: 'submit_for_review' }, people.drafter, at('2025-03-05'));
    expect(s.stage).toBe('fair_competition_review');
    s = doFcr(s, at('2025-03-06'));
    expect(s.fairCompetition.conclusionVersionHash).toBe(v2);
    expect(s.legality).toMatchObject({ round: 2, startedAt: at('2025-03-06') });
    s = apply(s, { type: 'accept_materials' }, people.legal, at('2025-03-06'));
    // The void sign-off does not count: the lawyer must sign the new text.
    expect(refused(attempt(s, { type: 'record_legality_conclusion', versionHash: v2, outcome: 'LAWFUL', checklist: fullChecklist(), text: 'x' }, people.legal, at('2025-03-06'))).code).toBe('LAWYER_OPINION_MISSING');
    expect(refused(attempt(s, { type: 'submit_lawyer_opinion', versionHash: hash(1), outcome: 'LAWFUL', text: 'x', checklist: fullChecklist() }, people.lawyer, at('2025-03-06'))).code).toBe('STALE_VERSION');
    s = apply(s, { type: 'submit_lawyer_opinion', versionHash: v2, outcome: 'LAWFUL', text: '合法', checklist: fullChecklist() }, people.lawyer, at('2025-03-06'));
    s = apply(s, { type: 'record_legality_conclusion', versionHash: v2, outcome: 'LAWFUL', checklist: fullChecklist(), text: '合法' }, people.legal, at('2025-03-06'));
    expect(s.stage).toBe('awaiting_meeting');
    expect(s.legality.opinions.map((o) => [o.versionHash, o.void])).toEqual([
      [hash(1), true],
      [v2, false],
    ]);
  });

  it('a version submitted in research clears the legality conclusion of the old text', () => {
    let s = signedOff();
    s = apply(s, { type: 'record_legality_conclusion', versionHash: hash(1), outcome: 'LAWFUL', checklist: fullChecklist(), text: '合法' }, people.legal, day);
    s = apply(s, { type: 'return_for_revision', reason: '政策调整' }, people.legal, day);
    expect(s.legality.conclusion).toBeNull();
    expect(s.legality.history.map((c) => c.outcome)).toEqual(['LAWFUL']);
    s = apply(s, { type: 'submit_version', versionHash: v2, versionNumber: 2 }, people.drafter, day);
    expect(currentHashOf(s)).toBe(v2);
  });

  it('only the assigned lawyer’s sign-off counts (reassignment needs a fresh opinion)', () => {
    let s = signedOff();
    s = apply(s, { type: 'assign_lawyer', lawyerId: 'law2' }, people.legal, day);
    expect(refused(attempt(s, { type: 'record_legality_conclusion', versionHash: hash(1), outcome: 'LAWFUL', checklist: fullChecklist(), text: 'x' }, people.legal, day)).code).toBe('LAWYER_OPINION_MISSING');
    expect(refused(attempt(s, { type: 'submit_lawyer_opinion', versionHash: hash(1), outcome: 'LAWFUL', text: 'x', checklist: fullChecklist() }, people.lawyer, day)).status).toBe(403);
    s = apply(s, { type: 'submit_lawyer_opinion', versionHash: hash(1), outcome: 'LAWFUL', text: 'x', checklist: fullChecklist() }, people.lawyer2, day);
    expect(attempt(s, { type: 'record_legality_conclusion', versionHash: hash(1), outcome: 'LAWFUL', checklist: fullChecklist(), text: 'x' }, people.legal, day).ok).toBe(true);
  });
});
