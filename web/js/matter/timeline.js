// @ts-check
/**
 * The progress timeline: the procedure's phases (served by the vocabulary from domain/procedure/phases.ts,
 * never copied here), each done, current, stopped or still to come.
 */
import { h } from '../dom.js';
import { PHASES, STAGE_LABELS, TERMINAL_STAGES, FAILED_STAGES } from '../labels.js';

/** @typedef {import('../../types/api').MatterView} MatterView */
/** @typedef {import('../../types/api').Phase} Phase */
/** @typedef {import('../../types/api').MatterState} MatterState */

/**
 * For a matter closed early without a recorded stage, how far it had got, read from what is on record.
 * @param {Phase[]} steps
 * @param {MatterState} state
 */
function reachedIndex(steps, state) {
  /** @param {string} key */
  const idx = (key) => steps.findIndex((s) => s.key === key);
  if (state.decision || state.meeting.records.length) return idx('meeting');
  if (state.legality.conclusion || state.legality.opinions.length) return idx('legality');
  if (state.legality.startedAt) return idx('completeness');
  if (state.fairCompetition.conclusion && idx('fcr') >= 0) return idx('fcr');
  return idx('research');
}

/** @param {MatterView} matter */
export function timeline(matter) {
  const state = matter.state;
  const steps = PHASES.filter((p) => !p.onlyWithFlag || (matter.flags ?? []).includes(p.onlyWithFlag));
  const failed = FAILED_STAGES.includes(matter.stage);
  const current = steps.findIndex((s) => s.stages.includes(matter.stage));
  // A matter closed early stopped in the stage its closure records; without that, infer from the record.
  const stoppedAt = failed ? steps.findIndex((s) => state.closure && s.stages.includes(state.closure.stage)) : -1;
  const doneUpTo = failed ? (stoppedAt >= 0 ? stoppedAt - 1 : reachedIndex(steps, state)) : current - 1;
  const ol = h('ol', { class: 'timeline', 'aria-label': '办理进度' });
  steps.forEach((s, i) => {
    let status = 'todo';
    if (i === current) status = failed ? 'failed' : TERMINAL_STAGES.includes(matter.stage) ? 'done' : 'current';
    else if (i === stoppedAt) status = 'stopped';
    else if (i <= doneUpTo) status = 'done';
    const title = s.key === 'end' && TERMINAL_STAGES.includes(matter.stage) ? STAGE_LABELS[matter.stage] ?? s.label : s.label;
    const sub = i === current && !TERMINAL_STAGES.includes(matter.stage) && STAGE_LABELS[matter.stage] !== s.label ? STAGE_LABELS[matter.stage] : null;
    /** @type {Record<string, string>} */
    const statusText = { done: '已完成', current: '当前环节', failed: '已终止', stopped: '在此环节终止', todo: '未开始' };
    ol.append(h('li', { class: `step step-${status}`, 'aria-current': status === 'current' ? 'step' : null },
      h('span', { class: 'step-dot', 'aria-hidden': 'true' }, status === 'done' ? '✓' : status === 'failed' ? '✕' : status === 'stopped' ? '!' : String(i + 1)),
      h('span', { class: 'step-label' }, title),
      sub ? h('span', { class: 'step-sub' }, sub) : null,
      h('span', { class: 'sr-only' }, `（${statusText[status]}）`)));
  });
  return ol;
}
