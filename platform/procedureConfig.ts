import fs from 'node:fs';
import { defaultProcedureConfig, type Duration, type KindConfig, type MatterKind, type ProcedureConfig } from '../domain/procedure';

export type ProcedureProfile = 'statutory' | 'demo';

const seconds = (amount: number): Duration => ({ amount, unit: 'seconds' });

/**
 * The demo profile (embedded development default only): the clocks that run in real time — the minimum
 * legality review time, review time limits, filing and archiving deadlines, reminder lead — shrink to
 * seconds so a whole matter can be walked through in a minute. Rules on dates people supply (the public
 * comment window, hearing notice) stay statutory. Announced loudly at start; refused in production.
 */
export function demoProcedureConfig(base: ProcedureConfig = defaultProcedureConfig): ProcedureConfig {
  const kinds = Object.fromEntries(
    Object.entries(base.kinds).map(([kind, k]): [string, KindConfig] => [
      kind,
      {
        ...k,
        legalityReviewMinimum: k.legalityReviewMinimum ? seconds(8) : null,
        legalityReviewTimeLimit: k.legalityReviewTimeLimit ? seconds(600) : null,
        filingDeadline: seconds(900),
        archiveDeadline: seconds(900),
      },
    ]),
  ) as Record<MatterKind, KindConfig>;
  return { ...base, kinds, reminderLead: seconds(120) };
}

/**
 * The procedure's durations, quorum and windows: the profile's values, deep-merged with a JSON file when
 * PROCEDURE_CONFIG_PATH is set (local practice differs between districts, and tests need short timers).
 */
export function loadProcedureConfig(opts: { path?: string; profile: ProcedureProfile }): ProcedureConfig {
  const base = opts.profile === 'demo' ? demoProcedureConfig() : defaultProcedureConfig;
  if (!opts.path) return base;
  const override = JSON.parse(fs.readFileSync(opts.path, 'utf8')) as unknown;
  return deepMerge(base, override) as ProcedureConfig;
}

export function deepMerge(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  if (typeof base !== 'object' || base === null || Array.isArray(base) || typeof override !== 'object' || override === null || Array.isArray(override)) return override;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(override as Record<string, unknown>)) out[k] = deepMerge(out[k], v);
  return out;
}
