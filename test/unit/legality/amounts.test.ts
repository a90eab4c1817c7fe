/**
 * Amounts as drafts and laws write them (domain/legality/amounts.ts): Chinese numerals, digits and
 * mixtures read as numbers, fine ranges told from thresholds and conditions, periods and ratios.
 */
import { describeYuan, durationsIn, formatAmount, moneyIn, multiplesIn, parseAmount, ratiosIn, within } from '../../../domain/legality/amounts';

describe('parseAmount', () => {
  it.each([
    ['五千', 5000],
    ['五万', 50000],
    ['二万', 20000],
    ['两万', 20000],
    ['五十万', 500000],
    ['一千', 1000],
    ['十', 10],
    ['十五万', 150000],
    ['一百万', 1000000],
    ['一万五千', 15000],
    ['一万零五', 10005],
    ['一万五', 15000],
    ['三千五', 3500],
    ['10万', 100000],
    ['1.5万', 15000],
    ['5000', 5000],
    ['5,000', 5000],
    ['５０００', 5000],
    ['３万', 30000],
    ['5千', 5000],
    ['壹万伍仟', 15000],
    ['一亿', 100000000],
  ])('%s is %d', (raw, value) => {
    expect(parseAmount(raw)).toBe(value);
  });

  it.each(['', '万', '一二', '百五', '元', 'abc'])('"%s" is no amount', (raw) => {
    expect(parseAmount(raw)).toBeUndefined();
  });
});

describe('moneyIn', () => {
  it('reads a fine range with both ends', () => {
    const [a] = moneyIn('由区文旅局处五万元以上五十万元以下罚款。');
    expect(a).toMatchObject({ min: 50000, max: 500000, text: '五万元以上五十万元以下', fine: true, conditional: false, persons: false });
  });

  it('reads the second end without 元 (旅游法第九十八条 "二千元以上二万以下罚款") and ranges written with 至', () => {
    expect(moneyIn('处二千元以上二万以下罚款')[0]).toMatchObject({ min: 2000, max: 20000, fine: true });
    expect(moneyIn('处5000元至5万元罚款')[0]).toMatchObject({ min: 5000, max: 50000, fine: true });
  });

  it('reads fixed fines before or after the word 罚款', () => {
    expect(moneyIn('处以二万元罚款')[0]).toMatchObject({ min: 20000, max: 20000, fine: true });
    expect(moneyIn('处二千元的罚款')[0]).toMatchObject({ min: 2000, max: 2000, fine: true });
    expect(moneyIn('并处罚款人民币1.5万元。')[0]).toMatchObject({ min: 15000, max: 15000, fine: true });
  });

  it('tells a threshold of the wrong from the fine, and the persons responsible from the operator', () => {
    const found = moneyIn('并处一万元以上十万元以下罚款；违法所得十万元以上的，并处违法所得一倍以上五倍以下罚款；对有关责任人员，处二千元以上二万元以下罚款。');
    expect(found.map((a) => [a.min, a.max, a.fine, a.persons])).toEqual([
      [10000, 100000, true, false],
      [100000, Infinity, false, false],
      [2000, 20000, true, true],
    ]);
  });

  it('marks a fine named in a condition (行政处罚法第五十一条) as conditional', () => {
    const found = moneyIn('对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的行政处罚的，可以当场作出行政处罚决定。');
    expect(found.map((a) => [a.max, a.conditional])).toEqual([
      [200, true],
      [3000, true],
    ]);
  });

  it('a sum that is not a fine is read but not marked as one', () => {
    expect(moneyIn('新设立的旅行社应当向区文旅局缴纳五万元诚信经营保证金。')[0]).toMatchObject({ min: 50000, fine: false });
  });

  it('skips characters before the number that are not part of it', () => {
    expect(moneyIn('统一五千元')[0]).toMatchObject({ min: 5000, text: '五千元' });
  });
});

describe('multiples, periods and ratios', () => {
  it('reads multiples of the illegal gains only where they are fines', () => {
    expect(multiplesIn('并处违法所得一倍以上五倍以下罚款').map((q) => [q.min, q.max])).toEqual([[1, 5]]);
    expect(multiplesIn('价格提高一倍以上的')).toEqual([]);
  });

  it('reads periods in days and leaves dates alone', () => {
    expect(durationsIn('责令停业整顿一个月至六个月').map((q) => [q.min, q.max])).toEqual([[30, 180]]);
    expect(durationsIn('自处罚之日起未逾三年的').map((q) => q.max)).toEqual([1095]);
    expect(durationsIn('责令停业整顿15日').map((q) => q.max)).toEqual([15]);
    expect(durationsIn('于2024年6月8日15时许')).toEqual([]);
  });

  it('reads ratios', () => {
    expect(ratiosIn('每日按罚款数额的百分之三加处罚款').map((q) => q.max)).toEqual([0.03]);
    expect(ratiosIn('万分之五')[0]!.max).toBeCloseTo(0.0005);
  });
});

describe('comparing and writing amounts', () => {
  it('within: a range inside another', () => {
    expect(within({ min: 10000, max: 10000 }, { min: 5000, max: 50000 })).toBe(true);
    expect(within({ min: 50000, max: 500000 }, { min: 5000, max: 50000 })).toBe(false);
    expect(within({ min: 1000, max: 50000 }, { min: 5000, max: 50000 })).toBe(false);
  });

  it('writes amounts as a law does', () => {
    expect([5000, 50000, 500000, 15000, 10005, 100000, 120000].map(formatAmount)).toEqual(['五千', '五万', '五十万', '一万五千', '一万零五', '十万', '十二万']);
    expect(describeYuan({ min: 5000, max: 50000 })).toBe('五千元以上五万元以下');
    expect(describeYuan({ min: 0, max: 3000 })).toBe('三千元以下');
    expect(describeYuan({ min: 20000, max: 20000 })).toBe('二万元');
  });
});
