// @ts-check
/**
 * The procedure record of a matter as people read it: research materials, the fair-competition review,
 * the legality review, the meeting and the decision with what followed, returns and flag changes — every
 * person by name (the id as a tooltip), every code by its label.
 */
import { h, badge, mono, defList, table, formatDateTime, shortHash, setChildren } from '../dom.js';
import { api, ApiError } from '../api.js';
import { problemBox } from '../forms.js';
import { personEl, peopleEls } from '../people.js';
import { findingStatusBadge } from '../prescreen.js';
import {
  FCR_CONCLUSION_LABELS, MEETING_VIEW_LABELS, MEETING_BODY_LABELS, CHECKLIST_LABELS, CHECKLIST_RESULT_LABELS, RESEARCH_ITEM_LABELS,
  RISK_LEVEL_LABELS, GOV_REVIEW_LABELS, FCR_ANSWER_SHORT, ENFORCEMENT_GROUND_LABELS, PARTICIPATION_METHOD_LABELS, CONSULTATION_KIND_LABELS, CONSULTATION_METHOD_LABELS, LEGALITY_OUTCOME_LABELS, STAGE_LABELS, FLAG_LABELS, label,
  IMPLEMENTATION_STATUS_LABELS, EVALUATION_GROUND_LABELS, EVALUATION_CONCLUSION_LABELS, EVALUATION_RECOMMENDATION_LABELS, ADJUSTMENT_PURPOSE_LABELS,
  PROCUREMENT_METHOD_LABELS, DISPUTE_METHOD_LABELS, PARTY_ROLE_LABELS, CONTRACT_CLOSURE_LABELS,
} from '../labels.js';

/** @typedef {import('../../types/api').MatterView} MatterView */
/** @typedef {import('../../types/api').MatterState} MatterState */
/** @typedef {import('../dom.js').Child} Child */

/** @param {string} title @param {...Child} content */
export function subsection(title, ...content) {
  return h('div', { class: 'subsection' }, h('h3', {}, title), content);
}

/**
 * Who recorded something and when.
 * @param {{ recordedBy?: string, by?: string, recordedAt?: string, at?: string } | null | undefined} r
 */
const recordedBy = (r) => (r ? h('span', { class: 'muted small' }, personEl(r.recordedBy ?? r.by), ` · ${formatDateTime(r.recordedAt ?? r.at)}`) : null);

/**
 * A version hash with the version number it belongs to, and whether it is the current one.
 * @param {string | null | undefined} hash
 * @param {MatterView} matter
 */
export function hashBadge(hash, matter) {
  if (!hash) return '—';
  const v = matter.state.versions.find((x) => x.hash === hash);
  const current = hash === matter.currentVersion.sha256;
  return h('span', { title: hash }, v ? badge(`第${v.number}版`, current ? 'ok' : 'muted') : mono(shortHash(hash)), current ? null : badge('非当前版本', 'warn'));
}

/**
 * @param {MatterState} state
 * @param {MatterView} matter
 */
