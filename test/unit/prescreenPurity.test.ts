/**
 * The pre-screens, the law library and the shared text code run inside activities, the API and
 * (for the rules they share) workflow code: any clock read, randomness or I/O would make results
 * depend on when and where they ran, and replays diverge. This scans every source file of the modules.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { computePins } from '../../scripts/lib/pinning';

const root = join(__dirname, '../..');
const domain = join(root, 'domain');
// Everything the two pre-screens import (their pinned sources), and the modules built for them.
const MODULES = ['fair-competition', 'legality', 'laws', 'pinning', 'evaluation'];
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
const files = new Set([...MODULES.flatMap((m) => walk(join(domain, m))), ...computePins().flatMap((p) => p.manifest.sources.map((f) => join(root, f)))]);
const sources = [...files]
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: relative(domain, f), text: readFileSync(f, 'utf8') }));

test('the scan covers the pre-screen sources', () => {
  // Other files may join the modules; these must be among the scanned ones.
  expect(sources.map((s) => s.file)).toEqual(expect.arrayContaining([
    'fair-competition/catalogue.ts',
    'fair-competition/context.ts',
    'fair-competition/detectors/market-entry.ts',
    'fair-competition/prescreen.ts',
    'fair-competition/statistical.ts',
    'fair-competition/eval/crossValidate.ts',
    'legality/prescreen.ts',
    'legality/context.ts',
    'legality/detectors/licence.ts',
    'legality/detectors/obligation.ts',
    'legality/support.ts',
    'legality/restatement.ts',
    'laws/library.ts',
    'laws/parseLaw.ts',
    'laws/references.ts',
    'text/segment.ts',
    'text/sentences.ts',
    'text/chineseNumber.ts',
    'pinning/fingerprint.ts',
    'evaluation/score.ts',
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
  [/from\s+['"](?!\.)/, 'a package import (the modules depend on nothing)'],
])('no source uses %s (%s)', (pattern) => {
  const offenders = sources.filter((s) => pattern.test(s.text)).map((s) => s.file);
  expect(offenders).toEqual([]);
});
