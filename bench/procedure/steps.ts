/**
 * The whole procedure of each kind, as the sequence of actions people take over HTTP (the same steps as the
 * walkthrough, without its revision loops). A pause step waits for the scheduled meeting time; the baseline
 * pauses at the same place for the same time.
 */
import crypto from 'node:crypto';
import { defaultDocumentLifeConfig } from '../../domain/lifecycle/config';

export type Person = 'drafter' | 'legal' | 'lawyer' | 'fcr' | 'secretary' | 'member1' | 'member2' | 'member3';

export interface MatterContext {
  text: string;
  versionHash: string;
  ids: Record<Person, string>;
  fcrStandards: { version: string; codes: string[] };
}

export type Step =
  | { kind: 'act'; who: Person; command: (c: MatterContext) => Record<string, unknown> }
  /** Until the meeting time the previous step scheduled has passed. */
  | { kind: 'pause' };

export interface KindScript {
  kind: 'normative_document' | 'major_decision' | 'collective_matter' | 'enforcement_review';
  flags: string[];
  steps: Step[];
}

/**
 * How far ahead the meeting is scheduled (the bench's configuration has no minimum review time): enough for
 * the Update to be validated before that time even on a busy machine (BENCH_MEETING_DELAY_MS; when it was not,
 * the driver schedules again and counts it); the driver then waits until it passed.
 */
export const MEETING_DELAY_MS = Number(process.env.BENCH_MEETING_DELAY_MS ?? 3_000);

const CHECKLIST = ['LR-S1', 'LR-S2', 'LR-P1', 'LR-P2', 'LR-C1', 'LR-C2', 'LR-C3', 'LR-R1', 'LR-R2', 'LR-F1'].map((code) => ({ code, result: 'pass' }));
const ENFORCEMENT_CHECKLIST = ['EF-SUBJECT', 'EF-JURISDICTION', 'EF-FACTS', 'EF-EVIDENCE', 'EF-PROCEDURE', 'EF-LAW', 'EF-DISCRETION', 'EF-DOCUMENT'].map((code) => ({ code, result: 'pass' }));
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
const act = (who: Person, command: (c: MatterContext) => Record<string, unknown>): Step => ({ kind: 'act', who, command });
const item = (i: () => Record<string, unknown>) => act('drafter', () => ({ type: 'record_research_item', item: i() }));

/** A text the fair-competition pre-screen finds nothing in, so the reviewer has no findings to answer. */
export function benchText(n: number): string {
  return `第一条 为规范本局内部公文办理工作，制定本办法。\n第二条 各科室应当按照规定时限办理公文。\n第三条 本办法自发布之日起施行。（编号 ${n}）`;
}

export const sha256 = (t: string) => crypto.createHash('sha256').update(t, 'utf8').digest('hex');

function research(flags: string[]): Step[] {
  return [
    item(() => ({ kind: 'drafting_explanation', summary: '起草目的、依据和主要内容', documentId: 'doc-explanation' })),
    item(() => ({ kind: 'legal_bases', bases: [{ title: '中华人民共和国行政许可法', article: '第十二条' }] })),
    item(() => ({ kind: 'procedure_statement', summary: '已履行调研、会签程序', documentId: 'doc-procedure' })),
    item(() => ({ kind: 'internal_consultation', consultations: [{ unit: '办公室', agreed: true, opinion: '同意' }] })),
    ...(flags.includes('PUBLIC')
      ? [
          item(() => ({ kind: 'public_comment', openedAt: daysAgo(45), closesAt: daysAgo(10), channel: '区政府网站', operatorsAndAssociations: { parties: ['区个体劳动者协会'], summary: '无异议' } })),
          item(() => ({ kind: 'comment_adoption', entries: [{ commentSummary: '建议明确时限', adopted: true }] })),
        ]
      : []),
    ...(flags.includes('RISK') ? [item(() => ({ kind: 'risk_assessment', riskLevel: 'low', controllable: true, measures: '跟踪评估', documentId: 'doc-risk' }))] : []),
  ];
}

const lawyer: Step[] = [
  act('legal', (c) => ({ type: 'assign_lawyer', lawyerId: c.ids.lawyer })),
  act('lawyer', (c) => ({ type: 'submit_lawyer_opinion', versionHash: c.versionHash, outcome: 'LAWFUL', text: '经审查，制定主体适格、程序合法、内容不违反上位法规定。', checklist: CHECKLIST })),
];
const legality = act('legal', (c) => ({ type: 'record_legality_conclusion', versionHash: c.versionHash, outcome: 'LAWFUL', text: '合法性审核意见：合法。', checklist: CHECKLIST }));

