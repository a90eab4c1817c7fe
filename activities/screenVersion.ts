import type { ActivityDatabase } from './types';
import { prescreen, type PrescreenResult } from '../domain/fair-competition';
import { legalityPrescreen } from '../domain/legality';
import { fingerprintLabel, type Fingerprint } from '../domain/pinning/fingerprint';
import { applyLegalityPrescreen, applyPrescreen, stateChanges, warningCodes, type BasisRegisterEntry, type MatterState, type StateChanges } from '../domain/procedure';
import { readStoredState } from './storedState';
import { appendTrailEntry, type TrailHead } from './trail/appendEntry';
import { storeOnce } from './trail/storeOnce';
import { FCR_FINDING_COLUMNS, insertRows, LEGALITY_FINDING_COLUMNS, PRESCREEN_RUN_COLUMNS } from './sqlRows';

export interface ScreenRequest {
  matterId: string;
  /**
   * The state before the screening, from earlier workflow code (and from a run that does not know what is
   * stored): the outcome then carries the whole state after. Without it the stored state is screened, and
   * the outcome carries what the screening changed in it.
   */
  state?: MatterState;
  versionNumber: number;
  versionHash: string;
  /** Whether the fair-competition pre-screen still has to run on this version. */
  fairCompetition: boolean;
  /** The register revision to screen with, when the legality pre-screen still has to run (null: it has). */
  legality: { registerRevision: number; register: BasisRegisterEntry[] } | null;
  workflowId: string;
  runId: string;
  at: string;
}

/**
 * The fair-competition findings of a version as stored rows. Ids derive from the matter, the version and the
 * place in the text: a retry produces the same ones.
 */
export function fcrFindingRows(r: VersionRef, result: PrescreenResult): FindingRow[] {
  return result.findings.map((f, i) => ({ id: `${r.matterId}:v${r.versionNumber}:${i + 1}`, ...findingRow(r, result.ruleSetVersion, f) }));
}

interface VersionRef {
  matterId: string;
  versionNumber: number;
  versionHash: string;
}

/** A stored finding of either pre-screen: the version screened, the rule set, and the finding's place and text. */
export interface FindingRow {
  id: string;
  matterId: string;
  versionNumber: number;
  versionHash: string;
  ruleSetVersion: string;
  code: string;
  start: number;
  end: number;
  excerpt: string;
  explanation: string;
  confidence: string;
  clause: string | null;
}

function findingRow(r: VersionRef, ruleSetVersion: string, f: { code: string; start: number; end: number; excerpt: string; explanation: string; confidence: string; clause?: string | null }): Omit<FindingRow, 'id'> {
  return {
    matterId: r.matterId,
    versionNumber: r.versionNumber,
    versionHash: r.versionHash,
    ruleSetVersion,
    code: f.code,
    start: f.start,
    end: f.end,
    excerpt: f.excerpt,
    explanation: f.explanation,
    confidence: f.confidence,
    clause: f.clause ?? null,
  };
}

/**
 * The state after both pre-screens as stored in the projection, which the workflow adopts: whole (for a
 * request with the state, and for a retry of one stored before), or what the screening changed in the
 * stored state the request named none of.
 */
export type ScreenOutcome = { state: MatterState; trail: TrailHead } | { changes: StateChanges; trail: TrailHead };

/** The trail entry's key: one screening per version and register revision. */
export const screenActionKey = (r: { versionNumber: number; legality: { registerRevision: number } | null }): string =>
  `screen:v${r.versionNumber}${r.legality ? `:r${r.legality.registerRevision}` : ''}`;

/**
 * Runs the automated pre-screens on a stored version — fair competition (on every matter, ECON or not) and
 * legality (with the clause-level legal-basis register) — and stores in ONE transaction their findings,
 * one run per pre-screen with the fingerprint that produced it, the matter's projection (written once, with
 * both results applied) and one trail entry by the system. The domain's rules are applied here, once; the
 * workflow adopts the state returned. Idempotent by (matter, version, register revision): a retry computes
 * the same result and returns it with the trail entry the first attempt stored.
 */
