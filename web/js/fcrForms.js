// @ts-check
/**
 * The fair-competition reviewer's forms (公平竞争审查条例): answering the automated pre-screen's findings,
 * and the review record behind a written conclusion — every standard of the rule set answered, the
 * operators and associations heard (第16条), and for an exception its ground, the absence of a less
 * restrictive alternative and a period or end condition (第12条). The server checks all of it; these
 * forms lay it out so that it can be filled in completely the first time.
 */
import { h, uid, setChildren } from './dom.js';
import { field, valueOf, optional, repeatable } from './forms.js';
import { api } from './api.js';
import { FCR_CONCLUSION_LABELS, FCR_ANSWER_LABELS, CONSULTATION_KIND_LABELS, CONSULTATION_METHOD_LABELS, FINDING_STATUS_LABELS, CONFIDENCE_LABELS } from './labels.js';

/** @typedef {import('../types/api').Finding} Finding */
/** @typedef {import('../types/api').StandardsCatalogue} StandardsCatalogue */
/** @typedef {import('./actions.js').ActionContext} ActionContext */
/** @typedef {import('./actions.js').ActionSpec} ActionSpec */

/** @type {Map<string, Promise<StandardsCatalogue>>} */
const standardsCache = new Map();
/**
 * The standards catalogue of a rule set (default: the current one), fetched once per version.
 * @param {string} [version]
 */
