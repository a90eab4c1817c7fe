/**
 * The procedure configuration as a whole, checked with zod (a file merged over the defaults may hold
 * anything), and the statutory floors no configuration may lower ("Floors that configuration may not
 * lower" in the domain guide): a [rule] figure is a minimum the law sets; configuration may raise it.
 */
import { z } from 'zod';
import type { Duration } from '../calendar';
import type { ProcedureConfig } from './config';
import { MATTER_KINDS, type MatterKind } from './types';
import { seriesPatternProblem } from '../lifecycle/numbering';
import { builtOnFirstUse } from './primitives';

/**
 * Built when first used: the workflow bundle evaluates this module for every workflow instance, and no
 * workflow parses a configuration (the processes do, at start).
 */
export const procedureConfigSchema = builtOnFirstUse(() => {
  const duration = z.strictObject({
    amount: z.number().int().min(0).max(100_000_000),
    unit: z.enum(['working_days', 'calendar_days', 'seconds']),
  });

  const lifeDuration = z.strictObject({ amount: z.number().int().min(0).max(100_000_000), unit: z.enum(['years', 'months', 'days', 'seconds']) });

  /** After issue (domain/lifecycle): number series, effective delay, validity, re-evaluation lead. */
  const documentLifeConfigSchema = z.strictObject({
    series: z.partialRecord(z.enum(MATTER_KINDS as [MatterKind, ...MatterKind[]]), z.strictObject({
      code: z.string().min(1).max(40),
      pattern: z.string().min(1).max(200).refine((p) => seriesPatternProblem(p) === null, { message: 'a series pattern contains {year} and {n}' }),
    })),
    validityKinds: z.array(z.enum(MATTER_KINDS as [MatterKind, ...MatterKind[]])),
    effectiveDelay: lifeDuration,
    maxValidity: lifeDuration,
    maxValidityProvisional: lifeDuration,
    reevaluationLead: lifeDuration,
    exceptionReviewReminderEvery: lifeDuration.optional(),
  });

  const kindConfig = z.strictObject({
    legalityReviewMinimum: duration.nullable(),
    legalityReviewTimeLimit: duration.nullable(),
    commentWindowMinimum: duration,
    lawyerOpinionRequired: z.boolean(),
    internalConsultationRequired: z.boolean(),
    filingDeadline: duration,
    archiveDeadline: duration,
  });

  const quorumRule = z.strictObject({ minAttendingFraction: z.number().gt(0).max(1), strictlyMore: z.boolean() });
  const meetingBody = z.enum(['director_office_meeting', 'party_committee_meeting']);
  const bodyRules = z.strictObject({ decision: z.enum(['head_decides', 'majority_of_all_members']), quorum: quorumRule, personnelQuorum: quorumRule.optional() });

  return z.strictObject({
    kinds: z.strictObject(Object.fromEntries(MATTER_KINDS.map((k) => [k, kindConfig])) as Record<(typeof MATTER_KINDS)[number], typeof kindConfig>),
    hearingMaterialsLead: duration,
    econCommentWindowMinimum: duration.optional(),
    quorum: z.strictObject({ minAttendingFraction: z.number().gt(0).max(1), strictlyMore: z.boolean() }),
    drafterMustRecuse: z.boolean(),
    reminderLead: duration,
    fairCompetition: z.strictObject({ reviewRecordRequired: z.boolean() }).optional(),
    contracts: z.strictObject({ termReminderLead: duration }).optional(),
    documents: documentLifeConfigSchema.optional(),
    enforcement: z.strictObject({ decisionTimeLimit: duration }).optional(),
    meeting: z
      .strictObject({
        decidingBody: z.strictObject(Object.fromEntries(MATTER_KINDS.map((k) => [k, meetingBody])) as Record<(typeof MATTER_KINDS)[number], typeof meetingBody>),
        bodies: z.strictObject({ director_office_meeting: bodyRules, party_committee_meeting: bodyRules }),
      })
      // 713号令第30条、第31条: a major decision is decided by the administrative meeting; the Party committee is informed.
      .refine((m) => m.decidingBody.major_decision === 'director_office_meeting', { path: ['decidingBody', 'major_decision'], message: 'a major decision is decided by the administrative meeting (713号令第30条、第31条), never by the Party committee' })
      .optional(),
  }) satisfies z.ZodType<ProcedureConfig>;
});

/** A statutory floor: the configuration key, the minimum the law sets and where. */
export interface StatutoryFloor {
  key: string;
  floor: Duration;
  basis: string;
  /** A clock that runs in real time: the demo profile (never in production) may shrink it to seconds. */
  realTimeClock: boolean;
  read: (c: ProcedureConfig) => Duration | null | undefined;
}

const days = (amount: number): Duration => ({ amount, unit: 'calendar_days' });

