/**
 * Everything the guide marks [practice] is configuration with defaults, never a constant. Tests and
 * demos pass short `seconds` durations.
 */

import type { Duration } from '../calendar';
import type { MatterKind, MeetingBody } from './types';
import { defaultDocumentLifeConfig, type DocumentLifeConfig } from '../lifecycle/config';

export interface KindConfig {
  /**
   * Minimum time the legality review must have before the meeting (713号令第26条: 一般不少于7个工作日).
   * Counted from submission to the legal unit, clock stops excluded. null = no minimum.
   */
  legalityReviewMinimum: Duration | null;
  /** Time limit for the legal unit to conclude (reminders/escalation). null = none. */
  legalityReviewTimeLimit: Duration | null;
  /** Minimum public comment window (713号令第15条: 一般不少于30日); shorter only with a stated reason. */
  commentWindowMinimum: Duration;
  /** Whether a retained lawyer's opinion is required (713号令第28条). */
  lawyerOpinionRequired: boolean;
  /** Whether internal consultation (会签, 713号令第13条) is a mandatory research step. */
  internalConsultationRequired: boolean;
  /** 备案 deadline, counted from publication (normative documents). */
  filingDeadline: Duration;
  /** Dossier archiving deadline (713号令第33条; districts: within 10 days), counted from signing, else from the decision. */
  archiveDeadline: Duration;
}

export interface QuorumRule {
  /** Fraction of the roster that must attend (recused members do not count as attending). */
  minAttendingFraction: number;
  /** true: attendance must be strictly more than the fraction (过半数); false: at least. */
  strictlyMore: boolean;
}

/**
 * How a body decides: the administrative meeting's head speaks last and decides (713号令第30条); the Party
 * committee votes, the majority of all its members deciding (democratic centralism, 党委(党组)工作条例).
 */
export type DecisionRule = 'head_decides' | 'majority_of_all_members';

export interface BodyRules {
  decision: DecisionRule;
  quorum: QuorumRule;
  /** Personnel appointments (人事任免): at least two thirds of the members present (党政领导干部选拔任用工作条例). */
  personnelQuorum?: QuorumRule;
}

/** Which body decides which kind, and each body's rules [practice: configuration with these defaults]. */
export interface MeetingConfig {
  decidingBody: Record<MatterKind, MeetingBody>;
  bodies: Record<MeetingBody, BodyRules>;
}

export interface ProcedureConfig {
  kinds: Record<MatterKind, KindConfig>;
  /** 713号令第16条: hearing materials reach participants 7 days before the hearing. */
  hearingMaterialsLead: Duration;
  /**
   * Minimum open comment window for normative documents closely related to operators' business (ECON):
   * 优化营商环境条例第62条, 一般不少于30日. Absent in matters registered before it existed (then 30 days).
   */
  econCommentWindowMinimum?: Duration;
  quorum: QuorumRule;
  /** The registrant of a matter who sits on the body must recuse from it (conflict of interest). */
  drafterMustRecuse: boolean;
  /** How long before a deadline to remind. */
  reminderLead: Duration;
  /** Deciding bodies (absent in matters registered before it existed: the defaults, with `quorum` for the administrative meeting). */
  meeting?: MeetingConfig;
  /**
   * The fair-competition review's record (公平竞争审查条例第16–17条). Optional because matters registered
   * before it existed carry a configuration without it, and keep the rules they started under.
   */
  fairCompetition?: {
    /** Every standard answered and the parties heard, before a conclusion. */
    reviewRecordRequired: boolean;
  };
  /**
   * Major enforcement decisions reviewed as 行政处罚法第57–60条 write them (case record, EF-* checklist by a
   * qualified reviewer, collective discussion only for complex or serious cases, the time limit from filing,
   * publication when of social impact). Optional: matters registered before carry none and keep the rules they
   * started under (their histories replay as they ran).
   */
  enforcement?: {
    /** 行政处罚法第60条: 自立案之日起九十日内 (other laws may set another limit: 从其规定). */
    decisionTimeLimit: Duration;
  };
  /** Contracts in force: how long before the term ends to remind (optional: older matters carry none). */
  contracts?: {
    termReminderLead: Duration;
  };
  /**
   * After issue: number series, effective date, validity, re-evaluation (domain/lifecycle). Optional because
   * matters registered before carry a configuration without it; they sign under the defaults.
   */
  documents?: DocumentLifeConfig;
}

