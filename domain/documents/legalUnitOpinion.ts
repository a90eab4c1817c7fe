/**
 * The legal unit's review opinion (合法性审核意见), generated from the review record when the legal unit
 * concludes: the matter, the version and its SHA-256, the outcome and reasons, the amendments clause by
 * clause, the pre-screen findings as answered, the lawyer's signed opinion it relied on, who concluded, and
 * the trail entry that records it (how to verify). Printable HTML in the dossier's style.
 */
import { KIND_LABELS, LEGALITY_OUTCOME_LABELS } from '../procedure';
import { findingsTable } from './reviewTables';
import type { LegalUnitOpinionRecord } from './opinionRecord';
import { escapeHtml as esc, PRINT_STYLE } from './printStyle';

export function legalUnitOpinionHtml(r: LegalUnitOpinionRecord): string {
  const lawyer = r.lawyerOpinion
    ? `法律顾问 ${esc(r.lawyerOpinion.lawyerName)} 于 ${esc(r.lawyerOpinion.signedAt)} 签署意见：${esc(LEGALITY_OUTCOME_LABELS[r.lawyerOpinion.outcome])}（签署记录 <code>${esc(r.lawyerOpinion.signOffId)}</code>）。`
    : '本版本无法律顾问签署意见。';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>合法性审核意见 ${esc(r.matter.title)}</title>
<style>${PRINT_STYLE}</style></head><body>
<h1>合法性审核意见</h1>
<p>事项：<b>${esc(r.matter.title)}</b>（${esc(KIND_LABELS[r.matter.kind] ?? r.matter.kind)}）· 事项编号 <code>${esc(r.matter.id)}</code> · 起草单位 ${esc(r.matter.draftingUnit)}</p>
<p>审核文本：第 ${r.version.number} 版，SHA-256 <code>${esc(r.version.sha256)}</code></p>
<h2>一、审核意见</h2>
<p><b>${esc(LEGALITY_OUTCOME_LABELS[r.outcome])}</b></p>
<p>${esc(r.text)}</p>
${r.missing.length > 0 ? `<p>需补充：${esc(r.missing.join('、'))}</p>` : ''}
${r.approvalAuthority ? `<p>需报经批准：${esc(r.approvalAuthority)}</p>` : ''}
<h2>二、逐条修改意见</h2>
${r.amendments.length === 0 ? '<p>无。</p>' : `<ol>${r.amendments.map((a) => `<li>${esc(a.clause)}：${esc(a.change)}</li>`).join('')}</ol>`}
<h2>三、法律顾问意见</h2>
<p>${lawyer}</p>
<h2>四、自动预审问题及答复</h2>
${findingsTable(r.findings)}
<h2>五、出具</h2>
<p>法制机构：${esc(r.legalUnit.unit)} · 经办人 ${esc(r.legalUnit.name)} · ${esc(r.concludedAt)}</p>
<p>如何验证：本意见记录于决策留痕第 ${r.trail.seq} 条，哈希 <code>${esc(r.trail.hash)}</code>；打开 <code>${esc(r.trail.verifyPath)}</code> 校验整条留痕链（含链头）未被改动。</p>
</body></html>`;
}
