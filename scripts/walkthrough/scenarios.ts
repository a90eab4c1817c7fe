/**
 * The walkthrough: one matter of each kind carried from registration to its end, only through the HTTP
 * API, by the demo people of the embedded default. Used by `npm run demo:walkthrough` and by the
 * integration tests (so the walkthrough cannot silently rot).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApiClient, ApiError, type Session } from './client';

const SAMPLES = path.join(__dirname, 'samples');
// The samples carry an editorial comment and [?] marks for clauses worth a look: not part of the text.
const sample = (file: string) => fs.readFileSync(path.join(SAMPLES, file), 'utf8').replace(/^<!--.*?-->\s*/s, '').replace(/ ?\[[?!]\]/g, '');
const CHECKLIST = ['LR-S1', 'LR-S2', 'LR-P1', 'LR-P2', 'LR-C1', 'LR-C2', 'LR-C3', 'LR-R1', 'LR-R2', 'LR-F1'].map((code) => ({ code, result: 'pass' }));
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface People {
  drafter: Session;
  legal: Session;
  lawyer: Session;
  fcr: Session;
  secretary: Session;
  member1: Session;
  member2: Session;
  member3: Session;
}

export async function loginDemoPeople(api: ApiClient, password = 'demo'): Promise<People> {
  const names = ['drafter', 'legal', 'lawyer', 'fcr', 'secretary', 'member1', 'member2', 'member3'] as const;
  const sessions = await Promise.all(names.map((n) => api.login(n, password)));
  return Object.fromEntries(names.map((n, i) => [n, sessions[i]])) as unknown as People;
}

type Print = (line: string) => void;

export class Walk {
  constructor(readonly api: ApiClient, readonly p: People, readonly print: Print) {}

  async step(matterId: string, who: Session, command: Record<string, unknown>, extra: { text?: string } = {}) {
    const result = await this.api.act(matterId, who, command, extra);
    this.print(`  ${who.username.padEnd(9)} ${String(command.type).padEnd(26)} → ${result.state.stage}   (${result.summary})`);
    return result;
  }

  async hash(matterId: string): Promise<string> {
    return (await this.api.matter(matterId, this.p.drafter)).currentVersion.sha256;
  }

  async research(id: string, opts: { publicComment?: boolean; risk?: boolean }) {
    const d = this.p.drafter;
    await this.step(id, d, { type: 'record_research_item', item: { kind: 'drafting_explanation', summary: '起草目的、依据、过程和主要内容', documentId: 'doc-explanation' } });
    await this.step(id, d, { type: 'record_research_item', item: { kind: 'legal_bases', bases: [{ title: '中华人民共和国旅游法', article: '第二十三条' }, { title: '公平竞争审查条例' }] } });
    await this.step(id, d, { type: 'record_research_item', item: { kind: 'procedure_statement', summary: '已履行调研、会签、征求意见程序', documentId: 'doc-procedure' } });
    await this.step(id, d, { type: 'record_research_item', item: { kind: 'internal_consultation', consultations: [{ unit: '区财政局', agreed: true, opinion: '同意' }] } });
    if (opts.publicComment) {
      // 优化营商环境条例第62条: a normative document touching operators hears operators and trade associations.
      await this.step(id, d, { type: 'record_research_item', item: { kind: 'public_comment', openedAt: daysAgo(45), closesAt: daysAgo(10), channel: '区政府网站', operatorsAndAssociations: { parties: ['区旅游行业协会', '某旅行社有限公司'], summary: '支持，建议扩大消费券适用范围' } } });
      await this.step(id, d, { type: 'record_research_item', item: { kind: 'comment_adoption', entries: [{ commentSummary: '建议扩大消费券适用范围', adopted: true }, { commentSummary: '建议限定本区企业', adopted: false, reason: '违反公平竞争审查标准' }] } });
    }
    if (opts.risk) {
      await this.step(id, d, { type: 'record_research_item', item: { kind: 'risk_assessment', riskLevel: 'medium', controllable: true, measures: '分步实施，舆情监测', documentId: 'doc-risk' } });
    }
  }

