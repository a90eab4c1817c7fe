/**
 * Measures the fair-competition pre-screen against the labelled set kept in the repository
 * (domain/fair-competition/eval/labelled.json): recall per standard and false-positive rates,
 * separately for the dev split (used for tuning) and the test split (never tuned on: batch 1's test
 * part, written before the rules, batch 11, written blind after all tuning, and batch 12, written
 * blind before the statistical fallback was first measured). The fallback is on unless --rules-only.
 *
 *   npx tsx scripts/eval-prescreen.ts             # summary + dev errors
 *   npx tsx scripts/eval-prescreen.ts --errors    # also list test-split errors
 *   npx tsx scripts/eval-prescreen.ts --batch 9   # errors of one authoring batch only (repeatable)
 *   npx tsx scripts/eval-prescreen.ts --rules-only  # screen without the statistical fallback
 *   npx tsx scripts/eval-prescreen.ts --cv        # also cross-validate the fallback on dev
 *
 * Exits non-zero only if something crashes; quality targets are printed, not enforced.
 */
import labelled from '../domain/fair-competition/eval/labelled.json';
import { type LabelledItem, type Scores, score } from '../domain/fair-competition/eval/score';
import { crossValidate, crossValidatedPrescreen, foldById } from '../domain/fair-competition/eval/crossValidate';
import { CURRENT_RULESET_VERSION, ruleSet } from '../domain/fair-competition';
import { prescreenWith } from '../domain/fair-competition/prescreen';
import { FALLBACK_ENABLED, FALLBACK_THRESHOLD, type TrainingItem, devItems } from '../domain/fair-competition/statistical';

const TARGET_RECALL = 0.9;
const TARGET_FPR = 0.1;

const items = (labelled as { items: LabelledItem[] }).items;
const codes = ruleSet().standards.map((s) => s.code);
const rulesOnly = process.argv.includes('--rules-only');
const withFallback = (text: string): string[] => prescreenWith(text, {}, 'default').findings.map((f) => f.code);
const withRules = (text: string): string[] => prescreenWith(text, {}, null).findings.map((f) => f.code);
const codesOf = rulesOnly ? withRules : withFallback;
const showTestErrors = process.argv.includes('--errors');
const onlyBatches = process.argv.flatMap((a, i) => (a === '--batch' && process.argv[i + 1] ? [process.argv[i + 1]!] : []));

/** Authoring batch: the `batch` field, else "batch N" in the note (batch 1 has neither). */
const batchOf = (i: LabelledItem): string => String(i.batch ?? /batch (\d+)/.exec(i.note ?? '')?.[1] ?? 1);
const byBatch = (a: string, b: string): number => parseFloat(a) - parseFloat(b) || (a < b ? -1 : a > b ? 1 : 0);

const pct = (x: number): string => `${(x * 100).toFixed(1).padStart(5)}%`;
const mark = (ok: boolean): string => (ok ? 'ok ' : '!! ');

function report(name: string, s: Scores, showErrors: boolean): void {
  console.log(`\n=== ${name}: ${s.items} clauses (${s.positives} breaching, ${s.negatives} clean) ===`);
  console.log('standard   recall   caught/positives');
  for (const code of codes) {
    const st = s.perStandard[code];
    if (!st || st.positives === 0) {
      console.log(`${code}     n/a    0/0`);
      continue;
    }
    console.log(`${code}  ${pct(st.recall)}   ${st.caught}/${st.positives}  ${mark(st.recall >= TARGET_RECALL)}`);
  }
  console.log(`overall recall             ${pct(s.recall)}  ${mark(s.recall >= TARGET_RECALL)}(target >= ${TARGET_RECALL})`);
  console.log(`false-positive rate        ${pct(s.falsePositiveRate)}  ${mark(s.falsePositiveRate <= TARGET_FPR)}(clean clauses with any finding: ${s.falsePositives.length}/${s.negatives}; target <= ${TARGET_FPR})`);
  console.log(`wrong-code rate            ${pct(s.wrongCodeRate)}  (breaching clauses with a finding of an unlabelled standard: ${s.wrongCodes.length}/${s.positives})`);
  console.log(`combined false-positive    ${pct(s.combinedFalsePositiveRate)}  (flagged clean + wrong-code breaching, over all clauses)`);
  if (!showErrors) return;
  const list = (title: string, rows: Scores['missed']) => {
    if (rows.length === 0) return;
    console.log(`-- ${title} (${rows.length})`);
    for (const r of rows) console.log(`   ${r.id}  expected [${r.expected.join(',')}] got [${r.got.join(',')}]  ${r.text}`);
  };
  list('missed', s.missed);
  list('false positives', s.falsePositives);
  list('wrong codes', s.wrongCodes);
}

