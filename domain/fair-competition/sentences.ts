/**
 * Sentence splitting for the pre-screen: the sentence (up to 。；！？ or a line end) is the unit
 * in which context such as a cited law or a "不得" safeguard is read.
 */
import type { Sentence } from './context';

const BOUNDARY = new Set(['。', '；', ';', '！', '!', '？', '?', '\n', '\r']);
const SPACE = /[\s\u3000\ufeff]/;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (from: number, to: number) => {
    let s = from;
    let e = to;
    while (s < e && SPACE.test(text[s]!)) s++;
    while (e > s && SPACE.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
  };
  for (let i = 0; i < text.length; i++) {
    if (BOUNDARY.has(text[i]!)) {
      push(start, i);
      start = i + 1;
    }
  }
  push(start, text.length);
  return out;
}

/** Index of the sentence containing offset, or -1 (offsets between sentences). */
export function sentenceAt(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
