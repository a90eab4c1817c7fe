import crypto from 'node:crypto';
import { api, person, shortClocksConfigFile, startTestSystem, type StartOptions, type TestPerson } from './testSystem';
import type { System } from '../../../app/system';

type Api = ReturnType<typeof api>;

export const CHECKLIST = ['LR-S1', 'LR-S2', 'LR-P1', 'LR-P2', 'LR-C1', 'LR-C2', 'LR-C3', 'LR-R1', 'LR-R2', 'LR-F1'].map((code) => ({ code, result: 'pass' }));

export interface Cast {
  drafter: TestPerson;
  legal: TestPerson;
  lawyer: TestPerson;
  fcr: TestPerson;
  secretary: TestPerson;
  auditor: TestPerson;
  admin: TestPerson;
  members: TestPerson[];
  /** This cast's deciding bodies by kind (their rosters are the cast's members). */
  bodies: { director_office_meeting: string; party_committee_meeting: string };
}

/** One person in each role (meeting members as asked), each logged in through the API. */
export async function createCast(system: System, members = 3): Promise<Cast> {
  const all = await Promise.all([
    person(system, ['drafter']),
    // 法律职业资格 on record: may take on an enforcement decision's 法制审核 (行政处罚法第58条第2款).
    person(system, ['legal_unit'], { legalQualification: true }),
    person(system, ['lawyer'], { contract: { from: '2020-01-01', to: '2099-12-31' } }),
    person(system, ['fcr_reviewer']),
    person(system, ['secretary']),
    person(system, ['auditor']),
    person(system, ['admin']),
    ...Array.from({ length: members }, () => person(system, ['meeting_member'])),
  ]);
  const [drafter, legal, lawyer, fcr, secretary, auditor, admin, ...rest] = all;
  // This cast's own deciding bodies (rosters are data, kept by an admin), so test files sharing a database do not meet.
  const suffix = crypto.randomUUID().slice(0, 8);
  const bodies = { director_office_meeting: `office-${suffix}`, party_committee_meeting: `party-${suffix}` };
  for (const [kind, id] of Object.entries(bodies)) {
    const res = await fetch(`${system.apiUrl}/api/v1/meeting-bodies/${id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin!.token}` },
      body: JSON.stringify({ kind, name: kind, members: rest.map((m) => ({ userId: m.id, from: '2020-01-01', to: null })) }),
    });
    if (res.status !== 200) throw new Error(`roster of ${id}: ${res.status} ${await res.text()}`);
  }
  return { drafter: drafter!, legal: legal!, lawyer: lawyer!, fcr: fcr!, secretary: secretary!, auditor: auditor!, admin: admin!, members: rest, bodies };
}

/** Drives matters through the API for tests; every call must succeed unless the test says otherwise. */
export class Driver {
  constructor(readonly http: Api, readonly cast: Cast) {}

