/**
 * The 备案 package of a registered normative document, as one zip archive: the filing report, the document
 * as signed, the drafting explanation, the legality review opinion (the legal unit's), the lawyer's signed
 * opinion with its signature, the fair-competition conclusion, and a manifest with each file's SHA-256.
 */
import JSZip from 'jszip';
import { sha256Hex } from '../../domain/evidence/sha256';
import { parseMatterState } from '../../domain/procedure';
import { periodEnd } from '../../domain/procedure/time';
import { filingReportHtml } from '../../domain/lifecycle/filingReport';
import { notFound, ProblemError } from '../http/problem';
import type { ApiDeps } from '../deps';
import { fcrDocumentRowId } from '../../activities/fcrConclusion';

export async function filingPackage(deps: ApiDeps, documentId: string): Promise<{ fileName: string; zip: Buffer; files: string[] }> {
  const doc = await deps.db.prisma.registerDocument.findUnique({ where: { id: documentId } });
  if (!doc) throw notFound('Register document');
  if (doc.kind !== 'normative_document') throw new ProblemError(422, 'Not filed', { detail: 'only normative documents are filed (备案)', code: 'NOT_A_NORMATIVE_DOCUMENT' });
  const matter = await deps.db.prisma.matter.findUnique({ where: { id: doc.matterId } });
  if (!matter || matter.state === null) throw notFound('Matter');
  const s = parseMatterState(matter.state, matter.id);
  const signing = s.postDecision.signing;
  const version = await deps.db.prisma.matterVersion.findFirst({ where: { matterId: matter.id, sha256: doc.versionHash }, orderBy: { number: 'desc' } });
  const opinions = await deps.db.prisma.opinionDocument.findMany({ where: { matterId: matter.id, versionHash: doc.versionHash }, orderBy: { createdAt: 'desc' } });
  const lawyerOpinion = opinions.find((o) => o.kind === 'lawyer_opinion') ?? null;
  const unitOpinion = opinions.find((o) => o.kind === 'legal_unit_opinion') ?? null;
  const signOff = lawyerOpinion?.signOffId ? await deps.db.prisma.signOff.findUnique({ where: { id: lawyerOpinion.signOffId } }) : null;
  const fcrDocId = s.fairCompetition.documentId ?? null;
  // Stored under its id within the matter (fcrDocumentRowId): looked up by the bare id it was never found.
  const fcr = fcrDocId ? await deps.db.prisma.fcrConclusionDocument.findFirst({ where: { id: fcrDocumentRowId(matter.id, fcrDocId), matterId: matter.id } }) : null;

  const files: Array<[string, string]> = [];
  if (version) files.push([`02-文件正文-${doc.number}.txt`, version.text]);
  const explanation = s.research.draftingExplanation;
  if (explanation) files.push(['03-起草说明.txt', `${explanation.summary}\n\n（起草说明文档编号：${explanation.documentId}）\n`]);
  if (unitOpinion) files.push(['04-合法性审核意见.html', unitOpinion.html]);
  if (lawyerOpinion) files.push(['05-法律顾问法律意见书.html', lawyerOpinion.html]);
  if (signOff) files.push(['05-法律顾问签名.json', JSON.stringify({ signOffId: signOff.id, lawyerId: signOff.lawyerId, versionHash: signOff.versionHash, signedAt: signOff.signedAt.toISOString(), payload: signOff.payload, signature: signOff.signature, publicKey: signOff.publicKey }, null, 2)]);
  if (fcr) files.push(['06-公平竞争审查结论.txt', fcr.text]);

  const publication = s.postDecision.publication;
  const filingDueAt = publication ? periodEnd(publication.at, deps.procedureConfig.kinds.normative_document.filingDeadline, [], await deps.calendars.calendar()) : null;
  const filing = s.postDecision.filing;
  const report = filingReportHtml({
    number: doc.number,
    title: doc.title,
    draftingUnit: doc.draftingUnit,
    signedAt: doc.signedAt.toISOString(),
    signedBy: signing?.signedBy ?? '',
    publishedAt: publication?.at ?? null,
    publicationChannel: publication?.channel ?? null,
    effectiveAt: doc.effectiveAt?.toISOString() ?? null,
    expiresAt: doc.expiresAt?.toISOString() ?? null,
    earlyEffectReason: signing?.earlyEffectReason ?? doc.earlyEffectReason,
    retroactiveReason: signing?.retroactiveReason ?? null,
    legalityOutcome: s.legality.conclusion?.outcome ?? null,
    fcrConclusion: s.fairCompetition.conclusion ?? null,
    filingDueAt,
    filing: filing ? { authority: filing.authority, receipt: filing.reference, at: filing.at } : null,
    attachments: files.map(([name]) => name),
  });
  files.unshift(['01-备案报告.html', report]);

  const zip = new JSZip();
  for (const [name, content] of files) zip.file(name, content, { date: doc.signedAt });
  zip.file('manifest.json', JSON.stringify({ documentId: doc.id, number: doc.number, versionHash: doc.versionHash, files: files.map(([name, content]) => ({ name, sha256: sha256Hex(content) })) }, null, 2), { date: doc.signedAt });
  const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { fileName: `备案-${doc.number}.zip`, zip: buffer, files: [...files.map(([n]) => n), 'manifest.json'] };
}
