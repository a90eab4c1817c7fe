// @ts-check
/**
 * Comparing two versions of a matter's text, character by character (the server's diff, merged into
 * readable runs): side by side (old | new) or inline (deletions struck through, insertions underlined),
 * with each version's pre-screen findings listed and marked where they fall in its text.
 */
import { h, clear, badge, formatDateTime, setChildren } from '../dom.js';
import { field, problemBox } from '../forms.js';
import { api } from '../api.js';
import { loadPeople, personEl } from '../people.js';
import { FINDING_STATUS_LABELS } from '../labels.js';

/** @typedef {import('../../types/api').VersionDiff} VersionDiff */
/** @typedef {import('../../types/api').Finding} Finding */
/** @typedef {import('../../types/api').DiffRun} DiffRun */

/**
 * A run's text with the findings that fall in it marked; `start` is the run's offset in its version.
 * @param {string} text
 * @param {number} start
 * @param {Finding[]} findings
 * @param {string} prefix id prefix for jumping from the list
 */
function withFindings(text, start, findings, prefix) {
  const end = start + text.length;
  /** @type {Array<Node | string>} */
  const out = [];
  let pos = start;
  findings.forEach((f, i) => {
    const a = Math.max(f.start, pos);
    const b = Math.min(f.end, end);
    if (b <= a) return;
    if (a > pos) out.push(text.slice(pos - start, a - start));
    out.push(h('mark', { class: `fcr-mark finding-${f.status ?? 'open'}`, title: `${f.code}：${f.explanation}`, id: a === f.start ? `${prefix}-m${i}` : null }, text.slice(a - start, b - start)));
    pos = b;
  });
  if (pos < end) out.push(text.slice(pos - start));
  return out;
}

/**
 * One side of the side-by-side view: the runs that exist in that version.
 * @param {DiffRun[]} runs
 * @param {'from' | 'to'} side
 * @param {Finding[]} findings
 */
function sideText(runs, side, findings) {
  const el = h('div', { class: 'doc-text diff-side', tabindex: '0', role: 'region', 'aria-label': side === 'from' ? '原版本' : '新版本' });
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  for (const r of runs) {
    if (side === 'from' && r.op === 'insert') continue;
    if (side === 'to' && r.op === 'delete') continue;
    const start = side === 'from' ? r.fromStart : r.toStart;
    const parts = withFindings(r.text, start, sorted, side);
    el.append(r.op === 'equal' ? h('span', {}, parts) : r.op === 'delete' ? h('del', {}, parts) : h('ins', {}, parts));
  }
  return el;
}

/** @param {DiffRun[]} runs */
function inlineText(runs) {
  return h('div', { class: 'doc-text diff-inline', tabindex: '0', role: 'region', 'aria-label': '修改对照' },
    runs.map((r) => (r.op === 'equal' ? r.text : r.op === 'delete' ? h('del', { title: '删除' }, r.text) : h('ins', { title: '新增' }, r.text))));
}

/**
 * @param {string} title
 * @param {Finding[]} findings
 * @param {string} prefix
 */
function findingList(title, findings, prefix) {
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  return h('div', { class: 'diff-findings' }, h('h3', {}, `${title}：预审提示 ${findings.length} 处`),
    sorted.length ? h('ol', {}, sorted.map((f, i) => h('li', {},
      h('a', { href: `#${prefix}-m${i}`, onclick: (/** @type {Event} */ ev) => { ev.preventDefault(); document.getElementById(`${prefix}-m${i}`)?.scrollIntoView({ block: 'center' }); } }, h('code', {}, f.code), ` “${f.excerpt}”`),
      f.clause ? h('span', { class: 'muted' }, `（${f.clause}）`) : null, ' ',
      badge(FINDING_STATUS_LABELS[f.status ?? 'open'] ?? f.status ?? '', f.status === 'confirmed' ? 'danger' : f.status === 'dismissed' ? 'muted' : 'warn')))) : h('p', { class: 'muted' }, '无。'));
}