export async function screenVersion(db: ActivityDatabase, r: ScreenRequest): Promise<ScreenOutcome> {
  const actionKey = screenActionKey(r);
  // Through the driver, as every write below: Prisma compiled each of these queries anew on every call.
  const [version] = await db.query<{ sha256: string; text: string }>('SELECT sha256, text FROM matter_version WHERE matter_id = $1 AND number = $2', [r.matterId, r.versionNumber]);
  if (!version) throw new Error(`version ${r.versionNumber} of ${r.matterId} is not stored`);
  if (version.sha256 !== r.versionHash) throw new Error(`version ${r.versionNumber} of ${r.matterId} is not ${r.versionHash}`);

  const runs: Array<ReturnType<typeof run>> = [];
  const trailAfter: Record<string, unknown> = {};
  const run = (kind: string, fingerprint: Fingerprint, findings: number, registerRevision = 0) => ({
    id: `${r.matterId}:v${r.versionNumber}:${kind}:r${registerRevision}`,
    matterId: r.matterId,
    kind,
    versionNumber: r.versionNumber,
    versionHash: r.versionHash,
    registerRevision,
    fingerprint,
    findings,
    createdAt: r.at,
  });
  // What each pre-screen does to the state, applied below to the state it screens.
  const applied: Array<(state: MatterState) => MatterState> = [];

  let fcrRows: FindingRow[] = [];
  if (r.fairCompetition) {
    const result = prescreen(version.text);
    fcrRows = fcrFindingRows(r, result);
    const findings = fcrRows.map((f) => ({ id: f.id, code: f.code }));
    applied.push((state) => applyPrescreen(state, { versionHash: r.versionHash, ruleSetVersion: result.ruleSetVersion, findings, at: r.at }));
    runs.push(run('fair_competition', result.fingerprint!, fcrRows.length));
    trailAfter.fairCompetition = { fingerprint: fingerprintLabel(result.fingerprint!), findings: fcrRows.map((f) => ({ id: f.id, code: f.code, start: f.start, end: f.end })) };
  }

  let legalityRows: Array<FindingRow & { registerRevision: number; basis: string; basisText: string }> = [];
  if (r.legality) {
    const rev = r.legality.registerRevision;
    const result = legalityPrescreen(version.text, { register: r.legality.register });
    legalityRows = result.findings.map((f, i) => ({
      id: `${r.matterId}:v${r.versionNumber}:r${rev}:L${i + 1}`,
      ...findingRow(r, result.ruleSetVersion, f),
      registerRevision: rev,
      basis: f.basis,
      basisText: f.basisText,
    }));
    const findings = legalityRows.map((f) => ({ id: f.id, code: f.code, ...(f.clause ? { clause: f.clause } : {}) }));
    applied.push((state) => applyLegalityPrescreen(state, { versionHash: r.versionHash, registerRevision: rev, ruleSetVersion: result.ruleSetVersion, findings, at: r.at }));
    runs.push(run('legality', result.fingerprint, legalityRows.length, rev));
    trailAfter.legality = { registerRevision: rev, fingerprint: fingerprintLabel(result.fingerprint), findings: legalityRows.map((f) => ({ id: f.id, code: f.code, clause: f.clause, start: f.start, end: f.end })) };
  }
  const screened = (state: MatterState) => applied.reduce((s, apply) => apply(s), state);

  // The pre-screens are pure and pinned: a retry computes the same findings, ids and state, and finds
  // them stored (or, racing the first attempt, answers from what it stored).
  const parts = [r.fairCompetition ? `公平竞争 ${fcrRows.length} 项` : null, r.legality ? `合法性 ${legalityRows.length} 项` : null].filter(Boolean);
  return storeOnce(db, { matterId: r.matterId, actionKey }, () => db.transaction(async (sql): Promise<ScreenOutcome> => {
    const before = r.state ?? (await readStoredState(sql, r.matterId, { lock: true }));
    const state = screened(before);
    await insertRows(sql, 'fcr_finding', FCR_FINDING_COLUMNS, fcrRows, { createdAtNow: true });
    await insertRows(sql, 'legality_finding', LEGALITY_FINDING_COLUMNS, legalityRows, { createdAtNow: true });
    await insertRows(sql, 'prescreen_run', PRESCREEN_RUN_COLUMNS, runs);
    // The projection goes in the same UPDATE as the trail head.
    const trail = await appendTrailEntry(sql, {
      matterId: r.matterId,
      actionKey,
      actorId: 'system',
      actorRole: 'system',
      action: 'prescreen',
      summary: `自动预审第${r.versionNumber}版：${parts.join('，')}提示`,
      reason: `自动预审第${r.versionNumber}版：${parts.join('，')}提示`,
      after: trailAfter,
      versionHash: r.versionHash,
      workflowId: r.workflowId,
      runId: r.runId,
      at: r.at,
    }, { state, warnings: warningCodes(state) });
    return r.state ? { state, trail } : { changes: stateChanges(before, state), trail };
  }), async (trail) => ({ state: r.state ? screened(r.state) : await readStoredState(db, r.matterId), trail }));
}
