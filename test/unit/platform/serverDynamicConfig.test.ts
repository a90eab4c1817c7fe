import { dynamicConfigArgs, dynamicConfigYaml, SERVER_DYNAMIC_CONFIG } from '../../../platform/temporal/serverDynamicConfig';

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
