/**
 * Amounts as a draft or a law writes them — "五千元", "二万元", "五十万元", "10万元", "5000元", "1.5万元",
 * "两万", "一万五千元", "五千元以上五万元以下罚款", "违法所得一倍以上五倍以下罚款", "停业整顿一个月至六个月",
 * "百分之三" — read as numbers, so that a clause can be compared with the provision it restates or
 * cites. A fine is lawful only within the range the law sets (行政处罚法第十六条: a normative
 * document may not set a penalty; 立法法第九十三条第六款 / 第十一条: lower rules may not exceed
 * the range a higher one sets), so the ranges must be read, not just the words around them.
 *
 * Pure: text in, numbers out.
 */

const DIGIT: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNIT: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNIT: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8 };

/** Characters a written number may use (Chinese numerals, financial numerals, units). */
const NUMERAL_CHARS = '零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿';
/** A number as written: "五千", "1.5万", "5,000", "１０万", "3千5百". */
export const NUMBER_SOURCE = `(?:[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?[${NUMERAL_CHARS}]*|[${NUMERAL_CHARS}]+)`;

const WHOLE_NUMBER = new RegExp(`^${NUMBER_SOURCE}$`);

const toAscii = (s: string): string => s.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));

/** A group below 万: "五千", "三百二十", "5千5百", "1.5", "十五", "三千五" (colloquial 3500). */
function parseGroup(s: string): number | undefined {
  if (s.length === 0) return undefined;
  if (/^[0-9]+(?:\.[0-9]+)?$/.test(s)) return Number(s);
  let total = 0;
  let pending: number | undefined;
  let lastUnit = Infinity;
  let zeroBefore = false;
  let i = 0;
  while (i < s.length) {
    const digits = /^[0-9]+(?:\.[0-9]+)?/.exec(s.slice(i));
    if (digits) {
      if (pending !== undefined) return undefined;
      pending = Number(digits[0]);
      i += digits[0].length;
      continue;
    }
    const ch = s[i]!;
    i += 1;
    const d = DIGIT[ch];
    if (d !== undefined) {
      if (d === 0) {
        zeroBefore = true;
        continue;
      }
      if (pending !== undefined) return undefined; // "一二": two digits in a row
      pending = d;
      continue;
    }
    const u = SMALL_UNIT[ch];
    if (u === undefined || u >= lastUnit) return undefined;
    // Only ten may stand without a digit before it ("十五", "一百十").
    const factor = pending ?? (u === 10 ? 1 : undefined);
    if (factor === undefined) return undefined;
    total += factor * u;
    lastUnit = u;
    pending = undefined;
    zeroBefore = false;
  }
  if (pending !== undefined) {
    // "三千五" is 3500 in speech; "三千零五" is 3005.
    total += lastUnit !== Infinity && lastUnit > 10 && !zeroBefore ? pending * (lastUnit / 10) : pending;
  }
  return total;
}

/**
 * The value of a written number: "五千" 5000, "五万" 50000, "二万" 20000, "五十万" 500000, "两万" 20000,
 * "10万" 100000, "1.5万" 15000, "5000" 5000, "一万五千" 15000, "一万五" 15000, "一亿" 1e8.
 * Undefined when the text is not a number ("万", "一二三").
 */
export function parseAmount(raw: string): number | undefined {
  const s = toAscii(raw.trim()).replace(/,(?=[0-9]{3})/g, '');
  if (s.length === 0 || !WHOLE_NUMBER.test(s)) return undefined;
  let total = 0;
  let rest = s;
  let sawBig = false;
  for (const [unit, value] of [['亿', 1e8], ['万', 1e4]] as const) {
    const at = rest.search(unit === '万' ? /[万萬]/ : /亿/);
    if (at < 0) continue;
    const head = rest.slice(0, at);
    const v = parseGroup(head);
    if (v === undefined || v === 0) return undefined;
    total += v * value;
    rest = rest.slice(at + 1);
    sawBig = true;
    // "一万五" is 15000 in speech: a lone digit after 万 counts thousands (一万零五 is 10005).
    if (/^[一二两三四五六七八九壹贰叁肆伍陆柒捌玖]$/.test(rest)) {
      total += DIGIT[rest]! * (value / 10);
      rest = '';
    }
  }
  if (rest.length > 0) {
    const v = parseGroup(rest.replace(/^[零〇]/, ''));
    if (v === undefined) return undefined;
    total += v;
  } else if (!sawBig) return undefined;
  return Number.isFinite(total) && total > 0 ? Math.round(total * 100) / 100 : undefined;
}

/** The value of the longest tail of `raw` that is a number ("统一五千" → 5000: "统" is no numeral, "一五千" is no number). */
function parseTail(raw: string): { value: number; skipped: number } | undefined {
  for (let k = 0; k < raw.length; k++) {
    const v = parseAmount(raw.slice(k));
    if (v !== undefined) return { value: v, skipped: k };
  }
  return undefined;
}

