/**
 * The calendar is imported by workflow code, which Temporal replays in a sandbox: any clock read,
 * randomness or I/O would make replays diverge. This scans the sources for the usual culprits.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(__dirname, '../../../domain/calendar');
const sources = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8') }));

test('the module has the expected files', () => {
  expect(sources.map((s) => s.file).sort()).toEqual(
    ['chinaTime.ts', 'deadline.ts', 'holidayCalendar.ts', 'index.ts', 'isoDate.ts', 'parseHolidayYear.ts', 'workingDays.ts'],
  );
});

test.each([
  [/Date\.now\s*\(/, 'Date.now()'],
  [/new Date\s*\(\s*\)/, 'new Date() without arguments'],
  [/Math\.random/, 'Math.random'],
  [/\bprocess\./, 'process'],
  [/\brequire\s*\(/, 'require()'],
  [/from\s+['"](node:)?(fs|path|crypto|os|child_process|http|https|net)['"]/, 'a node built-in'],
  [/from\s+['"](?!\.)/, 'a package import (the calendar depends on nothing)'],
  [/\.getTimezoneOffset|\.get(FullYear|Month|Date|Day|Hours)\s*\(|\.toLocale/, 'host-local time'],
])('no source uses %s (%s)', (pattern) => {
  const offenders = sources.filter((s) => pattern.test(s.text)).map((s) => s.file);
  expect(offenders).toEqual([]);
});