export function researchBlock(state, matter) {
  const r = state.research;
  /** @type {Array<[string, any, (x: any) => Child]>} */
  const items = [
    ['drafting_explanation', r.draftingExplanation, (x) => [x.summary, ' ', docRef(x.documentId)]],
    ['legal_bases', r.legalBases, (x) => h('ul', {}, (x.bases ?? []).map((/** @type {{ title: string, article?: string }} */ b) => h('li', {}, `《${b.title}》`, b.article ?? '')))],
    ['internal_consultation', r.internalConsultation, (x) => h('ul', {}, (x.consultations ?? []).map((/** @type {any} */ c) => h('li', {}, h('strong', {}, c.unit), c.agreed ? '：同意。' : '：不同意。', c.opinion,
      c.dispute ? h('div', { class: 'small' }, `争议：${c.dispute.issue}；该单位：${c.dispute.unitPosition}；起草单位：${c.dispute.drafterPosition}；理由：${c.dispute.reason}`) : null)))],
    ['public_comment', r.publicComment, (x) => [`${formatDateTime(x.openedAt)} 至 ${formatDateTime(x.closesAt)}，渠道：${x.channel}`, x.shortenedReason ? `；缩短理由：${x.shortenedReason}` : '']],
    ['hearing', r.hearings.length ? r.hearings : null, (list) => h('ul', {}, list.map((/** @type {any} */ x) => h('li', {}, `材料送达 ${formatDateTime(x.materialsSentAt)}，听证 ${formatDateTime(x.heldAt)} `, docRef(x.documentId))))],
    ['expert_opinion', r.expertOpinions.length ? r.expertOpinions : null, (list) => h('ul', {}, list.map((/** @type {any} */ x) => h('li', {}, h('strong', {}, x.expertName), x.institution ? `（${x.institution}）` : '', x.signed ? ' 已签字' : ' 未签字', x.directInterest ? ' ⚠ 有直接利害关系' : '', '：', x.opinion)))],
    ['risk_assessment', r.riskAssessment, (x) => [`风险等级：${label(RISK_LEVEL_LABELS, x.riskLevel)}，${x.controllable ? '可控' : '不可控'}。措施：${x.measures} `, docRef(x.documentId)]],
    ['comment_adoption', r.commentAdoption, (x) => (x.entries ?? []).length ? h('ul', {}, x.entries.map((/** @type {any} */ e) => h('li', {}, e.commentSummary, ' — ', e.adopted ? '采纳' : `不采纳（${e.reason ?? '未说明理由'}）`))) : '未收到意见'],
    ['procedure_statement', r.procedureStatement, (x) => [x.summary, ' ', docRef(x.documentId)]],
  ];
  // Items only some matters have: shown once recorded (the enforcement case always for an enforcement review).
  /** @type {Array<[string, any, (x: any) => Child]>} */
  const occasional = [
    ['public_participation', (r.participations ?? []).length ? r.participations : null, (list) => h('ul', {}, list.map((/** @type {any} */ x) => h('li', {}, `${label(PARTICIPATION_METHOD_LABELS, x.method)}，${formatDateTime(x.from)}`, x.participants ? `，${x.participants}` : '', '：', x.summary)))],
    ['participation_exemption', r.participationExemption, (x) => x.legalGround],
    ['expert_adoption', r.expertAdoption, (x) => x.summary],
    ['enforcement_case', r.enforcementCase, (x) => h('div', { class: 'enforcement-case' },
      h('p', {}, `案件编号 ${x.caseNumber}，立案日期 ${x.caseFiledOn}`),
      h('p', {}, label(ENFORCEMENT_GROUND_LABELS, x.ground), x.otherBasis ? `（${x.otherBasis}）` : ''),
      h('p', {}, [x.complex ? '情节复杂' : null, x.seriousViolation ? '重大违法行为' : null, x.socialImpact ? '具有一定社会影响（决定公开）' : null].filter(Boolean).join('、') || '非情节复杂、非重大违法'),
      h('p', {}, x.summary),
      (state.legality.caseExtensions ?? []).length ? h('ul', { class: 'case-extensions' }, (state.legality.caseExtensions ?? []).map((e) => h('li', {}, `办案期限延长 ${e.days} 日（${e.approvedBy}批准，依据${e.basis}）：${e.reason}`))) : null)],
  ];
  for (const o of occasional) if (o[1] || (o[0] === 'enforcement_case' && matter.kind === 'enforcement_review')) items.push(o);
  const rows = items.map(([kind, rec, render]) => h('tr', { class: rec ? '' : 'missing' },
    h('th', { scope: 'row' }, RESEARCH_ITEM_LABELS[kind]),
    h('td', {}, rec ? render(rec) : h('span', { class: 'muted' }, '未登记')),
    h('td', {}, rec && !Array.isArray(rec) ? [recordedBy(rec), ' ', hashBadge(rec.versionHash, matter)] : Array.isArray(rec) ? recordedBy(rec[rec.length - 1]) : null)));
  return table(['材料', '内容', '登记'], rows, { caption: '研究论证材料', cls: 'research', stack: true });
}

/** @param {string | undefined} id */
const docRef = (id) => (id ? h('span', { class: 'doc-ref' }, `〔文件编号 ${id}〕`) : null);

