/**
 * The calendar is imported by workflow code, which Temporal replays in a sandbox: any clock read,
 * randomness or I/O would make replays diverge. This scans the sources for the usual culprits, and the
 * one library they use (tyme4ts, for lunar dates and solar terms) in the very files that get bundled.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const dir = join(__dirname, '../../../domain/calendar');
const sources = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8') }));

test('the module has the expected files', () => {
  expect(sources.map((s) => s.file).sort()).toEqual(
    ['chinaTime.ts', 'deadline.ts', 'holidayCalendar.ts', 'index.ts', 'isoDate.ts', 'lunarDates.ts', 'parseHolidayYear.ts', 'provisionalYear.ts', 'workingDays.ts'],
  );
});

test.each([
  [/Date\.now\s*\(/, 'Date.now()'],
  [/new Date\s*\(\s*\)/, 'new Date() without arguments'],
  [/Math\.random/, 'Math.random'],
  [/\bprocess\./, 'process'],
  [/\brequire\s*\(/, 'require()'],
  [/from\s+['"](node:)?(fs|path|crypto|os|child_process|http|https|net)['"]/, 'a node built-in'],
  [/from\s+['"](?!\.|tyme4ts['"])/, 'a package import other than tyme4ts'],
  [/\.getTimezoneOffset|\.get(FullYear|Month|Date|Day|Hours)\s*\(|\.toLocale|\bIntl\./, 'host-local time or locale'],
])('no source uses %s (%s)', (pattern) => {
  // lunarDates.ts calls the library's own getMonth()/getDay() (of a SolarDay, not of a Date).
  const offenders = sources.filter((s) => pattern.test(s.file === 'lunarDates.ts' ? s.text.replace(/day\.get(Month|Day)\(\)/g, '') : s.text)).map((s) => s.file);
  expect(offenders).toEqual([]);
});

test('only lunarDates.ts imports the lunar library', () => {
  expect(sources.filter((s) => /from\s+['"]tyme4ts['"]/.test(s.text)).map((s) => s.file)).toEqual(['lunarDates.ts']);
});

describe('the lunar library reads no clock, locale, time zone or randomness', () => {
  // The package's exports hide package.json; its main entry lies in dist/lib/.
  const pkgDir = join(dirname(require.resolve('tyme4ts')), '../..');
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string; dependencies?: object; exports: Record<string, Record<string, string>> };
  // Both builds: jest and tsx load the CommonJS one, the workflow bundler (webpack) the ES module one.
  const builds = [pkg.exports['.']!['require']!, pkg.exports['.']!['import']!].map((f) => ({ file: f, text: readFileSync(join(pkgDir, f), 'utf8') }));

  test('the pinned version, with no dependencies of its own', () => {
    expect(pkg.version).toBe('1.5.2');
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  test.each([
    [/\bDate\b/, 'Date (now, constructor or parsing)'],
    [/Math\.random/, 'Math.random'],
    [/\bIntl\b|toLocale/, 'locale'],
    [/\bprocess\b|\bglobalThis\b|\bwindow\b/, 'the host environment'],
    [/\brequire\s*\(|\bimport\s*\(|^import\s/m, 'other modules'],
    [/setTimeout|setInterval|performance\./, 'timers'],
  ])('no %s in its builds (%s)', (pattern) => {
    expect(builds.filter((b) => pattern.test(b.text)).map((b) => b.file)).toEqual([]);
  });
});
