/**
 * The work list: the matters the person may see (the server scopes it per role), filtered, with the
 * next due date highlighted. Filters live in the URL (#/matters?overdue=true…) so a view can be bookmarked.
 */
import { h, clear, formatDateTime, dueStatus, table, setChildren } from '../dom.js';
import { field, problemBox } from '../forms.js';
import { api } from '../api.js';
import { KIND_LABELS, STAGE_LABELS, FLAG_LABELS, FLAG_SHORT, FAILED_STAGES, TERMINAL_STAGES, label } from '../labels.js';

const SCOPE = {
  drafter: '本科室承办的事项',
  lawyer: '指派给我的事项',
  fcr_reviewer: '指派给我或待指定审查人员的公平竞争审查事项',
  legal_unit: '全局事项',
  secretary: '全局事项',
  meeting_member: '全局事项',
  auditor: '全局事项（只读）',
};

const FILTER_KEYS = ['stage', 'kind', 'draftingUnit', 'dueBefore', 'overdue'];

export async function worklistPage(main, _params, app, query) {
  document.title = '事项列表 · 合法性审核';
  const roles = app.me?.roles ?? [];
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, query.get(k) ?? '']));

  const stage = field({ label: '阶段', path: 'stage', type: 'select', options: Object.entries(STAGE_LABELS), value: filters.stage });
  const kind = field({ label: '类型', path: 'kind', type: 'select', options: Object.entries(KIND_LABELS), value: filters.kind });
  const unit = field({ label: '承办科室', path: 'draftingUnit', type: 'select', options: app.sections.map((s) => [s.id, s.name]), value: filters.draftingUnit });
  const due = field({ label: '期限不晚于', path: 'dueBefore', type: 'date', value: filters.dueBefore });
  const overdue = field({ label: '超期', path: 'overdue', type: 'select', options: [['true', '仅超期'], ['false', '未超期']], value: filters.overdue });
  const form = h('form', { class: 'filters card no-print', role: 'search', 'aria-label': '筛选事项' },
    h('div', { class: 'fields' }, stage, kind, unit, due, overdue),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'primary' }, '筛选'),
      h('button', { type: 'button', class: 'secondary', onclick: () => app.navigate('#/matters') }, '清除'),
      h('button', { type: 'button', class: 'secondary', onclick: () => app.navigate('#/matters?overdue=true') }, '只看超期'),
      h('button', { type: 'button', class: 'secondary', onclick: () => {
        const in7 = new Date(Date.now() + 8 * 3600_000 + 7 * 86_400_000).toISOString().slice(0, 10);
        app.navigate(`#/matters?dueBefore=${in7}`);
      } }, '7日内到期')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    for (const [k, f] of [['stage', stage], ['kind', kind], ['draftingUnit', unit], ['dueBefore', due], ['overdue', overdue]]) if (f.control.value) q.set(k, f.control.value);
    app.navigate(`#/matters${q.toString() ? `?${q}` : ''}`);
  });

  const scope = roles.map((r) => SCOPE[r]).filter(Boolean)[0] ?? '您可以查看的事项';
  const results = h('div', { 'aria-live': 'polite', 'aria-busy': 'true' }, h('p', { class: 'muted' }, '正在载入…'));
  const active = FILTER_KEYS.filter((k) => filters[k]);
  clear(main).append(
    h('div', { class: 'page-head' },
      h('h1', { tabindex: '-1' }, '我的事项'),
      roles.includes('drafter') ? h('a', { class: 'button primary no-print', href: '#/new' }, '＋ 登记新事项') : null),
    h('p', { class: 'muted' }, `范围：${scope}。`, active.length ? ` 已筛选：${active.map((k) => `${{ stage: '阶段', kind: '类型', draftingUnit: '科室', dueBefore: '期限不晚于', overdue: '超期' }[k]}=${filters[k] === 'true' ? '是' : filters[k] === 'false' ? '否' : label({ ...STAGE_LABELS, ...KIND_LABELS }, filters[k])}`).join('，')}` : ''),
    form,
    results);

  const items = [];
  const load = async (cursor) => {
    const page = await api.listMatters({ ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)), cursor, limit: 50 });
    items.push(...page.items);
    renderTable(page.nextCursor);
  };
  // What the person may do on each open matter comes from the matter itself (availableActions), fetched a
  // few at a time after the list is shown, so the list appears at once and the marks fill in.
  let pending = [];
  const onlyMine = h('input', { type: 'checkbox', onchange: () => applyOnlyMine() });
  const applyOnlyMine = () => {
    results.querySelectorAll('table.worklist tbody tr').forEach((tr) => {
      tr.hidden = onlyMine.checked && !tr.querySelector('.todo .badge.todo-badge');
    });
  };
  const fillTodos = async () => {
    const queue = pending;
    pending = [];
    const worker = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        try {
          const m = await api.matter(job.id);
          const acts = m.availableActions ?? [];
          setChildren(job.cell, acts.length
            ? h('span', { class: 'badge info todo-badge', title: acts.map((a) => a.label).join('、') }, `${acts.length} 项`)
            : h('span', { class: 'muted' }, '—'));
        } catch {
          setChildren(job.cell, h('span', { class: 'muted' }, '?'));
        }
      }
      applyOnlyMine();
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
  };
  const renderTable = (nextCursor) => {
    results.removeAttribute('aria-busy');
    if (!items.length) {
      setChildren(results, h('p', { class: 'empty' }, active.length ? '没有符合筛选条件的事项。' : '暂无事项。'));
      return;
    }
    const overdueCount = items.filter((m) => m.overdue).length;
    const rows = items.map((m) => {
      const st = m.nextDueAt ? dueStatus(m.nextDueAt) : { level: 'none', text: '' };
      const todo = h('td', { class: 'todo' }, TERMINAL_STAGES.includes(m.stage) ? h('span', { class: 'muted' }, '—') : h('span', { class: 'muted small' }, '…'));
      if (!TERMINAL_STAGES.includes(m.stage)) pending.push({ id: m.id, cell: todo });
      return h('tr', { class: [m.overdue && 'row-overdue', st.level === 'soon' && 'row-soon'], dataset: { id: m.id } },
        h('th', { scope: 'row' }, h('a', { href: `#/matters/${encodeURIComponent(m.id)}` }, m.title), h('div', { class: 'muted small mono' }, m.id.slice(0, 8))),
        h('td', {}, label(KIND_LABELS, m.kind)),
        h('td', {}, (m.flags ?? []).map((f) => h('span', { class: `badge flag flag-${f}`, title: FLAG_LABELS[f] }, FLAG_SHORT[f] ?? f))),
        h('td', {}, app.sectionName(m.draftingUnit)),
        h('td', {}, h('span', { class: ['badge', 'stage', FAILED_STAGES.includes(m.stage) ? 'stage-failed' : TERMINAL_STAGES.includes(m.stage) ? 'stage-done' : 'stage-open'] }, label(STAGE_LABELS, m.stage))),
        h('td', { class: 'num' }, String(m.currentVersion ?? '')),
        h('td', { class: 'nowrap' }, m.nextDueAt ? [formatDateTime(m.nextDueAt), h('br'), h('span', { class: `badge due due-${st.level}` }, m.overdue ? `⚠ ${st.text}` : st.text)] : h('span', { class: 'muted' }, '—')),
        todo,
        h('td', { class: 'nowrap' }, formatDateTime(m.createdAt)));
    });
    setChildren(results, 
      overdueCount ? h('p', { class: 'warn', role: 'status' }, `⚠ 其中 ${overdueCount} 件已超期。`) : null,
      h('div', { class: 'toolbar no-print' }, h('label', { class: 'inline' }, onlyMine, ' 只看待我办理的事项')),
      table(['事项', '类型', '标记', '承办科室', '阶段', '版本', '下一期限', '待我办理', '登记时间'], rows, { caption: `事项（${items.length}${nextCursor ? '+' : ''} 件）`, cls: 'worklist' }),
      nextCursor ? h('button', { type: 'button', class: 'secondary no-print', onclick: async (ev) => { ev.target.disabled = true; try { await load(nextCursor); fillTodos(); } catch (err) { results.append(problemBox(err)); } } }, '加载更多') : null);
  };
  try {
    await load();
    fillTodos();
  } catch (err) {
    setChildren(results, problemBox(err));
  }
}
