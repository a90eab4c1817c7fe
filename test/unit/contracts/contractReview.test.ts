import { availableActions, deadlines, decide, parseCommand, requiredSteps, whoseTurn, type Command, type MatterState } from '../../../domain/procedure';
import { apply, at, attempt, cal, config, hash, people, register } from '../procedure/fixtures';
import { CT, particulars, reviewed, signing } from './fixtures';


describe('contract and agreement review (重要合同、重大协议)', () => {
  it('has its own plan: particulars, completeness, legality review with the lawyer, signing, term', () => {
    expect(requiredSteps('contract_review', [], config).map((s) => s.key)).toEqual([
      'registration', 'contract_particulars', 'completeness_check', 'legality_review', 'lawyer_opinion', 'contract_signing', 'contract_term',
    ]);
  });

  it('the materials check needs the particulars', () => {
    let s = register('contract_review');
    s = apply(s, { type: 'submit_for_review' }, people.drafter, at('2026-03-02'));
    const r = attempt(s, { type: 'accept_materials' }, people.legal, at('2026-03-03'));
    expect(r.ok || r.code).toBe('MATERIALS_INCOMPLETE');
  });

  it('particulars are checked: procurement reference, a counterparty, confidentiality terms', () => {
    // The schema is the workflow's Update validator and the API's body check: both refuse naming the field.
    const noCounterparty = parseCommand({ type: 'record_contract_particulars', particulars: { ...particulars, parties: [particulars.parties[0], { name: '区财政局', role: 'third_party' }] } });
    expect(noCounterparty.ok || noCounterparty.reason).toMatch(/: command\.particulars\.parties: must include a counterparty/);
    const noReference = parseCommand({ type: 'record_contract_particulars', particulars: { ...particulars, procurement: { method: 'single_source' } } });
    expect(noReference.ok || noReference.reason).toMatch(/: command\.particulars\.procurement\.reference/);
    const noReason = parseCommand({ type: 'record_contract_particulars', particulars: { ...particulars, procurement: { method: 'not_required' } } });
    expect(noReason.ok || noReason.reason).toMatch(/: command\.particulars\.procurement\.reason/);
    const noTerms = parseCommand({ type: 'record_contract_particulars', particulars: { ...particulars, confidentiality: { required: true } } });
    expect(noTerms.ok || noTerms.reason).toMatch(/: command\.particulars\.confidentiality\.terms/);
  });

  it('particulars only for contract matters', () => {
    const s = register('normative_document');
    const r = attempt(s, { type: 'record_contract_particulars', particulars }, people.drafter, at('2026-03-02'));
    expect(r.ok || r.code).toBe('NOT_APPLICABLE');
    expect(availableActions(s, people.drafter, { now: at('2026-03-02') }).map((a) => a.type)).not.toContain('record_contract_particulars');
  });

  it('the lawyer answers the CT-* checklist (not LR-*), and signing waits for the legal unit', () => {
    let s = reviewed();
    const lr = attempt(s, { type: 'submit_lawyer_opinion', versionHash: hash(1), outcome: 'LAWFUL', text: '可以签订', checklist: [{ code: 'LR-S1', result: 'pass' }] }, people.lawyer, at('2026-03-04'));
    expect(lr.ok || lr.code).toBe('CHECKLIST_INCOMPLETE');
    s = apply(s, { type: 'submit_lawyer_opinion', versionHash: hash(1), outcome: 'LAWFUL', text: '可以签订', checklist: CT }, people.lawyer, at('2026-03-04'));
    expect(s.stage).toBe('legality_review');
    s = apply(s, { type: 'record_legality_conclusion', versionHash: hash(1), outcome: 'LAWFUL', text: '同意签订' }, people.legal, at('2026-03-05'));
    expect(s.stage).toBe('contract_signing');
    expect(whoseTurn(s, config, deadlines(s, config, cal))[0]?.actions).toEqual(['record_contract_signing']);
  });

  it('an UNLAWFUL conclusion stops the signing', () => {
    let s = reviewed();
    s = apply(s, { type: 'submit_lawyer_opinion', versionHash: hash(1), outcome: 'UNLAWFUL', text: '未履行采购程序', checklist: CT }, people.lawyer, at('2026-03-04'));
    s = apply(s, { type: 'record_legality_conclusion', versionHash: hash(1), outcome: 'UNLAWFUL', text: '不得签订' }, people.legal, at('2026-03-05'));
    expect(s.stage).toBe('not_issued');
  });

  describe('signing', () => {
    let cleared: MatterState;
    beforeAll(() => {
      let s = reviewed();
      s = apply(s, { type: 'submit_lawyer_opinion', versionHash: hash(1), outcome: 'LAWFUL', text: '可以签订', checklist: CT }, people.lawyer, at('2026-03-04'));
      cleared = apply(s, { type: 'record_legality_conclusion', versionHash: hash(1), outcome: 'LAWFUL', text: '同意签订' }, people.legal, at('2026-03-05'));
    });

    it('only the reviewed counterparty and price, a term that ends after it starts, the reviewed text', () => {
      expect((attempt(cleared, signing({ counterparty: '另一公司' }), people.drafter, at('2026-03-06')) as { code: string }).code).toBe('CONTRACT_PARTY_MISMATCH');
      expect((attempt(cleared, signing({ value: 500000 }), people.drafter, at('2026-03-06')) as { code: string }).code).toBe('CONTRACT_VALUE_MISMATCH');
      expect((attempt(cleared, signing({ termEnd: at('2026-01-01') }), people.drafter, at('2026-03-06')) as { code: string }).code).toBe('CONTRACT_TERM_INVALID');
      expect((attempt(cleared, signing({ versionHash: hash(2) }), people.drafter, at('2026-03-06')) as { code: string }).code).toBe('STALE_VERSION');
      expect((attempt(cleared, signing(), people.legal, at('2026-03-06')) as { code: string }).code).toBe('FORBIDDEN');
    });

    it('records the signed contract, runs the term clock with its reminder lead, then closes', () => {
      const s = apply(cleared, signing(), people.drafter, at('2026-03-06'));
      expect(s.stage).toBe('contract_in_force');
      expect(s.contract?.signing).toMatchObject({ contractNumber: 'HT-2026-007', counterparty: '某某信息技术有限公司', value: 480000 });
      const clock = deadlines(s, config, cal).find((d) => d.key === 'contract_term_end');
      expect(clock).toMatchObject({ dueAt: at('2026-12-31'), nature: 'window_end' });
      // 30 calendar days before the end (config.contracts.termReminderLead)
      expect(clock?.remindAt?.slice(0, 10)).toBe('2026-12-01');
      // In force, nobody's work: the reminder comes before the end.
      expect(whoseTurn(s, config, deadlines(s, config, cal))).toEqual([]);
      const closed = apply(s, { type: 'close_contract', outcome: 'performed', note: '验收合格，款项已付清' }, people.legal, at('2027-01-05'));
      expect(closed.stage).toBe('contract_closed');
      expect(closed.contract?.closure?.outcome).toBe('performed');
    });

    it('a renewal names the matter reviewing it', () => {
      const s = apply(cleared, signing(), people.drafter, at('2026-03-06'));
      const r = attempt(s, { type: 'close_contract', outcome: 'renewed', note: '续签' }, people.drafter, at('2026-12-20'));
      expect(r.ok || r.code).toBe('INVALID_INPUT');
    });
  });

  it('a new version voids the lawyer sign-off; the amended text is confirmed, then signed', () => {
    let s = reviewed();
    s = apply(s, { type: 'submit_lawyer_opinion', versionHash: hash(1), outcome: 'LAWFUL_WITH_AMENDMENTS', text: '修改违约条款', checklist: CT }, people.lawyer, at('2026-03-04'));
    s = apply(s, { type: 'record_legality_conclusion', versionHash: hash(1), outcome: 'LAWFUL_WITH_AMENDMENTS', text: '修改后可签订', amendments: [{ clause: '第八条', change: '违约金对等' }] }, people.legal, at('2026-03-05'));
    expect(s.stage).toBe('amending');
    s = apply(s, { type: 'submit_version', versionHash: hash(2), versionNumber: 2 }, people.drafter, at('2026-03-06'));
    s = apply(s, { type: 'submit_for_review' }, people.drafter, at('2026-03-06', '10:00'));
    expect(s.stage).toBe('legality_review');
    expect((attempt(s, { type: 'confirm_amendments', versionHash: hash(2) }, people.legal, at('2026-03-07')) as { code: string }).code).toBe('LAWYER_OPINION_MISSING');
    s = apply(s, { type: 'submit_lawyer_opinion', versionHash: hash(2), outcome: 'LAWFUL', text: '已按意见修改', checklist: CT }, people.lawyer, at('2026-03-07'));
    s = apply(s, { type: 'confirm_amendments', versionHash: hash(2) }, people.legal, at('2026-03-07', '10:00'));
    expect(s.stage).toBe('contract_signing');
    expect((attempt(s, signing(), people.drafter, at('2026-03-08')) as { code: string }).code).toBe('STALE_VERSION');
    expect(apply(s, signing({ versionHash: hash(2), signedAt: at('2026-03-08') }), people.drafter, at('2026-03-08', '10:00')).stage).toBe('contract_in_force');
  });
  it('what is signed is what was reviewed: particulars recorded before the review, and not beyond the term reviewed (patch gates-as-written)', () => {
    const term = { from: at('2026-03-06'), to: at('2026-12-31') };
    const clear = (s: MatterState, t: string) => {
      s = apply(s, { type: 'submit_lawyer_opinion', versionHash: hash(1), outcome: 'LAWFUL', text: '可以签订', checklist: CT }, people.lawyer, at(t));
      return apply(s, { type: 'record_legality_conclusion', versionHash: hash(1), outcome: 'LAWFUL', text: '同意签订' }, people.legal, at(t, '10:00'));
    };
    const cleared = clear(reviewed({ ...particulars, term }), '2026-03-04');
    expect(attempt(cleared, signing({ termEnd: at('2036-12-31') }), people.drafter, at('2026-03-06'))).toMatchObject({ ok: false, code: 'CONTRACT_TERM_MISMATCH' });
    expect(apply(cleared, signing(), people.drafter, at('2026-03-06')).stage).toBe('contract_in_force');
    // New particulars after the review, concluded on the old opinion: refused at signing until the lawyer signs again.
    let s = apply(cleared, { type: 'return_for_revision', reason: '相对方变更' }, people.legal, at('2026-03-06'));
    const changed = { ...particulars, parties: [particulars.parties[0]!, { name: '另一家公司', role: 'counterparty' as const }], price: { amount: 9_800_000, paymentTerms: '预付全款' } };
    s = apply(s, { type: 'record_contract_particulars', particulars: changed }, people.drafter, at('2026-03-06'));
    s = apply(s, { type: 'submit_for_review' }, people.drafter, at('2026-03-06', '10:00'));
    s = apply(s, { type: 'accept_materials' }, people.legal, at('2026-03-06', '11:00'));
    const concluded = apply(s, { type: 'record_legality_conclusion', versionHash: hash(1), outcome: 'LAWFUL', text: '同意' }, people.legal, at('2026-03-06', '12:00'));
    const newParty = signing({ counterparty: '另一家公司', value: 9_800_000, signedAt: at('2026-03-07') });
    expect(attempt(concluded, newParty, people.drafter, at('2026-03-07'))).toMatchObject({ ok: false, code: 'CONTRACT_PARTICULARS_NOT_REVIEWED' });
    expect(decide(concluded, newParty, { actor: people.drafter, now: at('2026-03-07'), config, calendar: cal, legacy: { gatesBeforeWritten: true } }).ok).toBe(true);
    expect(apply(clear(s, '2026-03-06'), newParty, people.drafter, at('2026-03-07')).stage).toBe('contract_in_force');
  });
});
