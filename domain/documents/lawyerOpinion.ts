/**
 * The retained lawyer's 合法性审核意见书, generated from the review record at sign-off: the matter, the
 * version and its SHA-256, the checklist answers, the pre-screen findings with the lawyer's answers and the
 * amendments proposed clause by clause, the outcome and opinion, the lawyer and the firm, and the
 * signature with how to verify it. Printable HTML in the dossier's style; stored with the sign-off.
 */
import { ALL_CHECKLIST_LABELS, KIND_LABELS, LEGALITY_OUTCOME_LABELS } from '../procedure';
import type { LawyerOpinionRecord } from './opinionRecord';
import { findingsTable, registerTable } from './reviewTables';
import { escapeHtml as esc, PRINT_STYLE } from './printStyle';

const RESULT = { pass: '符合', issue: '存在问题', not_applicable: '不适用' } as const;
export function lawyerOpinionHtml(r: LawyerOpinionRecord): string {
  const amendments = r.findings.filter((f) => f.status === 'confirmed');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>合法性审核意见书 ${esc(r.matter.title)}</title>
<style>${PRINT_STYLE}</style></head><body>
<h1>合法性审核意见书</h1>
<p>事项：<b>${esc(r.matter.title)}</b>（${esc(KIND_LABELS[r.matter.kind] ?? r.matter.kind)}）· 事项编号 <code>${esc(r.matter.id)}</code> · 起草单位 ${esc(r.matter.draftingUnit)}</p>
<p>审核文本：第 ${r.version.number} 版，SHA-256 <code>${esc(r.version.sha256)}</code>（本意见仅对该文本有效，文本改动后自动失效）</p>
<h2>一、审核结论</h2>
<p><b>${esc(LEGALITY_OUTCOME_LABELS[r.outcome])}</b></p>
<p>${esc(r.opinionText)}</p>
<h2>二、逐项审核</h2>
<table><tr><th>审核事项</th><th>结论</th><th>说明</th></tr>
${r.checklist.map((c) => `<tr><td>${esc(ALL_CHECKLIST_LABELS[c.code])}<br><code>${esc(c.code)}</code></td><td>${RESULT[c.result]}</td><td>${esc(c.note ?? '')}</td></tr>`).join('')}</table>
<h2>三、自动预审问题的答复</h2>
${findingsTable(r.findings)}
<h2>四、逐条修改意见</h2>
${amendments.length === 0 ? '<p>无。</p>' : `<ol>${amendments.map((f) => `<li>${esc(f.clause ?? '—')}：${esc(f.amendment)}</li>`).join('')}</ol>`}
<h2>五、条款合法性依据登记</h2>
${registerTable(r.register)}
<h2>六、签署</h2>
<p>法律顾问：${esc(r.lawyer.name)}（${esc(r.lawyer.firm)}）· 签署时间 ${esc(r.signOff.signedAt)}</p>
<p>电子签名（Ed25519，签署内容为规范化 JSON，其 SHA-256 为 <code>${esc(r.signOff.payloadSha256)}</code>）：<br><code>${esc(r.signOff.signature)}</code></p>
<p>公钥：<br><code>${esc(r.signOff.publicKey)}</code></p>
<p>如何验证：在系统中打开 <code>${esc(r.signOff.verifyPath)}</code>，系统用上述公钥重新校验签名，并核对所签版本的文本哈希；也可用任何 Ed25519 工具对签署内容与公钥自行校验。签署记录编号 <code>${esc(r.signOff.id)}</code>。</p>
</body></html>`;
}
