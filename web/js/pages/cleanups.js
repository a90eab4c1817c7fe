// @ts-check
/**
 * Clean-ups (文件清理) of the register by the legal unit: start one over the documents in force (all, or by
 * drafting unit, kind or topic), the list of clean-ups (#/cleanups), and one clean-up (#/cleanups/:id) with a
 * decision per document (继续有效 / 修改 / 废止, with reasons — taken through the document's own workflow),
 * publishing once every document has its decision, and its lists (in force / to amend / repealed / expired)
 * with the printable page. The server refuses what may not be done (run_cleanup, CLEANUP_UNDECIDED …).
 */
import { h, clear, formatDate, formatDateTime, defList, table, setChildren, announce } from '../dom.js';
import { field, valueOf, optional, onSubmit, problemBox } from '../forms.js';
import { api, newIdempotencyKey } from '../api.js';
import { openHtmlPage } from '../downloads.js';
import { documentDecisionForm } from '../documentDecisionForm.js';
import { DOCUMENT_DECISION_LABELS, KIND_LABELS, label } from '../labels.js';
import { statusBadge, matterLinks } from './register.js';

/**
 * @param {HTMLElement} main
 * @param {unknown} _params
 * @param {import('../app.js').App} app
 */
export async function cleanupsPage(main, _params, app) {
  document.title = '文件清理 · 合法性审核';
  const roles = app.me?.roles ?? [];
  const slot = h('div', {}, h('p', { class: 'muted' }, '正在载入…'));
  setChildren(main,
    h('p', { class: 'crumbs' }, h('a', { href: '#/register' }, '文件登记簿'), ' › 文件清理'),
    h('h1', { tabindex: '-1' }, '文件清理'),
    roles.includes('legal_unit') ? startForm(app) : null,
    h('section', { class: 'card', 'aria-labelledby': 'cleanups-h' }, h('h2', { id: 'cleanups-h' }, '清理记录'), slot));
  try {
    const res = await api.cleanups();
    setChildren(slot, res.items.length
      ? table(['清理名称', '开始时间', '文件数', '公布'], res.items.map((c) => h('tr', {},
        h('th', { scope: 'row' }, h('a', { href: `#/cleanups/${encodeURIComponent(c.id)}` }, c.title)),
        h('td', {}, formatDateTime(c.startedAt)), h('td', {}, String(c.documents)), h('td', {}, c.publishedAt ? `已公布（${formatDate(c.publishedAt)}）` : '未公布'))), { caption: '清理记录', stack: true })
      : h('p', { class: 'muted' }, '尚未开展清理。'));
  } catch (err) {
    setChildren(slot, problemBox(err));
  }
}

/** The clean-up's title and scope (POST /api/v1/register/cleanups { title, scope: { draftingUnit?, kind?, topic? } }). @param {import('../app.js').App} app */
function startForm(app) {
  const title = field({ label: '清理名称', path: 'title', required: true, value: `${new Date().getFullYear()}年度规范性文件清理`, wide: true });
  const unit = field({ label: '承办科室', path: 'scope.draftingUnit', type: 'select', options: app.sections.map((s) => [s.id, s.name]) });
  const kind = field({ label: '文件类型', path: 'scope.kind', type: 'select', options: Object.entries(KIND_LABELS) });
  const topic = field({ label: '主题词（标题含）', path: 'scope.topic' });
  const form = h('form', { class: 'start-cleanup' },
    h('p', { class: 'help' }, '不限定范围的，清理全部现行有效的文件。'),
    h('div', { class: 'fields' }, title, unit, kind, topic),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, '开始清理')));
  onSubmit(form, async () => {
    const scope = optional(optional(optional({}, 'draftingUnit', valueOf(unit)), 'kind', valueOf(kind)), 'topic', valueOf(topic));
    const view = await api.startCleanup({ title: valueOf(title), scope });
    announce(`已开始清理：${view.title}（${view.documents.length} 件文件）`, 'success');
    app.navigate(`#/cleanups/${encodeURIComponent(view.id)}`);
  });
  return h('section', { class: 'card', 'aria-labelledby': 'start-cleanup-h' }, h('h2', { id: 'start-cleanup-h' }, '开始清理'), form);
}

/** @type {Array<[keyof import('../../types/api').CleanupLists, string]>} */
const LISTS = [['inForce', '继续有效的文件目录'], ['amended', '拟修改的文件目录'], ['repealed', '废止的文件目录'], ['expired', '失效的文件目录']];

/**
 * @param {HTMLElement} main
 * @param {{ id: string }} params
 * @param {import('../app.js').App} app
 */
