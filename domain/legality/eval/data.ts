/** The legality pre-screen's labelled set, for the evaluation script, the benchmark and tests (never the run-time path). */
import labelled from './labelled.json';
import type { LabelledItem } from '../../evaluation/score';

export function legalityLabelledItems(): LabelledItem[] {
  return (labelled as { items: LabelledItem[] }).items;
}
