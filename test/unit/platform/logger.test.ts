import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Writable } from 'node:stream';
import { accessLogOf, createLogger, prettyLogs } from '../../../platform/logger';

const ROOT = path.resolve(__dirname, '../../..');

/** Runs a logger in a child process (its stdout a pipe) and returns what it printed. */
function logOutput(env: Record<string, string>): string {
  const script = "const { createLogger } = require('./platform/logger'); createLogger({ LOG_LEVEL: 'info', LOG_FORMAT: process.env.LOG_FORMAT, NODE_ENV: 'development' }).info({ matterId: 'm-1' }, '已受理');";
  return execFileSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['-e', script], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
}

describe('log format', () => {
  test('auto: readable on a terminal, JSON elsewhere and always in production; explicit settings win', () => {
    expect(prettyLogs({ LOG_FORMAT: 'auto', NODE_ENV: 'development' }, true)).toBe(true);
    expect(prettyLogs({ LOG_FORMAT: 'auto', NODE_ENV: 'development' }, false)).toBe(false);
    expect(prettyLogs({ LOG_FORMAT: 'auto', NODE_ENV: 'production' }, true)).toBe(false);
    expect(prettyLogs({ LOG_FORMAT: 'json', NODE_ENV: 'development' }, true)).toBe(false);
    expect(prettyLogs({ LOG_FORMAT: 'pretty', NODE_ENV: 'production' }, false)).toBe(true);
  });

  test('pretty lines read as text (level, message, fields); JSON lines parse', () => {
    const readable = logOutput({ LOG_FORMAT: 'pretty' });
    expect(readable).toMatch(/INFO.*已受理/);
    expect(readable).toMatch(/matterId: "m-1"/);
    expect(readable.trim().startsWith('{')).toBe(false);
    const json = JSON.parse(logOutput({ LOG_FORMAT: 'auto' }).trim()) as Record<string, unknown>;
    expect(json).toEqual(expect.objectContaining({ level: 30, msg: '已受理', matterId: 'm-1' }));
  });
});

describe('the access log (one line per HTTP request)', () => {
  /** Runs a script in a child process whose stdout is a pipe; answers what it printed, even if it was killed. */
  function run(script: string): string {
    const prelude = "const { createLogger, accessLogOf } = require('./platform/logger'); const log = createLogger({ LOG_LEVEL: 'info', LOG_FORMAT: 'json', NODE_ENV: 'production' }, 'api'); const access = accessLogOf(log);";
    try {
      return execFileSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['-e', prelude + script], { cwd: ROOT, env: process.env, encoding: 'utf8' });
    } catch (err) {
      return String((err as { stdout?: string }).stdout ?? '');
    }
  }
  const lines = (out: string) => out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

  test('writes JSON lines with the process\'s name, in order, all of them by the time the process exits', () => {
    const out = lines(run("for (let i = 0; i < 200; i++) access.info({ requestId: 'r' + i, status: 200 }, 'request'); log.info('other'); process.exit(0);"));
    const requests = out.filter((l) => l.msg === 'request');
    expect(requests.map((l) => l.requestId)).toEqual(Array.from({ length: 200 }, (_, i) => `r${i}`));
    expect(requests[0]).toEqual(expect.objectContaining({ name: 'api', level: 30, status: 200, pid: expect.any(Number) }));
    expect(out.some((l) => l.msg === 'other')).toBe(true);
  });

  test('writes a quiet process\'s lines within a second: a kill -9 after that loses none of them', () => {
    const out = run("access.info({ requestId: 'quiet' }, 'request'); setTimeout(() => process.kill(process.pid, 'SIGKILL'), 1500);");
    expect(lines(out).map((l) => l.requestId)).toEqual(['quiet']);
  });

  test('is a child of any other logger, without redaction (its fields are fixed and hold no secret)', () => {
    const written: string[] = [];
    const stream = new Writable({ write(chunk, _enc, done) { written.push(String(chunk)); done(); } });
    const access = accessLogOf(createLogger({ LOG_LEVEL: 'info' }, 'test', stream));
    access.info({ requestId: 'r-1', token: 'not-a-secret-here' }, 'request');
    expect(JSON.parse(written[0]!)).toEqual(expect.objectContaining({ requestId: 'r-1', token: 'not-a-secret-here', name: 'test' }));
  });
});

describe('secrets in logs', () => {
  test('are censored wherever a caller puts them, and nothing else is', () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = createLogger({ LOG_LEVEL: 'info' }, 'test', stream);
    log.info({ password: 'hunter2-hunter2', body: { username: 'drafter', password: 'p4ssw0rd-long' }, req: { headers: { authorization: 'Bearer lr_abc' } }, DATABASE_URL: 'postgresql://u:pw@db/x', user: { passwordHash: 'scrypt$…', signingKeySealed: 'sealed…' }, token: 'lr_tok' }, 'something happened');
    const text = lines.join('');
    for (const secret of ['hunter2-hunter2', 'p4ssw0rd-long', 'lr_abc', 'u:pw@db', 'scrypt$', 'sealed…', 'lr_tok']) expect(text).not.toContain(secret);
    const entry = JSON.parse(lines[0]!) as { body: { username: string; password: string }; msg: string };
    expect(entry.body).toEqual({ username: 'drafter', password: '[redacted]' });
    expect(entry.msg).toBe('something happened');
  });
});