export const STATUTORY_FLOORS: readonly StatutoryFloor[] = [
  {
    key: 'kinds.major_decision.commentWindowMinimum',
    floor: days(30),
    basis: '重大行政决策程序暂行条例第15条（公开征求意见的期限一般不少于30日）',
    realTimeClock: false,
    read: (c) => c.kinds.major_decision.commentWindowMinimum,
  },
  {
    key: 'kinds.major_decision.legalityReviewMinimum',
    floor: { amount: 7, unit: 'working_days' },
    basis: '重大行政决策程序暂行条例第26条（审查时间一般不少于7个工作日）',
    realTimeClock: true,
    read: (c) => c.kinds.major_decision.legalityReviewMinimum,
  },
  {
    key: 'hearingMaterialsLead',
    floor: days(7),
    basis: '重大行政决策程序暂行条例第16条（听证会材料应当于召开听证会7日前送达）',
    realTimeClock: false,
    read: (c) => c.hearingMaterialsLead,
  },
  {
    key: 'econCommentWindowMinimum',
    floor: days(30),
    basis: '优化营商环境条例第62条（与市场主体生产经营活动密切相关的规范性文件，征求意见期限一般不少于30日）',
    realTimeClock: false,
    read: (c) => c.econCommentWindowMinimum,
  },
];

/**
 * Whether `d` is at least `floor`. N working days always span at least N calendar days, so a
 * working-day duration meets a calendar-day floor of the same number; the reverse cannot be known
 * without a calendar, so a working-day floor is met only in working days. Seconds meet no day floor.
 */
export function meetsFloor(d: Duration, floor: Duration): boolean {
  if (d.unit === floor.unit) return d.amount >= floor.amount;
  if (floor.unit === 'calendar_days' && d.unit === 'working_days') return d.amount >= floor.amount;
  return false;
}

const describe = (d: Duration) => `${d.amount} ${d.unit}`;

/**
 * The first floor the configuration lowers, as one line naming the key, or null. The demo profile
 * (refused in production) shrinks the real-time clocks on purpose; the floors on dates people supply
 * (comment windows, hearing notice) hold in every profile.
 */
export function floorViolation(config: ProcedureConfig, opts: { demo?: boolean } = {}): string | null {
  for (const f of STATUTORY_FLOORS) {
    if (opts.demo && f.realTimeClock) continue;
    const value = f.read(config);
    if (value === undefined) continue; // an optional key left out takes the floor itself
    if (value === null || !meetsFloor(value, f.floor)) {
      return `${f.key} may not be lower than the statutory floor of ${describe(f.floor)} (${f.basis}); got ${value === null ? 'null' : describe(value)}`;
    }
  }
  return null;
}

/**
 * Duties the law sets that a configuration switch may not turn off (the floors above are the figures): each
 * with its key and article, and the check it must pass. What the guide marks [practice] stays free.
 */
export const STATUTORY_DUTIES: ReadonlyArray<{ key: string; basis: string; holds: (c: ProcedureConfig) => boolean }> = [
  {
    key: 'kinds.major_decision.lawyerOpinionRequired',
    basis: '重大行政决策程序暂行条例第28条（应当组织法律顾问、公职律师提出法律意见）: must be true',
    holds: (c) => c.kinds.major_decision.lawyerOpinionRequired,
  },
  {
    key: 'fairCompetition.reviewRecordRequired',
    basis: '公平竞争审查条例第12条（例外的条件）、第16条（听取经营者意见）: must be true',
    holds: (c) => c.fairCompetition?.reviewRecordRequired !== false,
  },
  {
    key: 'meeting.bodies.director_office_meeting.decision',
    basis: '重大行政决策程序暂行条例第30条（行政首长在集体讨论的基础上作出决定）: must be head_decides',
    holds: (c) => !c.meeting || c.meeting.bodies.director_office_meeting.decision === 'head_decides',
  },
  {
    key: 'meeting.decidingBody.normative_document',
    basis: '重大行政决策程序暂行条例第30条 and the domain guide (规范性文件 by the administrative meeting): must be director_office_meeting',
    holds: (c) => !c.meeting || c.meeting.decidingBody.normative_document === 'director_office_meeting',
  },
  {
    key: 'meeting.decidingBody.enforcement_review',
    basis: '行政处罚法第57条第二款（行政机关负责人应当集体讨论决定）: must be director_office_meeting',
    holds: (c) => !c.meeting || c.meeting.decidingBody.enforcement_review === 'director_office_meeting',
  },
  {
    key: 'enforcement.decisionTimeLimit',
    basis: '行政处罚法第60条（自立案之日起九十日内作出行政处罚决定）: at most 90 calendar days (a demo clock in seconds passes)',
    holds: (c) => {
      const limit = c.enforcement?.decisionTimeLimit;
      return !limit || limit.unit === 'seconds' || (limit.unit === 'calendar_days' && limit.amount <= 90);
    },
  },
];

/** The first statutory duty the configuration switches off, as one line naming the key, or null. */
export function dutyViolation(config: ProcedureConfig): string | null {
  const broken = STATUTORY_DUTIES.find((d) => !d.holds(config));
  return broken ? `${broken.key} may not switch off a statutory duty (${broken.basis})` : null;
}

/** The configuration checked whole: the first wrong key as one line, or the typed configuration. */
export function parseProcedureConfig(raw: unknown, opts: { demo?: boolean } = {}): { ok: true; config: ProcedureConfig } | { ok: false; problem: string } {
  const parsed = procedureConfigSchema().safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k].join('.')).join(', ') : issue.path.join('.');
    return { ok: false, problem: `${keys || 'procedure configuration'}: ${issue.message}` };
  }
  const problem = floorViolation(parsed.data, opts) ?? dutyViolation(parsed.data);
  return problem ? { ok: false, problem } : { ok: true, config: parsed.data };
}
