// @ts-check
/**
 * The work list: the matters the person may see (the server scopes it per role), with whose turn it is on
 * each (by name) and the next obligation due, filtered. "待我办理" counts only duties that move a matter
 * (the server's whose-turn columns), never optional actions. Filters live in the URL
 * (#/matters?awaitingMe=true…) so a view can be bookmarked. On a phone, rows are labelled cards and the
 * filters fold away.
 */
import { h, clear, badge, formatDateTime, dueStatus, table, setChildren } from '../dom.js';
import { field, problemBox } from '../forms.js';
import { api } from '../api.js';
import { loadPeople, personEl } from '../people.js';
import { KIND_LABELS, STAGE_LABELS, FLAG_LABELS, FLAG_SHORT, FAILED_STAGES, TERMINAL_STAGES, ROLE_LABELS, label } from '../labels.js';

/** @typedef {import('../../types/api').MatterListItem} Item */

/** @type {Record<string, string>} */
const SCOPE = {
  drafter: '本科室承办的事项',
  lawyer: '指派给我的事项',
  fcr_reviewer: '指派给我或待指定审查人员的公平竞争审查事项',
  legal_unit: '全局事项',
  secretary: '全局事项',
  meeting_member: '全局事项',
  auditor: '全局事项（只读）',
};

const FILTER_KEYS = /** @type {const} */ (['awaitingMe', 'stage', 'kind', 'draftingUnit', 'dueBefore', 'overdue']);
/** @type {Record<string, string>} */
const FILTER_NAMES = { awaitingMe: '待我办理', stage: '阶段', kind: '类型', draftingUnit: '科室', dueBefore: '期限不晚于', overdue: '超期' };

/**
 * Who the matter waits for, by name: the people named, the roles awaited (a drafter as the drafting unit).
 * @param {Item} m
 * @param {import('../app.js').App} app
 */
function awaiting(m, app) {
  if (TERMINAL_STAGES.includes(m.stage)) return h('span', { class: 'muted' }, '已办结');
  /** @type {import('../dom.js').Child[]} */
  const parts = [
    ...m.awaitingUserIds.map((id) => personEl(id)),
    ...m.awaitingRoles.map((r) => (r === 'drafter' ? `${app.sectionName(m.draftingUnit)}` : ROLE_LABELS[r] ?? r)),
  ];
  if (!parts.length) return h('span', { class: 'muted' }, '—');
  return h('span', {}, parts.flatMap((p, i) => (i ? ['、', p] : [p])));
}

/**
 * @param {HTMLElement} main
 * @param {unknown} _params
 * @param {import('../app.js').App} app
 * @param {URLSearchParams} query
 */
