import { z } from 'zod';
import { legalityCodes, legalityPrescreen, LEGALITY_RULESET_VERSION } from '../../domain/legality';
import { breachedProvision } from '../../domain/legality/explain';
import { line } from '../../domain/procedure';
import { defineRoute, type AnyRoute } from '../http/route';
import { fingerprintSchema, prescreenTextSchema } from './prescreenInput';

const findingSchema = z.object({
  code: z.enum(['LR-LICENCE', 'LR-PENALTY', 'LR-COMPULSION', 'LR-FEE', 'LR-OBLIGATION']),
  start: z.number().describe('JS string index of the wording; excerpt === text.slice(start, end)'),
  end: z.number(),
  excerpt: z.string(),
  explanation: z.string(),
  basis: z.string().describe('The provision the wording would breach, e.g. 《中华人民共和国行政许可法》第十七条'),
  basisText: z.string().describe('That provision as the shipped law text words it'),
  confidence: z.enum(['high', 'medium', 'low']),
  clause: z.string().optional().describe('The innermost 条/款/项 holding the wording'),
});

export const registerEntrySchema = z.object({
  clause: line(60).describe("The clause's label as the pre-screen names it: 第五条, 第五条第二款, 第八条（三）"),
  law: line(60).describe('The law or administrative regulation: 旅游法, 中华人民共和国旅游法, 娱乐场所管理条例'),
  article: z.number().int().min(1).max(999),
  paragraph: z.number().int().min(1).max(99).optional(),
  item: z.number().int().min(1).max(99).optional(),
});

/**
 * Legality review (合法性审核): the automated legality pre-screen of any text and the catalogue of what it
 * looks for. Neither touches matter data; the catalogue needs no login, the pre-screen does (like the
 * fair-competition one), because screening a large text costs the API over a second of CPU.
 */
export function legalityRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'post', path: '/api/v1/legality/prescreen', summary: 'Pre-screen a text for licences, penalties, compulsion, fees and duties a normative document may not create', tags: ['legality'],
      // Synchronous and CPU-bound (over a second for the largest text): only for logged-in people.
      auth: true,
      body: z.strictObject({
        text: prescreenTextSchema,
        register: z.array(registerEntrySchema).max(500).optional().describe('Clause-level legal-basis register: the basis the drafter gives for a clause'),
      }),
      responses: { 200: { description: 'Findings per 条/款/项 with the exact span, the provision breached (from the shipped law texts) and a plain explanation', schema: z.object({ ruleSetVersion: z.string(), fingerprint: fingerprintSchema, findings: z.array(findingSchema) }) } },
      handler: ({ body }) => legalityPrescreen(body.text, { register: body.register }),
    }),
    defineRoute({
      method: 'get', path: '/api/v1/legality/codes', summary: 'What the legality pre-screen looks for, with the provisions each code would breach', tags: ['legality'], auth: false,
      responses: { 200: { description: 'The codes', schema: z.object({ ruleSetVersion: z.string(), codes: z.array(z.object({ code: z.string(), checklist: z.string(), title: z.string(), description: z.string(), basis: z.string(), basisText: z.string() })) }) } },
      handler: () => ({
        ruleSetVersion: LEGALITY_RULESET_VERSION,
        codes: legalityCodes().map((c) => {
          const q = breachedProvision(c.code);
          return { code: c.code, checklist: c.checklist, title: c.title, description: c.description, basis: q.citation, basisText: q.text };
        }),
      }),
    }),
  ];
}