  /** The reviewer answers each open pre-screen finding on the current text, then writes the conclusion. */
  async fairCompetitionReview(id: string) {
    const review = await this.api.request('GET', `/api/v1/matters/${id}/fair-competition`, this.p.fcr);
    const open = (review.findings as Array<{ id: string; code: string; excerpt: string; current: boolean; status: string }>).filter((f) => f.current && f.status === 'open');
    this.print(`  (pre-screen of version ${review.currentVersion.number}: ${open.length} finding(s) to answer)`);
    for (const f of open) {
      await this.step(id, this.p.fcr, { type: 'answer_fcr_finding', findingId: f.id, verdict: 'dismissed', reason: `「${f.excerpt}」经核实：面向各类市场主体平等适用，不构成排除、限制竞争` });
    }
    const rs = await this.api.request('GET', '/api/v1/fair-competition/standards', null);
    await this.step(id, this.p.fcr, {
      type: 'record_fcr_conclusion',
      conclusion: 'no_restrictive_effect',
      versionHash: await this.hash(id),
      summary: '修改后的文本面向各类市场主体平等适用，不具有排除、限制竞争效果',
      review: {
        ruleSetVersion: rs.version,
        standards: (rs.standards as Array<{ code: string }>).map((st) => ({ code: st.code, answer: ['FCR-A3', 'FCR-B3'].includes(st.code) ? 'no_restriction' : 'not_involved' })),
        consultations: [
          { party: '区旅游行业协会', kind: 'association', view: '支持，建议平台选择公开透明' },
          { party: '某旅行社有限公司', kind: 'operator', view: '无异议' },
        ],
      },
    });
  }

  /** Prints the current legality pre-screen findings of a matter (each with the provision it would breach). */
  async showLegalityFindings(id: string, who: Session): Promise<Array<{ id: string; code: string; clause: string | null; excerpt: string; status: string }>> {
    const review = await this.api.request('GET', `/api/v1/matters/${id}/legality`, who);
    const current = (review.findings as Array<{ id: string; code: string; clause: string | null; excerpt: string; basis: string; status: string; current: boolean }>).filter((f) => f.current);
    this.print(`  (legality pre-screen of version ${review.currentVersion.number}: ${current.length} finding(s))`);
    for (const f of current) this.print(`    ${f.code} ${f.clause ?? ''} 「${f.excerpt}」 — ${f.basis}`);
    return current;
  }

  async legality(id: string, withLawyer: boolean) {
    if (withLawyer) {
      await this.step(id, this.p.legal, { type: 'assign_lawyer', lawyerId: this.p.lawyer.userId });
      // The lawyer answers each legality pre-screen finding on the text before signing.
      for (const f of (await this.showLegalityFindings(id, this.p.lawyer)).filter((x) => x.status === 'open')) {
        await this.step(id, this.p.lawyer, { type: 'answer_legality_finding', findingId: f.id, verdict: 'dismissed', reason: LAWYER_REASONS[f.code] ?? '经核实有法律、行政法规依据' });
      }
      await this.step(id, this.p.lawyer, { type: 'submit_lawyer_opinion', versionHash: await this.hash(id), outcome: 'LAWFUL', text: '经审查，该文件制定主体适格、程序合法、内容不违反上位法规定。', checklist: CHECKLIST });
    }
    await this.step(id, this.p.legal, { type: 'record_legality_conclusion', versionHash: await this.hash(id), outcome: 'LAWFUL', text: '合法性审核意见：合法，可以提请集体讨论。', checklist: CHECKLIST });
  }

  /** After a major decision (713号令第34条至第37条): the implementing unit named, one report, implementation complete. */
  async implementation(id: string, progress: string) {
    await this.step(id, this.p.secretary, { type: 'designate_implementing_unit', unit: '文化市场科' });
    await this.step(id, this.p.drafter, { type: 'report_implementation', status: 'on_track', progress });
    await this.step(id, this.p.secretary, { type: 'complete_implementation', note: '执行完毕' });
  }

  /** Schedules the meeting at the first moment the minimum review time allows, waits for it, records it. */
  async meeting(id: string, opts: { dissent?: boolean } = {}) {
    const m = await this.api.matter(id, this.p.secretary);
    const minimum = (m.deadlines as Array<{ key: string; dueAt: string | null }>).find((d) => d.key === 'legality_review_minimum')?.dueAt;
    const meetingAt = new Date(Math.max(Date.now() + 2_000, minimum ? Date.parse(minimum) + 1_000 : 0));
    await this.step(id, this.p.secretary, { type: 'schedule_meeting', meetingAt: meetingAt.toISOString(), body: 'director_office_meeting', meetingRef: '局长办公会' });
    const wait = meetingAt.getTime() - Date.now() + 500;
    this.print(`  (waiting ${Math.ceil(wait / 1000)} s for the meeting time: the minimum legality review time must have passed)`);
    await sleep(wait);
    const [head, m2, m3] = [this.p.member1.userId, this.p.member2.userId, this.p.member3.userId];
    await this.step(id, this.p.secretary, {
      type: 'record_meeting',
      record: {
        members: [head, m2, m3],
        attendees: [head, m2, m3],
        absentees: [],
        recusals: [],
        headId: head,
        views: [
          { memberId: m2, view: 'approve', comment: '同意' },
          opts.dissent ? { memberId: m3, view: 'return', comment: '建议进一步论证价格调整幅度' } : { memberId: m3, view: 'approve' },
          { memberId: head, view: 'approve', comment: '同意实施' },
        ],
        outcome: 'approve',
        minutesDocumentId: 'minutes-2026-1',
      },
    });
  }
}

