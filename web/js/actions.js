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
import { api, newIdempotencyKey, request } from './api.js';
import { answerFindingForm, fcrConclusionForm } from './fcrForms.js';
import { researchItemForm } from './researchForms.js';
import { meetingEditor } from './meetingEditor.js';
import { lawyerOpinionForm, legalityConclusionForm, answerLegalityFindingForm } from './legalityForms.js';
import { schemaForm } from './schemaForm.js';
import { personPicker, personName } from './people.js';
import { hashField } from './versionHashField.js';
import { documentUpload } from './documentUpload.js';
import { FLAGS, FLAG_LABELS, APPLICABLE_FLAGS, MEETING_BODY_LABELS, TRIPLE_ONE_CATEGORY_LABELS, ADJUSTMENT_PURPOSE_LABELS, LEGALITY_OUTCOME_LABELS } from './labels.js';

/**
 * What a form may use about the page it is on.
 * @typedef {object} ActionContext
 * @property {import('../types/api').MatterView} matter
 * @property {import('../types/api').Me | null} me
 * @property {() => Promise<string>} loadCurrentText
 * @property {() => Promise<import('../types/api').FcrRecord | null>} loadFcr
 * @property {() => Promise<import('../types/api').LegalityRecord | null>} loadLegality the legality pre-screen's findings, the legal-basis register, the opinion documents
 * @property {(result: import('../types/api').ActionResult, action: { type: string, label: string }) => Promise<void>} onDone
 */
/**
 * A form's fields and how to read them into the action's request body. `submit`, when present, sends the body
 * somewhere else than the matter's actions (e.g. an adjustment registers a new matter first).
 * @typedef {{ nodes: HTMLElement[], collect: () => Record<string, unknown>, submit?: (body: Record<string, unknown>) => Promise<void> }} ActionSpec
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

/**
 * Which body of the chosen kind sits (its roster is data kept by admins: GET /api/v1/meeting-bodies), and for
 * a Party-committee meeting the “三重一大” category of the item (人事任免 needs two thirds present).
 * @param {import('./forms.js').Field} kind
 * @param {string | undefined} [registered] the category the matter was registered with: the meeting is scheduled under it
 */
