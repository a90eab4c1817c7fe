import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../../../platform/config';
import { demoProcedureConfig, loadProcedureConfig } from '../../../platform/procedureConfig';
import { defaultProcedureConfig, floorViolation, meetsFloor, parseProcedureConfig, STATUTORY_FLOORS } from '../../../domain/procedure';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'procedure-config-'));
function file(content: unknown): string {
  const p = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}
function refusal(content: unknown, profile: 'statutory' | 'demo' = 'statutory'): string {
  try {
    loadProcedureConfig({ path: file(content), profile });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    const message = (err as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    return message;
  }
  throw new Error('the configuration was accepted');
}

describe('statutory floors (configuration may raise them, never lower them)', () => {
  test('the defaults and both profiles pass', () => {
    expect(floorViolation(defaultProcedureConfig)).toBeNull();
    expect(loadProcedureConfig({ profile: 'statutory' })).toEqual(defaultProcedureConfig);
    expect(loadProcedureConfig({ profile: 'demo' })).toEqual(demoProcedureConfig());
  });

  test('raising every floor is accepted', () => {
    const raised = loadProcedureConfig({
      profile: 'statutory',
      path: file({
        kinds: { major_decision: { commentWindowMinimum: { amount: 45, unit: 'calendar_days' }, legalityReviewMinimum: { amount: 10, unit: 'working_days' } } },
        hearingMaterialsLead: { amount: 10, unit: 'calendar_days' },
        econCommentWindowMinimum: { amount: 30, unit: 'working_days' },
      }),
    });
    expect(raised.kinds.major_decision.commentWindowMinimum).toEqual({ amount: 45, unit: 'calendar_days' });
    expect(raised.kinds.major_decision.legalityReviewMinimum).toEqual({ amount: 10, unit: 'working_days' });
  });

  test.each([
    [{ kinds: { major_decision: { commentWindowMinimum: { amount: 29, unit: 'calendar_days' } } } }, 'kinds.major_decision.commentWindowMinimum', /第15条/],
    [{ kinds: { major_decision: { commentWindowMinimum: { amount: 20, unit: 'working_days' } } } }, 'kinds.major_decision.commentWindowMinimum', /30 calendar_days/],
    [{ kinds: { major_decision: { commentWindowMinimum: { amount: 3000000, unit: 'seconds' } } } }, 'kinds.major_decision.commentWindowMinimum', /seconds/],
    [{ kinds: { major_decision: { legalityReviewMinimum: { amount: 6, unit: 'working_days' } } } }, 'kinds.major_decision.legalityReviewMinimum', /第26条/],
    // 10 calendar days can hold fewer than 7 working days (National Day): a working-day floor is met only in working days.
    [{ kinds: { major_decision: { legalityReviewMinimum: { amount: 10, unit: 'calendar_days' } } } }, 'kinds.major_decision.legalityReviewMinimum', /7 working_days/],
    [{ kinds: { major_decision: { legalityReviewMinimum: null } } }, 'kinds.major_decision.legalityReviewMinimum', /got null/],
    [{ hearingMaterialsLead: { amount: 6, unit: 'calendar_days' } }, 'hearingMaterialsLead', /第16条/],
    [{ hearingMaterialsLead: { amount: 0, unit: 'calendar_days' } }, 'hearingMaterialsLead', /7 calendar_days/],
    [{ econCommentWindowMinimum: { amount: 7, unit: 'working_days' } }, 'econCommentWindowMinimum', /优化营商环境条例第62条/],
  ])('%j is refused at start with one line naming %s', (override, key, basis) => {
    const message = refusal(override);
    expect(message).toMatch(/^Configuration error: procedure configuration /);
    expect(message).toContain(key);
    expect(message).toMatch(basis);
  });

  test('the demo profile may shrink the real-time review clock, never the floors on dates people supply', () => {
    expect(() => loadProcedureConfig({ profile: 'demo', path: file({ kinds: { major_decision: { legalityReviewMinimum: null } } }) })).not.toThrow();
    expect(refusal({ kinds: { major_decision: { commentWindowMinimum: { amount: 5, unit: 'calendar_days' } } } }, 'demo')).toContain('kinds.major_decision.commentWindowMinimum');
    expect(refusal({ hearingMaterialsLead: { amount: 60, unit: 'seconds' } }, 'demo')).toContain('hearingMaterialsLead');
  });

  test('practice figures are free configuration (normative documents, other kinds)', () => {
    const c = loadProcedureConfig({
      profile: 'statutory',
      path: file({ kinds: { normative_document: { commentWindowMinimum: { amount: 3, unit: 'working_days' }, legalityReviewMinimum: null }, collective_matter: { commentWindowMinimum: { amount: 1, unit: 'calendar_days' } } } }),
    });
    expect(c.kinds.normative_document.legalityReviewMinimum).toBeNull();
  });

  test('meetsFloor compares units only where the answer is certain', () => {
    expect(meetsFloor({ amount: 30, unit: 'working_days' }, { amount: 30, unit: 'calendar_days' })).toBe(true);
    expect(meetsFloor({ amount: 29, unit: 'working_days' }, { amount: 30, unit: 'calendar_days' })).toBe(false);
    expect(meetsFloor({ amount: 100, unit: 'calendar_days' }, { amount: 7, unit: 'working_days' })).toBe(false);
    expect(meetsFloor({ amount: 7, unit: 'working_days' }, { amount: 7, unit: 'working_days' })).toBe(true);
    expect(STATUTORY_FLOORS.map((f) => f.key)).toEqual([
      'kinds.major_decision.commentWindowMinimum',
      'kinds.major_decision.legalityReviewMinimum',
      'hearingMaterialsLead',
      'econCommentWindowMinimum',
    ]);
  });
});

describe('the whole procedure configuration is checked with zod', () => {
  test.each([
    [{ kinds: { major_decision: { commentWindowMinimum: { amount: 30, unit: 'days' } } } }, 'kinds.major_decision.commentWindowMinimum.unit'],
    [{ kinds: { normative_document: { legalityReviewMinimum: { amount: -1, unit: 'working_days' } } } }, 'kinds.normative_document.legalityReviewMinimum.amount'],
    [{ kinds: { normative_document: { commentWindowMinimum: '7 working days' } } }, 'kinds.normative_document.commentWindowMinimum'],
    [{ kinds: { normative_docment: {} } }, 'kinds.normative_docment'],
    [{ hearingLead: { amount: 7, unit: 'calendar_days' } }, 'hearingLead'],
    [{ quorum: { minAttendingFraction: 2 } }, 'quorum.minAttendingFraction'],
    [{ quorum: { minAttendingFraction: 0.5, strictlyMore: 'yes' } }, 'quorum.strictlyMore'],
    [{ drafterMustRecuse: 'false' }, 'drafterMustRecuse'],
    [{ kinds: { major_decision: { lawyerOpinionRequired: 1 } } }, 'kinds.major_decision.lawyerOpinionRequired'],
    [{ fairCompetition: { reviewRecordRequired: true, extra: 1 } }, 'fairCompetition.extra'],
  ])('%j is refused naming %s', (override, key) => {
    expect(refusal(override)).toMatch(new RegExp(`^Configuration error: procedure configuration ${key.replace(/\./g, '\\.')}\\b`));
  });

  test('a file that is not a JSON object is refused naming PROCEDURE_CONFIG_PATH', () => {
    expect(refusal('{ not json')).toMatch(/^Configuration error: PROCEDURE_CONFIG_PATH is not valid JSON/);
    expect(refusal('[1, 2]')).toMatch(/^Configuration error: PROCEDURE_CONFIG_PATH must hold a JSON object/);
    expect(() => loadProcedureConfig({ profile: 'statutory', path: path.join(dir, 'missing.json') })).toThrow(/^Configuration error: PROCEDURE_CONFIG_PATH cannot be read \(ENOENT/);
  });

  test('parseProcedureConfig answers the typed configuration or the first problem', () => {
    expect(parseProcedureConfig(defaultProcedureConfig)).toEqual({ ok: true, config: defaultProcedureConfig });
    expect(parseProcedureConfig({})).toMatchObject({ ok: false, problem: expect.stringMatching(/^kinds: /) });
  });
});
