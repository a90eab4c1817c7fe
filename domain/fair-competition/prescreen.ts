/**
 * Automated fair-competition pre-screen (公平竞争审查初筛): finds wording that may breach a
 * standard of 条例第八条至第十一条 and says why, for a human reviewer to confirm or dismiss.
 *
 * Pure and deterministic: no I/O, clock or randomness. Its result for a given text never changes
 * under one fingerprint (rule-set version + detectors hash + model hash, from pinned.json), which
 * every result carries and every stored pre-screen records.
 */
import { CURRENT_RULESET_VERSION, type FcrStandard, ruleSet } from './catalogue';
import { type Mitigation, SentenceContext } from './context';
import { type Confidence, detectorsFor } from './detectors';
import { explain } from './explain';
import { innermostLabel, segment } from '../text/segment';
import { matchesInSentences } from '../text/sentenceMatches';
import { itemsOfProhibitedLists, splitSentences } from '../text/sentences';
import { FALLBACK_THRESHOLD, MIN_SENTENCE_CHARS, type Model, classify, shippedModel } from './statistical';
import { type Fingerprint, type PinnedManifest, fingerprintOf } from '../pinning/fingerprint';
import pinned from './pinned.json';

export interface Finding {
  /** standard code, e.g. 'FCR-B3' */
  code: string;
  /** JS string index of the suspicious wording in the input */
  start: number;
  /** exclusive end; excerpt === text.slice(start, end) */
  end: number;
  excerpt: string;
  /** plain Chinese explanation for the reviewer */
  explanation: string;
  confidence: Confidence;
  /** label of the innermost segment (clause, paragraph or article) holding the wording */
  clause?: string;
}

export interface PrescreenResult {
  ruleSetVersion: string;
  /** what produced these findings; null when the caller swapped the model or switched it off (evaluation only) */
  fingerprint: Fingerprint | null;
  findings: Finding[];
}

/** The fingerprint of prescreen() as shipped. */
export const PRESCREEN_FINGERPRINT: Fingerprint = fingerprintOf(pinned as PinnedManifest);

export interface PrescreenOptions {
  /** rule set to screen against; default the current one. Throws on an unknown version. */
  ruleSetVersion?: string;
}

/**
 * Mitigations that remove a finding for every standard. They may, because context.ts reports them
 * only for the wording they govern (its own comma/semicolon phrase): "…方可营业，未经审批擅自营业的，
 * 依法查处" punishes a breach of the licence, it does not abolish it, and stays a finding.
 */
const ALWAYS_DROPS: readonly Mitigation[] = ['negated', 'definition', 'safeguard'];
/** Standards whose whole point is discrimination against outsiders: a cited law lowers, never clears. */
const DISCRIMINATION = new Set(['FCR-B3', 'FCR-B4', 'FCR-B5']);
const COMPETITION_CURES = new Set(['FCR-A2', 'FCR-A3', 'FCR-C2']);
const AUTONOMY_CURES = new Set(['FCR-A3', 'FCR-D2', 'FCR-D3', 'FCR-D4']);
/** Pricing authority grounds only a government price (条例第十一条(二)(三); 价格法第十八条至第二十条). */
const PRICING_CURES = new Set(['FCR-D2', 'FCR-D3']);
/**
 * A departmental rule cited for an approval is no basis (行政许可法第十七条), but it may detail a licence
 * a law or regulation sets (第十六条第三款): the finding stays, one step lower, and says so.
 */
const DEPARTMENTAL_DETAILS = new Set(['FCR-A1']);
const EXCLUSIVITY = /只能|其他[^，。；]{0,8}不得|唯一|仅限|独家|专营|直接授予/;

/** Same-standard hits this close in one sentence describe one provision ("唯一合作平台…其他平台不得参与"). */
const MERGE_GAP = 8;

const LOWER: Record<Confidence, Confidence> = { high: 'medium', medium: 'low', low: 'low' };
const RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

interface Candidate {
  code: string;
  start: number;
  end: number;
  confidence: Confidence;
  reason: string;
  lowered: Mitigation[];
  sentence: number;
  fallback: boolean;
}

