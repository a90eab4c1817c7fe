/**
 * The matter page: where it stands (stage timeline, clocks), what the signed-in person may do now (one
 * generated form per available action), the whole procedure record, the texts, the lawyers' signed
 * opinions with signature verification, the hash-chained trail with its verification, and the dossier.
 */
import { h, clear, formatDateTime, formatDate, shortHash, dueStatus, defList, table, announce, setChildren } from '../dom.js';
import { api, ApiError, request } from '../api.js';
import { problemBox } from '../forms.js';
import { actionForm } from '../actions.js';
import { findingStatusBadge } from '../fcrForms.js';
import { prescreen, highlightedText, findingsList } from '../prescreen.js';
import {
  KIND_LABELS, FLAG_LABELS, FLAG_SHORT, STAGE_LABELS, TERMINAL_STAGES, FAILED_STAGES, ACTION_LABELS, LEGALITY_OUTCOME_LABELS,
  FCR_CONCLUSION_LABELS, MEETING_VIEW_LABELS, MEETING_BODY_LABELS, CHECKLIST_LABELS, CHECKLIST_RESULT_LABELS, RESEARCH_ITEM_LABELS,
  RISK_LEVEL_LABELS, GOV_REVIEW_LABELS, UNIT_LABELS, WORKFLOW_STATUS_LABELS, ACTOR_ROLE_LABELS, FCR_ANSWER_SHORT,
  CONSULTATION_KIND_LABELS, label,
} from '../labels.js';

/** A message to show once after the page re-renders (the result of an action just taken). */
let flash = null;

// ---------------------------------------------------------------------------------------------
// Stage timeline
// ---------------------------------------------------------------------------------------------

const TIMELINE = [
  { key: 'registration', label: '登记立项', stages: [] },
  { key: 'research', label: '研究论证', stages: ['research'] },
  { key: 'fcr', label: '公平竞争审查', stages: ['fair_competition_review'], econOnly: true },
  { key: 'completeness', label: '送审材料审查', stages: ['completeness_check', 'supplementing'] },
  { key: 'legality', label: '合法性审核', stages: ['legality_review', 'amending', 'prior_approval'] },
  { key: 'meeting', label: '集体讨论决定', stages: ['awaiting_meeting', 'meeting_scheduled', 'finalizing', 'final_text_check'] },
  { key: 'post', label: '决定后程序', stages: ['post_decision'] },
  { key: 'end', label: '办结', stages: ['issued', 'decided', 'rejected', 'withdrawn', 'not_issued'] },
];

/** For a matter closed early, how far it had got, read from what is on record. */
function reachedIndex(steps, state) {
  const idx = (key) => steps.findIndex((s) => s.key === key);
  if (state.decision || (state.meeting?.records ?? []).length) return idx('meeting');
  if (state.legality?.conclusion || (state.legality?.opinions ?? []).length) return idx('legality');
  if (state.legality?.startedAt) return idx('completeness');
  if (state.fairCompetition?.conclusion && idx('fcr') >= 0) return idx('fcr');
  return idx('research');
}

function timeline(matter) {
  const state = matter.state ?? {};
  const econ = (matter.flags ?? []).includes('ECON') && matter.kind !== 'enforcement_review';
  const steps = TIMELINE.filter((s) => !s.econOnly || econ).map((s) => (s.key === 'end'
    ? { ...s, label: ['issued', 'decided'].includes(matter.stage) ? STAGE_LABELS[matter.stage] : FAILED_STAGES.includes(matter.stage) ? STAGE_LABELS[matter.stage] : (matter.kind === 'normative_document' || matter.kind === 'major_decision' ? '出台' : '决定') }
    : s));
  const failed = FAILED_STAGES.includes(matter.stage);
  const current = steps.findIndex((s) => s.stages.includes(matter.stage));
  // A matter closed early stopped in the stage its closure records; without that, infer from the record.
  const stoppedAt = failed ? steps.findIndex((s) => s.stages.includes(state.closure?.stage)) : -1;
  const doneUpTo = failed ? (stoppedAt >= 0 ? stoppedAt - 1 : reachedIndex(steps, state)) : current - 1;
  const ol = h('ol', { class: 'timeline', 'aria-label': '办理进度' });
  steps.forEach((s, i) => {
    let status = 'todo';
    if (i === current) status = failed ? 'failed' : TERMINAL_STAGES.includes(matter.stage) ? 'done' : 'current';
    else if (i === stoppedAt) status = 'stopped';
    else if (i <= doneUpTo) status = 'done';
    const sub = i === current && !TERMINAL_STAGES.includes(matter.stage) && STAGE_LABELS[matter.stage] !== s.label ? STAGE_LABELS[matter.stage] : null;
    const statusText = { done: '已完成', current: '当前环节', failed: '已终止', stopped: '在此环节终止', todo: '未开始' }[status];
    ol.append(h('li', { class: `step step-${status}`, 'aria-current': status === 'current' ? 'step' : null },
      h('span', { class: 'step-dot', 'aria-hidden': 'true' }, status === 'done' ? '✓' : status === 'failed' ? '✕' : status === 'stopped' ? '!' : String(i + 1)),
      h('span', { class: 'step-label' }, s.label),
      sub ? h('span', { class: 'step-sub' }, sub) : null,
      h('span', { class: 'sr-only' }, `（${statusText}）`)));
  });
  return ol;
}

// ---------------------------------------------------------------------------------------------
// Small renderers
// ---------------------------------------------------------------------------------------------

const badge = (text, cls = '', title) => h('span', { class: ['badge', cls], title }, text);
const flagChips = (flags) => h('span', { class: 'chips' }, (flags ?? []).map((f) => badge(`${f} ${FLAG_SHORT[f] ?? ''}`, `flag flag-${f}`, FLAG_LABELS[f])));
const stageBadge = (stage) => badge(label(STAGE_LABELS, stage), `stage ${FAILED_STAGES.includes(stage) ? 'stage-failed' : TERMINAL_STAGES.includes(stage) ? 'stage-done' : 'stage-open'}`);
const mono = (text) => h('code', { class: 'mono' }, text ?? '—');

