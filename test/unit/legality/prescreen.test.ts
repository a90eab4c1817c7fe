/**
 * The legality pre-screen (domain/legality): what a clause creates, the exact span and clause, the
 * breached provision quoted from the shipped law texts, the checks of what a clause cites, and the
 * contexts that make a clause lawful.
 */
import { LEGALITY_CODES, LEGALITY_FINGERPRINT, legalityPrescreen, type LegalityFinding } from '../../../domain/legality';
import { articleOf, lawLibrary } from '../../../domain/laws/library';

const codes = (text: string): string[] => [...new Set(legalityPrescreen(text).findings.map((f) => f.code))].sort();
const only = (text: string): LegalityFinding => {
  const { findings } = legalityPrescreen(text);
  expect(findings).toHaveLength(1);
  return findings[0]!;
};

describe('what a clause creates', () => {
  it.each([
    ['LR-LICENCE', '第三条 在本区开办剧本杀门店的，须经区文化和旅游局审批同意后方可营业。', '《中华人民共和国行政许可法》第十七条'],
    ['LR-PENALTY', '第八条 民宿未按规定登记旅客信息的，由区文旅局处以二千元罚款。', '《中华人民共和国行政处罚法》第十六条'],
    ['LR-COMPULSION', '第九条 对无证经营的网吧，区文旅局可以查封其经营场所，扣押电脑设备。', '《中华人民共和国行政强制法》第十条'],
    ['LR-FEE', '第四条 新设立的旅行社应当向区文旅局缴纳五万元诚信经营保证金。', '《中华人民共和国立法法》第九十三条第六款'],
    ['LR-OBLIGATION', '第六条 旅行社应当于每月5日前向区文旅局报送团队接待数据和营业收入。', '《中华人民共和国立法法》第九十三条第六款'],
  ])('%s: exact span, clause, explanation and the breached provision quoted from the law library', (code, text, basis) => {
    const f = only(text);
    expect(f.code).toBe(code);
    expect(text.slice(f.start, f.end)).toBe(f.excerpt);
    expect(f.excerpt.length).toBeGreaterThan(1);
    expect(f.clause).toBe(text.slice(0, 3));
    expect(f.basis).toBe(basis);
    expect(f.explanation).toContain(basis);
    expect(f.explanation).toContain(f.basisText.replace(/\n/g, ''));
    expect(['high', 'medium', 'low']).toContain(f.confidence);
    // the quoted words are the library's, not typed in by hand
    const m = /《(.+)》第(.+?)条(?:第(.+)款)?/.exec(basis)!;
    const law = lawLibrary().find(m[1]!)!;
    const article = law.articles.find((a) => a.label === `第${m[2]}条`)!;
    expect(article.text).toContain(f.basisText);
  });

  it('reports every code it knows and nothing else', () => {
    const doc = [
      '第一条 在本区开办剧本杀门店的，须经区文化和旅游局审批同意后方可营业。',
      '第二条 民宿未按规定登记旅客信息的，由区文旅局处以二千元罚款。',
      '第三条 对无证经营的网吧，区文旅局可以查封其经营场所。',
      '第四条 新设立的旅行社应当向区文旅局缴纳五万元诚信经营保证金。',
      '第五条 旅行社应当于每月5日前向区文旅局报送团队接待数据。',
    ].join('\n');
    expect(codes(doc)).toEqual([...LEGALITY_CODES].sort());
  });

  it.each([
    ['a filing the bureau can refuse (备案 as approval)', '游船新增船只投入营运的，应当报区文旅局备案，区文旅局自收到备案材料之日起十日内作出是否同意投入营运的决定。', 'LR-LICENCE'],
    ['an annual inspection (年检)', '各类演艺场所每年应当进行年检，未年检或者年检不合格的，经营许可证自行失效。', 'LR-LICENCE'],
    ['an entry permit (准入证)', '民宿经营者应当在开业前向街道办事处申领《民宿经营准入证》。', 'LR-LICENCE'],
    ['a deposit (押金)', '参加区文旅节的商户须预交摊位押金一千元。', 'LR-FEE'],
    ['suspending other business as a sanction', '经营者有违反本办法行为的，区文旅局可暂停为其办理其他行政审批事项。', 'LR-PENALTY'],
    ['a blacklist with joint punishment', '对列入文旅市场黑名单的经营主体，由各部门实施联合惩戒，五年内不得参与政府采购。', 'LR-PENALTY'],
    ['a licence on top of the lawful one', '举办营业性电竞赛事，除依法办理相关手续外，还须报区文化和旅游局审核同意。', 'LR-LICENCE'],
  ])('disguised forms count: %s', (_, text, code) => {
    expect(codes(text)).toContain(code);
  });

  it('a licence on top of a lawful one cites 行政许可法 art. 16 para. 4 (no extra licences below the law)', () => {
    const f = legalityPrescreen('民宿经营者除依法取得营业执照外，还须取得区文旅局发放的民宿经营许可证。').findings.find((x) => x.code === 'LR-LICENCE')!;
    expect(f.basis).toBe('《中华人民共和国行政许可法》第十六条第四款');
    expect(f.basisText).toContain('不得增设行政许可');
  });
});

