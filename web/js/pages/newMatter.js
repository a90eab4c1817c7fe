// @ts-check
/** Registering a matter (登记): drafters only; the workflow starts in 研究论证 with version 1 of the text. */
import { h, clear } from '../dom.js';
import { field, valueOf, onSubmit, optional } from '../forms.js';
import { api, newIdempotencyKey, request } from '../api.js';
import { documentUpload } from '../documentUpload.js';
import { KIND_LABELS, FLAGS, FLAG_LABELS, APPLICABLE_FLAGS, TRIPLE_ONE_CATEGORY_LABELS } from '../labels.js';

/** @type {Record<string, string>} */
const KIND_HELP = {
  normative_document: '涉及公民、法人和其他组织权利义务，具有普遍约束力、可反复适用的文件。内部工作制度、会议纪要、工作方案、人事任免、表彰奖励等不属于规范性文件。',
  major_decision: '《重大行政决策程序暂行条例》第三条所列事项（部门参照执行）。',
  collective_matter: '重大事项决策、重要干部任免、重大项目安排、大额资金使用，须集体讨论并形成纪要。',
  enforcement_review: '重大行政执法决定作出前的法制审核（行政处罚法第五十八条）。',
  contract_review: '重要合同、重大协议签订前由法律顾问审查（主体、签约授权、依据、采购程序、价款、责任、争议解决等）；登记后再登记合同要素，审查通过后登记签订情况。',
};

/**
 * The catalogue link of a major decision (713号令第3条第3款): an entry of the year's catalogue not yet taken
 * by another decision, or why the decision is not listed (the legal unit then adds it with that reason).
 * Matches the API's `catalogue`: {entryId} or {notListedReason}.
 */
function catalogueLink() {
  const year = new Date().getFullYear();
  const entry = field({ label: `对应的${year}年度目录事项`, path: 'catalogue.entryId', type: 'select', options: [], help: '列入年度重大行政决策事项目录的，选择对应事项；未列入的，请说明理由。' });
  const reason = field({ label: '未列入目录的理由', path: 'catalogue.notListedReason', type: 'textarea', rows: 2, wide: true, placeholder: '如 年中新增事项，尚未列入目录' });
  const status = h('p', { class: 'help', role: 'status' }, '正在载入年度目录…');
  const select = /** @type {HTMLSelectElement} */ (entry.control);
  if (select.options[0]) select.options[0].textContent = '（未列入目录，请说明理由）';
  const sync = () => {
    const listed = select.value !== '';
    reason.control.disabled = listed;
    if (listed) reason.control.value = '';
  };
  select.addEventListener('change', sync);
  request('GET', `/api/v1/catalogue/${year}`).then((/** @type {{ entries: Array<{ id: string, seq: number, title: string, unit: string, matter: unknown, progress: string, ofMyUnit: boolean }> }} */ c) => {
    // An entry another decision already took cannot be linked again (catalogue_entry_taken), nor another
    // section's entry (catalogue_entry_other_unit: the legal unit links those).
    const free = c.entries.filter((e) => !e.matter && e.progress === 'not_started' && e.ofMyUnit);
    for (const e of free) select.append(h('option', { value: e.id }, `${e.seq}. ${e.title}（${e.unit}）`));
    status.textContent = free.length ? `${year}年度目录中本科室承办、尚未启动的事项 ${free.length} 项。` : `${year}年度目录中没有本科室承办、尚未启动的事项。`;
  }, () => { status.textContent = `${year}年度目录尚未建立或暂不可查，请说明未列入目录的理由。`; });
  sync();
  const el = h('fieldset', { class: 'group catalogue-link', dataset: { path: 'catalogue' }, tabindex: '-1' },
    h('legend', {}, '年度重大行政决策事项目录（713号令第3条第3款）'), status, entry, reason, h('p', { class: 'field-error', hidden: true }));
  return {
    el,
    /** @returns {Record<string, string> | undefined} */
    value: () => (select.value ? { entryId: select.value } : valueOf(reason) ? { notListedReason: valueOf(reason) } : undefined),
  };
}

/**
 * @param {HTMLElement} main
 * @param {unknown} _params
 * @param {import('../app.js').App} app
 */
