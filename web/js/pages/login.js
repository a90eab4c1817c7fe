// @ts-check
/** Login. The demo hint is shown as plain text: it is only true on the embedded demo database. */
import { h, clear } from '../dom.js';
import { field, onSubmit } from '../forms.js';
import { api, session } from '../api.js';

/**
 * @param {HTMLElement} main
 * @param {unknown} _params
 * @param {import('../app.js').App} app
 * @param {URLSearchParams} query
 */
export async function loginPage(main, _params, app, query) {
  document.title = '登录 · 合法性审核';
  const username = field({ label: '用户名 Username', path: 'username', required: true, autocomplete: 'username' });
  const password = field({ label: '密码 Password', path: 'password', type: 'password', required: true, autocomplete: 'current-password' });
  const form = h('form', { class: 'login-form card', 'aria-labelledby': 'login-h' },
    h('h1', { id: 'login-h', tabindex: '-1' }, '登录'),
    query.get('expired') ? h('p', { class: 'warn', role: 'status' }, '登录已过期或已退出，请重新登录。') : null,
    username, password,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, '登录 Log in')));
  onSubmit(form, async () => {
    const res = await api.login(username.control.value.trim(), password.control.value);
    session.save(res.token, res.user);
    await app.afterLogin();
  });
  const hint = h('aside', { class: 'hint card', 'aria-label': '演示账号' },
    h('h2', {}, '演示账号 Demo accounts'),
    h('p', {}, '仅在内置演示数据库中可用：'),
    h('ul', { class: 'demo-users' }, [
      ['drafter', '承办科室'], ['legal', '法制机构'], ['lawyer', '法律顾问'], ['fcr', '公平竞争审查'], ['secretary', '会议秘书'],
      ['member1', '局长（主持人）'], ['member2', '副局长甲'], ['member3', '副局长乙'], ['auditor', '监督审计'], ['admin', '系统管理员'],
    ].map(([u, l]) => h('li', {}, h('code', {}, u), ` ${l}`))),
    h('p', {}, '密码 password: ', h('code', {}, 'demo')));
  clear(main).append(h('div', { class: 'login-layout' }, form, hint));
  username.control.focus();
}