function hashBadge(hash, matter) {
  if (!hash) return '—';
  const v = (matter.state?.versions ?? []).find((x) => x.hash === hash);
  const current = hash === matter.currentVersion?.sha256;
  return h('span', {}, mono(shortHash(hash)), ' ', v ? badge(`第${v.number}版`, current ? 'ok' : 'muted') : null, current ? null : badge('非当前版本', 'warn'));
}

function section(id, title, ...content) {
  return h('section', { class: 'card', id, 'aria-labelledby': `${id}-h` }, h('h2', { id: `${id}-h`, tabindex: '-1' }, title), content);
}

function subsection(title, ...content) {
  return h('div', { class: 'subsection' }, h('h3', {}, title), content);
}

const recordedBy = (r) => (r ? h('span', { class: 'muted small' }, `${r.recordedBy ?? r.by ?? ''} · ${formatDateTime(r.recordedAt ?? r.at)}`) : null);

// ---------------------------------------------------------------------------------------------
// Deadlines
// ---------------------------------------------------------------------------------------------

/**
 * A deadline counted on a year whose State Council holiday notice is not loaded yet: the server computed it
 * from the 放假办法 and marks it `provisional`; loading the notice recomputes it.
 */
function provisionalNote(d) {
  if (!d.provisional) return null;
  return [' ', badge('暂定', 'warn provisional', PROVISIONAL_EXPLANATION), h('div', { class: 'muted small' }, PROVISIONAL_EXPLANATION)];
}
const PROVISIONAL_EXPLANATION = '该年度节假日通知尚未发布，按《全国年节及纪念日放假办法》推算（不含调休），通知载入后自动重算，日期可能变动。';

function deadlinesBlock(matter) {
  const clocks = matter.deadlines ?? [];
  const notes = matter.workflow?.notifications ?? [];
  const rows = clocks.map((d) => {
    const st = d.escalates === false ? { level: d.dueAt && Date.parse(d.dueAt) < Date.now() ? 'passed' : 'info', text: d.dueAt && Date.parse(d.dueAt) < Date.now() ? '已届满' : '' } : dueStatus(d.dueAt);
    return h('tr', { class: `due-${st.level}` },
      h('th', { scope: 'row' }, d.label ?? d.key),
      h('td', {}, d.dueAt ? formatDateTime(d.dueAt) : h('span', { class: 'muted' }, '期限中止或无法计算'), provisionalNote(d)),
      h('td', {}, label(UNIT_LABELS, d.unit)),
      h('td', {}, st.text ? badge(st.text, `due due-${st.level}`) : null, d.escalates === false ? h('span', { class: 'muted small' }, ' 最早时间/窗口，不督办') : null),
      h('td', {}, d.remindAt ? formatDateTime(d.remindAt) : '—'),
      h('td', {}, d.warning ? h('span', { class: 'warn' }, `⚠ ${d.warning}`) : formatDateTime(d.startedAt)));
  });
  return [
    clocks.length
      ? table(['期限', '到期时间（北京时间）', '计算单位', '状态', '提醒时间', '起算 / 提示'], rows, { caption: '正在计算的期限', cls: 'deadlines' })
      : h('p', { class: 'muted' }, '当前没有正在计算的期限。'),
    notes.length ? subsection('提醒与督办记录', h('ul', {}, notes.map((n) => h('li', {}, badge(n.kind === 'escalation' ? '超期督办' : '期限提醒', n.kind === 'escalation' ? 'danger' : 'warn'), ` ${n.label ?? clocks.find((d) => d.key === n.deadlineKey)?.label ?? n.deadlineKey} · 到期 ${formatDateTime(n.dueAt)}`, n.provisional ? ['（', badge('暂定', 'warn provisional', PROVISIONAL_EXPLANATION), '）'] : null, ` · 发出 ${formatDateTime(n.at)}`)))) : null,
  ];
}

// ---------------------------------------------------------------------------------------------
// The procedure record (state)
// ---------------------------------------------------------------------------------------------

function researchBlock(state, matter) {
  const r = state.research ?? {};
  const items = [
    ['drafting_explanation', r.draftingExplanation, (x) => [x.summary, ' ', mono(x.documentId)]],
    ['legal_bases', r.legalBases, (x) => h('ul', {}, (x.bases ?? []).map((b) => h('li', {}, `《${b.title}》`, b.article ?? '')))],
    ['internal_consultation', r.internalConsultation, (x) => h('ul', {}, (x.consultations ?? []).map((c) => h('li', {}, h('strong', {}, c.unit), c.agreed ? '：同意。' : '：不同意。', c.opinion,
      c.dispute ? h('div', { class: 'small' }, `争议：${c.dispute.issue}；该单位：${c.dispute.unitPosition}；起草单位：${c.dispute.drafterPosition}；理由：${c.dispute.reason}`) : null)))],
    ['public_comment', r.publicComment, (x) => [`${formatDateTime(x.openedAt)} 至 ${formatDateTime(x.closesAt)}，渠道：${x.channel}`, x.shortenedReason ? `；缩短理由：${x.shortenedReason}` : '']],
    ['hearing', (r.hearings ?? []).length ? r.hearings : null, (list) => h('ul', {}, list.map((x) => h('li', {}, `材料送达 ${formatDateTime(x.materialsSentAt)}，听证 ${formatDateTime(x.heldAt)} `, mono(x.documentId))))],
    ['expert_opinion', (r.expertOpinions ?? []).length ? r.expertOpinions : null, (list) => h('ul', {}, list.map((x) => h('li', {}, h('strong', {}, x.expertName), x.institution ? `（${x.institution}）` : '', x.signed ? ' 已签字' : ' 未签字', x.directInterest ? ' ⚠ 有直接利害关系' : '', '：', x.opinion)))],
    ['risk_assessment', r.riskAssessment, (x) => [`风险等级：${label(RISK_LEVEL_LABELS, x.riskLevel)}，${x.controllable ? '可控' : '不可控'}。措施：${x.measures} `, mono(x.documentId)]],
    ['comment_adoption', r.commentAdoption, (x) => (x.entries ?? []).length ? h('ul', {}, x.entries.map((e) => h('li', {}, e.commentSummary, ' — ', e.adopted ? '采纳' : `不采纳（${e.reason ?? '未说明理由'}）`))) : '未收到意见'],
    ['procedure_statement', r.procedureStatement, (x) => [x.summary, ' ', mono(x.documentId)]],
  ];
  const rows = items.map(([kind, rec, render]) => h('tr', { class: rec ? '' : 'missing' },
    h('th', { scope: 'row' }, RESEARCH_ITEM_LABELS[kind]),
    h('td', {}, rec ? render(rec) : h('span', { class: 'muted' }, '未登记')),
    h('td', {}, rec && !Array.isArray(rec) ? [recordedBy(rec), h('br'), hashBadge(rec.versionHash, matter)] : Array.isArray(rec) ? recordedBy(rec[rec.length - 1]) : null)));
  return table(['材料', '内容', '登记'], rows, { caption: '研究论证材料', cls: 'research' });
}

