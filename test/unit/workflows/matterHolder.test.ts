import { calendarToYears, defaultCalendar } from '../../../domain/calendar';
import { defaultProcedureConfig, registerMatter, type Command } from '../../../domain/procedure';
import { MatterHolder } from '../../../workflows/matterHolder';
import type { ActionRequest, MatterWorkflowInput } from '../../../workflows/definitions';

const drafter = { userId: 'd', username: 'drafter', roles: ['drafter' as const], sectionId: 'market' };
const state = registerMatter({ matterId: 'M', kind: 'normative_document', flags: [], title: 't', draftingUnit: 'market', createdBy: 'd', versionHash: 'a'.repeat(64), now: new Date().toISOString() }, defaultProcedureConfig);

/** A registered matter in research, as a continued run holds it. */
function holder(): MatterHolder {
  const input: MatterWorkflowInput = {
    matterId: 'M', kind: 'normative_document', flags: [], title: 't', draftingUnit: 'market', registeredBy: drafter,
    firstVersion: { hash: 'a'.repeat(64), text: 'x' }, config: defaultProcedureConfig, calendarYears: calendarToYears(defaultCalendar()), requestId: null,
    resume: { state, trail: { seq: 1, hash: 'h' }, notifications: [] },
  };
  return new MatterHolder(input, false);
}

const request = (actionKey: string, command: Command): ActionRequest => ({ actionKey, actor: drafter, requestId: null, command });
// Each decode of an Update's payload is a new object: the handler's request equals the validator's, it is not it.
const item = (actionKey: string) => request(actionKey, { type: 'record_research_item', item: { kind: 'drafting_explanation', summary: '起草说明', documentId: 'doc-1' } } as Command);

describe('the validator\'s verdict reused by the handler', () => {
  // A workflow's clock stands still within an activation, where validator and handler usually both run.
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-11-30T08:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  test('the handler takes the validator\'s verdict for the same action on the same state (once)', () => {
    const m = holder();
    const validated = m.validate(item('k1'));
    expect(validated.ok).toBe(true);
    const inHandler = m.judgeValidated(item('k1'));
    expect(inHandler).toBe(validated);
    // Taken once: judged anew if asked again (an equal verdict, not the same object).
    const again = m.judgeValidated(item('k1'));
    expect(again).not.toBe(validated);
    expect(again).toEqual(validated);
  });

  test('judged anew when the state changed since (another action was adopted), when time moved, or for another action', () => {
    const m = holder();
    const bases = request('k2', { type: 'record_research_item', item: { kind: 'legal_bases', bases: [{ title: '旅游法' }] } } as Command);
    const first = m.validate(item('k1'));
    const second = m.validate(bases);
    if (!first.ok || !second.ok) throw new Error('both are allowed in research');
    m.adopt(first.state, { seq: 2, hash: 'h2' });
    const k2 = m.judgeValidated(bases);
    expect(k2).not.toBe(second);
    // On the new state: the first action's item is in it, which the validator's verdict did not have.
    expect(second.state.research.draftingExplanation).toBeNull();
    expect(k2.ok && k2.state.research.draftingExplanation).toMatchObject({ summary: '起草说明' });

    const validated = m.validate(item('k3'));
    jest.advanceTimersByTime(1);
    const later = m.judgeValidated(item('k3'));
    expect(later).not.toBe(validated);
    expect(later.ok && later.event.after).not.toEqual(validated.ok && validated.event.after);

    m.validate(item('k4'));
    expect(m.judgeValidated(item('k5'))).toEqual(m.judge(item('k5')));
  });

  test('a refused action leaves nothing to reuse, and the handler refuses it the same way', () => {
    const m = holder();
    const refused = m.validate(request('k1', { type: 'record_legality_conclusion', versionHash: 'a'.repeat(64), outcome: 'LAWFUL', text: '合法', checklist: [] } as Command));
    expect(refused.ok).toBe(false);
    expect(m.judgeValidated(request('k1', { type: 'record_legality_conclusion', versionHash: 'a'.repeat(64), outcome: 'LAWFUL', text: '合法', checklist: [] } as Command))).toEqual(refused);
  });
});
