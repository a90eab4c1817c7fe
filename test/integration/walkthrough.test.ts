import { startTestSystem } from './support/testSystem';
import { runWalkthrough } from '../../scripts/walkthrough/scenarios';
import type { System } from '../../app/system';
import { recordHistory } from './support/histories';

/**
 * `npm run demo:walkthrough` against the embedded default with demo clocks, exactly as after `npm start`:
 * one matter of each kind to its end through the HTTP API only.
 */
describe('the walkthrough', () => {
  let system: System;
  beforeAll(async () => {
    system = await startTestSystem({ embedded: true, env: { PROCEDURE_PROFILE: 'demo', NODE_ENV: 'development' } });
  }, 240_000); // the embedded database migrates from scratch: slow on a loaded machine
  afterAll(async () => {
    await system?.stop();
  });

  test('carries a normative document (with a revision loop), a major decision, a dual matter, an enforcement review, a contract and a Party-committee vote to the end; one document expires, another is re-evaluated', async () => {
    const lines: string[] = [];
    const results = await runWalkthrough(system.apiUrl!, (l) => lines.push(l));
    expect(results.normativeDocument).toMatchObject({ stage: 'issued', versions: 2, trailValid: true });
    expect(results.majorDecision).toMatchObject({ stage: 'issued', versions: 1, trailValid: true });
    expect(results.dualNormativeMajorDecision).toMatchObject({ stage: 'issued', versions: 1, trailValid: true });
    expect(results.enforcementReview).toMatchObject({ stage: 'decided', versions: 1, trailValid: true });
    // A contract reviewed (the lawyer's CT-* opinion signed on its text), signed, reminded before its term ends, closed.
    expect(results.contract).toMatchObject({ stage: 'contract_closed', versions: 1, trailValid: true });
    // A “三重一大” matter decided by the Party committee's vote (a majority of all members), then archived (its stage stays 决定).
    expect(results.partyCommitteeVote).toMatchObject({ stage: 'decided', versions: 1, trailValid: true });
    // After issue: one document reached its re-evaluation window and the legal unit decided 继续实施 (a new
    // validity period); the other, with nothing decided, was reminded twice and expired.
    expect(results.documentReEvaluated).toMatchObject({ stage: 'issued', trailValid: true, document: { status: 'in_force' } });
    expect(results.documentReEvaluated!.document!.events.slice(0, 3)).toEqual(['issued', 'reevaluation_reminder', 'decision_continue']);
    expect(results.documentReEvaluated!.document!.events).not.toContain('expiry');
    expect(results.documentExpired).toMatchObject({ stage: 'issued', trailValid: true, document: { status: 'expired', events: ['issued', 'reevaluation_reminder', 'reevaluation_reminder', 'expiry'] } });
    // 继续实施 gave it a new validity period: it now expires later than it was issued to.
    const continued = await system.db.prisma.registerDocument.findUniqueOrThrow({ where: { id: results.documentReEvaluated!.id } });
    const issued = await system.db.prisma.registerEvent.findFirstOrThrow({ where: { documentId: continued.id, kind: 'issued' } });
    expect(continued.expiresAt!.getTime()).toBeGreaterThan(Date.parse((issued.data as { expiresAt: string }).expiresAt));
    const printed = lines.join('\n');
    expect(printed).toContain('return_for_revision');
    expect(printed).toMatch(/re-evaluation before expiry[\s\S]*reevaluation_reminder[\s\S]*decision: continue\s+→ in_force[\s\S]*继续实施[\s\S]*expiry[\s\S]*有效期届满未作决定，自动失效[\s\S]*register\s+南文旅规〔2026〕\d+号 expired 已失效/);
    expect(printed).toMatch(/record_contract_signing[\s\S]*deadline_reminder[\s\S]*register\s+南文旅合〔2026〕7号 某某信息技术有限公司 480000元 in force[\s\S]*close_contract/);
    // The legality pre-screen's findings on the sample draft are shown; the register clears the deposit
    // clause; on the revised text the lawyer answers what is left before signing.
    expect(printed).toMatch(/legality pre-screen of version 1: 2 finding\(s\)[\s\S]*LR-LICENCE 第十二条[\s\S]*LR-FEE 第十三条/);
    expect(printed).toMatch(/set_legal_basis_register[\s\S]*legality pre-screen of version 1: 1 finding\(s\)/);
    expect(printed).toMatch(/legality pre-screen of version 2: 1 finding\(s\)\)\n\s+LR-OBLIGATION 第十二条[\s\S]*answer_legality_finding[\s\S]*submit_lawyer_opinion/);

    // The revision voided the first sign-off? (none was given before the loop) — but the lawyer's one is valid and bound to v2.
    const signOffs = await system.db.prisma.signOff.findMany({ where: { matterId: results.normativeDocument!.id } });
    expect(signOffs).toHaveLength(1);
    const v2 = await system.db.prisma.matterVersion.findUniqueOrThrow({ where: { matterId_number: { matterId: results.normativeDocument!.id, number: 2 } } });
    expect(signOffs[0]).toMatchObject({ versionNumber: 2, versionHash: v2.sha256, voidedAt: null });
    // Each workflow completed with its terminal state.
    for (const [name, r] of Object.entries(results)) {
      const handle = system.client.workflow.getHandle(`matter-${r.id}`);
      expect((await handle.result()).stage).toBe(r.stage);
      await recordHistory(system.client, `matter-${r.id}`, `walkthrough-${name}`);
    }
  }, 300_000); // about three minutes on a loaded machine: eight matters, and the documents' validity runs in real time
});