function fcrBlock(state, matter, data) {
  const f = state.fairCompetition ?? {};
  const detail = h('div', {}, h('p', { class: 'muted' }, '正在载入公平竞争审查记录…'));
  data.fcr.then((fcr) => {
    if (!fcr) { setChildren(detail); return; }
    const current = (fcr.findings ?? []).filter((x) => x.current);
    const earlier = (fcr.findings ?? []).length - current.length;
    const review = fcr.review;
    const answered = review ? review.standards ?? [] : [];
    const notInvolved = answered.filter((a) => a.answer === 'not_involved').length;
    setChildren(detail,
      subsection(`自动预审问题（当前第 ${fcr.currentVersion?.number ?? ''} 版：${current.length} 项${earlier ? `；此前版本 ${earlier} 项` : ''}）`,
        current.length
          ? table(['标准', '条款', '措辞', '状态', '答复'], current.map((x) => h('tr', { class: x.status === 'confirmed' ? 'has-issue' : '' },
            h('th', { scope: 'row' }, h('code', {}, x.code)),
            h('td', {}, x.clause ?? ''),
            h('td', {}, `“${x.excerpt}”`),
            h('td', {}, findingStatusBadge(x)),
            h('td', {}, x.reason ?? '', x.answeredBy ? h('div', { class: 'small muted' }, `${x.answeredBy} · ${formatDateTime(x.answeredAt)}`) : null))), { caption: '预审问题须逐项答复后方可出具结论' })
          : h('p', { class: 'muted' }, '当前版本没有自动预审提示。')),
      review ? subsection(`审查记录（规则 ${review.ruleSetVersion}）`,
        h('p', {}, `共回应 ${answered.length} 项标准，其中 ${notInvolved} 项不涉及。`),
        answered.some((a) => a.answer !== 'not_involved')
          ? table(['标准', '判断', '说明'], answered.filter((a) => a.answer !== 'not_involved').map((a) => h('tr', { class: a.answer === 'restriction' ? 'has-issue' : '' },
            h('th', { scope: 'row' }, h('code', {}, a.code)), h('td', {}, label(FCR_ANSWER_SHORT, a.answer)), h('td', {}, a.note ?? ''))), { caption: '涉及的标准' })
          : null,
        defList([
          ['听取意见', (review.consultations ?? []).length ? h('ul', {}, review.consultations.map((c) => h('li', {}, `${c.party}（${label(CONSULTATION_KIND_LABELS, c.kind)}）：${c.view}`))) : null],
          ['未听取意见的理由', review.consultationWaivedReason],
          ['适用例外', review.exception ? `${review.exception.ground}：${review.exception.reason}；无影响更小的替代方案：${review.exception.noLessRestrictiveAlternative}；期限或终止条件：${review.exception.periodOrEndCondition}` : null],
        ])) : null,
      (fcr.documents ?? []).length ? subsection('书面审查结论（条例第17条）', fcr.documents.map((d) => h('details', { class: 'document' },
        h('summary', {}, `${label(FCR_CONCLUSION_LABELS, d.conclusion)} · `, hashBadge(d.versionHash, matter), ` · ${formatDateTime(d.createdAt)} · `, mono(d.id)),
        h('div', { class: 'doc-text' }, d.text)))) : null);
  }, (err) => setChildren(detail, err instanceof ApiError && [403, 404].includes(err.status) ? null : problemBox(err)));
  return [
    defList([
      ['审查人员', f.reviewerId ?? '未指定'],
      ['待答复的预审问题', String(f.openFindings ?? 0)],
      ['审查结论', f.conclusion ? badge(label(FCR_CONCLUSION_LABELS, f.conclusion), f.conclusion === 'breach_must_revise' ? 'danger' : 'ok') : '尚无（未经审查的不得出台，条例第18条）'],
      ['结论摘要', f.conclusionSummary],
      ['书面结论', f.documentId ? mono(f.documentId) : null],
      ['针对版本', f.conclusionVersionHash ? hashBadge(f.conclusionVersionHash, matter) : null],
      ['出具', f.concludedBy ? `${f.concludedBy} · ${formatDateTime(f.concludedAt)}` : null],
    ]),
    detail,
    (f.history ?? []).length ? subsection('此前的结论（已被新版本或新结论取代）', h('ul', {}, f.history.map((x) => h('li', {}, label(FCR_CONCLUSION_LABELS, x.conclusion), ` · ${x.summary} · ${formatDateTime(x.concludedAt)}`, x.supersededAt ? ` · 取代于 ${formatDateTime(x.supersededAt)}` : '')))) : null,
  ];
}

function checklistView(list) {
  if (!list?.length) return null;
  return table(['要点', '判断', '说明'], list.map((c) => h('tr', { class: c.result === 'issue' ? 'has-issue' : '' },
    h('th', { scope: 'row' }, h('code', {}, c.code), ' ', CHECKLIST_LABELS[c.code] ?? ''),
    h('td', {}, label(CHECKLIST_RESULT_LABELS, c.result)),
    h('td', {}, c.note ?? ''))), { caption: '审核要点清单', cls: 'checklist-view' });
}

