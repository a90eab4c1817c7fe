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

describe('context words read where they govern the wording, not sentence-wide (second audit, item 1)', () => {
  // A consumer ("家长", "游客"), grant money ("资金", "补贴") or open competition named in another rule of
  // the sentence does not make the restriction a consumer matter, grant administration or a tender.
  it.each([
    ['FCR-B2', '区内旅行社接待研学团队，须优先安排入住本区注册的酒店，学生家长不另行承担费用。'],
    ['FCR-D2', '区属文化场馆对区文旅集团举办的研学活动给予优惠租金，参加活动的学生家长无需另行付费。'],
    ['FCR-A1', '开办研学旅行基地须经区文旅局审批同意后方可营业，基地建设资金由企业自筹。'],
    ['FCR-A4', '开办旅行社注册资本须不低于500万元，对新设立的旅行社给予一次性开业补贴5万元。'],
    ['FCR-D3', '区内景区门票价格统一为60元，对困难群众给予门票补贴。'],
    ['FCR-A2', '全区研学旅行业务统一由区文旅集团经营，研学基地建设项目通过公开招标确定施工单位。'],
    ['FCR-C2', '对区文旅集团给予运营补贴500万元，其他文化企业可通过公开竞争方式申报项目资金。'],
  ])('%s: %s', (code, text) => {
    expect(codes(text)).toEqual([code]);
  });

  it.each([
    // the consumer is the topic the discount is given to
    '对60岁以上老年人，景区门票给予优惠价格。',
    // the approval gates the payment of a grant ("，方可拨付资金" continues the wording)
    '企业申请补贴须经区文旅局审核同意后，方可拨付资金。',
    // another phrase of the provision picks the wording's own object ("定点") by open tender
    '本区政府采购的会议服务，通过定点采购方式确定，定点宾馆通过公开招标产生，外地宾馆平等参与。',
    '建立供应商库，实行常态化开放征集，供应商可随时申请入库，采购人在库内随机抽取。',
  ])('still cleared where the word governs the wording: %s', (text) => {
    expect(codes(text)).toEqual([]);
  });
});

describe('pricing authority grounds a government price for everyone, not a price for one firm (second audit, item 2)', () => {
  // 条例第十一条(二): "为特定经营者提供优惠价格"; 价格法第十八条至第二十条 let the competent department set
  // a catalogue price paid by all, and ground nothing but a price (第十条 needs a law or regulation).
  it.each([
    ['FCR-D2', '区发展改革委按照定价权限，对区文旅集团经营的游船项目给予优惠价格。'],
    ['FCR-D2', '区发展改革委依据定价权限，对区文旅集团经营的停车场执行每小时2元的优惠收费标准。'],
    ['FCR-C2', '区发展改革委按照定价权限，对区文旅集团给予运营补贴500万元。'],
    ['FCR-C3', '区发展改革委按照定价权限，对区文旅集团用电执行每千瓦时0.4元的优惠电价。'],
  ])('%s: %s', (code, text) => {
    expect(codes(text)).toEqual([code]);
  });

  it.each([
    '按照定价目录，区属国有景区门票实行政府指导价，由区发展改革委核定。',
    '区属国有景区门票价格由区发展改革委按照定价权限核定，对老年人给予半价优惠。',
    '区发展改革委按照省定价目录公布区属国有景区门票指导价格，各景区执行。',
  ])('a catalogue price for everyone stays cleared: %s', (text) => {
    expect(codes(text)).toEqual([]);
  });
});

describe('a departmental document is no legal basis (second audit, item 3)', () => {
  // 立法法第九十一条第二款、第九十三条第六款; 条例第十条、第十二条(四); 行政许可法第十六条第三款、第十七条.
  it.each([
    ['依照《文化和旅游部旅游民宿管理办法》，民宿须经区文旅局审批后方可经营。'],
    ['依照《天津市文化和旅游局民宿管理办法》，民宿须经区文旅局审批后方可经营。'],
    ['按照上级有关规定，民宿须经区文旅局审批后方可经营。'],
  ])('an approval stays a finding, one step lower, saying why: %s', (text) => {
    const fs = prescreen(text).findings;
    expect(fs.map((f) => [f.code, f.confidence])).toEqual([['FCR-A1', 'medium']]);
    expect(fs[0]!.explanation).toContain('部门规章');
  });

  it.each([
    ['FCR-C2', '依照《国家发展改革委 文化和旅游部景区门票价格管理办法》，对区文旅集团经营的景区给予门票收入补贴。'],
    ['FCR-D3', '根据《文化和旅游部关于加强旅游市场秩序的管理办法》，景区门票价格不得低于100元。'],
  ])('other restrictions are not lowered: %s %s', (code, text) => {
    expect(prescreen(text).findings.map((f) => [f.code, f.confidence])).toEqual([[code, 'high']]);
  });

  it.each([
    '依照《旅行社条例》，旅行社须经区文旅局许可后方可经营。',
    // no issuer in the title: administrative regulations are named 办法 or 规定 too
    '依照《旅行社条例实施细则》，旅行社设立服务网点应当向区文旅局备案后方可经营。',
  ])('a law or regulation, or a title naming no issuer, still counts: %s', (text) => {
    expect(codes(text)).toEqual([]);
  });
});

describe('operators made to sell through one platform (second audit, item 4)', () => {
  // 条例第八条(三): they must use the platform operator's service and may choose no other channel.
  it.each([
    '全区A级旅游景区门票统一通过区智慧旅游平台销售。',
    '区内民宿客房须统一通过区文旅局搭建的民宿预订平台销售。',
    '区内各剧场演出门票应当统一通过区文化中心票务平台销售，不得自行售票。',
    '区内各剧场演出门票须通过区文化中心票务平台统一销售。',
    '全区旅游商品统一通过本区电商公共服务平台线上销售。',
  ])('FCR-A3: %s', (text) => {
    expect(codes(text)).toEqual(['FCR-A3']);
  });

  it.each([
    '不得要求景区统一通过指定平台销售门票。',
    '各景区统一通过自有平台或第三方平台销售门票。',
    '鼓励区内景区通过线上平台销售门票。',
    '区内景区门票统一通过全国统一的实名制预约平台预约。',
    '各景区应当统一通过省级智慧旅游平台报送客流数据。',
  ])('no finding: %s', (text) => {
    expect(codes(text)).toEqual([]);
  });
});
