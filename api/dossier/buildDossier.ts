import { sha256Hex, signOffSignatureValid, trailEntryView } from '../../domain/evidence';
import type { MatterState } from '../../domain/procedure';
import type { ApiDeps } from '../deps';
import { verifyMatterTrail } from '../matters/verifyMatterTrail';

/**
 * Everything an auditor needs about one matter, in one document: the texts' hashes, the full trail with
 * its verification, every signature with its verification, opinions, conclusions and meeting minutes.
 */
export async function buildDossier(deps: ApiDeps, matterId: string) {
  const prisma = deps.db.prisma;
  const matter = await prisma.matter.findUniqueOrThrow({ where: { id: matterId } });
  const [versions, trail, signOffs] = await Promise.all([
    prisma.matterVersion.findMany({ where: { matterId }, orderBy: { number: 'asc' } }),
    prisma.trailEntry.findMany({ where: { matterId }, orderBy: { seq: 'asc' } }),
    prisma.signOff.findMany({ where: { matterId }, orderBy: { signedAt: 'asc' } }),
  ]);
  const state = matter.state as unknown as MatterState;
  const byNumber = new Map(versions.map((v) => [v.number, v]));
  return {
    generatedAt: new Date().toISOString(),
    matter: { id: matter.id, title: matter.title, kind: matter.kind, flags: matter.flags, draftingUnit: matter.draftingUnit, stage: matter.stage, createdById: matter.createdById, createdAt: matter.createdAt.toISOString(), workflowId: matter.workflowId },
    versions: versions.map((v) => ({ number: v.number, sha256: v.sha256, textIntact: sha256Hex(v.text) === v.sha256, createdById: v.createdById, createdAt: v.createdAt.toISOString(), characters: v.text.length })),
    trail: trail.map(trailEntryView),
    trailVerification: await verifyMatterTrail(deps, matter, trail),
    signOffs: signOffs.map((s) => {
      const v = byNumber.get(s.versionNumber);
      return { id: s.id, lawyerId: s.lawyerId, versionNumber: s.versionNumber, versionHash: s.versionHash, outcome: s.outcome, opinionText: s.opinionText, signedAt: s.signedAt.toISOString(), signature: s.signature, publicKey: s.publicKey, void: s.voidedAt !== null, voidedByVersion: s.voidedByVersion, signatureValid: signOffSignatureValid(s, { number: s.versionNumber, sha256: v?.sha256 ?? s.versionHash }) };
    }),
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

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The printable page's only style block. The Content-Security-Policy allows exactly this text by its hash
 * (no 'unsafe-inline'), also when the web app opens the page from a blob: URL, which inherits the app's policy.
 */
export const DOSSIER_STYLE = 'body{font-family:"Noto Serif CJK SC",serif;margin:2em;max-width:60em}table{border-collapse:collapse;width:100%;font-size:.85em}td,th{border:1px solid #999;padding:.3em;vertical-align:top}code{font-size:.8em;word-break:break-all}@media print{a{color:inherit}}';

/** A printable dossier page (卷宗): timeline, opinions, signatures, hashes, meeting minutes. */
export function dossierHtml(d: Dossier): string {
  const verdict = d.trailVerification.valid ? '✔ 决策留痕完整（哈希链校验通过）' : `✘ 决策留痕校验失败：第 ${d.trailVerification.firstBadEntry?.seq} 条 — ${esc(d.trailVerification.firstBadEntry?.reason)}`;
  const meetings = d.meetings.records.map((m) => `
    <h3>会议记录 ${esc(m.heldAt)}（${esc(m.body)}）</h3>
    <p>出席：${esc(m.attendees.join('、'))}；缺席：${esc(m.absentees.join('、'))}；回避：${esc(m.recusals.map((r) => `${r.memberId}（${r.reason}）`).join('、') || '无')}</p>
    <ol>${m.views.map((v) => `<li>${esc(v.memberId)}${v.memberId === m.headId ? '（主持人，最后发表意见）' : ''}：${esc(v.view)} ${esc(v.comment ?? '')}</li>`).join('')}</ol>
    <p>决定：<b>${esc(m.outcome)}</b>${m.departureReason ? `；与多数意见不一致的理由：${esc(m.departureReason)}` : ''}</p>
    <p>不同意见：${esc(m.dissent.map((x) => `${x.memberId}：${x.view}${x.comment ? `（${x.comment}）` : ''}`).join('；') || '无')}</p>`).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>卷宗 ${esc(d.matter.title)}</title>
<style>${DOSSIER_STYLE}</style></head><body>
<h1>${esc(d.matter.title)}</h1>
<p>事项编号 <code>${esc(d.matter.id)}</code> · 类型 ${esc(d.matter.kind)} · 标记 ${esc(d.matter.flags.join(', ') || '—')} · 承办科室 ${esc(d.matter.draftingUnit)} · 当前阶段 <b>${esc(d.matter.stage)}</b> · 生成于 ${esc(d.generatedAt)}</p>
<p><b>${verdict}</b>（共 ${d.trailVerification.entries} 条）</p>
<h2>文本版本</h2><table><tr><th>版本</th><th>SHA-256</th><th>提交人</th><th>时间</th><th>文本完整</th></tr>
${d.versions.map((v) => `<tr><td>${v.number}</td><td><code>${v.sha256}</code></td><td>${esc(v.createdById)}</td><td>${esc(v.createdAt)}</td><td>${v.textIntact ? '✔' : '✘'}</td></tr>`).join('')}</table>
<h2>法律顾问签署意见</h2><table><tr><th>律师</th><th>版本</th><th>结论</th><th>意见</th><th>签署时间</th><th>签名</th><th>状态</th></tr>
${d.signOffs.map((s) => `<tr><td>${esc(s.lawyerId)}</td><td>${s.versionNumber}<br><code>${s.versionHash}</code></td><td>${esc(s.outcome)}</td><td>${esc(s.opinionText)}</td><td>${esc(s.signedAt)}</td><td>${s.signatureValid ? '✔ 验证通过' : '✘ 验证失败'}<br><code>${esc(s.signature)}</code></td><td>${s.void ? `作废（第${s.voidedByVersion}版）` : '有效'}</td></tr>`).join('')}</table>
<h2>合法性审核结论</h2><p>${d.legality.conclusion ? `${esc(d.legality.conclusion.outcome)}：${esc(d.legality.conclusion.text)}（版本 <code>${esc(d.legality.conclusion.versionHash)}</code>）` : '—'}</p>
<h2>公平竞争审查结论</h2><p>${d.fairCompetition.conclusion ? `${esc(d.fairCompetition.conclusion)}：${esc(d.fairCompetition.conclusionSummary)}` : '—'}</p>
<h2>集体讨论决定</h2>${meetings || '<p>—</p>'}
<h2>决策留痕</h2><table><tr><th>#</th><th>时间</th><th>人员/角色</th><th>操作</th><th>经过</th><th>理由</th><th>版本</th><th>哈希</th></tr>
${d.trail.map((t) => `<tr><td>${t.seq}</td><td>${esc(t.at)}</td><td>${esc(t.actorId)}<br>${esc(t.actorRole)}</td><td>${esc(t.action)}</td><td>${esc(t.summary ?? '')}</td><td>${esc(t.reason)}</td><td><code>${esc(t.versionHash?.slice(0, 12))}</code></td><td><code>${esc(t.hash)}</code></td></tr>`).join('')}</table>
</body></html>`;
}
