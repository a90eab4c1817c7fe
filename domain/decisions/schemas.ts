/**
 * After a major decision (713号令第34条至第37条): the implementing unit, its reports, post-evaluation,
 * suspension, and adjustment or stopping through a new procedure linked to the original. Command shapes.
 */
import { z } from 'zod';
import { builtOnFirstUse, line, prose } from '../procedure/primitives';

/** 713号令第35条: what a report may tell the decision organ. */
export const IMPLEMENTATION_STATUSES = ['on_track', 'problem', 'major_change', 'force_majeure'] as const;
export const IMPLEMENTATION_STATUS_LABELS: Record<(typeof IMPLEMENTATION_STATUSES)[number], string> = {
  on_track: '正常执行',
  problem: '决策存在问题',
  major_change: '客观情况发生重大变化',
  force_majeure: '发生不可抗力等严重影响决策目标实现的情形',
};

/** 713号令第36条第1款: when the decision organ may organise a post-evaluation. */
export const EVALUATION_GROUNDS = ['not_effective', 'many_opinions', 'deemed_necessary'] as const;
export const EVALUATION_GROUND_LABELS: Record<(typeof EVALUATION_GROUNDS)[number], string> = {
  not_effective: '实施后明显未达到预期效果',
  many_opinions: '公民、法人或者其他组织提出较多意见',
  deemed_necessary: '决策机关认为有必要',
};

export const EVALUATION_CONCLUSIONS = ['achieved', 'partly_achieved', 'not_achieved'] as const;
export const EVALUATION_CONCLUSION_LABELS: Record<(typeof EVALUATION_CONCLUSIONS)[number], string> = { achieved: '达到预期效果', partly_achieved: '部分达到预期效果', not_achieved: '未达到预期效果' };
export const EVALUATION_RECOMMENDATIONS = ['continue', 'adjust', 'stop'] as const;
export const EVALUATION_RECOMMENDATION_LABELS: Record<(typeof EVALUATION_RECOMMENDATIONS)[number], string> = { continue: '继续执行', adjust: '调整决策', stop: '停止执行' };

export const ADJUSTMENT_PURPOSES = ['adjust', 'stop'] as const;
export const ADJUSTMENT_PURPOSE_LABELS: Record<(typeof ADJUSTMENT_PURPOSES)[number], string> = { adjust: '重大调整', stop: '停止执行' };

export const designateImplementingUnitCommand = builtOnFirstUse(() =>
  z.object({ type: z.literal('designate_implementing_unit'), unit: line(200), note: prose(2000).optional() }),
);

export const reportImplementationCommand = builtOnFirstUse(() =>
  z
    .object({
      type: z.literal('report_implementation'),
      status: z.enum(IMPLEMENTATION_STATUSES),
      progress: prose(10_000),
      /** Required unless on track (713号令第35条: 应当及时向决策机关报告). */
      problems: prose(10_000).optional(),
      documentId: line(200).optional(),
    })
    .refine((c) => c.status === 'on_track' || c.problems !== undefined, { path: ['problems'], message: 'required when the report is not on track' }),
);

export const orderPostEvaluationCommand = builtOnFirstUse(() =>
  z.object({
    type: z.literal('order_post_evaluation'),
    grounds: z.array(z.enum(EVALUATION_GROUNDS)).min(1).max(3),
    /** The unit doing the work (art. 36 para. 1), or the third party (para. 2). */
    evaluator: line(200),
    thirdParty: z.boolean(),
    note: prose(2000).optional(),
  }),
);

export const recordPostEvaluationCommand = builtOnFirstUse(() =>
  z.object({
    type: z.literal('record_post_evaluation'),
    conclusion: z.enum(EVALUATION_CONCLUSIONS),
    recommendation: z.enum(EVALUATION_RECOMMENDATIONS),
    summary: prose(10_000),
    /** 713号令第36条第3款: how the public (and deputies, CPPCC members, organisations) were heard. */
    publicHeard: prose(5000),
    documentId: line(200),
  }),
);

/** 713号令第37条: in an emergency the head may first suspend the implementation. */
export const suspendImplementationCommand = builtOnFirstUse(() =>
  z.object({ type: z.literal('suspend_implementation'), decidedBy: line(200), reason: prose(5000) }),
);
export const resumeImplementationCommand = builtOnFirstUse(() =>
  z.object({ type: z.literal('resume_implementation'), decidedBy: line(200), reason: prose(5000) }),
);

/** Recorded on the original when the new procedure (a new matter) that adjusts or stops it is opened. */
export const recordAdjustmentCommand = builtOnFirstUse(() =>
  z.object({ type: z.literal('record_adjustment'), newMatterId: line(100), purpose: z.enum(ADJUSTMENT_PURPOSES), reason: prose(5000) }),
);

export const completeImplementationCommand = builtOnFirstUse(() =>
  z.object({ type: z.literal('complete_implementation'), note: prose(5000) }),
);

export const IMPLEMENTATION_COMMAND_TYPES = [
  'designate_implementing_unit',
  'report_implementation',
  'order_post_evaluation',
  'record_post_evaluation',
  'suspend_implementation',
  'resume_implementation',
  'record_adjustment',
  'complete_implementation',
] as const;
export type ImplementationCommandType = (typeof IMPLEMENTATION_COMMAND_TYPES)[number];
