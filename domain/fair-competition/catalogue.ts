/**
 * The fair-competition review standards (公平竞争审查标准) as versioned data.
 *
 * A review records the rule-set version it was made under; the files in `rulesets/` are never
 * edited after publication, so re-reading an old review with `ruleSet(oldVersion)` shows exactly
 * the standards the reviewer saw, even after the catalogue has moved on.
 */
import ruleset20240801 from './rulesets/2024-08-01.json';

export type StandardGroup = 'A' | 'B' | 'C' | 'D';

export interface FcrStandard {
  /** e.g. 'FCR-B3' */
  code: string;
  /** e.g. '条例第九条(三)' */
  article: string;
  /** 市场准入和退出 / 商品和要素自由流动 / 影响生产经营成本 / 影响生产经营行为 */
  category: string;
  /** statutory wording of the standard (条例原文) */
  title: string;
  /** plain-language summary (English, from fcr_rules.json) */
  summary: string;
  /** A = 第八条, B = 第九条, C = 第十条, D = 第十一条 */
  group: StandardGroup;
  /** wording patterns that deserve a human look (regex sources, not verdicts) */
  signals: readonly string[];
  /** situations listed by the superseded 2021 实施细则, paraphrased */
  legacy2021: readonly string[];
  /** a published case, where one is known */
  case?: string;
  note?: string;
}

export interface ExceptionItem {
  code: string;
  /** 条例原文 */
  label: string;
  summary: string;
}

/** 条例第十二条: one ground AND every cumulative condition. */
export interface FcrException {
  article: string;
  title: string;
  grounds: readonly ExceptionItem[];
  cumulativeConditions: readonly ExceptionItem[];
}

export interface RuleSet {
  version: string;
  title: string;
  /** date the underlying law took effect (YYYY-MM-DD) */
  effectiveFrom: string;
  source: string;
  standards: readonly FcrStandard[];
  exception: FcrException;
}

interface RawStandard {
  code: string;
  article: string;
  category: string;
  title: string;
  summary: string;
  signals: string[];
  legacy_2021: string[];
  case?: string;
  note?: string;
}

interface RawRuleSet {
  version: string;
  title: string;
  effectiveFrom: string;
  source: string;
  standards: RawStandard[];
  exception: FcrException;
}

const CODE_PATTERN = /^FCR-([ABCD])\d$/;

function fromRaw(raw: RawRuleSet): RuleSet {
  const seen = new Set<string>();
  const standards = raw.standards.map((s): FcrStandard => {
    const match = CODE_PATTERN.exec(s.code);
    if (!match || seen.has(s.code)) {
      // A malformed or duplicated code would silently mislabel findings; fail at load instead.
      throw new Error(`rule set ${raw.version}: bad or duplicate standard code ${s.code}`);
    }
    seen.add(s.code);
    const standard: FcrStandard = {
      code: s.code,
      article: s.article,
      category: s.category,
      title: s.title,
      summary: s.summary,
      group: match[1] as StandardGroup,
      signals: Object.freeze([...s.signals]),
      legacy2021: Object.freeze([...s.legacy_2021]),
    };
    if (s.case !== undefined) standard.case = s.case;
    if (s.note !== undefined) standard.note = s.note;
    return Object.freeze(standard);
  });
  const exception: FcrException = Object.freeze({
    article: raw.exception.article,
    title: raw.exception.title,
    grounds: Object.freeze(raw.exception.grounds.map((g) => Object.freeze({ ...g }))),
    cumulativeConditions: Object.freeze(raw.exception.cumulativeConditions.map((c) => Object.freeze({ ...c }))),
  });
  return Object.freeze({
    version: raw.version,
    title: raw.title,
    effectiveFrom: raw.effectiveFrom,
    source: raw.source,
    standards: Object.freeze(standards),
    exception,
  });
}

/** Every published rule set, oldest first. Add new versions here; never remove one. */
const RULE_SETS: readonly RuleSet[] = Object.freeze([fromRaw(ruleset20240801 as RawRuleSet)]);

export const RULESET_VERSIONS: readonly string[] = Object.freeze(RULE_SETS.map((r) => r.version));

export const CURRENT_RULESET_VERSION: string = RULE_SETS[RULE_SETS.length - 1]!.version;

/** The rule set of the given version (default: current). Throws on an unknown version. */
export function ruleSet(version: string = CURRENT_RULESET_VERSION): RuleSet {
  const found = RULE_SETS.find((r) => r.version === version);
  if (!found) {
    throw new Error(`unknown fair-competition rule set version "${version}" (known: ${RULESET_VERSIONS.join(', ')})`);
  }
  return found;
}

/** The rule set in force on a date (YYYY-MM-DD), or undefined before the first one took effect. */
export function ruleSetInForceOn(isoDate: string): RuleSet | undefined {
  let inForce: RuleSet | undefined;
  for (const r of RULE_SETS) if (r.effectiveFrom <= isoDate) inForce = r;
  return inForce;
}

/** One standard of a rule set; throws on an unknown code so a typo cannot pass as "no standard". */
export function standard(code: string, version?: string): FcrStandard {
  const set = ruleSet(version);
  const found = set.standards.find((s) => s.code === code);
  if (!found) throw new Error(`rule set ${set.version} has no standard ${code}`);
  return found;
}

/** '条例第九条(三)' → '《公平竞争审查条例》第九条第（三）项', the form a reviewer cites. */
export function citation(s: FcrStandard): string {
  const m = /^条例(第.+条)\((.+)\)$/.exec(s.article);
  return m ? `《公平竞争审查条例》${m[1]}第（${m[2]}）项` : `《公平竞争审查条例》${s.article.replace(/^条例/, '')}`;
}
