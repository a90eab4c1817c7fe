import mammoth from 'mammoth';
import { ProblemError } from '../http/problem';
import { zipUncompressedSize } from './zipSize';

/**
 * A drafter's file turned into the plain text a version is made of: a Word document (.docx, read with
 * mammoth) or a text file in UTF-8 or GB18030 (the two encodings Chinese offices save text in). One
 * paragraph per line, so the articles (第X条) and their paragraphs (款) keep their structure for the
 * pre-screens and for diffs. Anything else is refused with the reason, never guessed at.
 */
export interface ConvertedDocument {
  text: string;
  format: 'docx' | 'txt';
  /** For text files: the encoding detected. */
  encoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
  paragraphs: number;
  /** Lines that open an article (第X条): a check that the structure came through. */
  articles: number;
  /** Things the person should check (numbering Word generated, images and tables dropped …). */
  warnings: string[];
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const refused = (status: 415 | 422, code: string, detail: string) => new ProblemError(status, status === 415 ? '不支持的文件类型' : '无法读取文件', { detail, code, errors: [{ field: 'body', message: detail }] });

const ARTICLE_LINE = /^第[零〇一二三四五六七八九十百千两\d]+条/;
// Leading/trailing blanks incl. the full-width space Chinese paragraphs are indented with.
const EDGE_BLANKS = /^[\s\u3000\ufeff]+|[\s\u3000\ufeff]+$/g;

/** One paragraph per line, blank lines and edge blanks dropped (a paragraph's inner text untouched). */
export function normaliseParagraphs(raw: string): string[] {
  return raw.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(EDGE_BLANKS, '')).filter((l) => l.length > 0);
}

function result(lines: string[], format: ConvertedDocument['format'], warnings: string[], encoding?: ConvertedDocument['encoding']): ConvertedDocument {
  if (!lines.length) throw refused(422, 'document_empty', '文件中没有文字内容。');
  return { text: lines.join('\n'), format, ...(encoding ? { encoding } : {}), paragraphs: lines.length, articles: lines.filter((l) => ARTICLE_LINE.test(l)).length, warnings };
}

const startsWith = (bytes: Buffer, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** Decodes a text file: a BOM decides; else strict UTF-8; else strict GB18030; else refused. */
export function decodeText(bytes: Buffer): { text: string; encoding: NonNullable<ConvertedDocument['encoding']> } {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (startsWith(bytes, 0xff, 0xfe)) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(bytes, 0xfe, 0xff)) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  // A NUL byte does not occur in text in either encoding: this is a binary file with a .txt name.
  if (bytes.includes(0)) throw refused(415, 'unsupported_document_type', '这不是文本文件（含有二进制内容）。请上传 .docx 或 .txt 文件。');
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    try {
      return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
    } catch {
      /* not this encoding */
    }
  }
  throw refused(422, 'document_encoding_unknown', '文本文件的编码无法识别（既不是 UTF-8 也不是 GB18030）。请另存为 UTF-8 后再上传。');
}

/** The part of mammoth's document model read here: paragraphs Word numbers itself carry `numbering`. */
interface DocElement {
  type?: string;
  numbering?: unknown;
  children?: DocElement[];
}
const numberedParagraphs = (el: DocElement): number =>
  (el.type === 'paragraph' && el.numbering ? 1 : 0) + (el.children ?? []).reduce((n, c) => n + numberedParagraphs(c), 0);

/**
 * What a .docx may unpack to. A long normative document with its styles is a few megabytes unpacked; images are
 * dropped anyway. Beyond this the file is refused before mammoth inflates it in the API's memory.
 */
export const DOCX_MAX_UNPACKED_BYTES = 64 * 1024 * 1024;
const DOCX_MAX_ENTRIES = 2_000;

async function docxText(bytes: Buffer): Promise<ConvertedDocument> {
  const unpacked = zipUncompressedSize(bytes);
  if (!unpacked) throw refused(422, 'document_unreadable', '无法读取该 Word 文件：文件结构不完整。');
  if (unpacked.bytes > DOCX_MAX_UNPACKED_BYTES || unpacked.entries > DOCX_MAX_ENTRIES) {
    throw refused(422, 'document_too_large', `该 Word 文件解压后过大（${Math.round(unpacked.bytes / 1024 / 1024)} MB，${unpacked.entries} 个部件）。请删去图片等内容后另存再上传。`);
  }
  let numbered = 0;
  let raw: string;
  let messages: Array<{ type: string; message: string }>;
  try {
    ({ value: raw, messages } = await mammoth.extractRawText({ buffer: bytes }));
    // A paragraph Word numbers itself ("第%1条" in a numbering definition) has no number in its text.
    await mammoth.convertToHtml({ buffer: bytes }, { transformDocument: (doc: DocElement) => { numbered = numberedParagraphs(doc); return doc; } });
  } catch (err) {
    throw refused(422, 'document_unreadable', `无法读取该 Word 文件：${(err as Error).message}`);
  }
  const warnings: string[] = [];
  if (numbered) warnings.push(`有 ${numbered} 段使用了 Word 自动编号，编号本身不在转换后的文字中，请核对条款编号。`);
  if (messages.some((m) => m.type === 'error')) warnings.push('文件中有部分内容无法读取，请与原文核对。');
  return result(normaliseParagraphs(raw), 'docx', warnings);
}

/**
 * The text of an uploaded file. `name` and `type` (what the browser declared) only help with the message:
 * the bytes decide what the file is.
 */
export async function documentText(bytes: Buffer, declared: { name?: string; type?: string } = {}): Promise<ConvertedDocument> {
  const name = (declared.name ?? '').toLowerCase();
  if (!bytes.length) throw refused(422, 'document_empty', '文件是空的。');
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    if (name && !name.endsWith('.docx')) throw refused(415, 'unsupported_document_type', `不支持该文件类型（${declared.name}）。请上传 .docx（Word）或 .txt 文件。`);
    return docxText(bytes);
  }
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) throw refused(415, 'unsupported_document_type', '不支持旧版 Word 文件（.doc）。请在 Word 中另存为 .docx 后上传。');
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) throw refused(415, 'unsupported_document_type', '不支持 PDF 文件（其中的文字无法可靠地还原条款结构）。请上传 .docx 或 .txt 文件。');
  if (name && !/\.(txt|text|md)$/.test(name)) throw refused(415, 'unsupported_document_type', `不支持该文件类型（${declared.name}）。请上传 .docx（Word）或 .txt 文件。`);
  const { text, encoding } = decodeText(bytes);
  return result(normaliseParagraphs(text), 'txt', [], encoding);
}
