/**
 * What a stored pre-screen result was computed with. The same text screened under the same
 * fingerprint always gives the same findings (the pre-screens are pure), so a stored result can be
 * reproduced and compared, and a change in rules, detectors, model or law texts is visible.
 *
 * The hashes come from the pre-screen's `pinned.json`, written by `npm run pin:prescreens`; a unit
 * test fails while a source file, model or law text differs from what the manifest pins.
 */
export interface Fingerprint {
  /** the rule set screened against (fair competition: the 19-standard catalogue's version) */
  ruleSetVersion: string;
  /** SHA-256 over the source files of the detectors, context reading and segmentation */
  detectorsHash: string;
  /** SHA-256 of the frozen statistical model, or null for a pre-screen without one */
  modelHash: string | null;
  /** SHA-256 of the law library the pre-screen resolves citations against, when it reads one */
  lawsHash?: string;
}

/** A pinned manifest as written by the pinning script. */
export interface PinnedManifest {
  about: string;
  ruleSetVersion: string;
  detectorsHash: string;
  modelHash: string | null;
  lawsHash?: string;
  /** the files the detectors hash covers, relative to the repository root */
  sources: string[];
}

export function fingerprintOf(m: PinnedManifest): Fingerprint {
  const f: Fingerprint = { ruleSetVersion: m.ruleSetVersion, detectorsHash: m.detectorsHash, modelHash: m.modelHash };
  if (m.lawsHash !== undefined) f.lawsHash = m.lawsHash;
  return f;
}

/** Short printable form, e.g. '2024-08-01·d3f2a1c4b5e6·m9a8b7c6d5e4'. */
export function fingerprintLabel(f: Fingerprint): string {
  return [f.ruleSetVersion, `d${f.detectorsHash.slice(0, 12)}`, f.modelHash ? `m${f.modelHash.slice(0, 12)}` : null, f.lawsHash ? `l${f.lawsHash.slice(0, 12)}` : null]
    .filter((p) => p !== null)
    .join('·');
}
