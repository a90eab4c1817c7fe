// @ts-check
/**
 * One form per available action. The command's shape comes from the server: simple commands (and any
 * command this page does not know yet) get a form generated from the schema the server publishes
 * (schemaForm.js); commands that need more help — the research items, the lawyer's checklist, the legality
 * conclusion, the fair-competition review, the meeting record — have forms of their own. The server decides
 * what is allowed (availableActions, and the workflow's own checks on submit); the forms only help people
 * fill in a valid payload, and show the server's refusal when it says no.
 */
import { h, isoToLocalInput, localInputToIso, formatDateTime, setChildren } from './dom.js';
import { field, valueOf, optional, repeatable, onSubmit, problemBox } from './forms.js';
import { api, newIdempotencyKey } from './api.js';
import { answerFindingForm, fcrConclusionForm } from './fcrForms.js';
import { researchItemForm } from './researchForms.js';
import { meetingEditor } from './meetingEditor.js';
import { lawyerOpinionForm, legalityConclusionForm } from './legalityForms.js';
import { schemaForm } from './schemaForm.js';
import { personPicker } from './people.js';
import { hashField } from './versionHashField.js';
import { documentUpload } from './documentUpload.js';
import { FLAGS, FLAG_LABELS, APPLICABLE_FLAGS, MEETING_BODY_LABELS } from './labels.js';

/**
 * What a form may use about the page it is on.
 * @typedef {object} ActionContext
 * @property {import('../types/api').MatterView} matter
 * @property {import('../types/api').Me | null} me
 * @property {() => Promise<string>} loadCurrentText
 * @property {() => Promise<import('../types/api').FcrRecord | null>} loadFcr
 * @property {(result: import('../types/api').ActionResult, action: { type: string, label: string }) => Promise<void>} onDone
 */
/**
 * A form's fields and how to read them into the action's request body.
 * @typedef {{ nodes: HTMLElement[], collect: () => Record<string, unknown> }} ActionSpec
 */

/** @param {string} label @param {string} [path] @param {string} [help] */
const reasonField = (label, path = 'command.reason', help) => field({ label, path, type: 'textarea', required: true, rows: 3, wide: true, help });
const noteField = (label = '备注', path = 'command.note') => field({ label, path, type: 'textarea', rows: 2, wide: true });

/**
 * Checkboxes for the flags, limited to those that apply to the kind.
 * @param {string} kind
 * @param {string[]} selected
 * @param {string} path
 */
function flagBoxes(kind, selected, path) {
  const applicable = APPLICABLE_FLAGS[kind] ?? FLAGS;
  const boxes = FLAGS.filter((f) => applicable.includes(f)).map((f) => {
    const wrap = field({ label: `${FLAG_LABELS[f] ?? f}`, path, type: 'checkbox', value: selected.includes(f), name: 'flags' });
    wrap.control.value = f;
    return wrap;
  });
  const fs = h('fieldset', { class: 'group flags repeatable', dataset: { path }, tabindex: '-1' }, h('legend', {}, '事项标记'), boxes, h('p', { class: 'field-error', hidden: true }));
  return { el: fs, values: () => boxes.filter((b) => /** @type {HTMLInputElement} */ (b.control).checked).map((b) => b.control.value) };
}

/**
 * The earliest moment the meeting may be held: the end of the minimum review time (713号令第26条), or now
 * when it has passed — to the second, so a demo with clocks in seconds does not wait a minute for nothing.
 * @param {import('../types/api').MatterView} matter
 */
export function earliestMeetingAt(matter) {
  const minimum = matter.deadlines.find((d) => d.nature === 'not_before' && d.key === 'legality_review_minimum')?.dueAt;
  const at = Math.max(Date.now() + 5_000, minimum ? Date.parse(minimum) + 1_000 : 0);
  return new Date(Math.ceil(at / 1000) * 1000).toISOString();
}

