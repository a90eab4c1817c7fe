// @ts-check
/**
 * The web app's entry point: session, navigation and a hash router (#/matters, #/matters/:id,
 * #/matters/:id/diff, #/new, #/statistics, #/admin, #/admin-events, #/calendar, #/registers, #/register, #/register/:id,
 * #/cleanups, #/cleanups/:id, #/password, #/login). A hash router needs no server
 * support beyond serving index.html. A person whose password an administrator set sees only #/password until
 * they have changed it (the server refuses everything else with 403 PASSWORD_CHANGE_REQUIRED).
 */
import { h, clear, announce } from './dom.js';
import { api, session, setUnauthorizedHandler, setPasswordChangeRequiredHandler } from './api.js';
import { problemBox } from './forms.js';
import { ROLE_LABELS, applyVocabulary } from './labels.js';
import { forgetPeople } from './people.js';
import { loginPage } from './pages/login.js';
import { passwordPage } from './pages/password.js';
import { worklistPage } from './pages/worklist.js';
import { newMatterPage } from './pages/newMatter.js';
import { matterPage } from './pages/matter.js';
import { diffPage } from './pages/diff.js';
import { statisticsPage } from './pages/statistics.js';
import { adminEventsPage } from './pages/adminEvents.js';
import { adminPage } from './pages/admin.js';
import { registersPage } from './pages/registers.js';
import { calendarPage } from './pages/calendar.js';
import { registerPage, registerDocumentPage } from './pages/register.js';
import { cleanupsPage, cleanupPage } from './pages/cleanups.js';

/**
 * What every page may use: who is signed in, the sections (for names), navigation.
 * @typedef {object} App
 * @property {import('../types/api').Me | null} me
 * @property {import('../types/api').Section[]} sections
 * @property {(hash: string) => void} navigate
 * @property {(id: string | null | undefined) => string} sectionName
 * @property {(orgs?: { items: import('../types/api').Organisation[] }) => Promise<void>} refreshOrganisations
 * @property {() => Promise<void>} afterLogin
 * @property {() => void} refreshTodo the count of matters waiting for the person, in the navigation
 */
/** @typedef {(main: HTMLElement, params: any, app: App, query: URLSearchParams) => Promise<void>} Page */

const main = /** @type {HTMLElement} */ (document.getElementById('main'));
const nav = /** @type {HTMLElement} */ (document.getElementById('nav'));
const who = /** @type {HTMLElement} */ (document.getElementById('who'));

/** @type {App} */
const app = {
  me: null,
  sections: [],
  navigate(hash) {
    if (location.hash === hash) route();
    else location.hash = hash;
  },
  sectionName(id) {
    if (!id) return '—';
    return app.sections.find((s) => s.id === id)?.name ?? id;
  },
  async refreshOrganisations(orgs) {
    try {
      const res = orgs ?? (await api.organisations());
      app.sections = res.items.flatMap((o) => o.sections ?? []);
    } catch {
      app.sections = []; // names fall back to ids
    }
  },
  async afterLogin() {
    app.me = await api.me();
    session.setUser(app.me);
    if (app.me.passwordChangeRequired) {
      // Nothing else answers yet: the change form first; where the person was going is kept for after it.
      renderChrome();
      app.navigate('#/password');
      return;
    }
    await app.refreshOrganisations();
    renderChrome();
    const wanted = sessionStorage.getItem('lr.after-login');
    sessionStorage.removeItem('lr.after-login');
    app.navigate(wanted && !wanted.startsWith('#/login') && !wanted.startsWith('#/password') ? wanted : homeFor(app.me));
  },
  refreshTodo() {
    const badgeEl = nav.querySelector('.todo-count');
    if (!badgeEl || !app.me) return;
    // One query over the projection's whose-turn columns (GET /matters?awaitingMe=true).
    api.listMatters({ awaitingMe: 'true', limit: 200 }).then((res) => {
      const n = res.items.length;
      badgeEl.textContent = n ? String(n) : '';
      badgeEl.setAttribute('aria-label', `待我办理 ${n} 件`);
      /** @type {HTMLElement} */ (badgeEl).hidden = n === 0;
    }, () => {});
  },
};

