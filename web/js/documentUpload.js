// @ts-check
/**
 * Loading a document into a text field: a .docx (Word) or .txt file is read by the server (POST
 * /api/v1/documents/text, nothing stored) and its text — one paragraph per line, 条 and 款 on their own
 * lines — replaces the field's content for the person to check before submitting. A refused file
 * (another type, too large, unreadable) says why, next to the file chooser.
 */
import { h, uid, setChildren } from './dom.js';
import { api } from './api.js';
import { problemBox } from './forms.js';

/**
 * @param {HTMLTextAreaElement} target
 * @param {{ label?: string, onLoaded?: (doc: import('../types/api').ConvertedDocument, file: File) => void }} [opts]
 */
export function documentUpload(target, { label = '从文件载入（Word .docx 或文本 .txt）', onLoaded } = {}) {
  const id = uid('file');
  const status = h('div', { class: 'upload-status', 'aria-live': 'polite' });
  const input = h('input', { type: 'file', id, accept: '.docx,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain' });
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    setChildren(status, h('p', { class: 'muted' }, `正在读取 ${file.name}…`));
    try {
      const doc = await api.documentText(file);
      target.value = doc.text;
      target.dispatchEvent(new Event('input', { bubbles: true }));
      const encoding = doc.encoding ? `，编码 ${doc.encoding.toUpperCase()}` : '';
      setChildren(status,
        h('p', { class: 'ok-note' }, `已载入 ${file.name}（${doc.format === 'docx' ? 'Word 文档' : '文本文件'}${encoding}）：${doc.paragraphs} 段，其中 ${doc.articles} 条。请核对后提交。`),
        doc.warnings.length ? h('ul', { class: 'warn' }, doc.warnings.map((w) => h('li', {}, w))) : null);
      onLoaded?.(doc, file);
    } catch (err) {
      input.value = '';
      setChildren(status, problemBox(err, { heading: `无法载入 ${file.name}` }));
    }
  });
  return h('div', { class: 'field wide upload' }, h('label', { for: id }, label), input,
    h('p', { class: 'help' }, '文件由服务器转换为文本（每段一行，保留“第X条”及各款），不会另行保存；提交后才成为新版本。'), status);
}