/**
 * @param {MatterState} state
 * @param {MatterView} matter
 * @param {{ fcr: Promise<import('../../types/api').FcrRecord | null> }} data
 */
export function fcrBlock(state, matter, data) {
  const f = state.fairCompetition;
  const detail = h('div', {}, h('p', { class: 'muted' }, '正在载入公平竞争审查记录…'));
  data.fcr.then((fcr) => {
    if (!fcr) { setChildren(detail); return; }
    const current = fcr.findings.filter((x) => x.current);
    const earlier = fcr.findings.length - current.length;
    const review = fcr.review;
    const answered = review ? review.standards ?? [] : [];
    const notInvolved = answered.filter((a) => a.answer === 'not_involved').length;
    setChildren(detail,
      subsection(`自动预审问题（当前第 ${fcr.currentVersion.number} 版：${current.length} 项${earlier ? `；此前版本 ${earlier} 项` : ''}）`,
        current.length
          ? table(['标准', '条款', '措辞', '状态', '答复'], current.map((x) => h('tr', { class: x.status === 'confirmed' ? 'has-issue' : '' },
            h('th', { scope: 'row' }, h('code', {}, x.code)),
            h('td', {}, x.clause ?? ''),
            h('td', {}, `“${x.excerpt}”`),
            h('td', {}, findingStatusBadge(x.status)),
            h('td', {}, x.reason ?? '', x.answeredBy ? h('div', { class: 'small muted' }, personEl(x.answeredBy), ` · ${formatDateTime(x.answeredAt)}`) : null))), { caption: '预审问题须逐项答复后方可出具结论', stack: true })
          : h('p', { class: 'muted' }, '当前版本没有自动预审提示。')),
      review ? subsection(`审查记录（规则 ${review.ruleSetVersion}）`,
        h('p', {}, `共回应 ${answered.length} 项标准，其中 ${notInvolved} 项不涉及。`),
        answered.some((a) => a.answer !== 'not_involved')
          ? table(['标准', '判断', '说明'], answered.filter((a) => a.answer !== 'not_involved').map((a) => h('tr', { class: a.answer === 'restriction' ? 'has-issue' : '' },
            h('th', { scope: 'row' }, h('code', {}, a.code)), h('td', {}, label(FCR_ANSWER_SHORT, a.answer)), h('td', {}, a.note ?? ''))), { caption: '涉及的标准' })
          : null,
        defList([
          ['听取意见', review.consultations.length ? h('ul', {}, review.consultations.map((c) => h('li', {}, `${c.party}（${label(CONSULTATION_KIND_LABELS, c.kind)}${c.method ? `，${label(CONSULTATION_METHOD_LABELS, c.method)}` : ''}）：${c.view}`))) : null],
          ['听取方式的理由', review.methodReason],
          ['未听取意见的理由（旧规则下记录）', review.consultationWaivedReason],
          ['适用例外', review.exception ? `${review.exception.ground}：${review.exception.reason}；无影响更小的替代方案：${review.exception.noLessRestrictiveAlternative}；期限或终止条件：${review.exception.periodOrEndCondition}` : null],
        ])) : null,
      fcr.documents.length ? subsection('书面审查结论（条例第17条）', fcr.documents.map((d) => h('details', { class: 'document' },
        h('summary', {}, `${label(FCR_CONCLUSION_LABELS, d.conclusion)} · `, hashBadge(d.versionHash, matter), ` · ${formatDateTime(d.createdAt)}`),
        h('div', { class: 'doc-text' }, d.text)))) : null);
  }, (err) => setChildren(detail, err instanceof ApiError && [403, 404].includes(err.status) ? null : problemBox(err)));
  return [
    defList([
      ['审查人员', f.reviewerId ? personEl(f.reviewerId) : '未指定'],
      ['待答复的预审问题', String(f.openFindings ?? 0)],
      ['审查结论', f.conclusion ? badge(label(FCR_CONCLUSION_LABELS, f.conclusion), f.conclusion === 'breach_must_revise' ? 'danger' : 'ok') : '尚无（未经审查的不得出台，条例第18条）'],
      ['结论摘要', f.conclusionSummary],
      ['针对版本', f.conclusionVersionHash ? hashBadge(f.conclusionVersionHash, matter) : null],
      ['出具', f.concludedBy ? [personEl(f.concludedBy), ` · ${formatDateTime(f.concludedAt)}`] : null],
    ]),
    detail,
    f.history.length ? subsection('此前的结论（已被新版本或新结论取代）', h('ul', {}, f.history.map((x) => h('li', {}, label(FCR_CONCLUSION_LABELS, x.conclusion), ` · ${x.summary} · ${formatDateTime(x.concludedAt)}`, x.supersededAt ? ` · 取代于 ${formatDateTime(x.supersededAt)}` : '')))) : null,
  ];
}