/** The walkthrough lawyer's reasons for dismissing a legality finding of the sample (illustrative). */
const LAWYER_REASONS: Record<string, string> = {
  'LR-OBLIGATION': '剧本目录报备依据文化和旅游部等五部门《关于加强剧本娱乐经营场所管理的通知》，属告知性备案，不影响经营，未增加法定义务以外的负担',
};

export async function normativeDocumentWithRevision(w: Walk): Promise<string> {
  w.print('\n■ 行政规范性文件 (ECON, PUBLIC) — with a return-for-revision loop from the fair-competition review');
  const created = await w.api.request('POST', '/api/v1/matters', w.p.drafter, { title: '南开区促进文化和旅游消费若干措施', kind: 'normative_document', flags: ['ECON', 'PUBLIC'], text: sample('01-culture-tourism-consumption-measures.md') });
  const id: string = created.id;
  w.print(`  drafter   registered ${id} → ${created.stage}`);
  // Both automated pre-screens ran on version 1; the drafter links 第十三条's deposit to its legal basis,
  // and the current version is screened again with the register.
  await w.showLegalityFindings(id, w.p.drafter);
  await w.step(id, w.p.drafter, { type: 'set_legal_basis_register', entries: [{ clause: '第十三条', law: '中华人民共和国旅游法', article: 31 }] });
  await w.showLegalityFindings(id, w.p.drafter);
  await w.research(id, { publicComment: true });
  await w.step(id, w.p.drafter, { type: 'submit_for_review' });
  await w.step(id, w.p.legal, { type: 'assign_fcr_reviewer', reviewerId: w.p.fcr.userId });
  const screened = await w.api.request('GET', `/api/v1/matters/${id}/fair-competition`, w.p.fcr);
  w.print(`  (automated pre-screen of version 1: ${screened.findings.length} finding(s))`);
  for (const f of screened.findings as Array<{ id: string; code: string; excerpt: string; clause?: string }>) {
    w.print(`    ${f.code} ${f.clause ?? ''} 「${f.excerpt}」`);
    await w.step(id, w.p.fcr, { type: 'answer_fcr_finding', findingId: f.id, verdict: 'confirmed', reason: '确认存在排除、限制竞争风险' });
  }
  await w.step(id, w.p.fcr, { type: 'return_for_revision', reason: '第四条指定唯一合作平台、第五条以在本区纳税为奖励条件、第七条指定经营、第十条给予本区企业加分，涉嫌排除、限制竞争，请修改' });
  const revised = sample('01-culture-tourism-consumption-measures.md')
    .replace(/第四条[^\n]*/, '第四条 文化和旅游消费券通过公开竞争方式择优确定的合作平台发放和核销，各类平台均可平等参与。')
    .replace(/第五条[^\n]*/, '第五条 对年度营业收入首次超过5000万元的旅行社，给予一次性奖励50万元。')
    .replace(/第七条[^\n]*/, '第七条 区属国有景区的讲解、摄影、餐饮配套服务，通过公开招标方式确定经营者。')
    .replace(/第十条[^\n]*/, '第十条 星级饭店参加政府会议接待采购的，依法平等参与评审。')
    .replace(/第十二条[^\n]*/, '第十二条 剧本娱乐经营场所应当在开业后三十日内将剧本目录报区文化和旅游局备案。');
  await w.step(id, w.p.drafter, { type: 'submit_version', note: '按公平竞争审查意见修改第四条、第五条、第七条、第十条，删除第十二条的审批' }, { text: revised });
  await w.step(id, w.p.drafter, { type: 'submit_for_review' });
  await w.fairCompetitionReview(id);
  await w.step(id, w.p.legal, { type: 'accept_materials' });
  await w.legality(id, true);
  await w.meeting(id);
  const hash = await w.hash(id);
  await w.step(id, w.p.secretary, { type: 'sign_and_number', versionHash: hash, signedBy: '局长' });
  await w.step(id, w.p.secretary, { type: 'publish', channel: '区政府网站', reference: 'https://www.tjnk.gov.cn/wlj/2026-1' });
  await w.step(id, w.p.legal, { type: 'file_record', authority: '区司法局', reference: '备案〔2026〕12号' });
  await w.step(id, w.p.legal, { type: 'archive', archiveRef: 'DA-2026-001' });
  return id;
}

