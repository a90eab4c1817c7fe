/**
 * Pinned results (issue 10): each pre-screen's fingerprint names exactly the detector sources,
 * frozen model and law library it runs with. Changing any of them without re-pinning fails here,
 * so a stored result's fingerprint always says what produced it.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { computePins } from '../../../scripts/lib/pinning';
import { PRESCREEN_FINGERPRINT, prescreen } from '../../../domain/fair-competition/prescreen';
import { LEGALITY_FINGERPRINT, legalityPrescreen } from '../../../domain/legality';
import { fingerprintLabel } from '../../../domain/pinning/fingerprint';

const root = join(__dirname, '../../..');

describe.each(computePins())('$path', ({ path, manifest }) => {
  it('is up to date with the sources, model and law texts (else: npm run pin:prescreens)', () => {
    const committed = JSON.parse(readFileSync(join(root, path), 'utf8'));
    expect(committed).toEqual(manifest);
  });
});

describe('fingerprints on results', () => {
  it('every fair-competition result carries the pinned fingerprint, with the model hash', () => {
    const r = prescreen('第一条 在本区注册的企业方可申请补贴。');
    expect(r.fingerprint).toEqual(PRESCREEN_FINGERPRINT);
    expect(r.fingerprint!.modelHash).toMatch(/^[0-9a-f]{64}$/);
    expect(r.fingerprint!.detectorsHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('every legality result carries its fingerprint, with the law library hash', () => {
    const r = legalityPrescreen('第一条 经营者须缴纳保证金五万元。');
    expect(r.fingerprint).toEqual(LEGALITY_FINGERPRINT);
    expect(r.fingerprint.lawsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(r.fingerprint.modelHash).toBeNull();
  });

  it('prints a short label naming every part', () => {
    expect(fingerprintLabel(PRESCREEN_FINGERPRINT)).toMatch(/^2024-08-01·d[0-9a-f]{12}·m[0-9a-f]{12}$/);
    expect(fingerprintLabel(LEGALITY_FINGERPRINT)).toMatch(/^LR-2026\.1·d[0-9a-f]{12}·l[0-9a-f]{12}$/);
  });
});
