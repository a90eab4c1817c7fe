/**
 * Automated legality pre-screen (合法性审核初筛): reads each 条/款/项 of a draft for what it creates —
 * a licence, a penalty, administrative compulsion, a fee, or a new duty / reduced right — and
 * clears it when the context makes it lawful: it restates or cites a measure that a law or
 * administrative regulation sets (cited provisions are looked up in the shipped law texts and
 * checked), it binds only the bureau's own staff or the administration, it only encourages or
 * offers, or it is forbidden rather than imposed. What is left is put in front of the lawyer with
 * the provision it would breach.
 *
 * Pure and deterministic: the same text, register and fingerprint always give the same findings.
 */
import { lawLibrary } from '../laws/library';
import { type Citation, resolveProvision } from '../laws/references';
import { formatChineseNumber } from '../text/chineseNumber';
import { coveringLabels, innermostLabel, segment } from '../text/segment';
import { matchesInSentences } from '../text/sentenceMatches';
import { itemsOfProhibitedLists, splitSentences } from '../text/sentences';
import { type Fingerprint, type PinnedManifest, fingerprintOf } from '../pinning/fingerprint';
import { LEGALITY_RULESET_VERSION, type LegalityCode } from './catalogue';
import { ClauseContext, canBeBasis, canBeBasisFor } from './context';
import { type BasisVariant, type Confidence, legalityDetectorsFor } from './detectors';
import { breachedProvision, explainFinding } from './explain';
import pinned from './pinned.json';
import { readRestatement } from './restatement';
import { supportInLaw, supports } from './support';

export interface LegalityFinding {
  code: LegalityCode;
  /** JS string index of the wording in the input; excerpt === text.slice(start, end) */
  start: number;
  end: number;
  excerpt: string;
  /** plain Chinese explanation for the lawyer */
  explanation: string;
  /** the provision the wording would breach, e.g. '《中华人民共和国行政许可法》第十七条' */
  basis: string;
  /** that provision's words, from the shipped law text */
  basisText: string;
  confidence: Confidence;
  /** label of the innermost 条/款/项 holding the wording */
  clause?: string;
}

/** A line of the clause-level legal-basis register: the drafter's basis for a clause's measure. */
export interface BasisRegisterEntry {
  /** the clause's label as the segmentation names it: '第五条', '第五条第二款', '第八条（三）' */
  clause: string;
  /** the law or administrative regulation, as cited: '旅游法', '中华人民共和国旅游法', '娱乐场所管理条例' */
  law: string;
  article: number;
  paragraph?: number;
  item?: number;
}

export interface LegalityOptions {
  register?: readonly BasisRegisterEntry[];
}

export interface LegalityResult {
  ruleSetVersion: string;
  fingerprint: Fingerprint;
  findings: LegalityFinding[];
}

export const LEGALITY_FINGERPRINT: Fingerprint = fingerprintOf(pinned as PinnedManifest);

/** Codes the wording's party decides: duties and gates of the administration itself bind nobody outside. */
const BINDING_CODES = new Set<LegalityCode>(['LR-LICENCE', 'LR-OBLIGATION']);
/** The same hit for a code this close in one sentence describes one measure. */
const MERGE_GAP = 8;
const RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };
const BREACH_DESCRIBED = /(?:未|不|拒不|没有|拒绝)(?:按|依|按照|依照)?(?:要求|规定)?$/;

interface Candidate {
  code: LegalityCode;
  start: number;
  end: number;
  confidence: Confidence;
  reason: string;
  variant: BasisVariant;
  issues: string[];
  sentence: number;
  yieldsTo: readonly LegalityCode[];
}

/**
 * `weak`: every issue comes from a law named without an article that no article of it was found to
 * support — a reading of the whole law, less certain than a cited article that does not fit.
 */
type Judgement = { cleared: true } | { cleared: false; issues: string[]; missing: boolean; weak: boolean };