export async function majorDecision(w: Walk): Promise<string> {
  w.print('\n■ 重大行政决策 (PUBLIC, RISK) — materials returned for supplementing (clock stopped), dissent minuted');
  const created = await w.api.request('POST', '/api/v1/matters', w.p.drafter, { title: '区属景区门票价格调整', kind: 'major_decision', flags: ['PUBLIC', 'RISK'], text: sample('02-scenic-ticket-price-decision.md') });
  const id: string = created.id;
  w.print(`  drafter   registered ${id} → ${created.stage}`);
  await w.research(id, { publicComment: true, risk: true });
  await w.step(id, w.p.drafter, { type: 'submit_for_review' });
  await w.step(id, w.p.legal, { type: 'return_for_supplement', missing: ['价格成本监审报告'], note: '请补充成本监审报告' });
  await w.step(id, w.p.drafter, { type: 'submit_for_review', note: '已补充成本监审报告' });
  await w.step(id, w.p.legal, { type: 'accept_materials' });
  await w.legality(id, true);
  await w.meeting(id, { dissent: true });
  await w.step(id, w.p.secretary, { type: 'report_to_party', reference: '请示〔2026〕3号' });
  await w.step(id, w.p.secretary, { type: 'sign_and_number', versionHash: await w.hash(id), signedBy: '局长' });
  // 713号令第32条: of wide public concern (PUBLIC), so published with how opinions were adopted and its 解读.
  await w.step(id, w.p.secretary, {
    type: 'publish', channel: '区政府网站', reference: 'https://www.tjnk.gov.cn/wlj/2026-2',
    adoptionStatement: '公开征求意见共收到意见2条，采纳1条，未采纳1条（理由见意见采纳情况表）。',
    interpretation: '政策解读（区政府网站）；新闻发布会',
  });
  await w.step(id, w.p.secretary, { type: 'archive', archiveRef: 'DA-2026-002' });
  await w.implementation(id, '票价调整已公示并执行');
  return id;
}

export async function dualNormativeMajorDecision(w: Walk): Promise<string> {
  w.print('\n■ 行政规范性文件，同时属于重大行政决策 (PUBLIC) — owes both: 30-day comment, a symposium, ≥ 7 working days review, Party report, publication, 备案');
  const created = await w.api.request('POST', '/api/v1/matters', w.p.drafter, {
    title: '南开区文化旅游消费补贴实施办法',
    kind: 'normative_document',
    alsoMajorDecision: true,
    flags: ['PUBLIC'],
    text: '第一条 为扩大文化和旅游消费，制定本办法。\n第二条 在本区登记的各类文化和旅游经营者均可依法平等申请消费补贴。\n第三条 补贴标准和程序向社会公布。\n第四条 本办法自发布之日起三十日后施行，有效期两年。',
  });
  const id: string = created.id;
  w.print(`  drafter   registered ${id} → ${created.stage} (alsoMajorDecision: ${created.alsoMajorDecision})`);
  await w.research(id, { publicComment: true });
  // 713号令第14条: besides the open comment, a symposium with the people affected.
  await w.step(id, w.p.drafter, { type: 'record_research_item', item: { kind: 'public_participation', method: 'symposium', from: daysAgo(20), participants: '景区商户代表8人、居民代表6人', summary: '支持补贴，建议简化申领程序' } });
  await w.step(id, w.p.drafter, { type: 'submit_for_review' });
  await w.step(id, w.p.legal, { type: 'accept_materials' });
  await w.legality(id, true);
  await w.meeting(id);
  await w.step(id, w.p.secretary, { type: 'report_to_party', reference: '请示〔2026〕5号' });
  await w.step(id, w.p.secretary, { type: 'sign_and_number', versionHash: await w.hash(id), signedBy: '局长' });
  // Also a major decision of public concern: published with how opinions were adopted and its 解读 (713号令第32条).
  await w.step(id, w.p.secretary, {
    type: 'publish', channel: '区政府网站', reference: 'https://www.tjnk.gov.cn/wlj/2026-5',
    adoptionStatement: '公开征求意见共收到意见2条，采纳1条，未采纳1条（理由见意见采纳情况表）；座谈会建议简化申领程序，已采纳。',
    interpretation: '政策解读（区政府网站）；接受区融媒体中心访谈',
  });
  await w.step(id, w.p.legal, { type: 'file_record', authority: '区司法局', reference: '备案〔2026〕15号' });
  await w.step(id, w.p.legal, { type: 'archive', archiveRef: 'DA-2026-005' });
  await w.implementation(id, '补贴申领平台已上线');
  return id;
}

