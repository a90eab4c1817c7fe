import { addLife, beijingYear, applyLifeTimer, decideDocument, defaultDocumentLifeConfig, documentDates, documentDatesProblem, formatDocumentNumber, isProvisionalTitle, newDocumentLife, nextLifeTimer, seriesPatternProblem } from '../../../domain/lifecycle';
import { registerEventHash, rowFromEvents, verifyRegisterChain, REGISTER_GENESIS_HASH } from '../../../domain/lifecycle/registerChain';
import { amendmentLookedUp, settleAmendment } from '../../../domain/lifecycle/documentLife';
import { cleanupLists, undecided } from '../../../domain/lifecycle/cleanup';

const config = defaultDocumentLifeConfig;

describe('numbering (统一编号)', () => {
  test('the pattern takes the year and the sequence number', () => {
    expect(formatDocumentNumber('南文旅规〔{year}〕{n}号', 2026, 3)).toBe('南文旅规〔2026〕3号');
    expect(seriesPatternProblem('南文旅规〔{year}〕号')).toMatch(/\{n\}/);
    expect(seriesPatternProblem('南文旅规{n}号')).toMatch(/\{year\}/);
    expect(seriesPatternProblem('南文旅规〔{year}〕{n}号')).toBeNull();
  });
  test('the series year is the Beijing year (a signing at 23:30 UTC on 31 December is in the next year)', () => {
    expect(beijingYear('2026-12-31T15:59:59Z')).toBe(2026);
    expect(beijingYear('2026-12-31T16:00:00Z')).toBe(2027);
  });
});

describe('validity and the effective date', () => {
  test('years and months on the Beijing calendar; the end of a short month is kept', () => {
    expect(addLife('2026-03-01T02:00:00Z', { amount: 5, unit: 'years' })).toBe('2031-03-01T02:00:00.000Z');
    expect(addLife('2026-08-31T02:00:00Z', { amount: 6, unit: 'months' }, -1)).toBe('2026-02-28T02:00:00.000Z');
    expect(addLife('2026-01-01T00:00:00Z', { amount: 30, unit: 'seconds' })).toBe('2026-01-01T00:00:30.000Z');
  });
  test('暂行 / 试行 titles have the shorter validity', () => {
    expect(isProvisionalTitle('南京市文化旅游消费券发放暂行办法')).toBe(true);
    expect(isProvisionalTitle('管理办法（试行）')).toBe(true);
    expect(isProvisionalTitle('管理办法')).toBe(false);
  });
  test('defaults: effective 30 days after publication, valid 5 years (2 for 暂行)', () => {
    const d = documentDates({ title: '办法', publishedAt: '2026-03-01T02:00:00Z' }, config);
    expect(d).toEqual({ effectiveAt: '2026-03-31T02:00:00.000Z', expiresAt: '2031-03-31T02:00:00.000Z' });
    expect(documentDates({ title: '暂行办法', publishedAt: '2026-03-01T02:00:00Z' }, config).expiresAt).toBe('2028-03-31T02:00:00.000Z');
  });
  test('earlier than 30 days only with a reason; longer than allowed never', () => {
    const base = { title: '办法', publishedAt: '2026-03-01T02:00:00Z' };
    expect(documentDatesProblem({ ...base, effectiveAt: '2026-03-10T00:00:00+08:00' }, config)?.code).toBe('EFFECTIVE_TOO_EARLY');
    expect(documentDatesProblem({ ...base, effectiveAt: '2026-03-10T00:00:00+08:00', earlyEffectReason: '应对突发事件' }, config)).toBeNull();
    expect(documentDatesProblem({ ...base, effectiveAt: '2026-03-31T00:00:00+08:00' }, config)).toBeNull();
    expect(documentDatesProblem({ ...base, expiresAt: '2032-01-01T00:00:00+08:00' }, config)?.code).toBe('VALIDITY_TOO_LONG');
    expect(documentDatesProblem({ title: '试行办法', publishedAt: base.publishedAt, expiresAt: '2029-01-01T00:00:00+08:00' }, config)?.code).toBe('VALIDITY_TOO_LONG');
    expect(documentDatesProblem({ ...base, effectiveAt: '2026-04-01T00:00:00+08:00', expiresAt: '2026-04-01T00:00:00+08:00' }, config)?.code).toBe('INVALID_INPUT');
  });
});