function deciderFields(kind, registered) {
  const bodyId = field({ label: '会议机构（组成人员名单以所选机构为准）', path: 'command.bodyId', type: 'select', options: [], help: '不选择时为该类会议的常设机构。' });
  const category = field({ label: '“三重一大”事项类别', path: 'command.category', type: 'select', options: Object.entries(TRIPLE_ONE_CATEGORY_LABELS), value: registered ?? null,
    help: registered ? '登记时已确定本事项类别，会议按此类别研究。' : '党委（党组）会议研究的事项须注明类别；人事任免须三分之二以上组成人员到会。' });
  if (registered) /** @type {HTMLSelectElement} */ (category.control).disabled = true;
  const select = /** @type {HTMLSelectElement} */ (bodyId.control);
  /** @type {Array<{ id: string, kind: string, name: string }>} */
  let bodies = [];
  const sync = () => {
    const party = kind.control.value === 'party_committee_meeting';
    category.hidden = !party;
    category.control.required = party;
    const mine = bodies.filter((b) => b.kind === kind.control.value);
    const keep = select.value;
    select.replaceChildren(h('option', { value: '' }, '（常设机构）'), ...mine.map((b) => h('option', { value: b.id }, b.name)));
    select.value = mine.some((b) => b.id === keep) ? keep : mine.some((b) => b.id === kind.control.value) ? kind.control.value : '';
    bodyId.hidden = mine.length === 0;
  };
  kind.control.addEventListener('change', sync);
  request('GET', '/api/v1/meeting-bodies').then((/** @type {{ items: typeof bodies }} */ r) => { bodies = r.items; sync(); }, () => sync());
  sync();
  return { bodyId, category, categoryValue: () => (category.hidden ? undefined : valueOf(category)) };
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
  // 713号令第3条: a normative document that is also a major decision owes both kinds' duties; never undone.
  classify_as_major_decision: () => {
    const reason = reasonField('认定理由（如 涉及面广、与公众切身利益密切相关）', 'command.reason', '认定后本事项同时履行重大行政决策程序（听取公众意见、公开征求意见不少于30日、合法性审查不少于7个工作日、向党委报告、公布时说明意见采纳情况等），尚未履行的程序将退回研究论证补充。认定不可撤销。');
    return { nodes: [reason], collect: () => ({ command: { type: 'classify_as_major_decision', reason: valueOf(reason) } }) };
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
    const legality = ctx.matter.state.legality;
    const current = legality.lawyerId;
    const who = personPicker({ label: '法律顾问', path: 'command.lawyerId', role: 'lawyer', value: current, exclude: legality.legalUnitActorIds,
      help: '须为在聘期内的法律顾问；出具意见的律师不得同时担任本事项的法制机构审核人。' });
    // 中办发〔2016〕30号: a lawyer who found the matter unlawful is replaced only with the reason on the record.
    const last = current ? legality.opinions.filter((o) => o.lawyerId === current).at(-1) : undefined;
    const foundUnlawful = last?.outcome === 'UNLAWFUL';
    const reason = field({ label: '更换理由', path: 'command.reason', type: 'textarea', rows: 2, wide: true,
      help: foundUnlawful && last
        ? `原法律顾问 ${personName(current ?? '')} 于 ${formatDateTime(last.givenAt)} 出具了“${LEGALITY_OUTCOME_LABELS.UNLAWFUL ?? '不合法'}”的意见：更换法律顾问须写明理由，理由记入留痕。`
        : '更换已指定的法律顾问时，可写明理由（记入留痕）。' });
    const warn = h('p', { class: 'warn full', hidden: true }, '⚠ 原法律顾问认为本事项不合法，更换须写明理由。');
    const sync = () => {
      const replacing = Boolean(current) && who.control.value !== current;
      reason.hidden = !current || (!foundUnlawful && !replacing);
      reason.control.required = foundUnlawful && replacing;
      warn.hidden = !(foundUnlawful && replacing);
    };
    who.control.addEventListener('change', sync);
    sync();
    return { nodes: [who, warn, reason], collect: () => ({ command: optional({ type: 'assign_lawyer', lawyerId: valueOf(who) }, 'reason', reason.hidden ? '' : valueOf(reason)) }) };
  },
  answer_fcr_finding: answerFindingForm,
  answer_legality_finding: answerLegalityFindingForm,
  /**
   * The clause-level legal-basis register: each submit replaces the whole register (and the current version is
   * screened again with it), so the form starts from the register as it stands — adding one entry keeps the others.
   */
  set_legal_basis_register: async (ctx) => {
    const register = ctx.matter.state.legalityPrescreen?.register ?? null;
    // The law text's version is the server's to record (its library's when registered): not sent back.
    const entries = (register?.entries ?? []).map(({ lawVersion: _version, ...entry }) => entry);
    const spec = await schemaForm('set_legal_basis_register', ctx, {
      entries: { label: '条款合法性依据', initial: entries, help: '每行一项依据：条款、所依据的法律或行政法规及其条、款、项。' },
      lawVersion: { omit: true },
      clause: { label: '条款', placeholder: '如 第三条第二款' },
      law: { label: '法律、行政法规', placeholder: '如 中华人民共和国旅游法' },
    });
    const intro = h('p', { class: 'help' }, register
      ? `已载入当前登记表（第 ${register.revision} 版，${entries.length} 项依据）。提交后以下方全部条目替换登记表，当前版本按新的登记表重新预审；删除的条目即不再登记。`
      : '尚未登记。提交后当前版本按登记的依据重新预审。');
    return { ...spec, nodes: [intro, ...spec.nodes] };
  },
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
    // The body that decides this kind (configuration) is proposed; the workflow refuses any other (BODY_NOT_COMPETENT).
    const body = field({ label: '会议类型', path: 'command.body', type: 'select', required: true, options: Object.entries(MEETING_BODY_LABELS), value: ctx.matter.decidingBody ?? 'director_office_meeting' });
    const deciding = deciderFields(body, ctx.matter.state.tripleOneCategory);
    const ref = field({ label: '会议编号或名称（可选）', path: 'command.meetingRef' });
    return {
      nodes: [at, body, deciding.bodyId, deciding.category, ref],
      collect: () => ({ command: optional(optional(optional({ type: 'schedule_meeting', meetingAt: localInputToIso(valueOf(at)), body: valueOf(body) }, 'bodyId', valueOf(deciding.bodyId)), 'category', deciding.categoryValue()), 'meetingRef', valueOf(ref)) }),
    };
  },
  /** 行政处罚法第60条: the 90 days from filing extended where a law, regulation or rule allows it. */
  extend_case_deadline: (ctx) => schemaForm('extend_case_deadline', ctx, {
    days: { label: '延长天数（日）', min: 1, max: 365, step: 1 },
    reason: { label: '延长理由' },
    approvedBy: { label: '批准人（行政机关负责人）' },
    basis: { label: '延长依据（法律、法规、规章条款）', placeholder: '如 《市场监督管理行政处罚程序规定》第六十四条' },
  }),
  // Important contracts and major agreements (重要合同、重大协议): particulars before the review, the signed contract, the closure.
  record_contract_particulars: (ctx) => schemaForm('record_contract_particulars', ctx, {
    authority: { label: '授权依据（法定代表人或书面授权委托）' },
    reference: { label: '采购项目编号或公告' },
    reason: { label: '无需采购程序的理由' },
    from: { label: '合同期限起' },
    to: { label: '合同期限止' },
    documentId: { label: '合同要素表文件编号（可选）' },
  }),
  record_contract_signing: (ctx) => {
    const particulars = ctx.matter.state.contract?.particulars;
    return schemaForm('record_contract_signing', ctx, {
      signedAt: { label: '签订时间（北京时间）' },
      counterparty: { value: particulars?.parties.find((p) => p.role === 'counterparty')?.name ?? null },
      value: { label: '合同金额（元）', min: 0, step: 0.01, value: particulars?.price.amount ?? null },
      termStart: { label: '履行期限起（北京时间）' },
      termEnd: { label: '履行期限止（北京时间）' },
      documentId: { label: '签订文本文件编号（可选）' },
    });
  },
  close_contract: (ctx) => schemaForm('close_contract', ctx, { outcome: { label: '合同终结情形' }, note: { label: '说明' }, renewalMatterId: { label: '续签审查事项编号（续签时填写）' } }),
  record_meeting: meetingEditor,
  // Generated from the published command schemas, with placeholders where they help.
  submit_for_review: (ctx) => schemaForm('submit_for_review', ctx, { note: { label: '提交说明（可选）' } }),
  confirm_amendments: (ctx) => schemaForm('confirm_amendments', ctx, { note: { label: '修改情况说明' } }),
  confirm_final_text: (ctx) => schemaForm('confirm_final_text', ctx),
  record_prior_approval: (ctx) => schemaForm('record_prior_approval', ctx, { authority: { label: '批准机关' }, reference: { label: '批准文号' } }),
  report_to_party: (ctx) => schemaForm('report_to_party', ctx, { reference: { label: '请示报告文号' } }),
  record_government_review: (ctx) => schemaForm('record_government_review', ctx, { outcome: { label: '区政府审查结果', value: 'approved' } }),
  // The register numbers the document when it is signed (统一编号): a typed number would be refused (DOCUMENT_NUMBER_ASSIGNED).
  sign_and_number: async (ctx) => {
    const spec = await schemaForm('sign_and_number', ctx, { documentNumber: { omit: true } });
    return { ...spec, nodes: [h('p', { class: 'help' }, '文号无需填写：签发时由文件登记簿按文件类别和年度统一编号，编定的文号显示在程序记录和文件登记簿中。'), ...spec.nodes] };
  },
  publish: (ctx) => schemaForm('publish', ctx, {
    channel: { label: '公布渠道', placeholder: '如 区政府网站' },
    reference: { label: '公布地址或文号' },
    // 713号令第32条: a draft from what the record holds (the comment adoption table, the experts' adoption), to be read and corrected.
    adoptionStatement: { value: adoptionStatementDraft(ctx.matter) },
    interpretation: { placeholder: '如 新闻发布会（2026年12月10日）；政策解读（区政府网站）' },
  }),
  // 713号令第32条: a major decision 依法不予公开 (exempted on that ground from hearing the public) is not published.
  withhold_publication: (ctx) => schemaForm('withhold_publication', ctx, { ground: { label: '不予公开的法律依据', value: ctx.matter.state.research?.participationExemption?.legalGround ?? null } }),
  file_record: (ctx) => schemaForm('file_record', ctx, { authority: { label: '备案机关', placeholder: '如 区司法局' }, reference: { label: '备案文号' } }),
  archive: (ctx) => schemaForm('archive', ctx, { archiveRef: { label: '档案号' }, recipient: { label: '移交单位（可选）', placeholder: '如 区司法局' } }),
  /**
   * 713号令第37条: a major adjustment or stopping an issued major decision goes through the statutory procedure
   * again — a new matter of the same kind, linked to this one. POST …/adjustments registers it and records it
   * here in one request; the page then opens the new matter.
   */
  record_adjustment: (ctx) => {
    const purpose = field({ label: '调整类型', path: 'purpose', type: 'select', required: true, options: Object.entries(ADJUSTMENT_PURPOSE_LABELS), value: 'adjust' });
    const reason = reasonField('调整或停止执行的理由', 'reason', '将登记一个新事项，依照法定程序重新决策，并与本决策关联。');
    const title = field({ label: '新事项名称', path: 'title', required: true, wide: true, value: `关于调整${ctx.matter.title}的决定` });
    const flags = flagBoxes(ctx.matter.kind, ctx.matter.flags ?? [], 'flags');
    const text = field({ label: '调整后的决策草案（或停止执行的决定）', path: 'text', type: 'textarea', required: true, rows: 10, wide: true });
    /** @type {ActionSpec} */
    const spec = {
      nodes: [purpose, reason, title, flags.el, text],
      collect: () => ({ purpose: valueOf(purpose), reason: valueOf(reason), title: valueOf(title), flags: flags.values(), text: valueOf(text) }),
      submit: async (body) => {
        const created = await request('POST', `/api/v1/matters/${encodeURIComponent(ctx.matter.id)}/adjustments`, { body, headers: { 'idempotency-key': newIdempotencyKey() } });
        location.hash = `#/matters/${encodeURIComponent(created.matterId)}`;
      },
    };
    return spec;
  },
};

