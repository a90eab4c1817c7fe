// @ts-check
/**
 * Administration: people and their roles, and the law firm's retainer period (lawyers can sign only
 * inside it). Admins manage people but cannot act on a review: the permission table says so.
 */
import { h, clear, table, formatDate, announce } from '../dom.js';
import { field, valueOf, onSubmit, problemBox, optional, group, repeatable } from '../forms.js';
import { api, request } from '../api.js';
import { ROLE_LABELS, MEETING_BODY_LABELS } from '../labels.js';
import { loadPeople } from '../people.js';

/** @typedef {import('../app.js').App} App */
/** @typedef {{ id: string, username: string, displayName: string, roles: string[], sectionId: string | null, organisationId: string, active: boolean, contractFrom: string | null, contractTo: string | null, signingPublicKey: string | null, demo: boolean, legalQualification?: boolean, passwordChangeRequired?: boolean }} User */

const QUALIFICATION_LABEL = '具有法律职业资格（可承担重大执法决定法制审核，行政处罚法第58条第2款）';

/**
 * @param {string[]} selected
 * @param {string} path
 */
function roleBoxes(selected, path) {
  const boxes = Object.keys(ROLE_LABELS).map((r) => {
    const w = field({ label: `${ROLE_LABELS[r]}（${r}）`, path, type: 'checkbox', value: selected.includes(r), name: 'roles' });
    w.control.value = r;
    return w;
  });
  const el = h('fieldset', { class: 'group roles repeatable', dataset: { path }, tabindex: '-1' }, h('legend', {}, '角色'), h('div', { class: 'check-grid' }, boxes), h('p', { class: 'field-error', hidden: true }));
  return { el, values: () => boxes.filter((b) => /** @type {HTMLInputElement} */ (b.control).checked).map((b) => b.control.value) };
}

/**
 * @param {User} user
 * @param {App} app
 * @param {() => Promise<void>} onSaved
 */
function editForm(user, app, onSaved) {
  const displayName = field({ label: '姓名', path: 'displayName', value: user.displayName, required: true });
  const roles = roleBoxes(user.roles ?? [], 'roles');
  const section = field({ label: '科室', path: 'sectionId', type: 'select', options: app.sections.map((x) => /** @type {[string, string]} */ ([x.id, x.name])), value: user.sectionId ?? '' });
  const active = field({ label: '启用（停用即吊销其登录令牌）', path: 'active', type: 'checkbox', value: user.active });
  const from = field({ label: '个人聘期起', path: 'contractFrom', type: 'date', value: user.contractFrom ?? '' });
  const to = field({ label: '个人聘期止', path: 'contractTo', type: 'date', value: user.contractTo ?? '' });
  const qualified = field({ label: QUALIFICATION_LABEL, path: 'legalQualification', type: 'checkbox', value: user.legalQualification === true });
  // A password set for someone else is temporary: the server makes its holder change it before doing anything else.
  const password = field({ label: '重设密码（不改请留空，至少10位）', path: 'password', type: 'password', autocomplete: 'new-password', help: '为他人设置的是临时密码：其全部登录即被注销，本人下次登录须先修改密码。' });
  const form = h('form', { class: 'edit-user' }, h('div', { class: 'fields' }, displayName, section, active, from, to, qualified, password, roles.el),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, `保存 ${user.username}`)));
  onSubmit(form, async () => {
    // Only what changed is sent, so saving one field cannot overwrite a concurrent change to another.
    /** @type {Record<string, unknown>} */
    const patch = {};
    if (valueOf(displayName) !== user.displayName) patch.displayName = valueOf(displayName);
    const newRoles = roles.values();
    if (newRoles.join() !== (user.roles ?? []).join()) patch.roles = newRoles;
    if ((valueOf(section) || null) !== (user.sectionId ?? null)) patch.sectionId = valueOf(section) || null;
    if (valueOf(active) !== user.active) patch.active = valueOf(active);
    if ((valueOf(from) || null) !== (user.contractFrom ?? null)) patch.contractFrom = valueOf(from) || null;
    if ((valueOf(to) || null) !== (user.contractTo ?? null)) patch.contractTo = valueOf(to) || null;
    if (valueOf(qualified) !== (user.legalQualification === true)) patch.legalQualification = valueOf(qualified);
    if (password.control.value) patch.password = password.control.value;
    if (!Object.keys(patch).length) { announce('没有修改'); return; }
    await api.patchUser(user.id, patch);
    announce(`已保存 ${user.username}`, 'success');
    await loadPeople(true);
    await onSaved();
  });
  return form;
}

