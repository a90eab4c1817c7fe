// @ts-check
/**
 * The legality review's forms: the retained lawyer's answers to the legality pre-screen's findings (each
 * confirmed with the amendment it needs, or found 不成立 with the reason), the lawyer's signed opinion with
 * the LR-* checklist, and the legal unit's conclusion (合法性审核意见) with the part that belongs to the
 * chosen outcome.
 */
import { h, uid, setChildren } from './dom.js';
import { field, valueOf, optional, repeatable } from './forms.js';
import { api } from './api.js';
import { hashField } from './versionHashField.js';
import { CHECKLIST_LABELS, CHECKLIST_RESULT_LABELS, CONTRACT_CHECKLIST_LABELS, ENFORCEMENT_CHECKLIST_LABELS, LEGALITY_OUTCOME_LABELS } from './labels.js';

/** @typedef {import('./actions.js').ActionContext} ActionContext */
/** @typedef {import('./actions.js').ActionSpec} ActionSpec */
/** @typedef {import('../types/api').LegalityFinding} LegalityFinding */

// ---------------------------------------------------------------------------------------------
// answer_legality_finding
// ---------------------------------------------------------------------------------------------

/** How the lawyer may answer a finding (the command's verdict). @type {Record<string, string>} */
export const LEGALITY_VERDICT_LABELS = { confirmed: '确认（提出修改意见）', dismissed: '不成立（说明理由）' };
/** A finding's state once answered, or not yet. @type {Record<string, string>} */
export const LEGALITY_FINDING_STATUS_LABELS = { open: '待答复', confirmed: '已确认（须修改）', dismissed: '不成立' };

/** @type {Promise<Map<string, { title: string, description: string, basis: string }>> | null} */
let codeTitles = null;
/**
 * What each pre-screen code stands for (GET /api/v1/legality/codes: 设定行政许可, 设定行政处罚 …), fetched once;
 * an empty map when it cannot be read (the code is shown then).
 */
export function legalityCodeTitles() {
  if (!codeTitles) {
    codeTitles = api.legalityCodes().then((r) => new Map((r?.codes ?? []).map((c) => [c.code, { title: c.title, description: c.description, basis: c.basis }])), () => {
      codeTitles = null;
      return new Map();
    });
  }
  return codeTitles;
}

/**
 * The findings still to be answered: on the current version, with the current register, not yet answered.
 * @param {{ findings: LegalityFinding[] } | null | undefined} record
 */
export const openCurrentFindings = (record) => (record?.findings ?? []).filter((f) => f.current && f.status === 'open');

/**
 * A finding in words: where, what the pre-screen found (by its title; the code as a tooltip), the wording, why.
 * @param {LegalityFinding} f
 * @param {Map<string, { title: string }>} titles
 */
export function legalityFindingDetail(f, titles) {
  const title = titles.get(f.code)?.title;
  return [
    h('p', { class: 'finding-head' }, f.clause ? h('strong', {}, f.clause) : null, f.clause ? ' · ' : null, title ?? f.code, ' ', h('code', { class: 'small muted', title: '预审规则编号' }, f.code)),
    h('blockquote', { class: 'excerpt' }, f.excerpt),
    h('p', { class: 'help' }, f.explanation),
  ];
}

/**
 * The verdict (确认 with the amendment / 不成立 with the reason) for the finding `findingId()` names.
 * @param {() => string | null} findingId
 * @returns {ActionSpec}
 */
function verdictFields(findingId) {
  const name = uid('lverdict');
  const radios = Object.keys(LEGALITY_VERDICT_LABELS).map((v) => h('input', { type: 'radio', id: uid('lv'), name, value: v, required: true, dataset: { path: 'command.verdict' } }));
  const amendment = field({ label: '修改意见', path: 'command.amendment', type: 'textarea', rows: 3, wide: true, help: '写明该条款应如何修改；按修改意见修改后，法律顾问对修改后的文本重新签署。' });
  const reason = field({ label: '不成立的理由', path: 'command.reason', type: 'textarea', rows: 3, wide: true, help: '写明该措辞为何合法（如 所依据的法律、法规条款）。' });
  const sync = () => {
    const v = radios.find((r) => r.checked)?.value;
    amendment.hidden = v !== 'confirmed';
    amendment.control.required = v === 'confirmed';
    reason.hidden = v !== 'dismissed';
    reason.control.required = v === 'dismissed';
  };
  radios.forEach((r) => r.addEventListener('change', sync));
  sync();
  const verdict = h('fieldset', { class: 'group', dataset: { path: 'command.verdict' }, tabindex: '-1' }, h('legend', {}, '答复'),
    h('div', { class: 'radios' }, radios.map((r) => h('span', { class: 'radio' }, r, h('label', { for: r.id }, LEGALITY_VERDICT_LABELS[r.value])))),
    h('p', { class: 'field-error', hidden: true }));
  return {
    nodes: [verdict, amendment, reason],
    collect: () => {
      const v = radios.find((r) => r.checked)?.value;
      /** @type {Record<string, unknown>} */
      const command = { type: 'answer_legality_finding', findingId: findingId() ?? '', verdict: v };
      if (v === 'confirmed') optional(command, 'amendment', valueOf(amendment));
      if (v === 'dismissed') optional(command, 'reason', valueOf(reason));
      return { command };
    },
  };
}

