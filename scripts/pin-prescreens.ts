/**
 * Writes each pre-screen's pinned.json (rule-set version, hash of its detector sources, hash of its
 * frozen model or law library). Run after changing a pre-screen on purpose:
 *
 *   npm run pin:prescreens
 *
 * Stored pre-screen results carry the fingerprint, so results computed before and after the change
 * stay distinguishable. test/unit/pinning/pinned.test.ts fails while a manifest is stale.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { computePins } from './lib/pinning';

for (const { path, manifest } of computePins()) {
  writeFileSync(join(__dirname, '..', path), `${JSON.stringify(manifest, null, 1)}\n`);
  console.log(`${path}: ${manifest.ruleSetVersion} detectors ${manifest.detectorsHash.slice(0, 12)} model ${manifest.modelHash?.slice(0, 12) ?? '-'} laws ${manifest.lawsHash?.slice(0, 12) ?? '-'}`);
}
