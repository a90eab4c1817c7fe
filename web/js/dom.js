// @ts-check
/**
 * Tiny DOM helpers. Everything is built with createElement and textContent (never innerHTML with data),
 * so text from the API — titles, opinions, document texts — can never inject markup.
 */

/** @typedef {Node | string | number | null | undefined | boolean | ChildList} Child */
/** @typedef {ReadonlyArray<Child>} ChildList */
/** @typedef {Record<string, unknown>} Attrs */

/**
 * h('button', { class: 'primary', onclick: fn, 'aria-label': '…' }, 'text', otherNode)
 * Attribute values: functions starting with "on" become listeners; booleans toggle the attribute;
 * `dataset` and `style` objects are merged; null/undefined/false are skipped.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs | null} [attrs]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  /** @type {unknown} */
  let deferredValue;
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), /** @type {EventListener} */ (value));
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'style' && typeof value === 'object') Object.assign(el.style, value);
    else if (key === 'class') el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : String(value);
    // A select's value can only be set once its options exist: set values after the children.
    else if (key === 'value' && 'value' in el) deferredValue = value;
    else if (['checked', 'selected', 'disabled', 'hidden', 'required', 'open', 'multiple', 'readOnly'].includes(key)) /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (el))[key] = Boolean(value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  if (deferredValue !== undefined) /** @type {HTMLInputElement} */ (/** @type {unknown} */ (el)).value = String(deferredValue);
  return el;
}

/**
 * Appends strings (as text), nodes, and nested arrays; skips null/false so conditionals read naturally.
 * @template {Element} E
 * @param {E} el
 * @param {ChildList} children
 * @returns {E}
 */
export function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false || child === true) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/**
 * @template {Element} E
 * @param {E} el
 * @returns {E}
 */
export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

let idCounter = 0;
/** Unique ids for label/for and aria-describedby pairs. */
export const uid = (prefix = 'id') => `${prefix}-${++idCounter}`;

// The bureau works in Beijing time; the browser may not (a laptop on UTC, a headless test runner), so
// every date shown is formatted in Asia/Shanghai explicitly. China has no daylight saving: +08:00 is fixed.
const CN_TZ = 'Asia/Shanghai';
const dateTimeFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: CN_TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
const dateTimeSecondsFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: CN_TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
const dateFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: CN_TZ, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * An instant in Beijing time. `seconds` shows them (demo clocks run in seconds).
 * @param {string | null | undefined} iso
 * @param {{ seconds?: boolean }} [opts]
 */
export function formatDateTime(iso, opts = {}) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return (opts.seconds ? dateTimeSecondsFmt : dateTimeFmt).format(d);
}

/** @param {string | null | undefined} iso */
export function formatDate(iso) {
  if (!iso) return '—';
  // Plain YYYY-MM-DD days are calendar days already; do not shift them through a time zone.
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : dateFmt.format(d);
}

/**
 * "2026-11-27T10:00" or "2026-11-27T10:00:30" (a datetime-local value, read as Beijing time) → ISO instant with offset.
 * @param {string} value
 */
export function localInputToIso(value) {
  if (!value) return '';
  const withSeconds = value.length === 16 ? `${value}:00` : value.slice(0, 19);
  return `${withSeconds}+08:00`;
}

/**
 * ISO instant → "YYYY-MM-DDTHH:mm[:ss]" in Beijing time, for a datetime-local input's value.
 * @param {string | null | undefined} iso
 * @param {{ seconds?: boolean }} [opts]
 */
export function isoToLocalInput(iso, opts = {}) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const shifted = new Date(d.getTime() + 8 * 3600_000);
  return shifted.toISOString().slice(0, opts.seconds ? 19 : 16);
}

