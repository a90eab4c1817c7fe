/** A law or administrative regulation as the library holds it: one version, split into articles. */

/** 法律 (adopted by the NPC or its Standing Committee) or 行政法规 (State Council). */
export type LawRank = 'law' | 'administrative_regulation';

export interface Article {
  /** 17 for 第十七条 */
  number: number;
  /** '第十七条' */
  label: string;
  /** 款: each paragraph with its items (（一）…) kept inside it */
  paragraphs: string[];
  /** the whole article without its label, paragraphs joined by a newline */
  text: string;
  /** '第二章 行政许可的设定', when the law has chapters */
  chapter?: string;
}

export interface Law {
  /** full title, e.g. '中华人民共和国行政许可法' */
  title: string;
  /** the title as commonly cited, e.g. '行政许可法' */
  shortTitle: string;
  rank: LawRank;
  /** date of the version (last amendment), from the file name: '2019-04-23' */
  version: string;
  /** library file the version was read from */
  file: string;
  /** adoption and amendment lines from the head of the text */
  history: string[];
  articles: Article[];
}