/** A range of money, multiples, days or a ratio as written: fixed amounts have min === max. */
export interface Quantity {
  min: number;
  /** Infinity for "X元以上" */
  max: number;
  start: number;
  end: number;
  /** the words, e.g. "五千元以上五万元以下" */
  text: string;
}

export interface MoneyAmount extends Quantity {
  /** the amount is a fine: its phrase imposes 罚款 ("处…罚款", "罚款二千元") */
  fine: boolean;
  /** the fine is named in a condition ("处以二百元以下罚款的，可以当场…"), not imposed */
  conditional: boolean;
  /** the fine is for the persons responsible ("对直接负责的主管人员…处…罚款"), not the operator itself */
  persons: boolean;
}

const N = NUMBER_SOURCE;
const TO = '(?:以上|至|到|－|-|—|～|~)';
// "五千元以上五万元以下", "二千元以上二万以下" (旅游法第九十八条 drops the second 元), "五千至五万元", "二万元".
const MONEY = new RegExp(
  `(?:人民币)?(${N})(元)?${TO}(?:人民币)?(${N})(元)?(以下)?(?<=元|元以下|以下)|(?:人民币)?(${N})元(以上|以下)?`,
  'g',
);
const MULTIPLE = new RegExp(`(${N})倍${TO}(${N})倍(?:以下)?|(${N})倍(以上|以下)?`, 'g');
const DURATION_UNIT: Readonly<Record<string, number>> = { 日: 1, 天: 1, 月: 30, 年: 365 };
const DURATION = new RegExp(`(${N})(?:个)?(?:工作)?(日|天|月|年)${TO}(${N})(?:个)?(?:工作)?(日|天|月|年)(?:以下)?|(${N})(?:个)?(?:工作)?(日|天|月|年)(以上|以下|以内|内)?`, 'g');
const RATIO = /(百|千|万)分之([零〇一二两三四五六七八九十百千\d.]+)|([\d.]+)[%％]/g;

/** Phrases: the parts of a text between commas, semicolons and full stops. */
function phraseAround(text: string, start: number, end: number): { before: string; after: string } {
  const stop = /[，,。；;：:\n]/;
  let s = start;
  while (s > 0 && !stop.test(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && !stop.test(text[e]!)) e++;
  return { before: text.slice(s, start), after: text.slice(end, e) };
}

function provisionBefore(text: string, start: number): string {
  let s = start;
  while (s > 0 && !/[。；;\n]/.test(text[s - 1]!)) s--;
  return text.slice(s, start);
}

const FINE_WORD = /(?<!加处|加收)罚款/;
// "违法所得十万元以上的", "货值金额不足一万元的": a threshold of the wrong, not the fine.
const THRESHOLD_BEFORE = /(?:违法所得|货值|金额|营业额|经营额|销售额|收入|不足|超过|达到|累计)[^，。；]{0,3}$/;

/** Sums of money in yuan with the ranges they span, and whether each is a fine. */
export function moneyIn(text: string): MoneyAmount[] {
  const out: MoneyAmount[] = [];
  MONEY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MONEY.exec(text)) !== null) {
    let min: number;
    let max: number;
    let start = m.index;
    if (m[1] !== undefined) {
      if (m[2] === undefined && m[4] === undefined) continue; // no 元 on either side: not money
      const a = parseTail(m[1]);
      const b = parseAmount(m[3]!);
      if (!a || b === undefined) continue;
      start += m[0].indexOf(m[1]) + a.skipped;
      // "五千至五万元": the first number is in yuan too.
      min = a.value;
      max = b;
    } else {
      const a = parseTail(m[6]!);
      if (!a) continue;
      start += m[0].indexOf(m[6]!) + a.skipped;
      min = m[7] === '以下' ? 0 : a.value;
      max = m[7] === '以上' ? Infinity : a.value;
    }
    const end = m.index + m[0].length;
    const { before, after } = phraseAround(text, start, end);
    const threshold = THRESHOLD_BEFORE.test(before) || /^的(?!罚款)/.test(after);
    const fine = !threshold && (FINE_WORD.test(after) || /罚款[^，。；]{0,4}$/.test(before)) && !/^[^，。；]*?(?:加处|加收)罚款/.test(after);
    // "处以二百元以下罚款的，可以当场作出…决定" (行政处罚法第五十一条): the fine is the condition's, not imposed.
    const conditional = fine && /的$/.test(after);
    const persons = /(?:对|其)[^，。；]{0,24}(?:人员|负责人)/.test(provisionBefore(text, start));
    out.push({ min, max, start, end, text: text.slice(start, end), fine, conditional, persons });
  }
  return out;
}