function meeting(body: string): Step[] {
  return [
    act('secretary', () => ({ type: 'schedule_meeting', meetingAt: new Date(Date.now() + MEETING_DELAY_MS).toISOString(), body, meetingRef: '会议', ...(body === 'party_committee_meeting' ? { category: 'major_funds' } : {}) })),
    { kind: 'pause' },
    act('secretary', (c) => ({
      type: 'record_meeting',
      record: {
        members: [c.ids.member1, c.ids.member2, c.ids.member3],
        attendees: [c.ids.member1, c.ids.member2, c.ids.member3],
        absentees: [],
        recusals: [],
        headId: c.ids.member1,
        views: [{ memberId: c.ids.member2, view: 'approve', comment: '同意' }, { memberId: c.ids.member3, view: 'approve' }, { memberId: c.ids.member1, view: 'approve', comment: '同意' }],
        outcome: 'approve',
        minutesDocumentId: 'minutes-bench',
      },
    })),
  ];
}

const sign = act('secretary', (c) => ({ type: 'sign_and_number', versionHash: c.versionHash, signedBy: '局长' }));
const publish = act('secretary', () => ({ type: 'publish', channel: '区政府网站', reference: 'https://example.invalid/bench' }));
/** 713号令第32条: a major decision of public concern is published with how opinions were adopted and its 解读. */
const publishDecision = act('secretary', () => ({ type: 'publish', channel: '区政府网站', reference: 'https://example.invalid/bench', adoptionStatement: '收到意见1条，采纳1条', interpretation: '政策解读' }));
const archive = (who: Person) => act(who, () => ({ type: 'archive', archiveRef: 'DA-bench' }));
const submit = act('drafter', () => ({ type: 'submit_for_review' }));
const accept = act('legal', () => ({ type: 'accept_materials' }));

export const KIND_SCRIPTS: KindScript[] = [
  {
    kind: 'normative_document',
    flags: ['ECON', 'PUBLIC'],
    steps: [
      ...research(['PUBLIC']),
      submit,
      act('legal', (c) => ({ type: 'assign_fcr_reviewer', reviewerId: c.ids.fcr })),
      act('fcr', (c) => ({
        type: 'record_fcr_conclusion',
        conclusion: 'no_restrictive_effect',
        versionHash: c.versionHash,
        summary: '不具有排除、限制竞争效果',
        review: { ruleSetVersion: c.fcrStandards.version, standards: c.fcrStandards.codes.map((code) => ({ code, answer: 'not_involved' })), consultations: [{ party: '区行业协会', kind: 'association', view: '无异议' }] },
      })),
      accept,
      ...lawyer,
      legality,
      ...meeting('director_office_meeting'),
      sign,
      publish,
      act('legal', () => ({ type: 'file_record', authority: '区司法局', reference: '备案〔2026〕1号' })),
      archive('legal'),
    ],
  },
  {
    kind: 'major_decision',
    flags: ['PUBLIC', 'RISK'],
    steps: [...research(['PUBLIC', 'RISK']), submit, accept, ...lawyer, legality, ...meeting('director_office_meeting'), act('secretary', () => ({ type: 'report_to_party', reference: '请示〔2026〕1号' })), sign, publishDecision, archive('secretary')],
  },
  {
    kind: 'collective_matter',
    flags: [],
    steps: [...research([]), submit, accept, legality, ...meeting('party_committee_meeting'), archive('secretary')],
  },
  {
    // 行政处罚法第57–60条: the case on file; a qualified reviewer answers the EF-* checklist; not complex, so the head decides by signing.
    kind: 'enforcement_review',
    flags: [],
    steps: [
      ...research([]),
      // Each matter its own case: a case under review in one matter is refused in another (CASE_ALREADY_UNDER_REVIEW).
      item(() => ({ kind: 'enforcement_case', caseNumber: `南文旅立〔2026〕${crypto.randomInt(1, 1_000_000_000)}号`, caseFiledOn: daysAgo(20).slice(0, 10), ground: 'hearing_held', complex: false, seriousViolation: false, socialImpact: false, summary: '经听证的较大数额罚款' })),
      submit,
      accept,
      act('legal', (c) => ({ type: 'record_legality_conclusion', versionHash: c.versionHash, outcome: 'LAWFUL', text: '法制审核意见：通过。', enforcementChecklist: ENFORCEMENT_CHECKLIST })),
      sign,
      archive('secretary'),
    ],
  },
];

/**
 * The benchmark's procedure configuration: the demo profile without a minimum review time, and with the issued
 * documents' lives at their statutory lengths (in force 30 days after publication, for up to five years). The
 * demo's two-minute lives made every document of the first half remind and expire while the baseline ran — work
 * of ours (activities, notifications, Temporal timers) counted on the baseline's side and slowing it — and as a
 * deployment's documents do not, within the minutes a run lasts.
 */
export const BENCH_PROCEDURE_CONFIG = {
  kinds: Object.fromEntries(KIND_SCRIPTS.map((k) => [k.kind, { legalityReviewMinimum: null }])),
  documents: {
    effectiveDelay: defaultDocumentLifeConfig.effectiveDelay,
    maxValidity: defaultDocumentLifeConfig.maxValidity,
    maxValidityProvisional: defaultDocumentLifeConfig.maxValidityProvisional,
    reevaluationLead: defaultDocumentLifeConfig.reevaluationLead,
  },
};
