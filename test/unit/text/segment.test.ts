import { readFileSync } from 'fs';
import { join } from 'path';
import { innermostLabel, segment } from '../../../domain/text';

const sample = readFileSync(join(__dirname, '../fair-competition/fixtures/01-culture-tourism-consumption-measures.md'), 'utf8');

describe('segment', () => {
  it('splits the sample measures into its twelve articles with exact offsets', () => {
    const segs = segment(sample);
    const articles = segs.filter((s) => s.kind === 'article');
    expect(articles.map((a) => a.label)).toEqual([
      '第一条', '第二条', '第三条', '第四条', '第五条', '第六条',
      '第七条', '第八条', '第九条', '第十条', '第十一条', '第十二条',
    ]);
    for (const s of segs) expect(sample.slice(s.start, s.end)).toBe(s.text);
    const fifth = articles[4]!;
    expect(fifth.text).toBe('第五条 对年度营业收入首次超过5000万元且在本区纳税的旅行社，给予一次性奖励50万元。[?]');
    expect(fifth.start).toBe(sample.indexOf('第五条'));
    // The title line is a paragraph; the HTML comment carrying metadata is not document text.
    expect(segs.find((s) => s.kind === 'paragraph' && s.label === '标题')?.text).toBe('# 南开区促进文化和旅游消费若干措施（征求意见稿）');
    expect(segs.some((s) => s.text.startsWith('<!--'))).toBe(false);
  });

  it('finds paragraphs (款) and enumerated items (项), including inline ones', () => {
    const text = [
      '第八条 起草单位起草的政策措施，不得含有下列内容：',
      '（一）违法设置审批程序；',
      '（二）违法授予特许经营权。',
      '前款规定以外的情形，依照有关规定执行。',
      '第九条 申请材料包括：（一）申请表；（二）营业执照复印件。',
    ].join('\n');
    const segs = segment(text);
    const labels = segs.map((s) => `${s.kind}:${s.label}`);
    expect(labels).toEqual([
      'article:第八条',
      'paragraph:第八条第一款',
      'clause:第八条（一）',
      'clause:第八条（二）',
      'paragraph:第八条第二款',
      'article:第九条',
      'paragraph:第九条第一款',
      'clause:第九条（一）',
      'clause:第九条（二）',
    ]);
    const item = segs.find((s) => s.label === '第八条（二）')!;
    expect(item.text).toBe('（二）违法授予特许经营权。');
    expect(segs.find((s) => s.label === '第九条（一）')!.text).toBe('（一）申请表；');
    const para1 = segs.find((s) => s.label === '第八条第一款')!;
    expect(para1.text.endsWith('（二）违法授予特许经营权。')).toBe(true);
  });

  it('handles documents without articles: 一、 sections and 1. items, numbered paragraphs', () => {
    const text = '一、调整范围。\n本决定适用于区属景区。\n1.门票\n2.讲解服务\n二、实施时间。自印发之日起施行。\n';
    const segs = segment(text);
    const clauses = segs.filter((s) => s.kind === 'clause');
    expect(clauses.map((c) => c.label)).toEqual(['一、', '一、1.', '一、2.', '二、']);
    expect(clauses[0]!.text).toBe('一、调整范围。\n本决定适用于区属景区。\n1.门票\n2.讲解服务');
    expect(segs.filter((s) => s.kind === 'paragraph').map((p) => p.label)).toEqual(['第1段', '第2段', '第3段']);
    // "1.5米" is a number, not an item
    expect(segment('身高1.5米以下儿童免票。').filter((s) => s.kind === 'clause')).toEqual([]);
  });

  it('keeps offsets as JS string indices with CRLF line ends and leading whitespace', () => {
    const text = '\r\n  第一条 甲。\r\n第二条　乙。\r\n';
    const segs = segment(text);
    const a2 = segs.find((s) => s.label === '第二条')!;
    expect(text.slice(a2.start, a2.end)).toBe('第二条　乙。');
    expect(segs.find((s) => s.label === '第一条')!.start).toBe(4);
  });

  it('returns nothing for empty or blank input', () => {
    expect(segment('')).toEqual([]);
    expect(segment(' \n\t\n')).toEqual([]);
  });

  it('names the innermost segment of a span', () => {
    const text = '第八条 不得含有下列内容：\n（一）违法设置审批程序；\n（二）其他内容。';
    const segs = segment(text);
    const at = text.indexOf('审批程序');
    expect(innermostLabel(segs, at, at + 4)).toBe('第八条（一）');
    expect(innermostLabel(segs, 0, 3)).toBe('第八条');
  });
});