/**
 * @param {App} app
 * @param {() => Promise<void>} onSaved
 */
function createForm(app, onSaved) {
  const username = field({ label: '用户名', path: 'username', required: true, help: '字母、数字、_ . -' });
  const displayName = field({ label: '姓名', path: 'displayName', required: true });
  const password = field({ label: '初始密码（至少10位）', path: 'password', type: 'password', required: true, autocomplete: 'new-password', help: '临时密码：本人首次登录须先修改。' });
  const section = field({ label: '科室', path: 'sectionId', type: 'select', options: app.sections.map((x) => /** @type {[string, string]} */ ([x.id, x.name])) });
  const lawFirm = field({ label: '律师事务所人员（法律顾问，自动生成签名密钥）', path: 'lawFirm', type: 'checkbox' });
  const from = field({ label: '个人聘期起（可选）', path: 'contractFrom', type: 'date' });
  const to = field({ label: '个人聘期止（可选）', path: 'contractTo', type: 'date' });
  const qualified = field({ label: QUALIFICATION_LABEL, path: 'legalQualification', type: 'checkbox' });
  const roles = roleBoxes([], 'roles');
  const form = h('form', { class: 'create-user' }, h('div', { class: 'fields' }, username, displayName, password, section, lawFirm, from, to, qualified, roles.el),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, '创建用户')));
  onSubmit(form, async () => {
    const body = { username: valueOf(username), displayName: valueOf(displayName), password: password.control.value, roles: roles.values(), sectionId: valueOf(section) || null, lawFirm: valueOf(lawFirm), legalQualification: valueOf(qualified) };
    optional(body, 'contractFrom', valueOf(from));
    optional(body, 'contractTo', valueOf(to));
    const user = await api.createUser(body);
    announce(`已创建 ${user.username}`, 'success');
    await loadPeople(true);
    await onSaved();
  });
  return form;
}

/**
 * @param {import('../../types/api').Organisation} org
 * @param {() => Promise<void>} onSaved
 */
function lawFirmForm(org, onSaved) {
  const from = field({ label: '聘期起', path: 'contractFrom', type: 'date', value: org.contractFrom ?? '' });
  const to = field({ label: '聘期止', path: 'contractTo', type: 'date', value: org.contractTo ?? '' });
  const form = h('form', { class: 'law-firm' },
    h('p', {}, h('strong', {}, org.name), ' — 当前聘期：', org.contractFrom ? `${formatDate(org.contractFrom)} 至 ${formatDate(org.contractTo)}` : '未设置'),
    h('p', { class: 'help' }, '法律顾问只能在聘期内签署法律意见。'),
    h('div', { class: 'fields' }, from, to),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, '保存聘期')));
  onSubmit(form, async () => {
    await api.patchOrganisation(org.id, { contractFrom: valueOf(from) || null, contractTo: valueOf(to) || null });
    announce('聘期已保存', 'success');
    await onSaved();
  });
  return form;
}

/** @typedef {{ id: string, kind: string, name: string, members: Array<{ userId: string, from: string, to: string | null, chairs: boolean }> }} MeetingBody */