/**
 * @param {HTMLElement} main
 * @param {{ id: string }} params
 * @param {import('../app.js').App} _app
 * @param {URLSearchParams} query
 */
export async function diffPage(main, params, _app, query) {
  const id = params.id;
  const [matter] = await Promise.all([api.matter(id), loadPeople()]);
  document.title = `版本比较 · ${matter.title}`;
  const latest = matter.currentVersion.number;
  const from = Number(query.get('from') ?? Math.max(1, latest - 1));
  const to = Number(query.get('to') ?? latest);
  const view = query.get('view') === 'inline' ? 'inline' : 'side';
  /** @type {Array<[string, string]>} */
  const options = matter.state.versions.map((v) => [String(v.number), `第 ${v.number} 版 · ${formatDateTime(v.submittedAt)}`]);
  const fromField = field({ label: '原版本', path: 'from', type: 'select', required: true, options, value: String(from) });
  const toField = field({ label: '新版本', path: 'to', type: 'select', required: true, options, value: String(to) });
  const viewField = field({ label: '显示方式', path: 'view', type: 'select', required: true, options: [['side', '左右对照'], ['inline', '合并显示（删除划线，新增下划线）']], value: view });
  const go = () => { location.hash = `#/matters/${encodeURIComponent(id)}/diff?from=${fromField.control.value}&to=${toField.control.value}&view=${viewField.control.value}`; };
  for (const f of [fromField, toField, viewField]) f.control.addEventListener('change', go);
  const out = h('div', { 'aria-live': 'polite' }, h('p', { class: 'muted' }, '正在比较…'));
  clear(main).append(
    h('p', { class: 'crumbs no-print' }, h('a', { href: '#/matters' }, '事项列表'), ' / ', h('a', { href: `#/matters/${encodeURIComponent(id)}` }, matter.title), ' / 版本比较'),
    h('h1', { tabindex: '-1' }, '版本比较'),
    h('form', { class: 'card diff-form no-print', onsubmit: (/** @type {Event} */ ev) => { ev.preventDefault(); go(); } }, h('div', { class: 'fields' }, fromField, toField, viewField)),
    out);
  if (from === to || matter.state.versions.length < 2) {
    setChildren(out, h('p', { class: 'muted' }, matter.state.versions.length < 2 ? '本事项只有一个版本。' : '请选择两个不同的版本。'));
    return;
  }
  try {
    const d = await api.diff(id, from, to);
    /** @param {import('../../types/api').DiffSide} s */
    const who = (s) => h('p', { class: 'small muted' }, `第 ${s.number} 版 · `, personEl(s.createdById), ` · ${formatDateTime(s.createdAt)} · ${s.characters} 字`);
    setChildren(out,
      h('p', { class: 'summary', role: 'status' }, d.changes ? `共 ${d.changes} 处修改：删除 ${d.deleted} 字，新增 ${d.inserted} 字。` : '两个版本的文字相同。'),
      view === 'inline'
        ? h('section', { class: 'card' }, h('h2', {}, `第 ${d.from.number} 版 → 第 ${d.to.number} 版`), who(d.from), who(d.to), inlineText(d.runs),
          h('div', { class: 'diff-grid' }, findingList(`第 ${d.from.number} 版`, d.from.findings, 'from'), findingList(`第 ${d.to.number} 版`, d.to.findings, 'to')))
        : h('div', { class: 'diff-grid' },
          h('section', { class: 'card' }, h('h2', {}, `原版本：第 ${d.from.number} 版`), who(d.from), sideText(d.runs, 'from', d.from.findings), findingList(`第 ${d.from.number} 版`, d.from.findings, 'from')),
          h('section', { class: 'card' }, h('h2', {}, `新版本：第 ${d.to.number} 版`), who(d.to), sideText(d.runs, 'to', d.to.findings), findingList(`第 ${d.to.number} 版`, d.to.findings, 'to'))));
  } catch (err) {
    setChildren(out, problemBox(err));
  }
}
