import {
  ALL_CHECKLIST_LABELS, FCR_CONCLUSION_LABELS, FLAG_LABELS, KIND_LABELS, LEGALITY_OUTCOME_LABELS, MEETING_BODY_LABELS,
  MEETING_VIEW_LABELS, ROLE_LABELS, STAGE_LABELS, TRAIL_ACTION_LABELS, type MatterState,
} from '../../domain/procedure';
import type { Dossier } from './buildDossier';
import { PRINT_STYLE } from '../../domain/documents/printStyle';
import { findingsTable, registerTable } from '../../domain/documents/reviewTables';

/**
 * The printable dossier (打印版卷宗): a complete Chinese document to print and file — the same vocabulary as
 * the app, people by name, every time in Beijing time — covering the registration, the texts and their
 * hashes, the research materials, the fair-competition review, the legality review with the lawyers'
 * signed opinions, the collective decision, 文号, publication, 备案 and archiving, returns and closure, and
 * the hash-chained trail with its verification.
 */

/**
 * The page's only style block, shared with the generated opinion documents (domain/documents). The
 * Content-Security-Policy allows exactly this text by its hash (no 'unsafe-inline'), also when the web app
 * opens the page from a blob: URL, which inherits the app's policy.
 */
export const DOSSIER_STYLE = PRINT_STYLE;

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** An instant in Beijing time (UTC+8 all year), to the second: 2026-11-30 09:15:02. */
export function beijingTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return esc(iso);
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

