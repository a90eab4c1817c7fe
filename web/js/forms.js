/**
 * Form building blocks: labelled fields, repeatable rows, and the display of API problems next to the
 * fields they name. Every control carries `data-path` (the JSON path of its value in the request body,
 * without the leading "body."), which is how a server error like
 * `body.command.record.views.1.comment` finds its way to the right input.
 */
import { h, uid, clear } from './dom.js';
import { ApiError } from './api.js';

/**
 * A labelled control. type: text | textarea | select | checkbox | number | date | datetime | password | hash
 * Returns the wrapper; the control is `wrapper.control`.
 */
export function field({ label, path, type = 'text', required = false, help, value, options, rows, placeholder, datalist, min, max, autocomplete, name, readOnly, onInput, wide, pattern }) {
  const id = uid('f');
  const helpId = help ? `${id}-help` : null;
  const errId = `${id}-err`;
  const describedBy = [helpId, errId].filter(Boolean).join(' ');
  let control;
  const common = { id, name: name ?? path, dataset: { path: path ?? '' }, 'aria-describedby': describedBy, required, readOnly };
  if (type === 'textarea') {
    control = h('textarea', { ...common, rows: rows ?? 4, placeholder }, value ?? '');
  } else if (type === 'select') {
    // A required select without a value keeps its first option (it has no empty one to fall back on).
    control = h('select', { ...common, value: value || (required ? undefined : '') },
      required ? null : h('option', { value: '' }, '（未选择）'),
      (options ?? []).map(([v, text]) => h('option', { value: v }, text)));
  } else if (type === 'checkbox') {
    control = h('input', { ...common, type: 'checkbox', checked: Boolean(value), required: false });
  } else {
    const inputType = { datetime: 'datetime-local', hash: 'text' }[type] ?? type;
    const listId = datalist?.length ? `${id}-list` : null;
    control = h('input', {
      ...common,
      type: inputType,
      value: value ?? '',
      placeholder,
      min,
      max,
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
  wrapper.control = control;
  return wrapper;
}

/** The value of a field wrapper's control: trimmed string, boolean for checkboxes, number for numbers. */
export function valueOf(wrapper) {
  const c = wrapper.control ?? wrapper;
  if (c.type === 'checkbox') return c.checked;
  if (c.type === 'number') return c.value === '' ? undefined : Number(c.value);
  return c.value.trim();
}

/** Puts `value` under `key` only when it is not empty: the API rejects empty strings for optional text. */
export function optional(obj, key, value) {
  if (value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)) obj[key] = value;
  return obj;
}

/** A group of fields with a legend (fieldset), for screen readers and for print. */
export function group(legend, ...children) {
  return h('fieldset', { class: 'group' }, h('legend', {}, legend), children);
}

/**
 * Repeatable rows (legal bases, consultations, amendments, missing items …).
 * columns: [{ key, label, type, options, required, help }]; each row is a set of fields whose paths are
 * `${path}.${index}.${key}` (or `${path}.${index}` for a single unnamed column), renumbered on removal.
 */
export function repeatable({ legend, path, columns, initial = [], minRows = 0, addLabel = '添加一行', help }) {
  const list = h('ol', { class: 'rows' });
  const rows = [];
  const single = columns.length === 1 && !columns[0].key;
  const renumber = () => {
    rows.forEach((row, i) => {
      for (const col of columns) {
        const f = row.fields[col.key ?? ''];
        f.control.dataset.path = single ? `${path}.${i}` : `${path}.${i}.${col.key}`;
      }
      row.removeBtn.disabled = rows.length <= minRows;
      row.removeBtn.setAttribute('aria-label', `删除第 ${i + 1} 行`);
    });
  };
  const addRow = (values = {}) => {
    const fields = {};
    const li = h('li', { class: 'row' });
    for (const col of columns) {
      const v = single ? values : values[col.key];
      fields[col.key ?? ''] = field({ ...col, path: '', value: v, label: col.label });
      li.append(fields[col.key ?? '']);
    }
    const removeBtn = h('button', { type: 'button', class: 'link danger', onclick: () => {
      rows.splice(rows.indexOf(row), 1);
      li.remove();
      renumber();
      (rows[rows.length - 1]?.fields[columns[0].key ?? ''].control ?? addBtn).focus();
    } }, '删除');
    li.append(h('div', { class: 'row-tools' }, removeBtn));
    const row = { li, fields, removeBtn };
    rows.push(row);
    list.append(li);
    renumber();
    return row;
  };
  const addBtn = h('button', { type: 'button', class: 'secondary small', onclick: () => {
    const row = addRow();
    row.fields[columns[0].key ?? ''].control.focus();
  } }, `＋ ${addLabel}`);
  for (const v of initial) addRow(v);
  while (rows.length < minRows) addRow();
  const el = h('fieldset', { class: 'group repeatable', dataset: { path } },
    h('legend', {}, legend),
    help ? h('p', { class: 'help' }, help) : null,
    list, addBtn,
    h('p', { class: 'field-error', hidden: true }));
  return {
    el,
    /** Row values; rows whose every text column is empty are dropped (a blank row is not an entry). */
    values() {
      return rows.map((row) => {
        if (single) return valueOf(row.fields['']);
        const out = {};
        for (const col of columns) out[col.key] = valueOf(row.fields[col.key]);
        return out;
      }).filter((v) => single ? v !== '' : columns.some((c) => c.type !== 'checkbox' && c.type !== 'select' && v[c.key] !== '' && v[c.key] !== undefined));
    },
  };
}

/** Removes the marks of an earlier failed submit. */
export function clearErrors(form) {
  form.querySelectorAll('[aria-invalid="true"]').forEach((c) => c.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field-error').forEach((e) => { e.hidden = true; e.textContent = ''; });
  form.querySelector(':scope > .problem')?.remove();
}

/** The Chinese label of the control at a path, for naming the field in the summary. */
function labelFor(control) {
  const id = control.id;
  const l = id ? control.ownerDocument.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
  return l ? l.textContent.replace(/\s*\*\s*$/, '').trim() : null;
}

/** Finds the control for an API field path, walking up the path until something matches. */
function controlFor(form, apiField) {
  let path = apiField.replace(/^body\./, '');
  while (path) {
    const hit = form.querySelector(`[data-path="${CSS.escape(path)}"]`);
    if (hit) return hit;
    const cut = path.lastIndexOf('.');
    if (cut < 0) break;
    path = path.slice(0, cut);
  }
  return null;
}

/**
 * A prominent box explaining why the server said no. Refusals by the procedure (403/409/422) carry the
 * rule in `detail`; input errors (400) list the fields.
 */
export function problemBox(err, { heading } = {}) {
  const e = err instanceof ApiError ? err : new ApiError(0, { title: '出错了', detail: String(err?.message ?? err) });
  const refusal = [403, 409, 422].includes(e.status);
  const title = heading ?? (!(err instanceof ApiError) ? '出错了' : e.status === 400 ? '提交内容有误' : e.status === 401 ? '未登录或登录失败（401）' : e.status === 403 ? '无权执行（403）' : e.status === 409 ? '当前状态不允许（409）' : e.status === 422 ? '前置条件未满足（422）' : e.status === 0 ? '网络错误' : `请求失败（${e.status}）`);
  return h('div', { class: ['problem', refusal && 'refusal'], role: 'alert', tabindex: '-1' },
    h('p', { class: 'problem-title' }, title),
    e.detail ? h('p', { class: 'problem-detail' }, e.detail) : h('p', { class: 'problem-detail' }, e.title),
    e.detail && e.title && !['Forbidden', 'Precondition not met', 'Not allowed in this state'].includes(e.title) ? h('p', { class: 'problem-sub' }, e.title) : null,
    e.errors.length ? h('ul', { class: 'problem-errors' }, e.errors.map((x) => h('li', {}, h('code', {}, x.field), '：', x.message))) : null,
    e.code ? h('p', { class: 'problem-code' }, `代码 code: ${e.code}`, e.problem.requestId ? ` · 请求 ${e.problem.requestId}` : '') : null);
}

/**
 * Shows an API error on a form: a summary box at its top (focused, so keyboard and screen-reader users
 * land on it) and each field error next to its control, naming the field.
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
        if (slot) {
          slot.hidden = false;
          slot.textContent = slot.textContent ? `${slot.textContent}；${x.message}` : x.message;
        }
        li.append(h('a', { href: '#', onclick: (ev) => { ev.preventDefault(); control.focus(); } }, name ?? x.field), ' ', h('code', {}, x.field), '：', x.message);
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
 */
export function onSubmit(form, run) {
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const buttons = [...form.querySelectorAll('button[type="submit"]')];
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