/** Multiples of the illegal gains or the goods' value ("违法所得一倍以上五倍以下罚款"), in phrases that impose a fine. */
export function multiplesIn(text: string): Quantity[] {
  const out: Quantity[] = [];
  MULTIPLE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MULTIPLE.exec(text)) !== null) {
    const { after } = phraseAround(text, m.index, m.index + m[0].length);
    if (!FINE_WORD.test(after)) continue;
    const a = parseTail((m[1] ?? m[3])!);
    if (!a) continue;
    const b = m[2] !== undefined ? parseAmount(m[2]) : undefined;
    const min = m[4] === '以下' ? 0 : a.value;
    const max = m[2] !== undefined ? b : m[4] === '以上' ? Infinity : a.value;
    if (max === undefined) continue;
    const start = m.index + m[0].indexOf((m[1] ?? m[3])!) + a.skipped;
    out.push({ min, max, start, end: m.index + m[0].length, text: text.slice(start, m.index + m[0].length) });
  }
  return out;
}

/** Periods in days ("一个月至六个月" 30–180, "十五日" 15, "三年内" 1095); calendar years such as "2024年" are dates, not periods. */
export function durationsIn(text: string): Quantity[] {
  const out: Quantity[] = [];
  DURATION.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DURATION.exec(text)) !== null) {
    const single = m[1] === undefined;
    const rawA = (single ? m[5] : m[1])!;
    const a = parseTail(rawA);
    if (!a) continue;
    const unitA = DURATION_UNIT[(single ? m[6] : m[2])!]!;
    // "2024年6月8日": a date.
    if (/[年月]$/.test(m[0]) && /^[\d０-９]/.test(text.slice(m.index + m[0].length))) continue;
    if (unitA === 365 && a.value >= 1000) continue;
    if (/[年月][\d０-９]*$/.test(text.slice(Math.max(0, m.index - 3), m.index)) && /^[\d０-９]/.test(rawA)) continue;
    const start = m.index + m[0].indexOf(rawA) + a.skipped;
    let min = a.value * unitA;
    let max = min;
    if (!single) {
      const b = parseAmount(m[3]!);
      if (b === undefined) continue;
      max = b * DURATION_UNIT[m[4]!]!;
    } else if (m[7] === '以上') max = Infinity;
    else if (m[7] === '以下') min = 0;
    // "三年内", "以内": the period itself (旅游法第一百零三条 "未逾三年" is the same three years).
    out.push({ min, max, start, end: m.index + m[0].length, text: text.slice(start, m.index + m[0].length) });
  }
  return out;
}

/** Ratios ("百分之三" 0.03, "万分之五" 0.0005, "3%" 0.03). */
export function ratiosIn(text: string): Quantity[] {
  const out: Quantity[] = [];
  RATIO.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RATIO.exec(text)) !== null) {
    const base = m[1] === '千' ? 1000 : m[1] === '万' ? 10000 : 100;
    const v = m[2] !== undefined ? parseAmount(m[2]) : Number(m[3]);
    if (v === undefined || !Number.isFinite(v)) continue;
    out.push({ min: v / base, max: v / base, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

/** Does range `inner` lie within `outer`? */
export function within(inner: Pick<Quantity, 'min' | 'max'>, outer: Pick<Quantity, 'min' | 'max'>): boolean {
  return inner.min >= outer.min && inner.max <= outer.max;
}

/** "五千元以上五万元以下" for 5000–50000, "二万元" for 20000: for explanations. */
export function describeYuan(q: Pick<Quantity, 'min' | 'max'>): string {
  const y = (n: number): string => `${formatAmount(n)}元`;
  if (q.min === q.max) return y(q.min);
  if (q.min === 0) return `${y(q.max)}以下`;
  if (q.max === Infinity) return `${y(q.min)}以上`;
  return `${y(q.min)}以上${y(q.max)}以下`;
}

/** 50000 → "五万", 2000 → "二千", 15000 → "一万五千", 1.5 → "1.5". */
export function formatAmount(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 1e12) return String(n);
  const group = (g: number): string => {
    const D = '零一二三四五六七八九';
    const parts: string[] = [];
    let zero = false;
    for (const [value, name] of [[1000, '千'], [100, '百'], [10, '十'], [1, '']] as const) {
      const d = Math.floor(g / value) % 10;
      if (d === 0) {
        if (parts.length > 0) zero = true;
        continue;
      }
      if (zero) parts.push('零');
      zero = false;
      parts.push(`${D[d]}${name}`);
    }
    return parts.join('');
  };
  const yi = Math.floor(n / 1e8);
  const wan = Math.floor((n % 1e8) / 1e4);
  const low = n % 1e4;
  let s = '';
  if (yi > 0) s += `${group(yi)}亿`;
  if (wan > 0) s += `${yi > 0 && wan < 1000 ? '零' : ''}${group(wan)}万`;
  if (low > 0) s += `${(yi > 0 || wan > 0) && low < 1000 ? '零' : ''}${group(low)}`;
  // "一十万" reads "十万" when ten leads.
  return s.replace(/^一十/, '十');
}
