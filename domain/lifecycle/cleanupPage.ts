/** The clean-up's published lists as a printable page (the dossier's print style). */
import { escapeHtml, PRINT_STYLE } from '../documents/printStyle';
import type { CleanupListEntry, CleanupLists } from './cleanup';

const day = (iso: string | null): string => (iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10) : '—');

function table(title: string, rows: CleanupListEntry[], withReason: boolean): string {
  const body = rows.length === 0
    ? `<tr><td colspan="${withReason ? 5 : 4}" class="muted">无</td></tr>`
    : rows.map((r, i) => `<tr><td>${i + 1}</td><td>${escapeHtml(r.number)}</td><td>${escapeHtml(r.title)}</td><td>${day(r.effectiveAt)} 至 ${day(r.expiresAt)}</td>${withReason ? `<td>${escapeHtml(r.reason ?? '')}${r.amendingMatterId ? `（修改事项 ${escapeHtml(r.amendingMatterId)}）` : ''}</td>` : ''}</tr>`).join('');
  return `<h2>${escapeHtml(title)}（${rows.length}件）</h2><table><tr><th>序号</th><th>文号</th><th>标题</th><th>施行期间</th>${withReason ? '<th>理由</th>' : ''}</tr>${body}</table>`;
}

export function cleanupListsHtml(c: { title: string; scope: string; startedAt: string; publishedAt: string | null; lists: CleanupLists }): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(c.title)}</title><style>${PRINT_STYLE}</style></head><body>` +
    `<h1>${escapeHtml(c.title)}</h1><p class="sub">清理范围：${escapeHtml(c.scope)} · 开始 ${day(c.startedAt)} · ${c.publishedAt ? `公布 ${day(c.publishedAt)}` : '<span class="bad">未公布（草稿）</span>'}</p>` +
    table('继续有效的文件目录', c.lists.inForce, true) +
    table('拟修改的文件目录', c.lists.amended, true) +
    table('废止的文件目录', c.lists.repealed, true) +
    table('失效的文件目录', c.lists.expired, false) +
    '</body></html>';
}