/** Today in Beijing as YYYY-MM-DD. */
export function todayCn() {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** @typedef {{ level: 'none' | 'ok' | 'soon' | 'overdue', text: string }} DueStatus */

/**
 * How far away an obligation's due date is, in words, and how urgent (for colour and for screen readers).
 * @param {string | null | undefined} iso
 * @returns {DueStatus}
 */
export function dueStatus(iso, now = Date.now()) {
  if (!iso) return { level: 'none', text: '' };
  const ms = new Date(iso).getTime() - now;
  const days = ms / 86_400_000;
  if (ms < 0) return { level: 'overdue', text: `已超期 ${humanSpan(-ms)}` };
  if (days <= 3) return { level: 'soon', text: `剩余 ${humanSpan(ms)}` };
  return { level: 'ok', text: `剩余 ${humanSpan(ms)}` };
}

/**
 * An earliest-allowed time ("not before"): passed is good news (可以办理), never overdue.
 * @param {string | null | undefined} iso
 * @returns {{ level: 'open' | 'wait' | 'none', text: string }}
 */
export function notBeforeStatus(iso, now = Date.now()) {
  if (!iso) return { level: 'none', text: '' };
  const ms = new Date(iso).getTime() - now;
  return ms <= 0 ? { level: 'open', text: '已届满，可以办理' } : { level: 'wait', text: `还需等待 ${humanSpan(ms)}` };
}

/**
 * A span in words; seconds when under two minutes (the demo profile's clocks run in seconds).
 * @param {number} ms
 */
export function humanSpan(ms) {
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return `${Math.max(seconds, 0)} 秒`;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} 小时`;
  return `${Math.round(hours / 24)} 天`;
}

/** @param {string | null | undefined} hash */
export const shortHash = (hash) => (hash ? `${hash.slice(0, 12)}…` : '—');

/**
 * Announces a message to screen readers and shows it as a toast.
 * @param {string} message
 * @param {'info' | 'success' | 'error'} [kind]
 */
export function announce(message, kind = 'info') {
  const region = document.getElementById('toasts');
  if (!region) return;
  const toast = h('div', { class: ['toast', `toast-${kind}`] }, message);
  // A few at a time: a burst of actions does not pile notes over the page.
  while (region.children.length > 2) region.firstElementChild?.remove();
  region.append(toast);
  setTimeout(() => toast.remove(), kind === 'error' ? 12_000 : 6_000);
}

/**
 * A labelled read-only definition list from [label, value] pairs; empty values are skipped.
 * @param {Array<[string, Child] | null>} pairs
 */
export function defList(pairs, cls = 'facts') {
  const dl = h('dl', { class: cls });
  for (const pair of pairs) {
    if (!pair) continue;
    const [label, value] = pair;
    if (value === null || value === undefined || value === '' || value === false || (Array.isArray(value) && value.length === 0)) continue;
    // Each pair in its own div (allowed in <dl>), so a wrapping layout never separates a label from its value.
    dl.append(h('div', { class: 'pair' }, h('dt', {}, label), h('dd', {}, value)));
  }
  return dl;
}

/**
 * A table inside a scrolling wrapper. Each cell carries its column's header as `data-label`, so on a phone
 * the rows can be laid out as labelled cards (css: .stack) instead of squeezed columns.
 * @param {string[]} headers
 * @param {Child[]} rows
 * @param {{ caption?: string, cls?: string, stack?: boolean }} [opts]
 */
export function table(headers, rows, { caption, cls, stack = false } = {}) {
  const tbody = h('tbody', {}, rows);
  for (const tr of tbody.querySelectorAll(':scope > tr')) {
    [...tr.children].forEach((cell, i) => { if (headers[i] && !cell.hasAttribute('data-label')) cell.setAttribute('data-label', headers[i]); });
  }
  return h('div', { class: ['table-wrap', stack && 'stack'], role: 'region', tabindex: '0', 'aria-label': caption ?? '表格' },
    h('table', { class: cls },
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
      tbody));
}

/**
 * Replaces an element's children. Unlike Element.replaceChildren, skips null/false (which the DOM would
 * turn into the text "null"), so conditional children can be written inline.
 * @template {Element} E
 * @param {E} el
 * @param {...Child} children
 * @returns {E}
 */
export function setChildren(el, ...children) {
  clear(el);
  return append(el, children);
}

/**
 * A small coloured label.
 * @param {string} text
 * @param {string} [cls]
 * @param {string} [title]
 */
export const badge = (text, cls = '', title) => h('span', { class: ['badge', cls], title }, text);

/** @param {string | null | undefined} text */
export const mono = (text) => h('code', { class: 'mono' }, text ?? '—');
