// @ts-check
/**
 * The matter page: whose turn it is (and, for a returned draft, who returned it, when, why and what to
 * do), where the matter stands, what the signed-in person may do now (one form per available action), the
 * whole procedure record, the texts, the lawyers' signed opinions, the trail and the dossier.
 */
import { h, clear, badge, defList, formatDateTime, dueStatus, announce } from '../dom.js';
import { api, ApiError } from '../api.js';
import { problemBox } from '../forms.js';
import { actionForm } from '../actions.js';
import { loadPeople, personEl, withNames } from '../people.js';
import { turnBanner, returnedBanner, dutyParty, implementationRunning } from '../matter/turn.js';
import { timeline } from '../matter/timeline.js';
import { deadlinesBlock } from '../matter/deadlines.js';
import { subsection, researchBlock, fcrBlock, legalityBlock, meetingBlock, postDecisionBlock, historyBlock, implementationBlock, contractBlock, adjustsFact } from '../matter/record.js';
import { legalityPrescreenBlock } from '../matter/legality.js';
import { versionsBlock } from '../matter/versions.js';
import { signOffsBlock } from '../matter/signOffs.js';
import { trailBlock } from '../matter/trail.js';
import { dossierBlock } from '../matter/dossier.js';
import { KIND_LABELS, FLAG_LABELS, FLAG_SHORT, STAGE_LABELS, TERMINAL_STAGES, FAILED_STAGES, WORKFLOW_STATUS_LABELS, ACTION_LABELS, label } from '../labels.js';

/** @typedef {import('../../types/api').MatterView} MatterView */
/** @typedef {import('../app.js').App} App */

/** A message to show once after the page re-renders (the result of an action just taken). @type {{ label: string, summary?: string } | null} */
let flash = null;

/** @param {string[]} flags */
const flagChips = (flags) => h('span', { class: 'chips' }, flags.map((f) => badge(FLAG_SHORT[f] ?? f, `flag flag-${f}`, FLAG_LABELS[f])));
/** @param {string} stage */
const stageBadge = (stage) => badge(label(STAGE_LABELS, stage), `stage ${FAILED_STAGES.includes(stage) ? 'stage-failed' : TERMINAL_STAGES.includes(stage) ? 'stage-done' : 'stage-open'}`);

/**
 * How a major decision stands to the yearly catalogue (713号令第3条第3款), or null for other matters.
 * @param {import('../../types/api').MatterState} state
 */
function catalogueText(state) {
  const link = state.catalogue;
  if (!link) return null;
  return 'entryId' in link ? '已列入年度重大行政决策事项目录' : `未列入年度目录：${link.notListedReason}`;
}

/**
 * The steps the matter owes, from the server's plan (a normative document that is also a major decision owes
 * both kinds' steps: the Party report and the 备案 among them).
 * @param {MatterView} matter
 */
function planBlock(matter) {
  const plan = matter.plan ?? [];
  if (!plan.length) return null;
  return h('details', { class: 'plan no-print' },
    h('summary', {}, `应履行的程序（${plan.length} 项）`, matter.alsoMajorDecision ? '：同时履行行政规范性文件和重大行政决策的程序' : ''),
    h('ol', { class: 'plan-steps' }, plan.map((p) => h('li', { dataset: { step: p.key } }, p.label, p.basis ? h('span', { class: 'muted small' }, `（${p.basis}）`) : null, p.optional ? h('span', { class: 'muted small' }, '（可选）') : null))));
}

/**
 * @param {string} id
 * @param {string} title
 * @param {...import('../dom.js').Child} content
 */
function section(id, title, ...content) {
  return h('section', { class: 'card', id, 'aria-labelledby': `${id}-h` }, h('h2', { id: `${id}-h`, tabindex: '-1' }, title), content);
}

/**
 * What the person may do now: the duties that move the matter first (open when there is exactly one and
 * nothing was just done), then the optional actions, collapsed.
 * @param {MatterView} matter
 * @param {App} app
 * @param {import('../actions.js').ActionContext} ctx
 */
