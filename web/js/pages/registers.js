// @ts-check
/**
 * Two registers the legal unit keeps beside the matters: the contracts reviewed and signed (合同台账), and the
 * yearly catalogue of major decisions (年度重大行政决策事项目录, 713号令第3条第3款) with each entry's progress.
 * The legal unit (manage_decision_catalogue) adds entries — after publication with the reason (调整目录) — and
 * publishes the catalogue with the reference of the Party committee's consent.
 */
import { h, clear, table, setChildren, announce } from '../dom.js';
import { api, request, ApiError } from '../api.js';
import { field, valueOf, optional, onSubmit, problemBox } from '../forms.js';
import { openHtmlPage } from '../downloads.js';
import { CATALOGUE_CATEGORY_LABELS } from '../labels.js';

/** @type {Record<string, string>} */
const CONTRACT_STATUS = { under_review: '审查中', awaiting_signing: '待签订', in_force: '履行中', closed: '已终结', not_signed: '不予签订', withdrawn: '已撤回' };

/** @param {string | null | undefined} iso */
const day = (iso) => (iso ? iso.slice(0, 10) : '—');

/**
 * @param {HTMLElement} main
 * @param {unknown} _params
 * @param {import('../app.js').App} app
 */
export async function registersPage(main, _params, app) {
  const manages = (app.me?.roles ?? []).includes('legal_unit');
  document.title = '合同台账与决策目录 · 合法性审核';
  const contractsSlot = h('div', {}, h('p', { class: 'muted' }, '正在载入…'));
  const year = new Date().getFullYear();
  const yearInput = /** @type {HTMLInputElement} */ (h('input', { type: 'number', id: 'catalogue-year', min: '2000', max: '2100', value: String(year) }));
  const catalogueSlot = h('div', {}, h('p', { class: 'muted' }, '正在载入…'));
  clear(main).append(
    h('h1', { tabindex: '-1' }, '合同台账与决策目录'),
    h('section', { class: 'card', 'aria-labelledby': 'contracts-h' }, h('h2', { id: 'contracts-h' }, '重要合同、重大协议台账'), contractsSlot),
    h('section', { class: 'card', 'aria-labelledby': 'catalogue-h' }, h('h2', { id: 'catalogue-h' }, '年度重大行政决策事项目录'),
      h('p', {}, h('label', { for: 'catalogue-year' }, '年度 '), yearInput), catalogueSlot),
  );
  try {
    const contracts = await request('GET', '/api/v1/contracts');
    setChildren(contractsSlot, table(['合同', '编号', '相对方', '金额（元）', '期限', '状态'], (contracts.items ?? []).map((/** @type {any} */ c) => h('tr', {},
      h('th', { scope: 'row' }, h('a', { href: `#/matters/${encodeURIComponent(c.matterId)}` }, c.title)),
      h('td', {}, c.contractNumber ?? '—'), h('td', {}, c.counterparty ?? '—'), h('td', {}, c.value === null ? '—' : String(c.value)),
      h('td', {}, c.termStart ? `${day(c.termStart)} 至 ${day(c.termEnd)}` : '—'),
      h('td', {}, CONTRACT_STATUS[c.status] ?? c.status, c.signedBeforeReview ? h('span', { class: 'bad' }, '（签订早于审查通过）') : null))), { caption: '合同台账' }));
  } catch (err) {
    setChildren(contractsSlot, h('p', { class: 'muted' }, `无法载入：${err instanceof Error ? err.message : String(err)}`));
  }
  const printStatus = h('div', { 'aria-live': 'polite' });
  const loadCatalogue = async () => {
    const y = yearInput.value;
    try {
      const c = await api.catalogue(y);
      setChildren(catalogueSlot,
        h('p', {}, c.publishedAt ? `已公布（${day(c.publishedAt)}，${c.approvalRef ?? ''}）` : '未公布（草稿）', ' · ', h('a', { href: `/api/v1/catalogue/${encodeURIComponent(y)}/print`, target: '_blank', rel: 'noopener', onclick: (/** @type {Event} */ ev) => {
          // The printable page is served behind the token: fetched with it, then opened.
          ev.preventDefault();
          void openHtmlPage(() => api.cataloguePrintRaw(y), printStatus, '弹出窗口被拦截，点击此处打开打印版目录');
        } }, '打印版')),
        printStatus,
        table(['序号', '决策事项', '承办单位', '计划', '进展', '调整理由'], (c.entries ?? []).map((e) => h('tr', {},
          h('td', {}, String(e.seq)),
          h('th', { scope: 'row' }, e.matter ? h('a', { href: `#/matters/${encodeURIComponent(e.matter.id)}` }, e.title) : e.title),
          h('td', {}, e.unit), h('td', {}, e.planned ?? ''), h('td', {}, e.progressLabel), h('td', {}, e.addedLaterReason ?? ''))), { caption: `${y}年度目录` }),
        manages ? catalogueForms(y, { published: Boolean(c.publishedAt), entries: c.entries.length }, loadCatalogue) : null);
    } catch (err) {
      // Not there yet (404): the legal unit starts it with its first entry; anything else says why.
      const missing = err instanceof ApiError && err.status === 404;
      setChildren(catalogueSlot, h('p', { class: 'muted' }, `${y}年度目录尚未建立或无法载入。`), missing ? null : problemBox(err), manages && missing ? catalogueForms(y, { published: false, entries: 0 }, loadCatalogue) : null);
    }
  };
  yearInput.addEventListener('change', () => { void loadCatalogue(); });
  await loadCatalogue();
}

