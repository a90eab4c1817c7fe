import { z } from 'zod';
import { resourceId } from '../http/params';
import crypto from 'node:crypto';
import { line, oneOf, ROLE_LABELS, type Role } from '../../domain/procedure';
import { authorize } from '../../domain/permissions';
import { defineRoute, type AnyRoute } from '../http/route';
import { forbidden, notFound, ProblemError } from '../http/problem';
import { hashPassword } from '../auth/passwords';
import { newPassword, temporaryWhenSet } from '../auth/passwordRules';
import { requestOrigin } from '../http/requestOrigin';
import { revokeAllTokens } from '../auth/tokens';
import { LoginThrottle } from '../auth/loginThrottle';
import { generateSigningKey } from '../../platform/signingKeys';
import { BUREAU_ID, LAW_FIRM_ID } from '../people/demoPeople';
import type { ApiDeps } from '../deps';
import type { Principal } from '../auth/principal';
import type { User } from '../../prisma/generated/client';
import type { AdminEventData } from '../../domain/evidence';
import { recordAdminEvent } from '../admin/adminEvents';

const ROLES = Object.keys(ROLE_LABELS) as Role[];
const day = z.iso.date();
/**
 * Roles are a set: a repeated one is dropped before it is stored or compared, so ["drafter", "drafter"]
 * replacing ["drafter", "auditor"] is seen (and revokes sessions) as the change it is.
 */
const roleSet = z.array(oneOf(ROLES)).min(1).max(ROLES.length * 2).transform((roles) => [...new Set(roles)])
  // Separation of duties: whoever administers people holds no role in a review, else they could grant themselves one
  // (the legal unit's, an auditor's) and act on or audit reviews they set up (domain authorize refuses it too).
  .refine((roles) => !roles.includes('admin') || roles.length === 1, 'an administrator\'s account holds no other role');
const sameRoleSet = (a: readonly string[], b: readonly string[]) => {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((r) => right.has(r));
};
/** What a PATCH changed, field by field, for the admin record (a new password as a fact, never a value). */
function userChanges(before: User, after: User, passwordReset: boolean): AdminEventData<'user_changed'>['changes'] {
  const changes: AdminEventData<'user_changed'>['changes'] = {};
  if (before.displayName !== after.displayName) changes.displayName = { from: before.displayName, to: after.displayName };
  if (!sameRoleSet(before.roles, after.roles)) changes.roles = { from: before.roles, to: after.roles };
  if (before.sectionId !== after.sectionId) changes.sectionId = { from: before.sectionId, to: after.sectionId };
  if (before.active !== after.active) changes.active = { from: before.active, to: after.active };
  if (before.contractFrom !== after.contractFrom) changes.contractFrom = { from: before.contractFrom, to: after.contractFrom };
  if (before.contractTo !== after.contractTo) changes.contractTo = { from: before.contractTo, to: after.contractTo };
  if (before.legalQualification !== after.legalQualification) changes.legalQualification = { from: before.legalQualification, to: after.legalQualification };
  if (passwordReset) changes.passwordReset = true;
  return changes;
}
const noSuchSection = () => new ProblemError(400, 'Invalid body.sectionId: no such section', { code: 'invalid_input', errors: [{ field: 'body.sectionId', message: 'no such section' }] });

const userBody = z.strictObject({
  username: z.string().trim().min(2).max(100).regex(/^[\w.-]+$/, 'letters, digits, _ . - only'),
  displayName: line(200),
  password: newPassword.describe('The initial password; the person may change it (POST /api/v1/auth/password)'),
  roles: roleSet,
  sectionId: line(100).nullable().default(null),
  lawFirm: z.boolean().default(false).describe('A retained lawyer of the law firm (else a bureau member)'),
  contractFrom: day.optional(),
  contractTo: day.optional(),
  legalQualification: z.boolean().default(false).describe('法律职业资格 (行政处罚法第58条第2款): may take on the 法制审核 of enforcement decisions'),
});
const userPatch = z.strictObject({
  displayName: line(200).optional(),
  password: newPassword.optional().describe('Set for someone else, temporary: every session of theirs ends and they must change it at their next login'),
  roles: roleSet.optional(),
  sectionId: line(100).nullable().optional(),
  active: z.boolean().optional(),
  contractFrom: day.nullable().optional(),
  contractTo: day.nullable().optional(),
  legalQualification: z.boolean().optional().describe('法律职业资格 (行政处罚法第58条第2款)'),
});