export async function cleanupPage(main, params, app) {
  const roles = app.me?.roles ?? [];
  const c = await api.cleanup(params.id);
  document.title = `${c.title} · 文件清理`;
  const mayDecide = roles.includes('legal_unit') && !c.publishedAt;
  const linkStatus = h('div', { 'aria-live': 'polite' });
  const listsStatus = h('div', { 'aria-live': 'polite' });
  const rerender = async (/** @type {string} */ message) => {
    await cleanupPage(main, params, app);
    const note = h('div', { class: 'verify verify-ok flash', role: 'status', tabindex: '-1' }, h('strong', {}, `✔ 已完成：${message}`));
    main.querySelector('h1')?.after(note);
    note.focus();
  };

  const docs = c.documents.map((d) => {
    const decided = c.decisions.find((x) => x.documentId === d.id);
    const headingId = `cleanup-doc-${d.id}`;
    return h('section', { class: 'card cleanup-doc', 'aria-labelledby': headingId, dataset: { id: d.id } },
      h('h3', { id: headingId }, `${d.number} ${d.title}`),
      defList([['状态', h('span', {}, statusBadge(d))], ['施行日期', formatDate(d.effectiveAt)], ['有效期至', d.expiresAt ? formatDate(d.expiresAt) : '未规定'], ['登记', h('span', {}, h('a', { href: `#/register/${encodeURIComponent(d.id)}` }, '登记簿'), ' · ', matterLinks(d, linkStatus))]]),
      decided
        ? defList([['清理决定', label(DOCUMENT_DECISION_LABELS, decided.decision)], ['理由', decided.reason], decided.newExpiresAt ? ['新的有效期至', formatDate(decided.newExpiresAt)] : null, decided.amendingMatterId ? ['修改所办事项', h('a', { href: `#/matters/${encodeURIComponent(decided.amendingMatterId)}` }, decided.amendingMatterId)] : null, ['决定时间', formatDateTime(decided.at)]])
        : mayDecide && c.undecided.includes(d.id)
          ? documentDecisionForm({ entry: d, inCleanup: true, submitLabel: `记录清理决定：${d.number}`, submit: async (body) => {
            const res = await api.decideInCleanup(c.id, { documentId: d.id, ...body }, newIdempotencyKey());
            await rerender(`清理决定 ${res.summary}`);
          } })
          : h('p', { class: 'muted' }, c.undecided.includes(d.id) ? '待作出决定。' : '无需决定（已不在施行）。'));
  });

  const publishStatus = h('div', { 'aria-live': 'polite' });
  const publishButton = h('button', { type: 'button', class: 'primary', hidden: !mayDecide, onclick: async () => {
    setChildren(publishStatus);
    publishButton.disabled = true;
    try {
      await api.publishCleanup(c.id);
      await rerender('公布清理结果');
    } catch (err) {
      publishButton.disabled = false;
      const box = problemBox(err);
      setChildren(publishStatus, box);
      box.focus();
    }
  } }, '公布清理结果');

  clear(main).append(
    h('p', { class: 'crumbs' }, h('a', { href: '#/register' }, '文件登记簿'), ' › ', h('a', { href: '#/cleanups' }, '文件清理'), ' › ', c.title),
    h('h1', { tabindex: '-1' }, c.title),
    h('section', { class: 'card', 'aria-labelledby': 'cleanup-facts-h' }, h('h2', { id: 'cleanup-facts-h' }, '清理概况'),
      defList([['范围', c.scopeText], ['开始时间', formatDateTime(c.startedAt)], ['文件数', String(c.documents.length)], ['待决定', c.undecided.length ? `${c.undecided.length} 件` : '无'], ['公布', c.publishedAt ? `已公布（${formatDateTime(c.publishedAt)}）` : '未公布']]),
      mayDecide ? h('div', { class: 'toolbar' }, publishButton) : null, publishStatus),
    h('section', { 'aria-labelledby': 'cleanup-docs-h' }, h('h2', { id: 'cleanup-docs-h' }, '逐件决定'), linkStatus, docs),
    h('section', { class: 'card', 'aria-labelledby': 'cleanup-lists-h' }, h('h2', { id: 'cleanup-lists-h' }, c.publishedAt ? '清理结果（已公布）' : '清理结果（草稿）'),
      h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'secondary', onclick: () => openHtmlPage(() => api.cleanupListsRaw(c.id), listsStatus, '弹出窗口被拦截，点击此处打开打印版清单') }, '打印版清单（新窗口）')),
      listsStatus,
      LISTS.map(([key, caption]) => c.lists[key].length
        ? table(['文号', '文件名称', '施行日期', '有效期至', '理由'], c.lists[key].map((x) => h('tr', {}, h('td', {}, x.number), h('th', { scope: 'row' }, x.title), h('td', {}, formatDate(x.effectiveAt)), h('td', {}, formatDate(x.expiresAt)), h('td', {}, x.reason ?? ''))), { caption, stack: true })
        : h('p', { class: 'muted' }, `${caption}：无`))));
}
