/**
 * One form per available action, generated from the command's payload (api/matters/commandSchema.ts).
 * The server decides what is allowed (availableActions, and the workflow's own checks on submit); these
 * forms only help people fill in a valid payload, and show the server's refusal when it says no.
 */
import { h, isoToLocalInput, localInputToIso, formatDateTime, shortHash, uid, setChildren } from './dom.js';
import { field, valueOf, optional, group, repeatable, onSubmit } from './forms.js';
import { api, newIdempotencyKey } from './api.js';
import { answerFindingForm, fcrConclusionForm } from './fcrForms.js';
import {
  FLAGS, FLAG_LABELS, APPLICABLE_FLAGS, LEGALITY_OUTCOME_LABELS, FCR_CONCLUSION_LABELS, MEETING_VIEW_LABELS, MEETING_BODY_LABELS,
  CHECKLIST_LABELS, CHECKLIST_RESULT_LABELS, RESEARCH_ITEM_LABELS, RISK_LEVEL_LABELS, GOV_REVIEW_LABELS,
} from './labels.js';

const opts = (labels) => Object.entries(labels);

/**
 * People are named by user id in commands; the forms offer the directory (GET /api/v1/people) as
 * suggestions, loaded once per matter page into ctx.people ({lawyer, fcr, members}: [id, name] pairs).
 */
const noPeople = { lawyer: [], fcr: [], members: [] };
const directory = (ctx) => ctx.people ?? noPeople;

/** The current version's hash, prefilled: opinions and conclusions bind to the exact text reviewed. */
function hashField(ctx, path = 'command.versionHash') {
  const v = ctx.matter.currentVersion;
  return field({
    label: '所针对的文本版本（SHA-256）', path, type: 'hash', required: true, value: v.sha256 ?? '', wide: true,
    help: `已预填当前第 ${v.number} 版的摘要。意见只对这一文本有效，文本一旦修改即失效。`,
  });
}

const reasonField = (label, path = 'command.reason', help) => field({ label, path, type: 'textarea', required: true, rows: 3, wide: true, help });
const noteField = (label = '备注', path = 'command.note') => field({ label, path, type: 'textarea', rows: 2, wide: true });

/** Checkboxes for the flags, limited to those that apply to the kind. */
function flagBoxes(kind, selected, path) {
  const applicable = APPLICABLE_FLAGS[kind] ?? FLAGS;
  const boxes = FLAGS.filter((f) => applicable.includes(f)).map((f) => {
    const wrap = field({ label: `${f} · ${FLAG_LABELS[f]}`, path, type: 'checkbox', value: selected.includes(f), name: 'flags' });
    wrap.control.value = f;
    return wrap;
  });
  const fs = h('fieldset', { class: 'group flags repeatable', dataset: { path }, tabindex: '-1' }, h('legend', {}, '事项标记'), boxes, h('p', { class: 'field-error', hidden: true }));
  fs.values = () => boxes.filter((b) => b.control.checked).map((b) => b.control.value);
  return fs;
}

// ---------------------------------------------------------------------------------------------
// Research items (研究论证材料): one sub-form per kind of item
// ---------------------------------------------------------------------------------------------

