/**
 * A clause that restates or names a law is checked against what the law says: its amounts, its
 * sanctions, its periods and the acting authority (LR-P2 / LR-C2). Restating 旅游法第九十九条 at ten
 * times its range, or naming 《旅游法》 without an article for a fine it sets for no one, is reported.
 */
import { legalityPrescreen } from '../../../domain/legality';
import { departuresFrom } from '../../../domain/legality/departures';
import { readRestatement } from '../../../domain/legality/restatement';

const findings = (text: string) => legalityPrescreen(text).findings;

describe('a restatement counts only if it keeps to the restated paragraph', () => {
  it('ten times 旅游法第九十九条 range is reported, naming the article and both ranges', () => {
    const fs = findings('旅行社未履行报告义务的，由区文旅局处五万元以上五十万元以下罚款。');
    expect(fs).toHaveLength(1);
    const f = fs[0]!;
    expect(f.code).toBe('LR-PENALTY');
    expect(f.excerpt).toBe('处五万元以上五十万元以下罚款');
    expect(f.explanation).toContain('《旅游法》第九十九条');
    expect(f.explanation).toContain('五万元以上五十万元以下');
    expect(f.explanation).toContain('五千元以上五万元以下');
    expect(f.explanation).toContain('LR-C2');
    expect(f.explanation).toContain('LR-P2');
  });

  it.each([
    ['the paragraph\'s own range and measure, named by the law\'s words', '旅行社未履行报告义务的，由旅游主管部门责令改正，处五千元以上五万元以下罚款'],
    ['the same with the district\'s bureau and the aggravated measures', '旅行社未履行报告义务的，由区文旅局处五千元以上五万元以下罚款；情节严重的，责令停业整顿或者吊销旅行社业务经营许可证。'],
    ['a fixed amount inside the range, in digits', '旅行社未履行报告义务的，由区文旅局处1万元罚款。'],
    ['a range in digits and 万', '旅行社拒绝履行合同的，由区文旅局责令改正，处3万元以上30万元以下罚款，并责令停业整顿。'],
    ['the persons responsible at their own range', '未经许可经营旅行社业务的，由区文化和旅游局责令改正，没收违法所得，并处一万元以上十万元以下罚款；违法所得十万元以上的，并处违法所得一倍以上五倍以下罚款；对有关责任人员，处二千元以上二万元以下罚款。'],
    ['a threshold of the paragraph split from its fine by a semicolon', '旅行社违反规定，向不合格的供应商订购产品和服务的，由区文旅局责令改正，没收违法所得，并处五千元以上五万元以下罚款；违法所得五万元以上的，并处违法所得一倍以上五倍以下罚款。'],
    ['the paragraph\'s period', '景区超过最大承载量接待游客的，由区文旅局责令改正，情节严重的，责令停业整顿一个月至六个月。'],
    ['a scenic area\'s competent department read as the tourism bureau', '景区不符合开放条件而接待旅游者的，由区文旅局责令停业整顿直至符合开放条件，并处二万元以上二十万元以下罚款。'],
  ])('no finding for a faithful restatement: %s', (_, text) => {
    expect(findings(text)).toEqual([]);
  });

  it.each([
    ['a wider range (lower minimum)', '旅行社未履行报告义务的，由区文旅局处一千元以上五万元以下罚款。', /最低1000元.*最低5000元/],
    ['a higher range for another paragraph', '导游、领队私自承揽业务的，由区文旅局责令改正，没收违法所得，处一万元以上十万元以下罚款。', /第一百零二条第二款.*一千元以上一万元以下/],
    ['an added sanction', '旅行社未履行报告义务的，由区文旅局处五千元以上五万元以下罚款，并处行政拘留。', /增设了《旅游法》第九十九条没有规定的行政拘留/],
    ['an added sanction of another paragraph of the article', '未取得导游证从事导游活动的，由区文旅局责令改正，没收违法所得，并处一千元以上一万元以下罚款，并暂扣导游证。', /没有规定的暂扣证照/],
    ['another authority', '旅行社未履行报告义务的，由街道办事处处五千元以上五万元以下罚款。', /由街道办事处实施.*由旅游主管部门实施/],
    ['a longer period', '景区超过最大承载量接待游客的，由区文旅局责令改正，情节严重的，责令停业整顿一个月至一年。', /一个月至一年.*一个月至六个月/],
    ['a lower threshold, read against the paragraph of the whole sentence', '旅行社违反规定，向不合格的供应商订购产品和服务的，由区文旅局责令改正，没收违法所得，并处五千元以上五万元以下罚款；违法所得一万元以上的，并处违法所得一倍以上五倍以下罚款。', /第九十七条.*一万元以上/],
    ['a higher multiple', '旅行社违反规定，向不合格的供应商订购产品和服务的，由区文旅局责令改正，没收违法所得，并处五千元以上五万元以下罚款；违法所得五万元以上的，并处违法所得一倍以上十倍以下罚款。', /一倍以上十倍以下.*一倍以上五倍以下/],
  ])('a departure is reported: %s', (_, text, why) => {
    const fs = findings(text);
    expect(fs.map((f) => f.code)).toEqual(['LR-PENALTY']);
    expect(fs[0]!.explanation).toMatch(why);
    expect(fs[0]!.explanation).toContain('LR-C2');
  });

  it('readRestatement names the paragraph and lists the departures', () => {
    const r = readRestatement('旅行社未履行报告义务的，由区文旅局处五万元以上五十万元以下罚款。')!;
    expect(r.label).toBe('《旅游法》第九十九条');
    expect(r.departures).toHaveLength(1);
    expect(readRestatement('旅行社未履行报告义务的，由区文旅局处五千元以上五万元以下罚款。')!.departures).toEqual([]);
  });

  it('departuresFrom compares thresholds, ratios and authorities only when asked', () => {
    const law = '当事人到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。';
    const clause = '当事人到期不缴纳罚款的，每日按罚款数额的百分之五加处罚款。';
    expect(departuresFrom(clause, law, '《行政处罚法》第七十二条')).toEqual([]);
    expect(departuresFrom(clause, law, '《行政处罚法》第七十二条', { quantities: true })[0]).toMatch(/百分之五.*百分之三/);
  });
});