/**
 * A deciding body and its roster with dates (PUT /api/v1/meeting-bodies/:id): a meeting's record must name
 * exactly the members sitting on the day it is held. A new body gets an id of its own.
 * @param {MeetingBody | null} body null: a new body
 * @param {User[]} users
 * @param {() => Promise<void>} onSaved
 */
function meetingBodyForm(body, users, onSaved) {
  const id = body ? null : field({ label: '机构编号', path: 'id', required: true, help: '字母、数字、_ -，如 director_office_meeting-2' });
  const name = field({ label: '机构名称', path: 'name', required: true, value: body?.name ?? '', placeholder: '如 局长办公会' });
  const kind = field({ label: '会议类型', path: 'kind', type: 'select', required: true, options: Object.entries(MEETING_BODY_LABELS), value: body?.kind ?? 'director_office_meeting' });
  const people = users.filter((u) => u.active).map((u) => /** @type {[string, string]} */ ([u.id, `${u.displayName}（${u.username}）`]));
  const members = repeatable({
    legend: '组成人员（任职起止日期）', path: 'members', addLabel: '添加组成人员', help: '离任的不删除，填写任职止日期：以往会议按当日名单核对。',
    initial: (body?.members ?? []).map((m) => ({ userId: m.userId, from: m.from, to: m.to ?? '', chairs: m.chairs })),
    columns: [
      { key: 'userId', label: '人员', type: 'select', options: people, required: true },
      { key: 'from', label: '任职起', type: 'date', required: true },
      { key: 'to', label: '任职止（可选）', type: 'date' },
      // 713号令第30条: the record's head must be one of these on the day held (the head, or a deputy presiding).
      { key: 'chairs', label: '可主持会议（行政首长或受托主持的副职）', type: 'checkbox' },
    ],
  });
  const form = h('form', { class: 'meeting-body-form', dataset: { body: body?.id ?? '' } },
    h('div', { class: 'fields' }, id, name, kind, members.el),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, body ? `保存 ${body.name}` : '新建会议机构')));
  onSubmit(form, async () => {
    const target = body?.id ?? valueOf(/** @type {import('../forms.js').Field} */ (id));
    const rows = members.values().map((m) => ({ userId: m.userId, from: m.from, to: m.to || null, chairs: m.chairs === true }));
    await request('PUT', `/api/v1/meeting-bodies/${encodeURIComponent(target)}`, { body: { kind: valueOf(kind), name: valueOf(name), members: rows } });
    announce(`已保存 ${valueOf(name)}`, 'success');
    await onSaved();
  });
  return form;
}

/**
 * @param {HTMLElement} main
 * @param {unknown} _params
 * @param {App} app
 */
