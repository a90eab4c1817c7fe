import { activityPollsFor } from '../../../worker/activityPolls';
import { dynamicConfigArgs, dynamicConfigYaml, SERVER_DYNAMIC_CONFIG } from '../../../platform/temporal/serverDynamicConfig';

describe('activity polls: slots left free for eager dispatch', () => {
  test.each([
    [1, 1],
    [2, 1],
    [3, 1],
    [5, 2],
    [8, 4],
    [10, 5],
  ])('%i slots: %i polls', (slots, polls) => {
    expect(activityPollsFor(slots)).toBe(polls);
  });

  test('with two slots or more, at least one slot is never held by a poll', () => {
    for (let slots = 2; slots <= 200; slots++) expect(activityPollsFor(slots)).toBeLessThan(slots);
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
