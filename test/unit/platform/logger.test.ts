import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createLogger, prettyLogs } from '../../../platform/logger';

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
