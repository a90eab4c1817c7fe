/**
 * Warnings a matter raises for the people who can act on them, derived from its state alone (so the
 * activities write them into the list projection and the API shows them on the matter, with one rule).
 *
 * `may_need_fcr`: the fair-competition pre-screen runs on every version of every matter; when it finds
 * wording that may breach a standard in a matter not flagged ECON, the legal unit is told, and decides:
 * add ECON (the review and its gates then apply, 公平竞争审查条例第18条) or record with a reason that the
 * matter does not touch operators' economic activity. The warning stays until one of the two.
 */

import { currentHash, isEcon, isTerminal } from './state';
import { APPLICABLE_FLAGS } from './steps';
import type { MatterState, Role } from './types';

export type MatterWarningCode = 'may_need_fcr';

export interface MatterWarning {
  code: MatterWarningCode;
  /** Who is asked to act on it. */
  roles: Role[];
  message: string;
  /** The pre-screen findings behind it (ids of the current version's findings). */
  findingIds: string[];
}

/** Pre-screen findings on the current version of a matter that may need the fair-competition review it is not flagged for. */
export function mayNeedFcr(state: MatterState): string[] {
  if (isTerminal(state.stage) || isEcon(state) || !APPLICABLE_FLAGS[state.kind].includes('ECON')) return [];
  const hash = currentHash(state);
  const findings = (state.fairCompetition.findings ?? []).filter((f) => f.versionHash === hash);
  if (findings.length === 0) return [];
  // The legal unit already decided on the flags after this version was screened.
  const screenedAt = Math.min(...(state.fairCompetition.prescreens ?? []).filter((p) => p.versionHash === hash).map((p) => Date.parse(p.at)));
  if (state.flagChanges.some((c) => c.role === 'legal_unit' && Date.parse(c.at) >= screenedAt)) return [];
  return findings.map((f) => f.id);
}

export function matterWarnings(state: MatterState): MatterWarning[] {
  const findingIds = mayNeedFcr(state);
  if (findingIds.length === 0) return [];
  return [
    {
      code: 'may_need_fcr',
      roles: ['legal_unit'],
      message: `可能需要公平竞争审查：自动预审在当前版本中发现 ${findingIds.length} 处可能排除、限制竞争的表述，本事项未标记“涉及经营者经济活动”。请法制机构决定是否增加该标记（增加后须经公平竞争审查，公平竞争审查条例第18条），或说明理由确认不涉及。`,
      findingIds,
    },
  ];
}

/** The warnings' codes, as the list projection keeps them. */
export const warningCodes = (state: MatterState): MatterWarningCode[] => matterWarnings(state).map((w) => w.code);
