import { api, person, shortClocksConfigFile, startTestSystem, type TestPerson } from './support/testSystem';
import { CHECKLIST, createCast, Driver, type Cast } from './support/drive';
import type { System } from '../../app/system';
import { authorizeCommand, COMMAND_TYPES, implementationOpen, STAGES_FOR_COMMAND, TERMINAL_STAGES, type Actor, type CommandType, type MatterState, type Role } from '../../domain/procedure';
import { canRead } from '../../domain/permissions';
import { matterAccessOf } from '../../domain/procedure';

const sha = 'a'.repeat(64);
/** A payload of the right shape for every command, so the edge lets it through to the workflow's rules. */
const PAYLOADS: Record<CommandType, Record<string, unknown>> = {
  submit_version: {},
  record_research_item: { item: { kind: 'procedure_statement', summary: 's', documentId: 'd' } },
  set_flags: { flags: ['RISK'], reason: 'r' },
  classify_as_major_decision: { reason: 'r' },
  submit_for_review: {},
  withdraw: { reason: 'r' },
  return_for_revision: { reason: 'r' },
  extend_case_deadline: { days: 30, reason: 'r', approvedBy: 'a', basis: 'b' },
  assign_fcr_reviewer: { reviewerId: 'u' },
  set_fcr_findings: { openFindings: 0 },
  answer_fcr_finding: { findingId: 'f', verdict: 'dismissed', reason: 'r' },
  record_fcr_conclusion: { conclusion: 'no_restrictive_effect', versionHash: sha, documentId: 'd', summary: 's' },
  accept_materials: {},
  return_for_supplement: { missing: ['m'], note: 'n' },
  assign_lawyer: { lawyerId: 'u' },
  submit_lawyer_opinion: { versionHash: sha, outcome: 'LAWFUL', text: 't', checklist: CHECKLIST },
  record_legality_conclusion: { versionHash: sha, outcome: 'LAWFUL', text: 't', checklist: CHECKLIST },
  confirm_amendments: { versionHash: sha },
  record_prior_approval: { granted: true, authority: 'a', reference: 'r' },
  schedule_meeting: { meetingAt: new Date(Date.now() + 365 * 86_400_000).toISOString(), body: 'director_office_meeting' },
  record_meeting: { record: { members: ['a'], attendees: ['a'], absentees: [], recusals: [], headId: 'a', views: [{ memberId: 'a', view: 'approve' }], outcome: 'approve', minutesDocumentId: 'm' } },
  confirm_final_text: { versionHash: sha },
  report_to_party: { reference: 'r' },
  record_government_review: { outcome: 'approved', reference: 'r' },
  sign_and_number: { versionHash: sha, signedBy: 's' },
  publish: { channel: 'c', reference: 'r' },
  withhold_publication: { ground: 'g' },
  file_record: { authority: 'a', reference: 'r' },
  archive: { archiveRef: 'a' },
  set_legal_basis_register: { entries: [{ clause: '第一条', law: '旅游法', article: 31 }] },
  answer_legality_finding: { findingId: 'f', verdict: 'dismissed', reason: 'r' },
  record_contract_particulars: {
    particulars: {
      contractType: '服务合同', parties: [{ name: '区文旅局', role: 'bureau' }, { name: '某公司', role: 'counterparty' }],
      signingAuthority: { signatory: '局长', authority: '法定代表人' }, legalBasis: '民法典', procurement: { method: 'inquiry', reference: 'CG-1' },
      price: { amount: 1, paymentTerms: 'p' }, performance: 'p', liability: 'l', confidentiality: { required: false }, disputeResolution: { method: 'litigation', forum: 'f' },
    },
  },
  record_contract_signing: { versionHash: sha, contractNumber: 'n', signedAt: new Date().toISOString(), signatory: 's', counterparty: 'c', value: 1, termStart: new Date().toISOString(), termEnd: new Date(Date.now() + 86_400_000).toISOString() },
  close_contract: { outcome: 'performed', note: 'n' },
  designate_implementing_unit: { unit: 'u' },
  report_implementation: { status: 'on_track', progress: 'p' },
  order_post_evaluation: { grounds: ['deemed_necessary'], evaluator: 'e', thirdParty: false },
  record_post_evaluation: { conclusion: 'achieved', recommendation: 'continue', summary: 's', publicHeard: 'p', documentId: 'd' },
  suspend_implementation: { decidedBy: 'h', reason: 'r' },
  resume_implementation: { decidedBy: 'h', reason: 'r' },
  record_adjustment: { newMatterId: 'm', purpose: 'adjust', reason: 'r' },
  complete_implementation: { note: 'n' },
};