describe('a document\'s life', () => {
  const life = newDocumentLife({ documentId: 'm1', number: '南文旅规〔2026〕1号', title: '办法', effectiveAt: '2026-03-31T02:00:00.000Z', expiresAt: '2031-03-31T02:00:00.000Z', exceptionEndsAt: '2027-03-31T02:00:00.000Z' });
  test('timers in order: the exception end, the re-evaluation 6 months before expiry, a second reminder, the expiry', () => {
    let l = life;
    const kinds: string[] = [];
    for (let t = nextLifeTimer(l, config); t; t = nextLifeTimer(l, config)) {
      kinds.push(`${t.kind}@${t.at.slice(0, 10)}`);
      l = applyLifeTimer(l, t, t.at).life;
    }
    expect(kinds).toEqual(['exception_end@2027-03-31', 'reevaluation_reminder@2030-09-30', 'reevaluation_reminder@2030-12-30', 'expiry@2031-03-31']);
    expect(l.status).toBe('expired');
  });
  test('a lapsed exception is recalled monthly until amended or repealed, the third time as an escalation (patch document-exception-reminders)', () => {
    let l = life;
    const kinds: string[] = [];
    const summaries: string[] = [];
    for (let t = nextLifeTimer(l, config, { exceptionReminders: true }); t && t.kind !== 'reevaluation_reminder'; t = nextLifeTimer(l, config, { exceptionReminders: true })) {
      kinds.push(`${t.kind}@${t.at.slice(0, 10)}`);
      const applied = applyLifeTimer(l, t, t.at);
      summaries.push(applied.summary);
      l = applied.life;
    }
    expect(kinds).toEqual(['exception_end@2027-03-31', 'exception_review_reminder@2027-04-30', 'exception_review_reminder@2027-05-31', 'exception_review_reminder@2027-06-30']);
    expect(summaries[3]).toContain('第3次提醒，已逾期');
    // Decided (repealed): no more reminders; runs from before the patch set none.
    expect(nextLifeTimer({ ...life, exceptionReviewDueRaised: true, status: 'repealed' }, config, { exceptionReminders: true })).toBeNull();
    expect(nextLifeTimer({ ...life, exceptionReviewDueRaised: true }, config)?.kind).toBe('reevaluation_reminder');
  });
  test('decisions: continue needs a new expiry within the validity; amend names a matter; repeal ends it; none once ended', () => {
    const ctx = { by: 'legal', now: '2030-10-01T00:00:00Z', config };
    expect(decideDocument(life, { decision: 'continue', reason: '' }, ctx)).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    expect(decideDocument(life, { decision: 'continue', reason: '继续' }, ctx)).toMatchObject({ ok: false, code: 'NEW_EXPIRY_REQUIRED' });
    expect(decideDocument(life, { decision: 'continue', reason: '继续', newExpiresAt: '2036-01-01T00:00:00Z' }, ctx)).toMatchObject({ ok: false, code: 'VALIDITY_TOO_LONG' });
    const cont = decideDocument(life, { decision: 'continue', reason: '继续', newExpiresAt: '2035-09-30T00:00:00Z' }, ctx);
    expect(cont.ok && cont.life.expiresAt).toBe('2035-09-30T00:00:00.000Z');
    expect(decideDocument(life, { decision: 'amend', reason: '修改' }, ctx)).toMatchObject({ ok: false, code: 'AMENDING_MATTER_REQUIRED' });
    expect(decideDocument(life, { decision: 'amend', reason: '修改', amendingMatterId: 'x' }, { ...ctx, amendingMatterExists: false })).toMatchObject({ ok: false, code: 'AMENDING_MATTER_UNKNOWN' });
    const amended = decideDocument(life, { decision: 'amend', reason: '修改', amendingMatterId: 'm2' }, { ...ctx, amendingMatterExists: true });
    expect(amended.ok && amended.life.status).toBe('amended');
    const repealed = decideDocument(life, { decision: 'repeal', reason: '废止' }, ctx);
    expect(repealed.ok && repealed.life.status).toBe('repealed');
    if (!repealed.ok) throw new Error('repeal refused');
    expect(decideDocument(repealed.life, { decision: 'repeal', reason: '再废止' }, ctx)).toMatchObject({ ok: false, status: 409, code: 'DOCUMENT_NOT_IN_FORCE' });
  });
  test('past its expiry a document takes no decision, even before its expiry timer has marked it expired (有效期届满自动失效)', () => {
    const atExpiry = { by: 'legal', now: '2031-03-31T02:00:00.000Z', config, decisionsAsWritten: true };
    const refused = decideDocument(life, { decision: 'continue', reason: '继续', newExpiresAt: '2035-09-30T00:00:00Z' }, atExpiry);
    expect(refused).toMatchObject({ ok: false, status: 409, code: 'DOCUMENT_NOT_IN_FORCE' });
    expect(!refused.ok && refused.reason).toMatch(/expired at 2031-03-31/);
    expect(decideDocument(life, { decision: 'repeal', reason: '废止' }, atExpiry)).toMatchObject({ ok: false, code: 'DOCUMENT_NOT_IN_FORCE' });
    // A second before, it is still in force; runs from before the rule (no flag) decided as they did.
    expect(decideDocument(life, { decision: 'repeal', reason: '废止' }, { ...atExpiry, now: '2031-03-31T01:59:59.000Z' })).toMatchObject({ ok: true });
    expect(decideDocument(life, { decision: 'repeal', reason: '废止' }, { ...atExpiry, decisionsAsWritten: false })).toMatchObject({ ok: true });
  });
  test('once its fair-competition exception has ended a document is not continued: amended through a new matter or repealed (公平竞争审查条例第12条)', () => {
    const ended = { by: 'legal', now: '2027-04-01T00:00:00.000Z', config, decisionsAsWritten: true, amendingMatterExists: true };
    const cont = decideDocument(life, { decision: 'continue', reason: '继续', newExpiresAt: '2031-03-31T02:00:00.000Z' }, ended);
    expect(cont).toMatchObject({ ok: false, status: 409, code: 'FCR_EXCEPTION_ENDED' });
    expect(decideDocument(life, { decision: 'amend', reason: '重新审查', amendingMatterId: 'm3' }, ended)).toMatchObject({ ok: true });
    expect(decideDocument(life, { decision: 'repeal', reason: '例外期限届满' }, ended)).toMatchObject({ ok: true });
    // Before its end it may still be continued; runs from before the rule continued it after.
    expect(decideDocument(life, { decision: 'continue', reason: '继续', newExpiresAt: '2031-03-31T02:00:00.000Z' }, { ...ended, now: '2027-03-01T00:00:00.000Z' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(decideDocument(life, { decision: 'continue', reason: '继续', newExpiresAt: '2031-06-30T02:00:00.000Z' }, { ...ended, now: '2027-03-01T00:00:00.000Z' })).toMatchObject({ ok: true });
    expect(decideDocument(life, { decision: 'continue', reason: '继续', newExpiresAt: '2031-06-30T02:00:00.000Z' }, { ...ended, decisionsAsWritten: false })).toMatchObject({ ok: true });
  });
  const lifeWithException = life;
  test('continued in its re-evaluation (from 6 months before expiry) or in a clean-up, which may keep its expiry (patch document-decisions-checked)', () => {
    const life = { ...lifeWithException, exceptionEndsAt: null };
    const checked = { by: 'legal', config, decisionsAsWritten: true, decisionsChecked: true };
    const early = { ...checked, now: '2028-01-01T00:00:00.000Z' };
    const pushOn = { decision: 'continue' as const, reason: '继续', newExpiresAt: '2032-12-31T00:00:00.000Z' };
    const refused = decideDocument(life, pushOn, early);
    expect(refused).toMatchObject({ ok: false, status: 409, code: 'REEVALUATION_NOT_OPEN' });
    expect(!refused.ok && refused.reason).toContain('2030-09-30');
    // Runs from before the rule continued it at any time.
    expect(decideDocument(life, pushOn, { ...early, decisionsChecked: false })).toMatchObject({ ok: true });
    // In the re-evaluation window it is continued with a new expiry.
    expect(decideDocument(life, { ...pushOn, newExpiresAt: '2035-09-30T00:00:00.000Z' }, { ...checked, now: '2030-10-01T00:00:00.000Z' })).toMatchObject({ ok: true });
    // A clean-up (清理) confirms it as it stands: the expiry stays, and so does an open re-evaluation.
    const reopened = { ...life, reevaluation: { openedAt: '2030-09-30T02:00:00.000Z', reminders: ['2030-09-30T02:00:00.000Z'] } };
    const kept = decideDocument(reopened, { decision: 'continue', reason: '经清理继续有效', cleanupId: 'c1' }, { ...checked, now: '2030-10-01T00:00:00.000Z' });
    expect(kept.ok && [kept.life.expiresAt, kept.life.reevaluation?.reminders.length]).toEqual(['2031-03-31T02:00:00.000Z', 1]);
    expect(decideDocument(life, { decision: 'continue', reason: '经清理继续有效', cleanupId: 'c1' }, early)).toMatchObject({ ok: true });
    // A document without a validity period is confirmed in a clean-up only.
    const lasting = { ...life, expiresAt: null };
    expect(decideDocument(lasting, { decision: 'continue', reason: '继续' }, early)).toMatchObject({ ok: false, code: 'REEVALUATION_NOT_OPEN' });
    expect(decideDocument(lasting, { decision: 'continue', reason: '继续', cleanupId: 'c1' }, early)).toMatchObject({ ok: true });
  });
});

describe('修改: a document decided to be amended stays in force until the amended text takes effect (patch document-amendment-awaits-issue)', () => {
  const life = newDocumentLife({ documentId: 'm1', number: '南文旅规〔2026〕1号', title: '办法', effectiveAt: '2026-03-31T02:00:00.000Z', expiresAt: '2031-03-31T02:00:00.000Z', exceptionEndsAt: null });
  const ctx = { by: 'legal', now: '2030-10-01T00:00:00.000Z', config, decisionsAsWritten: true, decisionsChecked: true, amendingMatterExists: true, amendmentAwaitsIssue: true };
  const amend = (l = life) => {
    const v = decideDocument(l, { decision: 'amend', reason: '与新规定不一致', amendingMatterId: 'm2' }, ctx);
    if (!v.ok) throw new Error(v.reason);
    return v;
  };
  test('the decision leaves it in force with the amendment pending; reminders to re-evaluate stop, the expiry stays', () => {
    const reopened = { ...life, reevaluation: { openedAt: '2030-09-30T02:00:00.000Z', reminders: ['2030-09-30T02:00:00.000Z'] } };
    const v = amend(reopened);
    expect(v.life).toMatchObject({ status: 'in_force', amendment: { matterId: 'm2', decidedAt: ctx.now }, reevaluation: null });
    expect(v.summary).toContain('修改后的文件施行前本文件继续有效');
    expect(nextLifeTimer(v.life, config)).toMatchObject({ kind: 'expiry', at: '2031-03-31T02:00:00.000Z' });
    // Runs from before: amended at once.
    const legacy = decideDocument(life, { decision: 'amend', reason: '修改', amendingMatterId: 'm2' }, { ...ctx, amendmentAwaitsIssue: false });
    expect(legacy.ok && legacy.life.status).toBe('amended');
  });
  test('while it is being amended: neither continued nor amended a second time, but it may be repealed', () => {
    const pending = amend().life;
    expect(decideDocument(pending, { decision: 'continue', reason: '继续', newExpiresAt: '2035-09-30T00:00:00.000Z' }, ctx)).toMatchObject({ ok: false, status: 409, code: 'AMENDMENT_PENDING' });
    expect(decideDocument(pending, { decision: 'amend', reason: '再修改', amendingMatterId: 'm3' }, ctx)).toMatchObject({ ok: false, code: 'AMENDMENT_PENDING' });
    expect(decideDocument(pending, { decision: 'repeal', reason: '废止' }, ctx)).toMatchObject({ ok: true, life: { status: 'repealed' } });
  });
  test('the amended text issued: replaced on its effective date, not before', () => {
    const pending = amend().life;
    const issued = settleAmendment(pending, { matterId: 'm2', outcome: 'issued', number: '南文旅规〔2030〕4号', effectiveAt: '2030-12-01T00:00:00.000Z' });
    expect(issued).not.toBeNull();
    expect(issued!.life.status).toBe('in_force');
    expect(issued!.summary).toContain('南文旅规〔2030〕4号');
    const timer = nextLifeTimer(issued!.life, config);
    expect(timer).toMatchObject({ kind: 'amendment_effective', at: '2030-12-01T00:00:00.000Z' });
    const applied = applyLifeTimer(issued!.life, timer!, timer!.at);
    expect(applied.life.status).toBe('amended');
    expect(applied.summary).toContain('由南文旅规〔2030〕4号替代');
    expect(nextLifeTimer(applied.life, config)).toBeNull();
    // The same news twice, or another matter's, changes nothing.
    expect(settleAmendment(issued!.life, { matterId: 'm2', outcome: 'issued', number: 'x', effectiveAt: '2030-12-01T00:00:00.000Z' })).toBeNull();
    expect(settleAmendment(pending, { matterId: 'm9', outcome: 'ended', stage: 'withdrawn' })).toBeNull();
    expect(settleAmendment(life, { matterId: 'm2', outcome: 'ended', stage: 'withdrawn' })).toBeNull();
  });
  test('the amended text not in effect by this one\'s expiry: it still lapses on its own date', () => {
    const issued = settleAmendment(amend().life, { matterId: 'm2', outcome: 'issued', number: 'N', effectiveAt: '2031-06-01T00:00:00.000Z' })!.life;
    const timer = nextLifeTimer(issued, config)!;
    expect(timer.kind).toBe('expiry');
    expect(applyLifeTimer(issued, timer, timer.at).summary).toContain('N尚未施行');
  });
  test('the amending matter ended without issuing: in force, decided on again, re-evaluation reminders resume', () => {
    const pending = amendmentLookedUp(amend().life);
    expect(pending.amendment?.checked).toBe(true);
    const ended = settleAmendment(pending, { matterId: 'm2', outcome: 'ended', stage: 'withdrawn' });
    expect(ended).toMatchObject({ reopened: true, life: { status: 'in_force', amendment: null } });
    expect(ended!.summary).toContain('请重新评估');
    expect(nextLifeTimer(ended!.life, config)?.kind).toBe('reevaluation_reminder');
    expect(decideDocument(ended!.life, { decision: 'continue', reason: '继续', newExpiresAt: '2035-09-30T00:00:00.000Z' }, ctx)).toMatchObject({ ok: true });
  });
  test('a lapsed exception is not recalled while its amendment (the re-review) is under way', () => {
    const withException = { ...life, exceptionEndsAt: '2027-03-31T02:00:00.000Z', exceptionReviewDueRaised: true };
    expect(nextLifeTimer(withException, config, { exceptionReminders: true })?.kind).toBe('exception_review_reminder');
    const v = decideDocument(withException, { decision: 'amend', reason: '重新审查', amendingMatterId: 'm2' }, { ...ctx, now: '2027-04-02T00:00:00.000Z' });
    expect(v.ok && nextLifeTimer(v.life, config, { exceptionReminders: true })?.kind).toBe('expiry');
  });
  test('the register row reads the chain: in force after the decision, amended once the amended text takes effect; a clean-up lists it as to be amended', () => {
    expect(rowFromEvents([{ kind: 'issued', data: {} }, { kind: 'decision_amend', data: { decision: 'amend', awaitsIssue: true } }]).status).toBe('in_force');
    expect(rowFromEvents([{ kind: 'issued', data: {} }, { kind: 'decision_amend', data: { decision: 'amend', awaitsIssue: true } }, { kind: 'amendment_issued', data: {} }, { kind: 'amendment_effective', data: {} }]).status).toBe('amended');
    // Chains from before: the decision itself amended it.
    expect(rowFromEvents([{ kind: 'issued', data: {} }, { kind: 'decision_amend', data: { decision: 'amend' } }]).status).toBe('amended');
    const doc = { id: 'm1', number: 'N1', title: '办法', kind: 'normative_document', draftingUnit: 'u', status: 'in_force', effectiveAt: null, expiresAt: null, statusChangedAt: null };
    const lists = cleanupLists([doc, { ...doc, id: 'm5', number: 'N5' }], [{ documentId: 'm1', decision: 'amend', reason: 'r', amendingMatterId: 'm2', by: 'legal', at: ctx.now }]);
    expect([lists.amended.map((e) => e.number), lists.inForce.map((e) => e.number)]).toEqual([['N1'], ['N5']]);
  });
  test('a later clean-up takes in a document whose amendment is under way as decided (拟修改), so it can be published; a repeal may still be decided', () => {
    const doc = { id: 'm1', number: 'N1', title: '办法', kind: 'normative_document', draftingUnit: 'u', status: 'in_force', effectiveAt: null, expiresAt: null, statusChangedAt: null };
    const pending = { ...doc, amendingMatterId: 'm2' };
    const other = { ...doc, id: 'm5', number: 'N5' };
    expect(undecided([pending, other], []).map((d) => d.id)).toEqual(['m5']);
    const lists = cleanupLists([pending, other], [{ documentId: 'm5', decision: 'continue', reason: '继续有效', by: 'legal', at: ctx.now }]);
    expect([lists.amended.map((e) => [e.number, e.amendingMatterId]), lists.inForce.map((e) => e.number)]).toEqual([[['N1', 'm2']], ['N5']]);
    const repealed = cleanupLists([pending], [{ documentId: 'm1', decision: 'repeal', reason: '废止', by: 'legal', at: ctx.now }]);
    expect([repealed.amended, repealed.inForce.map((e) => e.number)]).toEqual([[], ['N1']]);
  });
});

describe('the register\'s hash chain', () => {
  const event = (seq: number, prevHash: string) => {
    const f = { documentId: 'd', seq, actionKey: `k${seq}`, kind: 'issued', actorId: 'system', summary: 's', data: { n: seq }, at: '2026-01-01T00:00:00.000Z', prevHash };
    return { ...f, hash: registerEventHash(f) };
  };
  test('valid chain, an edited event, a deleted newest event', () => {
    const e1 = event(1, REGISTER_GENESIS_HASH);
    const e2 = event(2, e1.hash);
    expect(verifyRegisterChain([e1, e2], [{ seq: 2, hash: e2.hash, where: 'row' }]).valid).toBe(true);
    expect(verifyRegisterChain([e1, { ...e2, summary: 'edited' }], [{ seq: 2, hash: e2.hash, where: 'row' }]).firstBad?.seq).toBe(2);
    expect(verifyRegisterChain([e1], [{ seq: 2, hash: e2.hash, where: 'row' }]).valid).toBe(false);
  });
  test('the register row is bound to its events: a status or expiry edited in the row alone is caught', () => {
    const chain = (specs: Array<{ kind: string; data: unknown }>) => {
      const out: Array<Parameters<typeof registerEventHash>[0] & { hash: string }> = [];
      specs.forEach((spec, i) => {
        const f = { documentId: 'd', seq: i + 1, actionKey: `k${i + 1}`, kind: spec.kind, actorId: 'system', summary: 's', data: spec.data, at: '2026-01-01T00:00:00.000Z', prevHash: out[i - 1]?.hash ?? REGISTER_GENESIS_HASH };
        out.push({ ...f, hash: registerEventHash(f) });
      });
      return out;
    };
    const events = chain([
      { kind: 'issued', data: { effectiveAt: '2026-01-01T00:00:00.000Z', expiresAt: '2031-01-01T00:00:00.000Z' } },
      { kind: 'decision_continue', data: { decision: 'continue', reason: 'r', newExpiresAt: '2032-06-30T08:00:00+08:00' } },
      { kind: 'decision_repeal', data: { decision: 'repeal', reason: 'r' } },
    ]);
    const heads = [{ seq: 3, hash: events[2]!.hash, where: 'row' }];
    expect(verifyRegisterChain(events, heads, { status: 'repealed', expiresAt: '2032-06-30T00:00:00.000Z' }).valid).toBe(true);
    // The repealed document set back to in force in the row: revived without any event.
    expect(verifyRegisterChain(events, heads, { status: 'in_force', expiresAt: '2032-06-30T00:00:00.000Z' })).toMatchObject({ valid: false, firstBad: { reason: expect.stringContaining('status in_force, the events say repealed') } });
    // Its expiry pushed on in the row alone.
    expect(verifyRegisterChain(events, heads, { status: 'repealed', expiresAt: '2040-01-01T00:00:00.000Z' })).toMatchObject({ valid: false, firstBad: { reason: expect.stringContaining('expiry') } });
    // Numbered, not yet issued: no events, status signed.
    expect(verifyRegisterChain([], [{ seq: 0, hash: null, where: 'row' }], { status: 'signed', expiresAt: '2031-01-01T00:00:00.000Z' }).valid).toBe(true);
  });
});
