import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
import type { Logger } from '../logger';

let installed = false;

/**
 * Routes the Temporal SDK's own log lines (worker state changes, workflow logs) into our JSON logger at
 * the configured level, instead of the SDK's default console output. Once per process.
 */
export function installTemporalRuntime(log: Logger): void {
  if (installed) return;
  installed = true;
  const level = ({ trace: 'TRACE', debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR', fatal: 'ERROR', silent: 'ERROR' } as const)[log.level as 'info'] ?? 'INFO';
  const sdkLevel: LogLevel = level === 'INFO' ? 'WARN' : level; // worker state changes are noise at info
  Runtime.install({
    logger: new DefaultLogger(sdkLevel, (entry) => {
      if (log.level === 'silent') return;
      const fn = entry.level === 'ERROR' ? log.error : entry.level === 'WARN' ? log.warn : log.debug;
      fn.call(log, { sdk: true, ...(entry.meta ?? {}) }, entry.message);
    }),
  });
}
