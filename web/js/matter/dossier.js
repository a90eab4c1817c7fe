// @ts-check
/**
 * Dossier exports: fetched with the bearer token (a plain link would carry no token), then handed over —
 * the printable Chinese dossier (卷宗) in a new window, the trail as CSV, the whole record as JSON.
 */
import { h } from '../dom.js';
import { api } from '../api.js';
import { downloadFile, openHtmlPage } from '../downloads.js';

/** @param {import('../../types/api').MatterView} matter */
export function dossierBlock(matter) {
  const status = h('div', { 'aria-live': 'polite' });
  /** @param {'csv' | 'json'} ext @param {string} filename */
  const download = (ext, filename) => downloadFile(() => api.dossierRaw(matter.id, ext), filename, status);
  const openHtml = () => openHtmlPage(() => api.dossierRaw(matter.id, 'html'), status, '弹出窗口被拦截，点击此处打开打印版卷宗');
  if (!matter.access.trail) {
    return [h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'secondary', onclick: () => window.print() }, '打印本页'))];
  }
  return [
    h('div', { class: 'toolbar' },
      h('button', { type: 'button', class: 'secondary', onclick: openHtml }, '打印版卷宗（新窗口）'),
      h('button', { type: 'button', class: 'secondary', onclick: () => download('csv', `dossier-${matter.id}.csv`) }, '下载留痕 CSV'),
      h('button', { type: 'button', class: 'secondary', onclick: () => download('json', `dossier-${matter.id}.json`) }, '下载卷宗 JSON'),
      h('button', { type: 'button', class: 'secondary', onclick: () => window.print() }, '打印本页')),
    status,
  ];
}