const days = (amount: number): Duration => ({ amount, unit: 'calendar_days' });
const workingDays = (amount: number): Duration => ({ amount, unit: 'working_days' });

export const defaultMeetingConfig: MeetingConfig = {
  decidingBody: {
    normative_document: 'director_office_meeting',
    major_decision: 'director_office_meeting', // 713号令第30条; the Party committee is informed (第31条)
    collective_matter: 'party_committee_meeting', // “三重一大”: the seed bureau's own rule
    enforcement_review: 'director_office_meeting', // 行政处罚法第57条第二款: 行政机关负责人集体讨论
    contract_review: 'director_office_meeting',
  },
  bodies: {
    director_office_meeting: { decision: 'head_decides', quorum: { minAttendingFraction: 0.5, strictlyMore: true } },
    party_committee_meeting: {
      decision: 'majority_of_all_members',
      // 党委(党组)工作条例: 半数以上委员到会方能召开; 讨论决定干部任免须有三分之二以上委员到会.
      quorum: { minAttendingFraction: 0.5, strictlyMore: true },
      personnelQuorum: { minAttendingFraction: 2 / 3, strictlyMore: false },
    },
  },
};

/** The matter's meeting rules: its own, or the defaults (with its `quorum` for the administrative meeting). */
export function meetingConfigOf(config: ProcedureConfig): MeetingConfig {
  if (config.meeting) return config.meeting;
  return { ...defaultMeetingConfig, bodies: { ...defaultMeetingConfig.bodies, director_office_meeting: { decision: 'head_decides', quorum: config.quorum } } };
}

export const defaultProcedureConfig: ProcedureConfig = {
  kinds: {
    normative_document: {
      // 5–15 working days in local practice for normative documents.
      legalityReviewMinimum: workingDays(5),
      legalityReviewTimeLimit: workingDays(15),
      // 国办发〔2018〕37号: 公开征求意见期限一般不少于7个工作日.
      commentWindowMinimum: workingDays(7),
      lawyerOpinionRequired: true,
      internalConsultationRequired: true,
      // Guide: 15–30 days in practice; the old Tianjin rule used 20 days.
      filingDeadline: days(20),
      archiveDeadline: days(10),
    },
    major_decision: {
      legalityReviewMinimum: workingDays(7), // 713号令第26条
      legalityReviewTimeLimit: workingDays(15),
      commentWindowMinimum: days(30), // 713号令第15条
      lawyerOpinionRequired: true, // 713号令第28条
      internalConsultationRequired: true, // 713号令第13条
      filingDeadline: days(20),
      archiveDeadline: days(10),
    },
    collective_matter: {
      legalityReviewMinimum: null,
      legalityReviewTimeLimit: workingDays(10),
      commentWindowMinimum: days(30),
      lawyerOpinionRequired: false,
      internalConsultationRequired: false,
      filingDeadline: days(20),
      archiveDeadline: days(10),
    },
    enforcement_review: {
      legalityReviewMinimum: null,
      // Local 法制审核 rules commonly give 5–10 working days.
      legalityReviewTimeLimit: workingDays(10),
      commentWindowMinimum: days(30),
      lawyerOpinionRequired: false,
      internalConsultationRequired: false,
      filingDeadline: days(20),
      archiveDeadline: days(10),
    },
    contract_review: {
      legalityReviewMinimum: null,
      // [practice] the adviser's contract review: a few working days.
      legalityReviewTimeLimit: workingDays(5),
      commentWindowMinimum: days(30),
      lawyerOpinionRequired: true,
      internalConsultationRequired: false,
      filingDeadline: days(20),
      archiveDeadline: days(10),
    },
  },
  hearingMaterialsLead: days(7),
  econCommentWindowMinimum: days(30), // 优化营商环境条例第62条
  quorum: { minAttendingFraction: 0.5, strictlyMore: true },
  drafterMustRecuse: true,
  reminderLead: workingDays(2),
  fairCompetition: { reviewRecordRequired: true },
  contracts: { termReminderLead: days(30) },
  documents: defaultDocumentLifeConfig,
  enforcement: { decisionTimeLimit: days(90) },
};
