/**
 * Meaning-level rules of the pre-screen: the same idea in wording no single example anticipates
 * (word classes for local parties, providers chosen by the government, gates before business,
 * prices pinned or held to a yardstick…), and the context that makes the same words harmless.
 */
import { prescreen } from '../../../domain/fair-competition';
import { detectorsFor } from '../../../domain/fair-competition/detectors';

const codes = (text: string): string[] => [...new Set(prescreen(text).findings.map((f) => f.code))].sort();

describe('indirect phrasings are read for their meaning', () => {
  it.each([
    ['FCR-A1', '全县从事农机维修的经营户实行年审制度，年审合格方可继续经营。'],
    ['FCR-A1', '辖区内开设月子会所的，应当向区卫健委申领母婴服务资格证，无证不得接收客户。'],
    ['FCR-A1', '本市对婚庆服务企业实行名录管理，未列入名录的不得承接婚庆业务。'],
    ['FCR-A2', '县域内农村公路养护业务，一律委托县交投公司承担，不再对外发包。'],
    ['FCR-A3', '区内旅行社组织的研学团队，须入住纳入区文旅局备选库的接待基地。'],
    ['FCR-A3', '各乡镇农村改厕项目限定使用“清源”牌一体化化粪池。'],
    ['FCR-A3', '各中小学校采购教辅材料，应当从县教育局确定的入围单位中选购。'],
    ['FCR-A4', '申请参与区级公租房运营的企业，须具有国有独资背景。'],
    ['FCR-A4', '民营资本参与县乡村旅游项目的，持股比例不得超过30%。'],
    ['FCR-A5', '中心城区各商圈内同类业态门店不得超过三家。'],
    ['FCR-A5', '已有药店周边1公里范围内不得新设药店。'],
    ['FCR-B1', '全县学校食堂所需大米、食用油，应当优先选用本地产品。'],
    ['FCR-B1', '获得本区产业基金投资的企业，存续期内将注册地迁出本区的，追回全部投资收益。'],
    ['FCR-B2', '承接本市智慧停车运营业务的外地企业，须在本市设立分支机构并实际运营满一年。'],
    ['FCR-B3', '市级财政出资举办的会展活动，承办单位原则上从市内会展企业中选择。'],
    ['FCR-B5', '外埠餐饮连锁企业在本区开店，食品安全信用等级按C级起评，本地企业按B级起评。'],
    ['FCR-B6', '县内建筑工地务工人员须以本县籍劳动者为主，外县人员不超过三成。'],
    ['FCR-C1', '对入驻物流园区的企业，城镇土地使用税按应纳税额的一半征收。'],
    ['FCR-C2', '对区政府确定的三家跨境电商龙头企业，按其进出口额每美元补贴0.02元。'],
    ['FCR-C3', '对招商引资引进的重大制造业项目，工业用地按最低价标准的七折出让。'],
    ['FCR-C3', '区内重点企业的职工养老保险单位缴费部分准予缓缴两年。'],
    ['FCR-C4', '要求驻县各金融机构每年向县乡村振兴基金认捐不少于50万元。'],
    ['FCR-D1', '全市殡葬服务收费标准由市殡葬协会统一制定，各会员单位遵照执行。'],
    ['FCR-D1', '区商务局组织区内各加油站共享每日进销价格数据。'],
    ['FCR-D2', '区内公共停车场对区城投公司车辆免费停放，其他企业车辆按标准收费。'],
    ['FCR-D3', '区内健身场馆单次入场费统一执行20元/人次。'],
    ['FCR-D3', '区内月嫂服务价格不得低于区人社局发布的指导价标准。'],
    ['FCR-D3', '县内商超猪肉零售价一律按每斤28元执行。'],
    ['FCR-D4', '区内酒店须预留不少于30%的客房供区政府接待使用。'],
    ['FCR-D4', '区内网络直播平台调整推荐规则，须事先征得区网信办同意。'],
  ])('%s: %s', (code, text) => {
    expect(codes(text)).toEqual([code]);
  });
});

describe('context still clears the same words', () => {
  it.each([
    ['a prohibition reaching over the wording', '政府采购项目不得将供应商在本地的业绩、奖项作为加分条件。'],
    ['a practice named in quotes after a prohibition', '对招引项目的扶持，一律通过公开透明的方式兑现，不得实行“先征后返”。'],
    ['outsiders treated like locals', '外地农产品进入本市批发市场，执行与本地农产品相同的检测标准和收费标准。'],
    ['a check relieved, not imposed', '省内各市之间互认检测结果，外地产品进入本市不再重复检测。'],
    ['a price applied from a higher authority', '天然气价格按照省发展改革委核定的门站价格执行。'],
    ['a licence required by a cited regulation', '从事娱乐场所经营活动，应当依照《娱乐场所管理条例》申领娱乐经营许可证。'],
    ['the government using its own systems', '全区各级党政机关须带头使用本地区政务云平台。'],
    ['a township target, not an operator quota', '区政府与各镇签订目标责任书，镇政府须完成区里下达的年度招商任务。'],
    ['a state owner approving its own firm', '区属国有企业改制方案，须报区国资委审批。'],
    ['a consumer-facing subsidy cap', '消费券单笔使用金额最高不得超过200元。'],
    ['a closing time used as a time reference', '各景区应当于每日闭园后对设施设备进行安全检查。'],
    ['"全市外卖" is not "市外"', '全市外卖平台应当依法保障骑手劳动权益。'],
  ])('%s', (_why, text) => {
    expect(codes(text)).toEqual([]);
  });

  it('a cited law covers only the licence it requires, not an extra one "除…外，还须"', () => {
    expect(codes('在本市开展低空飞行观光业务，除依法取得民航部门许可外，还须取得市文旅局核发的旅游项目准入证。')).toEqual(['FCR-A1']);
  });
});

describe('fallback readings', () => {
  it('are marked as such and cover several standards', () => {
    const fallbacks = detectorsFor('2024-08-01').filter((d) => d.fallback);
    expect(fallbacks.length).toBeGreaterThanOrEqual(4);
    expect(fallbacks.every((d) => d.id.startsWith('FB.'))).toBe(true);
  });

  it('speak when no specific rule does', () => {
    const { findings } = prescreen('对区文旅集团新建的酒店项目，区财政一次性补助建设资金3000万元。');
    expect(findings.map((f) => f.code)).toEqual(['FCR-C2']);
    expect(findings[0]!.confidence).toBe('medium');
  });

  it('give way to a specific finding in the same sentence', () => {
    // the broad "money for a chosen firm" reading (C2) is dropped in favour of the designation (A3)
    expect(codes('企业申报扶持资金，须使用区工信局指定的申报软件和服务商。')).toEqual(['FCR-A3']);
  });
});