/**
 * The answer to one finding (the form next to it in the legality section).
 * @param {LegalityFinding} finding
 * @returns {ActionSpec}
 */
export function answerOneLegalityFindingForm(finding) {
  return verdictFields(() => finding.id);
}

/**
 * The action's own form: the open findings of the current text to choose from, each shown with its wording
 * and explanation, then the answer.
 * @param {ActionContext} ctx
 * @returns {ActionSpec}
 */
export function answerLegalityFindingForm(ctx) {
  const slot = h('div', { class: 'subform' }, h('p', { class: 'muted' }, '正在载入合法性预审问题…'));
  /** @type {{ findingId: string | null }} */
  const chosen = { findingId: null };
  const answer = verdictFields(() => chosen.findingId);
  Promise.all([ctx.loadLegality(), legalityCodeTitles()]).then(([record, titles]) => {
    const open = openCurrentFindings(record);
    if (!open.length) {
      setChildren(slot, h('p', { class: 'ok-note' }, '当前文本没有待答复的合法性预审问题。'));
      return;
    }
    const detail = h('div', { class: 'finding-detail full', 'aria-live': 'polite' });
    const chooser = field({ label: `待答复的合法性预审问题（${open.length} 项）`, path: 'command.findingId', type: 'select', required: true, wide: true,
      options: open.map((f) => [f.id, `${f.clause ? `${f.clause} ` : ''}${titles.get(f.code)?.title ?? f.code}：“${f.excerpt}”`]), value: open[0]?.id ?? '' });
    const show = () => {
      const current = open.find((f) => f.id === chooser.control.value) ?? null;
      chosen.findingId = current?.id ?? null;
      setChildren(detail, current ? legalityFindingDetail(current, titles) : null);
    };
    chooser.control.addEventListener('change', show);
    show();
    setChildren(slot, chooser, detail);
  }, (err) => setChildren(slot, h('p', { class: 'warn' }, `无法载入合法性预审问题：${err.message}`)));
  return { nodes: [slot, ...answer.nodes], collect: answer.collect };
}

/**
 * The LR-* checklist: every point answered; "存在问题" needs a note. On a phone each point is a card.
 * `initial` pre-selects answers (the legal unit starts from the lawyer's opinion and answers for its own).
 * @param {ActionContext} ctx
 * @param {Array<{ code: string, result: string, note?: string, amendment?: string }>} [initial]
 */
