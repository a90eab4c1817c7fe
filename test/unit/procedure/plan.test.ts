import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  availableActions,
  decide,
  registerMatter,
  registrationProblem,
  requiredMaterials,
  requiredSteps,
  RegistrationError,
  STAGE_LABELS,
  STAGES_FOR_COMMAND,
  type Stage,
} from '../../../domain/procedure';
import { apply, at, cal, config, hash, meetingRecord, people, register, toAwaitingMeeting } from './fixtures';

const day = at('2025-03-03');
const keys = (kind: Parameters<typeof requiredSteps>[0], flags: Parameters<typeof requiredSteps>[1]) =>
  requiredSteps(kind, flags, config).filter((s) => !s.optional).map((s) => s.key);

describe('requiredSteps: kind and flags decide the plan', () => {
  it('normative document with every flag', () => {
    expect(keys('normative_document', ['ECON', 'PUBLIC', 'TECH', 'RISK', 'GOVNAME'])).toEqual([
      'registration', 'drafting_explanation', 'legal_bases', 'internal_consultation', 'public_comment', 'expert_opinions',
      'risk_assessment', 'comment_adoption', 'procedure_statement', 'fair_competition_review', 'completeness_check',
      'legality_review', 'lawyer_opinion', 'collective_decision', 'government_review', 'sign_and_number', 'publish', 'filing', 'archive',
    ]);
  });
  it('major decision without flags: the public heard (713号令第14条), Party report, no filing', () => {
    expect(keys('major_decision', [])).toEqual([
      'registration', 'drafting_explanation', 'legal_bases', 'internal_consultation', 'public_participation', 'procedure_statement', 'completeness_check',
      'legality_review', 'lawyer_opinion', 'collective_decision', 'party_report', 'sign_and_number', 'publish', 'archive',
    ]);
  });
  it('enforcement review: inapplicable flags ignored, no publication or filing, lawyer optional', () => {
    const plan = requiredSteps('enforcement_review', ['ECON', 'PUBLIC', 'TECH'], config);
    expect(plan.filter((s) => !s.optional).map((s) => s.key)).toEqual([
      'registration', 'drafting_explanation', 'legal_bases', 'expert_opinions', 'procedure_statement', 'completeness_check',
      'legality_review', 'collective_decision', 'sign_and_number', 'archive',
    ]);
    expect(plan.find((s) => s.key === 'lawyer_opinion')).toMatchObject({ optional: true });
    expect(plan.find((s) => s.key === 'hearing')).toBeUndefined();
  });
  it('collective matter: decided at the meeting and archived', () => {
    expect(keys('collective_matter', ['ECON'])).toEqual([
      'registration', 'drafting_explanation', 'legal_bases', 'procedure_statement', 'fair_competition_review', 'completeness_check',
      'legality_review', 'collective_decision', 'archive',
    ]);
  });
  it('every step carries a label, a stage and (for statutory ones) its basis', () => {
    const plan = requiredSteps('major_decision', ['PUBLIC'], config);
    expect(plan.find((s) => s.key === 'public_comment')).toEqual({ key: 'public_comment', label: '公开征求意见', stage: 'research', basis: '713号令第14条、第15条', optional: false });
    expect(plan.find((s) => s.key === 'hearing')).toMatchObject({ optional: true });
  });
  it('the materials list follows the same rules', () => {
    expect(requiredMaterials('major_decision', ['PUBLIC', 'ECON'], config)).toEqual([
      'draft', 'drafting_explanation', 'legal_bases', 'procedure_statement', 'internal_consultation', 'public_comment', 'comment_adoption', 'public_participation', 'fcr_conclusion',
    ]);
    expect(requiredMaterials('enforcement_review', ['RISK'], config)).toEqual(['draft', 'drafting_explanation', 'legal_bases', 'procedure_statement', 'risk_assessment', 'enforcement_case']);
  });
});