export async function enforcementReview(w: Walk): Promise<string> {
  w.print('\n■ 重大执法决定法制审核 (enforcement-decision review)');
  const created = await w.api.request('POST', '/api/v1/matters', w.p.drafter, { title: '对某网吧违规接纳未成年人作出行政处罚决定', kind: 'enforcement_review', flags: [], text: sample('03-enforcement-decision-internet-cafe.md') });
  const id: string = created.id;
  w.print(`  drafter   registered ${id} → ${created.stage}`);
  await w.research(id, {});
  // 行政处罚法第57–60条: the case — filed 30 days ago (the 90 days of art. 60 run from it), a hearing was held
  // (art. 58 para. 1 item 2), a repeat violation punished with closure (serious: collective discussion, art. 57
  // para. 2), of social impact (published, art. 48).
  // A case number of this walkthrough's own: the case of an earlier run, on a database kept between runs, is
  // another matter's (one case, one filing date: CASE_FILING_DATE_FIXED, 第60条).
  const caseNumber = `南文旅立〔2026〕${crypto.randomInt(100, 1_000_000)}号`;
  await w.step(id, w.p.drafter, { type: 'record_research_item', item: { kind: 'enforcement_case', caseNumber, caseFiledOn: daysAgo(30).slice(0, 10), ground: 'hearing_held', complex: false, seriousViolation: true, socialImpact: true, summary: '网吧接纳未成年人，拟责令停业整顿15日并处罚款1.5万元，当事人申请听证并已举行' } });
  await w.step(id, w.p.drafter, { type: 'submit_for_review' });
  // The 法制审核 reviewer holds the legal qualification (第58条第2款) and answers the enforcement checklist.
  await w.step(id, w.p.legal, { type: 'accept_materials' });
  const points = ['EF-SUBJECT', 'EF-JURISDICTION', 'EF-FACTS', 'EF-EVIDENCE', 'EF-PROCEDURE', 'EF-LAW', 'EF-DISCRETION', 'EF-DOCUMENT'];
  await w.step(id, w.p.legal, { type: 'record_legality_conclusion', versionHash: await w.hash(id), outcome: 'LAWFUL', text: '法制审核意见：主体适格、事实清楚、证据充分、程序合法、适用法律正确、符合裁量基准，审核通过。', enforcementChecklist: points.map((code) => ({ code, result: 'pass' })) });
  await w.meeting(id);
  await w.step(id, w.p.secretary, { type: 'sign_and_number', versionHash: await w.hash(id), signedBy: '局长' });
  await w.step(id, w.p.secretary, { type: 'publish', channel: '区政府网站（行政处罚决定公开）', reference: 'https://example.invalid/penalty/7' });
  await w.step(id, w.p.secretary, { type: 'archive', archiveRef: 'DA-2026-003' });
  return id;
}

const CONTRACT_CHECKLIST = ['CT-S1', 'CT-S2', 'CT-B1', 'CT-P1', 'CT-M1', 'CT-R1', 'CT-L1', 'CT-C1', 'CT-D1', 'CT-T1'].map((code) => ({ code, result: 'pass' }));

/**
 * An important contract (重要合同): particulars, the lawyer's CT-* review signed on the text, the legal
 * unit's conclusion, signing (only that text, counterparty and price), the reminder before its term ends
 * (demo clocks: the term ends 30 s after signing, reminded 20 s before), closed as performed.
 */
