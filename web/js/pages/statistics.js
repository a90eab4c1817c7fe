// @ts-check
/**
 * Statistics for the legal unit and auditors (GET /api/v1/statistics): time spent per stage and kind
 * (median, 90th percentile), whose turn it is now and what is overdue, whether the statutory times were
 * respected (minimum review time before the meeting, review time limit, 备案 and archiving on time), per
 * drafting unit and per month — as tables, and as charts drawn by chartist (an ES module loaded on this
 * page only; the tables carry the same figures for screen readers and print).
 */
import { h, clear, badge, table, setChildren } from '../dom.js';
import { field, valueOf, problemBox } from '../forms.js';
import { api } from '../api.js';
import { KIND_LABELS, STAGE_LABELS, ROLE_LABELS, label } from '../labels.js';

/** @typedef {import('../../types/api').StatisticsView} StatisticsView */

/**
 * A unit that suits the largest duration shown (the demo profile's clocks run in seconds).
 * @param {number} maxSeconds
 * @returns {{ name: string, seconds: number }}
 */
export function durationUnit(maxSeconds) {
  if (maxSeconds < 600) return { name: '秒', seconds: 1 };
  if (maxSeconds < 3 * 3600) return { name: '分钟', seconds: 60 };
  if (maxSeconds < 3 * 86_400) return { name: '小时', seconds: 3600 };
  return { name: '天', seconds: 86_400 };
}

/** @param {number} n */
const round1 = (n) => Math.round(n * 10) / 10;

/**
 * Loads chartist and its stylesheet once. Chartist writes two inline `style` attributes (the svg's size, a
 * label's overflow); the app's Content-Security-Policy forbids style attributes, so those go through the
 * CSSOM instead (element.style, which the policy allows) — the charts look the same, and no violation is raised.
 */
async function chartist() {
  if (!document.querySelector('link[data-chartist]')) document.head.append(h('link', { rel: 'stylesheet', href: '/vendor/chartist.css', dataset: { chartist: '' } }));
  const lib = await import('../../vendor/chartist.js');
  /** @type {{ attr: Function, __cspSafe?: boolean, getNode: () => SVGElement }} */
  const proto = /** @type {any} */ (lib.Svg.prototype);
  if (!proto.__cspSafe) {
    const original = proto.attr;
    proto.attr = /** @this {{ getNode: () => SVGElement }} */ function attr(/** @type {any} */ attributes, /** @type {string | undefined} */ ns) {
      if (attributes && typeof attributes === 'object' && 'style' in attributes) {
        const { style, ...rest } = attributes;
        if (style !== undefined) this.getNode().style.cssText = String(style);
        return original.call(this, rest, ns);
      }
      return original.call(this, attributes, ns);
    };
    proto.__cspSafe = true;
  }
  return lib;
}

/**
 * A chart with a caption and a text alternative; the figures themselves are in the table next to it.
 * @param {string} title
 * @param {string} summary
 */
function chartBox(title, summary) {
  const box = h('div', { class: 'chart', role: 'img', 'aria-label': `${title}：${summary}` });
  return { box, figure: h('figure', { class: 'chart-figure' }, box, h('figcaption', {}, title)) };
}

/**
 * @param {HTMLElement} main
 * @param {unknown} _params
 * @param {import('../app.js').App} app
 * @param {URLSearchParams} query
 */