describe('registration', () => {
  const input = { matterId: 'M-9', kind: 'major_decision' as const, flags: ['TECH' as const, 'ECON' as const], title: 't', draftingUnit: 'sec-market', createdBy: 'd1', versionHash: hash(1), now: day };
  it('creates the matter in research with version 1 and flags in canonical order', () => {
    const s = registerMatter(input, config);
    expect(s).toMatchObject({ stage: 'research', flags: ['ECON', 'TECH'], registeredAt: day, closure: null });
    expect(s.versions).toEqual([{ number: 1, hash: hash(1), submittedAt: day, submittedBy: 'd1' }]);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
  it('explains invalid input and throws RegistrationError', () => {
    expect(registrationProblem({ ...input, kind: 'contract' as 'major_decision' })?.code).toBe('INVALID_INPUT');
    expect(registrationProblem({ ...input, kind: 'enforcement_review', flags: ['ECON'] })?.code).toBe('FLAG_NOT_APPLICABLE');
    expect(registrationProblem({ ...input, versionHash: 'nothex' })?.code).toBe('INVALID_VERSION_HASH');
    expect(registrationProblem({ ...input, now: '2025-03-03' })?.code).toBe('INVALID_DATETIME');
    expect(registrationProblem({ ...input, title: '' })?.code).toBe('INVALID_INPUT');
    expect(() => registerMatter({ ...input, title: ' ' }, config)).toThrow(RegistrationError);
  });
});

describe('availableActions', () => {
  it('shows each person what they can do now', () => {
    const s = register('normative_document', ['ECON'], day);
    const ctx = { now: day, config, calendar: cal };
    expect(availableActions(s, people.drafter, ctx).map((a) => a.type)).toEqual(['submit_version', 'record_research_item', 'submit_for_review', 'set_flags', 'classify_as_major_decision', 'withdraw', 'set_legal_basis_register']);
    expect(availableActions(s, people.legal, ctx).map((a) => a.type)).toEqual(['set_flags', 'classify_as_major_decision', 'assign_fcr_reviewer']);
    expect(availableActions(s, people.otherDrafter, ctx)).toEqual([]);
    expect(availableActions(s, people.auditor, ctx)).toEqual([]);
    expect(availableActions(s, people.drafter, ctx)[0]).toEqual({ type: 'submit_version', label: '提交新版本' });
  });
  it('after the decision offers only the next applicable post-decision steps', () => {
    let s = toAwaitingMeeting('major_decision', []);
    s = apply(s, { type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body: 'director_office_meeting' }, people.secretary, day);
    s = apply(s, { type: 'record_meeting', record: meetingRecord() }, people.secretary, at('2025-03-20', '18:00'));
    const ctx = { now: at('2025-03-21') };
    expect(availableActions(s, people.secretary, ctx).map((a) => a.type)).toEqual(['report_to_party']);
    s = apply(s, { type: 'report_to_party', reference: 'r' }, people.secretary, at('2025-03-21'));
    expect(availableActions(s, people.secretary, ctx).map((a) => a.type)).toEqual(['sign_and_number']);
    expect(availableActions(s, people.legal, ctx)).toEqual([]);
  });
  it('nothing once terminal', () => {
    const s = apply(register('major_decision', [], day), { type: 'withdraw', reason: 'x' }, people.drafter, day);
    expect(availableActions(s, people.drafter, { now: day })).toEqual([]);
  });
});

describe('purity and the event', () => {
  it('never mutates the input state, and is deterministic', () => {
    const s = toAwaitingMeeting('major_decision', ['PUBLIC']);
    const snapshot = JSON.stringify(s);
    const cmd = { type: 'schedule_meeting' as const, meetingAt: at('2025-03-20', '15:00'), body: 'director_office_meeting' as const };
    const ctx = { actor: people.secretary, now: day, config, calendar: cal };
    const a = decide(s, cmd, ctx);
    const b = decide(s, cmd, ctx);
    expect(JSON.stringify(s)).toBe(snapshot);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('the event names the action, summarises it and carries the changed fields before and after', () => {
    const s = toAwaitingMeeting('major_decision', []);
    const d = decide(s, { type: 'schedule_meeting', meetingAt: at('2025-03-20', '15:00'), body: 'director_office_meeting' }, { actor: people.secretary, now: day, config, calendar: cal });
    if (!d.ok) throw new Error(d.reason);
    expect(d.event.action).toBe('schedule_meeting');
    expect(d.event.summary).toContain('局长办公会');
    expect(d.event.before).toEqual({ stage: 'awaiting_meeting', meeting: { scheduled: null, records: [] } });
    expect(d.event.after).toEqual({
      stage: 'meeting_scheduled',
      meeting: { scheduled: { meetingAt: at('2025-03-20', '15:00'), body: 'director_office_meeting', scheduledBy: 'sec1', scheduledAt: day }, records: [] },
    });
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  it('every stage has a label and every command is accepted somewhere', () => {
    const stages = Object.keys(STAGE_LABELS) as Stage[];
    // 17 of the review procedure, 3 of a contract's life (signing, in force, closed).
    expect(stages).toHaveLength(20);
    for (const list of Object.values(STAGES_FOR_COMMAND)) {
      expect(list.length).toBeGreaterThan(0);
      for (const st of list) expect(stages).toContain(st);
    }
  });

  describe('sources are safe for the workflow sandbox', () => {
    const roots = [join(__dirname, '../../../domain/procedure'), join(__dirname, '../../../domain/permissions'), join(__dirname, '../../../domain/contracts')];
    const files: Array<{ file: string; text: string }> = [];
    const walk = (dir: string): void => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (f.endsWith('.ts')) files.push({ file: p, text: readFileSync(p, 'utf8') });
      }
    };
    roots.forEach(walk);
    it.each([
      [/Date\.now\s*\(/, 'Date.now()'],
      [/new Date\s*\(/, 'new Date'],
      [/Math\.random/, 'Math.random'],
      [/\bprocess\./, 'process'],
      [/\brequire\s*\(/, 'require()'],
      // zod is the one package allowed: pure, deterministic, and the commands' schemas are the contract.
      [/from\s+['"](?!\.|zod['"])/, 'a package or node built-in import other than zod'],
      [/\bstructuredClone\b/, 'structuredClone (not in every sandbox)'],
    ])('no source uses %s (%s)', (pattern) => {
      expect(files.length).toBeGreaterThan(15);
      expect(files.filter((f) => pattern.test(f.text)).map((f) => f.file)).toEqual([]);
    });
  });
});