/** Weighs the citations within reach of a wording: one that supports it clears it; wrong ones are reported. */
function weighCitations(code: LegalityCode, citations: readonly Citation[], clause: string): Judgement {
  const library = lawLibrary();
  const issues: string[] = [];
  let missing = false;
  let strong = 0;
  for (const c of citations) {
    const law = library.find(c.name);
    if (c.provisions.length === 0) {
      // "依照《旅游法》有关规定": a shipped law is read article by article — naming it is no basis unless one
      // of its articles sets this measure (行政处罚法第十六条: the document itself may not). A law we do not
      // ship is trusted by its national title, as before.
      if (!law) {
        if (canBeBasisFor(code, c.name)) return { cleared: true };
        continue;
      }
      const s = supportInLaw(code, law, clause);
      if (s.ok) return { cleared: true };
      issues.push(s.why);
      continue;
    }
    for (const p of c.provisions) {
      const r = resolveProvision(library, c.name, p);
      const label = `《${law?.shortTitle ?? c.name}》${p.label}`;
      switch (r.status) {
        case 'found': {
          const s = supports(code, r.text, clause, label);
          if (s.ok) return { cleared: true };
          issues.push(s.why);
          strong++;
          break;
        }
        case 'not_in_library':
          if (canBeBasisFor(code, c.name)) return { cleared: true };
          break;
        case 'no_such_article':
          missing = true;
          strong++;
          issues.push(`所引${label}不存在（${r.law.title}共${formatChineseNumber(r.law.articles.length)}条，据法律库 ${r.law.version} 版本）`);
          break;
        case 'no_such_paragraph':
          missing = true;
          strong++;
          issues.push(`所引${label}不存在（该条共${formatChineseNumber(r.article.paragraphs.length)}款）`);
          break;
        case 'no_such_item':
          missing = true;
          strong++;
          issues.push(`所引${label}不存在（该条该款没有第${formatChineseNumber(p.item ?? 0)}项）`);
          break;
      }
    }
  }
  return { cleared: false, issues, missing, weak: issues.length > 0 && strong === 0 };
}

const LOWER: Record<Confidence, Confidence> = { high: 'medium', medium: 'low', low: 'low' };

/**
 * Whether a provision restates a law faithfully (no departures), else why not: a restatement that
 * changes the law is inconsistent with it (合法性审核清单 LR-C2) and creates a measure of its own (LR-P2).
 */
function restatementOf(provision: string, sentence: string): { faithful: boolean; departures: string[] } | undefined {
  const r = readRestatement(provision, sentence);
  if (!r) return undefined;
  if (r.departures.length === 0) return { faithful: true, departures: [] };
  const excerpt = r.text.length > 60 ? `${r.text.slice(0, 60)}……` : r.text;
  return { faithful: false, departures: [`条文复述${r.label}（“${excerpt}”），但${r.departures.join('；')}，与上位法不一致（合法性审核清单 LR-C2）`] };
}