export async function statisticsPage(main, _params, app, query) {
  document.title = '统计 · 合法性审核';
  const from = field({ label: '登记日期自', path: 'from', type: 'date', value: query.get('from') ?? '' });
  const to = field({ label: '至', path: 'to', type: 'date', value: query.get('to') ?? '' });
  const kind = field({ label: '事项类型', path: 'kind', type: 'select', options: Object.entries(KIND_LABELS), value: query.get('kind') ?? '' });
  const unit = field({ label: '承办科室', path: 'draftingUnit', type: 'select', options: app.sections.map((s) => [s.id, s.name]), value: query.get('draftingUnit') ?? '' });
  const form = h('form', { class: 'card filters-form no-print', role: 'search', 'aria-label': '统计范围' },
    h('div', { class: 'fields' }, from, to, kind, unit),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, '统计')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    for (const [k, f] of /** @type {Array<[string, import('../forms.js').Field]>} */ ([['from', from], ['to', to], ['kind', kind], ['draftingUnit', unit]])) if (valueOf(f)) q.set(k, valueOf(f));
    app.navigate(`#/statistics${q.toString() ? `?${q}` : ''}`);
  });
  const out = h('div', { 'aria-live': 'polite' }, h('p', { class: 'muted' }, '正在统计…'));
  clear(main).append(h('h1', { tabindex: '-1' }, '统计'), h('p', { class: 'muted' }, '按登记时间统计；时间均为北京时间，各环节用时取已完成的环节（中位数与第 90 百分位）。'), form, out);

  /** @type {StatisticsView} */
  let s;
  try {
    s = await api.statistics(Object.fromEntries(['from', 'to', 'kind', 'draftingUnit'].map((k) => [k, query.get(k) ?? undefined])));
  } catch (err) {
    setChildren(out, problemBox(err));
    return;
  }
  const t = s.totals;
  const totals = h('div', { class: 'stat-cards' },
    [['事项', t.matters], ['在办', t.open], ['已出台/已决定', t.finished], ['终止', t.stopped], ['超期', t.overdue]].map(([l, n]) => h('div', { class: ['stat-card', l === '超期' && Number(n) > 0 && 'stat-alert'] }, h('span', { class: 'stat-n' }, String(n)), h('span', { class: 'stat-l' }, String(l)))));

  // Time per stage (all kinds, each kind its own rows), in the procedure's order.
  const order = Object.keys(STAGE_LABELS);
  s.stageTimes.sort((a, b) => order.indexOf(a.stage) - order.indexOf(b.stage) || a.kind.localeCompare(b.kind));
  const maxSeconds = Math.max(1, ...s.stageTimes.map((x) => x.p90Seconds));
  const u = durationUnit(maxSeconds);
  const timed = s.stageTimes.filter((x) => x.stays > 0);
  const stageChart = chartBox(`各环节用时（${u.name}，中位数与第 90 百分位）`, timed.map((x) => `${label(STAGE_LABELS, x.stage)} ${round1(x.medianSeconds / u.seconds)}${u.name}`).join('，') || '暂无已完成的环节');
  const stageTable = table(['环节', '事项类型', '已完成', `中位数（${u.name}）`, `第 90 百分位（${u.name}）`, '在办', `在办最久（${u.name}）`], s.stageTimes.map((x) => h('tr', {},
    h('th', { scope: 'row' }, label(STAGE_LABELS, x.stage)), h('td', {}, label(KIND_LABELS, x.kind)), h('td', { class: 'num' }, String(x.stays)),
    h('td', { class: 'num' }, x.stays ? String(round1(x.medianSeconds / u.seconds)) : '—'), h('td', { class: 'num' }, x.stays ? String(round1(x.p90Seconds / u.seconds)) : '—'),
    h('td', { class: 'num' }, String(x.current)), h('td', { class: 'num' }, x.longestCurrentSeconds !== null ? String(round1(x.longestCurrentSeconds / u.seconds)) : '—'))), { caption: '各环节用时', stack: true });

  const turnChart = chartBox('当前由谁办理（件）', s.turns.map((x) => `${label(ROLE_LABELS, x.role)} ${x.matters} 件，超期 ${x.overdue} 件`).join('，') || '无在办事项');
  const turnTable = !s.turns.length ? h('p', { class: 'muted' }, '无在办事项。') : table(['待办角色', '在办事项', '其中超期'], s.turns.map((x) => h('tr', {}, h('th', { scope: 'row' }, label(ROLE_LABELS, x.role)), h('td', { class: 'num' }, String(x.matters)), h('td', { class: 'num' }, x.overdue ? badge(String(x.overdue), 'danger') : '0'))), { caption: '当前由谁办理', stack: true });

  const c = s.compliance;
  /** @param {string} name @param {import('../../../domain/statistics/matterStatistics').ComplianceCheck} x */
  const complianceRow = (name, x) => h('tr', { class: x.missed.length || x.overdueOpen ? 'has-issue' : '' },
    h('th', { scope: 'row' }, name), h('td', { class: 'num' }, String(x.checked)), h('td', { class: 'num' }, String(x.met)),
    h('td', {}, x.missed.length ? x.missed.map((id) => h('a', { href: `#/matters/${encodeURIComponent(id)}`, class: 'id-link' }, id.slice(0, 8))) : '—'),
    h('td', { class: 'num' }, x.overdueOpen === undefined ? '—' : String(x.overdueOpen)),
    h('td', { class: 'num' }, x.checked ? `${Math.round((x.met / x.checked) * 100)}%` : '—'));
  const complianceTable = table(['规则', '可核对', '符合', '未符合的事项', '尚未办理且已超期', '符合率'], [
    complianceRow('合法性审查最短时间届满后方可上会（713号令第26条）', c.minimumReviewTime),
    complianceRow('合法性审核在期限内完成', c.legalityTimeLimit),
    complianceRow('公布后按期报送备案', c.filingOnTime),
    complianceRow('按期归档', c.archiveOnTime),
  ], { caption: '审核时间合规', stack: true });

  const monthChart = chartBox('按月：登记、办结（件）', s.byMonth.map((m) => `${m.month} 登记 ${m.registered} 件`).join('，') || '无');
  const monthTable = table(['月份', '登记', '出台/决定', '终止'], s.byMonth.map((m) => h('tr', {}, h('th', { scope: 'row' }, m.month), h('td', { class: 'num' }, String(m.registered)), h('td', { class: 'num' }, String(m.finished)), h('td', { class: 'num' }, String(m.stopped)))), { caption: '按月统计', stack: true });
  const unitTable = table(['承办科室', '登记', '在办', '出台/决定', '终止', '超期', '办结用时中位数（天）'], s.byDraftingUnit.map((x) => h('tr', {},
    h('th', { scope: 'row' }, app.sectionName(x.draftingUnit)), h('td', { class: 'num' }, String(x.registered)), h('td', { class: 'num' }, String(x.open)), h('td', { class: 'num' }, String(x.finished)),
    h('td', { class: 'num' }, String(x.stopped)), h('td', { class: 'num' }, x.overdue ? badge(String(x.overdue), 'danger') : '0'), h('td', { class: 'num' }, x.medianDaysToClose === null ? '—' : String(x.medianDaysToClose)))), { caption: '按承办科室统计', stack: true });

  setChildren(out,
    totals,
    h('section', { class: 'card', 'aria-labelledby': 'st-stage' }, h('h2', { id: 'st-stage' }, '各环节用时'), stageChart.figure, stageTable),
    h('div', { class: 'stat-grid' },
      h('section', { class: 'card', 'aria-labelledby': 'st-turn' }, h('h2', { id: 'st-turn' }, '当前由谁办理与超期'), s.turns.length ? turnChart.figure : null, turnTable),
      h('section', { class: 'card', 'aria-labelledby': 'st-month' }, h('h2', { id: 'st-month' }, '按月'), monthChart.figure, monthTable)),
    h('section', { class: 'card', 'aria-labelledby': 'st-comp' }, h('h2', { id: 'st-comp' }, '审核时间合规'), complianceTable),
    h('section', { class: 'card', 'aria-labelledby': 'st-unit' }, h('h2', { id: 'st-unit' }, '按承办科室'), unitTable),
    h('p', { class: 'small muted' }, '数据接口：', h('code', {}, 'GET /api/v1/statistics'), '（JSON，同样的筛选参数）。'));

  try {
    const { BarChart } = await chartist();
    /** @type {Set<HTMLElement>} the chart boxes that got a chart */
    const drawn = new Set();
    if (timed.length) {
      // Horizontal bars are drawn bottom-up: reversed, the first stage of the procedure is at the top.
      const rows = [...timed].reverse();
      drawn.add(stageChart.box);
      new BarChart(stageChart.box, {
        labels: rows.map((x) => `${label(STAGE_LABELS, x.stage)}${new Set(timed.map((y) => y.kind)).size > 1 ? `·${label(KIND_LABELS, x.kind)}` : ''}`),
        series: [rows.map((x) => round1(x.medianSeconds / u.seconds)), rows.map((x) => round1(x.p90Seconds / u.seconds))],
      }, { horizontalBars: true, seriesBarDistance: 10, height: `${Math.max(160, timed.length * 44)}px`, axisY: { offset: 130 }, axisX: { onlyInteger: true } });
    } else setChildren(stageChart.box, h('p', { class: 'muted' }, '暂无已完成的环节。'));
    if (s.turns.length) {
      drawn.add(turnChart.box);
      new BarChart(turnChart.box, { labels: s.turns.map((x) => label(ROLE_LABELS, x.role)), series: [s.turns.map((x) => x.matters), s.turns.map((x) => x.overdue)] }, { seriesBarDistance: 14, height: '220px', axisY: { onlyInteger: true } });
    }
    if (s.byMonth.length) {
      drawn.add(monthChart.box);
      new BarChart(monthChart.box, { labels: s.byMonth.map((m) => m.month), series: [s.byMonth.map((m) => m.registered), s.byMonth.map((m) => m.finished), s.byMonth.map((m) => m.stopped)] }, { stackBars: false, seriesBarDistance: 12, height: '220px', axisY: { onlyInteger: true } });
    }
    // A legend only under a chart that was drawn.
    out.querySelectorAll('.chart-figure').forEach((f) => drawn.has(/** @type {HTMLElement} */ (f.querySelector('.chart'))) && f.append(h('p', { class: 'legend small' }, f.querySelector('.chart') === stageChart.box ? [badge('中位数', 'series-a'), ' ', badge('第 90 百分位', 'series-b')] : f.querySelector('.chart') === turnChart.box ? [badge('在办', 'series-a'), ' ', badge('超期', 'series-b')] : [badge('登记', 'series-a'), ' ', badge('出台/决定', 'series-b'), ' ', badge('终止', 'series-c')])));
  } catch (err) {
    // Without the charts the tables still carry every figure.
    out.prepend(h('p', { class: 'muted small' }, `图表未能载入（${/** @type {Error} */ (err).message}），下列表格包含全部数据。`));
  }
}
