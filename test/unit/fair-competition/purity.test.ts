/**
 * The pre-screen runs inside Temporal workflow code and in the API: any clock read, randomness or
 * I/O would make workflow replays diverge. This scans every source file of the module.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '../../../domain/fair-competition');
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
const sources = walk(root)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: relative(root, f), text: readFileSync(f, 'utf8') }));

test('the scan covers the pre-screen sources', () => {
  // Other files may join the module; these must be among the scanned ones.
  expect(sources.map((s) => s.file)).toEqual(expect.arrayContaining([
    'catalogue.ts',
    'context.ts',
    'detectors/conduct.ts',
    'detectors/costs.ts',
    'detectors/free-flow.ts',
    'detectors/index.ts',
    'detectors/market-entry.ts',
    'detectors/types.ts',
    'eval/score.ts',
    'explain.ts',
    'index.ts',
    'lexicon.ts',
    'prescreen.ts',
    'segment.ts',
    'sentences.ts',
    'statistical.ts',
    'eval/crossValidate.ts',
  ]));
});

test.each([
  [/Date\.now\s*\(/, 'Date.now()'],
  [/new Date\s*\(/, 'new Date()'],
  [/Math\.random/, 'Math.random'],
  [/performance\.now/, 'performance.now'],
  [/\bprocess\./, 'process'],
  [/\brequire\s*\(/, 'require()'],
  [/from\s+['"](node:)?(fs|path|crypto|os|child_process|http|https|net|perf_hooks)['"]/, 'a node built-in'],
  [/from\s+['"](?!\.)/, 'a package import (the module depends on nothing)'],
])('no source uses %s (%s)', (pattern) => {
  const offenders = sources.filter((s) => pattern.test(s.text)).map((s) => s.file);
  expect(offenders).toEqual([]);
});
