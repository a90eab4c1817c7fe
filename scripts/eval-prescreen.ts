/**
 * Measures the fair-competition pre-screen against the labelled set kept in the repository
 * (domain/fair-competition/eval/labelled.json): recall and false-positive rate per standard, per
 * split (dev: used for tuning; test: never tuned on — batch 1's test part, written before the rules,
 * batch 11, written blind after all tuning, and batch 12, written blind before the statistical
 * fallback was first measured) and per authoring batch, rules only beside rules + the frozen
 * fallback model. Then checks the floors in domain/fair-competition/eval/thresholds.json and exits 1
 * if quality dropped below the recorded level.
 *
 *   npm run eval:prescreen                    # summary + dev errors + threshold check
 *   npm run eval:prescreen -- --errors        # also list test-split errors
 *   npm run eval:prescreen -- --batch 9       # errors of one authoring batch only (repeatable)
 *   npm run eval:prescreen -- --rules-only    # screen without the statistical fallback (no threshold check)
 *   npm run eval:prescreen -- --cv            # also cross-validate the fallback on dev
 *   npm run eval:prescreen -- --record        # write the measured level as the new floors (deliberate)
 */
import { join } from 'path';
import { type LabelledItem, score } from '../domain/evaluation/score';
import { crossValidate, crossValidatedPrescreen, foldById } from '../domain/fair-competition/eval/crossValidate';
import { devItems, labelledItems } from '../domain/fair-competition/eval/data';
import { ruleSet } from '../domain/fair-competition';
import { PRESCREEN_FINGERPRINT, prescreenWith } from '../domain/fair-competition/prescreen';
import { FALLBACK_THRESHOLD, SHIPPED_MODEL_VERSION, type TrainingItem } from '../domain/fair-competition/statistical';
import { fingerprintLabel } from '../domain/pinning/fingerprint';
import { batchOf, pct, runEvaluation } from './lib/evaluationReport';

const items = labelledItems();
const codes = ruleSet().standards.map((s) => s.code);
const rulesOnly = process.argv.includes('--rules-only');
const withFallback = (text: string): string[] => prescreenWith(text, {}, 'default').findings.map((f) => f.code);
const withRules = (text: string): string[] => prescreenWith(text, {}, null).findings.map((f) => f.code);

/** Threshold choice for the fallback: cross-validation on the dev split only. */
function crossValidation(): void {
  const dev = items.filter((i) => i.split === 'dev');
  if (dev.length !== devItems().length) throw new Error('dev split differs from the labelled dev items');
  const grid = Array.from({ length: 21 }, (_, i) => Math.round(i * 5) / 100);
  const schemes = [
    ['5-fold (fold = FNV-1a hash of id mod 5)', foldById(5)],
    ['leave-one-batch-out', (i: TrainingItem) => batchOf(i as LabelledItem)],
  ] as const;
  for (const [name, fold] of schemes) {
    console.log(`\n=== fallback alone, cross-validated on dev: ${name} ===`);
    console.log('threshold  recall(right code)  wrong-code-only  clean flagged');
    for (const s of crossValidate(dev, fold, grid)) {
      const mark = s.threshold === FALLBACK_THRESHOLD ? '  <= chosen' : '';
      console.log(`${s.threshold.toFixed(2).padStart(9)}  ${pct(s.correct / s.positives).padStart(18)}  ${pct(s.wrong / s.positives).padStart(15)}  ${pct(s.falsePositives / s.negatives)} (${s.falsePositives}/${s.negatives})${mark}`);
    }
    const held = crossValidatedPrescreen(dev, fold, FALLBACK_THRESHOLD);
    const s = score(dev, (text) => held.get(dev.find((i) => i.text === text)!.id) ?? [], codes);
    console.log(`rules + held-out fallback at ${FALLBACK_THRESHOLD} on dev: recall ${pct(s.recall)}, false-positive rate ${pct(s.falsePositiveRate)}, wrong-code ${pct(s.wrongCodeRate)} (rules were tuned on dev, so this shows the fallback's cost, not its gain)`);
  }
}

try {
  runEvaluation({
    title: `fair-competition pre-screen evaluation — ${fingerprintLabel(PRESCREEN_FINGERPRINT)} (model ${SHIPPED_MODEL_VERSION}, threshold ${FALLBACK_THRESHOLD})${rulesOnly ? ', RULES ONLY' : ''}`,
    items,
    codes,
    codesOf: rulesOnly ? withRules : withFallback,
    thresholdsPath: join(__dirname, '../domain/fair-competition/eval/thresholds.json'),
    recordedWith: `${fingerprintLabel(PRESCREEN_FINGERPRINT)} (model ${SHIPPED_MODEL_VERSION})`,
    alternative: { name: 'rules only', codesOf: withRules },
    extra: process.argv.includes('--cv') ? crossValidation : undefined,
    checkThresholds: !rulesOnly,
  });
} catch (err) {
  console.error('eval-prescreen crashed:', err);
  process.exit(1);
}
