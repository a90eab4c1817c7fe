import pino, { type Logger } from 'pino';
import type { Config } from './config';

export type { Logger };

/** JSON logs, one line per event, so they can be shipped as they are. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>, name = 'legality-review'): Logger {
  return pino({ name, level: config.LOG_LEVEL, base: { pid: process.pid } });
}
