import { waitAtMost } from '../../../api/matters/waitAtMost';

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('waitAtMost', () => {
  test('the value when the promise settles in time, and no timer left behind', async () => {
    const before = timers();
    await expect(waitAtMost(Promise.resolve({ state: 'x' }), 60_000)).resolves.toEqual({ state: 'x' });
    expect(timers()).toBe(before);
  });

  test('null when the promise has not settled within the wait', async () => {
    const never = new Promise<string>(() => undefined);
    await expect(waitAtMost(never, 20)).resolves.toBeNull();
  });

  test('a rejection within the wait is thrown, and its timer cleared too', async () => {
    const before = timers();
    await expect(waitAtMost(Promise.reject(new Error('refused')), 60_000)).rejects.toThrow('refused');
    expect(timers()).toBe(before);
  });
});