export function legalityPrescreen(text: string, options: LegalityOptions = {}): LegalityResult {
  if (typeof text !== 'string') throw new TypeError('legalityPrescreen: text must be a string');
  const result: LegalityResult = { ruleSetVersion: LEGALITY_RULESET_VERSION, fingerprint: LEGALITY_FINGERPRINT, findings: [] };
  if (text.trim().length === 0) return result;

  const sentences = splitSentences(text);
  const prohibitedItem = itemsOfProhibitedLists(text, sentences);
  const contexts: (ClauseContext | undefined)[] = new Array(sentences.length);
  const register = options.register ?? [];
  let segments: ReturnType<typeof segment> | undefined;
  const candidates: Candidate[] = [];
  const restatements = new Map<string, ReturnType<typeof restatementOf>>();
  const restates = (provision: string, sentence: string): ReturnType<typeof restatementOf> => {
    const key = `${provision}\u0000${sentence}`;
    if (!restatements.has(key)) restatements.set(key, restatementOf(provision, sentence));
    return restatements.get(key);
  };

  for (const detector of legalityDetectorsFor(LEGALITY_RULESET_VERSION)) {
    for (const { match: m, sentence: si } of matchesInSentences(text, detector.pattern, sentences)) {
      if (prohibitedItem[si]) continue;
      const sentence = sentences[si]!;
      const ctx = (contexts[si] ??= new ClauseContext(sentence));
      const from = m.index - sentence.start;
      const to = from + m[0].length;
      const v = detector.judge(m, ctx, from);
      if (!v) continue;
      const code = detector.code;
      if (ctx.definitional() || ctx.questioned(from) || ctx.negated(from)) continue;
      // "依照《行政处罚法》…": a measure word that ends inside the title of a cited law names the law, it
      // creates nothing ("《民宿经营准入证》" is a certificate, not a law, and stays).
      if (ctx.citations().some((c) => to > c.start && to <= c.end && (canBeBasis(c.name) || lawLibrary().find(c.name) !== undefined))) continue;
      if (code !== 'LR-LICENCE' && code !== 'LR-OBLIGATION' && ctx.procedural(from, to)) continue;
      // "未按要求悬挂标识的，处…": the breach of a duty described as the condition of a sanction.
      if (code === 'LR-OBLIGATION' && BREACH_DESCRIBED.test(ctx.text.slice(ctx.phraseAt(from).start, from))) continue;
      if (BINDING_CODES.has(code)) {
        const party = ctx.bearerAt(from);
        if (party === 'government' || party === 'internal') continue;
        if (ctx.soft(from) || ctx.benefit(from)) continue;
      } else if (ctx.bearerAt(from) === 'internal' && code !== 'LR-COMPULSION') continue;

      const basis = ctx.basisFor(from, to);
      const prov = ctx.provisionAt(from);
      const clauseText = ctx.text.slice(prov.start, prov.end);
      let judgement = weighCitations(code, basis.citations, clauseText);
      if (judgement.cleared) continue;
      const issues = [...judgement.issues];
      // Issues from a law named without an article leave room for the other bases: a generic referral
      // to the law, the register, a faithful restatement.
      let weak = judgement.weak;
      const open = (): boolean => issues.length === 0 || weak;
      if (open() && basis.generic && !basis.beyond) continue;
      if (open() && register.length > 0) {
        segments ??= segment(text);
        const labels = new Set(coveringLabels(segments, m.index, m.index + m[0].length));
        const entries = register.filter((e) => labels.has(e.clause));
        if (entries.length > 0) {
          judgement = weighCitations(
            code,
            entries.map((e) => ({ start: 0, end: 0, name: e.law, provisions: [{ article: e.article, ...(e.paragraph ? { paragraph: e.paragraph } : {}), ...(e.item ? { item: e.item } : {}), label: `第${formatChineseNumber(e.article)}条${e.paragraph ? `第${formatChineseNumber(e.paragraph)}款` : ''}${e.item ? `第${formatChineseNumber(e.item)}项` : ''}` }] })),
            clauseText,
          );
          if (judgement.cleared) continue;
          issues.push(...judgement.issues.map((i) => `合法性依据登记表：${i}`));
          weak &&= judgement.weak;
        }
      }
      if (open() && !basis.beyond) {
        const restated = restates(clauseText, ctx.text);
        if (restated?.faithful) continue;
        if (restated) {
          issues.push(...restated.departures);
          weak = false;
        }
      }
      candidates.push({
        code,
        start: m.index,
        end: m.index + m[0].length,
        confidence: !judgement.cleared && judgement.missing ? 'high' : weak ? LOWER[v.confidence] : v.confidence,
        reason: v.reason,
        variant: v.variant ?? 'main',
        issues,
        sentence: si,
        yieldsTo: detector.yieldsTo ?? [],
      });
    }
  }

  // A duty that is the same words as a more specific measure (a fee, a licence) is that measure, and
  // some readings give way to a code found anywhere in their sentence.
  const specific = candidates.filter((c) => c.code !== 'LR-OBLIGATION');
  const kept = candidates.filter(
    (c) =>
      (c.code !== 'LR-OBLIGATION' || !specific.some((s) => s.sentence === c.sentence && s.start < c.end && c.start < s.end)) &&
      !candidates.some((o) => o.sentence === c.sentence && c.yieldsTo.includes(o.code)),
  );

  kept.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.start - b.start || b.end - a.end));
  const merged: Candidate[] = [];
  for (const c of kept) {
    const last = merged[merged.length - 1];
    if (last && last.code === c.code && last.sentence === c.sentence && c.start <= last.end + MERGE_GAP) {
      last.end = Math.max(last.end, c.end);
      if (RANK[c.confidence] > RANK[last.confidence] || (c.issues.length > 0 && last.issues.length === 0)) {
        last.confidence = RANK[c.confidence] > RANK[last.confidence] ? c.confidence : last.confidence;
        last.reason = c.reason;
        last.variant = c.variant;
        last.issues = c.issues.length > 0 ? c.issues : last.issues;
      }
      continue;
    }
    merged.push({ ...c, issues: [...c.issues] });
  }
  merged.sort((a, b) => a.start - b.start || a.end - b.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  segments ??= segment(text);
  result.findings = merged.map((c) => {
    const provision = breachedProvision(c.code, c.variant);
    const finding: LegalityFinding = {
      code: c.code,
      start: c.start,
      end: c.end,
      excerpt: text.slice(c.start, c.end),
      explanation: explainFinding(c.code, c.reason, provision, c.issues),
      basis: provision.citation,
      basisText: provision.text,
      confidence: c.confidence,
    };
    const label = innermostLabel(segments!, c.start, c.end);
    if (label !== undefined) finding.clause = label;
    return finding;
  });
  return result;
}
