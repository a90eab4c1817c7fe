// @ts-check
/**
 * The document register (文件登记簿, 统一登记、统一编号): every issued document with its number, title, the four
 * dates and its status after issue (#/register, filters in the URL), and one document (#/register/:id) with
 * the events of its life, the 备案 package and filing, and the legal unit's re-evaluation decision
 * (修改 / 废止 / 继续实施). Everything here stands on GET/POST /api/v1/register…; the server decides who may
 * do what (read_register, decide_document, download_filing_package in the one permission table).
 */
import { h, clear, badge, formatDate, formatDateTime, defList, table, setChildren, announce } from '../dom.js';
import { field, valueOf, onSubmit, problemBox } from '../forms.js';
import { api, newIdempotencyKey } from '../api.js';
import { downloadFile, openHtmlPage } from '../downloads.js';
import { documentDecisionForm } from '../documentDecisionForm.js';
import { DOCUMENT_STATUS_LABELS, REGISTER_EVENT_LABELS, KIND_LABELS, label } from '../labels.js';

/** @typedef {import('../../types/api').RegisterEntry} RegisterEntry */

/** @type {Record<string, string>} */
const STATUS_BADGE = { signed: 'info', in_force: 'ok', amended: 'warn', repealed: 'danger', expired: 'muted' };

/** @param {RegisterEntry} e */
export function statusBadge(e) {
  return [badge(label(DOCUMENT_STATUS_LABELS, e.status), STATUS_BADGE[e.status] ?? ''), e.notYetEffective ? badge('尚未施行', 'muted') : null];
}

/** Links to the matter page and its printable dossier (卷宗), which the API serves behind the token. @param {RegisterEntry} e @param {HTMLElement} status */
export function matterLinks(e, status) {
  const matterId = e.links.web.replace(/^#\/matters\//, '');
  return h('span', { class: 'links' },
    h('a', { href: e.links.web }, '事项'), ' · ',
    h('a', { href: '#', onclick: (/** @type {Event} */ ev) => { ev.preventDefault(); void openHtmlPage(() => api.dossierRaw(matterId, 'html'), status, '弹出窗口被拦截，点击此处打开打印版卷宗'); } }, '卷宗'));
}

const STATUSES = ['signed', 'in_force', 'amended', 'repealed', 'expired'];
const FILTER_KEYS = /** @type {const} */ (['status', 'year', 'kind', 'draftingUnit', 'q']);

/**
 * @param {HTMLElement} main
 * @param {unknown} _params
 * @param {import('../app.js').App} app
 * @param {URLSearchParams} query
 */
export async function registerPage(main, _params, app, query) {
  document.title = '文件登记簿 · 合法性审核';
  const roles = app.me?.roles ?? [];
  /** @type {Record<string, string>} */
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, query.get(k) ?? '']));
  const status = field({ label: '状态', path: 'status', type: 'select', value: filters.status, options: STATUSES.map((s) => [s, label(DOCUMENT_STATUS_LABELS, s)]) });
  const year = field({ label: '年度', path: 'year', type: 'number', value: filters.year, min: 2000, max: 2200 });
  const kind = field({ label: '类型', path: 'kind', type: 'select', value: filters.kind, options: Object.entries(KIND_LABELS) });
  const unit = field({ label: '承办科室', path: 'draftingUnit', type: 'select', value: filters.draftingUnit, options: app.sections.map((s) => [s.id, s.name]) });
  const words = field({ label: '标题含', path: 'q', type: 'search', value: filters.q, placeholder: '主题词，如“旅游”' });
  const filterForm = h('form', { class: 'filters', role: 'search', 'aria-label': '筛选登记的文件' },
    h('div', { class: 'fields' }, status, year, kind, unit, words),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'secondary' }, '筛选')));
  filterForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const next = new URLSearchParams();
    for (const [k, f] of /** @type {const} */ ([['status', status], ['year', year], ['kind', kind], ['draftingUnit', unit], ['q', words]])) { const v = valueOf(f); if (v !== undefined && v !== '') next.set(k, String(v)); }
    const qs = next.toString();
    app.navigate(qs ? `#/register?${qs}` : '#/register');
  });
  const slot = h('div', {}, h('p', { class: 'muted' }, '正在载入…'));
  const linkStatus = h('div', { 'aria-live': 'polite' });
  clear(main).append(
    h('h1', { tabindex: '-1' }, '文件登记簿'),
    h('p', { class: 'muted' }, '统一登记、统一编号、统一印发：签发时编号，公布后施行；有效期届满前提醒评估，由法制机构决定修改、废止或继续实施。',
      roles.includes('legal_unit') || roles.includes('auditor') ? [' ', h('a', { href: '#/cleanups' }, '文件清理')] : null),
    filterForm, linkStatus, slot);
  try {
    const res = await api.register(filters);
    if (!res.items.length) { setChildren(slot, h('p', { class: 'muted' }, '没有符合条件的文件。')); return; }
    setChildren(slot, table(['文号', '文件名称', '签发', '公布', '施行', '有效期至', '状态', '事项与卷宗'], res.items.map((e) => h('tr', { dataset: { id: e.id } },
      h('td', {}, h('a', { href: `#/register/${encodeURIComponent(e.id)}` }, e.number)),
      h('th', { scope: 'row' }, e.title),
      h('td', {}, formatDate(e.signedAt)), h('td', {}, formatDate(e.publishedAt)), h('td', {}, formatDate(e.effectiveAt)), h('td', {}, formatDate(e.expiresAt)),
      h('td', {}, statusBadge(e)),
      h('td', {}, matterLinks(e, linkStatus)))), { caption: `登记的文件（${res.items.length} 件）`, stack: true }));
  } catch (err) {
    setChildren(slot, problemBox(err));
  }
}

