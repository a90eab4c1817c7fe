import { z } from 'zod';
import { contractRegisterEntry } from '../../domain/contracts';
import { inReadScope, readScope } from '../../domain/permissions';
import { matterAccessOf, parseMatterState } from '../../domain/procedure';
import { defineRoute, type AnyRoute } from '../http/route';
import type { ApiDeps } from '../deps';

const entry = z.object({
  matterId: z.string(), title: z.string(), stage: z.string(),
  status: z.enum(['under_review', 'awaiting_signing', 'in_force', 'closed', 'not_signed', 'withdrawn']),
  contractType: z.string().nullable(), counterparty: z.string().nullable(), value: z.number().nullable(), contractNumber: z.string().nullable(),
  signedAt: z.string().nullable(), signedBeforeReview: z.boolean().describe('Signed before its review cleared it (recorded as it happened: an audit finding)'), termStart: z.string().nullable(), termEnd: z.string().nullable(), conclusion: z.string().nullable(),
  closure: z.object({ outcome: z.string(), note: z.string(), at: z.string() }).nullable(),
}).meta({ id: 'ContractRegisterEntry' });

/** The contract register (合同台账): every contract matter the caller may read, with its counterparty, value, term and status. */
export function contractRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/api/v1/contracts', summary: 'The contract register: contracts reviewed, signed (counterparty, value, term) and closed', tags: ['contracts'], auth: true,
      query: z.object({ status: z.enum(['under_review', 'awaiting_signing', 'in_force', 'closed', 'not_signed', 'withdrawn']).optional() }),
      responses: { 200: { description: 'Register', schema: z.object({ items: z.array(entry) }) } },
      handler: async ({ query, principal }) => {
        const scope = readScope(principal!);
        const rows = await deps.db.prisma.matter.findMany({ where: { kind: 'contract_review' }, select: { id: true, state: true }, orderBy: { createdAt: 'asc' } });
        const items = rows.flatMap((r) => {
          if (r.state === null) return [];
          const state = parseMatterState(r.state, r.id);
          if (!inReadScope(scope, matterAccessOf(state))) return [];
          const e = contractRegisterEntry(state);
          return !query.status || e.status === query.status ? [e] : [];
        });
        return { items };
      },
    }),
  ];
}
