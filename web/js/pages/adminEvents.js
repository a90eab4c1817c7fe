// @ts-check
/**
 * What administrators changed (管理操作记录, #/admin-events, auditors and admins): people and their roles, the
 * law firm's retainer, the deciding bodies' rosters, holiday notices, and people replacing their own passwords
 * (after an administrator set one) — newest first, each with who did it and
 * when, and the server's verdict on the chain (an edited, deleted or forged event is named by its number).
 * GET /api/v1/admin-events decides who may read it (read_admin_events).
 */
import { h, clear, badge, formatDateTime, table, setChildren } from '../dom.js';
import { problemBox } from '../forms.js';
import { api } from '../api.js';
import { loadPeople, personName } from '../people.js';
import { ROLE_LABELS, label } from '../labels.js';

/** @typedef {import('../../types/api').AdminEvent} AdminEvent */

/** @type {Record<string, string>} */
export const ADMIN_EVENT_LABELS = {
  user_created: '新建人员',
  user_changed: '修改人员',
  user_unlocked: '解除登录锁定',
  organisation_changed: '修改律师事务所聘用期',
  meeting_body_set: '设置决策机构组成人员',
  calendar_year_loaded: '载入年度放假安排',
  password_changed: '本人修改密码',
};

/** @param {unknown} v */
const shown = (v) => (v === null || v === undefined || v === '' ? '—' : typeof v === 'boolean' ? (v ? '是' : '否') : Array.isArray(v) ? v.map((r) => label(ROLE_LABELS, String(r))).join('、') || '—' : String(v));

/**
 * The change in words: what was set from what to what (a password reset is a fact, never a value).
 * @param {AdminEvent} e
 */
export function adminEventDetail(e) {
  const d = /** @type {Record<string, any>} */ (e.data ?? {});
  switch (e.type) {
    case 'user_created':
      return `${d.username}：${shown(d.roles)}${d.sectionId ? `（${d.sectionId}）` : ''}${d.origin ? `，临时密码，来自 ${shown(d.origin.ip)}` : ''}`;
    case 'user_changed': {
      /** @type {Record<string, string>} */
      const names = { displayName: '姓名', roles: '角色', sectionId: '科室', active: '在用', contractFrom: '聘用自', contractTo: '聘用至', legalQualification: '法律职业资格' };
      // A password set for someone else is temporary (its holder must change it); where it was set from, when recorded.
      const parts = Object.entries(d.changes ?? {}).map(([k, c]) => (k === 'passwordReset' ? `重设密码${e.target !== `user:${e.actorId}` ? '（临时）' : ''}` : `${names[k] ?? k}：${shown(c.from)} → ${shown(c.to)}`));
      return `${d.username}：${parts.join('；') || '无变化'}${d.sessionsRevoked ? '（已注销其登录）' : ''}${d.origin ? `，来自 ${shown(d.origin.ip)}` : ''}`;
    }
    case 'password_changed':
      // The holder's own change: the actor column names them; after an admin's reset this is the other half of the story.
      return `${d.username}${d.replacedTemporary ? '：替换管理员设置的临时密码' : ''}，来自 ${shown(d.origin?.ip)}`;
    case 'user_unlocked':
      return `${d.username}${d.wasLocked ? '' : '（当时未锁定）'}`;
    case 'organisation_changed':
      return `聘用期 ${shown(d.contractFrom?.from)}—${shown(d.contractTo?.from)} → ${shown(d.contractFrom?.to)}—${shown(d.contractTo?.to)}`;
    case 'meeting_body_set':
      return `${d.name}：${(d.members ?? []).length} 人${d.created ? '（新建）' : `（此前 ${(d.previousMembers ?? []).length} 人）`}`;
    case 'calendar_year_loaded':
      return `${d.year} 年：${d.notice}${d.replaced ? '（替换此前载入）' : ''}`;
    default:
      return '';
  }
}

/**
 * @param {HTMLElement} main
 */
export async function adminEventsPage(main) {
  document.title = '管理操作记录 · 合法性审核';
  const slot = h('div', {}, h('p', { class: 'muted' }, '正在载入…'));
  clear(main).append(
    h('h1', { tabindex: '-1' }, '管理操作记录'),
    h('p', { class: 'muted' }, '人员与角色、律师事务所聘用期、决策机构组成人员、年度放假安排的每一次变更，逐条哈希链接；任何一条被改动或删除，校验即指出是哪一条。'),
    slot);
  try {
    const [res] = await Promise.all([api.adminEvents(), loadPeople()]);
    const verdict = res.verification.valid
      ? h('p', {}, badge('记录完整', 'ok'), ` 共 ${res.verification.events} 条，链校验通过。`)
      : h('p', { role: 'alert' }, badge('记录被改动', 'danger'), ` 第 ${res.verification.firstBad?.seq} 条：${res.verification.firstBad?.reason}`);
    if (!res.items.length) { setChildren(slot, verdict, h('p', { class: 'muted' }, '尚无管理操作。')); return; }
    setChildren(slot, verdict, table(['序号', '时间', '操作人', '操作', '内容'], res.items.map((e) => h('tr', { dataset: { seq: String(e.seq) } },
      h('td', {}, String(e.seq)),
      h('td', {}, formatDateTime(e.at)),
      h('td', {}, personName(e.actorId)),
      h('th', { scope: 'row' }, ADMIN_EVENT_LABELS[e.type] ?? e.type),
      h('td', {}, adminEventDetail(e)))), { caption: `管理操作（最近 ${res.items.length} 条）`, stack: true }));
  } catch (err) {
    setChildren(slot, problemBox(err));
  }
}
