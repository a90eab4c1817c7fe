import { sha256Hex, signOffSignatureValid, trailEntryView } from '../../domain/evidence';
import { legalityPrescreenOf, parseMatterState } from '../../domain/procedure';
import type { ApiDeps } from '../deps';
import { verifyMatterTrail } from '../matters/verifyMatterTrail';

/**
 * Everything an auditor needs about one matter, in one document: the texts' hashes, the full trail with
 * its verification, every signature with its verification, opinions, conclusions and meeting minutes.
 */
export async function buildDossier(deps: ApiDeps, matterId: string) {
  const prisma = deps.db.prisma;
  const matter = await prisma.matter.findUniqueOrThrow({ where: { id: matterId } });
  const [versions, trail, signOffs, people, section, legalityFindings, prescreenRuns, opinionDocuments] = await Promise.all([
    prisma.matterVersion.findMany({ where: { matterId }, orderBy: { number: 'asc' } }),
    prisma.trailEntry.findMany({ where: { matterId }, orderBy: { seq: 'asc' } }),
    prisma.signOff.findMany({ where: { matterId }, orderBy: { signedAt: 'asc' } }),
    // Names for everyone a matter may mention (the bureau's directory is small); ids stay in the JSON.
    prisma.user.findMany({ select: { id: true, displayName: true } }),
    prisma.section.findUnique({ where: { id: matter.draftingUnit }, select: { name: true } }),
    prisma.legalityFinding.findMany({ where: { matterId }, orderBy: [{ versionNumber: 'asc' }, { registerRevision: 'asc' }, { start: 'asc' }] }),
    prisma.prescreenRun.findMany({ where: { matterId }, orderBy: [{ versionNumber: 'asc' }, { kind: 'asc' }] }),
    prisma.opinionDocument.findMany({ where: { matterId }, orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, signOffId: true, versionHash: true, createdById: true, createdAt: true } }),
  ]);
  const state = parseMatterState(matter.state, matter.id);
  const lp = legalityPrescreenOf(state);
  const answers = new Map(lp.findings.map((f) => [f.id, f]));
  const byNumber = new Map(versions.map((v) => [v.number, v]));
  return {
    generatedAt: new Date().toISOString(),
    names: Object.fromEntries(people.map((u) => [u.id, u.displayName])) as Record<string, string>,
    sectionName: section?.name ?? matter.draftingUnit,
    matter: { id: matter.id, title: matter.title, kind: matter.kind, flags: matter.flags, draftingUnit: matter.draftingUnit, stage: matter.stage, createdById: matter.createdById, createdAt: matter.createdAt.toISOString(), workflowId: matter.workflowId },
    versions: versions.map((v) => ({ number: v.number, sha256: v.sha256, textIntact: sha256Hex(v.text) === v.sha256, createdById: v.createdById, createdAt: v.createdAt.toISOString(), characters: v.text.length })),
    trail: trail.map(trailEntryView),
    trailVerification: await verifyMatterTrail(deps, matter, trail),
    signOffs: signOffs.map((s) => {
      const v = byNumber.get(s.versionNumber);
      return { id: s.id, lawyerId: s.lawyerId, versionNumber: s.versionNumber, versionHash: s.versionHash, outcome: s.outcome, opinionText: s.opinionText, signedAt: s.signedAt.toISOString(), signature: s.signature, publicKey: s.publicKey, void: s.voidedAt !== null, voidedByVersion: s.voidedByVersion, signatureValid: signOffSignatureValid(s, { number: s.versionNumber, sha256: v?.sha256 ?? s.versionHash }) };
    }),
    /** The automated legality pre-screen of each version with the lawyer's answers, the register, and each run's fingerprint. */
    legalityPrescreen: {
      register: lp.register,
      findings: legalityFindings.map((f) => {
        const a = answers.get(f.id);
        return { id: f.id, versionNumber: f.versionNumber, registerRevision: f.registerRevision, clause: f.clause, code: f.code, excerpt: f.excerpt, basis: f.basis, status: a?.status ?? 'open', amendment: a?.amendment, reason: a?.reason, answeredBy: a?.answeredBy };
      }),
      runs: prescreenRuns.map((r) => ({ kind: r.kind, versionNumber: r.versionNumber, registerRevision: r.registerRevision, findings: r.findings, fingerprint: r.fingerprint, at: r.createdAt.toISOString() })),
    },
    opinionDocuments: opinionDocuments.map((d) => ({ ...d, createdAt: d.createdAt.toISOString() })),
    research: state.research,
    fairCompetition: state.fairCompetition,
    legality: state.legality,
    meetings: state.meeting,
    decision: state.decision,
    postDecision: state.postDecision,
    returns: state.returns,
    closure: state.closure,
  };
}

export type Dossier = Awaited<ReturnType<typeof buildDossier>>;

/**
 * One CSV cell. A spreadsheet runs a cell that starts with = + - @ (or a tab or CR before them) as a
 * formula — `=HYPERLINK(…)` in a trail reason would run on the auditor's machine — so such a cell is
 * prefixed with an apostrophe (OWASP's advice), which spreadsheets show as text and do not evaluate.
 */
export const csvCell = (v: unknown) => {
  let s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The trail as CSV (one row per entry), for spreadsheets and archives. */
export function dossierCsv(d: Dossier): string {
  const cols = ['seq', 'at', 'actorId', 'actorRole', 'action', 'summary', 'reason', 'versionHash', 'before', 'after', 'requestId', 'origin', 'workflowId', 'runId', 'prevHash', 'hash'] as const;
  const rows = d.trail.map((t) => cols.map((c) => csvCell((t as Record<string, unknown>)[c])).join(','));
  return `\uFEFF${cols.join(',')}\r\n${rows.join('\r\n')}\r\n`;
}