/** @param {import('../types/api').Me | null} me */
function homeFor(me) {
  if (me?.passwordChangeRequired) return '#/password';
  const roles = me?.roles ?? [];
  // Admins manage people; they see no matters (the list is scoped by review roles).
  return roles.includes('admin') && roles.length === 1 ? '#/admin' : '#/matters';
}

function renderChrome() {
  clear(nav);
  clear(who);
  if (!app.me) return;
  if (app.me.passwordChangeRequired) {
    // No navigation: every page would be refused until the password is changed.
    who.append(
      h('span', { class: 'who-name' }, app.me.displayName ?? app.me.username),
      h('button', { type: 'button', class: 'secondary small', onclick: logout }, '退出'));
    return;
  }
  const roles = app.me.roles ?? [];
  /** @type {Array<[string, string, boolean?]>} */
  const links = [];
  if (roles.some((r) => r !== 'admin')) links.push(['#/matters', '事项列表', true]);
  if (roles.includes('drafter')) links.push(['#/new', '登记新事项']);
  if (roles.includes('legal_unit') || roles.includes('auditor')) links.push(['#/statistics', '统计']);
  if (roles.some((r) => r === 'legal_unit' || r === 'auditor' || r === 'secretary')) links.push(['#/registers', '合同与决策目录']);
  // The document register is read by everyone who reads matters (read_register); clean-ups are the legal unit's work, audited.
  if (roles.some((r) => r !== 'admin')) links.push(['#/register', '文件登记簿']);
  if (roles.includes('legal_unit') || roles.includes('auditor')) links.push(['#/cleanups', '文件清理']);
  links.push(['#/calendar', '工作日历']);
  if (roles.includes('admin')) links.push(['#/admin', '系统管理']);
  if (roles.includes('admin') || roles.includes('auditor')) links.push(['#/admin-events', '管理操作记录']);
  nav.append(h('ul', {}, links.map(([href, text, todo]) => h('li', {}, h('a', { href, dataset: { nav: href } }, text, todo ? h('span', { class: 'todo-count', hidden: true, title: '待我办理' }) : null)))));
  who.append(
    h('span', { class: 'who-name' }, app.me.displayName ?? app.me.username),
    h('span', { class: 'who-roles' }, roles.map((r) => ROLE_LABELS[r] ?? r).join('、')),
    h('a', { href: '#/password', class: 'who-password small' }, '修改密码'),
    h('button', { type: 'button', class: 'secondary small', onclick: logout }, '退出'));
  markCurrentNav();
  app.refreshTodo();
}

