/**
 * The yearly catalogue of major decisions (年度重大行政决策事项目录): 713号令第3条第3款 — the decision organ may
 * set a catalogue and standards from art. 3 para. 1, publish it once the Party committee at the same level
 * agreed, and adjust it as things change. Pure: entry input, the rules for adding after publication, and each
 * entry's progress from its matter.
 */
import { z } from 'zod';
import { line, prose } from '../procedure/primitives';
import type { MatterState } from '../procedure/types';
import { implementationStatus, IMPLEMENTATION_STATUS_NAMES } from './state';

/** 713号令第3条第1款 items (一)–(五). */
export const CATALOGUE_CATEGORY_LABELS: Record<1 | 2 | 3 | 4 | 5, string> = {
  1: '（一）公共服务、市场监管、社会管理、环境保护等方面的重大公共政策和措施',
  2: '（二）经济和社会发展等方面的重要规划',
  3: '（三）开发利用、保护重要自然资源和文化资源的重大公共政策和措施',
  4: '（四）在本行政区域实施的重大公共建设项目',
  5: '（五）对经济社会发展有重大影响、涉及重大公共利益或者社会公众切身利益的其他重大事项',
};

export const catalogueEntryInput = z.strictObject({
  title: line(500),
  category: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
  unit: line(200).describe('承办单位'),
  summary: prose(5000).optional(),
  planned: line(100).optional().describe('计划完成时间, e.g. 2026年第三季度'),
  /** Required once the catalogue is published (调整目录). */
  addedLaterReason: prose(5000).optional(),
  /** A major decision already registered outside the catalogue, linked by this entry. */
  matterId: line(100).optional(),
});
export type CatalogueEntryInput = z.infer<typeof catalogueEntryInput>;

export const publishCatalogueInput = z.strictObject({ approvalRef: line(200).describe('经同级党委同意的文号 (713号令第3条第3款)') });

/** Why an entry cannot be added now, or null. */
export function entryProblem(input: CatalogueEntryInput, catalogue: { publishedAt: string | null }): { code: string; field: string; reason: string } | null {
  if (catalogue.publishedAt && !input.addedLaterReason) {
    return { code: 'added_later_reason_required', field: 'body.addedLaterReason', reason: '目录已公布，调整目录应当说明理由 / the catalogue is published: an entry added later states why' };
  }
  return null;
}

/**
 * Whether an entry is the drafting unit's own: its 承办单位 names the section by id or by name. Only that unit
 * registers the decision for it; another section linking it would take the entry from the unit the
 * catalogue charged (713号令第3条第3款: the catalogue sets who undertakes each decision).
 */
export function entryOfUnit(entryUnit: string, unit: { id: string; name: string | null }): boolean {
  const named = entryUnit.trim();
  return named === unit.id || (unit.name !== null && named === unit.name.trim());
}

/** How a major decision registered relates to the catalogue (registration input, kept in the matter state). */
export const catalogueLinkInput = z.union([
  z.strictObject({ entryId: line(100) }),
  z.strictObject({ notListedReason: prose(5000).describe('Why the decision is not in the catalogue; the legal unit adds it later with this reason') }),
]);
export type CatalogueLink = z.infer<typeof catalogueLinkInput>;

export type EntryProgress = 'not_started' | 'in_procedure' | 'decided' | 'implementing' | 'suspended' | 'evaluating' | 'adjusting' | 'completed' | 'stopped' | 'superseded' | 'not_adopted';
export const ENTRY_PROGRESS_LABELS: Record<EntryProgress, string> = {
  not_started: '未启动',
  in_procedure: '决策程序中',
  decided: '已作出决策',
  implementing: IMPLEMENTATION_STATUS_NAMES.implementing,
  suspended: IMPLEMENTATION_STATUS_NAMES.suspended,
  evaluating: IMPLEMENTATION_STATUS_NAMES.evaluating,
  adjusting: IMPLEMENTATION_STATUS_NAMES.adjusting,
  completed: IMPLEMENTATION_STATUS_NAMES.completed,
  stopped: IMPLEMENTATION_STATUS_NAMES.stopped,
  superseded: IMPLEMENTATION_STATUS_NAMES.superseded,
  not_adopted: '未作出决策（撤回或不予通过）',
};

/** An entry's progress from its matter's state (none registered yet: not started). */
export function entryProgress(state: MatterState | null): EntryProgress {
  if (!state) return 'not_started';
  if (['withdrawn', 'rejected', 'not_issued'].includes(state.stage)) return 'not_adopted';
  if (state.stage !== 'issued' && state.stage !== 'decided') return 'in_procedure';
  if (!state.implementation) return state.stage === 'issued' ? 'implementing' : 'decided';
  return implementationStatus(state.implementation);
}
