// @ts-check
/**
 * 修改密码 (#/password): one's own password, changed with the current one (POST /api/v1/auth/password).
 * Required first when an administrator reset the password: until then
 * the server answers nothing else (403 PASSWORD_CHANGE_REQUIRED) and the app brings the person here, then goes on
 * where they were going. Open at any time from the header too.
 */
import { h, clear, announce } from '../dom.js';
import { field, onSubmit } from '../forms.js';
import { api, session, ApiError } from '../api.js';

/**
 * @param {HTMLElement} main
 * @param {unknown} _params
 * @param {import('../app.js').App} app
 */
export async function passwordPage(main, _params, app) {
  document.title = '修改密码 · 合法性审核';
  const required = app.me?.passwordChangeRequired === true;
  const current = field({ label: required ? '当前（临时）密码' : '当前密码', path: 'currentPassword', type: 'password', required: true, autocomplete: 'current-password' });
  const next = field({ label: '新密码', path: 'newPassword', type: 'password', required: true, autocomplete: 'new-password', help: '至少10位，不能与当前密码相同。' });
  const again = field({ label: '再次输入新密码', path: 'newPasswordAgain', type: 'password', required: true, autocomplete: 'new-password' });
  const form = h('form', { class: 'login-form card', 'aria-labelledby': 'password-h' },
    h('h1', { id: 'password-h', tabindex: '-1' }, '修改密码'),
    required ? h('p', { class: 'warn', role: 'status' }, '您的密码是管理员设置的临时密码。请先修改密码，然后才能继续办理。') : null,
    current, next, again,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, '修改密码')));
  onSubmit(form, async () => {
    // Checked here only: the server sees one new password; a typo in it would lock the person out.
    if (next.control.value !== again.control.value) {
      throw new ApiError(400, { title: '两次输入的新密码不一致', code: 'mismatch', errors: [{ field: 'body.newPasswordAgain', message: '与新密码不一致' }] });
    }
    const res = await api.changePassword(current.control.value, next.control.value);
    // Every earlier token was revoked with the change: the answer's token is the session from now on.
    session.save(res.token, res.user);
    announce('密码已修改。', 'success');
    await app.afterLogin();
  });
  const hint = h('aside', { class: 'hint card', 'aria-label': '密码要求' },
    h('h2', {}, '说明'),
    h('ul', {}, [
      '新密码至少10位，不能与当前密码相同。',
      '修改后，您在其他浏览器或设备上的登录全部失效。',
      '每一次修改都记入管理操作记录（由谁、何时、从何处）。',
    ].map((t) => h('li', {}, t))));
  clear(main).append(h('div', { class: 'login-layout' }, form, hint));
  current.control.focus();
}
