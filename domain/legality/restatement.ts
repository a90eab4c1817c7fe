/**
 * Recognises a clause that restates a provision of a shipped law without citing it ("旅行社应当按照
 * 规定交纳旅游服务质量保证金" is 《旅游法》第三十一条): most of the clause's character trigrams occur in
 * one paragraph of one law. Such a clause repeats a measure the law sets; it creates nothing new.
 */
import { type LawLibrary, lawLibrary } from '../laws/library';
import type { Article, Law } from '../laws/types';

interface Entry {
  law: Law;
  article: Article;
  /** 1-based paragraph */
  paragraph: number;
  text: string;
}

interface Index {
  entries: Entry[];
  postings: Map<string, number[]>;
}

/** Share of a clause's distinct trigrams found in one paragraph for it to count as a restatement. */
export const RESTATEMENT_COVERAGE = 0.6;
/** Clauses with fewer distinct trigrams are too short to tell. */
const MIN_TRIGRAMS = 8;

const normalise = (text: string): string => text.replace(/[\s，,。；;：:、“”"‘’《》〈〉（）()！!？?\-—…·]/g, '');

function trigrams(text: string): Set<string> {
  const t = normalise(text);
  const out = new Set<string>();
  for (let i = 0; i + 3 <= t.length; i++) out.add(t.slice(i, i + 3));
  return out;
}

const indexes = new WeakMap<LawLibrary, Index>();

function indexOf(library: LawLibrary): Index {
  let index = indexes.get(library);
  if (index) return index;
  const entries: Entry[] = [];
  const postings = new Map<string, number[]>();
  const current = new Set(library.laws.map((l) => library.find(l.shortTitle)));
  for (const law of library.laws) {
    if (!current.has(law)) continue;
    for (const article of law.articles) {
      article.paragraphs.forEach((text, i) => {
        const id = entries.length;
        entries.push({ law, article, paragraph: i + 1, text });
        for (const g of trigrams(text)) {
          const list = postings.get(g);
          if (list) list.push(id);
          else postings.set(g, [id]);
        }
      });
    }
  }
  index = { entries, postings };
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

/** The paragraph of a shipped law that `clause` restates, if any. */
export function restatedProvision(clause: string, library: LawLibrary = lawLibrary()): Restatement | undefined {
  const grams = trigrams(clause);
  if (grams.size < MIN_TRIGRAMS) return undefined;
  const { entries, postings } = indexOf(library);
  const hits = new Map<number, number>();
  for (const g of grams) for (const id of postings.get(g) ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
  let best = -1;
  let bestHits = 0;
  for (const [id, n] of hits) {
    if (n > bestHits || (n === bestHits && id < best)) {
      best = id;
      bestHits = n;
    }
  }
  const coverage = bestHits / grams.size;
  if (best < 0 || coverage < RESTATEMENT_COVERAGE) return undefined;
  const e = entries[best]!;
  return { law: e.law, article: e.article, paragraph: e.paragraph, text: e.text, coverage };
}