/** Applies the mitigation policy; returns null when the context clears the wording. */
function mitigate(code: string, confidence: Confidence, found: readonly Mitigation[], sentenceText: string) {
  let c = confidence;
  const lowered: Mitigation[] = [];
  for (const m of found) {
    if (ALWAYS_DROPS.includes(m)) return null;
    if (m === 'legalBasis') {
      if (!DISCRIMINATION.has(code)) return null;
      c = LOWER[c];
      lowered.push(m);
    } else if (m === 'openCompetition' && COMPETITION_CURES.has(code)) {
      if (!EXCLUSIVITY.test(sentenceText)) return null;
      c = LOWER[c];
      lowered.push(m);
    } else if (m === 'autonomy' && AUTONOMY_CURES.has(code)) {
      return null;
    } else if (m === 'pricingAuthority' && PRICING_CURES.has(code)) {
      return null;
    } else if (m === 'exceptionGround' || m === 'soft' || (m === 'departmentalRule' && DEPARTMENTAL_DETAILS.has(code))) {
      c = LOWER[c];
      lowered.push(m);
    }
  }
  return { confidence: c, lowered };
}

/** Within one sentence a more specific reading wins: a cartel (D1) or a government price (D2) explains a price rule better than D3. */
function suppressed(code: string, codesInSentence: ReadonlySet<string>, sentenceText: string): boolean {
  if (code === 'FCR-D3') return codesInSentence.has('FCR-D1') || codesInSentence.has('FCR-D2');
  if (code === 'FCR-D4') return codesInSentence.has('FCR-D1');
  // "组织物业企业协商确定统一的物业费标准": the cartel is the point, not the government setting a price.
  if (code === 'FCR-D2') return codesInSentence.has('FCR-D1') && /协商|商定|约定|协会/.test(sentenceText);
  return false;
}

/** How the statistical fallback runs; null switches it off (rule-only screening). */
export interface FallbackSettings {
  model: Model;
  threshold: number;
}

/** Mitigations that keep the statistical fallback silent: the sentence reads as lawful or safeguarded. */
export const FALLBACK_SILENCERS: readonly Mitigation[] = ['negated', 'safeguard', 'legalBasis', 'pricingAuthority', 'openCompetition', 'autonomy', 'definition'];
/**
 * Does the context keep the statistical fallback silent on this sentence? Besides the mitigations,
 * a sentence that only reports an enforcement case (who handles it, what the facts are) is no
 * policy measure under 条例第八条至第十一条.
 */
export function silencesFallback(ctx: SentenceContext): boolean {
  if (ctx.reportsEnforcementCase()) return true;
  const found = ctx.mitigations(0, ctx.text.length);
  return found.some((m) => FALLBACK_SILENCERS.includes(m));
}
const FALLBACK_REASON = '该句未命中具体规则，但与标注集中违反此项标准的已知条款在用词上统计相似（字符n元语法朴素贝叶斯模型提示，置信度低，请人工核实）';

export function prescreen(text: string, options: PrescreenOptions = {}): PrescreenResult {
  return prescreenWith(text, options, 'default');
}

/**
 * The pre-screen with an explicit fallback setting: 'default' uses the shipped (frozen) model and
 * threshold; null screens with the rules only. For evaluation and tests.
 */