function conclusionView(c, matter) {
  return h('div', { class: ['conclusion', c.supersededAt && 'superseded'] },
    h('p', {}, badge(label(LEGALITY_OUTCOME_LABELS, c.outcome), ['UNLAWFUL'].includes(c.outcome) ? 'danger' : c.outcome === 'LAWFUL' ? 'ok' : 'warn'), ' ', hashBadge(c.versionHash, matter), ' ', h('span', { class: 'muted small' }, `${c.concludedBy} · ${formatDateTime(c.concludedAt)}`), c.supersededAt ? badge('已被取代', 'muted') : null),
    h('p', { class: 'pre' }, c.text),
    (c.amendments ?? []).length ? table(['条款', '修改意见'], c.amendments.map((a) => h('tr', {}, h('td', {}, a.clause), h('td', {}, a.change))), { caption: '逐条修改意见' }) : null,
    (c.missing ?? []).length ? h('p', {}, '需补充：', c.missing.join('；')) : null,
    c.approvalAuthority ? h('p', {}, `报请批准机关：${c.approvalAuthority}`) : null);
}

function legalityBlock(state, matter) {
  const l = state.legality ?? {};
  return [
    defList([
      ['审核轮次', l.round ? String(l.round) : null],
      ['开始审核', l.startedAt ? formatDateTime(l.startedAt) : '尚未受理'],
      ['期限中止', (l.pauses ?? []).length ? h('ul', {}, l.pauses.map((p) => h('li', {}, `${formatDateTime(p.from)} — ${p.to ? formatDateTime(p.to) : '中止中（补充材料期间不计入审核期限）'}`))) : null],
      ['法律顾问', l.lawyerId ?? '未指定'],
      ['法制机构经办', (l.legalUnitActorIds ?? []).join('、')],
    ]),
    l.conclusion ? subsection('合法性审核意见', conclusionView(l.conclusion, matter)) : h('p', { class: 'muted' }, '尚未出具合法性审核意见。'),
    (l.history ?? []).length ? subsection('此前的审核意见', l.history.map((c) => conclusionView(c, matter))) : null,
    l.amendmentsApplied ? subsection('按审核意见修改的确认', h('p', {}, hashBadge(l.amendmentsApplied.versionHash, matter), ` ${l.amendmentsApplied.confirmedBy} · ${formatDateTime(l.amendmentsApplied.confirmedAt)} `, l.amendmentsApplied.note ?? '')) : null,
    (l.supplementRequests ?? []).length ? subsection('退回补充材料', h('ul', {}, l.supplementRequests.map((s) => h('li', {}, `${formatDateTime(s.at)} ${s.by}：缺 ${s.missing.join('、')}。${s.note}`)))) : null,
    (l.priorApprovals ?? []).length ? subsection('报请批准', h('ul', {}, l.priorApprovals.map((p) => h('li', {}, `${p.granted ? '已批准' : '未批准'} · ${p.authority} · ${p.reference} ${p.note ?? ''}`)))) : null,
  ];
}

function meetingRecordView(rec, matter) {
  const head = rec.headId;
  const recused = new Map((rec.recusals ?? []).map((r) => [r.memberId, r.reason]));
  const dissent = new Set((rec.dissent ?? []).map((d) => d.memberId));
  const rows = (rec.members ?? []).map((m) => {
    const v = (rec.views ?? []).find((x) => x.memberId === m);
    const order = (rec.views ?? []).findIndex((x) => x.memberId === m);
    return h('tr', { class: dissent.has(m) ? 'dissent' : '' },
      h('th', { scope: 'row' }, m, m === head ? badge('主持人', 'info') : null),
      h('td', {}, (rec.absentees ?? []).includes(m) ? '缺席' : recused.has(m) ? `回避（${recused.get(m)}）` : '出席'),
      h('td', {}, order >= 0 ? String(order + 1) : '—'),
      h('td', {}, v ? label(MEETING_VIEW_LABELS, v.view) : '—', dissent.has(m) ? badge('不同意见', 'warn') : null),
      h('td', {}, v?.comment ?? ''));
  });
  return h('div', { class: 'meeting-record' },
    defList([
      ['会议', `${label(MEETING_BODY_LABELS, rec.body)}${rec.meetingRef ? ` · ${rec.meetingRef}` : ''}`],
      ['时间', formatDateTime(rec.heldAt)],
      ['决定', badge(label(MEETING_VIEW_LABELS, rec.outcome), ['approve', 'approve_with_changes'].includes(rec.outcome) ? 'ok' : 'warn')],
      ['多数意见', rec.majorityView ? label(MEETING_VIEW_LABELS, rec.majorityView) : '无明确多数'],
      ['与多数不一致的理由', rec.departureReason],
      ['修改内容', (rec.changes ?? []).length ? h('ul', {}, rec.changes.map((c) => h('li', {}, c))) : null],
      ['会议纪要', mono(rec.minutesDocumentId)],
      ['针对版本', hashBadge(rec.versionHash, matter)],
      ['记录', `${rec.recordedBy} · ${formatDateTime(rec.recordedAt)}`],
    ]),
    table(['组成人员', '出席', '发言顺序', '表态', '意见说明'], rows, { caption: '组成人员表态（不同意见如实载明）', cls: 'meeting-view' }));
}

function meetingBlock(state, matter) {
  const m = state.meeting ?? {};
  return [
    m.scheduled ? h('p', {}, '已安排：', h('strong', {}, `${label(MEETING_BODY_LABELS, m.scheduled.body)} ${formatDateTime(m.scheduled.meetingAt)}`), m.scheduled.meetingRef ? ` · ${m.scheduled.meetingRef}` : '') : null,
    (m.records ?? []).length ? m.records.map((r) => meetingRecordView(r, matter)) : h('p', { class: 'muted' }, '尚无会议记录。'),
  ];
}

