import { CURRENT_RULESET_VERSION, RULESET_VERSIONS, citation, ruleSet, ruleSetInForceOn, standard } from '../../../domain/fair-competition';

describe('fair-competition standards catalogue', () => {
  it('has the 19 standards of arts. 8–11 in four groups, in statutory order', () => {
    const rs = ruleSet();
    expect(rs.version).toBe('2024-08-01');
    expect(rs.standards.map((s) => s.code)).toEqual([
      'FCR-A1', 'FCR-A2', 'FCR-A3', 'FCR-A4', 'FCR-A5',
      'FCR-B1', 'FCR-B2', 'FCR-B3', 'FCR-B4', 'FCR-B5', 'FCR-B6',
      'FCR-C1', 'FCR-C2', 'FCR-C3', 'FCR-C4',
      'FCR-D1', 'FCR-D2', 'FCR-D3', 'FCR-D4',
    ]);
    const groups = rs.standards.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s.group]: (acc[s.group] ?? 0) + 1 }), {});
    expect(groups).toEqual({ A: 5, B: 6, C: 4, D: 4 });
    expect(standard('FCR-B3').article).toBe('条例第九条(三)');
    expect(standard('FCR-B3').title).toBe('排斥、限制或者变相限制外地经营者参加本地政府采购、招标投标');
    expect(standard('FCR-C2').category).toBe('影响生产经营成本');
  });

  it('carries the art. 12 exception: four grounds and three cumulative conditions', () => {
    const { exception } = ruleSet();
    expect(exception.grounds.map((g) => g.code)).toEqual(['E1', 'E2', 'E3', 'E4']);
    expect(exception.grounds[2]!.label).toBe('为实现节约能源、保护环境、救灾救助等社会公共利益的');
    expect(exception.cumulativeConditions).toHaveLength(3);
  });

  it('is versioned: unknown versions throw, the current one is the default', () => {
    expect(RULESET_VERSIONS).toContain(CURRENT_RULESET_VERSION);
    expect(ruleSet(CURRENT_RULESET_VERSION)).toBe(ruleSet());
    expect(() => ruleSet('1999-01-01')).toThrow(/unknown fair-competition rule set version "1999-01-01"/);
    expect(() => standard('FCR-Z9')).toThrow(/no standard FCR-Z9/);
  });

  it('cannot be altered by a caller, so past reviews keep the standards they were made under', () => {
    const rs = ruleSet();
    expect(Object.isFrozen(rs)).toBe(true);
    expect(Object.isFrozen(rs.standards)).toBe(true);
    expect(() => {
      (rs.standards[0] as { title: string }).title = 'changed';
    }).toThrow(TypeError);
    expect(ruleSet().standards[0]!.title).toBe('对市场准入负面清单以外的行业、领域、业务等违法设置审批程序');
  });

  it('chooses the rule set in force on a date', () => {
    expect(ruleSetInForceOn('2024-07-31')).toBeUndefined();
    expect(ruleSetInForceOn('2024-08-01')?.version).toBe('2024-08-01');
    expect(ruleSetInForceOn('2026-01-01')?.version).toBe('2024-08-01');
  });

  it('formats the citation a reviewer writes', () => {
    expect(citation(standard('FCR-A1'))).toBe('《公平竞争审查条例》第八条第（一）项');
    expect(citation(standard('FCR-D3'))).toBe('《公平竞争审查条例》第十一条第（三）项');
  });
});
