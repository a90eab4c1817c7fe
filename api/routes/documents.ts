import type { Request } from 'express';
import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../http/route';
import { ProblemError } from '../http/problem';
import { documentText, DOCX_TYPE } from '../documents/documentText';
import type { ApiDeps } from '../deps';

/** "10mb" → bytes (the configuration's size syntax). */
export function sizeInBytes(size: string): number {
  const m = /^(\d+)(b|kb|mb)$/i.exec(size);
  if (!m) throw new Error(`not a size: ${size}`);
  return Number(m[1]) * { b: 1, kb: 1024, mb: 1024 * 1024 }[m[2]!.toLowerCase() as 'b' | 'kb' | 'mb'];
}

/** The request body as bytes, refusing (413) as soon as it grows past the limit instead of buffering it all. */
async function readBody(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const tooLarge = (limit: number) =>
  new ProblemError(413, '文件过大', { detail: `文件超过上限 ${Math.round(limit / 1024 / 1024)} MB。`, code: 'document_too_large', errors: [{ field: 'body', message: `must be at most ${limit} bytes` }] });

const converted = z.object({
  text: z.string(),
  format: z.enum(['docx', 'txt']),
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'gb18030']).optional(),
  paragraphs: z.number().int(),
  articles: z.number().int(),
  warnings: z.array(z.string()),
});

/**
 * Uploading a document: the file's bytes in, its text out. Nothing is stored — the text becomes a version
 * only when the person submits it (registration or 提交新版本), through the same path as typed text.
 */
export function documentRoutes(deps: ApiDeps): AnyRoute[] {
  const limit = sizeInBytes(deps.config.DOCUMENT_UPLOAD_LIMIT);
  return [
    defineRoute({
      method: 'post', path: '/api/v1/documents/text', summary: 'The text of an uploaded .docx or .txt (UTF-8 or GB18030), one paragraph per line; nothing is stored', tags: ['matters'], auth: true,
      rawBody: { contentTypes: [DOCX_TYPE, 'text/plain', 'application/octet-stream'], description: 'The file\'s bytes; the file name in the X-Filename header (URI-encoded)' },
      headers: [{ name: 'X-Filename', description: 'The uploaded file\'s name, URI-encoded (used to explain a refusal)' }],
      responses: {
        200: { description: 'The text', schema: converted },
        413: { description: 'Larger than DOCUMENT_UPLOAD_LIMIT' },
        415: { description: 'Not a .docx or text file' },
        422: { description: 'Unreadable, empty or in an unknown encoding' },
      },
      handler: async ({ req }) => {
        let name: string | undefined;
        try {
          name = req.get('x-filename') ? decodeURIComponent(req.get('x-filename')!) : undefined;
        } catch {
          name = undefined; // a malformed name only loses the name in a message
        }
        return documentText(await readBody(req, limit), { name, type: req.get('content-type') });
      },
    }),
  ];
}
