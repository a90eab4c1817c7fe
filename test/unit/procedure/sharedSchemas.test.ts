import { sharedSchema } from '../../../domain/procedure/sharedSchemas';
import { commandSchema, commandSchemaOf } from '../../../domain/procedure';

describe('schemas shared by name (one per worker thread, one per process elsewhere)', () => {
  test('a name is built once, on first use; another name is built on its own', () => {
    const builds: string[] = [];
    const build = (label: string) => () => {
      builds.push(label);
      return { label };
    };
    const name = `test:${Math.random()}`;
    expect(builds).toEqual([]);
    const first = sharedSchema(name, build('first'));
    expect(sharedSchema(name, build('second'))).toBe(first);
    expect(first).toEqual({ label: 'first' });
    expect(sharedSchema(`${name}:other`, build('other'))).toEqual({ label: 'other' });
    expect(builds).toEqual(['first', 'other']);
  });

  test('a build that throws leaves nothing behind: the next use builds again', () => {
    const name = `test:${Math.random()}`;
    expect(() => sharedSchema(name, () => { throw new Error('not yet'); })).toThrow('not yet');
    expect(sharedSchema(name, () => 'built')).toBe('built');
  });

  test("the commands' union is built once, from the schemas each command type is parsed with", () => {
    // Each option being commandSchemaOf's is checked in commands.test.ts.
    expect(commandSchema()).toBe(commandSchema());
    expect(commandSchema().options[0]).toBe(commandSchemaOf(commandSchema().options[0]!.shape.type.value));
  });
});
