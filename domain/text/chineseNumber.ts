/**
 * Chinese numerals as laws number their articles (第一百零七条), paragraphs and items: parsing
 * "一百零七" / "107" / "１０７" to 107 and writing 107 back as "一百零七". Integers 1–9999 only:
 * no law has more articles, and anything else in a citation is a typo to report, not to guess.
 */

const DIGIT: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** The value of a numeral such as "九十五", "一百零二", "十", "95" or "９５"; undefined if it is not one. */
export function parseChineseNumber(raw: string): number | undefined {
  const s = raw.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d{1,4}$/.test(s)) {
    const n = Number(s);
    return n > 0 ? n : undefined;
  }
  if (s.length === 0 || !/^[零〇一二两三四五六七八九十百千]+$/.test(s)) return undefined;
  let total = 0;
  let pending: number | undefined; // a digit waiting for its unit
  let lastUnit = Infinity;
  for (const ch of s) {
    const d = DIGIT[ch];
    if (d !== undefined) {
      if (pending !== undefined && pending !== 0) return undefined; // two digits in a row ("一二")
      pending = d;
      continue;
    }
    const u = UNIT[ch]!;
    if (u >= lastUnit) return undefined; // units must fall: "百十" or "十百" is no numeral
    // Only ten may stand without its digit: "十五", "一百十" (read as 一百一十); "百五" is no numeral.
    const factor = pending === undefined || pending === 0 ? (u === 10 ? 1 : undefined) : pending;
    if (factor === undefined) return undefined;
    total += factor * u;
    lastUnit = u;
    pending = undefined;
  }
  if (pending !== undefined) total += pending;
  return total > 0 && total < 10000 ? total : undefined;
}

const DIGITS = '零一二三四五六七八九';

/** 107 → "一百零七", 10 → "十", 110 → "一百一十" (the way laws write article numbers). */
export function formatChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 10000) throw new RangeError(`formatChineseNumber: ${n} is not an integer from 1 to 9999`);
  const parts: string[] = [];
  const units: Array<[number, string]> = [[1000, '千'], [100, '百'], [10, '十'], [1, '']];
  let rest = n;
  let zero = false;
  for (const [value, name] of units) {
    const d = Math.floor(rest / value);
    rest %= value;
    if (d === 0) {
      if (parts.length > 0) zero = true;
      continue;
    }
    if (zero) parts.push('零');
    zero = false;
    // "十五", not "一十五", when ten is the leading unit.
    parts.push(value === 10 && d === 1 && parts.length === 0 ? name : `${DIGITS[d]}${name}`);
  }
  return parts.join('');
}