  async ok(matterId: string, who: TestPerson, command: Record<string, unknown>, extra: { text?: string; idempotencyKey?: string } = {}) {
    const res = await this.http.act(matterId, who, command, extra);
    if (res.status !== 200) throw new Error(`${command.type} by ${who.username}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { state: { stage: string; [k: string]: any }; trail: { seq: number; hash: string }; summary: string }; // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  async register(kind: string, flags: string[], text = '第一条 为规范管理，制定本办法。\n第二条 本办法自发布之日起施行。') {
    const res = await this.http.post('/api/v1/matters', this.cast.drafter, { title: `${kind} ${flags.join('+')}`, kind, flags, text });
    // 202 is the documented answer when the workflow has not stored the matter within the API's wait (a loaded
    // machine): the client then reads the matter until it is there, as a real client would.
    if (res.status === 202) return this.untilRegistered(res.body.id as string);
    if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }

  private async untilRegistered(id: string): Promise<string> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const res = await this.http.get(`/api/v1/matters/${id}`, this.cast.drafter);
      if (res.status === 200 && res.body.stage !== 'registering') return id;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`register: matter ${id} still not stored after 60 s`);
  }

  async hash(id: string): Promise<string> {
    return (await this.http.get(`/api/v1/matters/${id}`, this.cast.legal)).body.currentVersion.sha256;
  }

  async research(id: string, flags: string[]) {
    const d = this.cast.drafter;
    const item = (i: Record<string, unknown>) => this.ok(id, d, { type: 'record_research_item', item: i });
    await item({ kind: 'drafting_explanation', summary: '起草说明', documentId: 'doc-1' });
    await item({ kind: 'legal_bases', bases: [{ title: '旅游法' }] });
    await item({ kind: 'procedure_statement', summary: '程序说明', documentId: 'doc-2' });
    await item({ kind: 'internal_consultation', consultations: [{ unit: '财务科', agreed: true, opinion: '同意' }] });
    if (flags.includes('PUBLIC')) {
      await item({ kind: 'public_comment', openedAt: new Date(Date.now() - 40 * 86_400_000).toISOString(), closesAt: new Date(Date.now() - 5 * 86_400_000).toISOString(), channel: '网站', operatorsAndAssociations: { parties: ['区旅游行业协会'], summary: '无异议' } });
      await item({ kind: 'comment_adoption', entries: [] });
    }
    const matter = (await this.http.get(`/api/v1/matters/${id}`, d)).body as { kind: string; alsoMajorDecision?: boolean };
    const major = matter.kind === 'major_decision' || matter.alsoMajorDecision === true;
    // 713号令第14条: a major decision always hears the public (a symposium here when there is no open comment).
    if (major && !flags.includes('PUBLIC')) {
      await item({ kind: 'public_participation', method: 'symposium', from: new Date(Date.now() - 10 * 86_400_000).toISOString(), participants: '居民代表10人', summary: '支持' });
      await item({ kind: 'comment_adoption', entries: [] });
    }
    if (flags.includes('RISK')) await item({ kind: 'risk_assessment', riskLevel: 'low', controllable: true, measures: '监测', documentId: 'doc-3' });
    if (flags.includes('TECH')) await item({ kind: 'expert_opinion', expertName: '专家', directInterest: false, signed: true, opinion: '可行', documentId: 'doc-4' });
    if (flags.includes('TECH') && (major || matter.kind === 'normative_document')) await item({ kind: 'expert_adoption', summary: '专家意见已采纳' });
  }

  /** A complete review record under the current rule set, consistent with the conclusion. */
  async fcrReview(conclusion: 'no_restrictive_effect' | 'exception_justified' | 'breach_must_revise') {
    const rs = (await this.http.get('/api/v1/fair-competition/standards', null)).body as { version: string; standards: Array<{ code: string }> };
    return {
      ruleSetVersion: rs.version,
      standards: rs.standards.map((st, i) => ({ code: st.code, answer: conclusion !== 'no_restrictive_effect' && i === 0 ? 'restriction' : 'not_involved' })),
      consultations: [{ party: '区旅游行业协会', kind: 'association', view: '无异议' }],
      ...(conclusion === 'exception_justified' ? { exception: { ground: 'E3', reason: '救灾救助', noLessRestrictiveAlternative: '无', periodOrEndCondition: '一年' } } : {}),
    };
  }

  /** The reviewer answers every open pre-screen finding on the current version (dismissing with a reason). */
  async answerFindings(id: string) {
    const review = (await this.http.get(`/api/v1/matters/${id}/fair-competition`, this.cast.fcr)).body as { findings: Array<{ id: string; current: boolean; status: string }> };
    for (const f of review.findings.filter((x) => x.current && x.status === 'open')) {
      await this.ok(id, this.cast.fcr, { type: 'answer_fcr_finding', findingId: f.id, verdict: 'dismissed', reason: '经核实不构成排除限制竞争' });
    }
  }

  async concludeFcr(id: string, conclusion: 'no_restrictive_effect' | 'exception_justified' | 'breach_must_revise' = 'no_restrictive_effect') {
    await this.answerFindings(id);
    return this.ok(id, this.cast.fcr, { type: 'record_fcr_conclusion', conclusion, versionHash: await this.hash(id), summary: '审查结论', review: await this.fcrReview(conclusion) });
  }

  /** Registration → legality review (materials accepted), clearing the fair-competition review when ECON. */
  async toLegalityReview(kind: string, flags: string[]) {
    const id = await this.register(kind, flags);
    await this.research(id, flags);
    let r = await this.ok(id, this.cast.drafter, { type: 'submit_for_review' });
    if (r.state.stage === 'fair_competition_review') {
      await this.ok(id, this.cast.legal, { type: 'assign_fcr_reviewer', reviewerId: this.cast.fcr.id });
      r = await this.concludeFcr(id);
    }
    await this.ok(id, this.cast.legal, { type: 'accept_materials' });
    return id;
  }

  /** The lawyer answers every open legality pre-screen finding on the current text (dismissing with a reason). */
  async answerLegalityFindings(id: string) {
    const review = (await this.http.get(`/api/v1/matters/${id}/legality`, this.cast.lawyer)).body as { findings: Array<{ id: string; current: boolean; status: string }> };
    for (const f of review.findings.filter((x) => x.current && x.status === 'open')) {
      await this.ok(id, this.cast.lawyer, { type: 'answer_legality_finding', findingId: f.id, verdict: 'dismissed', reason: '经核实有法律依据' });
    }
  }

  /** The lawyer signs the current text LAWFUL, its pre-screen findings answered first (as at the final-text check). */
  async lawyerSigns(id: string) {
    await this.answerLegalityFindings(id);
    return this.ok(id, this.cast.lawyer, { type: 'submit_lawyer_opinion', versionHash: await this.hash(id), outcome: 'LAWFUL', text: '合法', checklist: CHECKLIST });
  }

  async lawful(id: string) {
    await this.ok(id, this.cast.legal, { type: 'assign_lawyer', lawyerId: this.cast.lawyer.id });
    await this.lawyerSigns(id);
    return this.ok(id, this.cast.legal, { type: 'record_legality_conclusion', versionHash: await this.hash(id), outcome: 'LAWFUL', text: '合法', checklist: CHECKLIST });
  }

  /** A matter through the meeting (approved), waiting to be signed. */
  async toSigning(kind = 'normative_document', flags: string[] = [], fcr: 'no_restrictive_effect' | 'exception_justified' = 'no_restrictive_effect') {
    const id = await this.register(kind, flags);
    await this.research(id, flags);
    const r = await this.ok(id, this.cast.drafter, { type: 'submit_for_review' });
    if (r.state.stage === 'fair_competition_review') {
      await this.ok(id, this.cast.legal, { type: 'assign_fcr_reviewer', reviewerId: this.cast.fcr.id });
      await this.concludeFcr(id, fcr);
    }
    await this.ok(id, this.cast.legal, { type: 'accept_materials' });
    await this.lawful(id);
    await this.ok(id, this.cast.secretary, { type: 'schedule_meeting', meetingAt: new Date(Date.now() + 1_500).toISOString(), body: 'director_office_meeting', bodyId: this.cast.bodies.director_office_meeting });
    await new Promise((r) => setTimeout(r, 1_600));
    await this.ok(id, this.cast.secretary, { type: 'record_meeting', record: this.meetingRecord('approve', []) });
    return id;
  }

  meetingRecord(outcome: string, views: string[], extra: Record<string, unknown> = {}) {
    const ids = this.cast.members.map((m) => m.id);
    const head = ids[0]!;
    const others = ids.slice(1);
    return {
      members: ids, attendees: ids, absentees: [], recusals: [], headId: head,
      views: [...others.map((m, i) => ({ memberId: m, view: views[i] ?? 'approve', comment: '意见' })), { memberId: head, view: outcome, comment: '主持人意见' }],
      outcome, minutesDocumentId: 'minutes-1', ...extra,
    };
  }
}

export interface ProcedureStackOptions extends StartOptions {
  /** The procedure configuration's path (default: short clocks for normative documents). */
  configPath?: string;
}

export interface ProcedureStack {
  system: System;
  http: Api;
  cast: Cast;
  drive: Driver;
}

/** The usual stack of a procedure test file: the system on short clocks, its API, a cast of people and a driver. */
export async function startProcedureStack(members = 3, opts: ProcedureStackOptions = {}): Promise<ProcedureStack> {
  const system = await startTestSystem({ embedded: opts.embedded, env: { PROCEDURE_CONFIG_PATH: opts.configPath ?? shortClocksConfigFile(), ...opts.env } });
  const http = api(system);
  const cast = await createCast(system, members);
  return { system, http, cast, drive: new Driver(http, cast) };
}

/**
 * The stack for the tests of the calling `describe`: started before them, stopped after them. The object
 * returned is filled in when the stack has started, so tests read it (`stack.drive`) rather than destructure it.
 */
export function useProcedureStack(members = 3, opts: ProcedureStackOptions | (() => ProcedureStackOptions) = {}): ProcedureStack {
  const stack = {} as ProcedureStack;
  beforeAll(async () => {
    Object.assign(stack, await startProcedureStack(members, typeof opts === 'function' ? opts() : opts));
  });
  afterAll(async () => {
    await stack.system?.stop();
  });
  return stack;
}