function postDecisionBlock(state, matter) {
  const d = state.decision;
  const p = state.postDecision ?? {};
  const step = (title, x, text) => [title, x ? [text(x), ' ', h('span', { class: 'muted small' }, `${x.by} · ${formatDateTime(x.at)}`)] : null];
  if (!d && !Object.values(p).some(Boolean)) return h('p', { class: 'muted' }, '尚未作出决定。');
  return [
    d ? defList([
      ['会议决定', label(MEETING_VIEW_LABELS, d.outcome)],
      ['决定时间', formatDateTime(d.decidedAt)],
      ['决定所针对版本', hashBadge(d.versionHash, matter)],
      ['定稿核对', d.finalText ? [hashBadge(d.finalText.versionHash, matter), ` ${d.finalText.confirmedBy} · ${formatDateTime(d.finalText.confirmedAt)}`] : null],
    ]) : null,
    defList([
      step('向党委请示报告', p.partyReport, (x) => x.reference),
      step('区政府审查', p.governmentReview, (x) => `${label(GOV_REVIEW_LABELS, x.outcome)} · ${x.reference}`),
      step('签发编号', p.signing, (x) => [`${x.documentNumber}（签发人 ${x.signedBy}）`, ' ', hashBadge(x.versionHash, matter)]),
      step('公布', p.publication, (x) => `${x.channel} · ${x.reference}`),
      step('备案', p.filing, (x) => `${x.authority} · ${x.reference}`),
      step('归档', p.archive, (x) => `${x.archiveRef}${x.recipient ? ` · 移交 ${x.recipient}` : ''}`),
    ]),
  ];
}

function historyBlock(state) {
  const returns = state.returns ?? [];
  const flagChanges = state.flagChanges ?? [];
  if (!returns.length && !flagChanges.length && !state.closure) return null;
  return [
    returns.length ? subsection('退回记录', h('ul', {}, returns.map((r) => h('li', {}, `${formatDateTime(r.at)} 自「${label(STAGE_LABELS, r.from)}」退回（${r.by}）：${r.reason}`)))) : null,
    flagChanges.length ? subsection('标记调整', h('ul', {}, flagChanges.map((f) => h('li', {}, `${formatDateTime(f.at)} ${(f.from ?? []).join(',') || '无'} → ${(f.to ?? []).join(',') || '无'}（${f.by}）：${f.reason}`)))) : null,
    state.closure ? subsection('办结', h('p', {}, `于「${label(STAGE_LABELS, state.closure.stage)}」环节办结，结果：${label(STAGE_LABELS, state.stage)} · ${state.closure.by} · ${formatDateTime(state.closure.at)}${state.closure.reason ? ` · ${state.closure.reason}` : ''}`)) : null,
  ];
}

// ---------------------------------------------------------------------------------------------
// Versions (with the fair-competition pre-screen for ECON matters)
// ---------------------------------------------------------------------------------------------

function versionsBlock(matter, data) {
  const viewer = h('div', { class: 'version-viewer', 'aria-live': 'polite' });
  const stateVersions = matter.state?.versions ?? [];
  const econ = (matter.flags ?? []).includes('ECON');
  const show = async (n) => {
    setChildren(viewer, h('p', { class: 'muted' }, `正在载入第 ${n} 版…`));
    try {
      const v = await data.versionText(n);
      const meta = stateVersions.find((x) => x.number === n);
      const head = h('div', { class: 'version-head' },
        h('h3', {}, `第 ${n} 版${n === matter.currentVersion.number ? '（当前版本）' : ''}`),
        h('p', { class: 'small' }, 'SHA-256 ', mono(v.sha256), meta?.note ? ` · ${meta.note}` : ''));
      if (!econ) {
        setChildren(viewer, head, h('div', { class: 'doc-text', tabindex: '0', role: 'region', 'aria-label': `第 ${n} 版文本` }, v.text));
        return;
      }
      setChildren(viewer, head, h('p', { class: 'muted' }, '正在载入公平竞争审查预审结果…'), h('div', { class: 'doc-text' }, v.text));
      const prefix = `v${n}`;
      // The workflow pre-screens every version of an ECON matter and keeps the findings with their answers;
      // only a version it did not screen (a matter from before the pre-screen) is screened here on the fly.
      const stored = await data.fcr.catch(() => null);
      const screened = (matter.state?.fairCompetition?.prescreens ?? []).find((p) => p.versionHash === v.sha256);
      let findings = null;
      let heading = '';
      if (stored && screened) {
        findings = (stored.findings ?? []).filter((f) => f.versionHash === v.sha256);
        heading = `公平竞争审查自动预审（规则 ${screened.ruleSetVersion}）：${findings.length} 处提示`;
      } else {
        const result = await prescreen(v.text);
        if (result.status === 'ok') {
          findings = result.findings;
          heading = `公平竞争审查即时初筛${result.ruleSetVersion ? `（规则 ${result.ruleSetVersion}）` : ''}：${findings.length} 处提示`;
        } else {
          setChildren(viewer, head,
            h('p', { class: 'muted small' }, result.status === 'unavailable' ? '公平竞争审查初筛服务未启用，显示原文。' : `初筛暂不可用：${result.error?.message ?? ''}`),
            h('div', { class: 'doc-text', tabindex: '0', role: 'region', 'aria-label': `第 ${n} 版文本` }, v.text));
          return;
        }
      }
      if (n === matter.currentVersion.number) data.prescreenCount = findings.length;
      setChildren(viewer, head,
        h('div', { class: 'prescreen' },
          h('h4', {}, heading),
          h('p', { class: 'help' }, '自动预审仅提示可能涉及审查标准的措辞，供审查人员逐项判断，不是审查结论。'),
          findingsList(findings, prefix)),
        highlightedText(v.text, findings, prefix));
    } catch (err) {
      setChildren(viewer, problemBox(err));
    }
  };
  const listEl = h('div', {}, h('p', { class: 'muted' }, '正在载入版本…'));
  data.versions.then((res) => {
    const rows = (res.items ?? []).map((v) => {
      const meta = stateVersions.find((x) => x.number === v.number);
      return h('tr', {},
        h('th', { scope: 'row' }, `第 ${v.number} 版`, v.number === matter.currentVersion.number ? badge('当前', 'ok') : null),
        h('td', {}, mono(v.sha256)),
        h('td', {}, v.createdById ?? meta?.submittedBy ?? ''),
        h('td', {}, formatDateTime(v.createdAt ?? meta?.submittedAt)),
        h('td', {}, meta?.note ?? ''),
        h('td', {}, h('button', { type: 'button', class: 'secondary small', onclick: () => show(v.number) }, `查看第 ${v.number} 版文本`)));
    });
    setChildren(listEl, table(['版本', 'SHA-256', '提交人', '时间', '说明', ''], rows, { caption: '文本版本（不可修改，每版有 SHA-256 摘要）', cls: 'versions' }));
  }, (err) => setChildren(listEl, problemBox(err)));
  if (matter.currentVersion?.number) show(matter.currentVersion.number);
  return [listEl, viewer];
}