/** @param {ReadonlyArray<{ code: string, result: string, note?: string }> | undefined} list */
export function checklistView(list) {
  if (!list?.length) return null;
  return table(['要点', '判断', '说明'], list.map((c) => h('tr', { class: c.result === 'issue' ? 'has-issue' : '' },
    h('th', { scope: 'row' }, h('code', {}, c.code), ' ', CHECKLIST_LABELS[c.code] ?? ''),
    h('td', {}, label(CHECKLIST_RESULT_LABELS, c.result)),
    h('td', {}, c.note ?? ''))), { caption: '审核要点清单', cls: 'checklist-view', stack: true });
}

/**
 * @param {MatterState['legality']['history'][number]} c
 * @param {MatterView} matter
 */
function conclusionView(c, matter) {
  return h('div', { class: ['conclusion', c.supersededAt && 'superseded'] },
    h('p', {}, badge(label(LEGALITY_OUTCOME_LABELS, c.outcome), c.outcome === 'UNLAWFUL' ? 'danger' : c.outcome === 'LAWFUL' ? 'ok' : 'warn'), ' ', hashBadge(c.versionHash, matter), ' ', h('span', { class: 'muted small' }, personEl(c.concludedBy), ` · ${formatDateTime(c.concludedAt)}`), c.supersededAt ? badge('已被取代', 'muted') : null),
    h('p', { class: 'pre' }, c.text),
    c.amendments.length ? table(['条款', '修改意见'], c.amendments.map((a) => h('tr', {}, h('td', {}, a.clause), h('td', {}, a.change))), { caption: '逐条修改意见' }) : null,
    c.missing.length ? h('p', {}, '需补充：', c.missing.join('；')) : null,
    c.approvalAuthority ? h('p', {}, `报请批准机关：${c.approvalAuthority}`) : null);
}

/**
 * @param {MatterState} state
 * @param {MatterView} matter
 */
export function legalityBlock(state, matter) {
  const l = state.legality;
  return [
    defList([
      ['审核轮次', l.round ? String(l.round) : null],
      ['开始审核', l.startedAt ? formatDateTime(l.startedAt) : '尚未受理'],
      ['期限中止', l.pauses.length ? h('ul', {}, l.pauses.map((p) => h('li', {}, `${formatDateTime(p.from)} — ${p.to ? formatDateTime(p.to) : '中止中（补充材料期间不计入审核期限）'}`))) : null],
      ['法律顾问', l.lawyerId ? personEl(l.lawyerId) : '未指定'],
      ['法制机构经办', l.legalUnitActorIds.length ? peopleEls(l.legalUnitActorIds) : null],
    ]),
    l.conclusion ? subsection('合法性审核意见', conclusionView(l.conclusion, matter)) : h('p', { class: 'muted' }, '尚未出具合法性审核意见。'),
    l.history.length ? subsection('此前的审核意见', l.history.map((c) => conclusionView(c, matter))) : null,
    l.amendmentsApplied ? subsection('按审核意见修改的确认', h('p', {}, hashBadge(l.amendmentsApplied.versionHash, matter), ' ', personEl(l.amendmentsApplied.confirmedBy), ` · ${formatDateTime(l.amendmentsApplied.confirmedAt)} `, l.amendmentsApplied.note ?? '')) : null,
    l.supplementRequests.length ? subsection('退回补充材料', h('ul', {}, l.supplementRequests.map((s) => h('li', {}, `${formatDateTime(s.at)} `, personEl(s.by), `：缺 ${s.missing.join('、')}。${s.note}`)))) : null,
    l.priorApprovals.length ? subsection('报请批准', h('ul', {}, l.priorApprovals.map((p) => h('li', {}, `${p.granted ? '已批准' : '未批准'} · ${p.authority} · ${p.reference} ${p.note ?? ''}`)))) : null,
  ];
}

