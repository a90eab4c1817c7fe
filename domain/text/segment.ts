/**
 * Splits a Chinese policy document into articles (条), paragraphs (款 / 段) and enumerated
 * clauses (项: 一、 （一） 1. （1） ①), with offsets into the original string.
 *
 * Findings are reported per clause because reviewers amend clause by clause; exact offsets let
 * the UI highlight the wording and let a later draft be diffed against the reviewed one.
 */

export interface Segment {
  kind: 'article' | 'paragraph' | 'clause';
  /** e.g. '第五条', '第五条第二款', '第八条（三）', '二、', '第3段' */
  label: string;
  /** JS string index (UTF-16) of the first character in the original text */
  start: number;
  /** exclusive end index; text === original.slice(start, end) */
  end: number;
  text: string;
}

interface Line {
  start: number;
  end: number;
  text: string;
}

type LineKind =
  | { type: 'comment' }
  | { type: 'heading'; label: string }
  | { type: 'article'; label: string }
  | { type: 'item'; level: number; marker: string }
  | { type: 'plain' };

interface Marker {
  level: number;
  /** normalised marker used in labels, e.g. '（三）' */
  marker: string;
  start: number;
  lineIndex: number;
}

const CN_NUM = '零〇一二三四五六七八九十百千两';
const ARTICLE = new RegExp(`^(?:#+\\s*)?(?:\\*\\*)?(第[${CN_NUM}\\d]+条(?:之[一二三四五六七八九十]+)?)`);
const CHAPTER = new RegExp(`^(?:#+\\s*)?(第[${CN_NUM}\\d]+[编章节])`);
// Levels follow the usual drafting hierarchy: 一、 > （一） > 1. > （1） > ①.
const ITEM_AT_LINE_START: readonly { level: number; re: RegExp; norm: (m: RegExpExecArray) => string }[] = [
  { level: 1, re: /^([一二三四五六七八九十百]+)、/, norm: (m) => `${m[1]}、` },
  { level: 2, re: /^[（(]([一二三四五六七八九十百]+)[）)]/, norm: (m) => `（${m[1]}）` },
  { level: 3, re: /^(\d{1,3})[.．、](?!\d)/, norm: (m) => `${m[1]}.` },
  { level: 4, re: /^[（(](\d{1,3})[）)]/, norm: (m) => `（${m[1]}）` },
  { level: 5, re: /^([①-⑳])/, norm: (m) => m[1]! },
];
// Inside a line, only bracketed or circled markers right after a colon/semicolon/full stop are
// items ("包括：（一）……；（二）……"); bare "1." mid-line is far more often a number.
const INLINE_ITEM = /(?<=[：:；;。])\s*(?:[（(]([一二三四五六七八九十百]+)[）)]|[（(](\d{1,3})[）)]|([①-⑳]))/g;

const WHITESPACE = /[\s\u3000\ufeff]/;

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const rawEnd = nl === -1 ? text.length : nl;
    let s = pos;
    let e = rawEnd;
    while (s < e && WHITESPACE.test(text[s]!)) s++;
    while (e > s && WHITESPACE.test(text[e - 1]!)) e--;
    if (e > s) lines.push({ start: s, end: e, text: text.slice(s, e) });
    if (nl === -1) break;
    pos = nl + 1;
  }
  return lines;
}

function classify(line: Line): LineKind {
  const t = line.text;
  if (t.startsWith('<!--')) return { type: 'comment' };
  const chapter = CHAPTER.exec(t);
  if (chapter) return { type: 'heading', label: chapter[1]! };
  const article = ARTICLE.exec(t);
  if (article) return { type: 'article', label: article[1]! };
  if (t.startsWith('#')) return { type: 'heading', label: '标题' };
  for (const item of ITEM_AT_LINE_START) {
    const m = item.re.exec(t);
    if (m) return { type: 'item', level: item.level, marker: item.norm(m) };
  }
  return { type: 'plain' };
}

function chineseNumber(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n < 10) return digits[n]!;
  if (n < 20) return `十${n % 10 === 0 ? '' : digits[n % 10]}`;
  if (n < 100) return `${digits[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : digits[n % 10]}`;
  return String(n);
}

function make(kind: Segment['kind'], label: string, start: number, end: number, text: string): Segment {
  return { kind, label, start, end, text: text.slice(start, end) };
}

