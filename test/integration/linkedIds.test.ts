/**
 * Ids a command names (a person assigned, a case number, a renewal matter) are checked against the data at the
 * API's edge, and what the catalogue and the clean-up list show follows the caller's read scope.
 */
import crypto from 'node:crypto';
import { person, type TestPerson } from './support/testSystem';
import { useProcedureStack } from './support/drive';
import { BOTH_DATABASES, useDatabaseWithOrganisations } from './support/bothDatabases';
import { CONTRACT_TEXT, CT, PARTICULARS } from './support/contract';
import { readAssignee, readCaseHolders } from '../../api/matters/linkedIds';
import { PROJECTION_REVISION } from '../../domain/procedure';

const EF = ['EF-SUBJECT', 'EF-JURISDICTION', 'EF-FACTS', 'EF-EVIDENCE', 'EF-PROCEDURE', 'EF-LAW', 'EF-DISCRETION', 'EF-DOCUMENT'];
const efChecklist = (issue?: string) => EF.map((code) => ({ code, result: code === issue ? 'issue' : 'pass' }));
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
/** A case number of this run only (test files share the database). */
const caseNumber = () => `文旅立〔2026〕${crypto.randomInt(1, 1_000_000_000)}号`;

describe('ids named by a command are checked against the data; catalogue and clean-up list follow the read scope', () => {
  const stack = useProcedureStack(1);

  const trailLength = (matterId: string) => stack.system.db.prisma.trailEntry.count({ where: { matterId } });

  /** The action is refused with this status and code naming this field, and nothing is stored. */
  async function refusedWith(matterId: string, who: TestPerson, command: Record<string, unknown>, expected: { status: number; code: string; field?: string; detail?: string }) {
    const before = await trailLength(matterId);
    const res = await stack.http.act(matterId, who, command);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: expected.status, code: expected.code });
    if (expected.field) expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: expected.field })]));
    if (expected.detail) expect(res.body.detail).toContain(expected.detail);
    expect(await trailLength(matterId)).toBe(before);
    return res;
  }

  describe('assign_lawyer and assign_fcr_reviewer name an eligible person', () => {
    test('a lawyer: an active account with the lawyer role and a contract in force today', async () => {
      const { drive, cast } = stack;
      const id = await drive.toLegalityReview('normative_document', []);
      const otherDrafter = await person(stack.system, ['drafter'], { sectionId: 'tourism' });
      const expired = await person(stack.system, ['lawyer'], { contract: { from: '2019-01-01', to: '2021-12-31' } });
      const notYet = await person(stack.system, ['lawyer'], { contract: { from: '2098-01-01', to: '2099-12-31' } });
      const deactivated = await person(stack.system, ['lawyer'], { contract: { from: '2020-01-01', to: '2099-12-31' } });
      await stack.system.db.prisma.user.update({ where: { id: deactivated.id }, data: { active: false } });
      for (const [lawyerId, why] of [['no-such-user', 'no such'], [otherDrafter.id, 'lawyer role'], [cast.fcr.id, 'lawyer role'], [expired.id, '2021-12-31'], [notYet.id, '2098-01-01'], [deactivated.id, 'deactivated']] as const) {
        await refusedWith(id, cast.legal, { type: 'assign_lawyer', lawyerId }, { status: 422, code: 'ASSIGNEE_NOT_ELIGIBLE', field: 'body.command.lawyerId', detail: why });
      }
      // The one not assigned reads nothing of it (the read scope follows the assignment).
      expect((await stack.http.get(`/api/v1/matters/${id}`, expired)).status).toBe(404);
      const assigned = await drive.ok(id, cast.legal, { type: 'assign_lawyer', lawyerId: cast.lawyer.id });
      expect(assigned.state.legality.lawyerId).toBe(cast.lawyer.id);
    });

    test('a fair-competition reviewer: an active account with the fcr_reviewer role', async () => {
      const { drive, cast } = stack;
      const id = await drive.register('normative_document', ['ECON']);
      await drive.research(id, ['ECON']);
      expect((await drive.ok(id, cast.drafter, { type: 'submit_for_review' })).state.stage).toBe('fair_competition_review');
      const deactivated = await person(stack.system, ['fcr_reviewer']);
      await stack.system.db.prisma.user.update({ where: { id: deactivated.id }, data: { active: false } });
      for (const [reviewerId, why] of [['no-such-user', 'no such'], [cast.lawyer.id, 'fcr_reviewer role'], [cast.secretary.id, 'fcr_reviewer role'], [deactivated.id, 'deactivated']] as const) {
        await refusedWith(id, cast.legal, { type: 'assign_fcr_reviewer', reviewerId }, { status: 422, code: 'ASSIGNEE_NOT_ELIGIBLE', field: 'body.command.reviewerId', detail: why });
      }
      expect((await drive.ok(id, cast.legal, { type: 'assign_fcr_reviewer', reviewerId: cast.fcr.id })).state.fairCompetition.reviewerId).toBe(cast.fcr.id);
    });
  });

  describe('one enforcement case, one review at a time (行政处罚法第58条、第60条)', () => {
    const enforcementCase = (number: string, filedOn: string) => ({ type: 'record_research_item', item: { kind: 'enforcement_case', caseNumber: number, caseFiledOn: filedOn, ground: 'hearing_held', complex: false, seriousViolation: false, socialImpact: false, summary: '经听证的较大数额罚款' } });

    test('not in a second matter while the first is under way; after a withdrawal only with the earliest filing date', async () => {
      const { drive, cast } = stack;
      const number = caseNumber();
      const first = await drive.register('enforcement_review', []);
      await drive.ok(first, cast.drafter, enforcementCase(number, daysAgo(20)));
      // Recorded again in its own matter (corrected to an earlier date): not a second review.
      await drive.ok(first, cast.drafter, enforcementCase(number, daysAgo(25)));

      const second = await drive.register('enforcement_review', []);
      const refused = await refusedWith(second, cast.drafter, enforcementCase(number, daysAgo(5)), { status: 409, code: 'CASE_ALREADY_UNDER_REVIEW', field: 'body.command.item.caseNumber' });
      expect(refused.body.detail).toContain(first);
      // The same number with spaces around it is the same case.
      await refusedWith(second, cast.drafter, enforcementCase(` ${number} `, daysAgo(5)), { status: 409, code: 'CASE_ALREADY_UNDER_REVIEW' });
      // Another section of the same bureau cannot take it up either.
      const tourism = await person(stack.system, ['drafter'], { sectionId: 'tourism' });
      const elsewhere = (await stack.http.post('/api/v1/matters', tourism, { title: '另一科室的执法决定', kind: 'enforcement_review', flags: [], text: '拟作出行政处罚决定。' })).body.id as string;
      await refusedWith(elsewhere, tourism, enforcementCase(number, daysAgo(25)), { status: 409, code: 'CASE_ALREADY_UNDER_REVIEW', detail: first });

      // Withdrawn, a new matter may take the case up, from the filing date on record or an earlier one.
      await drive.ok(first, cast.drafter, { type: 'withdraw', reason: '改由新事项审核' });
      await refusedWith(second, cast.drafter, enforcementCase(number, daysAgo(5)), { status: 409, code: 'CASE_FILING_DATE_FIXED', field: 'body.command.item.caseFiledOn', detail: daysAgo(25) });
      const taken = await drive.ok(second, cast.drafter, enforcementCase(number, daysAgo(25)));
      expect(taken.state.research.enforcementCase).toMatchObject({ caseNumber: number, caseFiledOn: daysAgo(25) });
      // Now the second matter holds it.
      await refusedWith(elsewhere, tourism, enforcementCase(number, daysAgo(25)), { status: 409, code: 'CASE_ALREADY_UNDER_REVIEW', detail: second });
      // Another case number is another case.
      await drive.ok(elsewhere, tourism, enforcementCase(caseNumber(), daysAgo(3)));
    });

    test('after its review failed (不合法), submitted again in a new matter only with the filing date on record: the 90 days go on', async () => {
      const { drive, cast } = stack;
      const number = caseNumber();
      const failed = await drive.register('enforcement_review', []);
      await drive.research(failed, []);
      await drive.ok(failed, cast.drafter, enforcementCase(number, daysAgo(10)));
      await drive.ok(failed, cast.drafter, { type: 'submit_for_review' });
      await drive.ok(failed, cast.legal, { type: 'accept_materials' });
      const unlawful = await drive.ok(failed, cast.legal, { type: 'record_legality_conclusion', versionHash: await drive.hash(failed), outcome: 'UNLAWFUL', text: '证据不足，不合法', enforcementChecklist: efChecklist('EF-EVIDENCE') });
      expect(unlawful.state.stage).toBe('not_issued');

      const again = await drive.register('enforcement_review', []);
      const refused = await refusedWith(again, cast.drafter, enforcementCase(number, daysAgo(2)), { status: 409, code: 'CASE_FILING_DATE_FIXED', field: 'body.command.item.caseFiledOn' });
      expect(refused.body.detail).toContain(failed);
      await drive.ok(again, cast.drafter, enforcementCase(number, daysAgo(10)));
    });

    test('another organisation\'s case of the same number is another case', async () => {
      const { drive, cast } = stack;
      const number = caseNumber();
      const ours = await drive.register('enforcement_review', []);
      await drive.ok(ours, cast.drafter, enforcementCase(number, daysAgo(10)));
      const prisma = stack.system.db.prisma;
      await prisma.organisation.upsert({ where: { id: 'other-bureau' }, create: { id: 'other-bureau', name: '区市场监督管理局', kind: 'bureau' }, update: {} });
      await prisma.section.upsert({ where: { id: 'other-enforcement' }, create: { id: 'other-enforcement', organisationId: 'other-bureau', name: '执法稽查科' }, update: {} });
      const theirDrafter = await person(stack.system, ['drafter'], { sectionId: 'other-enforcement' });
      const theirs = (await stack.http.post('/api/v1/matters', theirDrafter, { title: '他局执法决定', kind: 'enforcement_review', flags: [], text: '拟作出行政处罚决定。' })).body.id as string;
      await drive.ok(theirs, theirDrafter, enforcementCase(number, daysAgo(3)));
    });
  });

  describe('close_contract renewed names the matter reviewing the renewal', () => {
    async function contract(who: TestPerson = stack.cast.drafter): Promise<string> {
      const res = await stack.http.post('/api/v1/matters', who, { title: '智慧文旅平台技术服务合同', kind: 'contract_review', flags: [], text: CONTRACT_TEXT });
      expect(res.status).toBe(201);
      return res.body.id as string;
    }

    test('a contract review of the same unit, not this one, not ended without a contract', async () => {
      const { drive, cast, http } = stack;
      const id = await contract();
      await drive.ok(id, cast.drafter, { type: 'record_contract_particulars', particulars: PARTICULARS });
      await drive.ok(id, cast.drafter, { type: 'submit_for_review' });
      await drive.ok(id, cast.legal, { type: 'accept_materials' });
      await drive.ok(id, cast.legal, { type: 'assign_lawyer', lawyerId: cast.lawyer.id });
      await drive.answerLegalityFindings(id);
      const hash = await drive.hash(id);
      await drive.ok(id, cast.lawyer, { type: 'submit_lawyer_opinion', versionHash: hash, outcome: 'LAWFUL', text: '可以签订', checklist: CT });
      await drive.ok(id, cast.legal, { type: 'record_legality_conclusion', versionHash: hash, outcome: 'LAWFUL', text: '同意签订' });
      const now = Date.now();
      const signed = await drive.ok(id, cast.drafter, { type: 'record_contract_signing', versionHash: hash, contractNumber: 'HT-R-1', signedAt: new Date(now).toISOString(), signatory: '局长', counterparty: '某某信息技术有限公司', value: 480000, termStart: new Date(now).toISOString(), termEnd: new Date(now + 86_400_000).toISOString() });
      expect(signed.state.stage).toBe('contract_in_force');

      const notAContract = await drive.register('normative_document', []);
      const tourism = await person(stack.system, ['drafter'], { sectionId: 'tourism' });
      const otherUnit = await contract(tourism);
      const withdrawn = await contract();
      await drive.ok(withdrawn, cast.drafter, { type: 'withdraw', reason: '不再续签' });
      const renewed = (renewalMatterId: string) => ({ type: 'close_contract', outcome: 'renewed', note: '期满续签', renewalMatterId });
      for (const [who, other, why] of [[cast.legal, id, 'this contract'], [cast.legal, 'no-such-matter', 'no contract_review'], [cast.drafter, notAContract, 'normative_document'], [cast.legal, otherUnit, 'no contract_review'], [cast.drafter, withdrawn, 'withdrawn']] as const) {
        await refusedWith(id, who, renewed(other), { status: 422, code: 'RENEWAL_MATTER_UNSUITABLE', field: 'body.command.renewalMatterId', detail: why });
      }
      const renewal = await contract();
      const closed = await drive.ok(id, cast.legal, renewed(renewal));
      expect(closed.state.contract.closure).toMatchObject({ outcome: 'renewed', renewalMatterId: renewal });
      expect((await http.get(`/api/v1/matters/${id}/trail/verify`, cast.auditor)).body.valid).toBe(true);
    });
  });

  describe('the catalogue and the clean-up list show only what the caller may read', () => {
    test('an unpublished catalogue is the bureau\'s (legal unit, auditors, drafters linking their decisions); progress of a matter one may not read is only "registered"', async () => {
      const { drive, cast, http } = stack;
      // A year of its own (catalogue.test.ts takes 2000–2089).
      const year = 2090 + crypto.randomInt(0, 11);
      expect((await http.post(`/api/v1/catalogue/${year}/entries`, cast.legal, { title: '区属景区门票价格调整', category: 1, unit: '文化市场科' })).status).toBe(201);
      await http.post(`/api/v1/catalogue/${year}/entries`, cast.legal, { title: '全域旅游发展规划', category: 2, unit: '旅游发展科' });
      const lawyer = await person(stack.system, ['lawyer'], { contract: { from: '2020-01-01', to: '2099-12-31' } });
      const tourism = await person(stack.system, ['drafter'], { sectionId: 'tourism' });
      const draft = async (who: TestPerson) => (await http.get(`/api/v1/catalogue/${year}`, who)).status;
      expect({ legal: await draft(cast.legal), auditor: await draft(cast.auditor), drafter: await draft(cast.drafter), admin: await draft(cast.admin), lawyer: await draft(lawyer), secretary: await draft(cast.secretary) })
        .toEqual({ legal: 200, auditor: 200, drafter: 200, admin: 404, lawyer: 404, secretary: 404 });
      expect((await http.get(`/api/v1/catalogue/${year}/print`, lawyer)).status).toBe(404);

      const entries = (await http.get(`/api/v1/catalogue/${year}`, cast.legal)).body.entries as Array<{ id: string }>;
      const linked = await http.post('/api/v1/matters', cast.drafter, { title: '区属景区门票价格调整', kind: 'major_decision', flags: [], text: '拟调整区属景区门票价格。', catalogue: { entryId: entries[0]!.id } });
      expect(linked.status).toBe(201);
      await drive.ok(linked.body.id, cast.drafter, { type: 'withdraw', reason: '暂缓调整' });
      expect((await http.post(`/api/v1/catalogue/${year}/publish`, cast.legal, { approvalRef: '区委常委会〔2026〕9号' })).status).toBe(200);

      const first = async (who: TestPerson) => ((await http.get(`/api/v1/catalogue/${year}`, who)).body.entries as Array<{ progress: string; progressLabel: string; matter: { id: string } | null }>)[0]!;
      for (const who of [cast.drafter, cast.auditor, cast.legal]) {
        expect(await first(who)).toMatchObject({ progress: 'not_adopted', matter: { id: linked.body.id } });
      }
      for (const who of [tourism, lawyer, cast.admin]) {
        const seen = await first(who);
        expect({ progress: seen.progress, matter: seen.matter }).toEqual({ progress: 'registered', matter: null });
        expect(seen.progressLabel).not.toMatch(/撤回|不予通过|未作出决策/);
        const page = (await http.get(`/api/v1/catalogue/${year}/print`, who)).body as string;
        expect(page).not.toContain('未作出决策');
      }
      // An entry with no matter is "not started" for everyone.
      expect(((await http.get(`/api/v1/catalogue/${year}`, tourism)).body.entries as Array<{ progress: string }>)[1]!.progress).toBe('not_started');
    });

    test('GET /register/cleanups counts only the documents the caller sees in the clean-up', async () => {
      const { drive, cast, http } = stack;
      // An enforcement decision without social impact: in force, not published (seen only by who may read its matter).
      const id = await drive.register('enforcement_review', []);
      await drive.research(id, []);
      await drive.ok(id, cast.drafter, { type: 'record_research_item', item: { kind: 'enforcement_case', caseNumber: caseNumber(), caseFiledOn: daysAgo(10), ground: 'hearing_held', complex: false, seriousViolation: false, socialImpact: false, summary: '经听证的较大数额罚款' } });
      await drive.ok(id, cast.drafter, { type: 'submit_for_review' });
      await drive.ok(id, cast.legal, { type: 'accept_materials' });
      const hash = await drive.hash(id);
      await drive.ok(id, cast.legal, { type: 'record_legality_conclusion', versionHash: hash, outcome: 'LAWFUL', text: '审核通过', enforcementChecklist: efChecklist() });
      await drive.ok(id, cast.secretary, { type: 'sign_and_number', versionHash: hash, signedBy: '局长' });
      for (let i = 0; i < 60 && (await http.get(`/api/v1/register/${id}`, cast.auditor)).body?.entry?.status !== 'in_force'; i++) await new Promise((r) => setTimeout(r, 500));
      const started = await http.post('/api/v1/register/cleanups', cast.legal, { title: '执法决定清理', scope: { kind: 'enforcement_review', draftingUnit: 'market' } });
      expect(started.status).toBe(201);

      const outsider = await person(stack.system, ['drafter'], { sectionId: 'tourism' });
      const listed = async (who: TestPerson) => ((await http.get('/api/v1/register/cleanups', who)).body.items as Array<{ id: string; documents: number }>).find((c) => c.id === started.body.id)!.documents;
      const inView = async (who: TestPerson) => ((await http.get(`/api/v1/register/cleanups/${started.body.id}`, who)).body.documents as unknown[]).length;
      expect(await listed(cast.legal)).toBeGreaterThanOrEqual(1);
      for (const who of [cast.legal, cast.auditor, cast.drafter, outsider]) expect({ who: who.username, documents: await listed(who) }).toEqual({ who: who.username, documents: await inView(who) });
      // This test's unpublished decision is in the legal unit's view and count, not in the outsider's (other test files
      // sharing the database may add documents of either kind to the clean-up's scope).
      const ids = async (who: TestPerson) => ((await http.get(`/api/v1/register/cleanups/${started.body.id}`, who)).body.documents as Array<{ id: string }>).map((d) => d.id);
      expect([(await ids(cast.legal)).includes(id), (await ids(outsider)).includes(id)]).toEqual([true, false]);
      expect(await listed(outsider)).toBeLessThan(await listed(cast.legal));
    });
  });
});