// ---------------------------------------------------------------------------------------------
// Signed opinions (sign-offs) with verification
// ---------------------------------------------------------------------------------------------

function verifyResult(v) {
  return h('div', { class: ['verify', v.valid ? 'verify-ok' : 'verify-bad'], role: 'status' },
    h('strong', {}, v.valid ? '✔ 签名有效' : '✘ 签名无效'),
    ` · 核对第 ${v.checkedVersion} 版 · 签名${v.signatureValid ? '正确' : '不符'} · 文本${v.textMatches ? '与摘要一致' : '与摘要不一致'}`,
    v.void ? ' · 该签署意见已因文本修改作废' : '',
    v.reason ? h('div', {}, `原因：${v.reason}`) : null);
}

function signOffsBlock(matter, data) {
  const el = h('div', {}, h('p', { class: 'muted' }, '正在载入签署意见…'));
  const opinions = matter.state?.legality?.opinions ?? [];
  data.signOffs.then((res) => {
    const items = res.items ?? [];
    if (!items.length && !opinions.length) { setChildren(el, h('p', { class: 'muted' }, '尚无法律顾问签署意见。')); return; }
    const cards = items.map((s) => {
      const opinion = opinions.find((o) => o.lawyerId === s.lawyerId && o.versionHash === s.versionHash && o.givenAt === s.signedAt);
      const out = h('div', { class: 'verify-slot' });
      const verify = async (versionNumber) => {
        setChildren(out, h('p', { class: 'muted' }, '正在验证…'));
        try { setChildren(out, verifyResult(await api.verifySignOff(matter.id, s.id, versionNumber))); } catch (err) { setChildren(out, problemBox(err)); }
      };
      const current = matter.currentVersion.number;
      return h('article', { class: ['signoff', s.void && 'void'], 'aria-label': `签署意见 ${s.lawyerId} 第${s.versionNumber}版` },
        h('header', {},
          h('strong', {}, s.lawyerId), ' · ', badge(label(LEGALITY_OUTCOME_LABELS, s.outcome), s.outcome === 'LAWFUL' ? 'ok' : s.outcome === 'UNLAWFUL' ? 'danger' : 'warn'),
          ` · 第 ${s.versionNumber} 版 · 签署于 ${formatDateTime(s.signedAt)} `,
          s.void ? badge(`已作废${s.voidedByVersion ? `（第${s.voidedByVersion}版提交后）` : ''}`, 'danger') : badge('有效', 'ok')),
        h('p', { class: 'pre' }, s.opinionText),
        opinion ? checklistView(opinion.checklist) : null,
        h('p', { class: 'small' }, '版本摘要 ', mono(s.versionHash)),
        h('div', { class: 'toolbar no-print' },
          h('button', { type: 'button', class: 'secondary', onclick: () => verify() }, '验证签名'),
          s.versionNumber !== current ? h('button', { type: 'button', class: 'secondary', onclick: () => verify(current) }, `对照当前第 ${current} 版验证`) : null),
        out);
    });
    const unsigned = opinions.filter((o) => !items.some((s) => s.lawyerId === o.lawyerId && s.versionHash === o.versionHash && s.signedAt === o.givenAt));
    setChildren(el, ...cards, ...unsigned.map((o) => h('article', { class: ['signoff', o.void && 'void'] },
      h('header', {}, h('strong', {}, o.lawyerId), ' · ', label(LEGALITY_OUTCOME_LABELS, o.outcome), ` · ${formatDateTime(o.givenAt)}`, o.void ? badge('已作废', 'danger') : null),
      h('p', { class: 'pre' }, o.text), checklistView(o.checklist))));
  }, (err) => setChildren(el, err instanceof ApiError && err.status === 403 ? h('p', { class: 'muted' }, `无权查看签署意见：${err.detail ?? ''}`) : problemBox(err)));
  return el;
}

// ---------------------------------------------------------------------------------------------
// The trail
// ---------------------------------------------------------------------------------------------

