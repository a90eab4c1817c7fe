/**
 * Citations of laws in a draft's text — "依照《中华人民共和国旅游法》第九十五条第一款", "《旅游法》
 * 第二十九条第一款第二项", "该法第三十一条" — found with their spans and resolved against the law
 * library: the article, paragraph (款) and item (项) exist or not, and what they say.
 */
import { parseChineseNumber } from '../text/chineseNumber';
import { type LawLibrary, articleOf, citedName } from './library';
import type { Article, Law } from './types';

export interface CitedProvision {
  article: number;
  paragraph?: number;
  item?: number;
  /** as written: '第九十五条第一款' */
  label: string;
}

export interface Citation {
  /** span of the whole citation, title and provisions, in the text */
  start: number;
  end: number;
  /** the cited title without brackets: '中华人民共和国旅游法', '旅游法' */
  name: string;
  /** provisions cited after the title (empty: the law as a whole) */
  provisions: CitedProvision[];
}

const NUM = '[零〇一二两三四五六七八九十百千\\d０-９]+';
const PROVISION = `第(${NUM})条(?:第(${NUM})款)?(?:第(${NUM})项|[（(](${NUM})[）)]项?)?`;
const PROVISION_RE = new RegExp(PROVISION, 'g');
// A title in book-title marks, or "该法/该条例" (the law named just before), then provisions joined by 、 和 及 或者 至.
const CITATION = new RegExp(`《([^》]{2,60})》|(该法|该条例|上述法律|同法)`, 'g');
const LIST_TAIL = new RegExp(`^(?:的)?(?:规定)?\\s*(?:${PROVISION}(?:[、，,]|和|及|以及|或者|或|至|到)?)+`);

function provisionsIn(fragment: string): CitedProvision[] {
  const out: CitedProvision[] = [];
  PROVISION_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PROVISION_RE.exec(fragment)) !== null) {
    const article = parseChineseNumber(m[1]!);
    if (article === undefined) continue;
    const p: CitedProvision = { article, label: m[0] };
    const paragraph = m[2] ? parseChineseNumber(m[2]) : undefined;
    const item = m[3] ? parseChineseNumber(m[3]) : m[4] ? parseChineseNumber(m[4]) : undefined;
    if (paragraph !== undefined) p.paragraph = paragraph;
    if (item !== undefined) p.item = item;
    out.push(p);
  }
  return out;
}

/** Every citation in the text, in order. "该法" takes the name of the citation before it. */
export function findCitations(text: string): Citation[] {
  const out: Citation[] = [];
  CITATION.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CITATION.exec(text)) !== null) {
    const name = m[1] ?? out[out.length - 1]?.name;
    if (!name) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 80);
    const tail = LIST_TAIL.exec(after);
    const provisions = tail ? provisionsIn(tail[0]) : [];
    const end = m.index + m[0].length + (tail ? tail[0].replace(/[、，,和及或者至到\s]+$/, '').length : 0);
    out.push({ start: m.index, end, name: name.trim(), provisions });
    CITATION.lastIndex = end;
  }
  return out;
}

export type Resolution =
  | { status: 'found'; law: Law; article: Article; /** the cited paragraph or item, else the whole article */ text: string }
  | { status: 'not_in_library'; name: string }
  | { status: 'no_such_article'; law: Law; provision: CitedProvision }
  | { status: 'no_such_paragraph'; law: Law; article: Article; provision: CitedProvision }
  | { status: 'no_such_item'; law: Law; article: Article; provision: CitedProvision };

/** Looks a cited provision up in the library. */
export function resolveProvision(library: LawLibrary, name: string, provision: CitedProvision): Resolution {
  const law = library.find(name);
  if (!law) return { status: 'not_in_library', name: citedName(name) };
  const article = articleOf(law, provision.article);
  if (!article) return { status: 'no_such_article', law, provision };
  if (provision.paragraph === undefined) {
    if (provision.item === undefined) return { status: 'found', law, article, text: article.text };
    // "第二十九条第二项" without a paragraph: the items of the first paragraph that has items.
    const withItems = article.paragraphs.find((p) => p.includes('\n'));
    const item = withItems?.split('\n')[provision.item];
    return item ? { status: 'found', law, article, text: item } : { status: 'no_such_item', law, article, provision };
  }
  const paragraph = article.paragraphs[provision.paragraph - 1];
  if (paragraph === undefined) return { status: 'no_such_paragraph', law, article, provision };
  if (provision.item === undefined) return { status: 'found', law, article, text: paragraph };
  const item = paragraph.split('\n')[provision.item];
  return item ? { status: 'found', law, article, text: item } : { status: 'no_such_item', law, article, provision };
}

/** '《中华人民共和国旅游法》第九十五条第一款' for a resolved or cited provision. */
export function provisionLabel(lawTitle: string, p: { article: number; paragraph?: number; item?: number }, format: (n: number) => string): string {
  return `《${lawTitle}》第${format(p.article)}条${p.paragraph ? `第${format(p.paragraph)}款` : ''}${p.item ? `第${format(p.item)}项` : ''}`;
}
