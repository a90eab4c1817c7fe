// @ts-check
/**
 * Form building blocks: labelled fields, repeatable rows, and the display of API problems next to the
 * fields they name. Every control carries `data-path` (the JSON path of its value in the request body,
 * without the leading "body."), which is how a server error like
 * `body.command.record.views.1.comment` finds its way to the right input.
 */
import { h, uid, clear } from './dom.js';
import { ApiError } from './api.js';

/** @typedef {import('./dom.js').Child} Child */
/** @typedef {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} Control */
/** @typedef {HTMLDivElement & { control: Control }} Field */

/**
 * @typedef {object} FieldSpec
 * @property {string} label
 * @property {string} [path]
 * @property {'text' | 'textarea' | 'select' | 'checkbox' | 'number' | 'date' | 'datetime' | 'password' | 'hash' | 'search'} [type]
 * @property {boolean} [required]
 * @property {string} [help]
 * @property {string | boolean | number | null} [value]
 * @property {Array<[string, string]>} [options]
 * @property {number} [rows]
 * @property {string} [placeholder]
 * @property {Array<[string, string]>} [datalist]
 * @property {string | number} [min]
 * @property {string | number} [max]
 * @property {string | number} [step]
 * @property {string} [autocomplete]
 * @property {string} [name]
 * @property {boolean} [readOnly]
 * @property {(ev: Event) => void} [onInput]
 * @property {boolean} [wide]
 * @property {string} [pattern]
 */

/**
 * A labelled control. Returns the wrapper; the control is `wrapper.control`.
 * @param {FieldSpec} spec
 * @returns {Field}
 */
export function field({ label, path, type = 'text', required = false, help, value, options, rows, placeholder, datalist, min, max, step, autocomplete, name, readOnly, onInput, wide, pattern }) {
  const id = uid('f');
  const helpId = help ? `${id}-help` : null;
  const errId = `${id}-err`;
  const describedBy = [helpId, errId].filter(Boolean).join(' ');
  /** @type {Control} */
  let control;
  const common = { id, name: name ?? path, dataset: { path: path ?? '' }, 'aria-describedby': describedBy, required, readOnly };
  if (type === 'textarea') {
    control = h('textarea', { ...common, rows: rows ?? 4, placeholder }, value === null || value === undefined ? '' : String(value));
  } else if (type === 'select') {
    // A required select without a value keeps its first option (it has no empty one to fall back on).
    control = h('select', { ...common, value: value || (required ? undefined : '') },
      required ? null : h('option', { value: '' }, '（未选择）'),
      (options ?? []).map(([v, text]) => h('option', { value: v }, text)));
  } else if (type === 'checkbox') {
    control = h('input', { ...common, type: 'checkbox', checked: Boolean(value), required: false });
  } else {
    /** @type {Record<string, string>} */
    const types = { datetime: 'datetime-local', hash: 'text' };
    const inputType = types[type] ?? type;
    const listId = datalist?.length ? `${id}-list` : null;
    control = h('input', {
      ...common,
      type: inputType,
      value: value === null || value === undefined ? '' : String(value),
      placeholder,
      min,
      max,
      step,
      autocomplete: autocomplete ?? 'off',
      list: listId,
      pattern: type === 'hash' ? '[0-9a-f]{64}' : pattern,
      spellcheck: type === 'hash' ? 'false' : null,
      class: type === 'hash' ? 'mono' : null,
    });
  }
  if (onInput) control.addEventListener(type === 'checkbox' || type === 'select' ? 'change' : 'input', onInput);
  const labelEl = h('label', { for: id }, label, required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null);
  const wrapper = type === 'checkbox'
    ? h('div', { class: ['field', 'field-check', wide && 'wide'] }, control, labelEl)
    : h('div', { class: ['field', wide && 'wide'] }, labelEl, control);
  if (datalist?.length) {
    wrapper.append(h('datalist', { id: `${id}-list` }, datalist.map(([v, text]) => h('option', { value: v }, text))));
  }
  if (help) wrapper.append(h('p', { class: 'help', id: helpId }, help));
  wrapper.append(h('p', { class: 'field-error', id: errId, hidden: true }));
  return Object.assign(wrapper, { control });
}

/**
 * The value of a field wrapper's control: trimmed string, boolean for checkboxes, number for numbers.
 * @param {Field | Control} wrapper
 * @returns {any}
 */
export function valueOf(wrapper) {
  const c = 'control' in wrapper ? wrapper.control : wrapper;
  if (c instanceof HTMLInputElement && c.type === 'checkbox') return c.checked;
  if (c instanceof HTMLInputElement && c.type === 'number') return c.value === '' ? undefined : Number(c.value);
  return c.value.trim();
}

/**
 * Puts `value` under `key` only when it is not empty: the API rejects empty strings for optional text.
 * @template {Record<string, any>} T
 * @param {T} obj
 * @param {string} key
 * @param {unknown} value
 * @returns {T}
 */
export function optional(obj, key, value) {
  if (value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)) /** @type {Record<string, unknown>} */ (obj)[key] = value;
  return obj;
}

