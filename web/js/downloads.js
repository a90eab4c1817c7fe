// @ts-check
/**
 * Files the API serves behind the bearer token (dossiers, 备案 packages, printable lists): a plain link would
 * carry no token, so they are fetched with it and handed over — a download, or a page in a new window.
 */
import { h, announce, setChildren } from './dom.js';
import { problemBox } from './forms.js';

/**
 * Saves what `fetchRes` answers as `filename`; a refusal is shown in `status`.
 * @param {() => Promise<Response>} fetchRes
 * @param {string} filename
 * @param {HTMLElement} status
 */
export async function downloadFile(fetchRes, filename, status) {
  setChildren(status);
  try {
    const res = await fetchRes();
    const url = URL.createObjectURL(await res.blob());
    const a = h('a', { href: url, download: filename });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    announce(`已下载 ${filename}`);
  } catch (err) { setChildren(status, problemBox(err)); }
}

/**
 * Opens the HTML page `fetchRes` answers in a new window (printable pages); a refusal is shown in `status`.
 * Call it inside the click: the window is opened before awaiting, so pop-up blockers allow it.
 * @param {() => Promise<Response>} fetchRes
 * @param {HTMLElement} status
 * @param {string} blockedText the link's text when pop-ups are blocked
 */
export async function openHtmlPage(fetchRes, status, blockedText) {
  setChildren(status);
  const win = window.open('', '_blank');
  try {
    const res = await fetchRes();
    const url = URL.createObjectURL(new Blob([await res.text()], { type: 'text/html;charset=utf-8' }));
    if (win) {
      win.location.href = url;
    } else {
      // Pop-ups blocked: offer a link instead of navigating away from the app.
      setChildren(status, h('p', {}, h('a', { href: url, target: '_blank', rel: 'noopener' }, blockedText)));
    }
    setTimeout(() => URL.revokeObjectURL(url), 600_000);
  } catch (err) {
    win?.close();
    setChildren(status, problemBox(err));
  }
}