/**
 * Role × action × stage: at each stage of a live matter, every person tries every action through the API.
 * Whatever the permission table and the stage table do not allow must come back 404 (not in the person's
 * scope), 403 (role / separation of duties) or 409 (stage), and leave no trace; what they allow is
 * never refused for role or stage, and nothing refused is offered as an available action. (Allowed actions are carried out in the flow tests.)
 */
describe('authorization matrix: role × action × stage', () => {
  let system: System;
  let cast: Cast;
  let drive: Driver;
  let http: ReturnType<typeof api>;
  let everyone: Array<[string, TestPerson, Actor]>;

  beforeAll(async () => {
    system = await startTestSystem({ env: { PROCEDURE_CONFIG_PATH: shortClocksConfigFile() } });
    http = api(system);
    cast = await createCast(system, 1);
    drive = new Driver(http, cast);
    const roleOf: Record<string, Role> = { drafter: 'drafter', legal: 'legal_unit', lawyer: 'lawyer', fcr: 'fcr_reviewer', secretary: 'secretary', auditor: 'auditor', admin: 'admin' };
    const otherDrafter = await person(system, ['drafter'], { sectionId: 'tourism' });
    everyone = [
      ...Object.entries(roleOf).map(([k, role]): [string, TestPerson, Actor] => {
        const p = (cast as unknown as Record<string, TestPerson>)[k]!;
        return [k, p, { userId: p.id, username: p.username, roles: [role], sectionId: role === 'drafter' ? 'market' : null, lawyerContract: role === 'lawyer' ? { from: '2020-01-01', to: '2099-12-31' } : null }];
      }),
      ['member', cast.members[0]!, { userId: cast.members[0]!.id, username: cast.members[0]!.username, roles: ['meeting_member'], sectionId: null }],
      ['otherSectionDrafter', otherDrafter, { userId: otherDrafter.id, username: otherDrafter.username, roles: ['drafter'], sectionId: 'tourism' }],
    ];
  });
  afterAll(async () => {
    await system?.stop();
  });

  async function checkMatrix(matterId: string): Promise<{ refused: number; allowed: number }> {
    // The people a command names are checked against the data at the edge (ASSIGNEE_NOT_ELIGIBLE): eligible ones,
    // so that the workflow's rules decide the cell.
    const named: Partial<Record<CommandType, Record<string, unknown>>> = { assign_lawyer: { lawyerId: cast.lawyer.id }, assign_fcr_reviewer: { reviewerId: cast.fcr.id } };
    const state = (await system.db.prisma.matter.findUniqueOrThrow({ where: { id: matterId } })).state as unknown as MatterState;
    const trailBefore = await system.db.prisma.trailEntry.count({ where: { matterId } });
    let refused = 0;
    let allowed = 0;
    for (const [name, who, actor] of everyone) {
      const readable = canRead(actor, matterAccessOf(state));
      const offered = readable ? ((await http.get(`/api/v1/matters/${matterId}`, who)).body.availableActions as Array<{ type: string }>).map((a) => a.type) : [];
      for (const type of COMMAND_TYPES) {
        const now = new Date().toISOString();
        // A matter in a terminal stage is closed (409) unless it is a major decision whose implementation is still open.
        const closed = TERMINAL_STAGES.includes(state.stage) && !implementationOpen(state);
        const ruled = !readable ? 404 : !authorizeCommand(state, type, { actor, now }).allowed ? 403 : !STAGES_FOR_COMMAND[type].includes(state.stage) || closed ? 409 : 'allowed';
        // record_adjustment is refused at this endpoint's edge, whoever sends it: POST …/adjustments registers
        // the adjusting matter and sends it (and applies the same rules first, see implementation.test.ts).
        const expected = type === 'record_adjustment' ? 400 : ruled;
        const cell = `${state.stage} × ${name} × ${type}`;
        if (expected === 'allowed') {
          // Offered only when its own preconditions hold too (e.g. confirm_amendments needs an amendment round).
          allowed += 1;
          continue;
        }
        const res = type === 'submit_version'
          ? await http.act(matterId, who, { type }, { text: `版本 ${Math.random()}` })
          : await http.act(matterId, who, { type, ...PAYLOADS[type], ...named[type] });
        expect({ cell, status: res.status }).toEqual({ cell, status: expected });
        if (readable && ruled !== 'allowed') expect({ cell, offered: offered.includes(type) }).toEqual({ cell, offered: false });
        refused += 1;
      }
    }
    // Nothing refused left a trace.
    expect(await system.db.prisma.trailEntry.count({ where: { matterId } })).toBe(trailBefore);
    return { refused, allowed };
  }

  test('at every stage of a normative document (ECON), from research to issued', async () => {
    const totals = { refused: 0, allowed: 0 };
    const add = (r: { refused: number; allowed: number }) => { totals.refused += r.refused; totals.allowed += r.allowed; };
    const id = await drive.register('normative_document', ['ECON']);
    add(await checkMatrix(id)); // research
    await drive.research(id, ['ECON']);
    await drive.ok(id, cast.drafter, { type: 'submit_for_review' });
    await drive.ok(id, cast.legal, { type: 'assign_fcr_reviewer', reviewerId: cast.fcr.id });
    add(await checkMatrix(id)); // fair_competition_review
    await drive.concludeFcr(id);
    add(await checkMatrix(id)); // completeness_check
    await drive.ok(id, cast.legal, { type: 'accept_materials' });
    await drive.ok(id, cast.legal, { type: 'assign_lawyer', lawyerId: cast.lawyer.id });
    add(await checkMatrix(id)); // legality_review
    await drive.ok(id, cast.lawyer, { type: 'submit_lawyer_opinion', versionHash: await drive.hash(id), outcome: 'LAWFUL', text: '合法', checklist: CHECKLIST });
    await drive.ok(id, cast.legal, { type: 'record_legality_conclusion', versionHash: await drive.hash(id), outcome: 'LAWFUL', text: '合法', checklist: CHECKLIST });
    add(await checkMatrix(id)); // awaiting_meeting
    await drive.ok(id, cast.secretary, { type: 'schedule_meeting', meetingAt: new Date(Date.now() + 2_500).toISOString(), body: 'director_office_meeting', bodyId: cast.bodies.director_office_meeting });
    add(await checkMatrix(id)); // meeting_scheduled
    await new Promise((r) => setTimeout(r, 2_600));
    await drive.ok(id, cast.secretary, { type: 'record_meeting', record: drive.meetingRecord('approve', []) });
    add(await checkMatrix(id)); // post_decision
    await drive.ok(id, cast.secretary, { type: 'sign_and_number', versionHash: await drive.hash(id), signedBy: '局长' });
    await drive.ok(id, cast.secretary, { type: 'publish', channel: 'c', reference: 'r' });
    await drive.ok(id, cast.legal, { type: 'file_record', authority: 'a', reference: 'r' });
    await drive.ok(id, cast.legal, { type: 'archive', archiveRef: 'x' });
    // issued: the workflow is closed, so every action is refused (409) to those who can see it.
    const closed = await checkMatrix(id);
    expect(closed.allowed).toBe(0);
    add(closed);
    expect(totals.refused).toBeGreaterThan(1000);
    expect(totals.allowed).toBeGreaterThan(15);
  }, 600_000);

  test('read and administration endpoints by role', async () => {
    const id = await drive.register('normative_document', []);
    const expectations: Array<[string, TestPerson, Record<string, number>]> = [
      ['drafter', cast.drafter, { matter: 200, trail: 200, dossier: 200, users: 403, calendarPut: 403 }],
      ['legal', cast.legal, { matter: 200, trail: 200, dossier: 200, users: 403, calendarPut: 403 }],
      ['auditor', cast.auditor, { matter: 200, trail: 200, dossier: 200, users: 403, calendarPut: 403 }],
      ['admin', cast.admin, { matter: 404, trail: 404, dossier: 404, users: 200, calendarPut: 400 }],
      ['lawyer (not assigned)', cast.lawyer, { matter: 404, trail: 404, dossier: 404, users: 403, calendarPut: 403 }],
    ];
    for (const [name, who, exp] of expectations) {
      const got = {
        matter: (await http.get(`/api/v1/matters/${id}`, who)).status,
        trail: (await http.get(`/api/v1/matters/${id}/trail`, who)).status,
        dossier: (await http.get(`/api/v1/matters/${id}/dossier`, who)).status,
        users: (await http.get('/api/v1/users', who)).status,
        // An admin passes authorisation and then fails validation (empty notice); others are refused first.
        calendarPut: (await http.put('/api/v1/calendar/years/2031', who, {})).status,
      };
      expect({ name, ...got }).toEqual({ name, ...exp });
    }
    // The people directory names who can be assigned; anyone logged in may read it, nobody anonymous.
    const lawyers = (await http.get('/api/v1/people?role=lawyer', cast.legal)).body.items;
    expect(lawyers.map((p: { id: string }) => p.id)).toContain(cast.lawyer.id);
    expect(lawyers[0]).not.toHaveProperty('passwordHash');
    expect((await http.get('/api/v1/people', null)).status).toBe(401);
    expect((await http.post('/api/v1/matters', cast.legal, { title: 't', kind: 'normative_document', text: 'x' })).status).toBe(403);
    expect((await http.post('/api/v1/matters', cast.auditor, { title: 't', kind: 'normative_document', text: 'x' })).status).toBe(403);
  });
});
