// @ts-check
/**
 * The legality pre-screen in the legality section (GET /api/v1/matters/:id/legality): each finding on the
 * current text with the lawyer's answer — and, for the person the procedure offers the answer to, a form
 * next to each open one —, the findings on earlier versions, the clause-level legal-basis register with what
 * newer law texts did to the provisions it cites, and the generated opinion documents.
 */
import { h, badge, table, formatDateTime, setChildren } from '../dom.js';
import { api, ApiError } from '../api.js';
import { problemBox } from '../forms.js';
import { personEl } from '../people.js';
import { actionForm } from '../actions.js';
import { openHtmlPage } from '../downloads.js';
import { legalityCodeTitles, legalityFindingDetail, answerOneLegalityFindingForm, LEGALITY_FINDING_STATUS_LABELS } from '../legalityForms.js';
import { CONFIDENCE_LABELS, label } from '../labels.js';
import { subsection, hashBadge } from './record.js';
import { findingStatusBadge } from '../prescreen.js';

/** @typedef {import('../../types/api').MatterView} MatterView */
/** @typedef {import('../../types/api').LegalityRecord} LegalityRecord */
/** @typedef {import('../../types/api').LegalityFinding} LegalityFinding */
/** @typedef {import('../actions.js').ActionContext} ActionContext */

/** The generated opinion documents. @type {Record<string, string>} */
const DOCUMENT_KIND_LABELS = { lawyer_opinion: '法律顾问合法性审核意见书（已签署）', legal_unit_opinion: '法制机构合法性审核意见' };
/** What a newer law text did to a cited provision (domain/laws/changes). @type {Record<string, string>} */
const LAW_CHANGE_LABELS = { current: '现行有效', not_in_library: '法规库未收录，请人工核对', unchanged: '法规文本已更新，本条未变', changed: '法规文本已更新，本条已修改', removed: '法规文本已更新，本条已删除' };

/**
 * The lawyer's answer to a finding, with who gave it and when.
 * @param {LegalityFinding} f
 */
function answerView(f) {
  if (f.status === 'open') return null;
  return h('div', { class: 'finding-answer-view' },
    f.status === 'confirmed' ? h('p', {}, h('strong', {}, '修改意见：'), f.amendment ?? '') : h('p', {}, h('strong', {}, '不成立的理由：'), f.reason ?? ''),
    f.answeredBy ? h('p', { class: 'small muted' }, personEl(f.answeredBy), ` · ${formatDateTime(f.answeredAt)}`) : null);
}

/**
 * One finding of the current text, and for whoever may answer it now, the answer form (folded).
 * @param {LegalityFinding} f
 * @param {Map<string, { title: string }>} titles
 * @param {{ type: string, label: string } | null} answerAction
 * @param {ActionContext} ctx
 */
function findingItem(f, titles, answerAction, ctx) {
  const li = h('li', { class: ['legality-finding', f.status === 'confirmed' && 'has-issue'], dataset: { status: f.status } },
    h('div', { class: 'finding-status' }, findingStatusBadge(f.status, LEGALITY_FINDING_STATUS_LABELS), f.confidence ? badge(`可信度${CONFIDENCE_LABELS[f.confidence] ?? f.confidence}`, `conf-${f.confidence}`) : null),
    legalityFindingDetail(f, titles),
    answerView(f));
  if (f.status === 'open' && answerAction) {
    const body = h('div', { class: 'action-body' });
    const details = h('details', { class: 'finding-answer' }, h('summary', {}, '答复此问题'), body);
    details.addEventListener('toggle', () => {
      if (!details.open || body.firstChild) return;
      body.append(actionForm(answerAction, ctx, () => answerOneLegalityFindingForm(f)));
      /** @type {HTMLElement | null} */ (body.querySelector('input, textarea'))?.focus();
    });
    li.append(details);
  }
  return li;
}

/**
 * @param {LegalityRecord} record
 * @param {Map<string, { title: string }>} titles
 * @param {MatterView} matter
 * @param {ActionContext} ctx
 */
