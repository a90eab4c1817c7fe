// @ts-check
/**
 * The texts: every version (immutable, with its SHA-256), one shown with its pre-screen findings
 * highlighted, and a comparison of any two versions (the diff page).
 */
import { h, badge, mono, table, formatDateTime, setChildren } from '../dom.js';
import { problemBox } from '../forms.js';
import { personEl } from '../people.js';
import { prescreen, highlightedText, findingsList } from '../prescreen.js';

/** @typedef {import('../../types/api').MatterView} MatterView */
/** @typedef {import('../../types/api').Finding} Finding */

/**
 * @typedef {object} VersionData
 * @property {Promise<{ items: import('../../types/api').VersionInfo[] }>} versions
 * @property {(n: number) => Promise<import('../../types/api').VersionInfo & { text: string }>} versionText
 * @property {Promise<import('../../types/api').FcrRecord | null>} fcr
 */

/**
 * @param {MatterView} matter
 * @param {VersionData} data
 */
export function versionsBlock(matter, data) {
  const viewer = h('div', { class: 'version-viewer', 'aria-live': 'polite' });
  const stateVersions = matter.state.versions;
  const econ = matter.fairCompetitionReview;
  const current = matter.currentVersion.number;
  /** @param {number} n */
  const show = async (n) => {
    setChildren(viewer, h('p', { class: 'muted' }, `正在载入第 ${n} 版…`));
    try {
      const v = await data.versionText(n);
      const meta = stateVersions.find((x) => x.number === n);
      const head = h('div', { class: 'version-head' },
        h('h3', {}, `第 ${n} 版${n === current ? '（当前版本）' : ''}`),
        h('p', { class: 'small' }, 'SHA-256 ', mono(v.sha256), meta?.note ? ` · ${meta.note}` : ''));
      if (!econ) {
        setChildren(viewer, head, h('div', { class: 'doc-text', tabindex: '0', role: 'region', 'aria-label': `第 ${n} 版文本` }, v.text));
        return;
      }
      setChildren(viewer, head, h('p', { class: 'muted' }, '正在载入公平竞争审查预审结果…'), h('div', { class: 'doc-text' }, v.text));
      const prefix = `v${n}`;
      // The workflow pre-screens every version and keeps the findings with their answers; only a version it
      // did not screen (a matter from before the pre-screen) is screened here on the fly.
      const stored = await data.fcr.catch(() => null);
      const screened = (matter.state.fairCompetition.prescreens ?? []).find((p) => p.versionHash === v.sha256);
      /** @type {Finding[]} */
      let findings;
      let heading = '';
      if (stored && screened) {
        findings = stored.findings.filter((f) => f.versionNumber === n);
        heading = `公平竞争审查自动预审（规则 ${screened.ruleSetVersion}）：${findings.length} 处提示`;
      } else {
        const result = await prescreen(v.text);
        if (result.status !== 'ok') {
          setChildren(viewer, head,
            h('p', { class: 'muted small' }, result.status === 'unavailable' ? '公平竞争审查初筛服务未启用，显示原文。' : '初筛暂不可用，显示原文。'),
            h('div', { class: 'doc-text', tabindex: '0', role: 'region', 'aria-label': `第 ${n} 版文本` }, v.text));
          return;
        }
        findings = result.findings;
        heading = `公平竞争审查即时初筛${result.ruleSetVersion ? `（规则 ${result.ruleSetVersion}）` : ''}：${findings.length} 处提示`;
      }
      setChildren(viewer, head,
        h('div', { class: 'prescreen' },
          h('h4', {}, heading),
          h('p', { class: 'help' }, '自动预审仅提示可能涉及审查标准的措辞，供审查人员逐项判断，不是审查结论。'),
          findingsList(findings, prefix)),
        highlightedText(v.text, findings, prefix));
    } catch (err) {
      setChildren(viewer, problemBox(err));
    }
  };
  const listEl = h('div', {}, h('p', { class: 'muted' }, '正在载入版本…'));
  data.versions.then((res) => {
    const rows = res.items.map((v) => {
      const meta = stateVersions.find((x) => x.number === v.number);
      return h('tr', {},
        h('th', { scope: 'row' }, `第 ${v.number} 版`, v.number === current ? [' ', badge('当前', 'ok')] : null),
        h('td', {}, personEl(v.createdById ?? meta?.submittedBy)),
        h('td', {}, formatDateTime(v.createdAt ?? meta?.submittedAt)),
        h('td', {}, meta?.note ?? ''),
        h('td', { class: 'nowrap' },
          h('button', { type: 'button', class: 'secondary small', onclick: () => show(v.number) }, '查看文本'),
          v.number > 1 ? [' ', h('a', { class: 'button secondary small', href: `#/matters/${encodeURIComponent(matter.id)}/diff?from=${v.number - 1}&to=${v.number}` }, `与第 ${v.number - 1} 版比较`)] : null));
    });
    setChildren(listEl,
      table(['版本', '提交人', '时间', '说明', ''], rows, { caption: '文本版本（不可修改，每版以 SHA-256 摘要固定）', cls: 'versions', stack: true }),
      res.items.length > 1 ? h('p', {}, h('a', { href: `#/matters/${encodeURIComponent(matter.id)}/diff?from=1&to=${current}` }, `比较任意两个版本（第 1 版 → 第 ${current} 版）`)) : null);
  }, (err) => setChildren(listEl, problemBox(err)));
  if (current) show(current);
  return [listEl, viewer];
}