export async function newMatterPage(main, _params, app) {
  document.title = '登记新事项 · 合法性审核';
  if (!(app.me?.roles ?? []).includes('drafter')) {
    clear(main).append(h('h1', { tabindex: '-1' }, '登记新事项'), h('p', { class: 'warn' }, '只有承办科室人员可以登记事项。'));
    return;
  }
  const title = field({ label: '事项名称', path: 'title', required: true, wide: true, placeholder: '如 关于促进文化和旅游消费的若干措施' });
  const kindHelp = h('p', { class: 'help' });
  const kind = field({ label: '事项类型', path: 'kind', type: 'select', required: true, options: Object.entries(KIND_LABELS), value: 'normative_document' });
  kind.append(kindHelp);
  const flagBoxes = FLAGS.map((f) => {
    const wrap = field({ label: FLAG_LABELS[f] ?? f, path: 'flags', type: 'checkbox', name: 'flags' });
    wrap.control.value = f;
    return wrap;
  });
  const flagNote = h('p', { class: 'help' });
  const flags = h('fieldset', { class: 'group flags repeatable', dataset: { path: 'flags' }, tabindex: '-1' },
    h('legend', {}, '事项标记（决定需要经过的程序）'), flagBoxes, flagNote, h('p', { class: 'field-error', hidden: true }));
  const syncKind = () => {
    const applicable = APPLICABLE_FLAGS[kind.control.value] ?? FLAGS;
    kindHelp.textContent = KIND_HELP[kind.control.value] ?? '';
    // Flags that mean nothing for this kind are disabled: the server would refuse them (FLAG_NOT_APPLICABLE).
    for (const b of flagBoxes) {
      const box = /** @type {HTMLInputElement} */ (b.control);
      const ok = applicable.includes(box.value);
      box.disabled = !ok;
      if (!ok) box.checked = false;
      b.classList.toggle('disabled', !ok);
    }
    const off = FLAGS.filter((f) => !applicable.includes(f));
    flagNote.textContent = off.length ? `此类事项不适用：${off.map((f) => FLAG_LABELS[f] ?? f).join('、')}。` : '';
  };
  // A normative document can also be a major decision: it then owes both kinds' duties (the server's isMajorDecision).
  const dual = field({ label: '同时属于重大行政决策（须同时履行重大行政决策和规范性文件的程序）', path: 'alsoMajorDecision', type: 'checkbox',
    help: '如影响面广的扶持政策：听取公众意见、公开征求意见不少于30日、合法性审核不少于7个工作日、向党委请示报告，以及规范性文件的统一编号、公布和备案。' });
  const catalogue = catalogueLink();
  // A “三重一大” matter names its category at registration: its meeting is held under it (人事任免: two thirds present).
  const category = field({ label: '“三重一大”事项类别', path: 'tripleOneCategory', type: 'select', options: [['', '（由会议安排时确定）'], ...Object.entries(TRIPLE_ONE_CATEGORY_LABELS)],
    help: '人事任免、重大建设项目、重大资金使用；登记后会议按此类别研究，人事任免须三分之二以上组成人员到会。' });
  const syncClassification = () => {
    category.hidden = kind.control.value !== 'collective_matter';
    const normative = kind.control.value === 'normative_document';
    dual.hidden = !normative;
    if (!normative) /** @type {HTMLInputElement} */ (dual.control).checked = false;
    catalogue.el.hidden = !(kind.control.value === 'major_decision' || valueOf(dual));
  };
  kind.control.addEventListener('change', syncKind);
  kind.control.addEventListener('change', syncClassification);
  dual.control.addEventListener('change', syncClassification);
  syncKind();
  syncClassification();

  const unitOptions = /** @type {Array<[string, string]>} */ (app.sections.map((s) => [s.id, s.name]));
  const unit = field({ label: '承办科室', path: 'draftingUnit', type: 'select', options: unitOptions, value: app.me?.sectionId ?? '', help: '默认为您所在的科室。' });
  const text = field({ label: '草案文本（第 1 版）', path: 'text', type: 'textarea', required: true, rows: 16, wide: true, help: '保存后不可修改；之后的修改以新版本提交，每版以 SHA-256 摘要固定。' });
  const area = /** @type {HTMLTextAreaElement} */ (text.control);
  area.classList.add('doc-text');
  // The title comes from the file's name unless the person typed one (a title from an earlier file is replaced).
  let titleFromFile = '';
  const upload = documentUpload(area, {
    onLoaded: (_doc, file) => {
      if (valueOf(title) && valueOf(title) !== titleFromFile) return;
      titleFromFile = file.name.replace(/\.(docx|txt)$/i, '');
      title.control.value = titleFromFile;
    },
  });

  const form = h('form', { class: 'card new-matter', 'aria-labelledby': 'new-h' },
    h('div', { class: 'fields' }, title, kind, dual, catalogue.el, category, unit, flags, upload, text),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, '登记并开始研究论证'), h('a', { href: '#/matters', class: 'button secondary' }, '取消')));
  onSubmit(form, async () => {
    /** @type {Record<string, unknown>} */
    const body = {
      title: valueOf(title),
      kind: valueOf(kind),
      flags: flagBoxes.filter((b) => /** @type {HTMLInputElement} */ (b.control).checked).map((b) => b.control.value),
      text: area.value,
    };
    optional(body, 'draftingUnit', valueOf(unit));
    if (valueOf(dual)) body.alsoMajorDecision = true;
    if (!category.hidden) optional(body, 'tripleOneCategory', valueOf(category));
    if (!catalogue.el.hidden) optional(body, 'catalogue', catalogue.value());
    const matter = await api.createMatter(body, newIdempotencyKey());
    if (matter.stage === 'registering') {
      // 202: the workflow has the registration but no worker has stored it yet; wait for it to appear.
      const note = h('p', { class: 'warn', role: 'status' }, '已受理，正在登记（流程处理中），请稍候…');
      form.prepend(note);
      for (let i = 0; i < 30; i += 1) {
        await new Promise((r) => setTimeout(r, 2000));
        try { await api.matter(matter.id); break; } catch { /* not stored yet */ }
      }
      note.remove();
    }
    app.navigate(`#/matters/${encodeURIComponent(matter.id)}`);
  });
  clear(main).append(h('h1', { id: 'new-h', tabindex: '-1' }, '登记新事项'), form);
  title.control.focus();
}
