import { decodeText, documentText, DOCX_MAX_UNPACKED_BYTES, normaliseParagraphs } from '../../../api/documents/documentText';
import { zipUncompressedSize } from '../../../api/documents/zipSize';
import { ProblemError } from '../../../api/http/problem';
import { makeDocx } from '../../fixtures/docx';
import JSZip from 'jszip';

const TEXT = '关于促进文化和旅游消费的若干措施\n第一条　为促进消费，制定本措施。\n　　本措施适用于本区。\n第二条　本措施自发布之日起施行。';

async function refusal(p: Promise<unknown>): Promise<{ status: number; code: string | undefined }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ProblemError) return { status: err.status, code: err.extra.code };
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('documentText()', () => {
  test('a .docx becomes one paragraph per line; articles and their paragraphs (条/款) keep their lines', async () => {
    const docx = await makeDocx(['关于促进文化和旅游消费的若干措施', '第一条　为促进消费，制定本措施。', '　　本措施适用于本区。', '', '第二条　本措施自发布之日起施行。']);
    const doc = await documentText(docx, { name: '措施.docx' });
    expect(doc).toEqual({
      text: '关于促进文化和旅游消费的若干措施\n第一条　为促进消费，制定本措施。\n本措施适用于本区。\n第二条　本措施自发布之日起施行。',
      format: 'docx', paragraphs: 4, articles: 2, warnings: [],
    });
  });

  test('a .docx whose parts unpack to more than the limit is refused before it is unpacked; a cut-off one is unreadable', async () => {
    const docx = await makeDocx(['第一条　为促进消费，制定本措施。']);
    // What the directory declares is what the parts hold (folders are entries of no size).
    const parts = await JSZip.loadAsync(docx);
    const sizes = await Promise.all(Object.values(parts.files).map(async (f) => (f.dir ? 0 : (await f.async('nodebuffer')).length)));
    expect(zipUncompressedSize(docx)).toEqual({ entries: Object.keys(parts.files).length, bytes: sizes.reduce((a, b) => a + b, 0) });
    // Its central directory now declares a part of 100 MB (what a zip bomb declares; the bytes stay small).
    const bomb = Buffer.from(docx);
    const directory = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(100 * 1024 * 1024, directory + 24);
    expect(zipUncompressedSize(bomb)!.bytes).toBeGreaterThan(DOCX_MAX_UNPACKED_BYTES);
    expect(await refusal(documentText(bomb, { name: 'a.docx' }))).toEqual({ status: 422, code: 'document_too_large' });
    expect(await refusal(documentText(docx.subarray(0, docx.length - 30), { name: 'a.docx' }))).toEqual({ status: 422, code: 'document_unreadable' });
  });

  test('Word\'s own numbering is reported: the number is not part of the paragraph\'s text', async () => {
    const docx = await makeDocx([{ text: '为促进消费，制定本措施。', numbered: true }, { text: '本措施自发布之日起施行。', numbered: true }]);
    const doc = await documentText(docx, { name: 'a.docx' });
    expect(doc.text).toBe('为促进消费，制定本措施。\n本措施自发布之日起施行。');
    expect(doc.warnings).toEqual([expect.stringContaining('2 段使用了 Word 自动编号')]);
  });

  test('a text file in UTF-8, with or without BOM, or in GB18030 (GBK) is read; the encoding is named', async () => {
    expect(await documentText(Buffer.from(TEXT, 'utf8'), { name: 'a.txt' })).toEqual(expect.objectContaining({ format: 'txt', encoding: 'utf-8', articles: 2, paragraphs: 4 }));
    expect((await documentText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), { name: 'a.txt' })).text.startsWith('关于')).toBe(true);
    // "第一条 为促进消费" in GBK bytes (GB18030 is a superset of GBK).
    const gbk = Buffer.from('b5dad2bbccf520ceaab4d9bdf8cffbb7d1', 'hex');
    const decoded = decodeText(gbk);
    expect(decoded).toEqual({ text: '第一条 为促进消费', encoding: 'gb18030' });
    expect(await documentText(gbk, { name: 'gbk.txt' })).toEqual(expect.objectContaining({ encoding: 'gb18030', articles: 1 }));
  });

  test('other types, binary files, old .doc, PDF, undecodable text and empty files are refused with a reason', async () => {
    expect(await refusal(documentText(Buffer.from('%PDF-1.7 ...'), { name: 'a.pdf' }))).toEqual({ status: 415, code: 'unsupported_document_type' });
    expect(await refusal(documentText(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), { name: 'a.doc' }))).toEqual({ status: 415, code: 'unsupported_document_type' });
    expect(await refusal(documentText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), { name: 'a.txt' }))).toEqual({ status: 415, code: 'unsupported_document_type' });
    expect(await refusal(documentText(Buffer.from('第一条'), { name: 'a.xlsx' }))).toEqual({ status: 415, code: 'unsupported_document_type' });
    expect(await refusal(documentText(await makeDocx(['第一条']), { name: 'a.xlsx' }))).toEqual({ status: 415, code: 'unsupported_document_type' });
    // A zip that is not a Word document.
    expect(await refusal(documentText(Buffer.from('504b0304' + '00'.repeat(40), 'hex'), { name: 'a.docx' }))).toEqual({ status: 422, code: 'document_unreadable' });
    // Bytes valid in neither UTF-8 nor GB18030.
    expect(await refusal(documentText(Buffer.from([0x81, 0x20, 0xff, 0xff]), { name: 'a.txt' }))).toEqual({ status: 422, code: 'document_encoding_unknown' });
    expect(await refusal(documentText(Buffer.alloc(0), { name: 'a.txt' }))).toEqual({ status: 422, code: 'document_empty' });
    expect(await refusal(documentText(Buffer.from('\n　\n'), { name: 'a.txt' }))).toEqual({ status: 422, code: 'document_empty' });
  });

  test('paragraph normalisation keeps inner text, drops blank lines and edge blanks (incl. full-width)', () => {
    expect(normaliseParagraphs('\r\n　　第一条　甲。 \r\n\r\n\t（一）乙；\n')).toEqual(['第一条　甲。', '（一）乙；']);
  });
});
