import { readFileSync } from 'fs';
import { join } from 'path';
import { CURRENT_RULESET_VERSION, type Finding, prescreen } from '../../../domain/fair-competition';
import { PRESCREEN_FINGERPRINT } from '../../../domain/fair-competition/prescreen';

const sample = readFileSync(join(__dirname, 'fixtures/01-culture-tourism-consumption-measures.md'), 'utf8');
const codes = (text: string): string[] => [...new Set(prescreen(text).findings.map((f) => f.code))].sort();
const only = (text: string): Finding => {
  const { findings } = prescreen(text);
  expect(findings).toHaveLength(1);
  return findings[0]!;
};

describe('prescreen on the sample measures', () => {
  const result = prescreen(sample);

  it('flags exactly the four clauses marked [?] and nothing else', () => {
    expect(result.ruleSetVersion).toBe(CURRENT_RULESET_VERSION);
    expect(result.findings.map((f) => [f.clause, f.code, f.excerpt])).toEqual([
      ['第四条', 'FCR-A3', '局认定的唯一合作平台发放和核销，其他平台不得参与'],
      ['第五条', 'FCR-C2', '在本区纳税'],
      ['第七条', 'FCR-A2', '统一由区文旅发展公司经营'],
      ['第十条', 'FCR-B3', '本区企业额外加分'],
    ]);
  });

  it('reports exact spans into the original text', () => {
    for (const f of result.findings) expect(sample.slice(f.start, f.end)).toBe(f.excerpt);
    const c2 = result.findings.find((f) => f.code === 'FCR-C2')!;
    expect(c2.start).toBe(sample.indexOf('在本区纳税'));
    expect(c2.end).toBe(c2.start + '在本区纳税'.length);
  });

  it('explains each finding in plain Chinese with the citation', () => {
    const c2 = result.findings.find((f) => f.code === 'FCR-C2')!;
    expect(c2.explanation).toContain('可能构成《公平竞争审查条例》第十条第（二）项规定的“给予特定经营者选择性、差异化的财政奖励或者补贴”');
    expect(c2.explanation).toContain('如有法律、行政法规依据或者经国务院批准');
    expect(result.findings.every((f) => f.confidence === 'high')).toBe(true);
  });

  it('is deterministic, sorted by start and free of duplicates', () => {
    expect(prescreen(sample)).toEqual(result);
    const starts = result.findings.map((f) => f.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    const keys = result.findings.map((f) => `${f.code}@${f.start}-${f.end}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('each standard is caught on a representative clause', () => {
  it.each([
    ['FCR-A1', '在本区开办剧本杀门店，须经区文化和旅游局审批同意后方可营业。'],
    ['FCR-A2', '城区公共停车泊位经营权直接授予区停车公司，期限三十年。'],
    ['FCR-A3', '学校校服须从区教育局公布的入围企业名单中选购。'],
    ['FCR-A4', '参与本项目的企业注册资本不低于1亿元。'],
    ['FCR-A5', '全区网约车运力实行总量控制，暂停受理新的经营申请。'],
    ['FCR-B1', '外地生产的食品进入本县销售的，须重新检验合格后方可上架。'],
    ['FCR-B2', '外地企业在本区承接业务的，应当在本区设立分支机构。'],
    ['FCR-B3', '政府采购评审中，对在本县有纳税记录的供应商加3分。'],
    ['FCR-B4', '购买本市生产的电动汽车，每辆给予3000元补贴。'],
    ['FCR-B5', '外地建筑企业在本区施工的，须另行提交原注册地出具的无违法证明。'],
    ['FCR-B6', '区内企业招聘员工，应当优先招用本区户籍人员。'],
    ['FCR-C1', '对新引进的企业，按其缴纳增值税区级留成部分予以全额返还。'],
    ['FCR-C2', '按照企业上年度区级财力贡献的50%给予扶持资金。'],
    ['FCR-C3', '对重点招商项目实行零地价供地。'],
    ['FCR-C4', '区内商户须按营业面积缴纳市场管理费。'],
    ['FCR-D1', '由区旅游协会组织旅行社统一制定一日游价格。'],
    ['FCR-D2', '区文旅局制定全区旅游讲解服务收费标准。'],
    ['FCR-D3', '区内健身房年卡价格不得低于2000元。'],
    ['FCR-D4', '强制要求区内小型旅行社与区旅游集团合并重组。'],
  ])('%s: %s', (code, text) => {
    expect(codes(text)).toEqual([code]);
  });
});

describe('wording variants named in the issue are caught', () => {
  it.each([
    ['本县注册', '区级政府采购项目仅限本县注册的企业参与投标。', 'FCR-B3'],
    ['本区注册', '对在本区注册的文化企业给予房租补贴。', 'FCR-C2'],
    ['本市注册', '在本市注册的体育俱乐部，每年给予运营补贴300万元。', 'FCR-C2'],
    ['纳税', '对纳税地在本县的物流企业，每年给予运营补助20万元。', 'FCR-C2'],
    ['迁入', '申请专项资金的企业须将税收关系迁入本区。', 'FCR-B2'],
    ['入围', '各学校须从三家入围企业中采购校服。', 'FCR-A3'],
    ['备选库', '建设单位应当从区住建局建立的中介机构备选库中选取造价咨询机构。', 'FCR-A3'],
    ['统一执行', '全区洗车店普通洗车统一执行每次25元的价格。', 'FCR-D3'],
    ['不得低于', '区内旅行社一日游产品价格不得低于每人200元。', 'FCR-D3'],
  ])('%s', (_variant, text, code) => {
    expect(codes(text)).toEqual([code]);
  });
});

describe('context lowers or removes a flag', () => {
  it('a cited law that itself requires the approval removes the approval flag', () => {
    expect(codes('从事旅行社业务，须经区文旅局批准后方可经营。')).toEqual(['FCR-A1']);
    expect(codes('从事旅行社业务，应当依照《旅行社条例》取得经营许可后方可经营。')).toEqual([]);
    expect(codes('依法须经批准的项目，经相关部门批准后方可开展经营活动。')).toEqual([]);
  });

  it('a local policy cited as "basis" does not clear an approval', () => {
    expect(codes('依照《本区民宿管理若干措施》，开办民宿须经区文旅局审批同意。')).toEqual(['FCR-A1']);
  });

  it('open and equal competitive selection removes a designation or franchise flag', () => {
    expect(codes('城区停车服务实行特许经营，直接授予区停车公司。')).toEqual(['FCR-A2']);
    expect(codes('城区停车服务实行特许经营，特许经营者通过公开招标方式确定，期满后重新招标。')).toEqual([]);
    expect(codes('不经公开招标，直接将停车项目特许经营权授予某公司。')).toEqual(['FCR-A2']);
  });

  it('open selection that still leaves one exclusive provider only lowers the flag', () => {
    const f = only('消费券通过公开招标确定唯一合作平台，其他平台不得参与。');
    expect(f.code).toBe('FCR-A3');
    expect(f.confidence).toBe('medium');
    expect(f.explanation).toContain('公开竞争方式');
  });

  it('"不得…歧视" style safeguards remove the flag', () => {
    expect(codes('对外地企业实行从严的资质审核。')).toEqual(['FCR-B5']);
    expect(codes('不得对外地企业实行歧视性的资质审核。')).toEqual([]);
    expect(codes('对外地企业不得设置歧视性的准入条件。')).toEqual([]);
    expect(codes('不得要求外地企业在本区设立分支机构作为参加投标的条件。')).toEqual([]);
    expect(codes('区内各类市场主体依法平等享受扶持政策，不得以注册地或纳税地为条件。')).toEqual([]);
    expect(codes('严禁行业协会组织会员统一定价或者划分市场。')).toEqual([]);
  });

  it('tax and fee preferences with a national basis are cleared', () => {
    expect(codes('对区内重点企业免征企业所得税地方分享部分。')).toEqual(['FCR-C1']);
    expect(codes('对符合条件的小型微利企业，按照国家有关规定享受企业所得税优惠政策。')).toEqual([]);
    expect(codes('对受灾企业，依照国务院有关规定缓缴社会保险费。')).toEqual([]);
  });

  it('an art. 12 ground lowers the flag but keeps it, with a note on the exception', () => {
    const f = only('为保护环境，对新能源汽车充电设施运营由区能源公司独家经营。');
    expect(f.code).toBe('FCR-A2');
    expect(f.confidence).toBe('medium');
    expect(f.explanation).toContain('条例第十二条');
  });

  it('items of a "不得含有下列内容" list restrict nobody', () => {
    const law = '第八条 起草单位起草的政策措施，不得含有下列限制或者变相限制市场准入和退出的内容：\n（一）对市场准入负面清单以外的行业违法设置审批程序；\n（二）违法设置或者授予特许经营权；\n（三）限定经营、购买或者使用特定经营者提供的商品或者服务。';
    expect(prescreen(law).findings).toEqual([]);
  });

  it('definitions, procurement ceilings and consumer discounts are not findings', () => {
    expect(codes('本办法所称外地企业，是指注册地在本区以外的企业。')).toEqual([]);
    expect(codes('工程招标设定的最高投标限价应当依法公布。')).toEqual([]);
    expect(codes('对6周岁以下儿童免收门票，对全日制学生实行半价优惠。')).toEqual([]);
  });
});

describe('spans', () => {
  it('cover exactly the suspicious wording, also deep inside a longer document', () => {
    const clause = '政府采购评审中，对本市企业加5分。';
    const text = `${'第一条 为规范管理，制定本办法。\n'.repeat(50)}第五十一条 ${clause}\n`;
    const f = only(text);
    expect(f.code).toBe('FCR-B3');
    expect(f.excerpt).toBe('本市企业加5分');
    expect(text.slice(f.start, f.end)).toBe('本市企业加5分');
    expect(f.start).toBe(text.indexOf('本市企业加5分'));
    expect(f.clause).toBe('第五十一条');
  });

  it('merge overlapping hits of one standard into one finding', () => {
    const f = only('本市剧本娱乐经营场所实行年审制度，年审合格后方可继续经营。');
    expect(f.code).toBe('FCR-A1');
    expect(f.excerpt).toBe('实行年审制度，年审合格后方可');
  });
});

describe('bad input', () => {
  it('returns no findings for empty or blank text', () => {
    expect(prescreen('')).toEqual({ ruleSetVersion: CURRENT_RULESET_VERSION, fingerprint: PRESCREEN_FINGERPRINT, findings: [] });
    expect(prescreen('  \n\t ').findings).toEqual([]);
    expect(prescreen('。。；；！').findings).toEqual([]);
  });

  it('rejects a non-string and an unknown rule-set version', () => {
    expect(() => prescreen(undefined as unknown as string)).toThrow(TypeError);
    expect(() => prescreen(42 as unknown as string)).toThrow(TypeError);
    expect(() => prescreen('任意文本', { ruleSetVersion: '2000-01-01' })).toThrow(/unknown fair-competition rule set version/);
  });

  it('accepts an explicit rule-set version and records it', () => {
    expect(prescreen('对重点项目实行零地价。', { ruleSetVersion: '2024-08-01' })).toMatchObject({
      ruleSetVersion: '2024-08-01',
      findings: [{ code: 'FCR-C3', excerpt: '零地价' }],
    });
  });

  it('copes with text that is not a policy document', () => {
    expect(prescreen('Hello world 12345 !!! ？？？').findings).toEqual([]);
    expect(prescreen('本'.repeat(10000)).findings).toEqual([]);
  });
});