export async function contractReviewedAndSigned(w: Walk): Promise<string> {
  w.print('\n■ 重要合同审查 (contract review) — lawyer\'s CT-* opinion signed on the text, signing gated, term reminder');
  const created = await w.api.request('POST', '/api/v1/matters', w.p.drafter, { title: '智慧文旅服务平台技术服务合同', kind: 'contract_review', flags: [], text: sample('04-contract-smart-tourism-platform.md') });
  const id: string = created.id;
  w.print(`  drafter   registered ${id} → ${created.stage}`);
  await w.step(id, w.p.drafter, {
    type: 'record_contract_particulars',
    particulars: {
      contractType: '技术服务合同',
      parties: [{ name: '南开区文化和旅游局', role: 'bureau' }, { name: '某某信息技术有限公司', role: 'counterparty', creditCode: '91120104MA05XXXX0X' }],
      signingAuthority: { signatory: '局长', authority: '法定代表人签署；局长办公会决定〔2026〕5号同意采购' },
      legalBasis: '民法典合同编；政府采购法第二十六条、第三十条',
      procurement: { method: 'competitive_consultation', reference: 'NKCG-2026-018' },
      price: { amount: 480000, paymentTerms: '验收合格后三十日内凭发票一次性支付' },
      performance: '2026年12月31日前完成部署并通过甲方组织的验收',
      liability: '双方逾期均按日万分之五支付违约金',
      confidentiality: { required: true, terms: '游客个人信息和工作秘密保密，合同终止后删除或交还数据' },
      disputeResolution: { method: 'litigation', forum: '甲方所在地人民法院' },
    },
  });
  await w.step(id, w.p.drafter, { type: 'submit_for_review' });
  await w.step(id, w.p.legal, { type: 'accept_materials' });
  await w.step(id, w.p.legal, { type: 'assign_lawyer', lawyerId: w.p.lawyer.userId });
  for (const f of (await w.showLegalityFindings(id, w.p.lawyer)).filter((x) => x.status === 'open')) {
    await w.step(id, w.p.lawyer, { type: 'answer_legality_finding', findingId: f.id, verdict: 'dismissed', reason: '合同条款约定双方权利义务，不属于行政管理措施' });
  }
  const hash = await w.hash(id);
  await w.step(id, w.p.lawyer, { type: 'submit_lawyer_opinion', versionHash: hash, outcome: 'LAWFUL', text: '经审查，合同主体适格，签约授权明确，已依法履行竞争性磋商程序，价款、履行、违约责任、保密和争议解决条款明确对等，可以签订。', checklist: CONTRACT_CHECKLIST });
  await w.step(id, w.p.legal, { type: 'record_legality_conclusion', versionHash: hash, outcome: 'LAWFUL', text: '同意签订。' });
  const now = Date.now();
  await w.step(id, w.p.drafter, { type: 'record_contract_signing', versionHash: hash, contractNumber: '南文旅合〔2026〕7号', signedAt: new Date(now).toISOString(), signatory: '局长', counterparty: '某某信息技术有限公司', value: 480000, termStart: new Date(now).toISOString(), termEnd: new Date(now + 30_000).toISOString() });
  const view = await w.api.matter(id, w.p.legal);
  const clock = (view.deadlines as Array<{ key: string; remindAt?: string }>).find((d) => d.key === 'contract_term_end');
  const waitMs = clock?.remindAt ? Math.max(0, Date.parse(clock.remindAt) - Date.now()) + 1_500 : 0;
  w.print(`  (waiting ${Math.ceil(waitMs / 1000)} s for the reminder before the contract's term ends)`);
  await sleep(waitMs);
  const trail = await w.api.request('GET', `/api/v1/matters/${id}/trail`, w.p.legal);
  const reminder = (trail.items as Array<{ action: string; summary?: string | null }>).find((t) => t.action === 'deadline_reminder');
  w.print(`  system    ${reminder ? 'deadline_reminder          (合同期限届满提醒)' : '(no reminder yet)'}`);
  const register = await w.api.request('GET', '/api/v1/contracts?status=in_force', w.p.legal);
  const row = (register.items as Array<{ matterId: string; contractNumber: string; counterparty: string; value: number }>).find((r) => r.matterId === id);
  if (row) w.print(`  register  ${row.contractNumber} ${row.counterparty} ${row.value}元 in force`);
  await w.step(id, w.p.legal, { type: 'close_contract', outcome: 'performed', note: '已验收，款项已付清' });
  return id;
}

/**
 * A “三重一大” matter (重大资金使用) decided by the Party committee (局党委会) by a vote of its members: the
 * roster is the committee's (kept by the admin), the secretary of the committee does not decide alone, a
 * majority of all members carries the outcome.
 */
export async function partyCommitteeVote(w: Walk): Promise<string> {
  w.print('\n■ 集体决策事项 (三重一大：重大资金使用) — 局党委会 votes, a majority of all members deciding');
  const created = await w.api.request('POST', '/api/v1/matters', w.p.drafter, { title: '2027年度文旅惠民消费券资金安排', kind: 'collective_matter', flags: [], text: '第一条 安排文旅惠民消费券资金三百万元，按季度发放。\n第二条 资金使用情况每季度向局党委报告。' });
  const id: string = created.id;
  w.print(`  drafter   registered ${id} → ${created.stage}`);
  await w.research(id, {});
  await w.step(id, w.p.drafter, { type: 'submit_for_review' });
  await w.step(id, w.p.legal, { type: 'accept_materials' });
  await w.legality(id, false);
  const m = await w.api.matter(id, w.p.secretary);
  const minimum = (m.deadlines as Array<{ key: string; dueAt: string | null }>).find((d) => d.key === 'legality_review_minimum')?.dueAt;
  const meetingAt = new Date(Math.max(Date.now() + 2_000, minimum ? Date.parse(minimum) + 1_000 : 0));
  await w.step(id, w.p.secretary, { type: 'schedule_meeting', meetingAt: meetingAt.toISOString(), body: 'party_committee_meeting', category: 'major_funds', meetingRef: '局党委会' });
  await sleep(meetingAt.getTime() - Date.now() + 500);
  const [secretaryOfCommittee, m2, m3] = [w.p.member1.userId, w.p.member2.userId, w.p.member3.userId];
  await w.step(id, w.p.secretary, {
    type: 'record_meeting',
    record: {
      members: [secretaryOfCommittee, m2, m3],
      attendees: [secretaryOfCommittee, m2, m3],
      absentees: [],
      recusals: [],
      headId: secretaryOfCommittee,
      views: [
        { memberId: m2, view: 'approve', comment: '同意' },
        { memberId: m3, view: 'reject', comment: '建议压缩规模' },
        { memberId: secretaryOfCommittee, view: 'approve', comment: '同意' },
      ],
      outcome: 'approve',
      minutesDocumentId: 'minutes-2026-party-1',
    },
  });
  w.print('  secretary recorded the vote: 2 of 3 members approve → approved by a majority of all members');
  await w.step(id, w.p.secretary, { type: 'archive', archiveRef: 'DA-2026-006' });
  return id;
}