const P = 'command.item';
const RESEARCH_FORMS = {
  drafting_explanation: () => {
    const summary = field({ label: '起草说明摘要（目的、依据、过程、主要内容）', path: `${P}.summary`, type: 'textarea', required: true, rows: 4, wide: true });
    const doc = field({ label: '文件编号 documentId', path: `${P}.documentId`, required: true, placeholder: '如 doc-explanation-1' });
    return { nodes: [summary, doc], collect: () => ({ kind: 'drafting_explanation', summary: valueOf(summary), documentId: valueOf(doc) }) };
  },
  legal_bases: () => {
    const bases = repeatable({ legend: '法律依据', path: `${P}.bases`, minRows: 1, addLabel: '添加依据', columns: [
      { key: 'title', label: '法律法规名称', required: true },
      { key: 'article', label: '条款（可选）', placeholder: '如 第二十三条' },
    ] });
    const doc = field({ label: '文件编号（可选）', path: `${P}.documentId` });
    return { nodes: [bases.el, doc], collect: () => optional({ kind: 'legal_bases', bases: bases.values().map((b) => optional({ title: b.title }, 'article', b.article)) }, 'documentId', valueOf(doc)) };
  },
  internal_consultation: () => {
    const rows = repeatable({
      legend: '会签单位及意见', path: `${P}.consultations`, minRows: 1, addLabel: '添加单位',
      help: '不同意的，须载明争议事项、双方意见及理由（713号令第13条）。',
      columns: [
        { key: 'unit', label: '单位', required: true },
        { key: 'agreed', label: '同意', type: 'checkbox' },
        { key: 'opinion', label: '意见', type: 'textarea', rows: 2, required: true },
        { key: 'issue', label: '争议事项（不同意时）' },
        { key: 'unitPosition', label: '该单位意见' },
        { key: 'drafterPosition', label: '起草单位意见' },
        { key: 'reason', label: '理由' },
      ],
    });
    return {
      nodes: [rows.el],
      collect: () => ({
        kind: 'internal_consultation',
        consultations: rows.values().map((r) => {
          const c = { unit: r.unit, agreed: r.agreed, opinion: r.opinion };
          // The dispute is sent only when something of it was written: the server checks completeness.
          if (r.issue || r.unitPosition || r.drafterPosition || r.reason) c.dispute = { issue: r.issue, unitPosition: r.unitPosition, drafterPosition: r.drafterPosition, reason: r.reason };
          return c;
        }),
      }),
    };
  },
  public_comment: () => {
    const opened = field({ label: '开始时间（北京时间）', path: `${P}.openedAt`, type: 'datetime', required: true });
    const closes = field({ label: '截止时间（北京时间）', path: `${P}.closesAt`, type: 'datetime', required: true, help: '重大行政决策征求意见期限一般不少于30日（713号令第15条）。' });
    const channel = field({ label: '征求意见渠道', path: `${P}.channel`, required: true, placeholder: '如 区政府网站' });
    const shortened = field({ label: '缩短期限的理由（不足30日时）', path: `${P}.shortenedReason`, type: 'textarea', rows: 2, wide: true });
    return { nodes: [opened, closes, channel, shortened], collect: () => optional({ kind: 'public_comment', openedAt: localInputToIso(valueOf(opened)), closesAt: localInputToIso(valueOf(closes)), channel: valueOf(channel) }, 'shortenedReason', valueOf(shortened)) };
  },
  hearing: () => {
    const sent = field({ label: '听证材料送达时间', path: `${P}.materialsSentAt`, type: 'datetime', required: true, help: '应于听证会7日前送达（713号令第16条）。' });
    const held = field({ label: '听证会时间', path: `${P}.heldAt`, type: 'datetime', required: true });
    const doc = field({ label: '听证报告文件编号', path: `${P}.documentId`, required: true });
    return { nodes: [sent, held, doc], collect: () => ({ kind: 'hearing', materialsSentAt: localInputToIso(valueOf(sent)), heldAt: localInputToIso(valueOf(held)), documentId: valueOf(doc) }) };
  },
  expert_opinion: () => {
    const name = field({ label: '专家姓名', path: `${P}.expertName`, required: true });
    const inst = field({ label: '所在单位（可选）', path: `${P}.institution` });
    const interest = field({ label: '与决策事项有直接利害关系', path: `${P}.directInterest`, type: 'checkbox', help: '有直接利害关系的专家应当回避（713号令第21条）。' });
    const signed = field({ label: '论证意见已由专家签字', path: `${P}.signed`, type: 'checkbox' });
    const opinion = field({ label: '论证意见', path: `${P}.opinion`, type: 'textarea', required: true, wide: true });
    const doc = field({ label: '文件编号', path: `${P}.documentId`, required: true });
    return { nodes: [name, inst, interest, signed, opinion, doc], collect: () => optional({ kind: 'expert_opinion', expertName: valueOf(name), directInterest: valueOf(interest), signed: valueOf(signed), opinion: valueOf(opinion), documentId: valueOf(doc) }, 'institution', valueOf(inst)) };
  },
  risk_assessment: () => {
    const level = field({ label: '风险等级', path: `${P}.riskLevel`, type: 'select', required: true, options: opts(RISK_LEVEL_LABELS), value: 'low' });
    const ctl = field({ label: '风险可控', path: `${P}.controllable`, type: 'checkbox' });
    const measures = field({ label: '防范化解措施', path: `${P}.measures`, type: 'textarea', required: true, wide: true });
    const doc = field({ label: '风险评估报告文件编号', path: `${P}.documentId`, required: true });
    return { nodes: [level, ctl, measures, doc], collect: () => ({ kind: 'risk_assessment', riskLevel: valueOf(level), controllable: valueOf(ctl), measures: valueOf(measures), documentId: valueOf(doc) }) };
  },
  comment_adoption: () => {
    const entries = repeatable({
      legend: '意见采纳情况', path: `${P}.entries`, addLabel: '添加意见', initial: [{}],
      help: '未收到意见的，可不填任何行。不予采纳的须说明理由。',
      columns: [
        { key: 'commentSummary', label: '意见摘要', required: true },
        { key: 'adopted', label: '采纳', type: 'checkbox' },
        { key: 'reason', label: '不采纳理由' },
      ],
    });
    const doc = field({ label: '文件编号（可选）', path: `${P}.documentId` });
    return { nodes: [entries.el, doc], collect: () => optional({ kind: 'comment_adoption', entries: entries.values().map((e) => optional({ commentSummary: e.commentSummary, adopted: e.adopted }, 'reason', e.reason)) }, 'documentId', valueOf(doc)) };
  },
  procedure_statement: () => {
    const summary = field({ label: '履行法定程序情况', path: `${P}.summary`, type: 'textarea', required: true, rows: 4, wide: true });
    const doc = field({ label: '文件编号', path: `${P}.documentId`, required: true });
    return { nodes: [summary, doc], collect: () => ({ kind: 'procedure_statement', summary: valueOf(summary), documentId: valueOf(doc) }) };
  },
};

