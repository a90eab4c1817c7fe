/**
 * Scope of the context readings (audit of the pre-screen): an abolisher, a prohibition, a cited
 * basis, "自愿", a definition or equal-treatment wording clears only the wording it governs — in its
 * own comma/semicolon phrase — never a restriction elsewhere in the sentence; and the detector gaps
 * and innocent flags the audit found.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { prescreen } from '../../../domain/fair-competition';

const codes = (text: string): string[] => [...new Set(prescreen(text).findings.map((f) => f.code))].sort();

describe('an abolisher or punishment in another phrase does not negate the restriction (item 1)', () => {
  it.each([
    ['FCR-A1', '开办民宿须经区文旅局审批同意后方可营业，未经审批擅自营业的，依法查处。'],
    ['FCR-A2', '为整治旅游市场秩序，全区一日游产品统一由区旅游集团经营。'],
    ['FCR-A2', '为整治市场秩序全区一日游统一由区旅游集团经营。'],
    ['FCR-B3', '评标时对本区企业加5分，发现串通投标的，依法查处。'],
    ['FCR-C2', '对在本区纳税的旅行社给予一次性奖励50万元，弄虚作假的，予以取消并追回奖励资金。'],
    ['FCR-D3', '区内景区门票价格不得低于100元，对低价倾销的，及时纠正。'],
    ['FCR-D3', '区内景区门票价格不得低于100元的及时纠正。'],
  ])('%s: %s', (code, text) => {
    expect(codes(text)).toEqual([code]);
  });

  it.each([
    '取消对外地旅行社的准入限制。',
    '各单位不得限定消费者购买指定企业的商品。',
    '清理要求外地企业在本区设立分支机构的规定。',
    '凡是要求外地企业在本区设立分支机构的规定，一律予以清理。',
    '对本区企业的额外加分一律取消。',
    '全面清理妨碍统一市场和公平竞争的规定和做法，取消对外地企业的资质限制。',
  ])('a wording that is itself the object of the abolisher or prohibition stays cleared: %s', (text) => {
    expect(codes(text)).toEqual([]);
  });
});

describe('a legal basis, "自愿" and a definition count only where they govern the wording (item 2)', () => {
  it.each([
    ['FCR-C2', '对在本区纳税的旅行社给予一次性奖励50万元，奖励资金依法拨付。'],
    ['FCR-D3', '区内景区门票价格不得低于100元，景区应当依法明码标价。'],
    ['FCR-A1', '根据《天津市南开区民宿管理暂行规定》，民宿须经区文旅局审批后方可经营。'],
    ['FCR-A1', '依照《南开区民宿管理办法》，民宿须经区文旅局审批后方可经营。'],
    ['FCR-A1', '民宿须经区文旅局审批后方可经营，审批程序依照《行政许可法》执行。'],
    ['FCR-A1', '除法律、行政法规另有规定外，民宿须经区文旅局审批后方可经营。'],
    ['FCR-C2', '对依法在本区注册纳税的旅行社，按其年度纳税额的30%给予奖励。'],
    ['FCR-A3', '学校校服只能从区教育局确定的三家企业采购，家长自愿购买。'],
    ['FCR-D3', '区内景区门票价格不得低于100元，具体优惠幅度由经营者自主确定。'],
    ['FCR-C2', '本措施所称重点企业是指在本区纳税的企业，对重点企业给予一次性奖励100万元。'],
    ['FCR-C2', '对本区注册的旅行社给予补贴，外地和本地游客均可享受优惠。'],
  ])('%s: %s', (code, text) => {
    expect(codes(text)).toEqual([code]);
  });

  it.each([
    '依照《中华人民共和国旅游法》第二十八条，设立旅行社应当取得旅游主管部门的许可。',
    '设立旅行社，应当依照《旅行社条例》向区文旅局申请，经许可后方可经营。',
    '依照《天津市旅游条例》，民宿须经区文旅局登记后方可经营。',
    '对高新技术企业减按15%的税率征收企业所得税，具体按照国家有关规定执行。',
    '景区门票价格由经营者自主确定。',
    '企业投资项目实行备案管理，备案机关不得设置前置条件。',
  ])('a basis, choice or safeguard that governs the wording still clears it: %s', (text) => {
    expect(codes(text)).toEqual([]);
  });
});

describe('detector gaps (item 3)', () => {
  it.each([
    // 条例第八条(三): the buyers may only take what one body the measure names buys for them.
    ['FCR-A3', '全区中小学校服统一由区教育服务中心组织采购，家长不得自行购买。'],
    ['FCR-A3', '区内民宿所需布草统一由区文旅集团组织配送，各民宿不得自行采购。'],
    // 第十一条(二): a 指导价 for a market-regulated service is a government-guided price set without authority.
    ['FCR-D2', '区文旅局每月公布全区民宿指导价格，各民宿参照执行。'],
    // 第十一条(三): a published uniform price operators must follow.
    ['FCR-D3', '区商务局每周发布全区蔬菜统一价，各农贸市场执行。'],
    // 第九条(二): outside operators shut out of local business.
    ['FCR-B2', '区内旅行社不得与外地旅行社开展合作经营。'],
    // 第十条(三): a deposit waived for chosen firms.
    ['FCR-C3', '对区属国有企业承接的政府项目，免除其质量保证金。'],
    ['FCR-B3', '本区企业参加政府采购的，免收投标保证金。'],
  ])('%s: %s', (code, text) => {
    expect(codes(text)).toEqual([code]);
  });

  it.each([
    '各部门办公用品统一由区政府采购中心组织采购。',
    '药品统一由省级平台采购，医疗机构不得自行采购。',
    '学校不得要求家长统一由指定商店购买校服。',
    '区发改委按照省定价目录公布区属国有景区门票指导价格，各景区执行。',
    '各景区应当公布门票价格，并执行明码标价。',
    '鼓励区内旅行社与外地旅行社开展合作经营。',
    '不得限制区内旅行社与外地旅行社开展合作经营。',
    '游客不得与外地无资质旅行社签订旅游合同。',
    '对所有投标人免收投标保证金。',
    '对中小企业免收投标保证金。',
  ])('leave lawful or safeguarding wording alone: %s', (text) => {
    expect(codes(text)).toEqual([]);
  });
});

describe('innocent wording is not flagged (item 4)', () => {
  it.each([
    // 旅游法第五十八条 requires the contract with tourists; no business partner is forced on anyone.
    '旅行社组织团队旅游应当与游客签订书面合同。',
    '旅行社应当与保险公司签订责任保险合同。',
    // an enforcement body handling a case sets no condition for market entry
    '本案由区文化市场综合执法支队办理。',
    '本案经区文化市场综合执法支队调查终结，当事人对违法事实无异议。',
  ])('%s', (text) => {
    expect(prescreen(text).findings).toEqual([]);
  });

  it('a contract with a named firm is still a forced partner (FCR-D4)', () => {
    expect(codes('区内旅行社须与区旅游集团签订客源合作协议。')).toEqual(['FCR-D4']);
  });

  it('the enforcement-review sample yields no finding', () => {
    const sample = readFileSync(join(__dirname, 'fixtures/03-enforcement-decision-internet-cafe.md'), 'utf8');
    expect(prescreen(sample).findings).toEqual([]);
  });
});
