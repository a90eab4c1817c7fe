/**
 * Recognises a clause that restates a provision of a shipped law without citing it ("旅行社应当按照
 * 规定交纳旅游服务质量保证金" is 《旅游法》第三十一条): most of the clause's character trigrams occur in
 * one paragraph of one law. Such a clause repeats a measure the law sets; it creates nothing new —
 * but only if it repeats it as it is. Shared words say nothing about amounts: "处五万元以上五十万元以下
 * 罚款" shares most trigrams with 旅游法第九十九条's "处五千元以上五万元以下罚款" at ten times the range.
 * So the amounts, sanctions, periods and acting authority are compared too (departures.ts), and a
 * restatement that departs from its paragraph is reported against it rather than cleared.
 */
import { type LawLibrary, lawLibrary } from '../laws/library';
import type { Article, Law } from '../laws/types';
import { formatChineseNumber } from '../text/chineseNumber';
import { departuresFrom } from './departures';

interface Entry {
  law: Law;
  article: Article;
  /** 1-based paragraph */
  paragraph: number;
  text: string;
}

interface Index {
  entries: Entry[];
  /** trigram key → ids of the paragraphs holding it */
  postings: Map<number, Int32Array>;
  /** per-paragraph hit counter, reused between calls (reset after each) */
  hits: Uint16Array;
}

/** Share of a clause's distinct trigrams found in one paragraph for it to count as a restatement. */
export const RESTATEMENT_COVERAGE = 0.6;
/** Clauses with fewer distinct trigrams are too short to tell. */
const MIN_TRIGRAMS = 8;

const IGNORED = new Set([...'\t\n\r \u3000，,。；;：:、“”"‘’《》〈〉（）()！!？?-—…·']);

/** Distinct trigrams of the text's meaningful characters, as numbers (three UTF-16 units packed). */
function trigrams(text: string): Set<number> {
  const codes: number[] = [];
  for (let i = 0; i < text.length; i++) if (!IGNORED.has(text[i]!)) codes.push(text.charCodeAt(i));
  const out = new Set<number>();
  for (let i = 0; i + 3 <= codes.length; i++) out.add(codes[i]! * 4294967296 + codes[i + 1]! * 65536 + codes[i + 2]!);
  return out;
}

const indexes = new WeakMap<LawLibrary, Index>();

function indexOf(library: LawLibrary): Index {
  let index = indexes.get(library);
  if (index) return index;
  const entries: Entry[] = [];
  const lists = new Map<number, number[]>();
  const current = new Set(library.laws.map((l) => library.find(l.shortTitle)));
  for (const law of library.laws) {
    if (!current.has(law)) continue;
    for (const article of law.articles) {
      article.paragraphs.forEach((text, i) => {
        const id = entries.length;
        entries.push({ law, article, paragraph: i + 1, text });
        for (const g of trigrams(text)) {
          const list = lists.get(g);
          if (list) list.push(id);
          else lists.set(g, [id]);
        }
      });
    }
  }
  const postings = new Map<number, Int32Array>();
  for (const [g, list] of lists) postings.set(g, Int32Array.from(list));
  index = { entries, postings, hits: new Uint16Array(entries.length) };
  indexes.set(library, index);
  return index;
}

export interface Restatement {
  law: Law;
  article: Article;
  paragraph: number;
  text: string;
  coverage: number;
}

// A clause names the district's own bodies and people where the law names their kind.
const LOCAL_NAMES: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?:区|县|市)(?:文化和旅游|文化广电旅游|文化广电和旅游|文广旅体|文广旅|文旅|旅游)局/g, '旅游主管部门'],
  [/(?:区|县|市)体育局/g, '体育主管部门'],
  [/游客/g, '旅游者'],
];
/** A clause that speaks of "本办法" is the document's own rule, not a law's words. */
const OWN_RULE = /本办法|本规定|本细则|本措施|本意见|本通知|本方案/;

/** The paragraph of a shipped law that `clause` restates, if any. */
export function restatedProvision(clause: string, library: LawLibrary = lawLibrary()): Restatement | undefined {
  if (OWN_RULE.test(clause)) return undefined;
  let text = clause;
  for (const [re, name] of LOCAL_NAMES) text = text.replace(re, name);
  const grams = trigrams(text);
  if (grams.size < MIN_TRIGRAMS) return undefined;
  const { entries, postings, hits } = indexOf(library);
  const touched: number[] = [];
  for (const g of grams) {
    const list = postings.get(g);
    if (!list) continue;
    for (let k = 0; k < list.length; k++) {
      const id = list[k]!;
      if (hits[id] === 0) touched.push(id);
      hits[id]! += 1;
    }
  }
  let best = -1;
  let bestHits = 0;
  for (const id of touched) {
    const n = hits[id]!;
    if (n > bestHits || (n === bestHits && id < best)) {
      best = id;
      bestHits = n;
    }
    hits[id] = 0;
  }
  const coverage = bestHits / grams.size;
  if (best < 0 || coverage < RESTATEMENT_COVERAGE) return undefined;
  const e = entries[best]!;
  return { law: e.law, article: e.article, paragraph: e.paragraph, text: e.text, coverage };
}

export interface RestatementReading extends Restatement {
  /** the paragraph as a citation: '《旅游法》第九十九条', '《旅游法》第一百零二条第二款' */
  label: string;
  /** how the clause departs from the paragraph (empty: a faithful restatement) */
  departures: string[];
}

function reading(clause: string, r: Restatement): RestatementReading {
  const label = `《${r.law.shortTitle}》${r.article.label}${r.article.paragraphs.length > 1 ? `第${formatChineseNumber(r.paragraph)}款` : ''}`;
  return { ...r, label, departures: departuresFrom(clause, r.text, label, { quantities: true, authority: true }) };
}

/**
 * The paragraph `clause` restates, if any, and where the clause departs from it. `sentence` is the
 * sentence the clause belongs to: "…并处五千元以上五万元以下罚款；违法所得五万元以上的，并处违法所得一倍以上
 * 五倍以下罚款" is one paragraph (旅游法第九十七条) split at its semicolon, and its second half alone
 * resembles 第九十五条 (whose threshold is 十万元), so a clause that departs from the paragraph it alone
 * resembles is also read against the paragraph its sentence restates, and the closer reading is kept.
 */
export function readRestatement(clause: string, sentence: string = clause, library: LawLibrary = lawLibrary()): RestatementReading | undefined {
  const own = restatedProvision(clause, library);
  if (!own) return undefined;
  const mine = reading(clause, own);
  if (mine.departures.length === 0 || sentence.length <= clause.length) return mine;
  const whole = restatedProvision(sentence, library);
  if (!whole || whole.text === own.text) return mine;
  const theirs = reading(clause, whole);
  return theirs.departures.length <= mine.departures.length ? theirs : mine;
}