/** Which research items the matter already has, for the "(已登记)" marks in the chooser. */
function recordedResearch(state) {
  const r = state?.research ?? {};
  return {
    drafting_explanation: Boolean(r.draftingExplanation),
    legal_bases: Boolean(r.legalBases),
    internal_consultation: Boolean(r.internalConsultation),
    public_comment: Boolean(r.publicComment),
    hearing: (r.hearings ?? []).length > 0,
    expert_opinion: (r.expertOpinions ?? []).length > 0,
    risk_assessment: Boolean(r.riskAssessment),
    comment_adoption: Boolean(r.commentAdoption),
    procedure_statement: Boolean(r.procedureStatement),
  };
}

function researchItemForm(ctx) {
  const done = recordedResearch(ctx.matter.state);
  const flags = ctx.matter.flags ?? [];
  const wanted = { public_comment: flags.includes('PUBLIC'), comment_adoption: flags.includes('PUBLIC'), expert_opinion: flags.includes('TECH'), risk_assessment: flags.includes('RISK') };
  const firstMissing = Object.keys(RESEARCH_FORMS).find((k) => !done[k] && (wanted[k] ?? !['hearing', 'expert_opinion', 'risk_assessment', 'public_comment', 'comment_adoption'].includes(k))) ?? 'drafting_explanation';
  const chooser = field({
    label: '材料类型', path: `${P}.kind`, type: 'select', required: true, value: firstMissing,
    options: Object.entries(RESEARCH_ITEM_LABELS).map(([k, l]) => [k, `${l}${done[k] ? '（已登记，可更新）' : wanted[k] ? '（本事项需要）' : ''}`]),
  });
  const slot = h('div', { class: 'subform' });
  let current;
  const swap = () => {
    current = RESEARCH_FORMS[chooser.control.value]();
    setChildren(slot, ...current.nodes);
  };
  chooser.control.addEventListener('change', swap);
  swap();
  return { nodes: [chooser, slot], collect: () => ({ command: { type: 'record_research_item', item: current.collect() } }) };
}

// ---------------------------------------------------------------------------------------------
// The lawyer's opinion with the LR-* checklist
// ---------------------------------------------------------------------------------------------

function checklistTable(ctx) {
  const rows = [];
  const tbody = h('tbody');
  Object.entries(CHECKLIST_LABELS).forEach(([code, text], i) => {
    const codeId = uid('lr');
    const name = uid('lr-result');
    const radios = Object.entries(CHECKLIST_RESULT_LABELS).map(([value, l]) => {
      const id = uid('r');
      // No result is preselected: the adviser must take a position on every point of the checklist.
      return h('span', { class: 'radio' }, h('input', { type: 'radio', id, name, value, required: true, dataset: { path: `command.checklist.${i}.result` } }), h('label', { for: id }, l));
    });
    const noteId = uid('note');
    const note = h('input', { type: 'text', id: noteId, dataset: { path: `command.checklist.${i}.note` }, 'aria-labelledby': `${codeId} ${noteId}-l`, placeholder: '说明（存在问题时必填）' });
    const hint = code === 'LR-C3' && (ctx.matter.flags ?? []).includes('ECON')
      ? h('div', { class: 'help' }, ctx.matter.state?.fairCompetition?.conclusion ? '已有公平竞争审查结论。' : '⚠ 本事项涉及经营者经济活动，尚无公平竞争审查结论。')
      : null;
    const tr = h('tr', {},
      h('th', { scope: 'row', id: codeId }, h('code', {}, code), ' ', text, hint),
      h('td', {}, h('div', { role: 'radiogroup', 'aria-labelledby': codeId, class: 'radios' }, radios)),
      h('td', {}, h('span', { id: `${noteId}-l`, class: 'sr-only' }, '说明'), note, h('p', { class: 'field-error', hidden: true })));
    const radioInputs = radios.map((r) => r.querySelector('input'));
    const sync = () => {
      const issue = radioInputs.find((r) => r.checked)?.value === 'issue';
      note.required = issue;
      tr.classList.toggle('has-issue', issue);
    };
    radioInputs.forEach((r) => r.addEventListener('change', sync));
    rows.push({ code, radioInputs, note });
    tbody.append(tr);
  });
  const setAll = (value) => rows.forEach((r) => { const x = r.radioInputs.find((i) => i.value === value); x.checked = true; x.dispatchEvent(new Event('change')); });
  const el = h('fieldset', { class: 'group checklist repeatable', dataset: { path: 'command.checklist' }, tabindex: '-1' },
    h('legend', {}, '合法性审核要点（LR 清单）'),
    h('p', { class: 'help' }, '逐项作出判断；“存在问题”须写明说明。'),
    h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'secondary small', onclick: () => setAll('pass') }, '全部设为“符合”')),
    h('div', { class: 'table-wrap' }, h('table', { class: 'checklist-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '要点'), h('th', { scope: 'col' }, '判断'), h('th', { scope: 'col' }, '说明'))),
      tbody)),
    h('p', { class: 'field-error', hidden: true }));
  return {
    el,
    values: () => rows.map((r) => optional({ code: r.code, result: r.radioInputs.find((i) => i.checked)?.value }, 'note', r.note.value.trim())),
  };
}

