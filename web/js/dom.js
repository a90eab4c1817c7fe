/**
 * Tiny DOM helpers. Everything is built with createElement and textContent (never innerHTML with data),
 * so text from the API — titles, opinions, document texts — can never inject markup.
 */

/**
 * h('button', { class: 'primary', onclick: fn, 'aria-label': '…' }, 'text', otherNode)
 * Attribute values: functions starting with "on" become listeners; booleans toggle the attribute;
 * `dataset` and `style` objects are merged; null/undefined/false are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  let deferredValue;
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'style' && typeof value === 'object') Object.assign(el.style, value);
    else if (key === 'class') el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    // A select's value can only be set once its options exist: set values after the children.
    else if (key === 'value' && 'value' in el) deferredValue = value;
    else if (key === 'checked' || key === 'selected' || key === 'disabled' || key === 'hidden' || key === 'required' || key === 'open' || key === 'multiple' || key === 'readOnly') el[key] = Boolean(value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  if (deferredValue !== undefined) el.value = deferredValue;
  return el;
}

/** Appends strings (as text), nodes, and nested arrays; skips null/false so conditionals read naturally. */
export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false || child === true) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

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
const dateFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: CN_TZ, year: 'numeric', month: '2-digit', day: '2-digit' });

export function formatDateTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : dateTimeFmt.format(d);
}

export function formatDate(iso) {
  if (!iso) return '—';
  // Plain YYYY-MM-DD days are calendar days already; do not shift them through a time zone.
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : dateFmt.format(d);
}

/** "2026-11-27T10:00" (a datetime-local value, read as Beijing time) → ISO instant with offset. */
export function localInputToIso(value) {
  if (!value) return '';
  const withSeconds = value.length === 16 ? `${value}:00` : value;
  return `${withSeconds}+08:00`;
}

/** ISO instant → "YYYY-MM-DDTHH:mm" in Beijing time, for a datetime-local input's value. */
export function isoToLocalInput(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const shifted = new Date(d.getTime() + 8 * 3600_000);
  return shifted.toISOString().slice(0, 16);
}

/** Today in Beijing as YYYY-MM-DD. */
export function todayCn() {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** How far away a due date is, in words, and how urgent (for colour and for screen readers alike). */
export function dueStatus(iso, now = Date.now()) {
  if (!iso) return { level: 'none', text: '' };
  const ms = new Date(iso).getTime() - now;
  const days = ms / 86_400_000;
  if (ms < 0) return { level: 'overdue', text: `已超期 ${humanSpan(-ms)}` };
  if (days <= 3) return { level: 'soon', text: `剩余 ${humanSpan(ms)}` };
  return { level: 'ok', text: `剩余 ${humanSpan(ms)}` };
}

function humanSpan(ms) {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${Math.max(minutes, 0)} 分钟`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} 小时`;
  return `${Math.round(hours / 24)} 天`;
}

export const shortHash = (hash) => (hash ? `${hash.slice(0, 12)}…` : '—');

/** Announces a message to screen readers and shows it as a toast. */
export function announce(message, kind = 'info') {
  const region = document.getElementById('toasts');
  if (!region) return;
  const toast = h('div', { class: ['toast', `toast-${kind}`] }, message);
  region.append(toast);
  setTimeout(() => toast.remove(), kind === 'error' ? 12_000 : 6_000);
}

/** A labelled read-only definition list from [label, value] pairs; empty values are skipped. */
export function defList(pairs, cls = 'facts') {
  const dl = h('dl', { class: cls });
  for (const [label, value] of pairs) {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    // Each pair in its own div (allowed in <dl>), so a wrapping layout never separates a label from its value.
    dl.append(h('div', { class: 'pair' }, h('dt', {}, label), h('dd', {}, value)));
  }
  return dl;
}

/** A table inside a scrolling wrapper, so wide tables never break a phone layout. */
export function table(headers, rows, { caption, cls } = {}) {
  return h('div', { class: 'table-wrap', role: 'region', tabindex: '0', 'aria-label': caption ?? '表格' },
    h('table', { class: cls },
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows)));
}

/**
 * Replaces an element's children. Unlike Element.replaceChildren, skips null/false (which the DOM would
 * turn into the text "null"), so conditional children can be written inline.
 */
export function setChildren(el, ...children) {
  clear(el);
  return append(el, children);
}