/** The edge's two reads from the database, on both databases the system runs on. */
describe.each(BOTH_DATABASES)('the edge\'s reads of people and cases (%s)', (_name, open) => {
  const database = useDatabaseWithOrganisations(open);
  const run = crypto.randomUUID().slice(0, 8);

  test('a person with their roles, account state and both contract periods', async () => {
    const db = database();
    // A firm of its own (the shared one's retainer is every test lawyer's).
    await db.prisma.organisation.create({ data: { id: `firm-${run}`, name: '律师事务所', kind: 'law_firm', contractFrom: '2024-01-01', contractTo: '2026-12-31' } });
    await db.prisma.user.create({ data: { id: `lawyer-${run}`, username: `lawyer-${run}`, displayName: 'l', passwordHash: 'x', roles: ['lawyer'], organisationId: `firm-${run}`, contractFrom: '2025-01-01', contractTo: '2027-12-31', active: false } });
    expect(await readAssignee(db, `lawyer-${run}`)).toEqual({ id: `lawyer-${run}`, roles: ['lawyer'], active: false, contractFrom: '2025-01-01', contractTo: '2027-12-31', organisationContractFrom: '2024-01-01', organisationContractTo: '2026-12-31' });
    expect(await readAssignee(db, 'no-such-person')).toBeNull();
  });

  test('the other enforcement reviews of the organisation holding the case number', async () => {
    const db = database();
    await db.prisma.organisation.upsert({ where: { id: 'other-bureau' }, create: { id: 'other-bureau', name: '他局', kind: 'bureau' }, update: {} });
    await db.prisma.section.upsert({ where: { id: 'other-enforcement' }, create: { id: 'other-enforcement', organisationId: 'other-bureau', name: '执法稽查科' }, update: {} });
    const number = `立〔2026〕${run}号`;
    const matter = (id: string, over: { kind?: string; draftingUnit?: string; stage?: string; caseNumber?: string; outcome?: string }) =>
      db.prisma.matter.create({ data: {
        // Of the current projection revision (a system started on this database later does not recompute these
        // partial states), and removed at the end: other test files share the database.
        id: `${id}-${run}`, title: 't', kind: over.kind ?? 'enforcement_review', draftingUnit: over.draftingUnit ?? 'market', createdById: 'u', stage: over.stage ?? 'research', workflowId: `matter-${id}-${run}`, currentVersion: 1, projectionRev: PROJECTION_REVISION,
        state: { research: { enforcementCase: { caseNumber: over.caseNumber ?? number, caseFiledOn: '2026-03-01' } }, legality: { conclusion: over.outcome ? { outcome: over.outcome } : null } },
      } });
    await matter('self', {});
    await matter('withdrawn', { draftingUnit: 'tourism', stage: 'withdrawn' });
    await matter('failed', { stage: 'not_issued', outcome: 'UNLAWFUL' });
    await matter('other-kind', { kind: 'normative_document' });
    await matter('other-case', { caseNumber: `${number}之二` });
    await matter('other-org', { draftingUnit: 'other-enforcement' });
    const holders = await readCaseHolders(db, { matterId: `self-${run}`, draftingUnit: 'market' }, number);
    expect(holders.map((h) => h.matterId).sort()).toEqual([`failed-${run}`, `withdrawn-${run}`]);
    expect(holders.find((h) => h.matterId === `failed-${run}`)).toEqual({ matterId: `failed-${run}`, stage: 'not_issued', caseFiledOn: '2026-03-01', outcome: 'UNLAWFUL' });
    expect(holders.find((h) => h.matterId === `withdrawn-${run}`)!.outcome).toBeNull();
    // Seen from the other organisation: its own matter only.
    expect((await readCaseHolders(db, { matterId: 'x', draftingUnit: 'other-enforcement' }, number)).map((h) => h.matterId)).toEqual([`other-org-${run}`]);
    // A drafting unit that is no section on record: its own matters only.
    await matter('unlisted', { draftingUnit: `unlisted-${run}` });
    expect((await readCaseHolders(db, { matterId: 'x', draftingUnit: `unlisted-${run}` }, number)).map((h) => h.matterId)).toEqual([`unlisted-${run}`]);
    await db.prisma.matter.deleteMany({ where: { id: { endsWith: `-${run}` }, title: 't' } });
  });
});
