// @ts-check
/**
 * The legal unit's decision on an issued document (修改 / 废止 / 继续实施, with the reasons): the same request
 * body for a re-evaluation (POST /api/v1/register/:id/decisions) and for a clean-up (…/cleanups/:id/decisions,
 * with the document's id). Continuing a document with a validity period sets its new expiry; amending names
 * the new matter that drafts the amendment — registered first by the drafting unit (登记新事项).
 */
import { h, localInputToIso } from './dom.js';
import { field, valueOf, optional, onSubmit } from './forms.js';
import { api } from './api.js';
import { DOCUMENT_DECISION_LABELS, label } from './labels.js';

const DECISIONS = ['continue', 'amend', 'repeal'];

/**
 * @param {object} opts
 * @param {import('../types/api').RegisterEntry} opts.entry
 * @param {string} opts.submitLabel
 * @param {(body: Record<string, unknown>) => Promise<void>} opts.submit sends the body (refusals shown on the form)
 * @param {boolean} [opts.inCleanup] a clean-up's decision: a continued document may keep its expiry
 */
export function documentDecisionForm({ entry, submitLabel, submit, inCleanup = false }) {
  // A document is continued in its re-evaluation (from the lead before its expiry) or in a clean-up, which may keep
  // its expiry (the server refuses otherwise: REEVALUATION_NOT_OPEN).
  const notYet = !inCleanup && !entry.reevaluationOpenedAt;
  // Being amended (AMENDMENT_PENDING): only a repeal, until the amending matter ends.
  const offered = entry.status === 'in_force' && entry.amendingMatterId ? ['repeal'] : DECISIONS;
  const decision = field({ label: '决定', path: 'decision', type: 'select', required: true, options: offered.map((d) => [d, label(DOCUMENT_DECISION_LABELS, d)]),
    help: notYet ? '继续实施在有效期届满前的评估期内作出（评估期开始时登记簿提示）；此前确认继续有效的，请通过文件清理作出。' : undefined });
  const reason = field({ label: '理由', path: 'reason', type: 'textarea', required: true, rows: 3, wide: true });
  const expiryHelp = !entry.expiresAt ? '本文件未规定有效期，可不填。' : inCleanup ? '经清理继续有效的，可重新确定有效期（北京时间）；不填则有效期不变。' : '继续实施的，重新确定有效期（北京时间）。';
  const newExpiry = field({ label: '新的有效期至', path: 'newExpiresAt', type: 'datetime', help: expiryHelp });
  // A new matter of the same kind in research: the amendment's drafting, registered by the drafting unit.
  const amending = field({ label: '修改所办事项编号', path: 'amendingMatterId', help: '决定修改的，须先由承办科室登记修改该文件的新事项，在此填写其事项编号。' });
  const candidates = h('datalist', { id: `${amending.control.id}-list` });
  amending.control.setAttribute('list', candidates.id);
  amending.append(candidates);
  api.listMatters({ kind: entry.kind, stage: 'research', limit: 100 }).then((res) => {
    candidates.append(...res.items.filter((m) => m.id !== entry.id).map((m) => h('option', { value: m.id }, m.title)));
  }, () => { /* the number can still be typed */ });
  const sync = () => {
    const d = decision.control.value;
    newExpiry.hidden = d !== 'continue';
    newExpiry.control.required = d === 'continue' && Boolean(entry.expiresAt) && !inCleanup;
    amending.hidden = d !== 'amend';
    amending.control.required = d === 'amend';
  };
  decision.control.addEventListener('change', sync);
  sync();
  const form = h('form', { class: 'document-decision' },
    h('div', { class: 'fields' }, decision, newExpiry, amending, reason),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, submitLabel)));
  onSubmit(form, async () => {
    const d = decision.control.value;
    /** @type {Record<string, unknown>} */
    const body = { decision: d, reason: valueOf(reason) };
    if (d === 'continue') optional(body, 'newExpiresAt', localInputToIso(valueOf(newExpiry)));
    if (d === 'amend') optional(body, 'amendingMatterId', valueOf(amending));
    await submit(body);
  });
  return form;
}