function trailBlock(matter, data) {
  const result = h('div', { class: 'verify-slot', 'aria-live': 'polite' });
  const tableSlot = h('div', {}, h('p', { class: 'muted' }, '正在载入留痕…'));
  let rowsBySeq = new Map();
  const verify = async () => {
    setChildren(result, h('p', { class: 'muted' }, '正在校验哈希链…'));
    rowsBySeq.forEach((tr) => tr.classList.remove('bad'));
    try {
      const v = await api.verifyTrail(matter.id);
      const bad = v.firstBadEntry;
      setChildren(result, h('div', { class: ['verify', v.valid ? 'verify-ok' : 'verify-bad'], role: 'status' },
        h('strong', {}, v.valid ? `✔ 留痕完整：${v.entries} 条记录的哈希链校验通过` : '✘ 留痕校验未通过'),
        bad ? h('div', {}, `第一条异常记录：第 ${bad.seq} 条 — ${bad.reason}`) : null));
      if (bad) {
        const tr = rowsBySeq.get(bad.seq);
        if (tr) { tr.classList.add('bad'); tr.scrollIntoView({ block: 'center' }); }
      }
    } catch (err) {
      setChildren(result, problemBox(err));
    }
  };
  data.trail.then((res) => {
    rowsBySeq = new Map();
    const rows = (res.items ?? []).map((e) => {
      const detailsId = `trail-${e.seq}`;
      const toggle = h('button', { type: 'button', class: 'link small', 'aria-expanded': 'false', 'aria-controls': detailsId }, '详情');
      const details = h('tr', { id: detailsId, class: 'trail-details', hidden: true }, h('td', { colspan: '8' },
        defList([['动作键', mono(e.actionKey)], ['请求', mono(e.requestId)], ['来源', e.origin ? `${e.origin.ip ?? '—'} · ${e.origin.userAgent ?? '—'}` : '—'], ['前一哈希', mono(e.prevHash)], ['本条哈希', mono(e.hash)], ['版本', mono(e.versionHash)]]),
        e.command ? h('details', {}, h('summary', {}, '提交内容'), h('pre', { class: 'json' }, JSON.stringify(e.command, null, 2))) : null,
        e.before ? h('details', {}, h('summary', {}, '变更前'), h('pre', { class: 'json' }, JSON.stringify(e.before, null, 2))) : null,
        e.after ? h('details', {}, h('summary', {}, '变更后'), h('pre', { class: 'json' }, JSON.stringify(e.after, null, 2))) : null));
      toggle.addEventListener('click', () => { details.hidden = !details.hidden; toggle.setAttribute('aria-expanded', String(!details.hidden)); });
      const tr = h('tr', {},
        h('th', { scope: 'row' }, String(e.seq)),
        h('td', { class: 'nowrap' }, formatDateTime(e.at)),
        h('td', {}, e.actorId),
        h('td', {}, label(ACTOR_ROLE_LABELS, e.actorRole)),
        h('td', {}, label(ACTION_LABELS, e.action), e.summary ? h('div', { class: 'muted small' }, e.summary) : null),
        h('td', {}, e.reason ?? ''),
        h('td', { class: 'nowrap' }, mono(shortHash(e.hash))),
        h('td', { class: 'no-print nowrap' }, toggle));
      rowsBySeq.set(e.seq, tr);
      return [tr, details];
    });
    setChildren(tableSlot, table(['#', '时间', '操作人', '角色', '操作', '理由', '哈希', ''], rows.flat(), { caption: `决策留痕（${rows.length} 条，哈希链）`, cls: 'trail' }));
  }, (err) => setChildren(tableSlot, err instanceof ApiError && err.status === 403 ? h('p', { class: 'muted' }, `无权查看留痕：${err.detail ?? ''}`) : problemBox(err)));
  return [h('div', { class: 'toolbar no-print' }, h('button', { type: 'button', class: 'primary', onclick: verify }, '校验留痕')), result, tableSlot];
}

// ---------------------------------------------------------------------------------------------
// Dossier exports: fetched with the bearer token (a plain link would carry no token), then handed over
// ---------------------------------------------------------------------------------------------

function dossierBlock(matter) {
  const status = h('div', { 'aria-live': 'polite' });
  const download = async (ext, filename) => {
    setChildren(status);
    try {
      const res = await api.dossierRaw(matter.id, ext);
      const blob = await res.blob();
      const url = URL.createObjectURL(blob);
      const a = h('a', { href: url, download: filename });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      announce(`已下载 ${filename}`);
    } catch (err) { setChildren(status, problemBox(err)); }
  };
  const openHtml = async () => {
    setChildren(status);
    // Open the window inside the click, before awaiting, so pop-up blockers allow it.
    const win = window.open('', '_blank');
    try {
      const res = await api.dossierRaw(matter.id, 'html');
      const url = URL.createObjectURL(new Blob([await res.text()], { type: 'text/html;charset=utf-8' }));
      if (win) {
        win.location.href = url;
      } else {
        // Pop-ups blocked: offer a link instead of navigating away from the app.
        setChildren(status, h('p', {}, h('a', { href: url, target: '_blank', rel: 'noopener' }, '弹出窗口被拦截，点击此处打开打印版卷宗')));
      }
      setTimeout(() => URL.revokeObjectURL(url), 600_000);
    } catch (err) {
      win?.close();
      setChildren(status, problemBox(err));
    }
  };
  return [
    h('div', { class: 'toolbar' },
      h('button', { type: 'button', class: 'secondary', onclick: openHtml }, '打印版卷宗（HTML，新窗口）'),
      h('button', { type: 'button', class: 'secondary', onclick: () => download('csv', `dossier-${matter.id}.csv`) }, '下载留痕 CSV'),
      h('button', { type: 'button', class: 'secondary', onclick: () => download('json', `dossier-${matter.id}.json`) }, '下载卷宗 JSON'),
      h('button', { type: 'button', class: 'secondary', onclick: () => window.print() }, '打印本页')),
    status,
  ];
}

// ---------------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------------