function actionsBlock(matter, app, ctx) {
  const actions = matter.availableActions ?? [];
  /** @type {import('../dom.js').Child[]} */
  const out = [];
  const justActed = flash;
  if (flash) {
    out.push(h('div', { class: 'verify verify-ok flash', role: 'status', tabindex: '-1' }, h('strong', {}, `✔ 已完成：${flash.label}`), flash.summary ? h('div', {}, flash.summary) : null));
    flash = null;
  }
  const duties = new Set((matter.turn ?? []).flatMap((d) => d.actions));
  if (!actions.length || (justActed && !matter.awaitsMe)) {
    const roles = app.me?.roles ?? [];
    const who = (matter.turn ?? []).map((d) => dutyParty(d, app.sectionName));
    // An issued major decision is still carried out in this matter: it is not "办结" while that goes on.
    const running = implementationRunning(matter);
    const why = TERMINAL_STAGES.includes(matter.stage) && !running ? '本事项已办结，不能再办理。'
      : roles.includes('auditor') && !actions.length ? [running ? '决策已作出，执行中。' : '', '只读视图：监督审计人员可以查阅和校验，不能办理。']
      : !running && matter.workflow?.status && matter.workflow.status !== 'RUNNING' ? `流程当前${label(WORKFLOW_STATUS_LABELS, matter.workflow.status)}，暂不能办理。`
      : [running ? '决策已作出，执行中。' : '', who.length ? ['当前由 ', who.flatMap((w, i) => (i ? ['、', w] : [w])), ' 办理。'] : '当前没有需要您办理的事项。'];
    out.push(h('p', { class: 'muted readonly-note' }, why));
    if (!actions.length) return out;
  }
  const ordered = [...actions.filter((a) => duties.has(a.type)), ...actions.filter((a) => !duties.has(a.type))];
  out.push(h('p', { class: 'help' }, matter.awaitsMe ? '以下标“待办”的操作推进本事项；其余为可选操作。提交后由流程按规则校验，不符合规定的会说明理由。' : '以下为您可以进行的可选操作（本事项当前并不等待您）。'));
  /** @type {HTMLDetailsElement[]} */
  const panels = [];
  for (const action of ordered) {
    const body = h('div', { class: 'action-body' });
    const duty = duties.has(action.type);
    const details = h('details', { class: ['action', duty && 'action-duty'], dataset: { action: action.type } },
      h('summary', {}, h('span', {}, action.label || ACTION_LABELS[action.type] || action.type), duty && matter.awaitsMe ? badge('待办', 'info') : badge('可选', 'muted')),
      body);
    // Forms are built on first opening: some load the current text, and most are never opened.
    /** @param {boolean} focus */
    const ensureForm = (focus) => {
      if (body.firstChild) return;
      body.append(actionForm(action, ctx));
      if (focus) /** @type {HTMLElement | null} */ (body.querySelector('input, select, textarea, button'))?.focus();
    };
    details.addEventListener('toggle', () => { if (details.open) ensureForm(true); });
    panels.push(details);
    out.push(details);
    // The one duty awaiting this person is shown open — but not right after an action (it would look as if
    // the action had not been taken).
    if (!justActed && matter.awaitsMe && duty && ordered.filter((a) => duties.has(a.type)).length === 1) {
      ensureForm(false);
      details.open = true;
    }
  }
  return out;
}

/**
 * @param {HTMLElement} main
 * @param {{ id: string }} params
 * @param {App} app
 */