/** Trim trailing separators so a clause does not end in the next clause's whitespace. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && WHITESPACE.test(text[e - 1]!)) e--;
  return e;
}

export function segment(text: string): Segment[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const lines = splitLines(text);
  const kinds = lines.map(classify);
  const out: Segment[] = [];

  // Containers: an article runs until the next article or heading; text outside articles forms
  // document-level containers split by headings, so items never nest across them.
  interface Container {
    article?: string;
    first: number;
    last: number;
  }
  const containers: Container[] = [];
  let open: Container | undefined;
  kinds.forEach((k, i) => {
    if (k.type === 'comment') return;
    if (k.type === 'article' || k.type === 'heading') {
      open = k.type === 'article' ? { article: k.label, first: i, last: i } : undefined;
      if (open) containers.push(open);
      return;
    }
    if (!open) {
      open = { first: i, last: i };
      containers.push(open);
    } else {
      open.last = i;
    }
  });

  for (const c of containers) {
    const first = lines[c.first]!;
    const last = lines[c.last]!;
    if (c.article) out.push(make('article', c.article, first.start, last.end, text));
  }

  // Paragraphs (款): a non-item line opens one; sub-items (level ≥ 2) belong to the paragraph
  // that introduces them ("……下列情形：" followed by （一）（二）).
  let docParagraphs = 0;
  const headingParagraphs: Segment[] = [];
  kinds.forEach((k, i) => {
    if (k.type === 'heading') {
      const l = lines[i]!;
      headingParagraphs.push(make('paragraph', k.label, l.start, l.end, text));
    }
  });
  for (const c of containers) {
    let count = 0;
    let pStart = -1;
    let pEnd = -1;
    const flush = () => {
      if (pStart < 0) return;
      count++;
      const label = c.article ? `${c.article}第${chineseNumber(count)}款` : `第${++docParagraphs}段`;
      out.push(make('paragraph', label, pStart, pEnd, text));
      pStart = -1;
    };
    for (let i = c.first; i <= c.last; i++) {
      const k = kinds[i]!;
      const l = lines[i]!;
      if (k.type === 'comment') continue;
      const continues = k.type === 'item' && k.level >= 2 && pStart >= 0;
      if (!continues) flush();
      if (pStart < 0) pStart = l.start;
      pEnd = l.end;
    }
    flush();
  }
  out.push(...headingParagraphs);

  // Clauses (项).
  for (const c of containers) {
    const markers: Marker[] = [];
    for (let i = c.first; i <= c.last; i++) {
      const k = kinds[i]!;
      const l = lines[i]!;
      if (k.type === 'item') markers.push({ level: k.level, marker: k.marker, start: l.start, lineIndex: i });
      if (k.type === 'comment') continue;
      INLINE_ITEM.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = INLINE_ITEM.exec(l.text)) !== null) {
        const lead = m[0].length - m[0].trimStart().length;
        const at = l.start + m.index + lead;
        if (m[1]) markers.push({ level: 2, marker: `（${m[1]}）`, start: at, lineIndex: i });
        else if (m[2]) markers.push({ level: 4, marker: `（${m[2]}）`, start: at, lineIndex: i });
        else if (m[3]) markers.push({ level: 5, marker: m[3], start: at, lineIndex: i });
      }
    }
    markers.sort((a, b) => a.start - b.start);
    const containerEnd = lines[c.last]!.end;
    const stack: { level: number; label: string; end: number }[] = [];
    markers.forEach((mk, idx) => {
      let end = containerEnd;
      for (let j = idx + 1; j < markers.length; j++) {
        if (markers[j]!.level <= mk.level) {
          end = markers[j]!.start;
          break;
        }
      }
      if (mk.level >= 2) {
        // A plain line after the item starts a new 款, which the item must not swallow.
        for (let i = mk.lineIndex + 1; i <= c.last; i++) {
          const k = kinds[i]!;
          if (k.type === 'comment') continue;
          if (k.type !== 'item' && lines[i]!.start < end) end = lines[i - 1]!.end;
          if (k.type !== 'item') break;
        }
      }
      end = trimEnd(text, mk.start, end);
      while (stack.length > 0 && (stack[stack.length - 1]!.level >= mk.level || stack[stack.length - 1]!.end <= mk.start)) {
        stack.pop();
      }
      const parent = stack.length > 0 ? stack[stack.length - 1]!.label : (c.article ?? '');
      const label = `${parent}${mk.marker}`;
      stack.push({ level: mk.level, label, end });
      out.push(make('clause', label, mk.start, end, text));
    });
  }

  const order = { article: 0, paragraph: 1, clause: 2 } as const;
  out.sort((a, b) => a.start - b.start || b.end - a.end || order[a.kind] - order[b.kind]);
  return out;
}

/**
 * The label of the innermost segment covering [start, end) — the smallest one; for an article
 * that is a single paragraph the article's own label ("第五条") is preferred to "第五条第一款".
 * `segments` must be sorted as `segment` returns them. Undefined when nothing covers the span.
 */
export function innermostLabel(segments: readonly Segment[], start: number, end: number): string | undefined {
  let lo = 0;
  let hi = segments.length - 1;
  let idx = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid]!.start <= start) {
      idx = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  let best: Segment | undefined;
  // Bounded walk back: nothing inside an article starts before the article, and outside
  // articles the covering segments start within a few entries of the span.
  for (let i = idx, steps = 0; i >= 0 && steps < 200; i--, steps++) {
    const s = segments[i]!;
    if (s.end >= end) {
      const len = s.end - s.start;
      const bestLen = best ? best.end - best.start : Infinity;
      if (len < bestLen || (len === bestLen && s.kind === 'article')) best = s;
      if (s.kind === 'article') break;
    }
  }
  return best?.label;
}

/**
 * Labels of every segment covering [start, end), outermost first ("第五条", "第五条第二款",
 * "第五条第二款（一）"): a legal-basis register entry for any of them applies to the span.
 */
export function coveringLabels(segments: readonly Segment[], start: number, end: number): string[] {
  const out: Segment[] = [];
  for (const s of segments) {
    if (s.start > start) break;
    if (s.end >= end) out.push(s);
  }
  return out.sort((a, b) => b.end - b.start - (a.end - a.start)).map((s) => s.label);
}
