import { LoginThrottle } from '../../../api/auth/loginThrottle';

describe('login throttle', () => {
  test('five failures lock the username for the window; a success clears; other usernames are unaffected', () => {
    let t = 1_000_000;
    const th = new LoginThrottle(5, 60_000, () => t);
    for (let i = 0; i < 4; i++) th.fail('alice');
    expect(th.retryAfterMs('alice')).toBe(0);
    th.fail('alice');
    expect(th.retryAfterMs('alice')).toBe(60_000);
    expect(th.retryAfterMs('bob')).toBe(0);
    t += 30_000;
    expect(th.retryAfterMs('alice')).toBe(30_000);
    t += 30_001;
    expect(th.retryAfterMs('alice')).toBe(0);
    th.fail('carol');
    th.succeed('carol');
    for (let i = 0; i < 4; i++) th.fail('carol');
    expect(th.retryAfterMs('carol')).toBe(0);
  });
});