export async function worklistPage(main, _params, app, query) {
  document.title = '事项列表 · 合法性审核';
  const roles = app.me?.roles ?? [];
  /** @type {Record<string, string>} */
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, query.get(k) ?? '']));
  const peopleReady = loadPeople();

  const stage = field({ label: '阶段', path: 'stage', type: 'select', options: Object.entries(STAGE_LABELS), value: filters.stage });
  const kind = field({ label: '类型', path: 'kind', type: 'select', options: Object.entries(KIND_LABELS), value: filters.kind });
  const unit = field({ label: '承办科室', path: 'draftingUnit', type: 'select', options: app.sections.map((s) => [s.id, s.name]), value: filters.draftingUnit });
  const due = field({ label: '期限不晚于', path: 'dueBefore', type: 'date', value: filters.dueBefore });
  const overdue = field({ label: '超期', path: 'overdue', type: 'select', options: [['true', '仅超期'], ['false', '未超期']], value: filters.overdue });
  const mine = field({ label: '待我办理', path: 'awaitingMe', type: 'select', options: [['true', '仅待我办理'], ['false', '不含待我办理']], value: filters.awaitingMe });
  const form = h('form', { class: 'filters-form', role: 'search', 'aria-label': '筛选事项' },
    h('div', { class: 'fields' }, mine, stage, kind, unit, due, overdue),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'primary' }, '筛选'),
      h('button', { type: 'button', class: 'secondary', onclick: () => app.navigate('#/matters') }, '清除')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    for (const [k, f] of /** @type {Array<[string, import('../forms.js').Field]>} */ ([['awaitingMe', mine], ['stage', stage], ['kind', kind], ['draftingUnit', unit], ['dueBefore', due], ['overdue', overdue]])) if (f.control.value) q.set(k, f.control.value);
    app.navigate(`#/matters${q.toString() ? `?${q}` : ''}`);
  });
  const active = FILTER_KEYS.filter((k) => filters[k]);
  // On a phone the filter form folds away (one tap opens it); on a wide screen it stays open.
  const filterBox = h('details', { class: 'filters card no-print', open: window.matchMedia('(min-width: 720px)').matches || active.some((k) => k !== 'awaitingMe' && k !== 'overdue') },
    h('summary', {}, '筛选条件', active.length ? `（已筛选 ${active.length} 项）` : ''), form);
  /** @param {string} hash @param {string} text @param {boolean} on */
  const quick = (hash, text, on) => h('a', { class: ['button', on ? 'primary' : 'secondary', 'small'], href: hash, 'aria-current': on ? 'true' : null }, text);
  const in7 = new Date(Date.now() + 8 * 3600_000 + 7 * 86_400_000).toISOString().slice(0, 10);
  const quickBar = h('div', { class: 'toolbar quick no-print', role: 'group', 'aria-label': '快捷筛选' },
    quick('#/matters?awaitingMe=true', '待我办理', filters.awaitingMe === 'true' && active.length === 1),
    quick('#/matters', '全部', active.length === 0),
    quick('#/matters?overdue=true', '只看超期', filters.overdue === 'true' && active.length === 1),
    quick(`#/matters?dueBefore=${in7}`, '7日内到期', filters.dueBefore === in7 && active.length === 1));

  const scope = roles.map((r) => SCOPE[r]).filter(Boolean)[0] ?? '您可以查看的事项';
  const results = h('div', { 'aria-live': 'polite', 'aria-busy': 'true' }, h('p', { class: 'muted' }, '正在载入…'));
  clear(main).append(
    h('div', { class: 'page-head' },
      h('h1', { tabindex: '-1' }, '我的事项'),
      roles.includes('drafter') ? h('a', { class: 'button primary no-print', href: '#/new' }, '＋ 登记新事项') : null),
    h('p', { class: 'muted' }, `范围：${scope}。`, active.length ? ` 已筛选：${active.map((k) => `${FILTER_NAMES[k]}=${filters[k] === 'true' ? '是' : filters[k] === 'false' ? '否' : label({ ...STAGE_LABELS, ...KIND_LABELS }, filters[k])}`).join('，')}` : ''),
    quickBar,
    filterBox,
    results);

  /** @type {Item[]} */
  const items = [];
  /** @param {string} [cursor] */
  const load = async (cursor) => {
    const page = await api.listMatters({ ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)), cursor, limit: 50 });
    items.push(...page.items);
    await peopleReady;
    renderTable(page.nextCursor);
  };
  /** @param {string | null} nextCursor */
  const renderTable = (nextCursor) => {
    results.removeAttribute('aria-busy');
    if (!items.length) {
      setChildren(results, h('p', { class: 'empty' }, filters.awaitingMe === 'true' ? '目前没有等待您办理的事项。' : active.length ? '没有符合筛选条件的事项。' : '暂无事项。'));
      return;
    }
    const overdueCount = items.filter((m) => m.overdue).length;
    const mineCount = items.filter((m) => m.awaitsMe).length;
    const rows = items.map((m) => {
      const st = m.nextDueAt ? dueStatus(m.nextDueAt) : { level: 'none', text: '' };
      return h('tr', { class: [m.overdue && 'row-overdue', st.level === 'soon' && 'row-soon', m.awaitsMe && 'row-mine'], dataset: { id: m.id } },
        h('th', { scope: 'row' }, h('a', { href: `#/matters/${encodeURIComponent(m.id)}` }, m.title), h('div', { class: 'chips' }, m.flags.map((f) => badge(FLAG_SHORT[f] ?? f, `flag flag-${f}`, FLAG_LABELS[f])),
          (m.warnings ?? []).includes('may_need_fcr') ? badge('⚠ 可能需要公平竞争审查', 'warn', '自动预审在当前版本中发现可能排除、限制竞争的表述，本事项未标记“涉及经营者经济活动”：请法制机构决定是否增加该标记') : null)),
        h('td', {}, label(KIND_LABELS, m.kind)),
        h('td', {}, badge(label(STAGE_LABELS, m.stage), `stage ${FAILED_STAGES.includes(m.stage) ? 'stage-failed' : TERMINAL_STAGES.includes(m.stage) ? 'stage-done' : 'stage-open'}`)),
        h('td', {}, m.awaitsMe ? [badge('待我办理', 'info todo-badge'), ' '] : null, awaiting(m, app)),
        h('td', { class: 'nowrap' }, m.nextDueAt ? [formatDateTime(m.nextDueAt), ' ', badge(m.overdue ? `⚠ ${st.text}` : st.text, `due due-${st.level}`)] : h('span', { class: 'muted' }, '—')),
        h('td', {}, app.sectionName(m.draftingUnit)),
        h('td', { class: 'nowrap' }, formatDateTime(m.createdAt)));
    });
    setChildren(results,
      h('p', { class: 'summary', role: 'status' }, `共 ${items.length}${nextCursor ? '+' : ''} 件`, mineCount ? `，其中 ${mineCount} 件待我办理` : '', overdueCount ? h('span', { class: 'warn' }, `，⚠ ${overdueCount} 件已超期`) : ''),
      table(['事项', '类型', '阶段', '待办人', '下一办理期限', '承办科室', '登记时间'], rows, { caption: `事项（${items.length}${nextCursor ? '+' : ''} 件）`, cls: 'worklist', stack: true }),
      nextCursor ? h('button', { type: 'button', class: 'secondary no-print', onclick: async (/** @type {Event} */ ev) => { /** @type {HTMLButtonElement} */ (ev.target).disabled = true; try { await load(nextCursor); } catch (err) { results.append(problemBox(err)); } } }, '加载更多') : null);
  };
  try {
    await load();
  } catch (err) {
    setChildren(results, problemBox(err));
  }
}
