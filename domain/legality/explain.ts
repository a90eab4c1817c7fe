/**
 * The plain-Chinese explanation a lawyer reads next to a legality finding: what the wording
 * creates, the provision it would breach (quoted from the law library), why a cited basis does not
 * carry it, and what would cure it.
 */
import { type LegalityCode, type QuotedProvision, codeEntry, quote } from './catalogue';
import type { BasisVariant } from './detectors';

const quoted = new Map<string, QuotedProvision>();

/** The provision a code's wording breaches (quoted once per code and variant). */
export function breachedProvision(code: LegalityCode, variant: BasisVariant = 'main'): QuotedProvision {
  const key = `${code}/${variant}`;
  let q = quoted.get(key);
  if (!q) quoted.set(key, (q = quoteBreached(code, variant)));
  return q;
}

function quoteBreached(code: LegalityCode, variant: BasisVariant): QuotedProvision {
  const entry = codeEntry(code);
  const ref =
    (variant === 'extraCondition' && entry.extraConditionBasis) ||
    (variant === 'enforcement' && entry.enforcementBasis) ||
    (variant === 'licensing' && entry.licensingBasis) ||
    (variant === 'paidService' && entry.paidServiceBasis) ||
    entry.basis[0]!;
  return quote(ref);
}

const ANALOGY: Partial<Record<LegalityCode, string>> = {
  'LR-OBLIGATION': '区级部门的规范性文件更不得没有法律、法规依据减损权利或者增加义务（国办发〔2018〕37号），参照适用',
  'LR-FEE': '规范性文件不得违法设定收费项目、增加相对人负担（国办发〔2018〕37号），参照适用',
};

export function explainFinding(code: LegalityCode, reason: string, provision: QuotedProvision, issues: readonly string[]): string {
  const parts = [`${reason}。`];
  if (ANALOGY[code] && provision.law.endsWith('立法法')) parts.push(`${ANALOGY[code]}：`);
  parts.push(`${provision.citation}规定：“${provision.text.replace(/\n/g, '')}”`);
  if (issues.length > 0) parts.push(`条文所依据的规定不能支持这一措施：${issues.join('；')}。`);
  parts.push(`如确有法律、行政法规或者地方性法规依据，请在条文中写明，或者在合法性依据登记表中为该条款登记依据；否则建议删除或者修改（合法性审核清单 ${codeEntry(code).checklist}）。`);
  return parts.join('');
}