describe('a law named without an article is read article by article', () => {
  it('a fine no article of the named law sets is reported, at lower confidence', () => {
    const fs = findings('依照《旅游法》有关规定，民宿未登记旅客信息的，由区文旅局处二万元罚款。');
    expect(fs).toHaveLength(1);
    expect(fs[0]!.code).toBe('LR-PENALTY');
    expect(fs[0]!.confidence).toBe('medium');
    expect(fs[0]!.explanation).toContain('所引《旅游法》未写明条款');
  });

  it('a fine above every range the law sets for the party names the nearest article', () => {
    const f = findings('依照《旅游法》的规定，旅行社未履行报告义务的，由区文旅局处五十万元罚款。')[0]!;
    expect(f.explanation).toMatch(/最接近的.*《旅游法》第九十九条/);
  });

  it('a party the law does not speak of is not covered by its fines for others', () => {
    expect(findings('依照《旅游法》有关规定，开办剧本杀门店的，由区文旅局处二万元罚款。').map((f) => f.code)).toEqual(['LR-PENALTY']);
  });

  it('a law\'s title is not itself a measure: one finding, for the fine', () => {
    expect(findings('依照《行政处罚法》有关规定，民宿未按规定登记的，处二千元罚款。').map((f) => f.excerpt)).toEqual(['处二千元罚款']);
  });

  it.each([
    ['an article of it sets the fine for the party within its range', '依照《旅游法》的规定，对未经许可经营旅行社业务的，处一万元以上十万元以下罚款。'],
    ['it sets the fine the clause repeats', '旅行社未按照规定投保旅行社责任保险的，依照《旅游法》有关规定，由区文旅局处五千元以上五万元以下罚款。'],
    ['it refers the penalty to the law', '旅行社违反本办法规定的，依照《中华人民共和国旅游法》的有关规定予以处罚。'],
    ['it sets the licence', '设立旅行社，应当依照《旅游法》的规定取得旅游主管部门的许可。'],
  ])('no finding when %s', (_, text) => {
    expect(findings(text)).toEqual([]);
  });
});

