import fs from 'node:fs';
import { defaultProcedureConfig, type ProcedureConfig } from '../domain/procedure';

/**
 * The procedure's durations, quorum and windows: the domain defaults, deep-merged with a JSON file when
 * PROCEDURE_CONFIG_PATH is set (local practice differs between districts, and tests need short timers).
 */
export function loadProcedureConfig(filePath?: string): ProcedureConfig {
  if (!filePath) return defaultProcedureConfig;
  const override = JSON.parse(fs.readFileSync(filePath, 'utf8')) as unknown;
  return deepMerge(defaultProcedureConfig, override) as ProcedureConfig;
}

export function deepMerge(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  if (typeof base !== 'object' || base === null || Array.isArray(base) || typeof override !== 'object' || override === null || Array.isArray(override)) return override;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(override as Record<string, unknown>)) out[k] = deepMerge(out[k], v);
  return out;
}