export async function matterPage(main, params, app) {
  const id = params.id;
  await loadPeople();
  const render = async () => {
    /** @type {MatterView} */
    let matter;
    try {
      matter = await api.matter(id);
    } catch (err) {
      clear(main).append(h('h1', { tabindex: '-1' }, '事项'), problemBox(err, { heading: err instanceof ApiError && err.status === 404 ? '找不到该事项，或您无权查看' : undefined }), h('p', {}, h('a', { href: '#/matters' }, '返回事项列表')));
      return;
    }
    document.title = `${matter.title} · 合法性审核`;
    /** @type {Map<number, Promise<import('../../types/api').VersionInfo & { text: string }>>} */
    const textCache = new Map();
    const data = {
      versions: api.versions(id),
      signOffs: matter.access.signatures ? api.signOffs(id) : Promise.resolve({ items: [] }),
      trail: matter.access.trail ? api.trail(id) : null,
      /** @param {number} n */
      versionText: (n) => {
        let p = textCache.get(n);
        if (!p) { p = api.version(id, n); textCache.set(n, p); }
        return p;
      },
      // The matter's fair-competition record: findings per version with their answers, review, documents.
      fcr: matter.fairCompetitionReview ? api.matterFcr(id) : Promise.resolve(null),
      // The legality pre-screen's findings with the lawyer's answers, the legal-basis register, the opinion documents.
      legality: api.matterLegality(id),
    };
    // Failures are shown where each is used; keep the console free of unhandled rejections.
    for (const p of [data.versions, data.signOffs, data.trail, data.fcr, data.legality]) p?.catch(() => {});
    const state = matter.state;
    const econ = matter.fairCompetitionReview;
    /** @type {import('../actions.js').ActionContext} */
    const ctx = {
      matter,
      me: app.me,
      loadCurrentText: () => data.versionText(matter.currentVersion.number).then((v) => v.text),
      loadFcr: () => data.fcr,
      loadLegality: () => data.legality,
      onDone: async (result, action) => {
        flash = { label: action.label, summary: withNames(result?.summary) };
        announce(`已完成：${action.label}`, 'success');
        await render();
        app.refreshTodo();
      },
    };
    /** @param {string} target @param {string} text */
    const jump = (target, text) => h('button', { type: 'button', class: 'link', onclick: () => { const el = document.getElementById(`${target}-h`); el?.scrollIntoView({ block: 'start' }); el?.focus(); } }, text);
    const toc = [['sec-actions', '办理'], ['sec-deadlines', '期限'], ['sec-record', '程序记录'], ['sec-versions', '文本版本'], ['sec-opinions', '法律意见'], matter.access.trail ? ['sec-trail', '留痕'] : null, ['sec-dossier', '卷宗']].filter((x) => x !== null);
    const due = matter.nextDueAt ? dueStatus(matter.nextDueAt) : null;

    const header = h('header', { class: 'matter-head' },
      h('p', { class: 'crumbs no-print' }, h('a', { href: '#/matters' }, '事项列表'), ' / ', h('span', { title: matter.id }, `事项 ${matter.id.slice(0, 8)}`)),
      h('h1', { tabindex: '-1' }, matter.title),
      h('div', { class: 'matter-meta' }, badge(label(KIND_LABELS, matter.kind), 'kind'), ' ',
        matter.alsoMajorDecision ? [badge(`同时属于${label(KIND_LABELS, 'major_decision')}`, 'kind kind-dual', '须同时履行两类事项的程序'), ' '] : null,
        stageBadge(matter.stage), ' ', flagChips(matter.flags ?? [])),
      // Warnings for the people who can act on them (e.g. may_need_fcr for the legal unit: it may add ECON with set_flags).
      (matter.warnings ?? []).map((w) => h('p', { class: 'warn', role: 'status', dataset: { warning: w.code } }, `⚠ ${w.message}`)),
      defList([
        ['承办科室', app.sectionName(matter.draftingUnit)],
        ['当前版本', `第 ${matter.currentVersion.number} 版`],
        ['登记', [personEl(matter.createdBy), ` · ${formatDateTime(matter.createdAt)}`]],
        ['最近更新', formatDateTime(matter.updatedAt)],
        // Obligations only: an earliest-allowed time (the minimum review time) is never "due".
        ['下一办理期限', due && matter.nextDueAt ? [formatDateTime(matter.nextDueAt), ' ', badge(due.text, `due due-${due.level}`)] : null],
        ['决策目录', catalogueText(state)],
        // 713号令第37条: a matter adjusting or stopping an earlier decision links back to it.
        adjustsFact(state),
        ['流程状态', matter.workflow?.status && matter.workflow.status !== 'RUNNING' && matter.workflow.status !== 'COMPLETED' ? label(WORKFLOW_STATUS_LABELS, matter.workflow.status) : null],
      ], 'facts inline'),
      planBlock(matter),
      h('nav', { class: 'toc no-print', 'aria-label': '本页目录' }, toc.map(([t, l]) => jump(t, l))));

    const record = [
      subsection('研究论证', researchBlock(state, matter)),
      econ ? subsection('公平竞争审查', fcrBlock(state, matter, data)) : null,
      subsection('合法性审核', legalityBlock(state, matter), legalityPrescreenBlock(matter, ctx)),
      subsection('集体讨论决定', meetingBlock(state, matter)),
      subsection('决定及决定后程序', postDecisionBlock(state, matter)),
      // 713号令第34条至第37条: what happens to an issued major decision (its workflow runs on for it).
      state.implementation || (state.stage === 'issued' && (matter.kind === 'major_decision' || matter.alsoMajorDecision)) ? subsection('决策执行', implementationBlock(state)) : null,
      state.contract ? subsection('合同要素、签订与终结', contractBlock(state, matter)) : null,
      historyBlock(state),
    ];

    const actionsSection = section('sec-actions', '办理', actionsBlock(matter, app, ctx));
    actionsSection.classList.add('actions-card');
    const trail = trailBlock(matter, data);
    clear(main).append(
      header,
      returnedBanner(matter) ?? '',
      turnBanner(matter, app.sectionName) ?? '',
      h('section', { class: 'card', 'aria-label': '办理进度' }, timeline(matter)),
      actionsSection,
      section('sec-deadlines', '期限', deadlinesBlock(matter)),
      section('sec-record', '程序记录', record),
      section('sec-versions', '文本版本', econ ? h('p', { class: 'help' }, '本事项涉及经营者经济活动：文本中由公平竞争审查初筛提示的措辞以底色标出。') : null, versionsBlock(matter, data)),
      section('sec-opinions', '法律意见与签署', signOffsBlock(matter, data)),
      trail ? section('sec-trail', '决策留痕', trail) : '',
      section('sec-dossier', '卷宗导出', dossierBlock(matter)));
    const flashEl = /** @type {HTMLElement | null} */ (main.querySelector('.flash'));
    if (flashEl) { flashEl.scrollIntoView({ block: 'center' }); flashEl.focus(); }
  };
  await render();
}
