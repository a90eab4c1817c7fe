/**
 * The legality pre-screen's codes (ruleset.json) and the provisions each would breach, quoted from
 * the shipped law texts: a finding's basis is never typed in by hand, it is looked up.
 */
import { articleOf, lawLibrary } from '../laws/library';
import { formatChineseNumber } from '../text/chineseNumber';
import rules from './ruleset.json';

export type LegalityCode = 'LR-LICENCE' | 'LR-PENALTY' | 'LR-COMPULSION' | 'LR-FEE' | 'LR-OBLIGATION';
export const LEGALITY_CODES: readonly LegalityCode[] = ['LR-LICENCE', 'LR-PENALTY', 'LR-COMPULSION', 'LR-FEE', 'LR-OBLIGATION'];

export interface ProvisionRef {
  law: string;
  article: number;
  paragraph?: number;
}

export interface CodeEntry {
  code: LegalityCode;
  /** the checklist item in the domain guide: LR-P2 (licence, penalty, compulsion, fee) or LR-C1 */
  checklist: 'LR-P2' | 'LR-C1';
  title: string;
  description: string;
  basis: ProvisionRef[];
  extraConditionBasis?: ProvisionRef;
  enforcementBasis?: ProvisionRef;
  licensingBasis?: ProvisionRef;
  paidServiceBasis?: ProvisionRef;
}

export interface QuotedProvision {
  /** '《中华人民共和国行政许可法》第十七条' */
  citation: string;
  /** the provision's words from the library */
  text: string;
  law: string;
  /** version of the law text quoted */
  lawVersion: string;
  article: number;
  paragraph?: number;
}

export const LEGALITY_RULESET_VERSION: string = rules.version;
const entries = rules.codes as CodeEntry[];

export function codeEntry(code: LegalityCode): CodeEntry {
  const e = entries.find((c) => c.code === code);
  if (!e) throw new Error(`unknown legality code ${code}`);
  return e;
}

export function legalityCodes(): readonly CodeEntry[] {
  return entries;
}

/** The provision quoted from the current version of the law in the library; throws if the library lacks it. */
export function quote(ref: ProvisionRef): QuotedProvision {
  const law = lawLibrary().find(ref.law);
  const article = law && articleOf(law, ref.article);
  const text = ref.paragraph === undefined ? article?.text : article?.paragraphs[ref.paragraph - 1];
  if (!law || !article || text === undefined) throw new Error(`legality catalogue: ${ref.law} art. ${ref.article} is not in the law library`);
  const q: QuotedProvision = {
    citation: `《${law.title}》${article.label}${ref.paragraph ? `第${formatChineseNumber(ref.paragraph)}款` : ''}`,
    text,
    law: law.title,
    lawVersion: law.version,
    article: ref.article,
  };
  if (ref.paragraph !== undefined) q.paragraph = ref.paragraph;
  return q;
}