export function prescreenWith(text: string, options: PrescreenOptions, fallback: FallbackSettings | 'default' | null): PrescreenResult {
  if (typeof text !== 'string') throw new TypeError('prescreen: text must be a string');
  const rules = ruleSet(options.ruleSetVersion ?? CURRENT_RULESET_VERSION);
  const standards = new Map<string, FcrStandard>(rules.standards.map((s) => [s.code, s]));
  const pinnedRun = fallback === 'default' && rules.version === PRESCREEN_FINGERPRINT.ruleSetVersion;
  const result: PrescreenResult = { ruleSetVersion: rules.version, fingerprint: pinnedRun ? PRESCREEN_FINGERPRINT : null, findings: [] };
  if (text.trim().length === 0) return result;

  const sentences = splitSentences(text);
  const prohibitedItem = itemsOfProhibitedLists(text, sentences);
  const contexts: (SentenceContext | undefined)[] = new Array(sentences.length);
  const candidates: Candidate[] = [];
  /** sentences in which some rule recognised a reading (even one a mitigation then cleared) */
  const ruled = new Set<number>();

  for (const detector of detectorsFor(rules.version)) {
    for (const { match: m, sentence: si } of matchesInSentences(text, detector.pattern, sentences)) {
      if (prohibitedItem[si]) continue;
      const sentence = sentences[si]!;
      const ctx = (contexts[si] ??= new SentenceContext(sentence));
      const v = detector.judge(m, ctx);
      if (!v || !standards.has(v.code)) continue;
      ruled.add(si);
      const from = m.index - sentence.start;
      const outcome = mitigate(v.code, v.confidence, ctx.mitigations(from, from + m[0].length), sentence.text);
      if (!outcome) continue;
      candidates.push({
        code: v.code,
        start: m.index,
        end: m.index + m[0].length,
        confidence: outcome.confidence,
        reason: v.reason,
        lowered: outcome.lowered,
        sentence: si,
        fallback: detector.fallback === true,
      });
    }
  }

  // Fallback readings give way to any specific finding in the same sentence.
  const specific = new Set(candidates.filter((c) => !c.fallback).map((c) => c.sentence));
  const screened = candidates.filter((c) => !c.fallback || !specific.has(c.sentence));

  const codesBySentence = new Map<number, Set<string>>();
  for (const c of screened) {
    let set = codesBySentence.get(c.sentence);
    if (!set) codesBySentence.set(c.sentence, (set = new Set()));
    set.add(c.code);
  }
  const kept = screened.filter((c) => !suppressed(c.code, codesBySentence.get(c.sentence)!, sentences[c.sentence]!.text));

  // Overlapping hits for the same standard are one finding: report the union of their spans and
  // the most confident reading, so a reviewer sees each problem once.
  kept.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.start - b.start || b.end - a.end));
  const merged: Candidate[] = [];
  for (const c of kept) {
    const last = merged[merged.length - 1];
    if (last && last.code === c.code && last.sentence === c.sentence && c.start <= last.end + MERGE_GAP) {
      last.end = Math.max(last.end, c.end);
      if (RANK[c.confidence] > RANK[last.confidence]) {
        last.confidence = c.confidence;
        last.reason = c.reason;
        last.lowered = c.lowered;
      }
      continue;
    }
    merged.push({ ...c });
  }
  if (fallback !== null) {
    const settings = fallback === 'default' ? { model: shippedModel(), threshold: FALLBACK_THRESHOLD } : fallback;
    for (let si = 0; si < sentences.length; si++) {
      if (ruled.has(si) || prohibitedItem[si]) continue;
      const sentence = sentences[si]!;
      if (sentence.text.length < MIN_SENTENCE_CHARS) continue;
      const verdict = classify(settings.model, sentence.text);
      if (!verdict || verdict.margin < settings.threshold || !standards.has(verdict.code)) continue;
      const ctx = (contexts[si] ??= new SentenceContext(sentence));
      if (silencesFallback(ctx)) continue;
      merged.push({
        code: verdict.code,
        start: sentence.start,
        end: sentence.end,
        confidence: 'low',
        reason: FALLBACK_REASON,
        lowered: [],
        sentence: si,
        fallback: true,
      });
    }
  }
  merged.sort((a, b) => a.start - b.start || a.end - b.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  const segments = segment(text);
  result.findings = merged.map((c) => {
    const finding: Finding = {
      code: c.code,
      start: c.start,
      end: c.end,
      excerpt: text.slice(c.start, c.end),
      explanation: explain(standards.get(c.code)!, c.reason, c.lowered),
      confidence: c.confidence,
    };
    const label = innermostLabel(segments, c.start, c.end);
    if (label !== undefined) finding.clause = label;
    return finding;
  });
  return result;
}