/** What the page says after an action on it (shown once, on the re-rendered page). */
/** @type {{ label: string, summary: string, link?: [string, string] } | null} */
let flash = null;

/**
 * @param {HTMLElement} main
 * @param {{ id: string }} params
 * @param {import('../app.js').App} app
 */
export async function registerDocumentPage(main, params, app) {
  const roles = app.me?.roles ?? [];
  const { entry: e, events, verification } = await api.registerEntry(params.id);
  document.title = `${e.number} · 文件登记簿`;
  const rerender = () => registerDocumentPage(main, params, app);
  const status = h('div', { 'aria-live': 'polite' });
  const matterId = e.links.web.replace(/^#\/matters\//, '');
  const done = flash;
  flash = null;

  /** @type {import('../dom.js').Child[]} */
  const out = [
    h('p', { class: 'crumbs' }, h('a', { href: '#/register' }, '文件登记簿'), ' › ', e.number),
    h('h1', { tabindex: '-1' }, e.title),
    done ? h('div', { class: 'verify verify-ok flash', role: 'status', tabindex: '-1' }, h('strong', {}, `✔ 已完成：${done.label}`), h('div', {}, done.summary), done.link ? h('div', {}, h('a', { href: done.link[0] }, done.link[1])) : null) : null,
    h('section', { class: 'card', 'aria-labelledby': 'doc-facts-h' }, h('h2', { id: 'doc-facts-h' }, '登记信息'),
      defList([
        ['文号', e.number],
        ['状态', h('span', {}, statusBadge(e), e.statusReason ? ` ${e.statusReason}` : null)],
        ['类型', label(KIND_LABELS, e.kind)],
        ['承办科室', app.sectionName(e.draftingUnit)],
        ['签发日期', formatDate(e.signedAt)],
        ['公布日期', formatDate(e.publishedAt)],
        ['施行日期', formatDate(e.effectiveAt)],
        e.earlyEffectReason ? ['提前施行的理由', e.earlyEffectReason] : null,
        e.retroactiveReason ? ['溯及既往的理由', e.retroactiveReason] : null,
        ['有效期至', e.expiresAt ? formatDate(e.expiresAt) : '未规定'],
        e.reevaluationOpenedAt ? ['评估开启', formatDateTime(e.reevaluationOpenedAt)] : null,
        e.exceptionEndsAt ? ['例外规定期限至', formatDate(e.exceptionEndsAt)] : null,
        e.exceptionReviewDueAt ? ['重新公平竞争审查', formatDateTime(e.exceptionReviewDueAt)] : null,
        e.statusChangedAt ? ['状态变更', formatDateTime(e.statusChangedAt)] : null,
        // Decided to be amended, a document stays in force until the amended text takes effect.
        e.amendingMatterId ? [e.status === 'in_force' ? '正在修改（修改后的文件施行前继续有效）' : '修改所办事项', h('a', { href: `#/matters/${encodeURIComponent(e.amendingMatterId)}` }, e.amendingMatterId)] : null,
      ]),
      h('div', { class: 'toolbar' },
        h('a', { class: 'button secondary', href: e.links.web }, '查看事项'),
        h('button', { type: 'button', class: 'secondary', onclick: () => openHtmlPage(() => api.dossierRaw(matterId, 'html'), status, '弹出窗口被拦截，点击此处打开打印版卷宗') }, '打印版卷宗（新窗口）')),
      status),
  ];

  out.push(filingSection(e, roles, matterId, rerender));

  out.push(h('section', { class: 'card', 'aria-labelledby': 'doc-events-h' }, h('h2', { id: 'doc-events-h' }, '施行后事件'),
    h('p', { class: verification.valid ? 'ok-note' : 'problem' }, verification.valid ? `留痕链校验：完整（${verification.events} 条）` : `留痕链校验：异常（第 ${verification.firstBad?.seq ?? '?'} 条：${verification.firstBad?.reason ?? ''}）`),
    events.length
      ? table(['序号', '时间', '事件', '说明'], events.map((ev) => h('tr', {}, h('td', {}, String(ev.seq)), h('td', {}, formatDateTime(ev.at, { seconds: true })), h('th', { scope: 'row' }, label(REGISTER_EVENT_LABELS, ev.kind)), h('td', {}, ev.summary))), { caption: '文件施行后的事件', stack: true })
      : h('p', { class: 'muted' }, '尚无事件（公布后开始记录）。')));

  if (roles.includes('legal_unit') && e.status === 'in_force') {
    out.push(h('section', { class: 'card', 'aria-labelledby': 'doc-decide-h' }, h('h2', { id: 'doc-decide-h' }, '评估决定（修改／废止／继续实施）'),
      h('p', { class: 'help' }, e.amendingMatterId ? '本文件正在修改：修改事项未印发而办结的，可重新作出评估决定；此间只能决定废止。' : e.reevaluationOpenedAt ? '有效期即将届满，评估已开启。' : '法制机构可随时对现行有效的文件作出评估决定。'),
      documentDecisionForm({ entry: e, submitLabel: '记录评估决定', submit: async (body) => {
        const result = await api.decideDocument(e.id, body, newIdempotencyKey());
        flash = { label: '评估决定', summary: result.summary, link: body.amendingMatterId ? [`#/matters/${encodeURIComponent(String(body.amendingMatterId))}`, '打开修改所办的新事项'] : undefined };
        announce(result.summary, 'success');
        await rerender();
      } })));
  }
  clear(main).append(...out.filter(Boolean).map((x) => /** @type {Node} */ (x)));
  const flashEl = /** @type {HTMLElement | null} */ (main.querySelector('.flash'));
  if (flashEl) flashEl.focus();
}

/**
 * 备案: what was filed (the matter's `file_record`: authority, receipt number, date), the package to file, and
 * — for the legal unit while not filed — the filing recorded through the matter's action.
 * @param {RegisterEntry} e @param {string[]} roles @param {string} matterId @param {() => Promise<void>} rerender
 */
function filingSection(e, roles, matterId, rerender) {
  const status = h('div', { 'aria-live': 'polite' });
  const section = h('section', { class: 'card', 'aria-labelledby': 'doc-filing-h' }, h('h2', { id: 'doc-filing-h' }, '备案'),
    e.filing
      ? defList([['备案机关', e.filing.authority], ['备案文号', e.filing.receipt], ['报送日期', formatDate(e.filing.at)]])
      : h('p', { class: 'muted' }, '尚未登记报送备案。'));
  if (roles.includes('legal_unit') || roles.includes('auditor')) {
    section.append(h('div', { class: 'toolbar' },
      h('button', { type: 'button', class: 'secondary', onclick: () => downloadFile(() => api.filingPackageRaw(e.id), `备案材料-${e.number}.zip`, status) }, '下载备案材料包（zip）')), status);
  }
  // 备案 is a step of normative documents only (domain/procedure/steps.ts), after publication.
  if (!e.filing && roles.includes('legal_unit') && e.publishedAt && e.kind === 'normative_document') {
    const authority = field({ label: '备案机关', path: 'command.authority', required: true, value: '' });
    const reference = field({ label: '备案文号', path: 'command.reference', required: true, help: '备案机关出具的回执或文号；报送日期即登记之日。' });
    const form = h('form', { class: 'filing-record' }, h('div', { class: 'fields' }, authority, reference),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, '登记报送备案')));
    onSubmit(form, async () => {
      const result = await api.act(matterId, { command: { type: 'file_record', authority: valueOf(authority), reference: valueOf(reference) } }, newIdempotencyKey());
      flash = { label: '报送备案', summary: result.summary };
      await rerender();
    });
    section.append(form);
  }
  return section;
}