/**
 * @param {MatterState['meeting']['records'][number]} rec
 * @param {MatterView} matter
 */
function meetingRecordView(rec, matter) {
  const head = rec.headId;
  const recused = new Map(rec.recusals.map((r) => [r.memberId, r.reason]));
  const dissent = new Set(rec.dissent.map((d) => d.memberId));
  const rows = rec.members.map((m) => {
    const v = rec.views.find((x) => x.memberId === m);
    const order = rec.views.findIndex((x) => x.memberId === m);
    return h('tr', { class: dissent.has(m) ? 'dissent' : '' },
      h('th', { scope: 'row' }, personEl(m), m === head ? [' ', badge('主持人', 'info')] : null),
      h('td', {}, rec.absentees.includes(m) ? '缺席' : recused.has(m) ? `回避（${recused.get(m)}）` : '出席'),
      h('td', {}, order >= 0 ? String(order + 1) : '—'),
      h('td', {}, v ? label(MEETING_VIEW_LABELS, v.view) : '—', dissent.has(m) ? [' ', badge('不同意见', 'warn')] : null),
      h('td', {}, v?.comment ?? ''));
  });
  return h('div', { class: 'meeting-record' },
    defList([
      ['会议', `${label(MEETING_BODY_LABELS, rec.body)}${rec.meetingRef ? ` · ${rec.meetingRef}` : ''}`],
      ['时间', formatDateTime(rec.heldAt)],
      ['决定', badge(label(MEETING_VIEW_LABELS, rec.outcome), ['approve', 'approve_with_changes'].includes(rec.outcome) ? 'ok' : 'warn')],
      ['多数意见', rec.majorityView ? label(MEETING_VIEW_LABELS, rec.majorityView) : '无明确多数'],
      ['与多数不一致的理由', rec.departureReason],
      ['修改内容', rec.changes?.length ? h('ul', {}, rec.changes.map((c) => h('li', {}, c))) : null],
      ['会议纪要', docRef(rec.minutesDocumentId)],
      ['针对版本', hashBadge(rec.versionHash, matter)],
      ['记录', [personEl(rec.recordedBy), ` · ${formatDateTime(rec.recordedAt)}`]],
    ]),
    table(['组成人员', '出席', '发言顺序', '表态', '意见说明'], rows, { caption: '组成人员表态（不同意见如实载明）', cls: 'meeting-view', stack: true }));
}

/**
 * @param {MatterState} state
 * @param {MatterView} matter
 */
export function meetingBlock(state, matter) {
  const m = state.meeting;
  return [
    m.scheduled ? h('p', {}, '已安排：', h('strong', {}, `${label(MEETING_BODY_LABELS, m.scheduled.body)} ${formatDateTime(m.scheduled.meetingAt, { seconds: true })}`), m.scheduled.meetingRef ? ` · ${m.scheduled.meetingRef}` : '') : null,
    m.records.length ? m.records.map((r) => meetingRecordView(r, matter)) : h('p', { class: 'muted' }, '尚无会议记录。'),
  ];
}

/**
 * @param {MatterState} state
 * @param {MatterView} matter
 */
