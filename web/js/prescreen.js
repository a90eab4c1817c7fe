// @ts-check
/**
 * The fair-competition pre-screen (公平竞争审查初筛): wording that may breach one of the standards of
 * 公平竞争审查条例第八条至第十一条, highlighted in the text for a human reviewer. The endpoint is optional:
 * when the server does not offer it (404) the text is shown plain with a note, and nothing else changes.
 */
import { badge, h } from './dom.js';
import { api, ApiError } from './api.js';
import { CONFIDENCE_LABELS, FINDING_STATUS_LABELS } from './labels.js';

/** @typedef {import('../types/api').Finding} Finding */

/**
 * A pre-screen finding's answer as a badge (either pre-screen: each names its statuses in its own words).
 * @param {string | null | undefined} status open, confirmed or dismissed
 * @param {Record<string, string>} [labels]
 */
export function findingStatusBadge(status, labels = FINDING_STATUS_LABELS) {
  const s = status ?? 'open';
  const cls = s === 'confirmed' ? 'danger' : s === 'dismissed' ? 'muted' : 'warn';
  return badge(labels[s] ?? s, cls);
}

let available = true; // remembered for the session after the first 404, so we do not ask again

/**
 * @param {string} text
 * @returns {Promise<{ status: 'ok', findings: Finding[], ruleSetVersion?: string } | { status: 'unavailable' } | { status: 'error', error: unknown }>}
 */
export async function prescreen(text) {
  if (!available) return { status: 'unavailable' };
  try {
    const result = await api.prescreen(text);
    return { status: 'ok', findings: Array.isArray(result?.findings) ? result.findings : [], ruleSetVersion: result?.ruleSetVersion };
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 405 || err.status === 501)) {
      available = false;
      return { status: 'unavailable' };
    }
    return { status: 'error', error: err };
  }
}

/**
 * Splits the text into plain runs and <mark>s. Findings are sorted by position; one that overlaps an
 * earlier mark is clipped to what is left of it (listed in full below either way), so no text is lost
 * or shown twice.
 */
/**
 * @param {string} text
 * @param {Finding[]} findings
 * @param {string} idPrefix
 */
export function highlightedText(text, findings, idPrefix) {
  const pre = h('div', { class: 'doc-text', tabindex: '0', role: 'region', 'aria-label': '文本（含初筛标注）' });
  const sorted = findings
    .map((f, i) => ({ ...f, index: i }))
    .filter((f) => Number.isInteger(f.start) && Number.isInteger(f.end) && f.end > f.start && f.start >= 0 && f.start < text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let pos = 0;
  for (const f of sorted) {
    const start = Math.max(f.start, pos);
    const end = Math.min(f.end, text.length);
    if (end <= start) continue;
    if (start > pos) pre.append(text.slice(pos, start));
    pre.append(h('mark', {
      id: `${idPrefix}-m${f.index}`,
      class: `fcr-mark conf-${f.confidence ?? 'medium'}`,
      title: `${f.code}：${f.explanation ?? ''}`,
      'aria-describedby': `${idPrefix}-f${f.index}`,
      tabindex: '-1',
    }, text.slice(start, end), h('sup', { class: 'mark-code' }, f.code)));
    pos = end;
  }
  if (pos < text.length) pre.append(text.slice(pos));
  return pre;
}

/**
 * The findings as a list; each item jumps to its mark in the text.
 * @param {Finding[]} findings
 * @param {string} idPrefix
 */
export function findingsList(findings, idPrefix) {
  if (!findings.length) return h('p', { class: 'ok-note' }, '初筛未发现需要关注的措辞（仍须人工审查）。');
  return h('ol', { class: 'findings' }, findings.map((f, i) => h('li', { id: `${idPrefix}-f${i}` },
    h('button', { type: 'button', class: 'link', onclick: () => {
      const mark = document.getElementById(`${idPrefix}-m${i}`);
      if (mark) { mark.scrollIntoView({ block: 'center' }); /** @type {HTMLElement} */ (mark).focus(); }
    } }, h('code', {}, f.code), ' “', f.excerpt ?? '', '”'),
    f.clause ? h('span', { class: 'muted' }, `（${f.clause}）`) : null,
    f.confidence ? h('span', { class: `badge conf-${f.confidence}` }, `可信度${CONFIDENCE_LABELS[f.confidence] ?? f.confidence}`) : null,
    f.status ? findingStatusBadge(f.status) : null,
    h('p', {}, f.explanation ?? ''),
    f.reason ? h('p', { class: 'small' }, `审查人员答复：${f.reason}`) : null)));
}
