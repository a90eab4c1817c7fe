/**
 * After a major decision is issued (713号令第34条至第37条): the decision organ names the implementing unit,
 * which reports on the implementation (and at once on problems, major changes or force majeure, art. 35);
 * a post-evaluation may be ordered and its result recorded (art. 36); in an emergency the head may first
 * suspend the implementation (art. 37); a major adjustment — or stopping it — runs as a new procedure, a new
 * matter linked to this one (art. 37: 应当依照本条例履行相关法定程序). The matter stays `issued` throughout; its
 * workflow keeps running until the implementation is recorded as complete, or ended by the stop or adjustment whose
 * decision is out (domain/decisions/adjustmentSettled.ts, told by the new matter's workflow).
 */

import { IMPLEMENTATION_COMMAND_TYPES, IMPLEMENTATION_STATUS_LABELS, EVALUATION_CONCLUSION_LABELS, EVALUATION_RECOMMENDATION_LABELS, ADJUSTMENT_PURPOSE_LABELS } from '../../decisions/schemas';
import { emptyImplementation, type ImplementationState } from '../../decisions/state';
import { adjustmentStands } from '../../decisions/adjustmentSettled';
import { isMajorDecision } from '../classification';
import { refuse } from '../refusals';
import type { CommandType, MatterState } from '../types';
import { done, type Handler } from './handler';

/** Whether the matter is an issued major decision whose implementation is not recorded as complete. */
export function implementationOpen(s: MatterState): boolean {
  return isMajorDecision(s) && s.stage === 'issued' && !s.implementation?.completed;
}

/**
 * Whether the decision is being implemented: an issued major decision, or one published (or its publication
 * withheld, 依法不予公开) while its 备案 or archiving is still to come — from then on it is carried out, and its
 * head may have to suspend it at once (713号令第37条).
 */
export function implementationStarted(s: MatterState): boolean {
  return isMajorDecision(s) && (s.stage === 'issued' || (s.stage === 'post_decision' && s.postDecision.publication !== null));
}

/** Whether the action is one of the implementation's (713号令第34条至第37条). */
export const isImplementationCommand = (type: CommandType): boolean => (IMPLEMENTATION_COMMAND_TYPES as readonly string[]).includes(type);

/** The commands a closed (issued) matter still accepts: the implementation's, while it is open. */
export function acceptedAfterIssue(s: MatterState, type: CommandType): boolean {
  return (IMPLEMENTATION_COMMAND_TYPES as readonly string[]).includes(type) && implementationOpen(s);
}

function impl(s: MatterState): ImplementationState {
  if (!s.implementation) s.implementation = emptyImplementation();
  return s.implementation;
}

const suspended = (i: ImplementationState) => {
  const last = i.suspensions.at(-1);
  return last !== undefined && !last.resumed;
};

export const designateImplementingUnit: Handler<'designate_implementing_unit'> = (s, cmd, ctx) => {
  impl(s).unit = { unit: cmd.unit, ...(cmd.note ? { note: cmd.note } : {}), by: ctx.actor.userId, at: ctx.now };
  return done(`明确决策执行单位：${cmd.unit}（713号令第34条）`);
};

export const reportImplementation: Handler<'report_implementation'> = (s, cmd, ctx) => {
  const i = impl(s);
  if (!i.unit) return refuse('IMPLEMENTING_UNIT_MISSING');
  // 713号令第37条: a suspended decision is not being carried out; what is reported meanwhile are its problems and
  // changes (patch stops-as-written).
  if (!ctx.legacy?.stopsBeforeWritten && cmd.status === 'on_track' && suspended(i)) return refuse('IMPLEMENTATION_SUSPENDED', 'report the problem or change, or resume first');
  i.reports.push({ status: cmd.status, progress: cmd.progress, ...(cmd.problems ? { problems: cmd.problems } : {}), ...(cmd.documentId ? { documentId: cmd.documentId } : {}), by: ctx.actor.userId, at: ctx.now });
  return done(`决策执行情况报告：${IMPLEMENTATION_STATUS_LABELS[cmd.status]}`);
};

export const orderPostEvaluation: Handler<'order_post_evaluation'> = (s, cmd, ctx) => {
  const i = impl(s);
  if (i.evaluations.some((e) => e.result === null)) return refuse('ALREADY_DONE', 'a post-evaluation is already under way');
  i.evaluations.push({ grounds: [...new Set(cmd.grounds)], evaluator: cmd.evaluator, thirdParty: cmd.thirdParty, ...(cmd.note ? { note: cmd.note } : {}), orderedBy: ctx.actor.userId, orderedAt: ctx.now, result: null });
  return done(`组织决策后评估：${cmd.evaluator}${cmd.thirdParty ? '（第三方）' : ''}（713号令第36条）`);
};