export function postDecisionBlock(state, matter) {
  const d = state.decision;
  const p = state.postDecision;
  /**
   * @template {{ by: string, at: string }} T
   * @param {string} title
   * @param {T | null} x
   * @param {(x: T) => Child} text
   * @returns {[string, Child]}
   */
  const step = (title, x, text) => [title, x ? [text(x), ' ', h('span', { class: 'muted small' }, personEl(x.by), ` · ${formatDateTime(x.at)}`)] : null];
  if (!d && !Object.values(p).some(Boolean)) return h('p', { class: 'muted' }, '尚未作出决定。');
  return [
    d ? defList([
      ['会议决定', label(MEETING_VIEW_LABELS, d.outcome)],
      ['决定时间', formatDateTime(d.decidedAt)],
      ['决定所针对版本', hashBadge(d.versionHash, matter)],
      ['定稿核对', d.finalText ? [hashBadge(d.finalText.versionHash, matter), ' ', personEl(d.finalText.confirmedBy), ` · ${formatDateTime(d.finalText.confirmedAt)}`] : null],
    ]) : null,
    defList([
      step('向党委请示报告', p.partyReport, (x) => x.reference),
      step('区政府审查', p.governmentReview, (x) => `${label(GOV_REVIEW_LABELS, x.outcome)} · ${x.reference}`),
      // A number from the register (统一编号) links to the document's page there: its life after issue.
      step('签发编号（文号）', p.signing, (x) => [`${x.documentNumber}（签发人 ${x.signedBy}）`, ' ', hashBadge(x.versionHash, matter), x.register ? [' ', h('a', { href: `#/register/${encodeURIComponent(matter.id)}` }, '文件登记簿')] : null]),
      step('公布', p.publication, (x) => `${x.channel} · ${x.reference}`),
      // 713号令第32条: how the opinions were adopted and how the decision is explained to the public.
      p.publication?.adoptionStatement ? ['意见采纳情况说明', p.publication.adoptionStatement] : null,
      p.publication?.interpretation ? ['宣传解读', p.publication.interpretation] : null,
      p.signing?.retroactiveReason ? ['溯及既往的理由', p.signing.retroactiveReason] : null,
      step('备案', p.filing, (x) => `${x.authority} · ${x.reference}`),
      step('归档', p.archive, (x) => `${x.archiveRef}${x.recipient ? ` · 移交 ${x.recipient}` : ''}`),
    ]),
  ];
}

/** @param {MatterState} state */
export function historyBlock(state) {
  const returns = state.returns;
  const flagChanges = state.flagChanges;
  if (!returns.length && !flagChanges.length && !state.closure) return null;
  /** @param {readonly string[]} flags */
  const flagNames = (flags) => (flags.length ? flags.map((f) => FLAG_LABELS[f] ?? f).join('、') : '无');
  return [
    returns.length ? subsection('退回记录', h('ul', {}, returns.map((r) => h('li', {}, `${formatDateTime(r.at)} 自「${label(STAGE_LABELS, r.from)}」退回（`, personEl(r.by), `）：${r.reason}`)))) : null,
    flagChanges.length ? subsection('标记调整', h('ul', {}, flagChanges.map((f) => h('li', {}, `${formatDateTime(f.at)} ${flagNames(f.from)} → ${flagNames(f.to)}（`, personEl(f.by), `）：${f.reason}`)))) : null,
    state.closure ? subsection('办结', h('p', {}, `于「${label(STAGE_LABELS, state.closure.stage)}」环节办结，结果：${label(STAGE_LABELS, state.stage)} · `, personEl(state.closure.by), ` · ${formatDateTime(state.closure.at)}${state.closure.reason ? ` · ${state.closure.reason}` : ''}`)) : null,
  ];
}

/** Titles of linked matters, asked once per session (a matter one may not read keeps its number). @type {Map<string, Promise<string | null>>} */
const linkedTitles = new Map();

/**
 * A link to another matter (#/matters/<id>): its number at once, its title once read.
 * @param {string} id
 */
export function matterLink(id) {
  const a = h('a', { href: `#/matters/${encodeURIComponent(id)}`, class: 'matter-link', title: id }, `事项 ${id.slice(0, 8)}`);
  let title = linkedTitles.get(id);
  if (!title) {
    title = api.matter(id).then((m) => m.title, () => null);
    linkedTitles.set(id, title);
  }
  title.then((t) => { if (t) a.textContent = `《${t}》`; });
  return a;
}

/** Who recorded a step and when, after it. @param {string | undefined} by @param {string | undefined} at */
const byAt = (by, at) => h('span', { class: 'muted small' }, ' ', personEl(by), ` · ${formatDateTime(at)}`);

/** @param {number} amount */
const yuanText = (amount) => `${amount.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`;

/**
 * A matter opened to adjust or stop an earlier major decision (713号令第37条): the decision it concerns.
 * @param {MatterState} state
 * @returns {[string, Child] | null}
 */