function main(): void {
  const started = process.hrtime.bigint();
  console.log(`fair-competition pre-screen evaluation — rule set ${CURRENT_RULESET_VERSION}, ${items.length} labelled clauses`);
  console.log(
    rulesOnly
      ? 'mode: rules only (statistical fallback off)'
      : `mode: rules + statistical fallback (threshold ${FALLBACK_THRESHOLD}; ${FALLBACK_ENABLED ? 'enabled' : 'DISABLED'} in prescreen() by default)`,
  );
  if (onlyBatches.length > 0) {
    const subset = items.filter((i) => onlyBatches.includes(batchOf(i)));
    report(`batch ${onlyBatches.join(', ')}`, score(subset, codesOf, codes), true);
    return;
  }
  for (const split of ['dev', 'test'] as const) {
    const subset = items.filter((i) => i.split === split);
    report(split === 'dev' ? 'dev (tuning split)' : 'test (held back from tuning)', score(subset, codesOf, codes), split === 'dev' || showTestErrors);
  }
  report('all', score(items, codesOf, codes), false);

  // Per authoring batch: batch 1 was written before the rules, batches 2–10 blind and measured once
  // before being tuned on (now dev), 8p/9p are dev probes, batch 11 was written after all tuning
  // (test). See domain/fair-competition/eval/README.md for each batch's first-run numbers.
  console.log('\n=== by authoring batch: rules only | rules + statistical fallback ===');
  console.log('batch  split  clauses  recall   false-pos  wrong-code |  recall   false-pos  wrong-code');
  const batches = [...new Set(items.map((i) => `${batchOf(i)}|${i.split}`))].sort((a, b) => byBatch(a.split('|')[0]!, b.split('|')[0]!) || (a < b ? -1 : 1));
  for (const key of batches) {
    const [batch, split] = key.split('|') as [string, 'dev' | 'test'];
    const subset = items.filter((i) => String(batchOf(i)) === batch && i.split === split);
    const r = score(subset, withRules, codes);
    const f = score(subset, withFallback, codes);
    console.log(
      `${batch.padStart(5)}  ${split.padEnd(5)}  ${String(r.items).padStart(7)}  ${pct(r.recall)}  ${pct(r.falsePositiveRate)}     ${pct(r.wrongCodeRate)}    | ${pct(f.recall)}  ${pct(f.falsePositiveRate)}     ${pct(f.wrongCodeRate)}`,
    );
  }
  for (const split of ['test'] as const) {
    const subset = items.filter((i) => i.split === split);
    const r = score(subset, withRules, codes);
    const f = score(subset, withFallback, codes);
    console.log(`  all  ${split.padEnd(5)}  ${String(r.items).padStart(7)}  ${pct(r.recall)}  ${pct(r.falsePositiveRate)}     ${pct(r.wrongCodeRate)}    | ${pct(f.recall)}  ${pct(f.falsePositiveRate)}     ${pct(f.wrongCodeRate)}`);
  }
  if (process.argv.includes('--cv')) crossValidation();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`\n(evaluated in ${ms.toFixed(0)} ms)`);
}

/** Threshold choice for the fallback: cross-validation on the dev split only. */
function crossValidation(): void {
  const dev = items.filter((i) => i.split === 'dev');
  if (dev.length !== devItems().length) throw new Error('dev split differs from the model\'s training set');
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
  main();
} catch (err) {
  console.error('eval-prescreen crashed:', err);
  process.exit(1);
}
