/**
 * The labelled evaluation set, for the evaluation script, the model-building script and tests.
 * Nothing on the run-time path imports this module: the shipped model is a frozen artefact.
 */
import labelled from './labelled.json';
import type { LabelledItem } from '../../evaluation/score';

export function labelledItems(): LabelledItem[] {
  return (labelled as { items: LabelledItem[] }).items;
}

/** The dev split: the only data the fallback model may learn from. */
export function devItems(): LabelledItem[] {
  return labelledItems().filter((i) => i.split === 'dev');
}
