import { catalogueLinkInput, entryOfUnit, entryProblem, entryProgress } from '../../../domain/decisions';
import { register } from '../procedure/fixtures';

describe('decision catalogue rules (713号令第3条第3款)', () => {
  it('an entry added after publication states why', () => {
    const entry = { title: '夜间经济扶持政策', category: 1 as const, unit: '市场科' };
    expect(entryProblem(entry, { publishedAt: null })).toBeNull();
    expect(entryProblem(entry, { publishedAt: '2026-03-01T00:00:00Z' })?.code).toBe('added_later_reason_required');
    expect(entryProblem({ ...entry, addedLaterReason: '年中新增' }, { publishedAt: '2026-03-01T00:00:00Z' })).toBeNull();
  });

  it('an entry is a unit\'s own when its 承办单位 names the section by id or by name', () => {
    const market = { id: 'market', name: '文化市场科' };
    expect(entryOfUnit('文化市场科', market)).toBe(true);
    expect(entryOfUnit(' market ', market)).toBe(true);
    expect(entryOfUnit('旅游发展科', market)).toBe(false);
    expect(entryOfUnit('文化市场', market)).toBe(false);
    expect(entryOfUnit('文化市场科', { id: 'market', name: null })).toBe(false);
  });

  it('a registration links an entry or says why it is not listed, never both nor neither', () => {
    expect(catalogueLinkInput.safeParse({ entryId: 'e1' }).success).toBe(true);
    expect(catalogueLinkInput.safeParse({ notListedReason: '年中新增' }).success).toBe(true);
    expect(catalogueLinkInput.safeParse({ entryId: 'e1', notListedReason: 'x' }).success).toBe(false);
    expect(catalogueLinkInput.safeParse({}).success).toBe(false);
  });

  it('progress follows the matter: not started, in procedure, not adopted, implementing, suspended, completed', () => {
    expect(entryProgress(null)).toBe('not_started');
    const s = register('major_decision');
    expect(entryProgress(s)).toBe('in_procedure');
    expect(entryProgress({ ...s, stage: 'withdrawn' })).toBe('not_adopted');
    expect(entryProgress({ ...s, stage: 'issued' })).toBe('implementing');
    const impl = { unit: null, reports: [], evaluations: [], adjustments: [], completed: null };
    expect(entryProgress({ ...s, stage: 'issued', implementation: { ...impl, suspensions: [{ decidedBy: '局长', reason: 'r', by: 'u', at: 't' }] } })).toBe('suspended');
    expect(entryProgress({ ...s, stage: 'issued', implementation: { ...impl, suspensions: [], completed: { note: 'n', by: 'u', at: 't' } } })).toBe('completed');
  });
});
