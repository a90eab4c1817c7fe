import fs from 'node:fs';
import path from 'node:path';
import { commandSchema, commandSchemaOf, COMMAND_TYPES, documentText, line, parseCommand, prose } from '../../../domain/procedure';

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
    const schemaTypes = commandSchema().options.map((o) => o.shape.type.value).sort();
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

  test('each command type\'s own schema is the one the union gives that type', () => {
    for (const option of commandSchema().options) expect(commandSchemaOf(option.shape.type.value)).toBe(option);
    expect(commandSchemaOf('launch_rocket')).toBeNull();
    expect(commandSchemaOf('toString')).toBeNull();
  });

  test('parseCommand, which builds only the command\'s own schema, judges and words every command as the union does', () => {
    // The commands of a committed walkthrough (every stage of a normative document), as sent, and each broken.
    const history = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../replay/histories/expected-head-walkthrough-normativeDocument.json'), 'utf8')) as { events: Array<Record<string, any>> };
    const sent = history.events
      .flatMap((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.args?.payloads ?? [])
      .map((p: { data: string }) => JSON.parse(Buffer.from(p.data, 'base64').toString('utf8')) as { command?: { type: string } })
      .flatMap((args) => (args.command ? [args.command] : []));
    expect(sent.length).toBeGreaterThanOrEqual(25);
    const broken = sent.flatMap((c) => [{ ...c, type: 'launch_rocket' }, ...Object.keys(c).filter((k) => k !== 'type').map((k) => ({ ...c, [k]: 'a\u0000b' }))]);
    const asTheUnion = (raw: unknown) => {
      const parsed = commandSchema().safeParse(raw);
      if (parsed.success) return { ok: true as const, command: parsed.data };
      const issue = parsed.error.issues[0]!;
      return { ok: false as const, reason: `${['command', ...issue.path.map(String)].join('.')}: ${issue.message}` };
    };
    let refused = 0;
    for (const raw of [...sent, ...broken, { type: 'accept_materials' }, { type: 'withdraw' }, null, 'withdraw', { type: 42 }]) {
      const mine = parseCommand(raw);
      const union = asTheUnion(raw);
      if (union.ok) expect(mine).toEqual(union);
      // A refusal's reason leads with the refusal code's words, then the union's.
      else expect(!mine.ok && mine.reason.endsWith(`: ${union.reason}`)).toBe(true);
      if (!union.ok) refused++;
    }
    expect(refused).toBeGreaterThan(sent.length);
  });
});