interface RegisterView {
  entry: { number: string; status: string; expiresAt: string | null; reevaluationOpenedAt: string | null };
  events: Array<{ kind: string; summary: string; at: string }>;
}

/** A document's entry in the register and its events after issue (统一登记). */
function registerEntry(w: Walk, id: string): Promise<RegisterView> {
  return w.api.request('GET', `/api/v1/register/${id}`, w.p.legal);
}

/** Polls the register (once a second) until `done` holds; gives up after `seconds`, saying what it waited for. */
async function untilRegister(w: Walk, id: string, what: string, seconds: number, done: (r: RegisterView) => boolean): Promise<RegisterView> {
  const deadline = Date.now() + seconds * 1_000;
  for (;;) {
    const r = await registerEntry(w, id);
    if (done(r)) return r;
    if (Date.now() > deadline) throw new Error(`${r.entry.number}: ${what} did not happen within ${seconds} s (status ${r.entry.status})`);
    await sleep(1_000);
  }
}

/** Prints a document's events after issue, each with its time. */
function printEvents(w: Walk, r: RegisterView, from = 0) {
  for (const e of r.events.slice(from)) w.print(`  system    ${e.kind.padEnd(26)} ${e.at.slice(11, 19)}   (${e.summary})`);
}

/**
 * A normative document carried to its issue (published, filed, archived) with a validity period of
 * `validitySeconds` from signing (n numbers its references): the demo clocks let a document live 120 s at most and open its
 * re-evaluation 60 s before it expires (有效期届满前6个月 in the statutory profile).
 */
async function issueWithShortValidity(w: Walk, title: string, text: string, validitySeconds: number, n: number): Promise<{ id: string; number: string }> {
  const created = await w.api.request('POST', '/api/v1/matters', w.p.drafter, { title, kind: 'normative_document', flags: [], text });
  const id: string = created.id;
  w.print(`  drafter   registered ${id} → ${created.stage}`);
  await w.research(id, {});
  await w.step(id, w.p.drafter, { type: 'submit_for_review' });
  await w.step(id, w.p.legal, { type: 'accept_materials' });
  await w.legality(id, true);
  await w.meeting(id);
  const signed = await w.step(id, w.p.secretary, { type: 'sign_and_number', versionHash: await w.hash(id), signedBy: '局长', expiresAt: new Date(Date.now() + validitySeconds * 1_000).toISOString() });
  await w.step(id, w.p.secretary, { type: 'publish', channel: '区政府网站', reference: `https://www.tjnk.gov.cn/wlj/2026-${n}` });
  await w.step(id, w.p.legal, { type: 'file_record', authority: '区司法局', reference: `备案〔2026〕${n}号` });
  await w.step(id, w.p.legal, { type: 'archive', archiveRef: `DA-2026-${String(n).padStart(3, '0')}` });
  return { id, number: signed.state.postDecision.signing.documentNumber as string };
}

/**
 * 有效期 (1/2): a normative document issued with a short validity (75 s), on which nothing will be decided.
 * Its own workflow opens the re-evaluation and reminds the legal unit; the other matters go on meanwhile.
 */
export async function documentLeftToExpire(w: Walk): Promise<{ id: string; number: string }> {
  w.print('\n■ 行政规范性文件的有效期 (1/2) — issued with a 75 s validity (demo clocks); nothing will be decided on it');
  const doc = await issueWithShortValidity(w, '南开区文化和旅游市场信用管理办法', '第一条 为加强文化和旅游市场信用管理，制定本办法。\n第二条 信用信息的归集和公示依照国家有关规定执行。\n第三条 本办法自发布之日起施行。', 75, 8);
  const r = await registerEntry(w, doc.id);
  w.print(`  register  ${doc.number} ${r.entry.status}, 有效期至 ${r.entry.expiresAt} — its re-evaluation opens 60 s before; the walkthrough goes on and comes back to it`);
  return doc;
}

