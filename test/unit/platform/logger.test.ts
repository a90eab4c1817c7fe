import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { prettyLogs } from '../../../platform/logger';

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
