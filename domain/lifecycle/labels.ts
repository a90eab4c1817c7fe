/**
 * The Chinese words for a document's life after issue, for every client (served in GET /api/v1/vocabulary):
 * its status in the register, the re-evaluation and clean-up decisions, and the events of its own chain.
 */
import type { DocumentDecisionKind, DocumentStatus, LifeTimer } from './documentLife';

/** `signed`: numbered at signing, not yet published (the register row exists before the document's workflow). */
export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus | 'signed', string> = {
  signed: '已签发待公布',
  in_force: '在施行',
  amended: '已修改',
  repealed: '已废止',
  expired: '已失效',
};

export const DOCUMENT_DECISION_LABELS: Record<DocumentDecisionKind, string> = { continue: '继续实施', amend: '修改', repeal: '废止' };

/** Every kind of event on a document's chain (documentWorkflow: issue, its timers, the decisions). */
export const REGISTER_EVENT_LABELS: Record<'issued' | LifeTimer['kind'] | `decision_${DocumentDecisionKind}` | 'amendment_issued' | 'amendment_abandoned', string> = {
  issued: '公布施行',
  reevaluation_reminder: '提醒评估（有效期将届满）',
  expiry: '有效期届满，失效',
  exception_end: '例外规定期限届满，重新进行公平竞争审查',
  exception_review_reminder: '例外规定期限届满后尚未重新审查或废止（提醒）',
  decision_continue: '决定继续实施',
  decision_amend: '决定修改',
  decision_repeal: '决定废止',
  amendment_issued: '修改后的文件已印发',
  amendment_abandoned: '修改事项未印发，重新评估',
  amendment_effective: '修改后的文件施行，本文件被替代',
};
