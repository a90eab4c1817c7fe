// @ts-check
/** Registering a matter (登记): drafters only; the workflow starts in 研究论证 with version 1 of the text. */
import { h, clear } from '../dom.js';
import { field, valueOf, onSubmit, optional } from '../forms.js';
import { api, newIdempotencyKey } from '../api.js';
import { documentUpload } from '../documentUpload.js';
import { KIND_LABELS, FLAGS, FLAG_LABELS, APPLICABLE_FLAGS } from '../labels.js';

/** @type {Record<string, string>} */
const KIND_HELP = {
  normative_document: '涉及公民、法人和其他组织权利义务，具有普遍约束力、可反复适用的文件。内部工作制度、会议纪要、工作方案、人事任免、表彰奖励等不属于规范性文件。',
  major_decision: '《重大行政决策程序暂行条例》第三条所列事项（部门参照执行）。',
  collective_matter: '重大事项决策、重要干部任免、重大项目安排、大额资金使用，须集体讨论并形成纪要。',
  enforcement_review: '重大行政执法决定作出前的法制审核（行政处罚法第五十八条）。',
};

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
  kind.control.addEventListener('change', syncKind);
  syncKind();

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
    h('div', { class: 'fields' }, title, kind, unit, flags, upload, text),
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