function checklistTable(ctx, initial = [], spec = { path: 'command.checklist', labels: /** @type {Record<string, string> | null} */ (null), legend: '' }) {
  /** @type {Array<{ code: string, radioInputs: HTMLInputElement[], note: HTMLInputElement, amendment: HTMLInputElement | null }>} */
  const rows = [];
  const tbody = h('tbody');
  // A contract is reviewed on its own points (CT-*), an enforcement decision on EF-* (spec), everything else on LR-*.
  const contract = ctx.matter.kind === 'contract_review';
  const path = spec.path;
  Object.entries(spec.labels ?? (contract ? CONTRACT_CHECKLIST_LABELS : CHECKLIST_LABELS)).forEach(([code, text], i) => {
    const codeId = uid('lr');
    const name = uid('lr-result');
    // No result is preselected: the adviser must take a position on every point of the checklist.
    const radioInputs = Object.keys(CHECKLIST_RESULT_LABELS).map((value) => h('input', { type: 'radio', id: uid('r'), name, value, required: true, dataset: { path: `${path}.${i}.result` } }));
    const noteId = uid('note');
    const note = h('input', { type: 'text', id: noteId, dataset: { path: `${path}.${i}.note` }, 'aria-labelledby': `${codeId} ${noteId}-l`, placeholder: '说明（存在问题时必填）' });
    // LR-P2 / LR-C1: an issue bars a lawful outcome until the amendment that cures it is recorded.
    const amendment = ['LR-P2', 'LR-C1'].includes(code) ? h('input', { type: 'text', dataset: { path: `${path}.${i}.amendment` }, 'aria-label': `${code} 纠正该问题的修改意见`, placeholder: '纠正该问题的修改意见（结论为合法时必填）', hidden: true }) : null;
    const given = initial.find((e) => e.code === code);
    if (given) {
      const r = radioInputs.find((x) => x.value === given.result);
      if (r) r.checked = true;
      note.value = given.note ?? '';
      if (amendment) amendment.value = given.amendment ?? '';
    }
    const hint = code === 'LR-C3' && ctx.matter.fairCompetitionReview
      ? h('div', { class: 'help' }, ctx.matter.state.fairCompetition.conclusion ? '已有公平竞争审查结论。' : '⚠ 本事项涉及经营者经济活动，尚无公平竞争审查结论。')
      : null;
    const tr = h('tr', {},
      h('th', { scope: 'row', id: codeId, 'data-label': '要点' }, h('code', {}, code), ' ', text, hint),
      h('td', { 'data-label': '判断' }, h('div', { role: 'radiogroup', 'aria-labelledby': codeId, class: 'radios' }, radioInputs.map((r) => h('span', { class: 'radio' }, r, h('label', { for: r.id }, CHECKLIST_RESULT_LABELS[r.value]))))),
      h('td', { 'data-label': '说明' }, h('span', { id: `${noteId}-l`, class: 'sr-only' }, '说明'), note, amendment, h('p', { class: 'field-error', hidden: true })));
    const sync = () => {
      const issue = radioInputs.find((r) => r.checked)?.value === 'issue';
      note.required = issue;
      if (amendment) amendment.hidden = !issue;
      tr.classList.toggle('has-issue', issue);
    };
    radioInputs.forEach((r) => r.addEventListener('change', sync));
    sync();
    rows.push({ code, radioInputs, note, amendment });
    tbody.append(tr);
  });
  /** @param {string} value */
  const setAll = (value) => rows.forEach((r) => {
    const x = r.radioInputs.find((i) => i.value === value);
    if (!x) return;
    x.checked = true;
    x.dispatchEvent(new Event('change'));
  });
  const el = h('fieldset', { class: 'group checklist repeatable', dataset: { path }, tabindex: '-1' },
    h('legend', {}, spec.legend || (contract ? '合同审查要点（CT 清单）' : '合法性审核要点（LR 清单）')),
    h('p', { class: 'help' }, '逐项作出判断；“存在问题”须写明说明。'),
    h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'secondary small', onclick: () => setAll('pass') }, '全部设为“符合”')),
    h('div', { class: 'table-wrap stack' }, h('table', { class: 'checklist-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '要点'), h('th', { scope: 'col' }, '判断'), h('th', { scope: 'col' }, '说明'))),
      tbody)),
    h('p', { class: 'field-error', hidden: true }));
  return {
    el,
    values: () => rows.map((r) => {
      const result = r.radioInputs.find((i) => i.checked)?.value;
      return optional(optional({ code: r.code, result }, 'note', r.note.value.trim()), 'amendment', result === 'issue' && r.amendment ? r.amendment.value.trim() : '');
    }),
  };
}

/**
 * @param {ActionContext} ctx
 * @returns {ActionSpec}
 */
export function lawyerOpinionForm(ctx) {
  const versionHash = hashField(ctx);
  const outcome = field({ label: '意见结论', path: 'command.outcome', type: 'select', required: true, options: Object.entries(LEGALITY_OUTCOME_LABELS), value: 'LAWFUL' });
  const text = field({ label: '法律意见全文', path: 'command.text', type: 'textarea', required: true, rows: 6, wide: true, help: '提交即以您的签名密钥签署，签名与上述文本版本绑定。请先阅读下方「文本版本」中的当前文本。' });
  const checklist = checklistTable(ctx);
  // The opinion is refused while a finding of the pre-screen on this text is unanswered (LEGALITY_FINDINGS_OPEN).
  const openNote = h('div', { class: 'full', 'aria-live': 'polite' });
  ctx.loadLegality().then((record) => {
    const open = openCurrentFindings(record).length;
    if (open) setChildren(openNote, h('p', { class: 'warn' }, `⚠ 当前文本尚有 ${open} 项合法性预审问题未答复，须先逐项答复（见「程序记录 · 合法性审核」或「答复合法性预审问题」），才能出具意见并签署。`));
  }, () => {});
  return { nodes: [openNote, versionHash, outcome, checklist.el, text], collect: () => ({ command: { type: 'submit_lawyer_opinion', versionHash: valueOf(versionHash), outcome: valueOf(outcome), text: valueOf(text), checklist: checklist.values() } }) };
}

/**
 * @param {ActionContext} ctx
 * @returns {ActionSpec}
 */
