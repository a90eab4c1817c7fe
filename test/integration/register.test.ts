import crypto from 'node:crypto';
import { person, procedureConfigFile } from './support/testSystem';
import { Driver, useProcedureStack } from './support/drive';
import { BUREAU_ID } from '../../api/people/demoPeople';
import { useWebhookRecorder } from './support/webhook';
import { recordHistory } from './support/histories';
import JSZip from 'jszip';
import { assignDocumentNumber } from '../../activities/documentRegister';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` returns a value (the clocks run in real time, in seconds); fails after `tries`. */
async function eventually<T>(check: () => Promise<T | null | undefined | false>, tries = 120): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await check();
    if (v) return v;
    await sleep(500);
  }
  throw new Error('condition never held');
}

/**
 * The document register (统一登记、统一编号) and a document's life after issue, through the workflows and the
 * HTTP API: numbers assigned at signing from a series (concurrently, without gaps), dates and validity
 * recorded, a document's own workflow reminding, opening the re-evaluation and expiring it, decisions, and
 * an art. 12 exception's end calling for a new fair-competition review.
 */
describe('document register and life after issue', () => {
  const hooks = useWebhookRecorder();
  const stack = useProcedureStack(3, () => ({
    configPath: procedureConfigFile({
      kinds: { normative_document: { legalityReviewMinimum: { amount: 1, unit: 'seconds' }, legalityReviewTimeLimit: { amount: 3600, unit: 'seconds' } } },
      reminderLead: { amount: 60, unit: 'seconds' },
      // Short document lives: effective at once, valid at most 40 s (20 s for 暂行), re-evaluated in the last 6 s.
      documents: {
        effectiveDelay: { amount: 0, unit: 'seconds' },
        maxValidity: { amount: 40, unit: 'seconds' },
        maxValidityProvisional: { amount: 20, unit: 'seconds' },
        reevaluationLead: { amount: 6, unit: 'seconds' },
        exceptionReviewReminderEvery: { amount: 2, unit: 'seconds' },
      },
    }),
    env: { NOTIFY_WEBHOOK_URL: hooks.url },
  }));

  const entry = async (id: string) => (await stack.http.get(`/api/v1/register/${id}`, stack.cast.auditor)).body as { entry: Record<string, any>; events: Array<{ kind: string; summary: string }>; verification: { valid: boolean } }; // eslint-disable-line @typescript-eslint/no-explicit-any

  test('signing takes the next number of its series; the register lists the document with its dates, status and links; it expires when nothing is decided', async () => {
    const id = await stack.drive.toSigning();
    const hash = await stack.drive.hash(id);
    const typed = await stack.http.act(id, stack.cast.secretary, { type: 'sign_and_number', versionHash: hash, documentNumber: '南文旅规〔2026〕99号', signedBy: '局长' });
    expect(typed.status).toBe(422);
    expect(typed.body.code).toBe('DOCUMENT_NUMBER_ASSIGNED');
    const tooLong = await stack.http.act(id, stack.cast.secretary, { type: 'sign_and_number', versionHash: hash, signedBy: '局长', expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.code).toBe('VALIDITY_TOO_LONG');
    const signed = await stack.drive.ok(id, stack.cast.secretary, { type: 'sign_and_number', versionHash: hash, signedBy: '局长', expiresAt: new Date(Date.now() + 12_000).toISOString() });
    const signing = signed.state.postDecision.signing;
    expect(signing.documentNumber).toMatch(/^南文旅规〔\d{4}〕\d+号$/);
    expect(signing.register.seq).toBeGreaterThan(0);
    // Signed, not yet published: only those who may read its matter see it in the register (a title is not revealed).
    const otherUnit = `other-${crypto.randomUUID().slice(0, 8)}`;
    await stack.system.db.prisma.section.create({ data: { id: otherUnit, organisationId: BUREAU_ID, name: '其他科室' } });
    const outsider = await person(stack.system, ['drafter'], { sectionId: otherUnit });
    const listed = async (who: typeof outsider) => ((await stack.http.get('/api/v1/register', who)).body.items as Array<{ id: string }>).some((e) => e.id === id);
    expect(await listed(outsider)).toBe(false);
    expect((await stack.http.get(`/api/v1/register/${id}`, outsider)).status).toBe(404);
    expect(await listed(stack.cast.drafter)).toBe(true);
    await stack.drive.ok(id, stack.cast.secretary, { type: 'publish', channel: '区政府网站', reference: 'https://example.gov.cn/1' });
    // Published: public, so every register reader sees it.
    expect(await listed(outsider)).toBe(true);
    expect((await stack.http.get(`/api/v1/register/${id}`, outsider)).status).toBe(200);

    // Numbered at signing, in force once published (the document's workflow records it).
    await eventually(async () => (await entry(id)).entry.status === 'in_force');
    const list = (await stack.http.get('/api/v1/register?kind=normative_document', stack.cast.auditor)).body.items as Array<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const mine = list.find((e) => e.id === id)!;
    expect(mine).toMatchObject({ number: signing.documentNumber, status: 'in_force', links: { matter: `/api/v1/matters/${id}`, dossier: `/api/v1/matters/${id}/dossier.html` } });
    expect(mine.signedAt).toBeTruthy();
    expect(mine.publishedAt).toBeTruthy();
    expect(mine.effectiveAt).toBeTruthy();
    expect(mine.expiresAt).toBeTruthy();
    expect((await stack.http.get('/api/v1/register', null)).status).toBe(401);

    // The document's own workflow: reminders from the lead before expiry (the re-evaluation opens), then expiry.
    const reminded = await eventually(async () => ((await entry(id)).events.some((e) => e.kind === 'reevaluation_reminder') ? entry(id) : null));
    expect(reminded.entry.reevaluationOpenedAt).toBeTruthy();
    const expired = await eventually(async () => { const e = await entry(id); return e.entry.status === 'expired' ? e : null; });
    expect(expired.events.map((e) => e.kind)).toEqual(['issued', 'reevaluation_reminder', 'reevaluation_reminder', 'expiry']);
    expect(expired.verification.valid).toBe(true);
    expect(hooks.calls.some((h) => h.documentId === id && h.type === 'reevaluation_due')).toBe(true);
    expect(hooks.calls.some((h) => h.documentId === id && h.type === 'document_expired')).toBe(true);
    // An expired document takes no decision.
    const late = await stack.http.post(`/api/v1/register/${id}/decisions`, stack.cast.legal, { decision: 'repeal', reason: '过期' });
    expect(late.status).toBe(409);

    // The matter goes on to its end (filing, archive) while the document lives in its own workflow.
    await stack.drive.ok(id, stack.cast.legal, { type: 'file_record', authority: '区司法局', reference: '备2026-001' });
    const archived = await stack.drive.ok(id, stack.cast.legal, { type: 'archive', archiveRef: 'A-1' });
    expect(archived.state.stage).toBe('issued');
    await recordHistory(stack.system.client, `matter-${id}`, 'limits-as-written-numbered-signing');
    await recordHistory(stack.system.client, `document-${id}`, 'document-decisions-as-written-reminded-then-expired');
  });

  test('numbers are unique and gap-free under concurrent assignment; a matter asking again gets its own number', async () => {
    const series = `test-${crypto.randomUUID()}`;
    const base = { series, pattern: `测〔{year}〕{n}号`, year: 2026, title: 't', kind: 'normative_document', draftingUnit: 'x', versionHash: 'a'.repeat(64), signedAt: new Date().toISOString(), documentWorkflowId: 'none' };
    const ids = Array.from({ length: 24 }, () => `conc-${crypto.randomUUID()}`);
    // Every matter asks twice at once (a retried activity racing its first attempt).
    const results = await Promise.all([...ids, ...ids].map((matterId) => assignDocumentNumber(stack.system.db, { ...base, matterId })));
    const byMatter = new Map<string, number>();
    for (const [i, r] of results.entries()) {
      const matterId = [...ids, ...ids][i]!;
      if (byMatter.has(matterId)) expect(byMatter.get(matterId)).toBe(r.seq);
      byMatter.set(matterId, r.seq);
    }
    expect([...byMatter.values()].sort((a, b) => a - b)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    const rows = await stack.system.db.prisma.registerDocument.findMany({ where: { series }, select: { number: true } });
    expect(new Set(rows.map((r) => r.number)).size).toBe(24);
    expect(rows.map((r) => r.number)).toContain('测〔2026〕24号');

    // Through the workflows: two matters signed at the same moment get different numbers of the series,
    // and the series as a whole stays without gaps.
    const [a, b] = await Promise.all([stack.drive.toSigning(), stack.drive.toSigning()]);
    const [sa, sb] = await Promise.all([a, b].map(async (id) => stack.drive.ok(id, stack.cast.secretary, { type: 'sign_and_number', versionHash: await stack.drive.hash(id), signedBy: '局长' })));
    expect(sa!.state.postDecision.signing.documentNumber).not.toBe(sb!.state.postDecision.signing.documentNumber);
    const year = sa!.state.postDecision.signing.register.year as number;
    const seqs = (await stack.system.db.prisma.registerDocument.findMany({ where: { series: 'gui', year }, select: { seq: true } })).map((r) => r.seq).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
  });

  test('re-evaluation decisions: continue with a new expiry, amend naming the new matter, repeal; each recorded and chained', async () => {
    const one = await stack.drive.toSigning();
    await stack.drive.ok(one, stack.cast.secretary, { type: 'sign_and_number', versionHash: await stack.drive.hash(one), signedBy: '局长', expiresAt: new Date(Date.now() + 20_000).toISOString() });
    await stack.drive.ok(one, stack.cast.secretary, { type: 'publish', channel: '区政府网站', reference: 'r-1' });
    await eventually(async () => (await entry(one)).events.length > 0);
    expect((await stack.http.post(`/api/v1/register/${one}/decisions`, stack.cast.drafter, { decision: 'repeal', reason: 'x' })).status).toBe(403);
    // Continued only in its re-evaluation (the last 6 s here) or a clean-up: not pushed on before it is re-evaluated.
    const early = await stack.http.post(`/api/v1/register/${one}/decisions`, stack.cast.legal, { decision: 'continue', reason: '仍然适用', newExpiresAt: new Date(Date.now() + 30_000).toISOString() });
    expect(early.body).toMatchObject({ status: 409, code: 'REEVALUATION_NOT_OPEN' });
    await eventually(async () => (await entry(one)).entry.reevaluationOpenedAt);
    expect((await stack.http.post(`/api/v1/register/${one}/decisions`, stack.cast.legal, { decision: 'continue', reason: '仍然适用' })).body.code).toBe('NEW_EXPIRY_REQUIRED');
    // A reason is text like any other the API stores: a control character is a 400 naming it (a BEL was
    // stored, a NUL was refused by PostgreSQL as a 422 storage_refused).
    for (const reason of ['废止\u0007', '废止\u0000']) {
      const bad = await stack.http.post(`/api/v1/register/${one}/decisions`, stack.cast.legal, { decision: 'repeal', reason });
      expect({ reason, status: bad.status, code: bad.body.code, fields: bad.body.errors?.map((e: { field: string }) => e.field) }).toEqual({ reason, status: 400, code: 'invalid_input', fields: ['body.reason'] });
    }
    const before = (await entry(one)).entry.expiresAt as string;
    // Continued: a new validity period, counted from the decision (at most 40 s here).
    const newExpiry = new Date(Date.parse(before) + 10_000).toISOString();
    const continued = await stack.http.post(`/api/v1/register/${one}/decisions`, stack.cast.legal, { decision: 'continue', reason: '评估后继续实施', newExpiresAt: newExpiry }, { 'idempotency-key': `cont-${one}` });
    expect(continued.status).toBe(200);
    expect((await entry(one)).entry.expiresAt).toBe(newExpiry);
    expect((await stack.http.post(`/api/v1/register/${one}/decisions`, stack.cast.legal, { decision: 'amend', reason: '需修改' })).body.code).toBe('AMENDING_MATTER_REQUIRED');
    expect((await stack.http.post(`/api/v1/register/${one}/decisions`, stack.cast.legal, { decision: 'amend', reason: '需修改', amendingMatterId: 'no-such-matter' })).body.code).toBe('AMENDING_MATTER_UNKNOWN');
    // An amendment is drafted in another matter of the kind, still in its procedure: not the document's own.
    const own = await stack.http.post(`/api/v1/register/${one}/decisions`, stack.cast.legal, { decision: 'amend', reason: '需修改', amendingMatterId: one });
    expect(own.body).toMatchObject({ status: 422, code: 'AMENDING_MATTER_UNSUITABLE', errors: [{ field: 'body.amendingMatterId' }] });
    const successor = await stack.drive.register('normative_document', []);
    const amended = await stack.http.post(`/api/v1/register/${one}/decisions`, stack.cast.legal, { decision: 'amend', reason: '上位法修改，需相应修改', amendingMatterId: successor });
    expect(amended.status).toBe(200);
    const after = await entry(one);
    // 修改: in force until the amended text takes effect (the next test follows that through).
    expect(after.entry).toMatchObject({ status: 'in_force', amendingMatterId: successor });
    expect(after.events.map((e) => e.kind)).toEqual(['issued', 'reevaluation_reminder', 'decision_continue', 'decision_amend']);
    expect(after.verification.valid).toBe(true);
    await recordHistory(stack.system.client, `document-${one}`, 'document-decisions-checked-reevaluation');

    const two = await stack.drive.toSigning();
    await stack.drive.ok(two, stack.cast.secretary, { type: 'sign_and_number', versionHash: await stack.drive.hash(two), signedBy: '局长' });
    await stack.drive.ok(two, stack.cast.secretary, { type: 'publish', channel: '区政府网站', reference: 'r-2' });
    // Sent the moment publishing is answered (the document's workflow is started with that answer, not before
    // it): the decision waits for the workflow, and the workflow records the issue before the decision.
    expect((await stack.http.post(`/api/v1/register/${two}/decisions`, stack.cast.legal, { decision: 'repeal', reason: '已不适应管理需要' })).status).toBe(200);
    const repealed = await entry(two);
    expect(repealed.entry.status).toBe('repealed');
    expect(repealed.events.map((e) => e.kind)).toEqual(['issued', 'decision_repeal']);
    expect(repealed.verification.valid).toBe(true);
    expect((await stack.http.get('/api/v1/register?status=repealed', stack.cast.auditor)).body.items.map((e: { id: string }) => e.id)).toContain(two);
  });

  test('修改: decided to be amended, a document stays in force; decided on again when the amending matter is withdrawn; replaced when the amended text takes effect', async () => {
    // The matter that will carry the amendment through is ready first: the document lives 40 s here.
    const amending = await stack.drive.toSigning();
    const doc = await stack.drive.toSigning();
    await stack.drive.ok(doc, stack.cast.secretary, { type: 'sign_and_number', versionHash: await stack.drive.hash(doc), signedBy: '局长' });
    await stack.drive.ok(doc, stack.cast.secretary, { type: 'publish', channel: '区政府网站', reference: 'r-amend' });
    await eventually(async () => (await entry(doc)).entry.status === 'in_force');

    // A first attempt, drafted in a matter that is then withdrawn: the document is in force throughout, then open again.
    const abandoned = await stack.drive.register('normative_document', []);
    expect((await stack.http.post(`/api/v1/register/${doc}/decisions`, stack.cast.legal, { decision: 'amend', reason: '上位法修改，需相应修改', amendingMatterId: abandoned })).status).toBe(200);
    expect((await entry(doc)).entry).toMatchObject({ status: 'in_force', amendingMatterId: abandoned });
    const twice = await stack.http.post(`/api/v1/register/${doc}/decisions`, stack.cast.legal, { decision: 'amend', reason: '另行修改', amendingMatterId: amending });
    expect(twice.body).toMatchObject({ status: 409, code: 'AMENDMENT_PENDING' });
    await stack.drive.ok(abandoned, stack.cast.drafter, { type: 'withdraw', reason: '修改方案另行起草' });
    const reopened = await eventually(async () => { const e = await entry(doc); return e.events.some((x) => x.kind === 'amendment_abandoned') ? e : null; });
    expect(reopened.entry).toMatchObject({ status: 'in_force', amendingMatterId: null });
    expect(reopened.events.find((x) => x.kind === 'amendment_abandoned')!.summary).toContain('请重新评估');
    expect(hooks.calls.some((h) => h.documentId === doc && h.type === 'reevaluation_due')).toBe(true);
    await recordHistory(stack.system.client, `matter-${abandoned}`, 'amendment-ended-told');

    // The second, carried through: the amended text is put out and takes effect at once here; then this one is amended.
    expect((await stack.http.post(`/api/v1/register/${doc}/decisions`, stack.cast.legal, { decision: 'amend', reason: '上位法修改，需相应修改', amendingMatterId: amending })).status).toBe(200);
    await stack.drive.ok(amending, stack.cast.secretary, { type: 'sign_and_number', versionHash: await stack.drive.hash(amending), signedBy: '局长' });
    await stack.drive.ok(amending, stack.cast.secretary, { type: 'publish', channel: '区政府网站', reference: 'r-amended' });
    const replaced = await eventually(async () => { const e = await entry(doc); return e.entry.status === 'amended' ? e : null; });
    const newNumber = (await entry(amending)).entry.number as string;
    expect(replaced.entry.amendingMatterId).toBe(amending);
    expect(replaced.events.map((e) => e.kind)).toEqual(['issued', 'decision_amend', 'amendment_abandoned', 'decision_amend', 'amendment_issued', 'amendment_effective']);
    expect(replaced.events.at(-1)!.summary).toContain(`由${newNumber}替代`);
    expect(replaced.verification.valid).toBe(true);
    expect((await stack.http.post(`/api/v1/register/${doc}/decisions`, stack.cast.legal, { decision: 'repeal', reason: '已修改' })).body.code).toBe('DOCUMENT_NOT_IN_FORCE');
    await recordHistory(stack.system.client, `document-${doc}`, 'document-amendment-awaits-issue');
  });

  test('an art. 12 exception: its end date is required at signing and its end calls for a new fair-competition review', async () => {
    const id = await stack.drive.toSigning('normative_document', ['ECON'], 'exception_justified');
    const hash = await stack.drive.hash(id);
    const missing = await stack.http.act(id, stack.cast.secretary, { type: 'sign_and_number', versionHash: hash, signedBy: '局长' });
    expect(missing.status).toBe(422);
    expect(missing.body.code).toBe('EXCEPTION_END_REQUIRED');
    // An end already past covers nothing (第18条: not issued on a lapsed exception).
    const lapsed = await stack.http.act(id, stack.cast.secretary, { type: 'sign_and_number', versionHash: hash, signedBy: '局长', exceptionEndsAt: new Date(Date.now() - 60_000).toISOString() });
    expect([lapsed.status, lapsed.body.code]).toEqual([422, 'EXCEPTION_END_REQUIRED']);
    expect(lapsed.body.detail).toContain('already passed');
    await stack.drive.ok(id, stack.cast.secretary, { type: 'sign_and_number', versionHash: hash, signedBy: '局长', exceptionEndsAt: new Date(Date.now() + 3_000).toISOString() });
    await stack.drive.ok(id, stack.cast.secretary, { type: 'publish', channel: '区政府网站', reference: 'r-3' });
    const ended = await eventually(async () => { const e = await entry(id); return e.entry.exceptionReviewDueAt && e.events.some((x) => x.kind === 'exception_end') ? e : null; });
    expect(ended.entry.exceptionReviewDueAt).toBeTruthy();
    expect(ended.events.find((x) => x.kind === 'exception_end')!.summary).toContain('重新进行公平竞争审查');
    expect(hooks.calls.some((h) => h.documentId === id && h.type === 'fair_competition_review_due')).toBe(true);
    // Neither amended nor repealed: recalled (every 2 s here), the third time as an escalation, then no more.
    const recalled = await eventually(async () => { const e = await entry(id); return e.events.filter((x) => x.kind === 'exception_review_reminder').length === 3 ? e : null; });
    expect(recalled.events.filter((x) => x.kind === 'exception_review_reminder').at(-1)!.summary).toContain('已逾期');
    expect(recalled.verification.valid).toBe(true);
    await recordHistory(stack.system.client, `document-${id}`, 'document-exception-reminders');
    // The 备案 package carries the written fair-competition conclusion (公平竞争审查条例第17条).
    const res = await fetch(`${stack.system.apiUrl}/api/v1/register/${id}/filing-package`, { headers: { authorization: `Bearer ${stack.cast.legal.token}` } });
    expect(res.status).toBe(200);
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    expect(Object.keys(zip.files)).toContain('06-公平竞争审查结论.txt');
    expect(await zip.file('06-公平竞争审查结论.txt')!.async('string')).toContain('公平竞争审查');
  });

  test('clean-up (清理): decisions on every document in scope, then the lists published as JSON and a printable page; the 备案 package as one zip', async () => {
    // A drafting unit of its own: the run's database holds other test files' documents in force, whose
    // workflows' workers stopped with their files; a clean-up of a shared unit would wait on them.
    const unit = `cleanup-${crypto.randomUUID().slice(0, 8)}`;
    await stack.system.db.prisma.section.create({ data: { id: unit, organisationId: BUREAU_ID, name: '清理测试科' } });
    const unitDrive = new Driver(stack.http, { ...stack.cast, drafter: await person(stack.system, ['drafter'], { sectionId: unit }) });
    const id = await unitDrive.toSigning();
    // In force from before its publication, for the better protection of rights (立法法第104条): the reason
    // goes with it into the register and the 备案 report.
    const retroactiveReason = '对已申请的补贴按新标准执行，有利于经营者';
    await stack.drive.ok(id, stack.cast.secretary, { type: 'sign_and_number', versionHash: await stack.drive.hash(id), signedBy: '局长', effectiveAt: new Date(Date.now() - 10_000).toISOString(), retroactiveReason, expiresAt: new Date(Date.now() + 20_000).toISOString() });
    await stack.drive.ok(id, stack.cast.secretary, { type: 'publish', channel: '区政府网站', reference: 'r-4' });
    await stack.drive.ok(id, stack.cast.legal, { type: 'file_record', authority: '区司法局', reference: '备字2026第17号' });
    await eventually(async () => (await entry(id)).events.length > 0);
    expect((await entry(id)).entry.draftingUnit).toBe(unit);

    expect((await stack.http.post('/api/v1/register/cleanups', stack.cast.drafter, { title: 'x', scope: { draftingUnit: unit } })).status).toBe(403);
    const badStarts: Array<[Record<string, unknown>, string]> = [
      [{ title: '清理\u0007', scope: { draftingUnit: unit } }, 'body.title'],
      [{ title: '清理\u0000' }, 'body.title'],
      [{ title: '清理', scope: { topic: '旅游\u0000' } }, 'body.scope.topic'],
      [{ title: '清理', scope: { draftingUnit: `${unit}\u0007` } }, 'body.scope.draftingUnit'],
      [{ title: '清理', scope: { topic: '旅'.repeat(101) } }, 'body.scope.topic'],
    ];
    for (const [body, field] of badStarts) {
      const bad = await stack.http.post('/api/v1/register/cleanups', stack.cast.legal, body);
      expect({ field, status: bad.status, code: bad.body.code, fields: bad.body.errors?.map((e: { field: string }) => e.field) }).toEqual({ field, status: 400, code: 'invalid_input', fields: [field] });
    }
    const started = await stack.http.post('/api/v1/register/cleanups', stack.cast.legal, { title: '2026年度规范性文件清理', scope: { draftingUnit: unit } });
    expect(started.status).toBe(201);
    const cleanupId = started.body.id as string;
    const docIds = (started.body.documents as Array<{ id: string }>).map((d) => d.id);
    expect(docIds).toContain(id);
    const early = await stack.http.post(`/api/v1/register/cleanups/${cleanupId}/publish`, stack.cast.legal, {});
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('CLEANUP_UNDECIDED');
    const cont = await stack.http.post(`/api/v1/register/cleanups/${cleanupId}/decisions`, stack.cast.legal, { documentId: id, decision: 'continue', reason: '符合上位法，继续有效', newExpiresAt: new Date(Date.now() + 35_000).toISOString() });
    expect(cont.status).toBe(200);
    expect((await stack.http.post(`/api/v1/register/cleanups/${cleanupId}/decisions`, stack.cast.legal, { documentId: id, decision: 'repeal', reason: '再决定' })).body.code).toBe('ALREADY_DECIDED');
    const nulReason = await stack.http.post(`/api/v1/register/cleanups/${cleanupId}/decisions`, stack.cast.legal, { documentId: id, decision: 'repeal', reason: '再\u0000决定' });
    expect([nulReason.status, nulReason.body.errors?.[0]?.field]).toEqual([400, 'body.reason']);
    for (const other of (await stack.http.get(`/api/v1/register/cleanups/${cleanupId}`, stack.cast.legal)).body.undecided as string[]) {
      const r = await stack.http.post(`/api/v1/register/cleanups/${cleanupId}/decisions`, stack.cast.legal, { documentId: other, decision: 'repeal', reason: '已不适应管理需要' });
      expect([200, 409]).toContain(r.status); // 409: it expired meanwhile (then it needs no decision)
    }
    const published = await stack.http.post(`/api/v1/register/cleanups/${cleanupId}/publish`, stack.cast.legal, {});
    expect([published.status, published.body.code, published.body.detail]).toEqual([200, undefined, undefined]);
    expect(published.body.publishedAt).toBeTruthy();
    expect(published.body.lists.inForce.map((e: { id: string }) => e.id)).toContain(id);
    expect(published.body.lists.inForce.find((e: { id: string }) => e.id === id).reason).toBe('符合上位法，继续有效');
    const page = await fetch(`${stack.system.apiUrl}/api/v1/register/cleanups/${cleanupId}/lists.html`, { headers: { authorization: `Bearer ${stack.cast.auditor.token}` } });
    const html = await page.text();
    expect(html).toContain('继续有效的文件目录');
    expect(html).toContain((await entry(id)).entry.number);
    expect((await stack.http.post(`/api/v1/register/cleanups/${cleanupId}/publish`, stack.cast.legal, {})).status).toBe(409);
    expect((await entry(id)).events.map((e) => e.kind)).toContain('decision_continue');

    // The 备案 package: one zip with the report, the document, the explanation, both opinions, the signature, a manifest.
    expect((await stack.http.get(`/api/v1/register/${id}/filing-package`, stack.cast.drafter)).status).toBe(403);
    const res = await fetch(`${stack.system.apiUrl}/api/v1/register/${id}/filing-package`, { headers: { authorization: `Bearer ${stack.cast.legal.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/zip');
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(expect.arrayContaining(['01-备案报告.html', '03-起草说明.txt', '04-合法性审核意见.html', '05-法律顾问法律意见书.html', '05-法律顾问签名.json', 'manifest.json']));
    expect(names.some((n) => n.startsWith('02-文件正文-'))).toBe(true);
    const report = await zip.file('01-备案报告.html')!.async('string');
    expect(report).toContain('备字2026第17号');
    expect(report).toContain(retroactiveReason);
    expect((await entry(id)).entry.retroactiveReason).toBe(retroactiveReason);
    expect(report).toContain('区司法局');
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { files: Array<{ name: string; sha256: string }> };
    expect(manifest.files.map((f) => f.name)).toContain('01-备案报告.html');
  }, 240_000); // a document lives 20 s here and its workflow's events are awaited: slow on a loaded machine
});
