// @ts-check
/**
 * People by name. The directory (GET /api/v1/people, including people no longer active, so a matter's
 * history still names who acted) is loaded once per sign-in; ids are shown only as tooltips. Forms choose
 * people from the directory by name and role — a search box appears when there are many to choose from.
 */
import { h, formatDateTime } from './dom.js';
import { api } from './api.js';
import { field } from './forms.js';
import { ROLE_LABELS } from './labels.js';

/** @typedef {import('../types/api').Person} Person */

/** @type {Map<string, Person>} */
const byId = new Map();
/** @type {Promise<void> | null} */
let loading = null;

/** The names the system itself writes under (reminders, escalations, the automated pre-screen). */
/** @type {Record<string, string>} */
const SYSTEM_ACTORS = { system: '系统（流程自动）' };

/** Loads the directory once (again with `force`, after an admin changed people). */
export function loadPeople(force = false) {
  if (force || !loading) {
    loading = api.people({ includeInactive: true }).then((res) => {
      byId.clear();
      idPattern = null;
      for (const p of res.items) byId.set(p.id, p);
    }, () => {
      loading = null; // names fall back to ids; try again next time
    });
  }
  return loading;
}

/** Forgets the directory (on sign-out). */
export function forgetPeople() {
  byId.clear();
  idPattern = null;
  loading = null;
}

/**
 * A person's name, or the id when unknown.
 * @param {string | null | undefined} id
 */
export function personName(id) {
  if (!id) return '—';
  return byId.get(id)?.displayName ?? SYSTEM_ACTORS[id] ?? id;
}

/** @type {RegExp | null} */
let idPattern = null;

/**
 * A text with every known person id in it replaced by the person's name: summaries recorded by the
 * procedure name people by id ("指定法律顾问 user-…"), and people read names. Finding ids are left out and
 * ISO instants read in Beijing time.
 * @param {string | null | undefined} text
 */
export function withNames(text) {
  if (!text) return text ?? '';
  if (!idPattern && byId.size) {
    const ids = [...byId.keys()].sort((a, b) => b.length - a.length).map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    idPattern = new RegExp(ids.join('|'), 'g');
  }
  const named = idPattern ? text.replace(idPattern, (id) => personName(id)) : text;
  // Pre-screen finding ids ("FCR-C2（<matter id>:v2:1）") mean nothing to a reader; the code and clause say which.
  // Instants recorded as ISO text ("安排局长办公会：2026-11-30T05:16:57+08:00") read as Beijing time.
  return named.replace(FINDING_ID, '').replace(ISO_INSTANT, (iso) => formatDateTime(iso, { seconds: true }));
}

/** An ISO instant with its offset, as the procedure's summaries write meeting times. */
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g;

/** A pre-screen finding's id in parentheses, as the procedure's summaries write it. */
const FINDING_ID = /（[0-9a-f-]{36}:v\d+:\d+）/g;

/**
 * A person's name as an element, the id as its tooltip (for support and audit, not for reading).
 * @param {string | null | undefined} id
 */
export function personEl(id) {
  if (!id) return h('span', { class: 'muted' }, '—');
  const p = byId.get(id);
  return h('span', { class: ['person', p && !p.active && 'inactive'], title: id }, personName(id), p && !p.active ? '（已停用）' : null);
}

/**
 * Several people, joined with 、.
 * @param {readonly string[]} ids
 */
export const peopleEls = (ids) => ids.flatMap((id, i) => (i ? ['、', personEl(id)] : [personEl(id)]));

/**
 * Active people holding a role, by name.
 * @param {string} role
 * @returns {Person[]}
 */
export function withRole(role) {
  return [...byId.values()].filter((p) => p.active && p.roles.some((r) => r === role)).sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'));
}

/**
 * Choosing a person by name and role: a select of the people with the role (their roles and, for lawyers,
 * the contract period next to the name). With more than eight candidates a search box filters the list
 * (and chooses the one person left).
 * The submitted value is the person's id.
 * @param {{ label: string, path: string, role: string, value?: string | null, required?: boolean, help?: string, exclude?: readonly string[] }} spec
 */
export function personPicker({ label, path, role, value, required = true, help, exclude = [] }) {
  const candidates = withRole(role).filter((p) => !exclude.includes(p.id));
  /** @type {Array<[string, string]>} */
  const options = candidates.map((p) => [p.id, describe(p, role)]);
  const preset = value ?? (candidates.length === 1 ? candidates[0]?.id : '') ?? '';
  const f = field({ label, path, type: 'select', required: false, options, value: preset, help: help ?? (candidates.length ? undefined : `目录中没有${ROLE_LABELS[role] ?? role}，请联系系统管理员。`) });
  f.control.required = required;
  f.control.dataset.role = role;
  if (candidates.length > 8) {
    const search = h('input', { type: 'search', class: 'person-search', placeholder: '按姓名搜索', 'aria-label': `${label}：按姓名搜索` });
    const select = /** @type {HTMLSelectElement} */ (f.control);
    search.addEventListener('input', () => {
      const q = search.value.trim();
      for (const opt of select.options) opt.hidden = Boolean(q && opt.value && !opt.text.includes(q));
      // One person left: chosen. The chosen one filtered away: nobody is chosen (what is submitted is what shows).
      const shown = [...select.options].filter((o) => o.value && !o.hidden);
      const next = q && shown.length === 1 ? shown[0]?.value ?? '' : shown.some((o) => o.value === select.value) ? select.value : '';
      if (next !== select.value) {
        select.value = next;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }
    });
    f.control.before(search);
  }
  return f;
}

/**
 * @param {Person} p
 * @param {string} role
 */
function describe(p, role) {
  const contract = role === 'lawyer' && (p.contractFrom || p.contractTo) ? `，聘期 ${p.contractFrom ?? '…'} 至 ${p.contractTo ?? '…'}` : '';
  const others = p.roles.filter((r) => r !== role).map((r) => ROLE_LABELS[r] ?? r);
  return `${p.displayName}（${ROLE_LABELS[role] ?? role}${others.length ? `、${others.join('、')}` : ''}${contract}）`;
}