describe('context that makes a clause lawful', () => {
  it.each([
    ['it cites the shipped article that sets the measure', '未经许可经营旅行社业务的，由区文化和旅游局依照《旅游法》第九十五条的规定责令改正，没收违法所得，并处一万元以上十万元以下罚款。'],
    ['it restates a shipped article without citing it', '旅行社应当按照规定交纳旅游服务质量保证金，用于旅游者权益损害赔偿和垫付旅游者人身安全遇有危险时紧急救助的费用。'],
    ['it relies on a licence the law sets (依法取得…许可证)', '网吧经营单位应当依法取得《网络文化经营许可证》和营业执照后方可开业。'],
    ['it cites an administrative regulation we do not ship', '设立娱乐场所，应当依照《娱乐场所管理条例》的规定向区文化和旅游局提出申请，取得娱乐经营许可证。'],
    ['it refers penalties to the laws that set them', '对违反本办法规定的行为，法律、法规已有处罚规定的，由有关部门依照其规定处罚。'],
    ['it binds only the bureau\'s own staff', '局机关各科室经费支出五千元以上的，须经分管局领导审批。'],
    ['it is a duty of the administration itself', '区文旅局应当在收到申请之日起五个工作日内完成审核，并将审核结果告知申请人。'],
    ['it offers a voluntary service', '鼓励民宿经营者自愿申请等级评定，评定结果向社会公布。'],
    ['it forbids the measure', '不得向旅游经营者收取任何保证金、押金或者以其他形式变相收费。'],
    ['it is a condition of a subsidy', '申请旅游发展专项资金的项目，经区文旅局审核、区财政局复核后拨付资金。'],
    ['it defines a term', '本办法所称民宿，是指利用城乡居民自有住宅等资源，为游客提供住宿服务的小型经营场所。'],
    ['a later provision continues the cited sanction', '网吧接纳未成年人的，依照《互联网上网服务营业场所管理条例》第三十一条给予警告，可以并处罚款；情节严重的，责令停业整顿。'],
  ])('no finding when %s', (_, text) => {
    expect(legalityPrescreen(text).findings).toEqual([]);
  });

  it('a local policy is no legal basis', () => {
    expect(codes('依照《本区民宿管理暂行办法》，民宿经营者未悬挂等级标识的，处五百元罚款。')).toEqual(['LR-PENALTY']);
  });
});