/**
 * A group of fields with a legend (fieldset), for screen readers and for print.
 * @param {string} legend
 * @param {...Child} children
 */
export function group(legend, ...children) {
  return h('fieldset', { class: 'group' }, h('legend', {}, legend), children);
}

/**
 * @typedef {object} Column
 * @property {string} [key] absent for a single unnamed column (a list of strings)
 * @property {string} label
 * @property {FieldSpec['type']} [type]
 * @property {Array<[string, string]>} [options]
 * @property {boolean} [required] required in a row that has any content (or in the first `minRows` rows)
 * @property {string} [placeholder]
 * @property {number} [rows]
 * @property {string} [help]
 */

/**
 * Repeatable rows (legal bases, consultations, amendments, missing items …). Each row is a set of fields
 * whose paths are `${path}.${index}.${key}` (or `${path}.${index}` for a single unnamed column),
 * renumbered on removal. A column's `required` binds only rows that have content (or the first `minRows`
 * rows): an empty row is not an entry, and never blocks a submit.
 * @param {{ legend: string, path: string, columns: Column[], initial?: any[], minRows?: number, addLabel?: string, help?: string }} spec
 */
export function repeatable({ legend, path, columns, initial = [], minRows = 0, addLabel = '添加一行', help }) {
  const list = h('ol', { class: 'rows' });
  /** @typedef {{ li: HTMLLIElement, fields: Record<string, Field>, removeBtn: HTMLButtonElement }} Row */
  /** @type {Row[]} */
  const rows = [];
  const single = columns.length === 1 && !columns[0]?.key;
  const textual = (/** @type {Column} */ c) => c.type !== 'checkbox' && c.type !== 'select';
  /** @param {Row} row */
  const hasContent = (row) => columns.some((c) => textual(c) && ![undefined, ''].includes(valueOf(row.fields[c.key ?? ''])));
  const syncRequired = () => rows.forEach((row, i) => {
    const binding = i < minRows || hasContent(row);
    for (const col of columns) row.fields[col.key ?? ''].control.required = Boolean(col.required) && binding;
  });
  const renumber = () => {
    rows.forEach((row, i) => {
      for (const col of columns) {
        const f = row.fields[col.key ?? ''];
        f.control.dataset.path = single ? `${path}.${i}` : `${path}.${i}.${col.key}`;
      }
      row.removeBtn.disabled = rows.length <= minRows;
      row.removeBtn.setAttribute('aria-label', `删除第 ${i + 1} 行`);
    });
    syncRequired();
  };
  /** @param {any} [values] */
  const addRow = (values = {}) => {
    /** @type {Record<string, Field>} */
    const fields = {};
    const li = h('li', { class: 'row' });
    for (const col of columns) {
      const v = single ? values : values?.[col.key ?? ''];
      fields[col.key ?? ''] = field({ ...col, path: '', value: typeof v === 'object' ? undefined : v, label: col.label, required: false });
      li.append(fields[col.key ?? '']);
    }
    const removeBtn = h('button', { type: 'button', class: 'link danger', onclick: () => {
      rows.splice(rows.indexOf(row), 1);
      li.remove();
      renumber();
      (rows[rows.length - 1]?.fields[columns[0]?.key ?? ''].control ?? addBtn).focus();
    } }, '删除');
    li.append(h('div', { class: 'row-tools' }, removeBtn));
    /** @type {Row} */
    const row = { li, fields, removeBtn };
    rows.push(row);
    list.append(li);
    renumber();
    return row;
  };
  const addBtn = h('button', { type: 'button', class: 'secondary small', onclick: () => {
    const row = addRow();
    row.fields[columns[0]?.key ?? ''].control.focus();
  } }, `＋ ${addLabel}`);
  for (const v of initial) addRow(v);
  while (rows.length < minRows) addRow();
  list.addEventListener('input', syncRequired);
  const el = h('fieldset', { class: 'group repeatable', dataset: { path } },
    h('legend', {}, legend),
    help ? h('p', { class: 'help' }, help) : null,
    list, addBtn,
    h('p', { class: 'field-error', hidden: true }));
  return {
    el,
    /**
     * Row values; rows whose every text column is empty are dropped (a blank row is not an entry).
     * @returns {any[]}
     */
    values() {
      return rows.filter(hasContent).map((row) => {
        if (single) return valueOf(row.fields['']);
        /** @type {Record<string, unknown>} */
        const out = {};
        for (const col of columns) out[col.key ?? ''] = valueOf(row.fields[col.key ?? '']);
        return out;
      });
    },
  };
}

/**
 * Removes the marks of an earlier failed submit.
 * @param {HTMLElement} form
 */