/** @type {Record<string, (ctx: ActionContext) => ActionSpec | Promise<ActionSpec>>} */
export const ACTION_FORMS = {
  submit_version: (ctx) => {
    const text = field({ label: '新版本全文', path: 'text', type: 'textarea', required: true, rows: 14, wide: true, help: '已载入当前版本文本，修改后提交；也可从文件载入。提交新版本后，法律顾问此前的签署意见作废，依赖旧文本的审查重新开启。' });
    const area = /** @type {HTMLTextAreaElement} */ (text.control);
    area.classList.add('doc-text');
    ctx.loadCurrentText().then((t) => { if (!area.value) area.value = t ?? ''; }).catch(() => {});
    const note = noteField('修改说明');
    const upload = documentUpload(area, { onLoaded: (_doc, file) => { if (!valueOf(note)) note.control.value = `依据文件 ${file.name} 修改`; } });
    return { nodes: [upload, text, note], collect: () => ({ command: optional({ type: 'submit_version' }, 'note', valueOf(note)), text: area.value }) };
  },
  record_research_item: researchItemForm,
  set_flags: (ctx) => {
    const flags = flagBoxes(ctx.matter.kind, ctx.matter.flags ?? [], 'command.flags');
    const reason = reasonField('调整理由');
    return { nodes: [flags.el, reason], collect: () => ({ command: { type: 'set_flags', flags: flags.values(), reason: valueOf(reason) } }) };
  },
  withdraw: () => {
    const reason = reasonField('撤回理由');
    const confirm = field({ label: '我确认撤回本事项（撤回后程序终止，不可恢复）', path: 'confirm', type: 'checkbox' });
    confirm.control.required = true;
    return { nodes: [reason, confirm], collect: () => ({ command: { type: 'withdraw', reason: valueOf(reason) } }) };
  },
  return_for_revision: () => {
    const reason = reasonField('退回理由（写明需修改的内容）', 'command.reason', '承办科室打开本事项时，页面顶部会显示由谁、何时、因何退回以及需要做什么。');
    return { nodes: [reason], collect: () => ({ command: { type: 'return_for_revision', reason: valueOf(reason) } }) };
  },
  assign_fcr_reviewer: (ctx) => {
    const who = personPicker({ label: '公平竞争审查人员', path: 'command.reviewerId', role: 'fcr_reviewer', value: ctx.matter.state.fairCompetition.reviewerId, help: '从人员目录中按姓名选择。' });
    return { nodes: [who], collect: () => ({ command: { type: 'assign_fcr_reviewer', reviewerId: valueOf(who) } }) };
  },
  assign_lawyer: (ctx) => {
    const who = personPicker({ label: '法律顾问', path: 'command.lawyerId', role: 'lawyer', value: ctx.matter.state.legality.lawyerId, exclude: ctx.matter.state.legality.legalUnitActorIds,
      help: '须为在聘期内的法律顾问；出具意见的律师不得同时担任本事项的法制机构审核人。' });
    return { nodes: [who], collect: () => ({ command: { type: 'assign_lawyer', lawyerId: valueOf(who) } }) };
  },
  answer_fcr_finding: answerFindingForm,
  record_fcr_conclusion: (ctx) => fcrConclusionForm(ctx, { hashField }),
  accept_materials: () => ({ nodes: [h('p', { class: 'help' }, '确认送审材料齐全，开始合法性审核并起算审核期限。')], collect: () => ({ command: { type: 'accept_materials' } }) }),
  return_for_supplement: () => {
    const missing = repeatable({ legend: '缺少的材料', path: 'command.missing', minRows: 1, columns: [{ label: '材料名称', required: true }], addLabel: '添加材料', help: '退回补充期间，审核期限中止计算（713号令第26条）。' });
    const note = field({ label: '说明', path: 'command.note', type: 'textarea', required: true, rows: 2, wide: true });
    return { nodes: [missing.el, note], collect: () => ({ command: { type: 'return_for_supplement', missing: missing.values(), note: valueOf(note) } }) };
  },
  submit_lawyer_opinion: lawyerOpinionForm,
  record_legality_conclusion: legalityConclusionForm,
  schedule_meeting: (ctx) => {
    const minimum = ctx.matter.deadlines.find((d) => d.key === 'legality_review_minimum')?.dueAt;
    const at = field({ label: '会议时间（北京时间）', path: 'command.meetingAt', type: 'datetime', step: 1, required: true, value: isoToLocalInput(earliestMeetingAt(ctx.matter), { seconds: true }),
      help: minimum ? `合法性审核最短时间届满于 ${formatDateTime(minimum, { seconds: true })}，会议不得早于此时；已预填最早可以开会的时间。` : undefined });
    const body = field({ label: '会议类型', path: 'command.body', type: 'select', required: true, options: Object.entries(MEETING_BODY_LABELS), value: 'director_office_meeting' });
    const ref = field({ label: '会议编号或名称（可选）', path: 'command.meetingRef' });
    return { nodes: [at, body, ref], collect: () => ({ command: optional({ type: 'schedule_meeting', meetingAt: localInputToIso(valueOf(at)), body: valueOf(body) }, 'meetingRef', valueOf(ref)) }) };
  },
  record_meeting: meetingEditor,
  // Generated from the published command schemas, with placeholders where they help.
  submit_for_review: (ctx) => schemaForm('submit_for_review', ctx, { note: { label: '提交说明（可选）' } }),
  confirm_amendments: (ctx) => schemaForm('confirm_amendments', ctx, { note: { label: '修改情况说明' } }),
  confirm_final_text: (ctx) => schemaForm('confirm_final_text', ctx),
  record_prior_approval: (ctx) => schemaForm('record_prior_approval', ctx, { authority: { label: '批准机关' }, reference: { label: '批准文号' } }),
  report_to_party: (ctx) => schemaForm('report_to_party', ctx, { reference: { label: '请示报告文号' } }),
  record_government_review: (ctx) => schemaForm('record_government_review', ctx, { outcome: { label: '区政府审查结果', value: 'approved' } }),
  sign_and_number: (ctx) => schemaForm('sign_and_number', ctx, { documentNumber: { placeholder: '如 南文旅规〔2026〕1号' } }),
  publish: (ctx) => schemaForm('publish', ctx, { channel: { label: '公布渠道', placeholder: '如 区政府网站' }, reference: { label: '公布地址或文号' } }),
  file_record: (ctx) => schemaForm('file_record', ctx, { authority: { label: '备案机关', placeholder: '如 区司法局' }, reference: { label: '备案文号' } }),
  archive: (ctx) => schemaForm('archive', ctx, { archiveRef: { label: '档案号' }, recipient: { label: '移交单位（可选）', placeholder: '如 区司法局' } }),
};

const DANGER = new Set(['withdraw', 'return_for_revision', 'return_for_supplement']);

/**
 * The form for one available action; a command without a form of its own gets one generated from its
 * published schema.
 * @param {{ type: string, label: string }} action
 * @param {ActionContext} ctx
 */
export function actionForm(action, ctx) {
  const fields = h('div', { class: 'fields' }, h('p', { class: 'muted' }, '正在准备表单…'));
  const form = h('form', { class: 'action-form', dataset: { action: action.type } },
    fields,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: DANGER.has(action.type) ? 'danger' : 'primary' }, action.label)));
  /** @type {ActionSpec | null} */
  let spec = null;
  Promise.resolve((ACTION_FORMS[action.type] ?? ((/** @type {ActionContext} */ c) => schemaForm(action.type, c)))(ctx)).then((s) => {
    spec = s;
    setChildren(fields, s.nodes);
  }, (err) => setChildren(fields, problemBox(err, { heading: '表单无法载入' })));
  onSubmit(form, async () => {
    if (!spec) return;
    const payload = spec.collect();
    const result = await api.act(ctx.matter.id, payload, newIdempotencyKey());
    await ctx.onDone(result, action);
  });
  return form;
}
