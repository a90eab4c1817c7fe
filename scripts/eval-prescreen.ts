/**
 * Measures the fair-competition pre-screen against the labelled set kept in the repository
 * (domain/fair-competition/eval/labelled.json): recall per standard and false-positive rates,
 * separately for the dev split (used for tuning) and the test split (never tuned on: batch 1's test
 * part, written before the rules, and batch 11, written blind after all tuning).
 *
 *   npx tsx scripts/eval-prescreen.ts             # summary + dev errors
 *   npx tsx scripts/eval-prescreen.ts --errors    # also list test-split errors
 *   npx tsx scripts/eval-prescreen.ts --batch 9   # errors of one authoring batch only (repeatable)
 *
 * Exits non-zero only if something crashes; quality targets are printed, not enforced.
 */
import labelled from '../domain/fair-competition/eval/labelled.json';
import { type LabelledItem, type Scores, score } from '../domain/fair-competition/eval/score';
import { CURRENT_RULESET_VERSION, prescreen, ruleSet } from '../domain/fair-competition';

const TARGET_RECALL = 0.9;
const TARGET_FPR = 0.1;

const items = (labelled as { items: LabelledItem[] }).items;
const codes = ruleSet().standards.map((s) => s.code);
const codesOf = (text: string): string[] => prescreen(text).findings.map((f) => f.code);
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
  console.log('\n=== by authoring batch (current rules) ===');
  console.log('batch  split  clauses  recall   false-pos  wrong-code');
  const batches = [...new Set(items.map((i) => `${batchOf(i)}|${i.split}`))].sort((a, b) => byBatch(a.split('|')[0]!, b.split('|')[0]!) || (a < b ? -1 : 1));
  for (const key of batches) {
    const [batch, split] = key.split('|') as [string, 'dev' | 'test'];
    const s = score(items.filter((i) => String(batchOf(i)) === batch && i.split === split), codesOf, codes);
    console.log(`${batch.padStart(5)}  ${split.padEnd(5)}  ${String(s.items).padStart(7)}  ${pct(s.recall)}  ${pct(s.falsePositiveRate)}     ${pct(s.wrongCodeRate)}`);
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`\n(evaluated in ${ms.toFixed(0)} ms)`);
}

try {
  main();
} catch (err) {
  console.error('eval-prescreen crashed:', err);
  process.exit(1);
}
