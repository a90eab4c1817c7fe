// @ts-check
/**
 * The statutory working-day calendar: which years have the State Council's holiday notice loaded, and
 * the N-th working day after a date. A year without data is refused by the server, never guessed.
 */
import { h, clear, table, todayCn, announce, setChildren } from '../dom.js';
import { field, valueOf, onSubmit, problemBox } from '../forms.js';
import { api } from '../api.js';

/**
 * @param {HTMLElement} main
 * @param {unknown} _params
 * @param {import('../app.js').App} app
 */
export async function calendarPage(main, _params, app) {
  document.title = '工作日历 · 合法性审核';
  const from = field({ label: '起算日', path: 'query.from', type: 'date', required: true, value: todayCn() });
  const add = field({ label: '工作日数', path: 'query.add', type: 'number', required: true, min: 0, value: '7' });
  const out = h('div', { 'aria-live': 'polite' });
  const calc = h('form', { class: 'card', 'aria-labelledby': 'calc-h' },
    h('h2', { id: 'calc-h' }, '工作日计算'),
    h('p', { class: 'help' }, '按国务院办公厅放假通知：周末、法定假日不计，调休上班日计入。'),
    h('div', { class: 'fields' }, from, add),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, '计算')), out);
  onSubmit(calc, async () => {
    setChildren(out);
    const res = await api.workingDays(valueOf(from), valueOf(add));
    setChildren(out, h('p', { class: 'result', role: 'status' }, `${valueOf(from)} 起第 ${valueOf(add)} 个工作日：`, h('strong', {}, res.due)));
  });

  const yearsSlot = h('div', {}, h('p', { class: 'muted' }, '正在载入…'));
  clear(main).append(h('h1', { tabindex: '-1' }, '工作日历'), calc,
    h('section', { class: 'card', 'aria-labelledby': 'years-h' }, h('h2', { id: 'years-h' }, '已载入的年度节假日安排'), yearsSlot));
  try {
    const years = await api.calendarYears();
    setChildren(yearsSlot, table(['年度', '依据', '放假', '调休上班'], (years.items ?? []).map((y) => h('tr', {},
      h('th', { scope: 'row' }, String(y.year)),
      h('td', {}, y.notice ?? ''),
      h('td', {}, h('ul', { class: 'compact' }, (y.off ?? []).map((/** @type {{ name: string, from: string, to: string }} */ o) => h('li', {}, `${o.name}：${o.from}${o.to !== o.from ? ` 至 ${o.to}` : ''}`)))),
      h('td', {}, (y.makeupWorkdays ?? []).join('、')))), { caption: '年度节假日' }));
  } catch (err) {
    setChildren(yearsSlot, problemBox(err));
  }

  if ((app.me?.roles ?? []).includes('admin')) {
    const year = field({ label: '年度', path: 'year', type: 'number', required: true, min: 2000, max: 2100, value: String(new Date().getFullYear() + 1) });
    const json = field({ label: '放假通知（JSON）', path: 'body', type: 'textarea', rows: 10, wide: true, required: true, help: '格式：{"notice":"国办发明电〔…〕…号","off":[{"from":"YYYY-MM-DD","to":"YYYY-MM-DD","name":"春节"}],"makeupWorkdays":["YYYY-MM-DD"]}' });
    json.control.classList.add('mono');
    const load = h('form', { class: 'card no-print', 'aria-labelledby': 'load-h' }, h('h2', { id: 'load-h' }, '导入年度节假日安排（管理员）'),
      h('div', { class: 'fields' }, year, json), h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, '导入')));
    onSubmit(load, async () => {
      let body;
      try { body = JSON.parse(json.control.value); } catch (e) {
        const err = new Error(`JSON 格式错误：${/** @type {Error} */ (e).message}`);
        throw err;
      }
      const res = await api.loadCalendarYear(valueOf(year), body);
      announce(`已导入 ${valueOf(year)} 年节假日安排${res?.openMattersNotified !== undefined ? `，已通知 ${res.openMattersNotified} 件在办事项` : ''}`, 'success');
      await calendarPage(main, _params, app);
    });
    main.append(load);
  }
}