const labelOf = (table: Record<string, string>, code: string | null | undefined) => esc(code ? table[code] ?? code : '—');
const row = (cells: unknown[], header = false) => `<tr>${cells.map((c) => (header ? `<th>${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`;
const table = (head: string[], rows: string[]) => (rows.length ? `<table>${row(head, true)}${rows.join('')}</table>` : '<p class="muted">无。</p>');
const facts = (pairs: Array<[string, string]>) => `<table>${pairs.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${v}</td></tr>`).join('')}</table>`;

/**
 * A recorded summary as a reader reads it (as the web app shows it): pre-screen finding ids left out (the
 * code and clause say which), ISO instants ("安排局长办公会：2026-11-30T05:16:57+08:00") in Beijing time.
 */
export const readableSummary = (text: string) =>
  text.replace(/（[0-9a-f-]{36}:v\d+:\d+）/g, '').replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g, (iso) => beijingTime(iso));

export function dossierHtml(d: Dossier): string {
  const name = (id: string | null | undefined) => (id ? esc(id === 'system' ? '系统（流程自动）' : d.names[id] ?? id) : '—');
  // Summaries recorded by the procedure name people by id; the printed record names them.
  const ids = Object.keys(d.names).sort((a, b) => b.length - a.length).map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const withNames = (text: string | null | undefined) => readableSummary(text && ids.length ? text.replace(new RegExp(ids.join('|'), 'g'), (id) => d.names[id] ?? id) : text ?? '');
  const names = (ids: readonly string[]) => (ids.length ? ids.map(name).join('、') : '无');
  const version = (hash: string | null | undefined) => {
    const v = d.versions.find((x) => x.sha256 === hash);
    return v ? `第 ${v.number} 版` : hash ? `<code>${esc(hash.slice(0, 16))}…</code>` : '—';
  };
  const s = d as Dossier & { research: MatterState['research'] };
  const m = d.matter;
  const p = d.postDecision;
  const verdict = d.trailVerification.valid
    ? `<span class="ok">✔ 决策留痕完整：${d.trailVerification.entries} 条记录的哈希链校验通过</span>`
    : `<span class="bad">✘ 决策留痕校验失败：第 ${esc(d.trailVerification.firstBadEntry?.seq)} 条 — ${esc(d.trailVerification.firstBadEntry?.reason)}</span>`;

  const r = s.research;
  const researchRows: string[] = [];
  const research = (label: string, rec: { recordedBy: string; recordedAt: string; versionHash: string } | null | undefined, text: string) => {
    if (rec) researchRows.push(row([esc(label), text, `${name(rec.recordedBy)}<br>${beijingTime(rec.recordedAt)}<br>${version(rec.versionHash)}`]));
  };
  const doc = (id: string | undefined) => (id ? `（文件编号 ${esc(id)}）` : '');
  research('起草说明', r.draftingExplanation, r.draftingExplanation ? `${esc(r.draftingExplanation.summary)}${doc(r.draftingExplanation.documentId)}` : '');
  research('法律依据清单', r.legalBases, r.legalBases ? r.legalBases.bases.map((b) => `《${esc(b.title)}》${esc(b.article ?? '')}`).join('；') : '');
  research('征求相关单位意见（会签）', r.internalConsultation, r.internalConsultation ? r.internalConsultation.consultations.map((c) => `${esc(c.unit)}：${c.agreed ? '同意' : '不同意'}。${esc(c.opinion)}${c.dispute ? `（争议：${esc(c.dispute.issue)}；理由：${esc(c.dispute.reason)}）` : ''}`).join('<br>') : '');
  research('公开征求意见', r.publicComment, r.publicComment ? `${beijingTime(r.publicComment.openedAt)} 至 ${beijingTime(r.publicComment.closesAt)}，渠道：${esc(r.publicComment.channel)}` : '');
  for (const h of r.hearings) research('听证会', h, `材料送达 ${beijingTime(h.materialsSentAt)}，听证 ${beijingTime(h.heldAt)}${doc(h.documentId)}`);
  for (const e of r.expertOpinions) research('专家论证意见', e, `${esc(e.expertName)}${e.institution ? `（${esc(e.institution)}）` : ''}：${esc(e.opinion)}${e.signed ? '（已签字）' : '（未签字）'}${doc(e.documentId)}`);
  research('风险评估报告', r.riskAssessment, r.riskAssessment ? `风险等级 ${esc({ low: '低', medium: '中', high: '高' }[r.riskAssessment.riskLevel])}，${r.riskAssessment.controllable ? '可控' : '不可控'}；措施：${esc(r.riskAssessment.measures)}${doc(r.riskAssessment.documentId)}` : '');
  research('意见采纳情况', r.commentAdoption, r.commentAdoption ? (r.commentAdoption.entries.map((e) => `${esc(e.commentSummary)}：${e.adopted ? '采纳' : `不采纳（${esc(e.reason ?? '')}）`}`).join('<br>') || '未收到意见') : '');
  research('履行法定程序的说明', r.procedureStatement, r.procedureStatement ? `${esc(r.procedureStatement.summary)}${doc(r.procedureStatement.documentId)}` : '');

  const f = d.fairCompetition;
  const fcr = f.conclusion || f.history.length || f.reviewerId
    ? facts([
      ['审查人员', name(f.reviewerId)],
      ['审查结论', f.conclusion ? `${labelOf(FCR_CONCLUSION_LABELS, f.conclusion)}（针对${version(f.conclusionVersionHash)}）` : '尚无'],
      ['结论摘要', esc(f.conclusionSummary ?? '—')],
      ['出具', f.concludedBy ? `${name(f.concludedBy)} · ${beijingTime(f.concludedAt)}` : '—'],
      ['听取意见', f.review?.consultations.length ? f.review.consultations.map((c) => `${esc(c.party)}：${esc(c.view)}`).join('<br>') : esc(f.review?.consultationWaivedReason ? `未听取意见，理由：${f.review.consultationWaivedReason}` : '—')],
      ['书面审查结论', esc(f.documentId ?? '—')],
    ])
    : '<p class="muted">本事项不涉及公平竞争审查。</p>';

  const l = d.legality;
  const conclusion = l.conclusion
    ? facts([
      ['审核意见', `${labelOf(LEGALITY_OUTCOME_LABELS, l.conclusion.outcome)}（针对${version(l.conclusion.versionHash)}）`],
      ['意见书', `<span class="pre">${esc(l.conclusion.text)}</span>`],
      ...(l.conclusion.amendments.length ? [['逐条修改意见', l.conclusion.amendments.map((a) => `${esc(a.clause)}：${esc(a.change)}`).join('<br>')] as [string, string]] : []),
      ['出具', `${name(l.conclusion.concludedBy)} · ${beijingTime(l.conclusion.concludedAt)}`],
      ['法律顾问', name(l.lawyerId)],
      ['受理审核', beijingTime(l.startedAt)],
    ])
    : '<p class="muted">尚未出具合法性审核意见。</p>';
  const signOffs = table(['法律顾问', '版本', '结论', '意见', '签署时间', '签名校验', '状态'], d.signOffs.map((x) => row([
    name(x.lawyerId), `第 ${x.versionNumber} 版`, labelOf(LEGALITY_OUTCOME_LABELS, x.outcome), `<span class="pre">${esc(x.opinionText)}</span>`, beijingTime(x.signedAt),
    x.signatureValid ? '<span class="ok">✔ 签名有效</span>' : '<span class="bad">✘ 签名无效</span>', x.void ? `作废（第 ${esc(x.voidedByVersion)} 版提交后）` : '有效',
  ])));
  const checklist = l.opinions.filter((o) => !o.void).slice(-1).map((o) => table(['审核要点', '判断', '说明'], o.checklist.map((c) => row([`${esc(c.code)} ${esc(ALL_CHECKLIST_LABELS[c.code] ?? '')}`, esc({ pass: '符合', issue: '存在问题', not_applicable: '不适用' }[c.result]), esc(c.note ?? '')])))).join('');

  const meetings = d.meetings.records.map((mr) => `
    <h3>${labelOf(MEETING_BODY_LABELS, mr.body)}${mr.meetingRef ? `（${esc(mr.meetingRef)}）` : ''} · ${beijingTime(mr.heldAt)}</h3>
    ${facts([
      ['组成人员', names(mr.members)],
      ['出席', names(mr.attendees)],
      ['缺席', names(mr.absentees)],
      ['回避', mr.recusals.length ? mr.recusals.map((x) => `${name(x.memberId)}（${esc(x.reason)}）`).join('、') : '无'],
      ['主持人', name(mr.headId)],
      ['发言顺序与表态', mr.views.map((v, i) => `${i + 1}. ${name(v.memberId)}${v.memberId === mr.headId ? '（主持人，最后发言）' : ''}：${labelOf(MEETING_VIEW_LABELS, v.view)}${v.comment ? `，${esc(v.comment)}` : ''}`).join('<br>')],
      ['决定', `<b>${labelOf(MEETING_VIEW_LABELS, mr.outcome)}</b>${mr.majorityView && mr.majorityView !== mr.outcome ? `（多数意见：${labelOf(MEETING_VIEW_LABELS, mr.majorityView)}）` : ''}`],
      ...(mr.departureReason ? [['与多数意见不一致的理由', esc(mr.departureReason)] as [string, string]] : []),
      ['不同意见', mr.dissent.length ? mr.dissent.map((x) => `${name(x.memberId)}：${labelOf(MEETING_VIEW_LABELS, x.view)}${x.comment ? `（${esc(x.comment)}）` : ''}`).join('；') : '无'],
      ...(mr.changes?.length ? [['修改内容', mr.changes.map(esc).join('；')] as [string, string]] : []),
      ['会议纪要', esc(mr.minutesDocumentId)],
      ['记录', `${name(mr.recordedBy)} · ${beijingTime(mr.recordedAt)}`],
    ])}`).join('');

  const step = (x: { by: string; at: string } | null, text: () => string) => (x ? `${text()}<br><span class="muted">${name(x.by)} · ${beijingTime(x.at)}</span>` : '—');
  const post = facts([
    ['决定', d.decision ? `${labelOf(MEETING_VIEW_LABELS, d.decision.outcome)} · ${beijingTime(d.decision.decidedAt)}${d.decision.finalText ? `；定稿核对 ${name(d.decision.finalText.confirmedBy)} · ${beijingTime(d.decision.finalText.confirmedAt)}` : ''}` : '尚未作出决定'],
    ['向党委请示报告', step(p.partyReport, () => esc(p.partyReport!.reference))],
    ['区政府审查', step(p.governmentReview, () => `${esc({ approved: '同意', returned: '退回', rejected: '不同意' }[p.governmentReview!.outcome])} · ${esc(p.governmentReview!.reference)}`)],
    ['签发、文号', step(p.signing, () => `文号 <b>${esc(p.signing!.documentNumber)}</b>，签发人 ${esc(p.signing!.signedBy)}（${version(p.signing!.versionHash)}）`)],
    ['公布', step(p.publication, () => `${esc(p.publication!.channel)}：${esc(p.publication!.reference)}`)],
    // 713号令第32条: how the opinions were adopted and how the decision is explained to the public.
    ...(p.publication?.adoptionStatement ? [['意见采纳情况说明', esc(p.publication.adoptionStatement)] as [string, string]] : []),
    ...(p.publication?.interpretation ? [['宣传解读', esc(p.publication.interpretation)] as [string, string]] : []),
    ...(p.signing?.retroactiveReason ? [['溯及既往的理由', esc(p.signing.retroactiveReason)] as [string, string]] : []),
    ['备案', step(p.filing, () => `报送 ${esc(p.filing!.authority)}，备案文号 ${esc(p.filing!.reference)}`)],
    ['归档', step(p.archive, () => `档案号 ${esc(p.archive!.archiveRef)}${p.archive!.recipient ? `，移交 ${esc(p.archive!.recipient)}` : ''}`)],
  ]);

  const returns = d.returns.length || d.closure
    ? `${table(['时间', '自环节', '退回人', '理由'], d.returns.map((x) => row([beijingTime(x.at), labelOf(STAGE_LABELS, x.from), name(x.by), esc(x.reason)])))}
      ${d.closure ? `<p>办结：于「${labelOf(STAGE_LABELS, d.closure.stage)}」环节，结果「${labelOf(STAGE_LABELS, m.stage)}」，${name(d.closure.by)} · ${beijingTime(d.closure.at)}${d.closure.reason ? `，${esc(d.closure.reason)}` : ''}</p>` : ''}`
    : '<p class="muted">无。</p>';

  const trail = table(['序号', '时间', '人员（角色）', '操作', '经过', '理由', '版本', '哈希'], d.trail.map((t) => row([
    t.seq, beijingTime(t.at), `${name(t.actorId)}<br><span class="muted">${esc(t.actorRole === 'system' ? '系统' : ROLE_LABELS[t.actorRole as keyof typeof ROLE_LABELS] ?? t.actorRole)}</span>`,
    esc(TRAIL_ACTION_LABELS[t.action] ?? t.action), esc(withNames(t.summary)), esc(t.reason && t.reason !== t.summary ? withNames(t.reason) : ''), version(t.versionHash), `<code>${esc(t.hash)}</code>`,
  ])));

  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>卷宗 ${esc(m.title)}</title>
<style>${DOSSIER_STYLE}</style></head><body>
<h1>${esc(m.title)}</h1>
<p class="sub">${labelOf(KIND_LABELS, m.kind)}合法性审核卷宗${p.signing ? ` · ${esc(p.signing.documentNumber)}` : ''}</p>
${facts([
    ['事项名称', esc(m.title)],
    ['事项类型', labelOf(KIND_LABELS, m.kind)],
    ['事项标记', m.flags.length ? m.flags.map((x) => labelOf(FLAG_LABELS, x)).join('；') : '无'],
    ['承办科室', esc(d.sectionName)],
    ['登记', `${name(m.createdById)} · ${beijingTime(m.createdAt)}`],
    ['当前状态', labelOf(STAGE_LABELS, m.stage)],
    ['文号', p.signing ? esc(p.signing.documentNumber) : '—'],
    ['事项编号', `<code>${esc(m.id)}</code>`],
    ['留痕校验', verdict],
    ['卷宗生成', `${beijingTime(d.generatedAt)}（本卷宗所列时间均为北京时间）`],
  ])}
<h2>一、文本版本</h2>
${table(['版本', '提交人', '提交时间', '字数', 'SHA-256 摘要', '文本完整性'], d.versions.map((v) => row([`第 ${v.number} 版`, name(v.createdById), beijingTime(v.createdAt), v.characters, `<code>${esc(v.sha256)}</code>`, v.textIntact ? '<span class="ok">✔ 与摘要一致</span>' : '<span class="bad">✘ 与摘要不一致</span>'])))}
<h2>二、研究论证材料</h2>
${table(['材料', '内容', '登记'], researchRows)}
<h2>三、公平竞争审查</h2>
${fcr}
<h2>四、合法性审核</h2>
${conclusion}
<h3>法律顾问签署意见</h3>
${signOffs}
${checklist}
<h3>合法性预审及法律顾问答复</h3>
${d.legalityPrescreen.findings.length === 0 ? '<p class="muted">自动预审未发现问题。</p>' : d.versions.map((v) => {
    const found = d.legalityPrescreen.findings.filter((f) => f.versionNumber === v.number);
    return found.length === 0 ? '' : `<p>第 ${v.number} 版</p>${findingsTable(found.map((f) => ({ clause: f.clause, code: f.code, excerpt: f.excerpt, basis: f.basis, status: f.status, ...(f.amendment ? { amendment: f.amendment } : {}), ...(f.reason ? { reason: f.reason } : {}) })))}`;
  }).join('')}
<h3>条款合法性依据登记</h3>
${registerTable(d.legalityPrescreen.register?.entries ?? [])}
<h3>审核意见书</h3>
${table(['文书', '版本', '出具', '编号'], d.opinionDocuments.map((o) => row([o.kind === 'lawyer_opinion' ? '法律顾问合法性审核意见书' : '法制机构合法性审核意见', version(o.versionHash), `${name(o.createdById)} · ${beijingTime(o.createdAt)}`, `<code>${esc(o.id)}</code>`])))}
<h2>五、集体讨论决定</h2>
${meetings || '<p class="muted">尚无会议记录。</p>'}
<h2>六、决定后程序（签发、公布、备案、归档）</h2>
${post}
<h2>七、退回与办结</h2>
${returns}
<h2>八、决策留痕</h2>
<p>${verdict}</p>
${trail}
</body></html>`;
}
