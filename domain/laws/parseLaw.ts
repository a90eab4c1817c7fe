/**
 * Reads a law text in the library's Markdown layout: a '# title' line, adoption and amendment
 * lines, '<!-- INFO END -->', then '## 第一章 …' headings and articles that start a line with
 * '第N条 '. A paragraph (款) is a line of its own; item lines (（一）…) belong to the paragraph that
 * introduces them, as the law counts them.
 */
import { parseChineseNumber } from '../text/chineseNumber';
import type { Article, Law, LawRank } from './types';

const FILE_NAME = /^(.+)\((\d{4}-\d{2}-\d{2})\)\.md$/;
const ARTICLE_LINE = /^(第([零〇一二两三四五六七八九十百千]+)条)\s*(.*)$/;
const ITEM_LINE = /^[（(][一二三四五六七八九十]+[）)]/;
const CHAPTER_LINE = /^#{2,}\s*(第[零〇一二三四五六七八九十百]+[章节编].*)$/;

export class LawTextError extends Error {}

export function rankOf(title: string): LawRank {
  return /法$/.test(title) ? 'law' : 'administrative_regulation';
}

/** The title as commonly cited: '中华人民共和国旅游法' → '旅游法'. */
export function shortTitleOf(title: string): string {
  return title.replace(/^中华人民共和国/, '');
}

export function parseLaw(file: string, text: string): Law {
  const name = FILE_NAME.exec(file);
  if (!name) throw new LawTextError(`${file}: a library file is named "<law>(<YYYY-MM-DD>).md"`);
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const titleLine = lines.find((l) => l.startsWith('# '));
  if (!titleLine) throw new LawTextError(`${file}: no "# title" line`);
  const title = titleLine.slice(2).trim();
  if (shortTitleOf(title) !== name[1]) throw new LawTextError(`${file}: the file name does not match the title "${title}"`);
  const infoEnd = lines.indexOf('<!-- INFO END -->');
  const history = lines.slice(lines.indexOf(titleLine) + 1, infoEnd < 0 ? 0 : infoEnd).filter((l) => l.length > 0);

  const articles: Article[] = [];
  let current: Article | undefined;
  let chapter: string | undefined;
  for (const line of lines.slice(infoEnd + 1)) {
    if (line.length === 0 || line.startsWith('<!--')) continue;
    const heading = CHAPTER_LINE.exec(line);
    if (heading) {
      chapter = heading[1]!.replace(/\s+/g, ' ');
      current = undefined;
      continue;
    }
    if (line.startsWith('#')) continue;
    const start = ARTICLE_LINE.exec(line);
    if (start) {
      const number = parseChineseNumber(start[2]!);
      if (number === undefined) throw new LawTextError(`${file}: cannot read the article number in "${start[1]}"`);
      const expected = (articles[articles.length - 1]?.number ?? 0) + 1;
      if (number !== expected) throw new LawTextError(`${file}: ${start[1]} follows article ${expected - 1}`);
      current = { number, label: start[1]!, paragraphs: [start[3]!], text: '', ...(chapter ? { chapter } : {}) };
      articles.push(current);
      continue;
    }
    if (!current) continue; // text between a heading and the first article (none in the library)
    if (ITEM_LINE.test(line)) current.paragraphs[current.paragraphs.length - 1] += `\n${line}`;
    else current.paragraphs.push(line);
  }
  if (articles.length === 0) throw new LawTextError(`${file}: no articles found`);
  for (const a of articles) a.text = a.paragraphs.join('\n');
  return { title, shortTitle: shortTitleOf(title), rank: rankOf(title), version: name[2]!, file, history, articles };
}
