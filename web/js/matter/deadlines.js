// @ts-check
/**
 * The clocks running on the matter, kept apart by what their end means: deadlines (an obligation someone
 * can miss — shown with the time left or how far overdue), earliest times (the minimum review time: once
 * passed the next step may be taken, never "overdue"), and window ends (the comment period).
 */
import { h, badge, formatDateTime, dueStatus, notBeforeStatus, table } from '../dom.js';
import { DEADLINE_NATURE_LABELS, UNIT_LABELS, label } from '../labels.js';

/** @typedef {import('../../types/api').MatterView} MatterView */
/** @typedef {MatterView['deadlines'][number]} Clock */

const PROVISIONAL_EXPLANATION = '该年度节假日通知尚未发布，按《全国年节及纪念日放假办法》推算（不含调休），通知载入后自动重算，日期可能变动。';

/**
 * A deadline counted on a year whose State Council holiday notice is not loaded yet: the server computed it
 * from the 放假办法 and marks it `provisional`; loading the notice recomputes it.
 * @param {{ provisional?: boolean | true }} d
 */
function provisionalNote(d) {
  if (!d.provisional) return null;
  return [' ', badge('暂定', 'warn provisional', PROVISIONAL_EXPLANATION), h('div', { class: 'muted small' }, PROVISIONAL_EXPLANATION)];
}

/** @param {Clock} d */
function statusOf(d) {
  if (!d.dueAt) return { cls: 'info', badge: null };
  if (d.nature === 'obligation') {
    const st = dueStatus(d.dueAt);
    return { cls: st.level, badge: badge(st.text, `due due-${st.level}`) };
  }
  if (d.nature === 'not_before') {
    const st = notBeforeStatus(d.dueAt);
    return { cls: st.level === 'open' ? 'open' : 'info', badge: badge(st.text, st.level === 'open' ? 'ok' : 'info') };
  }
  const passed = Date.parse(d.dueAt) < Date.now();
  return { cls: passed ? 'passed' : 'info', badge: badge(passed ? '已届满' : '进行中', passed ? 'muted' : 'info') };
}

/** @param {MatterView} matter */
export function deadlinesBlock(matter) {
  const clocks = matter.deadlines ?? [];
  const notes = matter.workflow?.notifications ?? [];
  const rows = clocks.map((d) => {
    const st = statusOf(d);
    const seconds = d.unit === 'seconds';
    return h('tr', { class: `due-${st.cls} nature-${d.nature}` },
      h('th', { scope: 'row' }, d.label ?? d.key),
      h('td', {}, label(DEADLINE_NATURE_LABELS, d.nature)),
      h('td', {}, d.dueAt ? formatDateTime(d.dueAt, { seconds }) : h('span', { class: 'muted' }, '期限中止或无法计算'), provisionalNote(d)),
      h('td', {}, label(UNIT_LABELS, d.unit)),
      h('td', {}, st.badge),
      h('td', {}, d.nature === 'obligation' && d.remindAt ? formatDateTime(d.remindAt, { seconds }) : '—'),
      h('td', {}, d.warning ? h('span', { class: 'warn' }, `⚠ ${d.warning}`) : formatDateTime(d.startedAt, { seconds })));
  });
  return [
    clocks.length
      ? table(['名称', '性质', '届满时间（北京时间）', '计算单位', '状态', '提醒时间', '起算 / 提示'], rows, { caption: '正在计算的期限与时间', cls: 'deadlines', stack: true })
      : h('p', { class: 'muted' }, '当前没有正在计算的期限。'),
    clocks.some((d) => d.nature !== 'obligation')
      ? h('p', { class: 'help' }, '“最早可办理时间”是程序允许下一步的最早时刻（如合法性审查最短时间届满后方可上会），届满后即可办理，不是办理期限，也不会超期。')
      : null,
    notes.length ? h('div', { class: 'subsection' }, h('h3', {}, '提醒与督办记录'), h('ul', {}, notes.map((n) => h('li', {},
      badge(n.kind === 'escalation' ? '超期督办' : '期限提醒', n.kind === 'escalation' ? 'danger' : 'warn'),
      ` ${n.label ?? clocks.find((d) => d.key === n.deadlineKey)?.label ?? n.deadlineKey} · 到期 ${formatDateTime(n.dueAt)}`,
      /** @type {{ provisional?: boolean }} */ (n).provisional ? ['（', badge('暂定', 'warn provisional', PROVISIONAL_EXPLANATION), '）'] : null,
      ` · 发出 ${formatDateTime(n.at)}`)))) : null,
  ];
}
