/**
 * The law library (domain/laws): the shipped texts, their bundle, articles, paragraphs and items
 * as the laws count them, versions of one law, and citations resolved against it.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { bundleLawTexts } from '../../../scripts/lib/lawBundle';
import { articleOf, buildLibrary, citedName, lawLibrary } from '../../../domain/laws/library';
import { LawTextError, parseLaw } from '../../../domain/laws/parseLaw';
import { findCitations, resolveProvision } from '../../../domain/laws/references';
import { formatChineseNumber, parseChineseNumber } from '../../../domain/text/chineseNumber';

const texts = join(__dirname, '../../../domain/laws/texts');

describe('the shipped library', () => {
  it('is bundled from the texts in domain/laws/texts (else: npm run laws:bundle)', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '../../../domain/laws/library.json'), 'utf8'));
    expect(committed).toEqual(bundleLawTexts(texts));
  });

  it.each([
    ['行政许可法', 83, 'law'],
    ['行政处罚法', 86, 'law'],
    ['行政强制法', 71, 'law'],
    ['立法法', 120, 'law'],
    ['旅游法', 112, 'law'],
    ['重大行政决策程序暂行条例', 44, 'administrative_regulation'],
  ])('%s has %i articles, numbered without gaps', (name, count, rank) => {
    const law = lawLibrary().find(name)!;
    expect(law.articles).toHaveLength(count);
    expect(law.rank).toBe(rank);
    law.articles.forEach((a, i) => expect(a.number).toBe(i + 1));
  });

  it('counts paragraphs with their items inside them, as the law does', () => {
    const law = lawLibrary().find('立法法')!;
    const art93 = articleOf(law, 93)!;
    expect(art93.paragraphs).toHaveLength(6);
    expect(art93.paragraphs[1]).toMatch(/^地方政府规章可以就下列事项作出规定：\n（一）.*\n（二）/);
    expect(art93.paragraphs[5]).toMatch(/^没有法律、行政法规、地方性法规的依据/);
    expect(articleOf(law, 121)).toBeUndefined();
  });

  it('finds a law by any of its cited names', () => {
    const lib = lawLibrary();
    expect(lib.find('《中华人民共和国旅游法》')).toBe(lib.find('旅游法'));
    expect(citedName(' 《中华人民共和国行政许可法》 ')).toBe('行政许可法');
    expect(lib.find('娱乐场所管理条例')).toBeUndefined();
    expect(lib.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a text it cannot read, naming the file', () => {
    expect(() => parseLaw('旅游法.md', '# 中华人民共和国旅游法')).toThrow(LawTextError);
    expect(() => parseLaw('旅游法(2018-10-26).md', '# 中华人民共和国旅游法\n<!-- INFO END -->\n第一条 甲\n第三条 乙')).toThrow(/第三条 follows article 1/);
  });
});

describe('versions of one law', () => {
  const old = readFileSync(join(texts, '旅游法(2018-10-26).md'), 'utf8');
  // A newer version: article 31 reworded, the last article removed.
  const newer = old.replace('第三十一条 旅行社应当按照规定交纳旅游服务质量保证金', '第三十一条 旅行社应当按照国家规定存入旅游服务质量保证金').replace(/\n第一百一十二条[^\n]*\n?/, '\n');
  const lib = buildLibrary(
    [
      { file: '旅游法(2018-10-26).md', sha256: 'a', text: old },
      { file: '旅游法(2025-01-01).md', sha256: 'b', text: newer },
    ],
    'test',
  );

  it('the latest version is current; the older one stays addressable', () => {
    expect(lib.find('旅游法')!.version).toBe('2025-01-01');
    expect(lib.versionsOf('旅游法').map((l) => l.version)).toEqual(['2018-10-26', '2025-01-01']);
    expect(articleOf(lib.version('旅游法', '2018-10-26')!, 112)).toBeDefined();
    expect(articleOf(lib.find('旅游法')!, 112)).toBeUndefined();
    expect(articleOf(lib.find('旅游法')!, 31)!.text).toContain('存入旅游服务质量保证金');
  });

  it('two texts of one law with the same date are refused', () => {
    expect(() => buildLibrary([{ file: '旅游法(2018-10-26).md', sha256: 'a', text: old }, { file: '旅游法(2018-10-26).md', sha256: 'a', text: old }], 'x')).toThrow(/two texts/);
  });
});

describe('citations', () => {
  it('finds titles, provisions, lists and 该法 with exact spans', () => {
    const text = '依照《中华人民共和国旅游法》第九十五条第一款和第九十六条的规定处罚；该法第三十一条另有规定。';
    const cites = findCitations(text);
    expect(cites.map((c) => text.slice(c.start, c.end))).toEqual(['《中华人民共和国旅游法》第九十五条第一款和第九十六条', '该法第三十一条']);
    expect(cites[0]!.provisions).toEqual([
      { article: 95, paragraph: 1, label: '第九十五条第一款' },
      { article: 96, label: '第九十六条' },
    ]);
    expect(cites[1]!.name).toBe('中华人民共和国旅游法');
  });

  it('resolves what exists and says what does not', () => {
    const lib = lawLibrary();
    const found = resolveProvision(lib, '旅游法', { article: 29, paragraph: 1, item: 2, label: '' });
    expect(found.status === 'found' && found.text).toBe('（二）出境旅游；');
    expect(resolveProvision(lib, '旅游法', { article: 120, label: '' }).status).toBe('no_such_article');
    expect(resolveProvision(lib, '旅游法', { article: 31, paragraph: 2, label: '' }).status).toBe('no_such_paragraph');
    expect(resolveProvision(lib, '旅游法', { article: 29, paragraph: 1, item: 9, label: '' }).status).toBe('no_such_item');
    expect(resolveProvision(lib, '娱乐场所管理条例', { article: 9, label: '' })).toEqual({ status: 'not_in_library', name: '娱乐场所管理条例' });
  });
});

describe('Chinese numerals', () => {
  it.each([
    ['九十五', 95],
    ['一百零二', 102],
    ['十', 10],
    ['十五', 15],
    ['一百一十二', 112],
    ['一百十', 110],
    ['107', 107],
    ['１０７', 107],
  ])('%s is %i', (s, n) => expect(parseChineseNumber(s)).toBe(n));

  it.each(['', '零', '一二', '百十', '百五', 'abc', '一万'])('%s is no article number', (s) => expect(parseChineseNumber(s)).toBeUndefined());

  it('writes numbers the way laws do, and reads them back', () => {
    expect([10, 15, 20, 105, 110, 1001].map(formatChineseNumber)).toEqual(['十', '十五', '二十', '一百零五', '一百一十', '一千零一']);
    for (let n = 1; n < 1200; n++) expect(parseChineseNumber(formatChineseNumber(n))).toBe(n);
    expect(() => formatChineseNumber(0)).toThrow(RangeError);
  });
});
