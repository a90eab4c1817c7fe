/**
 * The report and threshold check both pre-screen evaluations print: per split and per authoring
 * batch, recall and false-positive rate per code, the errors of the dev split (and of the test split
 * on request), and the floors of the thresholds file — a drop below them fails the run (exit 1).
 */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { type LabelledItem, type Scores, score } from '../../domain/evaluation/score';
import { type ThresholdsFile, belowThresholds, thresholdsAt } from '../../domain/evaluation/thresholds';

export interface EvaluationSpec {
  title: string;
  items: readonly LabelledItem[];
  codes: readonly string[];
  codesOf: (text: string) => string[];
  thresholdsPath: string;
  recordedWith: string;
  /** extra lines printed per batch (e.g. the rules-only reading of the fair-competition pre-screen) */
  alternative?: { name: string; codesOf: (text: string) => string[] };
  /** extra sections printed before the threshold check */
  extra?: () => void;
  /** false: report only (a mode the floors were not recorded for) */
  checkThresholds?: boolean;
}

export const batchOf = (i: LabelledItem): string => String(i.batch ?? /batch (\d+)/.exec(i.note ?? '')?.[1] ?? 1);
const byBatch = (a: string, b: string): number => parseFloat(a) - parseFloat(b) || (a < b ? -1 : a > b ? 1 : 0);
export const pct = (x: number): string => `${(x * 100).toFixed(1).padStart(5)}%`;

export function printScores(name: string, s: Scores, codes: readonly string[], showErrors: boolean): void {
  console.log(`\n=== ${name}: ${s.items} clauses (${s.positives} breaching, ${s.negatives} clean) ===`);
  console.log('code              recall  caught/positives   false-pos (clean flagged)   wrong-code');
  for (const code of codes) {
    const st = s.perStandard[code];
    if (!st) continue;
    const recall = st.positives === 0 ? '   n/a' : pct(st.recall);
    console.log(`${code.padEnd(16)} ${recall}  ${`${st.caught}/${st.positives}`.padStart(9)}          ${pct(st.falsePositiveRate)} (${st.falsePositives})         ${st.wrongCodes}`);
  }
  console.log(`overall recall             ${pct(s.recall)}`);
  console.log(`false-positive rate        ${pct(s.falsePositiveRate)}  (clean clauses with any finding: ${s.falsePositives.length}/${s.negatives})`);
  console.log(`wrong-code rate            ${pct(s.wrongCodeRate)}  (breaching clauses with a finding of an unlabelled code: ${s.wrongCodes.length}/${s.positives})`);
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

/** Prints the report; exits 1 when a split falls below its recorded floors (unless --record). */
export function runEvaluation(spec: EvaluationSpec): void {
  const argv = process.argv.slice(2);
  const started = process.hrtime.bigint();
  const { items, codes } = spec;
  console.log(`${spec.title}, ${items.length} labelled clauses`);
  const onlyBatches = argv.flatMap((a, i) => (a === '--batch' && argv[i + 1] ? [argv[i + 1]!] : []));
  if (onlyBatches.length > 0) {
    const subset = items.filter((i) => onlyBatches.includes(batchOf(i)));
    // A test batch's errors are listed only on request: looking at them is the first step of tuning on them.
    const showErrors = subset.every((i) => i.split === 'dev') || argv.includes('--errors');
    printScores(`batch ${onlyBatches.join(', ')}`, score(subset, spec.codesOf, codes), codes, showErrors);
    return;
  }
  const bySplit: Record<string, Scores> = {};
  for (const split of ['dev', 'test'] as const) {
    const subset = items.filter((i) => i.split === split);
    if (subset.length === 0) continue;
    bySplit[split] = score(subset, spec.codesOf, codes);
    printScores(split === 'dev' ? 'dev (tuning split)' : 'test (never tuned on)', bySplit[split]!, codes, split === 'dev' || argv.includes('--errors'));
  }

  console.log(`\n=== by authoring batch${spec.alternative ? `: ${spec.alternative.name} | as shipped` : ''} ===`);
  console.log(`batch  split  clauses  recall   false-pos  wrong-code${spec.alternative ? ' |  recall   false-pos  wrong-code' : ''}`);
  const keys = [...new Set(items.map((i) => `${batchOf(i)}|${i.split}`))].sort((a, b) => byBatch(a.split('|')[0]!, b.split('|')[0]!) || (a < b ? -1 : 1));
  for (const key of keys) {
    const [batch, split] = key.split('|') as [string, string];
    const subset = items.filter((i) => batchOf(i) === batch && i.split === split);
    const shipped = score(subset, spec.codesOf, codes);
    const cols = (s: Scores) => `${pct(s.recall)}  ${pct(s.falsePositiveRate)}     ${pct(s.wrongCodeRate)}`;
    const alt = spec.alternative ? `${cols(score(subset, spec.alternative.codesOf, codes))}    | ` : '';
    console.log(`${batch.padStart(5)}  ${split.padEnd(5)}  ${String(subset.length).padStart(7)}  ${alt}${cols(shipped)}`);
  }
  spec.extra?.();

  const measured: ThresholdsFile = {
    about: 'Quality floors of this evaluation per split, at the measured level (domain/evaluation/thresholds.ts). The run fails below them.',
    recordedWith: spec.recordedWith,
    splits: Object.fromEntries(Object.entries(bySplit).map(([split, s]) => [split, thresholdsAt(s)])),
  };
  if (spec.checkThresholds === false) return;
  if (argv.includes('--record')) {
    writeFileSync(spec.thresholdsPath, `${JSON.stringify(measured, null, 1)}\n`);
    console.log(`\nrecorded the measured level as the floors in ${spec.thresholdsPath}`);
    return;
  }
  if (!existsSync(spec.thresholdsPath)) {
    console.error(`\n!! no thresholds file at ${spec.thresholdsPath}: run with --record once the numbers are right`);
    process.exit(1);
  }
  const floors = JSON.parse(readFileSync(spec.thresholdsPath, 'utf8')) as ThresholdsFile;
  const failures = Object.entries(floors.splits).flatMap(([split, t]) => (bySplit[split] ? belowThresholds(split, bySplit[split]!, t) : [`${split}: no labelled clauses`]));
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (failures.length > 0) {
    console.error(`\n!! quality below the recorded floors (${floors.recordedWith}):\n   ${failures.join('\n   ')}`);
    process.exit(1);
  }
  console.log(`\nok: every split at or above its recorded floors (${floors.recordedWith}); evaluated in ${ms.toFixed(0)} ms`);
}