// ---------------------------------------------------------------------------------------------
// The meeting record editor (713号令第29条、第30条)
// ---------------------------------------------------------------------------------------------

function meetingEditor(ctx) {
  const state = ctx.matter.state ?? {};
  const previous = state.meeting?.records?.[state.meeting.records.length - 1];
  const scheduled = state.meeting?.scheduled;
  const suggestions = [...directory(ctx).members];
  const initialIds = previous?.members ?? (suggestions.length ? suggestions.map(([id]) => id) : ['', '', '']);
  const initialHead = previous?.headId ?? (suggestions[0]?.[0] ?? '');

  const heldAt = field({ label: '会议时间（北京时间，默认为安排的时间）', path: 'command.record.heldAt', type: 'datetime', value: isoToLocalInput(scheduled?.meetingAt) });
  const headSelect = h('select', { id: uid('head'), required: true, dataset: { path: 'command.record.headId' } });
  const headField = h('div', { class: 'field' }, h('label', { for: headSelect.id }, '主持人（行政首长，最后发言）', h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')), headSelect, h('p', { class: 'field-error', hidden: true }));
  const tbody = h('tbody');
  const rows = [];
  const listId = uid('members');
  const datalist = h('datalist', { id: listId }, suggestions.map(([v, t]) => h('option', { value: v }, t)));

  const status = h('div', { class: 'meeting-status', role: 'status', 'aria-live': 'polite' });
  const departure = field({ label: '决定与多数意见不一致的理由', path: 'command.record.departureReason', type: 'textarea', rows: 2, wide: true, help: '决定与会议组成人员多数意见不一致的，应当说明理由（713号令第30条）。' });
  const changes = repeatable({ legend: '会议决定的修改内容（修改后同意时必填）', path: 'command.record.changes', columns: [{ label: '修改内容', required: true }], addLabel: '添加修改' });
  const minutes = field({ label: '会议纪要文件编号', path: 'command.record.minutesDocumentId', required: true, placeholder: '如 minutes-2026-1' });

  const viewOptions = () => Object.entries(MEETING_VIEW_LABELS).map(([v, l]) => h('option', { value: v }, l));

  function refreshHead() {
    const keep = headSelect.value || initialHead;
    const ids = rows.map((r) => r.id.value.trim()).filter(Boolean);
    setChildren(headSelect, h('option', { value: '' }, '（请选择）'), ...ids.map((id) => h('option', { value: id }, id)));
    headSelect.value = ids.includes(keep) ? keep : '';
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
      r.tr.classList.toggle('is-head', r.id.value.trim() === head && head !== '');
      r.up.disabled = i === 0;
      r.down.disabled = i === rows.length - 1;
      r.up.setAttribute('aria-label', `上移第 ${i + 1} 位`);
      r.down.setAttribute('aria-label', `下移第 ${i + 1} 位`);
      r.remove.setAttribute('aria-label', `删除第 ${i + 1} 位`);
    });
    const rec = build();
    const headView = rec.views.find((v) => v.memberId === head)?.view;
    const memberViews = rec.views.filter((v) => v.memberId !== head);
    const counts = {};
    memberViews.forEach((v) => { counts[v.view] = (counts[v.view] ?? 0) + 1; });
    const majority = Object.entries(counts).find(([, n]) => n * 2 > memberViews.length)?.[0] ?? null;
    const dissentWithoutComment = rec.views.filter((v) => headView && v.view !== headView && !v.comment).map((v) => v.memberId);
    const needsReason = majority && headView && majority !== headView;
    departure.control.required = Boolean(needsReason);
    setChildren(status, 
      h('p', {}, '发言顺序：', rec.views.length ? rec.views.map((v) => v.memberId).join(' → ') : '（无）', head ? '（主持人最后发言）' : ''),
      h('p', {}, '决定（取主持人意见）：', h('strong', {}, headView ? MEETING_VIEW_LABELS[headView] : '未确定'),
        ' · 多数意见：', majority ? MEETING_VIEW_LABELS[majority] : '无明确多数'),
      needsReason ? h('p', { class: 'warn' }, '⚠ 决定与多数意见不一致，须填写理由。') : null,
      dissentWithoutComment.length ? h('p', { class: 'warn' }, `⚠ 不同意见应当如实载明：请为 ${dissentWithoutComment.join('、')} 填写意见说明。`) : null,
      headView === 'approve_with_changes' ? h('p', { class: 'warn' }, '⚠ 修改后同意：请填写修改内容。') : null);
  }

  function addRow(id = '', index = rows.length) {
    const prevView = previous?.views?.find((v) => v.memberId === id);
    const wasAbsent = previous?.absentees?.includes(id);
    const r = {};
    r.id = h('input', { type: 'text', value: id, list: listId, required: true, 'aria-label': '组成人员（用户ID）', class: 'mono', autocomplete: 'off' });
    r.attend = h('select', { 'aria-label': '出席情况', value: wasAbsent ? 'absent' : 'attend' }, h('option', { value: 'attend' }, '出席'), h('option', { value: 'absent' }, '缺席'));
    r.recused = h('input', { type: 'checkbox', 'aria-label': '回避' });
    r.reason = h('input', { type: 'text', 'aria-label': '回避理由', placeholder: '回避理由' });
    r.view = h('select', { 'aria-label': '表态', value: prevView?.view ?? 'approve' }, viewOptions());
    r.comment = h('input', { type: 'text', 'aria-label': '意见说明', placeholder: '意见说明（不同意见必填）', value: prevView?.comment ?? '' });
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
    r.up = h('button', { type: 'button', class: 'icon', onclick: () => move(-1) }, '↑');
    r.down = h('button', { type: 'button', class: 'icon', onclick: () => move(1) }, '↓');
    r.remove = h('button', { type: 'button', class: 'icon danger', onclick: () => { rows.splice(rows.indexOf(r), 1); r.tr.remove(); refreshHead(); analyse(); addBtn.focus(); } }, '✕');
    r.tr = h('tr', {},
      h('td', {}, r.id),
      h('td', {}, r.attend),
      h('td', {}, h('label', { class: 'inline' }, r.recused, ' 回避'), r.reason),
      h('td', {}, r.view),
      h('td', {}, r.comment),
      h('td', { class: 'nowrap' }, r.up, r.down, r.remove));
    for (const el of [r.id, r.attend, r.recused, r.reason, r.view, r.comment]) {
      el.addEventListener(el.tagName === 'INPUT' && el.type === 'text' ? 'input' : 'change', () => { if (el === r.id) refreshHead(); analyse(); });
    }
    rows.splice(index, 0, r);
    tbody.append(r.tr);
    return r;
  }

  const addBtn = h('button', { type: 'button', class: 'secondary small', onclick: () => { const r = addRow(); refreshHead(); analyse(); r.id.focus(); } }, '＋ 添加组成人员');
  headSelect.addEventListener('change', analyse);
  initialIds.forEach((id) => addRow(id));
  refreshHead();

  function build() {
    const head = headSelect.value;
    const present = rows.filter((r) => r.id.value.trim());
    const speakers = present.filter((r) => r.attend.value === 'attend' && !r.recused.checked);
    // Speaking order is the table order, with the head moved to the end: the head must speak last.
    const ordered = [...speakers.filter((r) => r.id.value.trim() !== head), ...speakers.filter((r) => r.id.value.trim() === head)];
    return {
      members: present.map((r) => r.id.value.trim()),
      attendees: present.filter((r) => r.attend.value === 'attend').map((r) => r.id.value.trim()),
      absentees: present.filter((r) => r.attend.value === 'absent').map((r) => r.id.value.trim()),
      recusals: present.filter((r) => r.recused.checked).map((r) => ({ memberId: r.id.value.trim(), reason: r.reason.value.trim() })),
      headId: head,
      views: ordered.map((r) => optional({ memberId: r.id.value.trim(), view: r.view.value }, 'comment', r.comment.value.trim())),
    };
  }

  const roster = h('fieldset', { class: 'group repeatable meeting-roster', dataset: { path: 'command.record.views' }, tabindex: '-1' },
    h('legend', {}, '组成人员、出席、回避与表态'),
    h('p', { class: 'help' }, '按发言顺序排列（可用 ↑ ↓ 调整）；主持人自动排在最后发言，决定取主持人的意见。缺席和回避人员不表态。'),
    datalist,
    h('div', { class: 'table-wrap' }, h('table', { class: 'meeting-table' },
      h('thead', {}, h('tr', {}, ['组成人员（用户ID）', '出席', '回避', '表态', '意见说明', '顺序'].map((t) => h('th', { scope: 'col' }, t)))),
      tbody)),
    addBtn,
    h('p', { class: 'field-error', hidden: true }));
  // Paths the server may name for the roster as a whole.
  for (const p of ['members', 'attendees', 'absentees', 'recusals']) roster.append(h('span', { hidden: true, dataset: { path: `command.record.${p}` } }));
  analyse();

  return {
    nodes: [heldAt, roster, headField, status, departure, changes.el, minutes],
    collect: () => {
      const rec = build();
      const headView = rec.views.find((v) => v.memberId === rec.headId)?.view;
      const record = { ...rec, outcome: headView ?? 'approve', minutesDocumentId: valueOf(minutes) };
      optional(record, 'heldAt', localInputToIso(valueOf(heldAt)));
      optional(record, 'departureReason', valueOf(departure));
      optional(record, 'changes', changes.values());
      return { command: { type: 'record_meeting', record } };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Every command type → its form
// ---------------------------------------------------------------------------------------------

function simple(type, fieldsSpec) {
  return (ctx) => {
    const fields = fieldsSpec(ctx);
    return {
      nodes: Object.values(fields),
      collect: () => {
        const command = { type };
        for (const [key, f] of Object.entries(fields)) {
          const v = f.values ? f.values() : valueOf(f);
          if (f.dataset?.kind === 'datetime' || f.control?.type === 'datetime-local') optional(command, key, localInputToIso(v));
          else if (typeof v === 'boolean') command[key] = v;
          else optional(command, key, v);
        }
        return { command };
      },
    };
  };
}

function defaultMeetingAt(ctx) {
  // The meeting may not be held before the minimum review time has passed (713号令第26条: ≥ 7 working days).
  const minimum = (ctx.matter.deadlines ?? []).find((d) => d.key === 'legality_review_minimum')?.dueAt;
  const inAnHour = Date.now() + 3600_000;
  const at = Math.max(inAnHour, minimum ? Date.parse(minimum) + 60_000 : 0);
  return isoToLocalInput(new Date(at).toISOString());
}

export const ACTION_FORMS = {
  submit_version: (ctx) => {
    const text = field({ label: '新版本全文', path: 'text', type: 'textarea', required: true, rows: 14, wide: true, help: '已载入当前版本文本，修改后提交。提交新版本后，法律顾问此前的签署意见作废，依赖旧文本的审查重新开启。' });
    text.control.classList.add('doc-text');
    ctx.loadCurrentText().then((t) => { if (!text.control.value) text.control.value = t ?? ''; }).catch(() => {});
    const fileId = uid('file');
    const file = h('div', { class: 'field' }, h('label', { for: fileId }, '或从文件载入（.txt / .md，UTF-8）'),
      h('input', { type: 'file', id: fileId, accept: '.txt,.md,text/plain,text/markdown', onchange: async (ev) => { const f = ev.target.files?.[0]; if (f) text.control.value = await f.text(); } }));
    const note = noteField('修改说明');
    return { nodes: [text, file, note], collect: () => ({ command: optional({ type: 'submit_version' }, 'note', valueOf(note)), text: text.control.value }) };
  },
  record_research_item: researchItemForm,
  set_flags: (ctx) => {
    const flags = flagBoxes(ctx.matter.kind, ctx.matter.flags ?? [], 'command.flags');
    const reason = reasonField('调整理由');
    return { nodes: [flags, reason], collect: () => ({ command: { type: 'set_flags', flags: flags.values(), reason: valueOf(reason) } }) };
  },
  submit_for_review: simple('submit_for_review', () => ({ note: noteField('提交说明（可选）') })),
  withdraw: (ctx) => {
    const reason = reasonField('撤回理由');
    const confirm = field({ label: '我确认撤回本事项（撤回后程序终止，不可恢复）', path: 'confirm', type: 'checkbox' });
    confirm.control.required = true;
    return { nodes: [reason, confirm], collect: () => ({ command: { type: 'withdraw', reason: valueOf(reason) } }) };
  },
  return_for_revision: simple('return_for_revision', () => ({ reason: reasonField('退回理由（写明需修改的内容）') })),
  assign_fcr_reviewer: simple('assign_fcr_reviewer', (ctx) => ({
    reviewerId: field({ label: '审查人员（用户ID）', path: 'command.reviewerId', required: true, datalist: directory(ctx).fcr, value: directory(ctx).fcr.length === 1 ? directory(ctx).fcr[0][0] : '', help: '填写公平竞争审查人员的用户ID（可从列表中选择）。' }),
  })),
  set_fcr_findings: simple('set_fcr_findings', (ctx) => ({
    openFindings: field({ label: '待答复的初筛问题数', path: 'command.openFindings', type: 'number', min: 0, required: true, value: String(ctx.prescreenCount ?? ctx.matter.state?.fairCompetition?.openFindings ?? 0), help: ctx.prescreenCount !== undefined ? `自动初筛对当前文本提示 ${ctx.prescreenCount} 处措辞（仅供人工判断）。` : undefined }),
    documentId: field({ label: '初筛记录文件编号（可选）', path: 'command.documentId' }),
  })),
  answer_fcr_finding: answerFindingForm,
  record_fcr_conclusion: (ctx) => fcrConclusionForm(ctx, { hashField }),
  accept_materials: () => ({ nodes: [h('p', { class: 'help' }, '确认送审材料齐全，开始合法性审核并起算审核期限。')], collect: () => ({ command: { type: 'accept_materials' } }) }),
  return_for_supplement: () => {
    const missing = repeatable({ legend: '缺少的材料', path: 'command.missing', minRows: 1, columns: [{ label: '材料名称', required: true }], addLabel: '添加材料', help: '退回补充期间，审核期限中止计算（713号令第26条）。' });
    const note = field({ label: '说明', path: 'command.note', type: 'textarea', required: true, rows: 2, wide: true });
    return { nodes: [missing.el, note], collect: () => ({ command: { type: 'return_for_supplement', missing: missing.values(), note: valueOf(note) } }) };
  },
  assign_lawyer: simple('assign_lawyer', (ctx) => ({
    lawyerId: field({ label: '法律顾问（用户ID）', path: 'command.lawyerId', required: true, datalist: directory(ctx).lawyer, value: directory(ctx).lawyer.length === 1 ? directory(ctx).lawyer[0][0] : '', help: '须为在聘期内的法律顾问；出具意见的律师不得同时担任本事项的法制机构审核人。' }),
  })),
  submit_lawyer_opinion: (ctx) => {
    const versionHash = hashField(ctx);
    const outcome = field({ label: '意见结论', path: 'command.outcome', type: 'select', required: true, options: opts(LEGALITY_OUTCOME_LABELS), value: 'LAWFUL' });
    const text = field({ label: '法律意见全文', path: 'command.text', type: 'textarea', required: true, rows: 6, wide: true, help: '提交即以您的签名密钥签署，签名与上述文本版本绑定。请先阅读下方「文本版本」中的当前文本。' });
    const checklist = checklistTable(ctx);
    return { nodes: [versionHash, outcome, checklist.el, text], collect: () => ({ command: { type: 'submit_lawyer_opinion', versionHash: valueOf(versionHash), outcome: valueOf(outcome), text: valueOf(text), checklist: checklist.values() } }) };
  },
  record_legality_conclusion: (ctx) => {
    const opinions = (ctx.matter.state?.legality?.opinions ?? []).filter((o) => !o.void && o.versionHash === ctx.matter.currentVersion.sha256);
    const suggested = opinions[opinions.length - 1]?.outcome ?? 'LAWFUL';
    const versionHash = hashField(ctx);
    const outcome = field({ label: '审核结论', path: 'command.outcome', type: 'select', required: true, options: opts(LEGALITY_OUTCOME_LABELS), value: suggested, help: opinions.length ? `法律顾问对当前版本的意见：${LEGALITY_OUTCOME_LABELS[suggested] ?? suggested}` : '当前版本尚无有效的法律顾问意见。' });
    const text = field({ label: '合法性审核意见书', path: 'command.text', type: 'textarea', required: true, rows: 5, wide: true });
    const amendments = repeatable({ legend: '逐条修改意见', path: 'command.amendments', columns: [{ key: 'clause', label: '条款', required: true }, { key: 'change', label: '修改意见', required: true }], addLabel: '添加修改意见', minRows: 1 });
    const missing = repeatable({ legend: '需补充的程序或材料', path: 'command.missing', columns: [{ label: '事项', required: true }], addLabel: '添加', minRows: 1 });
    const authority = field({ label: '批准机关', path: 'command.approvalAuthority', wide: true });
    const sync = () => {
      const o = outcome.control.value;
      // Only the part that belongs to the chosen outcome is shown (and sent), so nothing stale goes along.
      amendments.el.hidden = o !== 'LAWFUL_WITH_AMENDMENTS';
      missing.el.hidden = !['RETURN_TO_COMPLETE_PROCEDURE', 'MATERIALS_INCOMPLETE'].includes(o);
      authority.hidden = o !== 'NEED_PRIOR_APPROVAL';
      authority.control.required = o === 'NEED_PRIOR_APPROVAL';
      for (const [el, on] of [[amendments.el, !amendments.el.hidden], [missing.el, !missing.el.hidden]]) el.querySelectorAll('input, textarea').forEach((i) => { i.disabled = !on; });
    };
    outcome.control.addEventListener('change', sync);
    sync();
    return {
      nodes: [versionHash, outcome, text, amendments.el, missing.el, authority],
      collect: () => {
        const o = valueOf(outcome);
        const command = { type: 'record_legality_conclusion', versionHash: valueOf(versionHash), outcome: o, text: valueOf(text) };
        if (o === 'LAWFUL_WITH_AMENDMENTS') optional(command, 'amendments', amendments.values());
        if (['RETURN_TO_COMPLETE_PROCEDURE', 'MATERIALS_INCOMPLETE'].includes(o)) optional(command, 'missing', missing.values());
        if (o === 'NEED_PRIOR_APPROVAL') optional(command, 'approvalAuthority', valueOf(authority));
        return { command };
      },
    };
  },
  confirm_amendments: simple('confirm_amendments', (ctx) => ({ versionHash: hashField(ctx), note: noteField('修改情况说明') })),
  record_prior_approval: simple('record_prior_approval', () => ({
    granted: field({ label: '已获批准', path: 'command.granted', type: 'checkbox' }),
    authority: field({ label: '批准机关', path: 'command.authority', required: true }),
    reference: field({ label: '批准文号', path: 'command.reference', required: true }),
    note: noteField(),
  })),
  schedule_meeting: (ctx) => {
    const minimum = (ctx.matter.deadlines ?? []).find((d) => d.key === 'legality_review_minimum')?.dueAt;
    const at = field({ label: '会议时间（北京时间）', path: 'command.meetingAt', type: 'datetime', required: true, value: defaultMeetingAt(ctx), help: minimum ? `合法性审核最短期限届满：${formatDateTime(minimum)}，会议不得早于此时。` : undefined });
    const body = field({ label: '会议类型', path: 'command.body', type: 'select', required: true, options: opts(MEETING_BODY_LABELS), value: 'director_office_meeting' });
    const ref = field({ label: '会议编号/名称（可选）', path: 'command.meetingRef' });
    return { nodes: [at, body, ref], collect: () => ({ command: optional({ type: 'schedule_meeting', meetingAt: localInputToIso(valueOf(at)), body: valueOf(body) }, 'meetingRef', valueOf(ref)) }) };
  },
  record_meeting: meetingEditor,
  confirm_final_text: simple('confirm_final_text', (ctx) => ({ versionHash: hashField(ctx), note: noteField() })),
  report_to_party: simple('report_to_party', () => ({ reference: field({ label: '请示报告文号', path: 'command.reference', required: true }), note: noteField() })),
  record_government_review: simple('record_government_review', () => ({
    outcome: field({ label: '区政府审查结果', path: 'command.outcome', type: 'select', required: true, options: opts(GOV_REVIEW_LABELS), value: 'approved' }),
    reference: field({ label: '文号', path: 'command.reference', required: true }),
    note: noteField(),
  })),
  sign_and_number: simple('sign_and_number', (ctx) => ({
    versionHash: hashField(ctx),
    documentNumber: field({ label: '文号', path: 'command.documentNumber', required: true, placeholder: '如 南文旅规〔2026〕1号' }),
    signedBy: field({ label: '签发人', path: 'command.signedBy', required: true }),
  })),
  publish: simple('publish', () => ({
    channel: field({ label: '公布渠道', path: 'command.channel', required: true, placeholder: '如 区政府网站' }),
    reference: field({ label: '公布地址或文号', path: 'command.reference', required: true }),
  })),
  file_record: simple('file_record', () => ({
    authority: field({ label: '备案机关', path: 'command.authority', required: true, placeholder: '如 区司法局' }),
    reference: field({ label: '备案文号', path: 'command.reference', required: true }),
  })),
  archive: simple('archive', () => ({
    archiveRef: field({ label: '档案号', path: 'command.archiveRef', required: true }),
    recipient: field({ label: '移交单位（可选）', path: 'command.recipient', placeholder: '如 区司法局' }),
  })),
};

/** A generic JSON form for a command type this page does not know yet (a newer server). */
function fallbackForm(type) {
  const json = field({ label: '命令内容（JSON，不含 type）', path: 'command', type: 'textarea', rows: 6, wide: true, value: '{}', help: '此操作暂无专用表单，请按 API 文档 /api/v1/openapi.json 填写。' });
  json.control.classList.add('mono');
  return { nodes: [json], collect: () => ({ command: { ...JSON.parse(valueOf(json) || '{}'), type } }) };
}

const DANGER = new Set(['withdraw', 'return_for_revision', 'return_for_supplement']);

/**
 * The form for one available action. `ctx`: { matter, me, loadCurrentText(), prescreenCount, onDone(result, action) }.
 */
export function actionForm(action, ctx) {
  const spec = (ACTION_FORMS[action.type] ?? (() => fallbackForm(action.type)))(ctx);
  const form = h('form', { class: 'action-form', novalidate: false, dataset: { action: action.type } },
    h('div', { class: 'fields' }, spec.nodes),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: DANGER.has(action.type) ? 'danger' : 'primary' }, action.label)));
  onSubmit(form, async () => {
    const payload = spec.collect();
    const result = await api.act(ctx.matter.id, payload, newIdempotencyKey());
    await ctx.onDone(result, action);
  });
  return form;
}