function markCurrentNav() {
  const hash = location.hash || '#/';
  nav.querySelectorAll('a').forEach((a) => {
    const target = a.dataset.nav;
    const current = hash === target || (target === '#/matters' && /^#\/matters(\?|$)/.test(hash))
      // A register document or a clean-up belongs to its list.
      || ((target === '#/register' || target === '#/cleanups') && (hash.startsWith(`${target}/`) || hash.startsWith(`${target}?`)));
    if (current) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
}

async function logout() {
  try { await api.logout(); } catch { /* the token may already be gone; the session ends here either way */ }
  session.clear();
  forgetPeople();
  app.me = null;
  renderChrome();
  app.navigate('#/login');
}

/** @type {Array<[RegExp, Page | null, { public?: boolean, params?: string[] }?]>} */
const ROUTES = [
  [/^\/login$/, loginPage, { public: true }],
  [/^\/password$/, passwordPage],
  [/^\/?$/, null],
  [/^\/matters$/, worklistPage],
  [/^\/new$/, newMatterPage],
  [/^\/matters\/([^/]+)$/, matterPage, { params: ['id'] }],
  [/^\/matters\/([^/]+)\/diff$/, diffPage, { params: ['id'] }],
  [/^\/statistics$/, statisticsPage],
  [/^\/admin-events$/, adminEventsPage],
  [/^\/admin$/, adminPage],
  [/^\/calendar$/, calendarPage],
  [/^\/registers$/, registersPage],
  [/^\/register$/, registerPage],
  [/^\/register\/([^/]+)$/, registerDocumentPage, { params: ['id'] }],
  [/^\/cleanups$/, cleanupsPage],
  [/^\/cleanups\/([^/]+)$/, cleanupPage, { params: ['id'] }],
];

let routing = 0;
async function route() {
  const raw = location.hash.replace(/^#/, '');
  // Only "#/…" is a route; other fragments (e.g. in-page anchors) are left alone.
  if (raw && !raw.startsWith('/')) return;
  const [path = '', qs = ''] = raw.split('?');
  const query = new URLSearchParams(qs);
  const ticket = ++routing;
  const match = ROUTES.map(([re, page, opts = {}]) => ({ m: re.exec(path || '/'), page, opts })).find((x) => x.m);
  if (!match || !match.m) {
    clear(main).append(h('h1', { tabindex: '-1' }, '页面不存在'), h('p', {}, h('a', { href: '#/matters' }, '返回事项列表')));
    focusHeading();
    return;
  }
  if (!match.opts.public && !session.token) {
    sessionStorage.setItem('lr.after-login', location.hash);
    app.navigate('#/login');
    return;
  }
  if (!match.page) { app.navigate(homeFor(app.me)); return; }
  if (app.me?.passwordChangeRequired && !match.opts.public && path !== '/password') {
    sessionStorage.setItem('lr.after-login', location.hash);
    app.navigate('#/password');
    return;
  }
  if (match.opts.public && session.token && app.me) { app.navigate(homeFor(app.me)); return; }
  const m = match.m;
  const params = Object.fromEntries((match.opts.params ?? []).map((name, i) => [name, decodeURIComponent(m[i + 1] ?? '')]));
  markCurrentNav();
  main.setAttribute('aria-busy', 'true');
  clear(main).append(h('p', { class: 'muted loading' }, '正在载入…'));
  try {
    await match.page(main, params, app, query);
  } catch (err) {
    if (ticket === routing) clear(main).append(h('h1', { tabindex: '-1' }, '出错了'), problemBox(err));
  } finally {
    main.removeAttribute('aria-busy');
  }
  // Move focus to the new page's heading, so keyboard and screen-reader users start at the top of it.
  if (ticket === routing) focusHeading();
}

function focusHeading() {
  // A page that already placed focus (the login field, an action's result) keeps it.
  if (main.contains(document.activeElement) && document.activeElement !== main) return;
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

setUnauthorizedHandler(() => {
  app.me = null;
  forgetPeople();
  renderChrome();
  sessionStorage.setItem('lr.after-login', location.hash);
  announce('登录已过期，请重新登录。', 'error');
  location.hash = '#/login?expired=1';
});

setPasswordChangeRequiredHandler(() => {
  // The server refused a call until the password an administrator set is changed, which the app did not know (a
  // session saved in this tab before it was told, a call already under way): show the change form, then come back.
  if (!app.me) return;
  app.me = { ...app.me, passwordChangeRequired: true };
  session.setUser(app.me);
  renderChrome();
  if (!location.hash.startsWith('#/password')) {
    sessionStorage.setItem('lr.after-login', location.hash);
    location.hash = '#/password';
  }
});

// The skip link moves focus instead of changing the hash, which belongs to the router.
document.querySelector('.skip-link')?.addEventListener('click', (ev) => {
  ev.preventDefault();
  main.focus();
});

// Details elements are closed by default; open them for printing so the printout is complete.
window.addEventListener('beforeprint', () => document.querySelectorAll('main details:not(.action)').forEach((d) => { const el = /** @type {HTMLDetailsElement} */ (d); el.dataset.wasOpen = String(el.open); el.open = true; }));
window.addEventListener('afterprint', () => document.querySelectorAll('main details[data-was-open]').forEach((d) => { const el = /** @type {HTMLDetailsElement} */ (d); el.open = el.dataset.wasOpen === 'true'; delete el.dataset.wasOpen; }));

async function boot() {
  // The procedure's vocabulary and labels come from the server; without them codes are shown as they are.
  try { applyVocabulary(await api.vocabulary()); } catch { /* codes stand in for labels */ }
  if (session.token) {
    try {
      app.me = await api.me();
      session.setUser(app.me);
      // Refused until a password an administrator set is changed; the router shows the form first.
      if (!app.me.passwordChangeRequired) await app.refreshOrganisations();
    } catch {
      app.me = null; // an expired token: the 401 handler has cleared the session
    }
  }
  renderChrome();
  window.addEventListener('hashchange', route);
  if (!location.hash || location.hash === '#' || location.hash === '#/') {
    // replaceState changes the hash without a hashchange event (and without a history entry).
    history.replaceState(null, '', session.token && app.me ? homeFor(app.me) : '#/login');
  }
  await route();
}

boot();
