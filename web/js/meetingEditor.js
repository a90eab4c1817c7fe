// @ts-check
/**
 * The meeting record editor (713号令第29条、第30条): the body's members chosen by name, who attended, who
 * recused and why, each view in speaking order with the head last, and a live reading of the majority,
 * the dissent and whether the decision departs from the majority (then a reason is required).
 */
import { h, uid, isoToLocalInput, localInputToIso, setChildren } from './dom.js';
import { field, valueOf, optional, repeatable } from './forms.js';
import { personName, withRole } from './people.js';
import { MEETING_VIEW_LABELS, MEETING_BODY_LABELS, TRIPLE_ONE_CATEGORY_LABELS, label } from './labels.js';
import { request } from './api.js';

/** @typedef {import('./actions.js').ActionContext} ActionContext */
/** @typedef {import('./actions.js').ActionSpec} ActionSpec */
/**
 * @typedef {object} MemberRow
 * @property {HTMLSelectElement} id
 * @property {HTMLSelectElement} attend
 * @property {HTMLInputElement} recused
 * @property {HTMLInputElement} reason
 * @property {HTMLSelectElement} view
 * @property {HTMLInputElement} comment
 * @property {HTMLButtonElement} up
 * @property {HTMLButtonElement} down
 * @property {HTMLButtonElement} remove
 * @property {HTMLTableRowElement} tr
 */

/**
 * The scheduled body's roster on the day of the meeting (GET /api/v1/meeting-bodies/:id/roster): the record
 * must name exactly these members. Null when it cannot be read (then the directory's members are proposed).
 * @param {import('../types/api').MatterState['meeting']['scheduled']} scheduled
 * @returns {Promise<{ bodyId: string, on: string, members: string[], chairs?: string[] } | null>}
 */
async function scheduledRoster(scheduled) {
  if (!scheduled) return null;
  const bodyId = scheduled.bodyId ?? scheduled.body;
  try {
    return await request('GET', `/api/v1/meeting-bodies/${encodeURIComponent(bodyId)}/roster`, { query: { at: scheduled.meetingAt } });
  } catch {
    return null;
  }
}

/**
 * @param {ActionContext} ctx
 * @returns {Promise<ActionSpec>}
 */
