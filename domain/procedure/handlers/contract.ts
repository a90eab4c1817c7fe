/**
 * Important contracts and major agreements (重要合同、重大协议): the drafting unit records the contract's
 * particulars beside its text; the legal unit's review with the retained lawyer's signed opinion (the
 * CT-* checklist) runs through the common legality handlers; once the legal unit concluded LAWFUL on the
 * text (or confirmed the amendments), that exact text — and only it — may be signed; the signed
 * contract's counterparty, value and term are recorded, and the matter stays open while the contract is
 * in force (a reminder before the term ends), until its end is recorded.
 */

import { CONTRACT_CLOSURE_LABELS } from '../../contracts/schemas';
import { emptyContract, type ContractState } from '../../contracts/state';
import { lawyerClearsGate, legalityGate } from '../gates';
import { chinaDayText } from '../../calendar';
import { ms } from '../time';
import { refuse } from '../refusals';
import { currentHash, currentLawyerOpinion, moveTo } from '../state';
import type { MatterState } from '../types';
import { done, type Handler } from './handler';

export const isContract = (s: Pick<MatterState, 'kind'>): boolean => s.kind === 'contract_review';

function contractOf(s: MatterState): ContractState {
  if (!s.contract) s.contract = emptyContract();
  return s.contract;
}

/** 1234567.5 → 1,234,567.5元 (no locale: the workflow sandbox must format the same everywhere). */
function yuan(n: number): string {
  const [whole = '', fraction] = String(n).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}元`;
}

export const recordContractParticulars: Handler<'record_contract_particulars'> = (s, cmd, ctx) => {
  if (!isContract(s)) return refuse('NOT_APPLICABLE', 'contract particulars belong to contract matters');
  const p = cmd.particulars;
  contractOf(s).particulars = { ...p, recordedBy: ctx.actor.userId, recordedAt: ctx.now, versionHash: currentHash(s) };
  const counterparties = p.parties.filter((x) => x.role === 'counterparty').map((x) => x.name);
  return done(`登记合同要素：${p.contractType}，相对方${counterparties.join('、')}，价款${yuan(p.price.amount)}`);
};

/** 中办发〔2016〕30号 and the seed bureau's practice: the legal unit's conclusion and the lawyer's signed opinion gate the signing. */
export const recordContractSigning: Handler<'record_contract_signing'> = (s, cmd, ctx) => {
  if (!isContract(s)) return refuse('NOT_APPLICABLE', 'contract signing belongs to contract matters');
  if (cmd.versionHash !== currentHash(s)) return refuse('STALE_VERSION', `current is ${currentHash(s)}`);
  // The lawyer's LAWFUL on this text, or the legal unit's reasoned departure from it (patch stops-as-written).
  const gate = legalityGate(s) ?? lawyerClearsGate(s, ctx);
  if (gate) return gate;
  if (Date.parse(cmd.termEnd) <= Date.parse(cmd.termStart)) return refuse('CONTRACT_TERM_INVALID', `${cmd.termStart} – ${cmd.termEnd}`);
  const c = contractOf(s);
  const particulars = c.particulars;
  if (!particulars) return refuse('MATERIALS_INCOMPLETE', 'contract particulars');
  const reviewed = particulars.parties.filter((x) => x.role === 'counterparty').map((x) => x.name);
  if (!reviewed.includes(cmd.counterparty)) return refuse('CONTRACT_PARTY_MISMATCH', `reviewed: ${reviewed.join(', ')}`);
  if (cmd.value !== particulars.price.amount) return refuse('CONTRACT_VALUE_MISMATCH', `reviewed ${particulars.price.amount}, signed ${cmd.value}`);
  let signedBeforeReview: { clearedAt: string } | undefined;
  if (!ctx.legacy?.gatesBeforeWritten) {
    // The particulars signed are those the lawyer and the legal unit reviewed: recorded before both gave their view.
    // The legal unit's latest word on this text: its conclusion, or its confirmation of the amendments it asked for.
    const legalUnitAt = s.legality.amendmentsApplied?.versionHash === currentHash(s) ? s.legality.amendmentsApplied.confirmedAt : s.legality.conclusion?.concludedAt;
    const reviewedAt = [currentLawyerOpinion(s)?.givenAt, legalUnitAt].filter((t): t is string => typeof t === 'string');
    if (reviewedAt.some((t) => Date.parse(particulars.recordedAt) > Date.parse(t))) return refuse('CONTRACT_PARTICULARS_NOT_REVIEWED', `particulars recorded ${particulars.recordedAt}, after the review`);
    // Reviewed before it is signed. A signing not yet made is not recorded; one made before the review cleared it is
    // recorded as it happened — refusing it would only ask for a later date to be typed — and marked for the
    // auditor. Judged by the minute, as people state a signing time (a form's time field has no seconds).
    if (!ctx.legacy?.stopsBeforeWritten) {
      const cleared = reviewedAt.reduce((latest, t) => (ms(t) > ms(latest) ? t : latest), reviewedAt[0] ?? cmd.signedAt);
      const minute = (t: string) => Math.floor(ms(t) / 60_000);
      if (minute(cmd.signedAt) > minute(ctx.now)) return refuse('CONTRACT_SIGNING_IN_FUTURE', `signed ${cmd.signedAt}, later than now`);
      if (minute(cmd.signedAt) < minute(cleared)) signedBeforeReview = { clearedAt: cleared };
    }
    // A term reviewed binds the bureau until its end at most: signed later it may start later, never run longer.
    if (particulars.term && Date.parse(cmd.termEnd) > Date.parse(particulars.term.to)) {
      return refuse('CONTRACT_TERM_MISMATCH', `reviewed until ${particulars.term.to}, signed until ${cmd.termEnd}`);
    }
  }
  const { type: _type, ...signing } = cmd;
  c.signing = { ...signing, ...(signedBeforeReview ? { signedBeforeReview } : {}), recordedBy: ctx.actor.userId, recordedAt: ctx.now };
  moveTo(s, 'contract_in_force', ctx.now);
  const early = signedBeforeReview ? `；签订时间早于审查通过（${signedBeforeReview.clearedAt}），如实记录` : '';
  return done(`合同已签订（${cmd.contractNumber}）：相对方${cmd.counterparty}，金额${yuan(cmd.value)}，期限${chinaDayText(cmd.termStart)}至${chinaDayText(cmd.termEnd)}${early}`);
};

export const closeContract: Handler<'close_contract'> = (s, cmd, ctx) => {
  if (!isContract(s)) return refuse('NOT_APPLICABLE', 'contract closure belongs to contract matters');
  if (cmd.outcome === 'renewed' && !cmd.renewalMatterId) return refuse('INVALID_INPUT', 'renewalMatterId: the matter reviewing the renewal');
  const c = contractOf(s);
  c.closure = { outcome: cmd.outcome, note: cmd.note, ...(cmd.renewalMatterId ? { renewalMatterId: cmd.renewalMatterId } : {}), by: ctx.actor.userId, at: ctx.now };
  s.closure = { stage: s.stage, by: ctx.actor.userId, at: ctx.now, reason: cmd.note };
  moveTo(s, 'contract_closed', ctx.now);
  return done(`合同终结：${CONTRACT_CLOSURE_LABELS[cmd.outcome]}。${cmd.note}`);
};
