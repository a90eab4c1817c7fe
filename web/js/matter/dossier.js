// @ts-check
/**
 * Dossier exports: fetched with the bearer token (a plain link would carry no token), then handed over —
 * the printable Chinese dossier (卷宗) in a new window, the trail as CSV, the whole record as JSON.
 */
import { h, announce, setChildren } from '../dom.js';
import { api } from '../api.js';
import { problemBox } from '../forms.js';

/** @param {import('../../types/api').MatterView} matter */
export function dossierBlock(matter) {
  const status = h('div', { 'aria-live': 'polite' });
  /** @param {'csv' | 'json'} ext @param {string} filename */
  const download = async (ext, filename) => {
    setChildren(status);
    try {
      const res = await api.dossierRaw(matter.id, ext);
      const url = URL.createObjectURL(await res.blob());
      const a = h('a', { href: url, download: filename });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      announce(`已下载 ${filename}`);
    } catch (err) { setChildren(status, problemBox(err)); }
  };
  const openHtml = async () => {
    setChildren(status);
    // Open the window inside the click, before awaiting, so pop-up blockers allow it.
    const win = window.open('', '_blank');
    try {
      const res = await api.dossierRaw(matter.id, 'html');
      const url = URL.createObjectURL(new Blob([await res.text()], { type: 'text/html;charset=utf-8' }));
      if (win) {
        win.location.href = url;
      } else {
        // Pop-ups blocked: offer a link instead of navigating away from the app.
        setChildren(status, h('p', {}, h('a', { href: url, target: '_blank', rel: 'noopener' }, '弹出窗口被拦截，点击此处打开打印版卷宗')));
      }
      setTimeout(() => URL.revokeObjectURL(url), 600_000);
    } catch (err) {
      win?.close();
      setChildren(status, problemBox(err));
    }
  };
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
