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
  if (!readable) {
    const log = pino(options);
    accessLogs.set(log, { name, level: config.LOG_LEVEL });
    return log;
  }
  // Synchronous, in this thread: a development terminal, where ordering with other output matters more than throughput.
  return pino(options, pretty({ colorize: Boolean(process.stdout.isTTY), sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,name', singleLine: false }));
}

/** The loggers createLogger made for stdout as JSON, with their access log once asked for (see accessLogOf). */
const accessLogs = new WeakMap<Logger, { name: string; level: string; made?: Logger }>();

/** Lines gathered up to this many bytes before they are written (pino's own advice for asynchronous logging). */
const ACCESS_LOG_BUFFER_BYTES = 4096;
/** …and written at least this often, so a quiet process's lines are not held back. */
const ACCESS_LOG_FLUSH_MS = 1_000;

/**
 * stdout, written in batches: lines are gathered up to 4 KB and written together, at the latest a second
 * after they were logged; at exit (process.exit, a signal handled by the process, the end of the event loop)
 * pino writes what is left. A process killed outright (kill -9) loses at most the last second of them.
 */
function bufferedStdout(): DestinationStream {
  const stream = pino.destination({ dest: process.stdout.fd, sync: false, minLength: ACCESS_LOG_BUFFER_BYTES });
  setInterval(() => {
    try {
      stream.flush();
    } catch {
      // Ended by pino at exit: nothing left to write.
    }
  }, ACCESS_LOG_FLUSH_MS).unref();
  return stream;
}

/**
 * The logger for the API's access log, one line per HTTP request, of the process whose logger is `log`. Its
 * fields are fixed by the API and hold no secret, so it skips the redaction (measured: ~40 µs a line with the
 * wildcard paths, 4.5 without; docs/benchmarks.md, read path).
 *
 * When `log` writes JSON to stdout (every server process but a terminal's), the access log is written in batches
 * (bufferedStdout). Measured with a scratch script, 2,500 access lines at 500 a second: 223 write calls and
 * 150 ms of the process's CPU, against 2,015 writes and 245 ms written as they came (each write goes through
 * libuv's thread pool and back). On the read benchmark at 500 req/s, the API processes with their access log
 * off answered the list at 1.13 ms of serving CPU and p99 7.4 ms, against 1.44–1.69 and 24–117 ms with it
 * (docs/benchmarks.md, read path). The log stays; its writes are batched. Other lines are
 * written as they come, as before.
 *
 * Any other logger (a terminal's, a test's destination): a child of it.
 */
export function accessLogOf(log: Logger): Logger {
  const forStdout = accessLogs.get(log);
  if (!forStdout) return log.child({}, { redact: [] });
  // Made when first asked for: only the API has an access log (a worker's logger would keep a timer for nothing).
  forStdout.made ??= pino({ name: forStdout.name, level: forStdout.level, base: { pid: process.pid } }, bufferedStdout());
  return forStdout.made;
}
