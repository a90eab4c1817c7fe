// @ts-check
/**
 * Whose turn it is and why: the duties the server derives (domain/procedure/whoseTurn.ts) shown by name —
 * who must act, what would discharge the duty, the deadline that binds them or the earliest moment they
 * may act — and, when a draft came back to the drafter, who sent it back, when, why and what to do now.
 */
import { h, badge, formatDateTime, dueStatus, notBeforeStatus } from '../dom.js';
import { personEl } from '../people.js';
import { ACTION_LABELS, ROLE_LABELS, STAGE_LABELS, TERMINAL_STAGES, FAILED_STAGES, LEGALITY_OUTCOME_LABELS, ADJUSTMENT_PURPOSE_LABELS, label } from '../labels.js';

/** @typedef {import('../../types/api').MatterView} MatterView */
/** @typedef {import('../../types/api').Duty} Duty */

/**
 * Who a duty waits for, in words: the named person, or the role (with the drafting unit for a drafter).
 * @param {Duty} d
 * @param {(id: string) => string} sectionName
 */
export function dutyParty(d, sectionName) {
  if (d.userId) return [personEl(d.userId), `（${d.roles.map((r) => ROLE_LABELS[r] ?? r).join('或')}）`];
  return d.roles.map((r) => (r === 'drafter' && d.sectionId ? `${sectionName(d.sectionId)}（${ROLE_LABELS[r] ?? r}）` : ROLE_LABELS[r] ?? r)).join('或');
}

/**
 * @param {Duty} d
 * @returns {import('../dom.js').Child}
 */
function dutyTime(d) {
  if (d.deadline?.dueAt) {
    const st = dueStatus(d.deadline.dueAt);
    return [' · ', `${d.deadline.label}：${formatDateTime(d.deadline.dueAt, { seconds: d.deadline.unit === 'seconds' })} `, badge(st.text, `due due-${st.level}`)];
  }
  if (d.notBefore) {
    const st = notBeforeStatus(d.notBefore.at);
    return [' · ', `最早可办理：${formatDateTime(d.notBefore.at, { seconds: true })}（${d.notBefore.label}）`, ' ', badge(st.text, st.level === 'open' ? 'ok' : 'info')];
  }
  return null;
}

/**
 * Whether the decision of a matter past its last procedural stage is still being carried out here: an issued
 * major decision whose workflow runs on for its implementation (713号令第34条至第37条) until it is complete
 * or a stop or adjustment ends it. The server says so by the workflow's status (and the actions it offers).
 * @param {MatterView} matter
 */
export function implementationRunning(matter) {
  if (!TERMINAL_STAGES.includes(matter.stage) || matter.state.implementation?.completed) return false;
  if (matter.kind !== 'major_decision' && !matter.alsoMajorDecision) return false;
  return matter.workflow?.status === 'RUNNING' || (matter.availableActions ?? []).length > 0;
}

/**
 * @param {Duty[]} duties
 * @param {(id: string) => string} sectionName
 */
const dutyList = (duties, sectionName) => h('ul', {}, duties.map((d) => h('li', {},
  dutyParty(d, sectionName),
  '：', d.actions.map((a) => ACTION_LABELS[a] ?? a).join('，然后'),
  dutyTime(d))));

/**
 * The banner at the top of the matter page.
 * @param {MatterView} matter
 * @param {(id: string) => string} sectionName
 */