describe('every measure kind, not only a fine, is searched in a law named without an article', () => {
  // 行政许可法第十七条、行政强制法第十条、LR-P2/LR-C1: naming a law is no basis unless one of its articles
  // sets this measure for this party; a clause no article supports stays a finding, one step lower.
  it.each([
    ['LR-LICENCE', 'medium', '依照《旅游法》有关规定，民宿经营者须向区文旅局申领《民宿经营许可证》后方可营业。'],
    ['LR-LICENCE', 'medium', '依照《旅游法》有关规定，剧本杀门店须经区文旅局审批后方可开业。'],
    ['LR-FEE', 'medium', '依照《旅游法》的规定，区内旅行社应当向区文旅局交纳每年五千元的管理费。'],
    ['LR-FEE', 'medium', '依照《旅游法》有关规定，景区应当向区文旅局缴纳旅游资源保护费。'],
    ['LR-COMPULSION', 'medium', '依照《行政强制法》有关规定，对无证经营的民宿，区文旅局可以查封其经营场所。'],
    ['LR-COMPULSION', 'medium', '依照《旅游法》有关规定，对违规经营的民宿，区文旅局可以扣押其床上用品。'],
    ['LR-OBLIGATION', 'low', '依照《旅游法》有关规定，民宿经营者应当每月向区文旅局报送入住旅客信息。'],
  ])('%s kept at %s: %s', (code, confidence, text) => {
    const fs = findings(text);
    expect(fs.map((f) => f.code)).toEqual([code]);
    expect(fs[0]!.confidence).toBe(confidence);
    expect(fs[0]!.explanation).toContain('未写明条款');
  });

  it('a deposit the law sets under another name is not that deposit; the nearest article is named', () => {
    const f = findings('依照《旅游法》有关规定，区内旅行社应当交纳旅游安全保证金。')[0]!;
    expect(f.code).toBe('LR-FEE');
    expect(f.explanation).toMatch(/最接近的.*《旅游法》第三十一条/);
  });

  it.each([
    ['the law requires the guide\'s certificate', '依照《旅游法》有关规定，区内导游须持有导游证后方可从事导游活动。'],
    ['the law sets that deposit', '依照《旅游法》有关规定，区内旅行社应当交纳质量保证金。'],
    ['the law sets that insurance', '依照《旅游法》有关规定，区内旅行社须按规定投保旅行社责任保险。'],
  ])('no finding when %s', (_, text) => {
    expect(findings(text)).toEqual([]);
  });
});

describe('a departmental document founds no licence or compulsory measure', () => {
  // 行政许可法第十七条, 行政强制法第十条第四款: only laws and regulations set them; a title naming a ministry
  // or a local department as its issuer is at most a 规章.
  it.each([
    ['LR-LICENCE', '依照《文化和旅游部旅游民宿管理办法》，民宿须取得区文旅局颁发的经营许可证后方可营业。'],
    ['LR-LICENCE', '依照《天津市文化和旅游局民宿管理办法》，民宿须取得区文旅局颁发的经营许可证后方可营业。'],
    ['LR-COMPULSION', '依照《天津市文化和旅游局民宿管理办法》，对无证经营的民宿，区文旅局可以查封其经营场所。'],
  ])('%s: %s', (code, text) => {
    expect(findings(text).map((f) => f.code)).toEqual([code]);
  });

  it('a 部门规章 may still set a warning (行政处罚法第十三条), as before', () => {
    expect(findings('依照《文化和旅游部导游管理办法》，导游违反规定的，由区文旅局给予警告。')).toEqual([]);
  });
});

describe('a cited article is held to its amounts, sanctions and authority', () => {
  it('no finding when the article is cited with its own range', () => {
    expect(findings('依照《旅游法》第九十九条，旅行社未履行报告义务的，由区文旅局处五千元以上五万元以下罚款。')).toEqual([]);
  });

  it.each([
    ['a fine below the minimum', '依照《旅游法》第九十五条，对未经许可经营旅行社业务的，处五千元罚款。', /最低5000元.*最低10000元/],
    ['an added sanction', '依照《旅游法》第九十九条，旅行社未履行报告义务的，由区文旅局处五千元以上五万元以下罚款，并处拘留。', /没有规定的行政拘留/],
    ['another authority', '依照《旅游法》第九十九条，旅行社未履行报告义务的，由街道办事处处五千元以上五万元以下罚款。', /由街道办事处实施/],
  ])('reported: %s', (_, text, why) => {
    const fs = findings(text);
    expect(fs.map((f) => f.code)).toEqual(['LR-PENALTY']);
    expect(fs[0]!.explanation).toMatch(why);
  });
});
