/**
 * Trains the fair-competition pre-screen's statistical fallback on the DEV split of the labelled
 * set and writes it as a frozen, versioned artefact that the pre-screen reads at run time:
 *
 *   npm run fcr:model -- --version fcr-nb-2024-08-01.2
 *
 * Retraining is a deliberate act: give a new version, then run `npm run pin:prescreens` so the
 * pre-screen's fingerprint names the new model, and re-measure (`npm run eval:prescreen`).
 * Without --version the current artefact is rebuilt from its own training ids (a reproducibility
 * check: the bytes must not change).
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { CURRENT_RULESET_VERSION } from '../domain/fair-competition';
import { devItems, labelledItems } from '../domain/fair-competition/eval/data';
import { FALLBACK_THRESHOLD, type ModelArtefact, countModel } from '../domain/fair-competition/statistical';

const file = join(__dirname, `../domain/fair-competition/model/fallback-${CURRENT_RULESET_VERSION}.json`);
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

function main(): void {
  const newVersion = arg('--version');
  let items = devItems();
  let version = newVersion;
  if (!newVersion) {
    const current = JSON.parse(readFileSync(file, 'utf8')) as ModelArtefact;
    const byId = new Map(labelledItems().map((i) => [i.id, i]));
    items = current.trainingIds.map((id) => {
      const item = byId.get(id);
      if (!item) throw new Error(`training item ${id} is no longer in the labelled set`);
      return item;
    });
    version = current.version;
  }
  if (items.some((i) => i.split !== 'dev')) throw new Error('the fallback may learn from the dev split only');
  const artefact: ModelArtefact = {
    about: 'Frozen statistical fallback of the fair-competition pre-screen (multinomial Naive Bayes over character 2–3-grams), trained on the dev split by scripts/build-fcr-model.ts; do not edit. See domain/fair-competition/eval/README.md.',
    version: version!,
    ruleSetVersion: CURRENT_RULESET_VERSION,
    threshold: FALLBACK_THRESHOLD,
    ...countModel(items),
  };
  // One n-gram per line keeps a retrained model's diff readable.
  writeFileSync(file, `${JSON.stringify(artefact, null, 1)}\n`);
  console.log(`${file}: ${artefact.version}, ${artefact.rows.length} n-grams, ${artefact.trainingIds.length} training clauses`);
}

main();
