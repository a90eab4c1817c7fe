/**
 * The pre-screens' and the document register's writes go through the driver (they went through Prisma,
 * which compiled each query anew on every call). What they store must read back through Prisma — which the
 * API, the dossier and the register pages use — exactly as Prisma's own writes did: the same columns, JSON,
 * NULLs and UTC timestamps, on both databases; and a retried attempt stores nothing twice.
 */
import crypto from 'node:crypto';
import { applyStateChanges, warningCodes } from '../../domain/procedure';
import { prescreen } from '../../domain/fair-competition';
import { verifyTrail } from '../../domain/evidence';
import { fcrFindingRows, screenVersion } from '../../activities/screenVersion';
import { assignDocumentNumber, recordRegisterEvent } from '../../activities/documentRegister';
import { createLogger } from '../../platform/logger';
import { BOTH_DATABASES, useDatabaseWithOrganisations } from './support/bothDatabases';
import { storeRegisteredMatter } from './support/storedMatter';

const TEXT = [
  '第一条 为促进本区旅游消费，制定本措施。',
  '第二条 在本区注册并纳税的旅行社，方可申请奖励资金。',
  '第三条 民宿经营者应当向区文旅局缴纳五万元诚信经营保证金。',
  '第四条 依照《旅游法》第一百二十条，对未按时报送数据的民宿处以五千元罚款。',
].join('\n');

const recent = (d: Date | null | undefined) => d instanceof Date && Math.abs(d.getTime() - Date.now()) < 60_000;