function recordView(record, titles, matter, ctx) {
  const current = record.findings.filter((f) => f.current);
  const earlier = record.findings.filter((f) => !f.current);
  const open = current.filter((f) => f.status === 'open').length;
  const answerAction = (matter.availableActions ?? []).find((a) => a.type === 'answer_legality_finding') ?? null;
  const register = record.register;
  const documentStatus = h('div', { 'aria-live': 'polite' });
  return [
    subsection(`合法性预审问题（当前第 ${record.currentVersion.number} 版：${current.length} 项${open ? `，待答复 ${open} 项` : ''}）`,
      current.length
        ? [
          h('p', { class: 'help' }, answerAction && open
            ? '以下预审问题须由法律顾问逐项答复（确认的提出修改意见，不成立的说明理由），全部答复后方可出具意见并签署。'
            : '法律顾问须逐项答复预审问题，全部答复后方可出具意见并签署。'),
          h('ol', { class: 'findings legality-findings' }, current.map((f) => findingItem(f, titles, answerAction, ctx))),
        ]
        : h('p', { class: 'muted' }, '当前文本没有合法性预审提示。'),
      earlier.length
        ? h('details', { class: 'earlier-findings' }, h('summary', {}, `此前版本或登记表下的预审问题（${earlier.length} 项）`),
          h('ol', { class: 'findings' }, earlier.map((f) => h('li', {},
            h('span', { class: 'small muted' }, `第 ${f.versionNumber} 版`), ' ', findingStatusBadge(f.status, LEGALITY_FINDING_STATUS_LABELS), ' ',
            f.clause ? `${f.clause} ` : '', titles.get(f.code)?.title ?? f.code, `：“${f.excerpt}”`,
            answerView(f)))))
        : null),
    subsection(register ? `条款合法性依据登记（第 ${register.revision} 版登记表）` : '条款合法性依据登记',
      register && register.entries.length
        ? [
          table(['条款', '依据', '法规文本'], register.entries.map((e) => h('tr', { class: ['changed', 'removed'].includes(e.lawChange.status) ? 'has-issue' : '' },
            h('th', { scope: 'row' }, e.clause),
            h('td', {}, `《${e.law}》第${e.article}条${e.paragraph ? `第${e.paragraph}款` : ''}${e.item ? `第${e.item}项` : ''}`),
            h('td', {}, label(LAW_CHANGE_LABELS, e.lawChange.status), e.lawVersion ? h('span', { class: 'small muted' }, `（登记时版本 ${e.lawVersion}）`) : null))), { caption: '条款所依据的法律、行政法规', stack: true }),
          h('p', { class: 'small muted' }, '登记：', personEl(register.setBy), ` · ${formatDateTime(register.setAt)}`),
        ]
        : h('p', { class: 'muted' }, '尚未登记条款的法律依据（承办科室可「登记条款合法性依据」，预审据此核对条款引用）。')),
    record.documents.length
      ? subsection('合法性审核意见书', h('ul', { class: 'opinion-documents' }, record.documents.map((d) => h('li', {},
        label(DOCUMENT_KIND_LABELS, d.kind), ' · ', hashBadge(d.versionHash, matter), ' · ', personEl(d.createdById), ` · ${formatDateTime(d.createdAt)} `,
        matter.access.trail ? h('button', { type: 'button', class: 'link', onclick: () => openHtmlPage(() => api.legalityDocumentRaw(matter.id, d.id), documentStatus, '打开意见书') }, '打开') : null))), documentStatus)
      : null,
  ];
}

/**
 * The legality pre-screen's part of the legality section, filled in when the record arrives.
 * @param {MatterView} matter
 * @param {ActionContext} ctx
 */
export function legalityPrescreenBlock(matter, ctx) {
  const el = h('div', { class: 'legality-prescreen' }, h('p', { class: 'muted' }, '正在载入合法性预审记录…'));
  Promise.all([ctx.loadLegality(), legalityCodeTitles()]).then(([record, titles]) => {
    setChildren(el, record ? recordView(record, titles, matter, ctx) : null);
  }, (err) => setChildren(el, err instanceof ApiError && [403, 404].includes(err.status) ? null : problemBox(err)));
  return el;
}
