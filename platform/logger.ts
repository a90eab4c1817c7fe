import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from './config';

export type { Logger };

/** Whether log lines are for a person at a terminal (readable) or for a machine (JSON). */
export function prettyLogs(config: Pick<Config, 'LOG_FORMAT' | 'NODE_ENV'>, stdoutIsTty = Boolean(process.stdout.isTTY)): boolean {
  if (config.LOG_FORMAT !== 'auto') return config.LOG_FORMAT === 'pretty';
  return stdoutIsTty && config.NODE_ENV !== 'production';
}

const SECRET_KEYS = [
  'password', 'newPassword', 'passwordHash', 'token', 'authorization', 'cookie', 'signingKeySealed', 'privateKey', 'apiKey', 'secret',
  'DATABASE_URL', 'SIGNING_KEY_SECRET', 'ADMIN_BOOTSTRAP_PASSWORD', 'TEMPORAL_API_KEY', 'METRICS_TOKEN',
];

/**
 * Secrets never reach the logs, whoever logs what: these keys are censored at the top level, one and two
 * levels down (e.g. `{ body: { password } }`, `{ req: { headers: { authorization } } }`), whatever the caller passed.
 */
export const REDACTED_PATHS = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

/**
 * One line per event: readable (time, level, message, then the fields) when a person runs `npm start` in a
 * terminal, JSON elsewhere (files, pipes, containers, production), so it can be shipped as it is.
 * `destination` (tests) takes the JSON lines instead of stdout.
 */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'> & Partial<Pick<Config, 'LOG_FORMAT' | 'NODE_ENV'>>, name = 'legality-review', destination?: DestinationStream): Logger {
  const options = { name, level: config.LOG_LEVEL, base: { pid: process.pid }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  if (destination) return pino(options, destination);
  const readable = prettyLogs({ LOG_FORMAT: config.LOG_FORMAT ?? 'auto', NODE_ENV: config.NODE_ENV ?? 'development' });
  if (!readable) return pino(options);
  // Synchronous, in this thread: a development terminal, where ordering with other output matters more than throughput.
  return pino(options, pretty({ colorize: Boolean(process.stdout.isTTY), sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,name', singleLine: false }));
}