export async function adminPage(main, _params, app) {
  document.title = '系统管理 · 合法性审核';
  if (!(app.me?.roles ?? []).includes('admin')) {
    clear(main).append(h('h1', { tabindex: '-1' }, '系统管理'), h('p', { class: 'warn' }, '只有系统管理员可以访问此页。'));
    return;
  }
  const render = async () => {
    /** @type {{ items: User[] }} */
    let users;
    /** @type {{ items: import('../../types/api').Organisation[] }} */
    let orgs;
    /** @type {{ items: MeetingBody[] }} */
    let bodies;
    try {
      [users, orgs, bodies] = await Promise.all([api.users(), api.organisations(), request('GET', '/api/v1/meeting-bodies')]);
    } catch (err) {
      clear(main).append(h('h1', { tabindex: '-1' }, '系统管理'), problemBox(err));
      return;
    }
    await app.refreshOrganisations(orgs);
    const orgName = Object.fromEntries(orgs.items.map((o) => [o.id, o.name]));
    const rows = users.items.flatMap((u) => {
      const editCell = h('td', { colspan: '8' });
      const editRow = h('tr', { class: 'edit-row', hidden: true }, editCell);
      const btn = h('button', { type: 'button', class: 'secondary small', 'aria-expanded': 'false', onclick: () => {
        editRow.hidden = !editRow.hidden;
        btn.setAttribute('aria-expanded', String(!editRow.hidden));
        if (!editRow.hidden && !editCell.firstChild) editCell.append(editForm(u, app, render));
        if (!editRow.hidden) editRow.querySelector('input')?.focus();
      }, 'aria-label': `编辑 ${u.username}` }, '编辑');
      return [h('tr', { class: u.active ? '' : 'inactive' },
        h('th', { scope: 'row' }, h('code', {}, u.username), u.demo ? h('span', { class: 'badge muted' }, '演示') : null, h('div', { class: 'small muted mono' }, u.id)),
        h('td', {}, u.displayName),
        h('td', {}, (u.roles ?? []).map((r) => ROLE_LABELS[r] ?? r).join('、'), u.legalQualification ? h('div', {}, h('span', { class: 'badge info', title: '法律职业资格' }, '法律职业资格')) : null),
        h('td', {}, app.sectionName(u.sectionId)),
        h('td', {}, orgName[u.organisationId] ?? u.organisationId),
        h('td', {}, u.contractFrom || u.contractTo ? `${u.contractFrom ?? '…'} 至 ${u.contractTo ?? '…'}` : '—', u.signingPublicKey ? h('div', {}, h('span', { class: 'badge info' }, '有签名密钥')) : null),
        h('td', {}, u.active ? '启用' : h('span', { class: 'warn' }, '停用'), u.passwordChangeRequired ? h('div', {}, h('span', { class: 'badge muted', title: '管理员设置的临时密码，本人尚未修改' }, '待本人修改密码')) : null),
        h('td', { class: 'no-print' }, btn)), editRow];
    });
    const today = new Date().toISOString().slice(0, 10);
    const lawFirms = orgs.items.filter((o) => o.kind === 'law_firm');
    clear(main).append(
      h('h1', { tabindex: '-1' }, '系统管理'),
      h('section', { class: 'card', 'aria-labelledby': 'users-h' }, h('h2', { id: 'users-h' }, '人员与角色'),
        table(['用户名', '姓名', '角色', '科室', '单位', '聘期', '状态', ''], rows, { caption: `共 ${users.items.length} 人`, cls: 'users' })),
      h('section', { class: 'card no-print', 'aria-labelledby': 'new-user-h' }, h('h2', { id: 'new-user-h' }, '新建用户'), createForm(app, render)),
      h('section', { class: 'card', 'aria-labelledby': 'firm-h' }, h('h2', { id: 'firm-h' }, '法律顾问单位聘期'), lawFirms.length ? lawFirms.map((o) => lawFirmForm(o, render)) : h('p', { class: 'muted' }, '没有律师事务所。')),
      h('section', { class: 'card', 'aria-labelledby': 'bodies-h' }, h('h2', { id: 'bodies-h' }, '会议机构与组成人员'),
        h('p', { class: 'help' }, '集体讨论的会议记录须与会议当日的组成人员名单一致。'),
        bodies.items.map((b) => h('details', { class: 'meeting-body' }, h('summary', {}, `${b.name}（${MEETING_BODY_LABELS[b.kind] ?? b.kind}，${b.members.filter((m) => m.from <= today && (!m.to || m.to >= today)).length} 人在任）`), meetingBodyForm(b, users.items, render))),
        h('details', { class: 'meeting-body no-print' }, h('summary', {}, '新建会议机构'), meetingBodyForm(null, users.items, render))),
      h('section', { class: 'card', 'aria-labelledby': 'orgs-h' }, h('h2', { id: 'orgs-h' }, '单位与科室'),
        h('ul', {}, orgs.items.map((o) => h('li', {}, h('strong', {}, o.name), ` (${o.id})`, (o.sections ?? []).length ? `：${(o.sections ?? []).map((x) => `${x.name}（${x.id}）`).join('、')}` : '')))),
      h('p', {}, h('a', { href: '#/calendar' }, '工作日历与节假日数据 →')));
  };
  await render();
}
