/**
 * Computes the pinned manifests of the two pre-screens from the files in the repository: which
 * sources make up each pre-screen (the files its entry module reaches by import), and the hashes of
 * those sources, of the frozen model and of the law library. Used by `npm run pin:prescreens` (writes) and a unit test (compares).
 */
import { createHash } from 'crypto';
import { existsSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative } from 'path';
import type { PinnedManifest } from '../../domain/pinning/fingerprint';

const root = join(__dirname, '../..');
const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

const IMPORT = /(?:import|export)\s[^;]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** The file a relative import names: x.ts, x/index.ts or x.json. */
function resolveImport(from: string, spec: string): string {
  const base = join(dirname(join(root, from)), spec);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(root, candidate).split('\\').join('/');
  }
  throw new Error(`pinning: ${from} imports ${spec}, which does not resolve`);
}

/**
 * Every source file the entry reaches through relative imports (code and the JSON rule sets it imports),
 * except the data hashed on its own (the frozen model, the law library) and the manifest itself: exactly
 * what decides the pre-screen's results.
 */
function closureOf(entry: string, hashedApart: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.ts')) continue;
    const text = readFileSync(join(root, file), 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const target = resolveImport(file, (m[1] ?? m[2])!);
      if (!hashedApart.includes(target) && !target.endsWith('pinned.json')) queue.push(target);
    }
  }
  return [...seen].sort();
}

function hashFiles(files: string[]): string {
  return sha256(files.map((f) => `${f}\n${sha256(readFileSync(join(root, f)))}\n`).join(''));
}

export interface PinnedFile {
  path: string;
  manifest: PinnedManifest;
}

export function computePins(): PinnedFile[] {
  const catalogue = JSON.parse(readFileSync(join(root, 'domain/fair-competition/rulesets/2024-08-01.json'), 'utf8')) as { version: string };
  const fcrModel = `domain/fair-competition/model/fallback-${catalogue.version}.json`;
  const fcrSources = closureOf('domain/fair-competition/index.ts', [fcrModel]);
  const legalitySources = closureOf('domain/legality/index.ts', ['domain/laws/library.json']);
  const library = JSON.parse(readFileSync(join(root, 'domain/laws/library.json'), 'utf8')) as { hash: string };
  const legalityRules = JSON.parse(readFileSync(join(root, 'domain/legality/ruleset.json'), 'utf8')) as { version: string };
  return [
    {
      path: 'domain/fair-competition/pinned.json',
      manifest: {
        about: 'Fingerprint of the fair-competition pre-screen, written by scripts/pin-prescreens.ts; do not edit.',
        ruleSetVersion: catalogue.version,
        detectorsHash: hashFiles(fcrSources),
        modelHash: sha256(readFileSync(join(root, fcrModel))),
        sources: [...fcrSources, fcrModel],
      },
    },
    {
      path: 'domain/legality/pinned.json',
      manifest: {
        about: 'Fingerprint of the legality pre-screen, written by scripts/pin-prescreens.ts; do not edit.',
        ruleSetVersion: legalityRules.version,
        detectorsHash: hashFiles(legalitySources),
        modelHash: null,
        lawsHash: library.hash,
        sources: legalitySources,
      },
    },
  ];
}
