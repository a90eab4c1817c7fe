/**
 * Computes the pinned manifests of the two pre-screens from the files in the repository: which
 * sources make up each pre-screen's detectors, and the hashes of those sources, of the frozen model
 * and of the law library. Used by `npm run pin:prescreens` (writes) and a unit test (compares).
 */
import { createHash } from 'crypto';
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import type { PinnedManifest } from '../../domain/pinning/fingerprint';

const root = join(__dirname, '../..');
const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

function walk(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : [p];
    })
    .map((p) => relative(root, p).split('\\').join('/'));
}

/** Sources hashed for a pre-screen: its module's code and data except evaluation, model and the manifest itself, plus shared text code. */
function sourcesOf(module: string, extra: string[]): string[] {
  const own = walk(join(root, module)).filter((f) => !f.includes('/eval/') && !f.includes('/model/') && !f.endsWith('pinned.json') && /\.(ts|json)$/.test(f));
  return [...own, ...extra.flatMap((d) => walk(join(root, d)).filter((f) => f.endsWith('.ts')))].sort();
}

function hashFiles(files: string[]): string {
  return sha256(files.map((f) => `${f}\n${sha256(readFileSync(join(root, f)))}\n`).join(''));
}

export interface PinnedFile {
  path: string;
  manifest: PinnedManifest;
}

export function computePins(): PinnedFile[] {
  const fcrSources = sourcesOf('domain/fair-competition', ['domain/text', 'domain/pinning']);
  const catalogue = JSON.parse(readFileSync(join(root, 'domain/fair-competition/rulesets/2024-08-01.json'), 'utf8')) as { version: string };
  const fcrModel = `domain/fair-competition/model/fallback-${catalogue.version}.json`;
  const legalitySources = sourcesOf('domain/legality', ['domain/text', 'domain/laws', 'domain/pinning']);
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