/**
 * A draft of the statement 713号令第32条 asks for when a major decision is published: how the public's opinions
 * (the adoption table of the open comment) and the experts' opinions were adopted. Null for other matters.
 * @param {import('../types/api').MatterView} matter
 * @returns {string | null}
 */
function adoptionStatementDraft(matter) {
  if (matter.kind !== 'major_decision' && !matter.state.alsoMajorDecision) return null;
  const research = matter.state.research;
  const entries = research.commentAdoption?.entries ?? [];
  const adopted = entries.filter((e) => e.adopted).length;
  const parts = [];
  if (research.commentAdoption) {
    parts.push(entries.length ? `公开征求意见共收到意见${entries.length}条，采纳${adopted}条，未采纳${entries.length - adopted}条（未采纳的理由见意见采纳情况表）。` : '公开征求意见期间未收到意见。');
  }
  if (research.expertAdoption?.summary) parts.push(`专家论证意见采纳情况：${research.expertAdoption.summary}`);
  return parts.length ? parts.join('\n') : null;
}

const DANGER = new Set(['withdraw', 'return_for_revision', 'return_for_supplement']);

/**
 * The form for one available action; a command without a form of its own gets one generated from its
 * published schema. `build` gives the form for one case of the action (e.g. the answer to one finding).
 * @param {{ type: string, label: string }} action
 * @param {ActionContext} ctx
 * @param {(ctx: ActionContext) => ActionSpec | Promise<ActionSpec>} [build]
 */
export function actionForm(action, ctx, build) {
  const fields = h('div', { class: 'fields' }, h('p', { class: 'muted' }, '正在准备表单…'));
  const form = h('form', { class: 'action-form', dataset: { action: action.type } },
    fields,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: DANGER.has(action.type) ? 'danger' : 'primary' }, action.label)));
  /** @type {ActionSpec | null} */
  let spec = null;
  Promise.resolve((build ?? ACTION_FORMS[action.type] ?? ((/** @type {ActionContext} */ c) => schemaForm(action.type, c)))(ctx)).then((s) => {
    spec = s;
    setChildren(fields, s.nodes);
  }, (err) => setChildren(fields, problemBox(err, { heading: '表单无法载入' })));
  onSubmit(form, async () => {
    if (!spec) return;
    const payload = spec.collect();
    if (spec.submit) return spec.submit(payload);
    const result = await api.act(ctx.matter.id, payload, newIdempotencyKey());
    await ctx.onDone(result, action);
  });
  return form;
}