describe.each(BOTH_DATABASES)('writes through the driver, read through Prisma (%s)', (_name, open) => {
  const database = useDatabaseWithOrganisations(open);

  test('a version screened: findings, runs, projection and trail entry as Prisma reads them; a retry stores nothing more', async () => {
    const db = database();
    const { matterId, hash, state } = await storeRegisteredMatter(db, { title: '驱动写入', text: TEXT, username: 'screen' });

    const at = '2026-11-30T06:07:08.009Z';
    const request = { matterId, state, versionNumber: 1, versionHash: hash, fairCompetition: true, legality: { registerRevision: 0, register: [] }, workflowId: `matter-${matterId}`, runId: 'run', at };
    const screenedWhole = await screenVersion(db, request);
    if (!('state' in screenedWhole)) throw new Error('a request with the state is answered with the state');
    const outcome = screenedWhole;

    const fcr = prescreen(TEXT);
    const expectedFcr = fcrFindingRows(request, fcr);
    expect(expectedFcr.length).toBeGreaterThan(0);
    const storedFcr = await db.prisma.fcrFinding.findMany({ where: { matterId }, orderBy: { id: 'asc' } });
    expect(storedFcr.map(({ createdAt: _c, ...rest }) => rest)).toEqual([...expectedFcr].sort((a, b) => a.id.localeCompare(b.id)));
    expect(storedFcr.every((f) => recent(f.createdAt))).toBe(true);

    const storedLegality = await db.prisma.legalityFinding.findMany({ where: { matterId }, orderBy: { id: 'asc' } });
    expect(storedLegality.length).toBeGreaterThan(0);
    expect(storedLegality.every((f) => f.registerRevision === 0 && f.versionHash === hash && f.versionNumber === 1 && recent(f.createdAt) && typeof f.basis === 'string' && typeof f.basisText === 'string')).toBe(true);
    // The stored findings are the ones the state the workflow adopts refers to.
    const inState = outcome.state.legalityPrescreen?.findings.map((f) => f.id).sort();
    expect(storedLegality.map((f) => f.id)).toEqual(inState);

    const runs = await db.prisma.prescreenRun.findMany({ where: { matterId }, orderBy: { kind: 'asc' } });
    expect(runs.map((r) => [r.kind, r.findings, r.registerRevision, r.createdAt.toISOString()])).toEqual([
      ['fair_competition', expectedFcr.length, 0, at],
      ['legality', storedLegality.length, 0, at],
    ]);
    expect(runs[0]!.fingerprint).toEqual(JSON.parse(JSON.stringify(fcr.fingerprint)));

    const row = await db.prisma.matter.findUniqueOrThrow({ where: { id: matterId } });
    expect(row.state).toEqual(JSON.parse(JSON.stringify(outcome.state)));
    expect({ seq: row.trailHeadSeq, hash: row.trailHeadHash }).toEqual(outcome.trail);

    // The activity run again (its completion lost): the same answer, nothing stored twice.
    const again = await screenVersion(db, request);
    expect(again.trail).toEqual(outcome.trail);
    expect(await db.prisma.fcrFinding.count({ where: { matterId } })).toBe(expectedFcr.length);
    expect(await db.prisma.prescreenRun.count({ where: { matterId } })).toBe(2);
    const entries = await db.prisma.trailEntry.findMany({ where: { matterId }, orderBy: { seq: 'asc' } });
    expect(entries.map((e) => e.action)).toEqual(['register', 'prescreen']);
    expect(verifyTrail(entries, [{ seq: row.trailHeadSeq, hash: row.trailHeadHash, where: 'matter record' }])).toMatchObject({ valid: true, entries: 2 });
  });

  test('the stored state screened (a request without it): the outcome is what changed, and a retry answers the stored state whole', async () => {
    const db = database();
    const { matterId, hash, state } = await storeRegisteredMatter(db, { title: '只传变化', text: TEXT, username: 'screen' });

    const request = { matterId, versionNumber: 1, versionHash: hash, fairCompetition: true, legality: { registerRevision: 0, register: [] }, workflowId: `matter-${matterId}`, runId: 'run', at: '2026-11-30T06:07:08.009Z' };
    const outcome = await screenVersion(db, request);
    if (!('changes' in outcome)) throw new Error('a request without the state is answered with what changed');
    expect(Object.keys(outcome.changes.set).sort()).toEqual(['fairCompetition', 'legalityPrescreen']);
    const row = await db.prisma.matter.findUniqueOrThrow({ where: { id: matterId } });
    // What the workflow adopts (its state with the changes) is what the projection holds.
    expect(row.state).toEqual(JSON.parse(JSON.stringify(applyStateChanges(state, outcome.changes))));
    expect(row.warnings).toEqual(warningCodes(applyStateChanges(state, outcome.changes)));

    const again = await screenVersion(db, request);
    expect(again.trail).toEqual(outcome.trail);
    if (!('state' in again)) throw new Error('a retry is answered with the stored state');
    expect(JSON.parse(JSON.stringify(again.state))).toEqual(row.state);
    expect(await db.prisma.trailEntry.count({ where: { matterId } })).toBe(2);
  });

  test('a document numbered and its events chained: the register row and events as Prisma reads them; asked again, the same', async () => {
    const db = database();
    const series = `drv-${crypto.randomUUID()}`;
    const base = { series, pattern: '驱〔{year}〕{n}号', year: 2026, title: '驱动登记', kind: 'normative_document', draftingUnit: 'market', versionHash: 'b'.repeat(64), signedAt: '2026-11-30T01:02:03.004Z', earlyEffectReason: null };
    const first = `doc-${crypto.randomUUID()}`;
    const second = `doc-${crypto.randomUUID()}`;
    const a = await assignDocumentNumber(db, { ...base, matterId: first, documentWorkflowId: `document-${first}`, expiresAt: '2031-11-30T00:00:00.000Z' });
    const b = await assignDocumentNumber(db, { ...base, matterId: second, documentWorkflowId: `document-${second}` });
    expect([a, b]).toEqual([
      { number: '驱〔2026〕1号', series, year: 2026, seq: 1 },
      { number: '驱〔2026〕2号', series, year: 2026, seq: 2 },
    ]);
    expect(await assignDocumentNumber(db, { ...base, matterId: first, documentWorkflowId: `document-${first}` })).toEqual(a);

    const doc = await db.prisma.registerDocument.findUniqueOrThrow({ where: { id: first } });
    expect(doc).toMatchObject({ matterId: first, number: a.number, seq: 1, title: '驱动登记', status: 'signed', workflowId: `document-${first}`, effectiveAt: null, earlyEffectReason: null, exceptionEndsAt: null, trailHeadSeq: 0, trailHeadHash: null });
    expect(doc.signedAt.toISOString()).toBe(base.signedAt);
    expect(doc.expiresAt?.toISOString()).toBe('2031-11-30T00:00:00.000Z');
    expect(recent(doc.createdAt)).toBe(true);

    const deps = { db, log: createLogger({ LOG_LEVEL: 'silent' }) };
    const published = { documentId: first, actionKey: 'published', kind: 'published', actorId: 'system', summary: '公布施行', at: '2026-11-30T02:00:00.000Z', set: { status: 'in_force' as const, effectiveAt: '2026-12-30T00:00:00.000Z', expiresAt: null } };
    const h1 = await recordRegisterEvent(deps, published);
    const h2 = await recordRegisterEvent(deps, { documentId: first, actionKey: 'reminded', kind: 'reevaluation_reminder', actorId: 'system', summary: '评估提醒', data: { lead: '6 months' }, at: '2026-11-30T03:00:00.000Z', set: { reevaluationOpenedAt: '2026-11-30T03:00:00.000Z' } });
    expect(await recordRegisterEvent(deps, published)).toEqual(h1);
    expect([h1.seq, h2.seq]).toEqual([1, 2]);

    const events = await db.prisma.registerEvent.findMany({ where: { documentId: first }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => [e.seq, e.actionKey, e.data, e.at.toISOString(), e.hash])).toEqual([
      [1, 'published', null, '2026-11-30T02:00:00.000Z', h1.hash],
      [2, 'reminded', { lead: '6 months' }, '2026-11-30T03:00:00.000Z', h2.hash],
    ]);
    expect(events[1]!.prevHash).toBe(h1.hash);
    const after = await db.prisma.registerDocument.findUniqueOrThrow({ where: { id: first } });
    expect(after).toMatchObject({ status: 'in_force', statusReason: '公布施行', expiresAt: null, trailHeadSeq: 2, trailHeadHash: h2.hash });
    expect(after.statusChangedAt?.toISOString()).toBe('2026-11-30T02:00:00.000Z');
    expect(after.effectiveAt?.toISOString()).toBe('2026-12-30T00:00:00.000Z');
    expect(after.reevaluationOpenedAt?.toISOString()).toBe('2026-11-30T03:00:00.000Z');
  });
});