export function turnBanner(matter, sectionName) {
  const duties = matter.turn ?? [];
  if (implementationRunning(matter)) {
    return h('div', { class: ['turn', matter.awaitsMe ? 'turn-mine' : 'turn-other'], role: 'status', 'aria-label': '决策执行' },
      h('p', { class: 'turn-title' }, `决策已作出（${label(STAGE_LABELS, matter.stage)}），执行中`),
      h('div', { class: 'small' }, '决策的执行情况报告、决策后评估、中止执行和调整或停止执行，仍在本事项中办理（713号令第34条至第37条）。'),
      duties.length ? dutyList(duties, sectionName) : null);
  }
  if (TERMINAL_STAGES.includes(matter.stage)) {
    const failed = FAILED_STAGES.includes(matter.stage);
    const ended = matter.state.implementation?.completed;
    return h('div', { class: ['turn', failed ? 'turn-stopped' : 'turn-done'], role: 'status' },
      h('strong', {}, `本事项已办结：${label(STAGE_LABELS, matter.stage)}`),
      matter.state.closure ? h('div', { class: 'small' }, `${formatDateTime(matter.state.closure.at)} · `, personEl(matter.state.closure.by), matter.state.closure.reason ? ` · ${matter.state.closure.reason}` : '') : null,
      ended ? h('div', { class: 'small' }, ended.endedBy ? `决策执行已结束：${label(ADJUSTMENT_PURPOSE_LABELS, ended.endedBy.purpose)}的决策已作出` : '决策执行完毕', ` · ${formatDateTime(ended.at)}`) : null);
  }
  if (!duties.length) return null;
  return h('div', { class: ['turn', matter.awaitsMe ? 'turn-mine' : 'turn-other'], role: 'status', 'aria-label': '当前由谁办理' },
    h('p', { class: 'turn-title' }, matter.awaitsMe ? '轮到您办理' : '等待办理'),
    dutyList(duties, sectionName));
}

/**
 * When the matter is back with the drafter: who sent it back, when, why, and what to do now.
 * @param {MatterView} matter
 */
export function returnedBanner(matter) {
  const s = matter.state;
  const mine = matter.awaitsMe;
  /** @type {{ who: string, at: string, why: import('../dom.js').Child, todo: string } | null} */
  let info = null;
  const lastReturn = s.returns[s.returns.length - 1];
  if (s.stage === 'research' && lastReturn) {
    info = { who: lastReturn.by, at: lastReturn.at, why: `自「${label(STAGE_LABELS, lastReturn.from)}」退回修改：${lastReturn.reason}`, todo: '请按退回理由修改：提交新版本（可从 Word 文件载入），补齐研究论证材料后，再「提交审查」。' };
  } else if (s.stage === 'supplementing') {
    const req = s.legality.supplementRequests[s.legality.supplementRequests.length - 1];
    if (req) info = { who: req.by, at: req.at, why: `退回补充材料：缺 ${req.missing.join('、')}。${req.note}`, todo: '请补充上述材料（登记研究论证材料），然后再「提交审查」。补充期间审核期限中止计算。' };
  } else if (s.stage === 'amending' && s.legality.conclusion) {
    const c = s.legality.conclusion;
    info = { who: c.concludedBy, at: c.concludedAt, why: [`合法性审核意见：${label(LEGALITY_OUTCOME_LABELS, c.outcome)}。`, c.amendments.length ? h('ul', {}, c.amendments.map((a) => h('li', {}, `${a.clause}：${a.change}`))) : null], todo: '请按逐条修改意见修改文本并提交新版本，再「提交审查」；法律顾问将对修改后的文本重新签署。' };
  } else if (s.stage === 'finalizing' && s.decision) {
    info = { who: s.meeting.records[s.meeting.records.length - 1]?.recordedBy ?? '', at: s.decision.decidedAt, why: ['集体讨论决定修改后同意：', h('ul', {}, s.decision.changes.map((c) => h('li', {}, c)))], todo: '请按会议决定修改定稿，提交新版本后再「提交审查」进行定稿核对。' };
  } else if (s.stage === 'prior_approval' && s.legality.conclusion) {
    const c = s.legality.conclusion;
    info = { who: c.concludedBy, at: c.concludedAt, why: `合法性审核意见：需报经${c.approvalAuthority ?? '有关机关'}批准。`, todo: '请报请批准，取得结果后「登记批准情况」。' };
  }
  if (!info) return null;
  return h('section', { class: ['returned', mine && 'returned-mine'], role: mine ? 'alert' : 'status', 'aria-labelledby': 'returned-h' },
    h('h2', { id: 'returned-h' }, mine ? '本事项已退回，需要您处理' : '本事项已退回承办科室'),
    h('p', {}, info.who ? [personEl(info.who), ' '] : null, `于 ${formatDateTime(info.at)}`),
    h('div', { class: 'returned-why' }, info.why),
    h('p', { class: 'returned-todo' }, h('strong', {}, '需要做什么：'), info.todo));
}