const userView = (u: { id: string; username: string; displayName: string; roles: string[]; sectionId: string | null; organisationId: string; active: boolean; contractFrom: string | null; contractTo: string | null; signingPublicKey: string | null; demo: boolean; legalQualification: boolean; passwordChangeRequired: boolean }) => ({
  id: u.id, username: u.username, displayName: u.displayName, roles: u.roles, sectionId: u.sectionId, organisationId: u.organisationId, active: u.active,
  contractFrom: u.contractFrom, contractTo: u.contractTo, signingPublicKey: u.signingPublicKey, demo: u.demo, legalQualification: u.legalQualification,
  passwordChangeRequired: u.passwordChangeRequired,
});

/** People and roles: admins manage them (and cannot act on a review — the permission table says so). */
export function peopleRoutes(deps: ApiDeps): AnyRoute[] {
  const mustAdmin = (p: Principal) => {
    const v = authorize(p, 'manage_users');
    if (!v.allowed) throw forbidden(v.reason);
  };
  return [
    defineRoute({
      method: 'get', path: '/api/v1/people', summary: 'Directory of active people by role (names and ids only), for choosing a lawyer, reviewer or meeting members', tags: ['people'], auth: true,
      query: z.object({
        role: oneOf(ROLES).optional(),
        includeInactive: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('Also people no longer active (to name who acted in a matter\'s history)'),
      }),
      responses: { 200: { description: 'People', schema: z.object({ items: z.array(z.object({ id: z.string(), displayName: z.string(), roles: z.array(z.string()), sectionId: z.string().nullable(), contractFrom: z.string().nullable(), contractTo: z.string().nullable(), active: z.boolean() })) }) } },
      handler: async ({ query }) => {
        const rows = await deps.db.prisma.user.findMany({ where: { ...(query.includeInactive ? {} : { active: true }), ...(query.role ? { roles: { has: query.role } } : {}) }, orderBy: { username: 'asc' } });
        return { items: rows.map((u) => ({ id: u.id, displayName: u.displayName, roles: u.roles, sectionId: u.sectionId, contractFrom: u.contractFrom, contractTo: u.contractTo, active: u.active })) };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/users', summary: 'List people (admin)', tags: ['people'], auth: true,
      responses: { 200: { description: 'People', schema: z.object({ items: z.array(z.record(z.string(), z.unknown())) }) } },
      handler: async ({ principal }) => {
        mustAdmin(principal!);
        return { items: (await deps.db.prisma.user.findMany({ orderBy: { username: 'asc' } })).map(userView) };
      },
    }),
    defineRoute({
      method: 'post', path: '/api/v1/users', summary: 'Create a person with roles (admin); lawyers get a signing key', tags: ['people'], auth: true, body: userBody,
      responses: { 201: { description: 'Created', schema: z.record(z.string(), z.unknown()) } },
      handler: async ({ req, res, body, principal }) => {
        mustAdmin(principal!);
        if (body.sectionId && !(await deps.db.prisma.section.findUnique({ where: { id: body.sectionId } }))) throw noSuchSection();
        if (await deps.db.prisma.user.findUnique({ where: { username: body.username } })) throw new ProblemError(409, 'Username taken', { code: 'duplicate', errors: [{ field: 'body.username', message: 'is taken' }] });
        const key = body.roles.includes('lawyer') ? generateSigningKey(deps.signingSecret) : null;
        const passwordHash = await hashPassword(body.password);
        const user = await deps.db.prisma.$transaction(async (tx) => {
          const created = await tx.user.create({
          data: {
            id: `user-${crypto.randomUUID()}`, username: body.username, displayName: body.displayName, passwordHash, roles: body.roles,
            organisationId: body.lawFirm ? LAW_FIRM_ID : BUREAU_ID, sectionId: body.sectionId, contractFrom: body.contractFrom ?? null, contractTo: body.contractTo ?? null, legalQualification: body.legalQualification,
            signingPublicKey: key?.publicKeyPem ?? null, signingKeySealed: key?.sealed ?? null,
            // Not forced at creation: an account nobody has used has no one to impersonate (an admin who creates an account
            // to act through it would replace the password first all the same), and the person may change it at any
            // time (POST /api/v1/auth/password). A reset of an account in use is forced (PATCH below).
            passwordChangeRequired: false,
          },
          });
          await recordAdminEvent(tx, { type: 'user_created', actorId: principal!.userId, target: `user:${created.id}`, requestId: req.id, data: { userId: created.id, username: created.username, roles: created.roles, sectionId: created.sectionId, lawFirm: body.lawFirm, origin: requestOrigin(req) } });
          return created;
        });
        res.status(201).json(userView(user));
      },
    }),
    defineRoute({
      method: 'patch', path: '/api/v1/users/:id', summary: 'Change a person\'s roles, section, contract, password or status (admin); deactivating revokes their tokens; a password set for someone else is temporary (they must change it at their next login)', tags: ['people'], auth: true,
      params: z.object({ id: resourceId(200) }), body: userPatch,
      responses: { 200: { description: 'Updated', schema: z.record(z.string(), z.unknown()) } },
      handler: async ({ req, params, body, principal }) => {
        mustAdmin(principal!);
        const existing = await deps.db.prisma.user.findUnique({ where: { id: params.id } });
        if (!existing) throw notFound('User');
        // Nobody changes their own standing: another administrator does, and the admin record shows who.
        const ownStanding = (['roles', 'sectionId', 'active', 'contractFrom', 'contractTo', 'legalQualification'] as const).filter((k) => body[k] !== undefined);
        if (params.id === principal!.userId && ownStanding.length > 0) {
          throw new ProblemError(403, 'Cannot change your own standing', { code: 'SELF_CHANGE', detail: 'an administrator does not change their own roles, section, status or contract; another administrator does', errors: ownStanding.map((k) => ({ field: `body.${k}`, message: 'not on your own account' })) });
        }
        // As on creation: an unknown section is the caller's mistake, named — not the foreign key's 409.
        if (body.sectionId && body.sectionId !== existing.sectionId && !(await deps.db.prisma.section.findUnique({ where: { id: body.sectionId } }))) throw noSuchSection();
        const becomesLawyer = body.roles?.includes('lawyer') && !existing.signingPublicKey;
        const key = becomesLawyer ? generateSigningKey(deps.signingSecret) : null;
        // What a token stands for changed: every session must log in again (with the new password, under the
        // new roles and scope). Deactivation likewise.
        const sameRoles = body.roles === undefined || sameRoleSet(body.roles, existing.roles);
        const revoke = body.active === false || body.password !== undefined || !sameRoles || (body.sectionId !== undefined && body.sectionId !== existing.sectionId);
        const passwordHash = body.password !== undefined ? await hashPassword(body.password) : undefined;
        // Set for someone else, the password is temporary: whoever set it could otherwise log in and act as its
        // holder (a lawyer's sign-off is made with the key the server holds). On one's own account it is not.
        const passwordChangeRequired = body.password !== undefined ? temporaryWhenSet({ setById: principal!.userId, holderId: params.id }) : undefined;
        const user = await deps.db.prisma.$transaction(async (tx) => {
          // The row is updated (and locked) first, so a login in progress either sees the new password or is revoked here.
          const updated = await tx.user.update({
            where: { id: params.id },
            data: {
              ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
              ...(passwordHash !== undefined ? { passwordHash } : {}),
              ...(passwordChangeRequired !== undefined ? { passwordChangeRequired } : {}),
              ...(body.roles !== undefined ? { roles: body.roles } : {}),
              ...(body.sectionId !== undefined ? { sectionId: body.sectionId } : {}),
              ...(body.active !== undefined ? { active: body.active } : {}),
              ...(body.contractFrom !== undefined ? { contractFrom: body.contractFrom } : {}),
              ...(body.contractTo !== undefined ? { contractTo: body.contractTo } : {}),
              ...(body.legalQualification !== undefined ? { legalQualification: body.legalQualification } : {}),
              ...(key ? { signingPublicKey: key.publicKeyPem, signingKeySealed: key.sealed } : {}),
            },
          });
          if (revoke) await revokeAllTokens(tx, params.id);
          await recordAdminEvent(tx, { type: 'user_changed', actorId: principal!.userId, target: `user:${params.id}`, requestId: req.id, data: { userId: params.id, username: existing.username, changes: userChanges(existing, updated, body.password !== undefined), sessionsRevoked: revoke, ...(body.password !== undefined ? { origin: requestOrigin(req) } : {}) } });
          return updated;
        });
        deps.tokens?.forgetUser(params.id); // this instance at once; the others within AUTH_CACHE_TTL_MS
        return userView(user);
      },
    }),
    defineRoute({
      method: 'post', path: '/api/v1/users/:id/unlock', summary: 'Lift the lock that wrong passwords put on a person\'s account (admin)', tags: ['people'], auth: true,
      params: z.object({ id: resourceId(200) }),
      responses: { 200: { description: 'Whether a lock was lifted', schema: z.object({ unlocked: z.boolean() }) } },
      handler: async ({ req, params, principal }) => {
        mustAdmin(principal!);
        const user = await deps.db.prisma.user.findUnique({ where: { id: params.id }, select: { username: true } });
        if (!user) throw notFound('User');
        const unlocked = await deps.db.prisma.$transaction(async (tx) => {
          const lifted = await new LoginThrottle(deps.db).unlock(user.username, tx);
          await recordAdminEvent(tx, { type: 'user_unlocked', actorId: principal!.userId, target: `user:${params.id}`, requestId: req.id, data: { userId: params.id, username: user.username, wasLocked: lifted } });
          return lifted;
        });
        return { unlocked };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/organisations', summary: 'The bureau with its sections and the retained law firm with its contract period', tags: ['people'], auth: true,
      responses: { 200: { description: 'Organisations', schema: z.object({ items: z.array(z.record(z.string(), z.unknown())) }) } },
      handler: async () => ({ items: await deps.db.prisma.organisation.findMany({ include: { sections: true }, orderBy: { id: 'asc' } }) }),
    }),
    defineRoute({
      method: 'patch', path: '/api/v1/organisations/:id', summary: 'Set the law firm\'s retainer period (admin); lawyers can sign only inside it', tags: ['people'], auth: true,
      params: z.object({ id: resourceId(100) }),
      body: z.strictObject({ contractFrom: day.nullable(), contractTo: day.nullable() }).refine((b) => !b.contractFrom || !b.contractTo || b.contractFrom <= b.contractTo, { message: 'must not end before it starts', path: ['contractTo'] }),
      responses: { 200: { description: 'Updated', schema: z.record(z.string(), z.unknown()) } },
      handler: async ({ req, params, body, principal }) => {
        mustAdmin(principal!);
        const org = await deps.db.prisma.organisation.findUnique({ where: { id: params.id } });
        if (!org) throw notFound('Organisation');
        if (org.kind !== 'law_firm') throw new ProblemError(422, 'Only a law firm has a retainer period', { code: 'not_law_firm' });
        return deps.db.prisma.$transaction(async (tx) => {
          const updated = await tx.organisation.update({ where: { id: params.id }, data: { contractFrom: body.contractFrom, contractTo: body.contractTo } });
          await recordAdminEvent(tx, {
            type: 'organisation_changed', actorId: principal!.userId, target: `organisation:${params.id}`, requestId: req.id,
            data: { organisationId: params.id, contractFrom: { from: org.contractFrom, to: updated.contractFrom }, contractTo: { from: org.contractTo, to: updated.contractTo } },
          });
          return updated;
        });
      },
    }),
  ];
}
