/**
 * The phases people recognise (登记立项 → 研究论证 → … → 办结), each grouping the procedure's stages. The
 * web app's progress timeline and the statistics show phases; every stage belongs to exactly one phase
 * (a unit test holds new stages to that).
 */

import type { Flag, Stage } from './types';

export interface Phase {
  key: 'registration' | 'research' | 'fcr' | 'completeness' | 'legality' | 'meeting' | 'post' | 'end';
  label: string;
  stages: readonly Stage[];
  /** Shown only for matters with this flag (the fair-competition review only for ECON matters). */
  onlyWithFlag?: Flag;
}

export const PHASES: readonly Phase[] = [
  { key: 'registration', label: '登记立项', stages: [] },
  { key: 'research', label: '研究论证', stages: ['research'] },
  { key: 'fcr', label: '公平竞争审查', stages: ['fair_competition_review'], onlyWithFlag: 'ECON' },
  { key: 'completeness', label: '送审材料审查', stages: ['completeness_check', 'supplementing'] },
  { key: 'legality', label: '合法性审核', stages: ['legality_review', 'amending', 'prior_approval'] },
  { key: 'meeting', label: '集体讨论决定', stages: ['awaiting_meeting', 'meeting_scheduled', 'finalizing', 'final_text_check'] },
  { key: 'post', label: '决定后程序', stages: ['post_decision', 'contract_signing', 'contract_in_force'] },
  { key: 'end', label: '办结', stages: ['issued', 'decided', 'rejected', 'withdrawn', 'not_issued', 'contract_closed'] },
];
