import { z } from 'zod';
import { positiveInt, resourceId } from '../http/params';
import { defineRoute, type AnyRoute } from '../http/route';
import { notFound } from '../http/problem';
import { readableMatter } from '../matters/matterService';
import { verifySignOff } from '../../domain/evidence';
import type { ApiDeps } from '../deps';

const params = z.object({ id: resourceId(100), signOffId: resourceId(300) });

const signOffView = z.object({
  id: z.string(), matterId: z.string(), lawyerId: z.string(), versionNumber: z.number(), versionHash: z.string(), outcome: z.string(),
  opinionText: z.string(), signedAt: z.string(), signature: z.string(), publicKey: z.string(), void: z.boolean(), voidedAt: z.string().nullable(), voidedByVersion: z.number().nullable(),
});

/** Lawyers' signed opinions, and their verification by anyone who may read the matter. */
export function signOffRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/api/v1/matters/:id/signoffs', summary: 'The lawyers\' signed opinions on a matter (void ones included)', tags: ['sign-offs'], auth: true,
      params: z.object({ id: resourceId(100) }),
      responses: { 200: { description: 'Sign-offs', schema: z.object({ items: z.array(signOffView) }) } },
      handler: async ({ params: p, principal }) => {
        await readableMatter(deps, principal!, p.id);
        const rows = await deps.db.prisma.signOff.findMany({ where: { matterId: p.id }, orderBy: { signedAt: 'asc' } });
        return { items: rows.map(view) };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/matters/:id/signoffs/:signOffId/verify', summary: 'Verify a sign-off: the signature, and that it covers the stored text of the version it names', tags: ['sign-offs'], auth: true, params,
      query: z.object({ versionNumber: positiveInt().optional().describe('Check the signature against this version instead of the one it names') }),
      responses: { 200: { description: 'Verdict', schema: z.object({ valid: z.boolean(), signatureValid: z.boolean(), textMatches: z.boolean(), void: z.boolean(), checkedVersion: z.number(), reason: z.string().nullable() }) } },
      handler: async ({ params: p, query, principal }) => {
        await readableMatter(deps, principal!, p.id, 'verify_signature');
        const s = await deps.db.prisma.signOff.findFirst({ where: { id: p.signOffId, matterId: p.id } });
        if (!s) throw notFound('Sign-off');
        const checkedVersion = query.versionNumber ?? s.versionNumber;
        const version = await deps.db.prisma.matterVersion.findUnique({ where: { matterId_number: { matterId: p.id, number: checkedVersion } } });
        if (!version) throw notFound('Version');
        return { ...verifySignOff(s, version), void: s.voidedAt !== null };
      },
    }),
  ];
}

function view(s: { id: string; matterId: string; lawyerId: string; versionNumber: number; versionHash: string; outcome: string; opinionText: string; signedAt: Date; signature: string; publicKey: string; voidedAt: Date | null; voidedByVersion: number | null }) {
  return { ...s, signedAt: s.signedAt.toISOString(), void: s.voidedAt !== null, voidedAt: s.voidedAt?.toISOString() ?? null };
}