export async function meetingEditor(ctx) {
  const state = ctx.matter.state;
  const previous = state.meeting.records[state.meeting.records.length - 1];
  const scheduled = state.meeting.scheduled;
  const directory = withRole('meeting_member');
  const roster = await scheduledRoster(scheduled);
  const initialIds = previous?.members ?? roster?.members ?? directory.map((p) => p.id);
  // Which body sits and, for a Party-committee item, its category: fixed when the meeting was scheduled.
  const bodyNote = scheduled ? h('p', { class: 'help meeting-body' }, '会议：', h('strong', {}, label(MEETING_BODY_LABELS, scheduled.body)),
    scheduled.bodyId && scheduled.bodyId !== scheduled.body ? `（${scheduled.bodyId}）` : '',
    scheduled.category ? `，事项类别：${label(TRIPLE_ONE_CATEGORY_LABELS, scheduled.category)}` : '',
    roster ? `。组成人员按 ${roster.on} 的名单预填（记录须与名单一致）。` : '。',
    roster?.chairs?.length ? `可以主持会议的：${roster.chairs.map((id) => personName(id)).join('、')}。` : '') : null;
  // The roster says who may chair that day (713号令第30条); with one, that is the head.
  const initialHead = previous?.headId ?? (roster?.chairs?.length === 1 ? roster.chairs[0] ?? '' : '');

  const heldAt = field({ label: '会议时间（北京时间，默认为安排的时间）', path: 'command.record.heldAt', type: 'datetime', step: 1, value: isoToLocalInput(scheduled?.meetingAt, { seconds: true }) });
  const headSelect = h('select', { id: uid('head'), required: true, dataset: { path: 'command.record.headId' } });
  const headField = h('div', { class: 'field' }, h('label', { for: headSelect.id }, '主持人（行政首长，最后发言）', h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')), headSelect, h('p', { class: 'field-error', hidden: true }));
  const tbody = h('tbody');
  /** @type {MemberRow[]} */
  const rows = [];

  const status = h('div', { class: 'meeting-status', role: 'status', 'aria-live': 'polite' });
  const departure = field({ label: '决定与多数意见不一致的理由', path: 'command.record.departureReason', type: 'textarea', rows: 2, wide: true, help: '决定与会议组成人员多数意见不一致的，应当说明理由（713号令第30条）。' });
  const changes = repeatable({ legend: '会议决定的修改内容（修改后同意时必填）', path: 'command.record.changes', columns: [{ label: '修改内容', required: true }], addLabel: '添加修改' });
  const minutes = field({ label: '会议纪要文件编号', path: 'command.record.minutesDocumentId', required: true, placeholder: '如 局长办公会纪要〔2026〕3号' });

  const viewOptions = () => Object.entries(MEETING_VIEW_LABELS).map(([v, l]) => h('option', { value: v }, l));
  /** @param {string} selected */
  const memberOptions = (selected) => {
    const known = directory.some((p) => p.id === selected);
    return [
      h('option', { value: '' }, '（请选择）'),
      ...directory.map((p) => h('option', { value: p.id }, p.displayName)),
      // A member from an earlier record who is no longer in the directory keeps their place, by name.
      selected && !known ? h('option', { value: selected }, personName(selected)) : null,
    ];
  };

  function refreshHead() {
    const keep = headSelect.value || initialHead;
    const ids = rows.map((r) => r.id.value).filter(Boolean);
    setChildren(headSelect, h('option', { value: '' }, '（请选择）'), ...ids.map((id) => h('option', { value: id }, personName(id))));
    headSelect.value = ids.includes(keep) ? keep : '';
  }

  function build() {
    const head = headSelect.value;
    const present = rows.filter((r) => r.id.value);
    const speakers = present.filter((r) => r.attend.value === 'attend' && !r.recused.checked);
    // Speaking order is the table order, with the head moved to the end: the head must speak last.
    const ordered = [...speakers.filter((r) => r.id.value !== head), ...speakers.filter((r) => r.id.value === head)];
    return {
      members: present.map((r) => r.id.value),
      attendees: present.filter((r) => r.attend.value === 'attend').map((r) => r.id.value),
      absentees: present.filter((r) => r.attend.value === 'absent').map((r) => r.id.value),
      recusals: present.filter((r) => r.recused.checked).map((r) => ({ memberId: r.id.value, reason: r.reason.value.trim() })),
      headId: head,
      views: ordered.map((r) => optional({ memberId: r.id.value, view: r.view.value }, 'comment', r.comment.value.trim())),
    };
  }

  /** Live reading of the roster: who speaks in which order, the head last, the majority, dissent. */
  function analyse() {
    const head = headSelect.value;
    rows.forEach((r, i) => {
      const attending = r.attend.value === 'attend';
      r.recused.disabled = !attending;
      if (!attending) r.recused.checked = false;
      r.reason.disabled = !r.recused.checked;
      r.reason.required = r.recused.checked;
      const speaks = attending && !r.recused.checked;
      r.view.disabled = !speaks;
      r.comment.disabled = !speaks;
      r.tr.classList.toggle('is-head', r.id.value === head && head !== '');
      r.up.disabled = i === 0;
      r.down.disabled = i === rows.length - 1;
      const who = personName(r.id.value) || `第 ${i + 1} 位`;
      r.up.setAttribute('aria-label', `上移 ${who}`);
      r.down.setAttribute('aria-label', `下移 ${who}`);
      r.remove.setAttribute('aria-label', `删除 ${who}`);
    });
    const rec = build();
    const headView = rec.views.find((v) => v.memberId === head)?.view;
    const memberViews = rec.views.filter((v) => v.memberId !== head);
    /** @type {Record<string, number>} */
    const counts = {};
    memberViews.forEach((v) => { counts[v.view] = (counts[v.view] ?? 0) + 1; });
    const majority = Object.entries(counts).find(([, n]) => n * 2 > memberViews.length)?.[0] ?? null;
    const dissentWithoutComment = rec.views.filter((v) => headView && v.view !== headView && !(/** @type {{ comment?: string }} */ (v)).comment).map((v) => personName(v.memberId));
    const needsReason = Boolean(majority && headView && majority !== headView);
    departure.control.required = needsReason;
    setChildren(status,
      h('p', {}, '发言顺序：', rec.views.length ? rec.views.map((v) => personName(v.memberId)).join(' → ') : '（无）', head ? '（主持人最后发言）' : ''),
      h('p', {}, '决定（取主持人意见）：', h('strong', {}, headView ? MEETING_VIEW_LABELS[headView] : '未确定'),
        ' · 多数意见：', majority ? MEETING_VIEW_LABELS[majority] : '无明确多数'),
      needsReason ? h('p', { class: 'warn' }, '⚠ 决定与多数意见不一致，须填写理由。') : null,
      dissentWithoutComment.length ? h('p', { class: 'warn' }, `⚠ 不同意见应当如实载明：请为 ${dissentWithoutComment.join('、')} 填写意见说明。`) : null,
      headView === 'approve_with_changes' ? h('p', { class: 'warn' }, '⚠ 修改后同意：请填写修改内容。') : null);
  }

  /** @param {string} [id] */
  function addRow(id = '') {
    const prevView = previous?.views?.find((v) => v.memberId === id);
    const wasAbsent = previous?.absentees?.includes(id);
    const idSelect = h('select', { required: true, 'aria-label': '组成人员', value: id }, memberOptions(id));
    const attend = h('select', { 'aria-label': '出席情况', value: wasAbsent ? 'absent' : 'attend' }, h('option', { value: 'attend' }, '出席'), h('option', { value: 'absent' }, '缺席'));
    const recused = h('input', { type: 'checkbox', 'aria-label': '回避' });
    const reason = h('input', { type: 'text', 'aria-label': '回避理由', placeholder: '回避理由' });
    const view = h('select', { 'aria-label': '表态', value: prevView?.view ?? 'approve' }, viewOptions());
    const comment = h('input', { type: 'text', 'aria-label': '意见说明', placeholder: '意见说明（不同意见必填）', value: prevView?.comment ?? '' });
    /** @param {number} delta */
    const move = (delta) => {
      const i = rows.indexOf(r);
      const j = i + delta;
      if (j < 0 || j >= rows.length) return;
      rows.splice(i, 1);
      rows.splice(j, 0, r);
      rows.forEach((x) => tbody.append(x.tr));
      analyse();
      (delta < 0 ? r.up : r.down).focus();
    };
    const up = h('button', { type: 'button', class: 'icon', onclick: () => move(-1) }, '↑');
    const down = h('button', { type: 'button', class: 'icon', onclick: () => move(1) }, '↓');
    const remove = h('button', { type: 'button', class: 'icon danger', onclick: () => { rows.splice(rows.indexOf(r), 1); r.tr.remove(); refreshHead(); analyse(); addBtn.focus(); } }, '✕');
    const tr = h('tr', {},
      h('td', { 'data-label': '组成人员' }, idSelect),
      h('td', { 'data-label': '出席' }, attend),
      h('td', { 'data-label': '回避' }, h('label', { class: 'inline' }, recused, ' 回避'), reason),
      h('td', { 'data-label': '表态' }, view),
      h('td', { 'data-label': '意见说明' }, comment),
      h('td', { class: 'nowrap', 'data-label': '顺序' }, up, down, remove));
    /** @type {MemberRow} */
    const r = { id: idSelect, attend, recused, reason, view, comment, up, down, remove, tr };
    for (const el of [idSelect, attend, recused, reason, view, comment]) {
      el.addEventListener(el instanceof HTMLInputElement && el.type === 'text' ? 'input' : 'change', () => { if (el === idSelect) refreshHead(); analyse(); });
    }
    rows.push(r);
    tbody.append(tr);
    return r;
  }

  const addBtn = h('button', { type: 'button', class: 'secondary small', onclick: () => { const r = addRow(); refreshHead(); analyse(); r.id.focus(); } }, '＋ 添加组成人员');
  headSelect.addEventListener('change', analyse);
  initialIds.forEach((id) => addRow(id));
  refreshHead();

  const rosterSet = h('fieldset', { class: 'group repeatable meeting-roster', dataset: { path: 'command.record.views' }, tabindex: '-1' },
    h('legend', {}, '组成人员、出席、回避与表态'),
    h('p', { class: 'help' }, '按发言顺序排列（可用 ↑ ↓ 调整）；主持人自动排在最后发言，决定取主持人的意见。缺席和回避人员不表态。'),
    h('div', { class: 'table-wrap stack' }, h('table', { class: 'meeting-table' },
      h('thead', {}, h('tr', {}, ['组成人员', '出席', '回避', '表态', '意见说明', '顺序'].map((t) => h('th', { scope: 'col' }, t)))),
      tbody)),
    addBtn,
    h('p', { class: 'field-error', hidden: true }));
  // Paths the server may name for the roster as a whole.
  for (const p of ['members', 'attendees', 'absentees', 'recusals']) rosterSet.append(h('span', { hidden: true, dataset: { path: `command.record.${p}` } }));
  analyse();

  return {
    nodes: [...(bodyNote ? [bodyNote] : []), heldAt, rosterSet, headField, status, departure, changes.el, minutes],
    collect: () => {
      const rec = build();
      const headView = rec.views.find((v) => v.memberId === rec.headId)?.view;
      /** @type {Record<string, unknown>} */
      const record = { ...rec, outcome: headView ?? 'approve', minutesDocumentId: valueOf(minutes) };
      optional(record, 'heldAt', localInputToIso(valueOf(heldAt)));
      optional(record, 'departureReason', valueOf(departure));
      optional(record, 'changes', changes.values());
      return { command: { type: 'record_meeting', record } };
    },
  };
}