export function adjustsFact(state) {
  const a = state.adjusts;
  if (!a) return null;
  return [`${label(ADJUSTMENT_PURPOSE_LABELS, a.purpose)}的原决策`, [matterLink(a.matterId), `（${a.reason}）`]];
}

/**
 * An issued major decision carried out (713号令第34条至第37条): the implementing unit, its reports, the
 * post-evaluations (an open one marked), suspensions, the procedures adjusting or stopping it with how each
 * ended, and the end of the implementation — as recorded.
 * @param {MatterState} state
 */
export function implementationBlock(state) {
  const im = state.implementation;
  if (!im) return h('p', { class: 'muted' }, '尚未登记决策执行情况。');
  const ended = im.completed;
  return h('div', { class: 'implementation' },
    defList([
      ['执行单位', im.unit ? [im.unit.unit, im.unit.note ? `（${im.unit.note}）` : '', byAt(im.unit.by, im.unit.at)] : '尚未明确'],
      ['执行结束', ended
        ? ended.endedBy
          ? [`${label(ADJUSTMENT_PURPOSE_LABELS, ended.endedBy.purpose)}的决策已作出，本决策的执行随之结束（`, matterLink(ended.endedBy.matterId), `）。${ended.note}`, byAt(ended.by, ended.at)]
          : [`执行完毕：${ended.note}`, byAt(ended.by, ended.at)]
        : null],
    ]),
    im.reports.length
      ? table(['报告时间', '执行情况', '执行进展', '存在的问题'], im.reports.map((r) => h('tr', { class: r.status === 'on_track' ? '' : 'has-issue' },
        h('th', { scope: 'row' }, formatDateTime(r.at), h('div', { class: 'small muted' }, personEl(r.by))),
        h('td', {}, label(IMPLEMENTATION_STATUS_LABELS, r.status)),
        h('td', {}, r.progress, ' ', docRef(r.documentId)),
        h('td', {}, r.problems ?? ''))), { caption: '决策执行情况报告（713号令第35条）', cls: 'implementation-reports', stack: true })
      : h('p', { class: 'muted' }, '尚无执行情况报告。'),
    im.evaluations.length
      ? subsection('决策后评估（713号令第36条）', h('ol', { class: 'evaluations' }, im.evaluations.map((e) => h('li', { dataset: { open: String(e.result === null) } },
        h('p', {}, e.result ? badge('已评估', 'ok') : badge('评估中', 'info'), ' 评估情形：', e.grounds.map((g) => label(EVALUATION_GROUND_LABELS, g)).join('；'),
          `；评估单位：${e.evaluator}${e.thirdParty ? '（委托第三方）' : ''}`, e.note ? `；${e.note}` : '', byAt(e.orderedBy, e.orderedAt)),
        e.result
          ? defList([
            ['评估结论', label(EVALUATION_CONCLUSION_LABELS, e.result.conclusion)],
            ['评估建议', label(EVALUATION_RECOMMENDATION_LABELS, e.result.recommendation)],
            ['评估报告摘要', e.result.summary],
            ['听取公众意见情况', e.result.publicHeard],
            ['评估报告', [docRef(e.result.documentId), byAt(e.result.by, e.result.at)]],
          ])
          : null))))
      : null,
    im.suspensions.length
      ? subsection('中止执行（713号令第37条）', h('ul', { class: 'suspensions' }, im.suspensions.map((x) => h('li', {},
        `${formatDateTime(x.at)} 中止执行（决定人：${x.decidedBy}）：${x.reason}`, byAt(x.by, x.at),
        x.resumed ? h('div', {}, `${formatDateTime(x.resumed.at)} 恢复执行（决定人：${x.resumed.decidedBy}）：${x.resumed.reason}`, byAt(x.resumed.by, x.resumed.at)) : [' ', badge('中止中', 'warn')]))))
      : null,
    im.adjustments.length
      ? subsection('决策调整或停止执行的程序（713号令第37条）', h('ul', { class: 'adjustments' }, im.adjustments.map((a) => h('li', {},
        badge(label(ADJUSTMENT_PURPOSE_LABELS, a.purpose), a.purpose === 'stop' ? 'danger' : 'info'), ' ', matterLink(a.newMatterId), `：${a.reason}`, byAt(a.by, a.at),
        h('div', { class: 'small' }, a.settled
          ? a.settled.outcome === 'out'
            ? `决策已作出（${label(STAGE_LABELS, a.settled.stage)}${a.settled.documentNumber ? `，${a.settled.documentNumber}` : ''}${a.settled.effectiveAt ? `，自 ${formatDateTime(a.settled.effectiveAt)} 起施行` : ''}；${formatDateTime(a.settled.at)}）`
            : `该程序未作出决策即结束（${label(STAGE_LABELS, a.settled.stage)}；${formatDateTime(a.settled.at)}），本决策不受影响。`
          : '程序进行中。')))))
      : null);
}

