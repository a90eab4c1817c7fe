/**
 * After issue (文件生命周期): the register's number series, the effective date and the validity period,
 * and when a re-evaluation opens. All [practice] (国办发〔2018〕37号 and local rules), so configuration
 * with these defaults; the demo profile shrinks the periods to seconds.
 */
import type { MatterKind } from '../procedure/types';
import type { LifeDuration } from './lifeTime';

/** One number series (统一编号): `{year}` and `{n}` are replaced, e.g. 南文旅规〔{year}〕{n}号. */
export interface DocumentSeries {
  /** Stable key of the series in the register (the counter is per series and year). */
  code: string;
  pattern: string;
}

export interface DocumentLifeConfig {
  /** The series each kind of matter is numbered in at signing; a kind without one is not numbered. */
  series: Partial<Record<MatterKind, DocumentSeries>>;
  /** The kinds whose documents carry a validity period (有效期): normative documents. */
  validityKinds: MatterKind[];
  /** A document takes effect normally no earlier than this after publication (一般自公布之日起30日后施行). */
  effectiveDelay: LifeDuration;
  /** Longest validity (一般不超过5年). */
  maxValidity: LifeDuration;
  /** Longest validity of a 暂行 / 试行 document (不超过2年). */
  maxValidityProvisional: LifeDuration;
  /** The re-evaluation opens this long before expiry (有效期届满前6个月). */
  reevaluationLead: LifeDuration;
  /**
   * After a fair-competition exception ends, the legal unit is reminded this often that the measure is not yet
   * amended (reviewed again) or repealed (公平竞争审查条例第12条、第18条); absent in documents issued before it: a month.
   */
  exceptionReviewReminderEvery?: LifeDuration;
}

/** How often a lapsed exception is recalled when the configuration does not say. */
export const EXCEPTION_REVIEW_REMINDER_EVERY: LifeDuration = { amount: 1, unit: 'months' };

export const defaultDocumentLifeConfig: DocumentLifeConfig = {
  series: {
    normative_document: { code: 'gui', pattern: '南文旅规〔{year}〕{n}号' },
    major_decision: { code: 'fa', pattern: '南文旅发〔{year}〕{n}号' },
    enforcement_review: { code: 'fajue', pattern: '南文旅罚决字〔{year}〕{n}号' },
  },
  validityKinds: ['normative_document'],
  effectiveDelay: { amount: 30, unit: 'days' },
  maxValidity: { amount: 5, unit: 'years' },
  maxValidityProvisional: { amount: 2, unit: 'years' },
  reevaluationLead: { amount: 6, unit: 'months' },
  exceptionReviewReminderEvery: EXCEPTION_REVIEW_REMINDER_EVERY,
};

/** The demo profile: a document takes effect at once, lives two minutes and is re-evaluated in its last minute. */
export function demoDocumentLifeConfig(base: DocumentLifeConfig = defaultDocumentLifeConfig): DocumentLifeConfig {
  return {
    ...base,
    effectiveDelay: { amount: 0, unit: 'seconds' },
    maxValidity: { amount: 120, unit: 'seconds' },
    maxValidityProvisional: { amount: 60, unit: 'seconds' },
    reevaluationLead: { amount: 60, unit: 'seconds' },
    exceptionReviewReminderEvery: { amount: 30, unit: 'seconds' },
  };
}