export function clearErrors(form) {
  form.querySelectorAll('[aria-invalid="true"]').forEach((c) => c.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field-error').forEach((e) => { /** @type {HTMLElement} */ (e).hidden = true; e.textContent = ''; });
  form.querySelector(':scope > .problem')?.remove();
}

/**
 * The Chinese label of the control at a path, for naming the field in the summary.
 * @param {HTMLElement} control
 */
function labelFor(control) {
  const id = control.id;
  const l = id ? control.ownerDocument.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
  return l ? (l.textContent ?? '').replace(/\s*\*\s*$/, '').trim() : null;
}

/**
 * Finds the control for an API field path, walking up the path until something matches.
 * @param {HTMLElement} form
 * @param {string} apiField
 * @returns {HTMLElement | null}
 */
function controlFor(form, apiField) {
  let path = apiField.replace(/^body\./, '');
  while (path) {
    const hit = form.querySelector(`[data-path="${CSS.escape(path)}"]`);
    if (hit instanceof HTMLElement) return hit;
    const cut = path.lastIndexOf('.');
    if (cut < 0) break;
    path = path.slice(0, cut);
  }
  return null;
}

/** @type {Record<number, string>} */
const TITLES = {
  0: '无法连接服务器', 400: '提交内容有误', 401: '未登录或登录已失效', 403: '无权办理', 404: '未找到', 409: '当前环节不能这样办理',
  413: '文件过大', 415: '不支持的文件类型', 422: '不符合办理条件', 429: '尝试过于频繁，请稍后再试', 503: '服务暂不可用，请稍后再试',
};

/**
 * A refusal's reason as the procedure words it: "中文（依据） / English: detail". The Chinese part leads;
 * the English text and technical detail go to the detail line with the code.
 * @param {string | null} detail
 */
export function splitReason(detail) {
  if (!detail) return { zh: null, rest: null };
  const cut = detail.indexOf(' / ');
  if (cut < 0) return /[\u4e00-\u9fff]/.test(detail) ? { zh: detail, rest: null } : { zh: null, rest: detail };
  return { zh: detail.slice(0, cut), rest: detail.slice(cut + 3) };
}

/**
 * A prominent box explaining why the server said no: a Chinese title and reason; the stable code (and the
 * request id, the technical text) in a small detail line for support.
 * @param {unknown} err
 * @param {{ heading?: string }} [opts]
 */
export function problemBox(err, { heading } = {}) {
  const e = err instanceof ApiError ? err : new ApiError(-1, { title: '出错了', detail: String(/** @type {Error} */ (err)?.message ?? err) });
  const refusal = [403, 409, 422].includes(e.status);
  const title = heading ?? TITLES[e.status] ?? '出错了';
  const { zh, rest } = splitReason(e.detail);
  const technical = [rest, e.status > 0 && !zh && !rest && e.title !== title ? e.title : null].filter(Boolean).join(' · ');
  return h('div', { class: ['problem', refusal && 'refusal'], role: 'alert', tabindex: '-1' },
    h('p', { class: 'problem-title' }, title),
    zh ? h('p', { class: 'problem-detail' }, zh) : !e.errors.length && technical ? h('p', { class: 'problem-detail' }, technical) : null,
    e.errors.length ? h('ul', { class: 'problem-errors' }, e.errors.map((x) => h('li', {}, h('code', {}, x.field), '：', x.message))) : null,
    e.code || (zh && technical) ? h('p', { class: 'problem-code' }, [e.code ? `代码：${e.code}` : null, e.problem.requestId ? `请求 ${e.problem.requestId}` : null, zh ? technical : null].filter(Boolean).join(' · ')) : null);
}

/**
 * Shows an API error on a form: a summary box at its top (focused, so keyboard and screen-reader users
 * land on it) and each field error next to its control, naming the field.
 * @param {HTMLElement} form
 * @param {unknown} err
 */
export function showErrors(form, err) {
  clearErrors(form);
  const box = problemBox(err);
  if (err instanceof ApiError && err.errors.length) {
    const list = box.querySelector('.problem-errors');
    if (list) clear(list);
    for (const x of err.errors) {
      const control = controlFor(form, x.field);
      const name = control ? labelFor(control) : null;
      const li = h('li', {});
      if (control) {
        control.setAttribute('aria-invalid', 'true');
        const slot = control.closest('.field, .repeatable')?.querySelector('.field-error');
        if (slot instanceof HTMLElement) {
          slot.hidden = false;
          slot.textContent = slot.textContent ? `${slot.textContent}；${x.message}` : x.message;
        }
        li.append(h('a', { href: '#', onclick: (/** @type {Event} */ ev) => { ev.preventDefault(); control.focus(); } }, name ?? x.field), '：', x.message);
      } else {
        li.append(h('code', {}, x.field), '：', x.message);
      }
      list?.append(li);
    }
  }
  form.prepend(box);
  box.focus();
  return box;
}

/**
 * Wires a form's submit: native required checks first, then `run()`; the button is disabled while the
 * request is out so a double click cannot send twice.
 * @param {HTMLFormElement} form
 * @param {() => Promise<void>} run
 */
export function onSubmit(form, run) {
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const buttons = [...form.querySelectorAll('button[type="submit"]')].map((b) => /** @type {HTMLButtonElement} */ (b));
    buttons.forEach((b) => { b.disabled = true; });
    form.setAttribute('aria-busy', 'true');
    try {
      await run();
    } catch (err) {
      showErrors(form, err);
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
      form.removeAttribute('aria-busy');
    }
  });
}
