/**
 * The layers import downwards only: domain ← platform ← (activities, workflows, worker, api) ← app.
 * The composition root (app/) is the one place that knows every layer.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../../..');

function sources(dir: string): Array<{ file: string; imports: string[] }> {
  const out: Array<{ file: string; imports: string[] }> = [];
  const walk = (d: string): void => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.ts')) {
        const text = readFileSync(p, 'utf8');
        const imports = [...text.matchAll(/from\s+'(\.[^']+)'/g)].map((m) => relative(ROOT, join(d, m[1]!)));
        out.push({ file: relative(ROOT, p), imports });
      }
    }
  };
  walk(join(ROOT, dir));
  return out;
}

const forbidden: Array<[string, string[]]> = [
  ['domain', ['platform', 'activities', 'workflows', 'worker', 'api', 'app']],
  ['platform', ['activities', 'workflows', 'worker', 'api', 'app']],
  ['worker', ['api', 'app']],
  ['api', ['worker', 'app']],
];

test.each(forbidden)('%s/ imports nothing from %j', (layer, above) => {
  const offending = sources(layer).flatMap((s) => s.imports.filter((i) => above.some((a) => i === a || i.startsWith(`${a}/`))).map((i) => `${s.file} → ${i}`));
  expect(offending).toEqual([]);
});
