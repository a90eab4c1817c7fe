import { commandSchema, COMMAND_TYPES, documentText, line, parseCommand, prose } from '../../../domain/procedure';

describe('text primitives: nothing the database cannot store, nothing that hides text', () => {
  test.each([
    ['NUL', 'a\u0000b'],
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone low surrogate', '\udc00'],
    ['BEL', 'a\u0007'],
    ['DEL', 'a\u007f'],
    ['a C1 control (NEL)', 'a\u0085b'],
  ])('prose refuses %s', (_name, value) => {
    expect(prose().safeParse(value).success).toBe(false);
    expect(documentText().safeParse(value).success).toBe(false);
    expect(line().safeParse(value).success).toBe(false);
  });

  test('prose and document texts keep line breaks, tabs and characters outside the BMP', () => {
    const text = '第一条\t总则\r\n第二条 施行。😀';
    expect(prose().parse(text)).toBe(text);
    expect(documentText().parse(text)).toBe(text);
  });

  test('a one-line value refuses line breaks and tabs', () => {
    expect(line().safeParse('a\nb').success).toBe(false);
    expect(line().safeParse('a\tb').success).toBe(false);
    expect(line().parse('  京市监〔2025〕1号  ')).toBe('京市监〔2025〕1号');
  });

  test('a document text is kept exactly as sent (its hash binds sign-offs)', () => {
    expect(documentText().parse('  第一条  ')).toBe('  第一条  ');
    expect(documentText().safeParse('   ').success).toBe(false);
  });
});

describe('the command schema is the single source of every command', () => {
  test('every command type the procedure knows has a schema, and no other', () => {
    const schemaTypes = commandSchema.options.map((o) => o.shape.type.value).sort();
    expect(schemaTypes).toEqual([...COMMAND_TYPES].sort());
  });

  test('parseCommand refuses naming the field, and accepts a well-formed command', () => {
    const bad = parseCommand({ type: 'record_meeting', record: { members: ['m1', 'm\u00002'] } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.code).toBe('INVALID_INPUT');
      expect(bad.status).toBe(422);
      expect(bad.reason).toContain('command.record.members.1');
    }
    expect(parseCommand({ type: 'withdraw', reason: '不再需要\n详见说明' })).toEqual({ ok: true, command: { type: 'withdraw', reason: '不再需要\n详见说明' } });
    expect(parseCommand({ type: 'launch_rocket' }).ok).toBe(false);
  });
});
