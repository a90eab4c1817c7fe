import { newPassword, passwordChangeBody, PASSWORD_MAX_LENGTH, temporaryWhenSet } from '../../../api/auth/passwordRules';

const issues = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) => (r.success ? [] : r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`));

describe('password rules', () => {
  test('a new password: 10 to 200 characters, no control characters', () => {
    expect(newPassword.safeParse('a-long-password').success).toBe(true);
    expect(newPassword.safeParse('长密码长密码长密码长').success).toBe(true);
    expect(issues(newPassword.safeParse('short'))).toEqual([': must be at least 10 characters']);
    expect(issues(newPassword.safeParse('x'.repeat(PASSWORD_MAX_LENGTH + 1)))).toEqual([': must be at most 200 characters']);
    expect(issues(newPassword.safeParse('long-enough\u0000password'))).toEqual([': must not contain control characters']);
    expect(issues(newPassword.safeParse('tab\there-and-more'))).toEqual([': must not contain control characters']);
  });

  test('the holder\'s change: the current password as presented (any length that could be stored), a different new one, nothing else', () => {
    expect(passwordChangeBody.safeParse({ currentPassword: 'old', newPassword: 'a-long-password' }).success).toBe(true);
    expect(issues(passwordChangeBody.safeParse({ currentPassword: 'temporary-pw-1', newPassword: 'temporary-pw-1' }))).toEqual(['newPassword: must differ from the current password']);
    expect(issues(passwordChangeBody.safeParse({ currentPassword: '', newPassword: 'a-long-password' }))).toEqual(['currentPassword: is required']);
    expect(issues(passwordChangeBody.safeParse({ currentPassword: 'old', newPassword: 'short' }))).toEqual(['newPassword: must be at least 10 characters']);
    expect(issues(passwordChangeBody.safeParse({ currentPassword: 'old', newPassword: 'a-long-password', username: 'someone-else' }))[0]).toMatch(/unrecognized key/i);
  });

  test('a password set by anyone but its holder is temporary', () => {
    expect(temporaryWhenSet({ setById: 'user-admin', holderId: 'user-lawyer' })).toBe(true);
    expect(temporaryWhenSet({ setById: 'user-admin', holderId: 'user-admin' })).toBe(false);
  });
});
