import { activitySlotsFor } from '../../../worker/activitySlots';
import { dynamicConfigArgs, dynamicConfigYaml, SERVER_DYNAMIC_CONFIG } from '../../../platform/temporal/serverDynamicConfig';

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

describe('the Temporal servers\' dynamic configuration (one list for the dev server and the production shape)', () => {
  test('eager activity dispatch is on', () => {
    expect(SERVER_DYNAMIC_CONFIG['system.enableActivityEagerExecution']).toBe(true);
  });

  test('as the CLI\'s arguments and as YAML', () => {
    const config = { 'a.flag': true, 'b.limit': 3, 'c.name': 'x' };
    expect(dynamicConfigArgs(config)).toEqual(['--dynamic-config-value', 'a.flag=true', '--dynamic-config-value', 'b.limit=3', '--dynamic-config-value', 'c.name="x"']);
    expect(dynamicConfigYaml(config)).toBe('a.flag:\n  - value: true\n    constraints: {}\nb.limit:\n  - value: 3\n    constraints: {}\nc.name:\n  - value: "x"\n    constraints: {}\n');
  });
});
