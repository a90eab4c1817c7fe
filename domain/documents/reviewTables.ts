/** The tables the opinion documents and the dossier share: pre-screen findings with answers, the legal-basis register. */
import type { AnsweredFinding, RegisteredBasis } from './opinionRecord';
import { escapeHtml as esc } from './printStyle';
import { legalityCodes } from '../legality';

const FINDING_CODE = new Map(legalityCodes().map((c) => [c.code as string, c.title]));

export function findingsTable(findings: readonly AnsweredFinding[]): string {
  if (findings.length === 0) return '<p>自动预审未发现需要答复的问题。</p>';
  const answer = (f: AnsweredFinding) =>
    f.status === 'confirmed' ? `确认。修改意见：${esc(f.amendment)}` : f.status === 'dismissed' ? `排除。理由：${esc(f.reason)}` : '未答复';
  return `<table><tr><th>条款</th><th>问题</th><th>原文</th><th>可能违反</th><th>答复及修改意见</th></tr>
${findings.map((f) => `<tr><td>${esc(f.clause ?? '—')}</td><td>${esc(FINDING_CODE.get(f.code) ?? f.code)}<br><code>${esc(f.code)}</code></td><td>${esc(f.excerpt)}</td><td>${esc(f.basis)}</td><td>${answer(f)}</td></tr>`).join('')}</table>`;
}

export function registerTable(entries: readonly RegisteredBasis[]): string {
  if (entries.length === 0) return '<p>起草单位未登记条款合法性依据。</p>';
  return `<table><tr><th>条款</th><th>依据</th><th>法律文本版本</th></tr>
${entries.map((e) => `<tr><td>${esc(e.clause)}</td><td>《${esc(e.law)}》第${e.article}条${e.paragraph ? `第${e.paragraph}款` : ''}${e.item ? `第${e.item}项` : ''}</td><td>${esc(e.lawVersion ?? '—')}</td></tr>`).join('')}</table>`;
}