describe('the law-reference check is real', () => {
  it('an article the law does not have is reported with the law\'s length', () => {
    const f = only('依照《中华人民共和国旅游法》第一百二十条的规定，对未按时报送数据的旅行社处以五千元罚款。');
    expect(f.code).toBe('LR-PENALTY');
    expect(f.confidence).toBe('high');
    expect(f.explanation).toContain('所引《旅游法》第一百二十条不存在');
    expect(f.explanation).toContain(`共一百一十二条`);
  });

  it('an article that exists but does not set the measure is quoted back', () => {
    const f = only('根据《旅游法》第三十一条，旅行社违反本办法的，由区文旅局处以二万元罚款。');
    expect(f.explanation).toContain('《旅游法》第三十一条规定的是“旅行社应当按照规定交纳旅游服务质量保证金');
    expect(f.explanation).toContain('并未规定');
  });

  it('a fine above the cited article\'s range is reported with both amounts', () => {
    const f = only('旅行社违反本办法的，依照《旅游法》第九十五条处以二十万元罚款。');
    expect(f.explanation).toMatch(/最高200000元.*最高100000元/);
  });

  it('an article that only allocates the power to set a measure does not set it', () => {
    const f = only('依据《行政许可法》第十二条，在本区经营密室逃脱项目须经区文旅局审批。');
    expect(f.code).toBe('LR-LICENCE');
    expect(f.explanation).toContain('设定权限');
  });

  it('an article about another regulated party does not cover this one', () => {
    const f = legalityPrescreen('依照《旅游法》第九十五条，对未经备案经营民宿的，处五千元罚款。').findings[0]!;
    expect(f.explanation).toMatch(/针对的是旅行社.*不涉及.*住宿/);
  });

  it('a definition article sets nothing', () => {
    expect(legalityPrescreen('根据《行政强制法》第二条，区文旅局可以对违规经营的网吧采取断电措施。').findings[0]!.explanation).toContain('定义条款');
  });

  it('a paragraph the article does not have is reported', () => {
    expect(only('依照《旅游法》第三十一条第三款，旅行社应当向区文旅局缴纳五万元保证金。').explanation).toMatch(/第三十一条第三款不存在（该条共一款）/);
  });
});

describe('the clause-level legal-basis register', () => {
  const text = '第一条 总则。\n第二条 旅行社应当向区文旅局交纳旅游服务质量保证金五万元。';

  it('a registered basis that supports the measure clears the clause', () => {
    expect(legalityPrescreen(text).findings.map((f) => f.code)).toEqual(['LR-FEE']);
    expect(legalityPrescreen(text, { register: [{ clause: '第二条', law: '旅游法', article: 31 }] }).findings).toEqual([]);
  });

  it('an entry for another clause does not', () => {
    expect(legalityPrescreen(text, { register: [{ clause: '第一条', law: '旅游法', article: 31 }] }).findings).toHaveLength(1);
  });

  it('a registered article that does not exist is reported against the register', () => {
    const f = legalityPrescreen(text, { register: [{ clause: '第二条', law: '中华人民共和国旅游法', article: 131 }] }).findings[0]!;
    expect(f.explanation).toContain('合法性依据登记表：所引《旅游法》第一百三十一条不存在');
  });

  it('a registered regulation we do not ship is trusted as named', () => {
    expect(legalityPrescreen(text, { register: [{ clause: '第二条', law: '旅行社条例', article: 13 }] }).findings).toEqual([]);
  });
});

describe('purity', () => {
  it('the same text always gives the same findings and fingerprint', () => {
    const doc = '第一条 旅行社应当于每月5日前向区文旅局报送数据。\n第二条 违反的，处以二千元罚款。';
    const first = legalityPrescreen(doc);
    for (let i = 0; i < 3; i++) expect(legalityPrescreen(doc)).toEqual(first);
    expect(first.fingerprint).toEqual(LEGALITY_FINGERPRINT);
  });

  it('empty or blank text has no findings; a non-string is refused', () => {
    expect(legalityPrescreen('').findings).toEqual([]);
    expect(legalityPrescreen(' \n\t').findings).toEqual([]);
    expect(() => legalityPrescreen(42 as unknown as string)).toThrow(TypeError);
  });

  it('the library has the articles the catalogue quotes', () => {
    const law = lawLibrary().find('行政许可法')!;
    expect(articleOf(law, 17)!.text).toBe('除本法第十四条、第十五条规定的外，其他规范性文件一律不得设定行政许可。');
  });
});
