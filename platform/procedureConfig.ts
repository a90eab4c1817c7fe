import fs from 'node:fs';
import { defaultDocumentLifeConfig, demoDocumentLifeConfig } from '../domain/lifecycle/config';
import { defaultProcedureConfig, parseProcedureConfig, type Duration, type KindConfig, type MatterKind, type ProcedureConfig } from '../domain/procedure';
import { ConfigError } from './config';

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
  return { ...base, kinds, reminderLead: seconds(120), contracts: { termReminderLead: seconds(20) }, documents: demoDocumentLifeConfig(base.documents ?? defaultDocumentLifeConfig) };
}

/**
 * The procedure's durations, quorum and windows: the profile's values, deep-merged with a JSON file when
 * PROCEDURE_CONFIG_PATH is set (local practice differs between districts, and tests need short timers).
 * The result is checked whole (an unknown key, a wrong type) and against the statutory floors; anything
 * wrong is a ConfigError whose message is the one line to show (the process exits 78).
 */
export function loadProcedureConfig(opts: { path?: string; profile: ProcedureProfile }): ProcedureConfig {
  const base = opts.profile === 'demo' ? demoProcedureConfig() : defaultProcedureConfig;
  let merged: unknown = base;
  if (opts.path) {
    let text: string;
    try {
      text = fs.readFileSync(opts.path, 'utf8');
    } catch (err) {
      throw new ConfigError(`Configuration error: PROCEDURE_CONFIG_PATH cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)}: ${opts.path})`);
    }
    let override: unknown;
    try {
      override = JSON.parse(text) as unknown;
    } catch {
      throw new ConfigError(`Configuration error: PROCEDURE_CONFIG_PATH is not valid JSON (${opts.path})`);
    }
    if (typeof override !== 'object' || override === null || Array.isArray(override)) {
      throw new ConfigError(`Configuration error: PROCEDURE_CONFIG_PATH must hold a JSON object (${opts.path})`);
    }
    merged = deepMerge(base, override);
  }
  const parsed = parseProcedureConfig(merged, { demo: opts.profile === 'demo' });
  if (!parsed.ok) throw new ConfigError(`Configuration error: procedure configuration ${parsed.problem}`);
  return parsed.config;
}

export function deepMerge(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  if (typeof base !== 'object' || base === null || Array.isArray(base) || typeof override !== 'object' || override === null || Array.isArray(override)) return override;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(override as Record<string, unknown>)) out[k] = deepMerge(out[k], v);
  return out;
}