export function loadStandards(version) {
  const key = version ?? '';
  let p = standardsCache.get(key);
  if (!p) {
    p = api.fcrStandards(version);
    p.catch(() => standardsCache.delete(key));
    standardsCache.set(key, p);
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// answer_fcr_finding
// ---------------------------------------------------------------------------------------------

/**
 * @param {ActionContext} ctx
 * @returns {ActionSpec}
 */
export function answerFindingForm(ctx) {
  const slot = h('div', { class: 'subform' }, h('p', { class: 'muted' }, '正在载入预审问题…'));
  /** @type {{ findingId: string | null }} */
  const state = { findingId: null };
  const verdictName = uid('verdict');
  const radios = ['confirmed', 'dismissed'].map((v) => {
    const id = uid('v');
    return h('input', { type: 'radio', id, name: verdictName, value: v, required: true, dataset: { path: 'command.verdict' } });
  });
  const reason = field({ label: '理由', path: 'command.reason', type: 'textarea', rows: 3, wide: true, help: '排除的须说明理由；确认的可写明需如何修改。' });
  const syncVerdict = () => { reason.control.required = radios.some((r) => r.checked && r.value === 'dismissed'); };
  radios.forEach((r) => r.addEventListener('change', syncVerdict));
  const verdict = h('fieldset', { class: 'group', dataset: { path: 'command.verdict' }, tabindex: '-1' }, h('legend', {}, '答复'),
    h('div', { class: 'radios' }, radios.map((r) => h('span', { class: 'radio' }, r, h('label', { for: r.id }, r.value === 'confirmed' ? '确认：确有排除、限制竞争的问题' : '排除：不构成问题（须说明理由）')))),
    h('p', { class: 'field-error', hidden: true }));

  ctx.loadFcr().then((fcr) => {
    const open = (fcr?.findings ?? []).filter((f) => f.current && f.status === 'open');
    if (!open.length) {
      setChildren(slot, h('p', { class: 'ok-note' }, '当前版本没有待答复的预审问题。'));
      return;
    }
    const detail = h('div', { class: 'finding-detail full', 'aria-live': 'polite' });
    const chooser = field({ label: `待答复的预审问题（${open.length} 项）`, path: 'command.findingId', type: 'select', required: true, wide: true,
      options: open.map((f) => [f.id ?? '', `${f.code}${f.clause ? ` ${f.clause}` : ''}：“${f.excerpt}”`]), value: open[0]?.id ?? '' });
    const show = () => {
      const current = open.find((f) => f.id === chooser.control.value) ?? null;
      state.findingId = current?.id ?? null;
      setChildren(detail, current ? [
        h('p', {}, h('code', {}, current.code), ' ', current.clause ?? '', ' · 可信度 ', CONFIDENCE_LABELS[current.confidence ?? ''] ?? current.confidence ?? ''),
        h('blockquote', { class: 'excerpt' }, current.excerpt),
        h('p', { class: 'help' }, current.explanation),
      ] : null);
    };
    chooser.control.addEventListener('change', show);
    show();
    setChildren(slot, chooser, detail);
  }, (err) => setChildren(slot, h('p', { class: 'warn' }, `无法载入预审问题：${err.message}`)));

  return {
    nodes: [slot, verdict, reason],
    collect: () => {
      const v = radios.find((i) => i.checked)?.value;
      return { command: optional({ type: 'answer_fcr_finding', findingId: state.findingId ?? '', verdict: v }, 'reason', valueOf(reason)) };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// record_fcr_conclusion with its review record
// ---------------------------------------------------------------------------------------------

/**
 * The standards table: one row per standard, grouped by category, each answered by a radio. A standard
 * answered "不涉及" while the pre-screen raised a finding under it on this version (confirmed, or dismissed
 * — which still means the text touches the standard) is flagged on its row.
 * @param {StandardsCatalogue} catalogue
 * @param {Map<string, { code: string, answer: string, note?: string }>} prefill
 * @param {Map<string, Finding[]>} answeredFindings current-version findings answered, by standard code
 */
function standardsTable(catalogue, prefill, answeredFindings) {
  /** @type {Array<{ code: string, radioInputs: HTMLInputElement[], note: HTMLInputElement, flag: () => boolean }>} */
  const rows = [];
  const tbody = h('tbody');
  /** @type {string | null} */
  let category = null;
  catalogue.standards.forEach((st, i) => {
    if (st.category !== category) {
      category = st.category;
      tbody.append(h('tr', { class: 'group-row' }, h('th', { colspan: '3', scope: 'rowgroup' }, category)));
    }
    const headId = uid('st');
    const name = uid('ans');
    const pre = prefill.get(st.code);
    const radioInputs = Object.keys(FCR_ANSWER_LABELS).map((value) => h('input', { type: 'radio', id: uid('a'), name, value, required: true, checked: pre?.answer === value, dataset: { path: `command.review.standards.${i}.answer` } }));
    const note = h('input', { type: 'text', 'aria-label': `${st.code} 说明`, value: pre?.note ?? '', dataset: { path: `command.review.standards.${i}.note` }, placeholder: '说明（有限制效果时必填）' });
    const findings = answeredFindings.get(st.code) ?? [];
    const flagEl = h('p', { class: 'warn small', hidden: true, role: 'status' });
    const tr = h('tr', {},
      h('th', { scope: 'row', id: headId }, h('code', {}, st.code), ' ', st.title, h('div', { class: 'small muted' }, st.article ?? '')),
      h('td', {}, h('div', { role: 'radiogroup', 'aria-labelledby': headId, class: 'radios stacked' }, radioInputs.map((r) => h('span', { class: 'radio' }, r, h('label', { for: r.id }, FCR_ANSWER_LABELS[r.value])))), flagEl),
      h('td', {}, note));
    const flag = () => radioInputs.find((r) => r.checked)?.value === 'not_involved' && findings.length > 0;
    const sync = () => {
      const restriction = radioInputs.find((r) => r.checked)?.value === 'restriction';
      note.required = restriction;
      tr.classList.toggle('has-issue', restriction);
      const flagged = flag();
      flagEl.hidden = !flagged;
      flagEl.textContent = flagged ? `⚠ 本版本在此标准下有预审提示（${findings.map((f) => `“${f.excerpt}”${FINDING_STATUS_LABELS[f.status ?? ''] ?? ''}`).join('；')}），答“不涉及”请核对。` : '';
      tr.classList.toggle('flagged', flagged);
    };
    radioInputs.forEach((r) => r.addEventListener('change', sync));
    sync();
    rows.push({ code: st.code, radioInputs, note, flag });
    tbody.append(tr);
  });
  /** @param {string} value */
  const setUnanswered = (value) => rows.forEach((r) => {
    if (r.radioInputs.some((x) => x.checked)) return;
    const x = r.radioInputs.find((i) => i.value === value);
    if (!x) return;
    x.checked = true;
    x.dispatchEvent(new Event('change', { bubbles: true }));
  });
  const el = h('fieldset', { class: 'group repeatable fcr-standards', dataset: { path: 'command.review.standards' }, tabindex: '-1' },
    h('legend', {}, `逐项审查（${catalogue.standards.length} 项标准，${catalogue.version}）`),
    h('p', { class: 'help' }, '每项标准都须作出判断；自动预审确认的问题已预选为“具有排除、限制竞争效果”。'),
    h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'secondary small', onclick: () => setUnanswered('not_involved') }, '其余未答项设为“不涉及”')),
    h('div', { class: 'table-wrap stack' }, h('table', { class: 'checklist-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '审查标准'), h('th', { scope: 'col' }, '判断'), h('th', { scope: 'col' }, '说明'))), tbody)),
    h('p', { class: 'field-error', hidden: true }));
  return {
    el,
    values: () => rows.map((r) => optional({ code: r.code, answer: r.radioInputs.find((x) => x.checked)?.value }, 'note', r.note.value.trim())),
    anyRestriction: () => rows.some((r) => r.radioInputs.find((x) => x.checked)?.value === 'restriction'),
    flagged: () => rows.filter((r) => r.flag()).map((r) => r.code),
    /** @param {() => void} fn */
    onChange: (fn) => rows.forEach((r) => r.radioInputs.forEach((x) => x.addEventListener('change', fn))),
  };
}

/**
 * @param {ActionContext} ctx
 * @param {{ hashField: (ctx: ActionContext) => import('./forms.js').Field }} parts
 * @returns {ActionSpec}
 */
export function fcrConclusionForm(ctx, { hashField }) {
  const fc = ctx.matter.state.fairCompetition;
  const conclusion = field({ label: '审查结论', path: 'command.conclusion', type: 'select', required: true, options: Object.entries(FCR_CONCLUSION_LABELS), value: 'no_restrictive_effect' });
  const versionHash = hashField(ctx);
  const summary = field({ label: '结论摘要', path: 'command.summary', type: 'textarea', required: true, rows: 3, wide: true });
  const documentId = field({ label: '书面结论文件编号（可选）', path: 'command.documentId', help: '留空则由系统根据审查记录生成书面审查结论并编号（条例第17条）。' });
  const openNote = h('div', { class: 'full', 'aria-live': 'polite' });
  if ((fc.openFindings ?? 0) > 0) openNote.append(h('p', { class: 'warn' }, `⚠ 尚有 ${fc.openFindings} 项预审问题未答复，须先逐项答复（“答复预审问题”），才能出具结论。`));

  const reviewSlot = h('div', { class: 'subform' }, h('p', { class: 'muted' }, '正在载入审查标准…'));
  const warn = h('div', { class: 'meeting-status', role: 'status', 'aria-live': 'polite' });
  const consultations = repeatable({
    legend: '听取意见（经营者、行业协会商会等，条例第16条）', path: 'command.review.consultations', addLabel: '添加',
    initial: (fc.review?.consultations?.length ? fc.review.consultations : [{}]).map((c) => ({ ...c })),
    help: '应当听取有关经营者、行业协会商会的意见（条例第16条），不能免除；只选择听取方式。',
    columns: [
      { key: 'party', label: '对象', required: true, placeholder: '如 区旅游行业协会' },
      { key: 'kind', label: '类别', type: 'select', required: true, options: Object.entries(CONSULTATION_KIND_LABELS) },
      { key: 'method', label: '方式', type: 'select', required: true, options: Object.entries(CONSULTATION_METHOD_LABELS) },
      { key: 'view', label: '意见', required: true },
    ],
  });
  const methodReason = field({ label: '听取方式的理由（经营者、行业协会仅通过向社会公开征求意见听取时必填）', path: 'command.review.methodReason', type: 'textarea', rows: 2, wide: true, value: fc.review?.methodReason ?? '' });
  const exceptionBox = h('fieldset', { class: 'group', dataset: { path: 'command.review.exception' }, tabindex: '-1' }, h('legend', {}, '适用例外（条例第12条）'));
  const ground = field({ label: '例外情形', path: 'command.review.exception.ground', type: 'select', required: true, options: [], wide: true });
  const exReason = field({ label: '理由', path: 'command.review.exception.reason', type: 'textarea', rows: 2, wide: true, required: true });
  const noAlt = field({ label: '没有对公平竞争影响更小的替代方案的说明', path: 'command.review.exception.noLessRestrictiveAlternative', type: 'textarea', rows: 2, wide: true, required: true });
  const period = field({ label: '实施期限或者终止条件', path: 'command.review.exception.periodOrEndCondition', wide: true, required: true });
  exceptionBox.append(ground, exReason, noAlt, period, h('p', { class: 'field-error', hidden: true }));
  const prev = fc.review?.exception;
  if (prev) { exReason.control.value = prev.reason; noAlt.control.value = prev.noLessRestrictiveAlternative; period.control.value = prev.periodOrEndCondition; }

  /** @type {ReturnType<typeof standardsTable> | null} */
  let table = null;
  /** @type {string | null} */
  let ruleSetVersion = null;
  /** @type {Map<string, Finding>} */
  const confirmed = new Map();
  /** @type {Map<string, Finding[]>} */
  const answered = new Map();

  const sync = () => {
    const isException = conclusion.control.value === 'exception_justified';
    exceptionBox.hidden = !isException;
    exceptionBox.querySelectorAll('input, select, textarea').forEach((c) => { /** @type {HTMLInputElement} */ (c).disabled = !isException; });
    const restricts = table?.anyRestriction() || confirmed.size > 0;
    const parties = consultations.values().filter((c) => c.kind === 'operator' || c.kind === 'association');
    const consulted = parties.length > 0;
    methodReason.control.required = consulted && parties.every((c) => c.method === 'public_comment');
    const flagged = table?.flagged() ?? [];
    setChildren(warn,
      conclusion.control.value === 'no_restrictive_effect' && restricts ? h('p', { class: 'warn' }, '⚠ 有标准判断为“具有排除、限制竞争效果”或有已确认的预审问题，结论不能是“不具有排除、限制竞争效果”。') : null,
      flagged.length ? h('p', { class: 'warn' }, `⚠ ${flagged.join('、')}：本版本在该标准下有已答复的预审提示，却判断为“不涉及”，请核对。`) : null,
      conclusion.control.value === 'breach_must_revise' ? h('p', {}, '结论为应当修改的，事项将退回承办科室修改（条例第18条：未经修改不得出台）。') : null,
      !consulted ? h('p', { class: 'warn' }, '⚠ 尚未记录听取经营者或行业协会商会的意见：条例第16条“应当听取”，不能以理由代替。') : null);
  };
  conclusion.control.addEventListener('change', sync);
  consultations.el.addEventListener('input', sync);
  consultations.el.addEventListener('click', () => setTimeout(sync));

  ctx.loadFcr().then((fcr) => {
    for (const f of fcr?.findings ?? []) {
      if (!f.current || f.status === 'open') continue;
      if (f.status === 'confirmed') confirmed.set(f.code, f);
      answered.set(f.code, [...(answered.get(f.code) ?? []), f]);
    }
  }).catch(() => {}).finally(() => loadStandards().then((catalogue) => {
    ruleSetVersion = catalogue.version;
    // Earlier answers of the same rule set are offered again; confirmed findings preset their standard.
    /** @type {Map<string, { code: string, answer: string, note?: string }>} */
    const prefill = new Map();
    if (fc.review?.ruleSetVersion === catalogue.version) for (const a of fc.review.standards ?? []) prefill.set(a.code, a);
    for (const [code, f] of confirmed) prefill.set(code, { code, answer: 'restriction', note: prefill.get(code)?.note ?? `${f.clause ?? ''}“${f.excerpt}”${f.reason ? `：${f.reason}` : ''}` });
    table = standardsTable(catalogue, prefill, answered);
    table.onChange(sync);
    setChildren(ground.control, h('option', { value: '' }, '（请选择）'), (catalogue.exception?.grounds ?? []).map((g) => h('option', { value: g.code }, `${g.code} ${g.label}`)));
    if (prev) ground.control.value = prev.ground;
    setChildren(reviewSlot, table.el);
    sync();
  }, (err) => setChildren(reviewSlot, h('p', { class: 'warn' }, `无法载入审查标准：${err.message}。`))));
  sync();

  return {
    nodes: [openNote, conclusion, versionHash, reviewSlot, consultations.el, methodReason, exceptionBox, warn, summary, documentId],
    collect: () => {
      /** @type {Record<string, unknown>} */
      const command = { type: 'record_fcr_conclusion', conclusion: valueOf(conclusion), versionHash: valueOf(versionHash), summary: valueOf(summary) };
      optional(command, 'documentId', valueOf(documentId));
      if (table) {
        /** @type {Record<string, unknown>} */
        const review = { ruleSetVersion, standards: table.values(), consultations: consultations.values() };
        optional(review, 'methodReason', valueOf(methodReason));
        if (command.conclusion === 'exception_justified') {
          review.exception = { ground: valueOf(ground), reason: valueOf(exReason), noLessRestrictiveAlternative: valueOf(noAlt), periodOrEndCondition: valueOf(period) };
        }
        command.review = review;
      }
      return { command };
    },
  };
}