/**
 * 有效期 (2/2): a second document reaches its re-evaluation window, and the legal unit decides 继续实施
 * with a new validity period; the first one, with nothing decided, has expired (已失效) in the register.
 */
export async function documentReEvaluated(w: Walk, leftToExpire: { id: string; number: string }, label: (status: string) => string): Promise<string> {
  w.print('\n■ 行政规范性文件的有效期 (2/2) — re-evaluation before expiry: 继续实施 decided for one document, the other expires');
  const doc = await issueWithShortValidity(w, '南开区旅游民宿服务质量提升办法', '第一条 为提升旅游民宿服务质量，制定本办法。\n第二条 鼓励旅游民宿经营者依法参加等级评定。\n第三条 本办法自发布之日起施行。', 70, 9);
  w.print(`  (waiting for ${doc.number}'s re-evaluation to open: 60 s before it expires)`);
  const opened = await untilRegister(w, doc.id, 'the re-evaluation', 120, (r) => r.entry.reevaluationOpenedAt !== null);
  printEvents(w, opened, 1);
  const newExpiry = new Date(Date.now() + 110_000).toISOString();
  const decided = await w.api.request('POST', `/api/v1/register/${doc.id}/decisions`, w.p.legal, { decision: 'continue', reason: '评估认为该文件仍然必要、合法、有效，继续实施', newExpiresAt: newExpiry });
  w.print(`  legal     decision: continue              → ${label(decided.life.status)}   (${decided.summary})`);
  w.print(`  (waiting for ${leftToExpire.number} to expire: nothing was decided on it)`);
  const expired = await untilRegister(w, leftToExpire.id, 'the expiry', 150, (r) => r.entry.status === 'expired');
  printEvents(w, expired, 1);
  for (const r of [await registerEntry(w, doc.id), expired]) w.print(`  register  ${r.entry.number} ${label(r.entry.status)}${r.entry.status === 'in_force' ? `, 有效期至 ${r.entry.expiresAt}` : ''}`);
  return doc.id;
}

/** Runs them all; returns each matter's final view and its trail verification, and its document in the register. */
export async function runWalkthrough(baseUrl: string, print: Print = (l) => process.stdout.write(`${l}\n`), password = 'demo') {
  const api = new ApiClient(baseUrl);
  const people = await loginDemoPeople(api, password);
  const w = new Walk(api, people, print);
  const { documentStatuses = {} } = await api.request<{ documentStatuses?: Record<string, string> }>('GET', '/api/v1/vocabulary', null);
  const label = (status: string) => `${status}${documentStatuses[status] ? ` ${documentStatuses[status]}` : ''}`;
  // Issued first, so its validity runs out while the other matters are carried through.
  const leftToExpire = await documentLeftToExpire(w);
  const ids = {
    normativeDocument: await normativeDocumentWithRevision(w),
    majorDecision: await majorDecision(w),
    dualNormativeMajorDecision: await dualNormativeMajorDecision(w),
    enforcementReview: await enforcementReview(w),
    contract: await contractReviewedAndSigned(w),
    partyCommitteeVote: await partyCommitteeVote(w),
    documentReEvaluated: await documentReEvaluated(w, leftToExpire, label),
    documentExpired: leftToExpire.id,
  };
  print('\n■ Final states');
  const results: Record<string, WalkthroughResult> = {};
  for (const [name, id] of Object.entries(ids)) {
    const m = await api.matter(id, people.legal);
    const v = await api.request('GET', `/api/v1/matters/${id}/trail/verify`, people.legal);
    const document = await registerEntry(w, id).then(
      (r) => ({ number: r.entry.number, status: r.entry.status, expiresAt: r.entry.expiresAt, events: r.events.map((e) => e.kind) }),
      (err: unknown) => { if (err instanceof ApiError && err.status === 404) return undefined; throw err; },
    );
    results[name] = { id, stage: m.stage, versions: m.currentVersion.number, trailValid: v.valid, trailEntries: v.entries, ...(document ? { document } : {}) };
    print(`  ${name.padEnd(26)} ${m.stage.padEnd(15)} versions=${m.currentVersion.number}  trail: ${v.entries} entries, ${v.valid ? 'verified' : 'BROKEN'}${document ? `  register: ${document.number} ${label(document.status)}` : ''}`);
  }
  return results;
}

export interface WalkthroughResult {
  id: string;
  stage: string;
  versions: number;
  trailValid: boolean;
  trailEntries: number;
  /** The matter's document in the register (统一登记), when it was numbered. */
  document?: { number: string; status: string; expiresAt: string | null; events: string[] };
}
