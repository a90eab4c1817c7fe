// @ts-check
/**
 * Two registers the legal unit keeps beside the matters: the contracts reviewed and signed (合同台账), and the
 * yearly catalogue of major decisions (年度重大行政决策事项目录, 713号令第3条第3款) with each entry's progress.
 * Read-only here; entries are added and the catalogue published through the API (POST /api/v1/catalogue/…).
 */
import { h, clear, table, setChildren } from '../dom.js';
import { request } from '../api.js';

/** @type {Record<string, string>} */
const CONTRACT_STATUS = { under_review: '审查中', awaiting_signing: '待签订', in_force: '履行中', closed: '已终结', not_signed: '不予签订', withdrawn: '已撤回' };

/** @param {string | null | undefined} iso */
const day = (iso) => (iso ? iso.slice(0, 10) : '—');

/**
 * @param {HTMLElement} main
 * @param {unknown} _params
 * @param {import('../app.js').App} _app
 */
export async function registersPage(main, _params, _app) {
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
      h('td', {}, c.termStart ? `${day(c.termStart)} 至 ${day(c.termEnd)}` : '—'), h('td', {}, CONTRACT_STATUS[c.status] ?? c.status))), { caption: '合同台账' }));
  } catch (err) {
    setChildren(contractsSlot, h('p', { class: 'muted' }, `无法载入：${err instanceof Error ? err.message : String(err)}`));
  }
  const loadCatalogue = async () => {
    const y = yearInput.value;
    try {
      const c = await request('GET', `/api/v1/catalogue/${encodeURIComponent(y)}`);
      setChildren(catalogueSlot,
        h('p', {}, c.publishedAt ? `已公布（${day(c.publishedAt)}，${c.approvalRef ?? ''}）` : '未公布（草稿）', ' · ', h('a', { href: `/api/v1/catalogue/${encodeURIComponent(y)}/print`, target: '_blank', rel: 'noopener' }, '打印版')),
        table(['序号', '决策事项', '承办单位', '计划', '进展', '调整理由'], (c.entries ?? []).map((/** @type {any} */ e) => h('tr', {},
          h('td', {}, String(e.seq)),
          h('th', { scope: 'row' }, e.matter ? h('a', { href: `#/matters/${encodeURIComponent(e.matter.id)}` }, e.title) : e.title),
          h('td', {}, e.unit), h('td', {}, e.planned ?? ''), h('td', {}, e.progressLabel), h('td', {}, e.addedLaterReason ?? ''))), { caption: `${y}年度目录` }));
    } catch (err) {
      setChildren(catalogueSlot, h('p', { class: 'muted' }, `${y}年度目录尚未建立或无法载入。`));
    }
  };
  yearInput.addEventListener('change', () => { void loadCatalogue(); });
  await loadCatalogue();
}
