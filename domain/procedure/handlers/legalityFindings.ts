/**
 * The lawyer answers each legality pre-screen finding on the text under review — confirmed, with the
 * amendment proposed for the clause, or dismissed with the reason the wording is lawful — and the drafter
 * keeps the clause-level legal-basis register the pre-screen reads.
 */
import { legalityPrescreenOf, currentLegalityRun } from '../legalityPrescreen';
import { refuse } from '../refusals';
import { done, nonEmpty, type Handler } from './handler';

export const answerLegalityFinding: Handler<'answer_legality_finding'> = (s, cmd, ctx) => {
  const lp = legalityPrescreenOf(s);
  const finding = lp.findings.find((f) => f.id === cmd.findingId);
  if (!finding) return refuse('INVALID_INPUT', `no legality finding ${cmd.findingId}`);
  const run = currentLegalityRun(s);
  if (!run || finding.versionHash !== run.versionHash || finding.registerRevision !== run.registerRevision) {
    return refuse('STALE_VERSION', 'the finding was made on an earlier version or register');
  }
  if (cmd.verdict === 'confirmed' && !nonEmpty(cmd.amendment)) return refuse('LEGALITY_AMENDMENT_MISSING', cmd.findingId);
  if (cmd.verdict === 'dismissed' && !nonEmpty(cmd.reason)) return refuse('LEGALITY_DISMISSAL_REASON_MISSING', cmd.findingId);
  finding.status = cmd.verdict;
  delete finding.amendment;
  delete finding.reason;
  if (cmd.verdict === 'confirmed') finding.amendment = cmd.amendment!;
  else finding.reason = cmd.reason!;
  finding.answeredBy = ctx.actor.userId;
  finding.answeredAt = ctx.now;
  s.legalityPrescreen = lp;
  const where = finding.clause ? `${finding.clause} ` : '';
  return done(cmd.verdict === 'confirmed' ? `确认合法性预审问题 ${where}${finding.code}，修改意见：${cmd.amendment}` : `排除合法性预审问题 ${where}${finding.code}：${cmd.reason}`);
};

export const setLegalBasisRegister: Handler<'set_legal_basis_register'> = (s, cmd, ctx) => {
  const seen = new Set<string>();
  for (const e of cmd.entries) {
    const key = `${e.clause}|${e.law}|${e.article}|${e.paragraph ?? ''}|${e.item ?? ''}`;
    if (seen.has(key)) return refuse('BASIS_REGISTER_INVALID', `${e.clause} cites ${e.law} art. ${e.article} twice`);
    seen.add(key);
    if (e.item !== undefined && e.paragraph === undefined && e.article === 0) return refuse('BASIS_REGISTER_INVALID', e.clause);
  }
  const lp = legalityPrescreenOf(s);
  lp.register = { revision: (lp.register?.revision ?? 0) + 1, entries: cmd.entries, setBy: ctx.actor.userId, setAt: ctx.now };
  s.legalityPrescreen = lp;
  const clauses = new Set(cmd.entries.map((e) => e.clause)).size;
  return done(`登记条款合法性依据：${clauses} 个条款、${cmd.entries.length} 项依据（第 ${lp.register.revision} 版登记表）`);
};
