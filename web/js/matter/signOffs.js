// @ts-check
/** The lawyers' signed opinions, each with its checklist and a signature check against any version. */
import { h, badge, mono, formatDateTime, setChildren } from '../dom.js';
import { api, ApiError } from '../api.js';
import { problemBox } from '../forms.js';
import { personEl } from '../people.js';
import { checklistView } from './record.js';
import { LEGALITY_OUTCOME_LABELS, label } from '../labels.js';

/** @typedef {import('../../types/api').MatterView} MatterView */

/** @param {import('../../types/api').SignatureVerdict} v */
function verifyResult(v) {
  return h('div', { class: ['verify', v.valid ? 'verify-ok' : 'verify-bad'], role: 'status' },
    h('strong', {}, v.valid ? '✔ 签名有效' : '✘ 签名无效'),
    ` · 核对第 ${v.checkedVersion} 版 · 签名${v.signatureValid ? '正确' : '不符'} · 文本${v.textMatches ? '与摘要一致' : '与摘要不一致'}`,
    v.void ? ' · 该签署意见已因文本修改作废' : '',
    v.reason ? h('div', {}, `原因：${v.reason}`) : null);
}

/** @param {string} outcome */
const outcomeBadge = (outcome) => badge(label(LEGALITY_OUTCOME_LABELS, outcome), outcome === 'LAWFUL' ? 'ok' : outcome === 'UNLAWFUL' ? 'danger' : 'warn');

/**
 * @param {MatterView} matter
 * @param {{ signOffs: Promise<{ items: import('../../types/api').SignOff[] }> }} data
 */
export function signOffsBlock(matter, data) {
  const el = h('div', {}, h('p', { class: 'muted' }, '正在载入签署意见…'));
  if (!matter.access.signatures) return h('p', { class: 'muted' }, '您的角色不查阅签署意见。');
  const opinions = matter.state.legality.opinions;
  data.signOffs.then((res) => {
    const items = res.items;
    if (!items.length && !opinions.length) { setChildren(el, h('p', { class: 'muted' }, '尚无法律顾问意见。')); return; }
    const current = matter.currentVersion.number;
    const cards = items.map((s) => {
      const opinion = opinions.find((o) => o.lawyerId === s.lawyerId && o.versionHash === s.versionHash && o.givenAt === s.signedAt);
      const out = h('div', { class: 'verify-slot' });
      /** @param {number} [versionNumber] */
      const verify = async (versionNumber) => {
        setChildren(out, h('p', { class: 'muted' }, '正在验证…'));
        try { setChildren(out, verifyResult(await api.verifySignOff(matter.id, s.id, versionNumber))); } catch (err) { setChildren(out, problemBox(err)); }
      };
      return h('article', { class: ['signoff', s.void && 'void'], 'aria-label': `签署意见 第${s.versionNumber}版` },
        h('header', {},
          h('strong', {}, personEl(s.lawyerId)), ' · ', outcomeBadge(s.outcome),
          ` · 第 ${s.versionNumber} 版 · 签署于 ${formatDateTime(s.signedAt)} `,
          s.void ? badge(`已作废${s.voidedByVersion ? `（第${s.voidedByVersion}版提交后）` : ''}`, 'danger') : badge('有效', 'ok')),
        h('p', { class: 'pre' }, s.opinionText),
        opinion ? checklistView(opinion.checklist) : null,
        h('details', { class: 'small' }, h('summary', {}, '版本摘要'), mono(s.versionHash)),
        h('div', { class: 'toolbar no-print' },
          h('button', { type: 'button', class: 'secondary', onclick: () => verify() }, '验证签名'),
          s.versionNumber !== current ? h('button', { type: 'button', class: 'secondary', onclick: () => verify(current) }, `对照当前第 ${current} 版验证`) : null),
        out);
    });
    const unsigned = opinions.filter((o) => !items.some((s) => s.lawyerId === o.lawyerId && s.versionHash === o.versionHash && s.signedAt === o.givenAt));
    setChildren(el, ...cards, ...unsigned.map((o) => h('article', { class: ['signoff', o.void && 'void'] },
      h('header', {}, h('strong', {}, personEl(o.lawyerId)), ' · ', outcomeBadge(o.outcome), ` · ${formatDateTime(o.givenAt)}`, o.void ? badge('已作废', 'danger') : null),
      h('p', { class: 'pre' }, o.text), checklistView(o.checklist))));
  }, (err) => setChildren(el, err instanceof ApiError && err.status === 403 ? h('p', { class: 'muted' }, '您的角色不查阅签署意见。') : problemBox(err)));
  return el;
}
