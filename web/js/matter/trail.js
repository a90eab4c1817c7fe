// @ts-check
/**
 * The decision trail (hash-chained): every entry with its action's label and the acting person's name,
 * and the chain's verification. Shown only to roles that may read it (the server says so per matter), so
 * nobody meets a permission error or a button that cannot work.
 */
import { h, defList, mono, shortHash, table, formatDateTime, setChildren } from '../dom.js';
import { api } from '../api.js';
import { problemBox } from '../forms.js';
import { personEl, withNames } from '../people.js';
import { ACTOR_ROLE_LABELS, TRAIL_ACTION_LABELS, label } from '../labels.js';

/** @typedef {import('../../types/api').MatterView} MatterView */

/**
 * @param {MatterView} matter
 * @param {{ trail: Promise<{ items: import('../../types/api').TrailEntry[] }> | null }} data
 */
export function trailBlock(matter, data) {
  if (!matter.access.trail || !data.trail) return null;
  const result = h('div', { class: 'verify-slot', 'aria-live': 'polite' });
  const tableSlot = h('div', {}, h('p', { class: 'muted' }, '正在载入留痕…'));
  /** @type {Map<number, HTMLTableRowElement>} */
  let rowsBySeq = new Map();
  const verify = async () => {
    setChildren(result, h('p', { class: 'muted' }, '正在校验哈希链…'));
    rowsBySeq.forEach((tr) => tr.classList.remove('bad'));
    try {
      const v = await api.verifyTrail(matter.id);
      const bad = v.firstBadEntry;
      setChildren(result, h('div', { class: ['verify', v.valid ? 'verify-ok' : 'verify-bad'], role: 'status' },
        h('strong', {}, v.valid ? `✔ 留痕完整：${v.entries} 条记录的哈希链校验通过` : '✘ 留痕校验未通过'),
        bad ? h('div', {}, `第一条异常记录：第 ${bad.seq} 条 — ${bad.reason}`) : null));
      const tr = bad ? rowsBySeq.get(bad.seq) : null;
      if (tr) { tr.classList.add('bad'); tr.scrollIntoView({ block: 'center' }); }
    } catch (err) {
      setChildren(result, problemBox(err));
    }
  };
  data.trail.then((res) => {
    rowsBySeq = new Map();
    const rows = res.items.map((e) => {
      const detailsId = `trail-${e.seq}`;
      const toggle = h('button', { type: 'button', class: 'link small', 'aria-expanded': 'false', 'aria-controls': detailsId }, '详情');
      const details = h('tr', { id: detailsId, class: 'trail-details', hidden: true }, h('td', { colspan: '7' },
        defList([['操作代码', mono(e.action)], ['操作人编号', mono(e.actorId)], ['动作键', mono(e.actionKey)], ['请求', mono(e.requestId)], ['来源', e.origin ? `${e.origin.ip ?? '—'} · ${e.origin.userAgent ?? '—'}` : null], ['前一哈希', mono(e.prevHash)], ['本条哈希', mono(e.hash)], ['版本', mono(e.versionHash)]]),
        e.command ? h('details', {}, h('summary', {}, '提交内容'), h('pre', { class: 'json' }, JSON.stringify(e.command, null, 2))) : null,
        e.before ? h('details', {}, h('summary', {}, '变更前'), h('pre', { class: 'json' }, JSON.stringify(e.before, null, 2))) : null,
        e.after ? h('details', {}, h('summary', {}, '变更后'), h('pre', { class: 'json' }, JSON.stringify(e.after, null, 2))) : null));
      toggle.addEventListener('click', () => { details.hidden = !details.hidden; toggle.setAttribute('aria-expanded', String(!details.hidden)); });
      const tr = h('tr', {},
        h('th', { scope: 'row' }, String(e.seq)),
        h('td', { class: 'nowrap' }, formatDateTime(e.at, { seconds: true })),
        h('td', {}, personEl(e.actorId), h('div', { class: 'small muted' }, label(ACTOR_ROLE_LABELS, e.actorRole))),
        h('td', {}, label(TRAIL_ACTION_LABELS, e.action)),
        h('td', {}, withNames(e.summary), e.reason && e.reason !== e.summary ? h('div', { class: 'small muted' }, `理由：${withNames(e.reason)}`) : null),
        h('td', { class: 'nowrap', title: e.hash }, mono(shortHash(e.hash))),
        h('td', { class: 'no-print nowrap' }, toggle));
      rowsBySeq.set(e.seq, tr);
      return [tr, details];
    });
    setChildren(tableSlot, table(['#', '时间', '操作人', '操作', '说明', '哈希', ''], rows.flat(), { caption: `决策留痕（${rows.length} 条，哈希链）`, cls: 'trail', stack: true }));
  }, (err) => setChildren(tableSlot, problemBox(err)));
  return [h('div', { class: 'toolbar no-print' }, h('button', { type: 'button', class: 'primary', onclick: verify }, '校验留痕')), result, tableSlot];
}
