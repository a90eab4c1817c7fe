/**
 * The legality pre-screen in the procedure: which run is current (the latest on the current version, with
 * the register as it stood), the findings the lawyer still has to answer, and adopting a run. The
 * screening itself is pure domain code elsewhere (domain/legality); this module keeps the record.
 */
import { currentHash } from './state';
import type { LegalityFindingRef, LegalityPrescreenRun, LegalityPrescreenState, MatterState } from './types';

export function legalityPrescreenOf(s: MatterState): LegalityPrescreenState {
  return s.legalityPrescreen ?? { runs: [], findings: [], register: null };
}

/** The register's revision the next screening uses (0: no register yet). */
export function registerRevision(s: MatterState): number {
  return legalityPrescreenOf(s).register?.revision ?? 0;
}

/** The latest run on the current version, if the current version has been screened. */
export function currentLegalityRun(s: MatterState): LegalityPrescreenRun | undefined {
  const hash = currentHash(s);
  const runs = legalityPrescreenOf(s).runs.filter((r) => r.versionHash === hash);
  return runs[runs.length - 1];
}

/** Whether the current version has been screened with the register as it stands now. */
export function legalityScreenCurrent(s: MatterState): boolean {
  const run = currentLegalityRun(s);
  return run !== undefined && run.registerRevision === registerRevision(s);
}

/** Findings of the current run: what the lawyer answers for the text under review. */
export function currentLegalityFindings(s: MatterState): LegalityFindingRef[] {
  const run = currentLegalityRun(s);
  if (!run) return [];
  return legalityPrescreenOf(s).findings.filter((f) => f.versionHash === run.versionHash && f.registerRevision === run.registerRevision);
}

export function openLegalityFindings(s: MatterState): number {
  return currentLegalityFindings(s).filter((f) => f.status === 'open').length;
}

/**
 * A run of the legality pre-screen on a version joins the record; findings of earlier runs stay, answered
 * or not, for the trail. Applied once, in the activity that stores the run; the workflow adopts the result.
 */
export function applyLegalityPrescreen(
  state: MatterState,
  run: { versionHash: string; registerRevision: number; ruleSetVersion: string; findings: Array<{ id: string; code: string; clause?: string }>; at: string },
): MatterState {
  const s: MatterState = JSON.parse(JSON.stringify(state)) as MatterState;
  const lp = legalityPrescreenOf(s);
  const known = new Set(lp.findings.map((f) => f.id));
  lp.findings = [
    ...lp.findings,
    ...run.findings
      .filter((f) => !known.has(f.id))
      .map((f) => ({ id: f.id, code: f.code, versionHash: run.versionHash, registerRevision: run.registerRevision, ...(f.clause ? { clause: f.clause } : {}), status: 'open' as const })),
  ];
  lp.runs = [...lp.runs, { versionHash: run.versionHash, registerRevision: run.registerRevision, ruleSetVersion: run.ruleSetVersion, findings: run.findings.length, at: run.at }];
  s.legalityPrescreen = lp;
  return s;
}
