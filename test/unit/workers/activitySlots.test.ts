import { activitySlotsFor } from '../../../worker/activitySlots';

describe('activity slots: a slot per connection free for eager dispatch, besides those the polls hold', () => {
  test.each([
    [1, 3, 1],
    [2, 4, 1],
    [3, 5, 1],
    [5, 8, 2],
    [8, 13, 4],
  ])('%i connections: %i slots, %i polls', (connections, slots, polls) => {
    expect(activitySlotsFor(connections)).toEqual({ slots, polls });
  });

  test('idle, every connection has a free slot; busy, at most polls + 1 activities wait for a connection', () => {
    for (let connections = 1; connections <= 200; connections++) {
      const { slots, polls } = activitySlotsFor(connections);
      // The SDK holds a slot per open poll and one for the poll it has ready to open.
      expect(slots - (polls + 1)).toBe(connections);
      expect(polls).toBeGreaterThanOrEqual(1);
    }
  });
});