/**
 * A contract (重要合同、重大协议): its particulars as recorded for the review, the signed contract, its end.
 * @param {MatterState} state
 * @param {MatterView} matter
 */
export function contractBlock(state, matter) {
  const c = state.contract;
  if (!c) return null;
  const p = c.particulars;
  const sg = c.signing;
  const cl = c.closure;
  if (!p && !sg && !cl) return h('p', { class: 'muted' }, '尚未登记合同要素。');
  return h('div', { class: 'contract' },
    p ? subsection('合同要素', defList([
      ['合同类型', p.contractType],
      ['合同主体', h('ul', {}, p.parties.map((x) => h('li', {}, `${x.name}（${label(PARTY_ROLE_LABELS, x.role)}）`, x.creditCode ? ` 统一社会信用代码 ${x.creditCode}` : '', x.representative ? ` 法定代表人或负责人 ${x.representative}` : '')))],
      ['签约授权', `${p.signingAuthority.signatory}：${p.signingAuthority.authority}`],
      ['法律依据', p.legalBasis],
      ['采购程序', `${label(PROCUREMENT_METHOD_LABELS, p.procurement.method)}${p.procurement.reference ? ` · ${p.procurement.reference}` : ''}${p.procurement.reason ? ` · ${p.procurement.reason}` : ''}`],
      ['价款', `${yuanText(p.price.amount)}；${p.price.paymentTerms}`],
      ['履行', p.performance],
      ['违约责任', p.liability],
      ['保密', p.confidentiality.required ? `须约定：${p.confidentiality.terms ?? ''}` : '无需约定保密条款'],
      ['争议解决', `${label(DISPUTE_METHOD_LABELS, p.disputeResolution.method)} · ${p.disputeResolution.forum}`],
      ['合同期限', p.term ? `${formatDateTime(p.term.from)} 至 ${formatDateTime(p.term.to)}` : null],
      ['合同要素表', docRef(p.documentId)],
      ['针对版本', hashBadge(p.versionHash, matter)],
      ['登记', [personEl(p.recordedBy), ` · ${formatDateTime(p.recordedAt)}`]],
    ])) : null,
    sg ? subsection('合同签订', defList([
      ['合同编号', sg.contractNumber],
      ['签订时间', formatDateTime(sg.signedAt)],
      ['签约人', sg.signatory],
      ['合同相对方', sg.counterparty],
      ['合同金额', yuanText(sg.value)],
      ['履行期限', `${formatDateTime(sg.termStart)} 至 ${formatDateTime(sg.termEnd)}`],
      ['签订文本', [hashBadge(sg.versionHash, matter), ' ', docRef(sg.documentId)]],
      ['审查前签订', sg.signedBeforeReview ? h('span', { class: 'warn' }, `⚠ 签订于审查通过（${formatDateTime(sg.signedBeforeReview.clearedAt)}）之前`) : null],
      ['登记', [personEl(sg.recordedBy), ` · ${formatDateTime(sg.recordedAt)}`]],
    ])) : null,
    cl ? subsection('合同终结', defList([
      ['终结情形', label(CONTRACT_CLOSURE_LABELS, cl.outcome)],
      ['说明', cl.note],
      ['续签审查事项', cl.renewalMatterId ? matterLink(cl.renewalMatterId) : null],
      ['登记', [personEl(cl.by), ` · ${formatDateTime(cl.at)}`]],
    ])) : null);
}
