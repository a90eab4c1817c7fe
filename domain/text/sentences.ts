/**
 * Sentence splitting shared by the pre-screens: the sentence (up to 。！？ or a line end) is the
 * unit in which context such as a cited law or a "不得" safeguard is read. "；" does not end it: the
 * parts of "本地农产品免收进场费；外地农产品按标准收取" only mean something together.
 */

export interface Sentence {
  /** offset of the first character in the whole document */
  start: number;
  end: number;
  text: string;
}

const BOUNDARY = new Set(['。', '！', '!', '？', '?', '\n', '\r']);
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

const ITEM_START = /^(?:[（(][一二三四五六七八九十百\d]+[）)]|[一二三四五六七八九十百]+、|\d{1,3}[.．、](?!\d)|[①-⑳])/;
// "不得含有下列内容：", "禁止实施下列行为：", "审查是否存在下列情形：" — the items that follow are
// what must NOT be done (or what is being checked), so they restrict nobody.
const PROHIBITED_LIST_INTRO = /(?:不得|禁止|严禁|不应|防止|杜绝|是否|清理|纠正|废止)[^。]{0,60}下列[^。]{0,20}[：:]\s*$/;

/**
 * For each sentence, whether it is an item of a list introduced as prohibited ("不得…下列…：").
 * The state lasts while consecutive sentences keep starting with item markers (or continue an
 * item), and ends at the first plain sentence.
 */
export function itemsOfProhibitedLists(text: string, sentences: readonly { start: number; end: number; text: string }[]): boolean[] {
  const out = new Array<boolean>(sentences.length).fill(false);
  let inList = false;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    const lineStart = s.start === 0 || text[s.start - 1] === '\n' || /\n\s*$/.test(text.slice(Math.max(0, s.start - 4), s.start));
    if (inList) {
      if (ITEM_START.test(s.text)) out[i] = true;
      else if (lineStart) inList = false;
      else out[i] = true; // a later sentence of the same item
    }
    // The intro may end with a colon on its own line or inline before "（一）".
    const tail = text.slice(s.start, Math.min(text.length, s.end + 1));
    if (PROHIBITED_LIST_INTRO.test(tail)) inList = true;
    else {
      const colon = s.text.search(/[：:]\s*(?:[（(][一二三四五六七八九十]+[）)])/);
      if (colon >= 0 && PROHIBITED_LIST_INTRO.test(s.text.slice(0, colon + 1))) {
        out[i] = true;
        inList = true;
      }
    }
  }
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