export const recordPostEvaluation: Handler<'record_post_evaluation'> = (s, cmd, ctx) => {
  const open = impl(s).evaluations.find((e) => e.result === null);
  if (!open) return refuse('EVALUATION_NOT_ORDERED');
  open.result = { conclusion: cmd.conclusion, recommendation: cmd.recommendation, summary: cmd.summary, publicHeard: cmd.publicHeard, documentId: cmd.documentId, by: ctx.actor.userId, at: ctx.now };
  return done(`决策后评估结论：${EVALUATION_CONCLUSION_LABELS[cmd.conclusion]}，建议${EVALUATION_RECOMMENDATION_LABELS[cmd.recommendation]}`);
};

export const suspendImplementation: Handler<'suspend_implementation'> = (s, cmd, ctx) => {
  const i = impl(s);
  if (suspended(i)) return refuse('ALREADY_DONE', 'the implementation is already suspended');
  i.suspensions.push({ decidedBy: cmd.decidedBy, reason: cmd.reason, by: ctx.actor.userId, at: ctx.now });
  return done(`行政首长${cmd.decidedBy}决定中止执行：${cmd.reason}（713号令第37条）`);
};

export const resumeImplementation: Handler<'resume_implementation'> = (s, cmd, ctx) => {
  const last = impl(s).suspensions.at(-1);
  if (!last || last.resumed) return refuse('NOT_SUSPENDED');
  last.resumed = { decidedBy: cmd.decidedBy, reason: cmd.reason, by: ctx.actor.userId, at: ctx.now };
  return done(`恢复执行（${cmd.decidedBy}）：${cmd.reason}`);
};

export const recordAdjustment: Handler<'record_adjustment'> = (s, cmd, ctx) => {
  if (cmd.newMatterId === s.matterId) return refuse('INVALID_INPUT', 'newMatterId: the new procedure is another matter');
  const i = impl(s);
  if (i.adjustments.some((a) => a.newMatterId === cmd.newMatterId)) return refuse('ALREADY_DONE', cmd.newMatterId);
  // 713号令第37条: the decision is adjusted or stopped by one statutory procedure at a time; two under way at once
  // would each decide on a decision the other may be changing.
  const pending = ctx.legacy?.adjustmentsUnbounded ? undefined : i.adjustments.find((a) => !a.settled);
  if (pending) return refuse('ADJUSTMENT_PENDING', `the ${pending.purpose} procedure ${pending.newMatterId} is under way`);
  i.adjustments.push({ newMatterId: cmd.newMatterId, purpose: cmd.purpose, reason: cmd.reason, by: ctx.actor.userId, at: ctx.now });
  return done(`启动${ADJUSTMENT_PURPOSE_LABELS[cmd.purpose]}程序（新事项 ${cmd.newMatterId}）：${cmd.reason}`);
};

export const completeImplementation: Handler<'complete_implementation'> = (s, cmd, ctx) => {
  const i = impl(s);
  if (!ctx.legacy?.gatesBeforeWritten) {
    // 713号令第36条、第37条: not while suspended or being evaluated (the evaluation's result could then never be recorded).
    if (suspended(i)) return refuse('IMPLEMENTATION_NOT_COMPLETABLE', 'the implementation is suspended; resume it first');
    if (i.evaluations.some((e) => e.result === null)) return refuse('IMPLEMENTATION_NOT_COMPLETABLE', 'a post-evaluation is under way; record its result first');
  }
  // 713号令第36条第4款: the evaluation's result is the basis for adjusting the decision: one recommending an adjustment
  // or a stop is followed by that procedure (record_adjustment), not by closing the implementation as carried out.
  if (!ctx.legacy?.stopsBeforeWritten) {
    const last = i.evaluations.filter((e) => e.result !== null).at(-1)?.result;
    // A procedure started since that ended without a decision (withdrawn, rejected) no longer answers the evaluation.
    if (last && last.recommendation !== 'continue' && !i.adjustments.some((a) => a.at >= last.at && adjustmentStands(a))) {
      return refuse('IMPLEMENTATION_NOT_COMPLETABLE', `the post-evaluation of ${last.at} recommends ${last.recommendation}: start that procedure (record_adjustment) first`);
    }
  }
  i.completed = { note: cmd.note, by: ctx.actor.userId, at: ctx.now };
  return done(`决策执行完毕：${cmd.note}`);
};