function actionsBlock(matter, app, data, rerender) {
  const actions = matter.availableActions ?? [];
  const out = [];
  if (flash) {
    out.push(h('div', { class: 'verify verify-ok flash', role: 'status', tabindex: '-1' }, h('strong', {}, `✔ 已完成：${flash.label}`), flash.summary ? h('div', {}, flash.summary) : null));
    flash = null;
  }
  if (!actions.length) {
    const roles = app.me?.roles ?? [];
    const why = TERMINAL_STAGES.includes(matter.stage) ? '本事项已办结，不能再办理。'
      : roles.includes('auditor') ? '只读视图：监督审计人员可以查阅和校验，不能办理。'
      : matter.workflow?.status && matter.workflow.status !== 'RUNNING' ? `流程当前${label(WORKFLOW_STATUS_LABELS, matter.workflow.status)}，暂不能办理。`
      : '当前环节您没有可办理的操作，等待其他人员办理。';
    out.push(h('p', { class: 'muted readonly-note' }, why));
    return out;
  }
  const ctx = {
    matter,
    me: app.me,
    people: data.people,
    loadCurrentText: () => data.versionText(matter.currentVersion.number).then((v) => v.text),
    loadFcr: () => data.fcr,
    get prescreenCount() { return data.prescreenCount; },
    onDone: async (result, action) => {
      flash = { label: action.label, summary: result?.summary };
      announce(`已完成：${action.label}`, 'success');
      await rerender();
    },
  };
  out.push(h('p', { class: 'help' }, `您现在可以办理 ${actions.length} 项操作。提交后由流程按规则校验，不符合规定的会说明理由。`));
  for (const action of actions) {
    const body = h('div', { class: 'action-body' });
    const details = h('details', { class: 'action', dataset: { action: action.type } },
      h('summary', {}, h('span', {}, action.label), h('code', { class: 'muted small' }, action.type)),
      body);
    // Forms are built on first opening: some load the current text, and most are never opened.
    const ensureForm = (focus) => {
      if (body.firstChild) return;
      body.append(actionForm(action, ctx));
      if (focus) body.querySelector('input, select, textarea, button')?.focus();
    };
    details.ensureForm = ensureForm;
    details.addEventListener('toggle', () => { if (details.open) ensureForm(true); });
    out.push(details);
  }
  if (actions.length === 1) {
    const d = out.find((x) => x.tagName === 'DETAILS');
    // The only action is shown open, but focus stays at the top of the page (set by the router).
    if (d) { d.ensureForm(false); d.open = true; }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The page
// ---------------------------------------------------------------------------------------------

export async function matterPage(main, params, app) {
  const id = params.id;
  const render = async () => {
    let matter;
    try {
      matter = await api.matter(id);
    } catch (err) {
      clear(main).append(h('h1', { tabindex: '-1' }, '事项'), problemBox(err, { heading: err instanceof ApiError && err.status === 404 ? '找不到该事项，或您无权查看' : undefined }), h('p', {}, h('a', { href: '#/matters' }, '返回事项列表')));
      return;
    }
    document.title = `${matter.title} · 合法性审核`;
    const textCache = new Map();
    const data = {
      versions: api.versions(id),
      signOffs: api.signOffs(id),
      trail: api.trail(id),
      versionText: (n) => {
        if (!textCache.has(n)) textCache.set(n, api.version(id, n));
        return textCache.get(n);
      },
      prescreenCount: undefined,
      people: (matter.availableActions ?? []).length ? await loadPeople() : null,
      // The matter's fair-competition record: findings per version with their answers, review, documents.
      fcr: (matter.flags ?? []).includes('ECON') ? api.matterFcr(id) : Promise.resolve(null),
    };
    // Unhandled rejections are shown where each is used; keep the console clean.
    for (const p of [data.versions, data.signOffs, data.trail, data.fcr]) p.catch(() => {});
    const state = matter.state ?? {};
    const econ = (matter.flags ?? []).includes('ECON');
    const sectionName = app.sectionName(matter.draftingUnit);
    const jump = (target) => h('button', { type: 'button', class: 'link', onclick: () => { const el = document.getElementById(`${target}-h`); el?.scrollIntoView({ block: 'start' }); el?.focus(); } });
    const toc = [['sec-actions', '办理'], ['sec-deadlines', '期限'], ['sec-record', '程序记录'], ['sec-versions', '文本版本'], ['sec-opinions', '法律意见与签署'], ['sec-trail', '留痕'], ['sec-dossier', '卷宗']];

    const header = h('header', { class: 'matter-head' },
      h('p', { class: 'crumbs no-print' }, h('a', { href: '#/matters' }, '事项列表'), ' / ', matter.id),
      h('h1', { tabindex: '-1' }, matter.title),
      h('div', { class: 'matter-meta' },
        badge(label(KIND_LABELS, matter.kind), 'kind'), ' ', stageBadge(matter.stage), ' ', flagChips(matter.flags)),
      defList([
        ['承办科室', sectionName],
        ['当前版本', [`第 ${matter.currentVersion.number} 版 `, mono(shortHash(matter.currentVersion.sha256))]],
        ['登记', `${matter.createdBy ?? ''} · ${formatDateTime(matter.createdAt)}`],
        ['最近更新', formatDateTime(matter.updatedAt)],
        ['下一期限', matter.nextDueAt ? (() => { const st = dueStatus(matter.nextDueAt); return [formatDateTime(matter.nextDueAt), ' ', badge(st.text, `due due-${st.level}`)]; })() : null],
        ['流程状态', label(WORKFLOW_STATUS_LABELS, matter.workflow?.status)],
      ], 'facts inline'),
      h('nav', { class: 'toc no-print', 'aria-label': '本页目录' }, toc.map(([t, l]) => { const b = jump(t); b.textContent = l; return b; })));

    const record = [
      subsection('研究论证', researchBlock(state, matter)),
      econ ? subsection('公平竞争审查', fcrBlock(state, matter, data)) : null,
      subsection('合法性审核', legalityBlock(state, matter)),
      subsection('集体讨论决定', meetingBlock(state, matter)),
      subsection('决定及决定后程序', postDecisionBlock(state, matter)),
      historyBlock(state),
    ];

    const actionsSection = section('sec-actions', '办理', actionsBlock(matter, app, data, render));
    actionsSection.classList.add('actions-card');
    clear(main).append(
      header,
      h('section', { class: 'card', 'aria-label': '办理进度' }, timeline(matter)),
      actionsSection,
      section('sec-deadlines', '期限', deadlinesBlock(matter)),
      section('sec-record', '程序记录', record),
      section('sec-versions', '文本版本', econ ? h('p', { class: 'help' }, '本事项涉及经营者经济活动：文本中由公平竞争审查初筛提示的措辞以底色标出。') : null, versionsBlock(matter, data)),
      section('sec-opinions', '法律意见与签署', signOffsBlock(matter, data)),
      section('sec-trail', '决策留痕', trailBlock(matter, data)),
      section('sec-dossier', '卷宗导出', dossierBlock(matter)));
    const flashEl = main.querySelector('.flash');
    if (flashEl) { flashEl.scrollIntoView({ block: 'center' }); flashEl.focus(); }
  };
  await render();
}

/** The people directory, once per page load: suggestions for assigning a lawyer, a reviewer, meeting members. */
let peopleCache = null;
async function loadPeople() {
  if (!peopleCache) {
    const pairs = (role) => request('GET', '/api/v1/people', { query: { role } })
      .then((r) => r.items.map((p) => [p.id, p.displayName]))
      .catch(() => []);
    const [lawyer, fcr, members] = await Promise.all([pairs('lawyer'), pairs('fcr_reviewer'), pairs('meeting_member')]);
    peopleCache = { lawyer, fcr, members };
  }
  return peopleCache;
}