/**
 * The legal unit's forms on a year's catalogue: add an entry (POST …/entries: title, category 1–5, unit,
 * summary?, planned?, addedLaterReason? — required once published —, matterId?), and publish it
 * (POST …/publish: approvalRef) while it is a draft with entries.
 * @param {string} year
 * @param {{ published: boolean, entries: number }} state
 * @param {() => Promise<void>} reload
 */
function catalogueForms(year, state, reload) {
  const title = field({ label: '决策事项', path: 'title', required: true, wide: true });
  const category = field({ label: '类别（713号令第3条第1款）', path: 'category', type: 'select', required: true, options: Object.entries(CATALOGUE_CATEGORY_LABELS), wide: true });
  const unit = field({ label: '承办单位', path: 'unit', required: true });
  const planned = field({ label: '计划完成时间', path: 'planned', placeholder: '如 2026年第三季度' });
  const summary = field({ label: '事项概要', path: 'summary', type: 'textarea', rows: 2, wide: true });
  const reason = field({ label: '调整理由', path: 'addedLaterReason', type: 'textarea', rows: 2, wide: true, required: state.published, help: state.published ? '目录已公布，调整目录应当说明理由。' : '目录公布后补充的事项须说明理由。' });
  const matterId = field({ label: '关联已登记的重大决策（事项编号）', path: 'matterId', help: '已登记但未列入目录的重大决策，在此填写其事项编号。' });
  const addForm = h('form', { class: 'catalogue-entry' },
    h('div', { class: 'fields' }, title, category, unit, planned, summary, reason, matterId),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, '添加目录事项')));
  onSubmit(addForm, async () => {
    /** @type {Record<string, unknown>} */
    const body = { title: valueOf(title), category: Number(valueOf(category)), unit: valueOf(unit) };
    for (const [key, f] of /** @type {const} */ ([['summary', summary], ['planned', planned], ['addedLaterReason', reason], ['matterId', matterId]])) optional(body, key, valueOf(f));
    await api.addCatalogueEntry(year, body);
    announce(`已添加目录事项：${body.title}`, 'success');
    await reload();
  });
  /** @type {import('../dom.js').Child[]} */
  const out = [h('h3', {}, `添加${year}年度目录事项`), addForm];
  if (!state.published && state.entries > 0) {
    const approvalRef = field({ label: '党委同意文号', path: 'approvalRef', required: true, help: '经同级党委同意后向社会公布（713号令第3条第3款）。' });
    const publishForm = h('form', { class: 'catalogue-publish' }, h('div', { class: 'fields' }, approvalRef),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, '公布目录')));
    onSubmit(publishForm, async () => {
      await api.publishCatalogue(year, { approvalRef: valueOf(approvalRef) });
      announce(`${year}年度目录已公布`, 'success');
      await reload();
    });
    out.push(h('h3', {}, `公布${year}年度目录`), publishForm);
  }
  return h('div', { class: 'catalogue-forms' }, out);
}