export function legalityConclusionForm(ctx) {
  const opinions = ctx.matter.state.legality.opinions.filter((o) => !o.void && o.versionHash === ctx.matter.currentVersion.sha256);
  const suggested = opinions[opinions.length - 1]?.outcome ?? 'LAWFUL';
  const versionHash = hashField(ctx);
  const outcome = field({ label: '审核结论', path: 'command.outcome', type: 'select', required: true, options: Object.entries(LEGALITY_OUTCOME_LABELS), value: suggested, help: opinions.length ? `法律顾问对当前版本的意见：${LEGALITY_OUTCOME_LABELS[suggested] ?? suggested}` : '当前版本尚无有效的法律顾问意见。' });
  const text = field({ label: '合法性审核意见书', path: 'command.text', type: 'textarea', required: true, rows: 5, wide: true });
  const amendments = repeatable({ legend: '逐条修改意见', path: 'command.amendments', columns: [{ key: 'clause', label: '条款', required: true }, { key: 'change', label: '修改意见', required: true }], addLabel: '添加修改意见', minRows: 1 });
  const missing = repeatable({ legend: '需补充的程序或材料', path: 'command.missing', columns: [{ label: '事项', required: true }], addLabel: '添加', minRows: 1 });
  const authority = field({ label: '批准机关', path: 'command.approvalAuthority', wide: true });
  // The legal unit's own answer on every point (713号令第28条), starting from the lawyer's; a departure needs its reason.
  // 行政处罚法第58条: an enforcement decision is reviewed on its own points (主体, 管辖, 事实, 证据, 程序, 法律适用, 裁量基准, 文书).
  const enforcement = ctx.matter.kind === 'enforcement_review';
  const checklist = enforcement
    ? checklistTable(ctx, [], { path: 'command.enforcementChecklist', labels: ENFORCEMENT_CHECKLIST_LABELS, legend: '法制审核要点（行政处罚法第58条）' })
    : checklistTable(ctx, opinions[opinions.length - 1]?.checklist ?? []);
  const departure = field({ label: '与法律顾问意见不一致的理由', path: 'command.departureReason', type: 'textarea', rows: 2, wide: true, help: '结论或任一审核要点与法律顾问意见不同时必填。' });
  const risk = field({ label: '探索性改革：明示的法律风险', path: 'command.exploratoryReform.legalRisk', type: 'textarea', rows: 2, wide: true, help: '仅国家尚无明确规定的探索性改革决策事项（713号令第25条第二款）。' });
  const sync = () => {
    const o = outcome.control.value;
    // Only the part that belongs to the chosen outcome is shown (and sent), so nothing stale goes along.
    amendments.el.hidden = o !== 'LAWFUL_WITH_AMENDMENTS';
    missing.el.hidden = !['RETURN_TO_COMPLETE_PROCEDURE', 'MATERIALS_INCOMPLETE'].includes(o);
    authority.hidden = o !== 'NEED_PRIOR_APPROVAL';
    authority.control.required = o === 'NEED_PRIOR_APPROVAL';
    checklist.el.hidden = !['LAWFUL', 'LAWFUL_WITH_AMENDMENTS', 'UNLAWFUL'].includes(o);
    checklist.el.querySelectorAll('input').forEach((i) => { /** @type {HTMLInputElement} */ (i).disabled = checklist.el.hidden; });
    risk.hidden = !(ctx.matter.kind === 'major_decision' || ctx.matter.state.alsoMajorDecision === true) || !['LAWFUL', 'LAWFUL_WITH_AMENDMENTS'].includes(o);
    for (const el of [amendments.el, missing.el]) el.querySelectorAll('input, textarea').forEach((i) => { /** @type {HTMLInputElement} */ (i).disabled = el.hidden; });
  };
  outcome.control.addEventListener('change', sync);
  sync();
  return {
    nodes: [versionHash, outcome, text, checklist.el, departure, amendments.el, missing.el, authority, risk],
    collect: () => {
      const o = valueOf(outcome);
      /** @type {Record<string, unknown>} */
      const command = { type: 'record_legality_conclusion', versionHash: valueOf(versionHash), outcome: o, text: valueOf(text) };
      if (o === 'LAWFUL_WITH_AMENDMENTS') optional(command, 'amendments', amendments.values());
      if (['RETURN_TO_COMPLETE_PROCEDURE', 'MATERIALS_INCOMPLETE'].includes(o)) optional(command, 'missing', missing.values());
      if (o === 'NEED_PRIOR_APPROVAL') optional(command, 'approvalAuthority', valueOf(authority));
      if (!checklist.el.hidden) command[enforcement ? 'enforcementChecklist' : 'checklist'] = checklist.values();
      optional(command, 'departureReason', valueOf(departure));
      if (!risk.hidden && valueOf(risk)) command.exploratoryReform = { legalRisk: valueOf(risk) };
      return { command };
    },
  };
}
