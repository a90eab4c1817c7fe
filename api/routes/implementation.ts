import { z } from 'zod';
import { ADJUSTMENT_PURPOSES } from '../../domain/decisions';
import { decide, documentText, FLAGS, implementationOpen, line, oneOf, parseMatterState, prose } from '../../domain/procedure';
import { defineRoute, type AnyRoute } from '../http/route';
import { resourceId } from '../http/params';
import { idempotencyKeyOf } from '../http/idempotency';
import { requestOrigin } from '../http/requestOrigin';
import { actOnMatter, actorOf, createMatter, readableMatter } from '../matters/matterService';
import { refusalProblem } from '../matters/temporalErrors';
import { ProblemError } from '../http/problem';
import type { ApiDeps } from '../deps';

const adjustmentBody = z.strictObject({
  purpose: z.enum(ADJUSTMENT_PURPOSES).describe('adjust: a major adjustment; stop: stopping the decision — both follow the statutory procedure again (713号令第37条)'),
  reason: prose(5000),
  title: line(500),
  flags: z.array(oneOf(FLAGS)).max(5).default([]),
  text: documentText().describe('The draft of the adjusted decision (or of the decision to stop it)'),
});

/**
 * Adjusting or stopping a major decision is a new procedure (713号令第37条): a new matter of the same kind,
 * linked to the original (its `adjusts`), and recorded on the original's trail (`record_adjustment`).
 */
export function implementationRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'post', path: '/api/v1/matters/:id/adjustments', summary: 'Open the procedure that adjusts or stops an issued major decision: registers the new matter (linked) and records it on the original', tags: ['matters'], auth: true,
      params: z.object({ id: resourceId(100) }), body: adjustmentBody,
      responses: { 201: { description: 'The new matter and the original\'s trail entry', schema: z.object({ matterId: z.string(), original: z.object({ matterId: z.string(), trail: z.object({ seq: z.number(), hash: z.string() }), summary: z.string() }) }) } },
      handler: async ({ req, res, params, body, principal }) => {
        const row = await readableMatter(deps, principal!, params.id);
        const original = parseMatterState(row.state, row.id);
        if (!implementationOpen(original)) throw new ProblemError(409, 'Not an issued major decision in implementation', { code: 'not_in_implementation', detail: `${original.kind} at ${original.stage}` });
        // The same rule the workflow applies to record_adjustment, checked before a new matter exists.
        const probe = decide(original, { type: 'record_adjustment', newMatterId: 'probe', purpose: body.purpose, reason: body.reason }, { actor: actorOf(principal!), now: new Date().toISOString(), config: deps.procedureConfig, calendar: await deps.calendars.calendar() });
        if (!probe.ok) throw refusalProblem(probe);
        const key = idempotencyKeyOf(req);
        const created = await createMatter(deps, principal!, {
          title: body.title, kind: original.kind, ...(original.alsoMajorDecision ? { alsoMajorDecision: true } : {}), flags: body.flags, text: body.text,
          draftingUnit: original.draftingUnit, adjusts: { matterId: original.matterId, purpose: body.purpose, reason: body.reason },
        }, { idempotencyKey: key ? `adjust:${key}` : undefined, requestId: req.id, origin: requestOrigin(req) });
        const ctx = (prefix: string) => ({ idempotencyKey: key ? `${prefix}:${key}` : undefined, requestId: req.id, origin: requestOrigin(req) });
        let result;
        try {
          result = await actOnMatter(deps, principal!, original.matterId, { command: { type: 'record_adjustment', newMatterId: created.matter.id, purpose: body.purpose, reason: body.reason } }, ctx('adjust-record'));
        } catch (err) {
          // The original refused the link after the probe passed (another procedure linked in between, or its
          // implementation closed): the new matter would adjust nothing. It is withdrawn by the same person, saying why.
          if (err instanceof ProblemError && err.status < 500) {
            await actOnMatter(deps, principal!, created.matter.id, { command: { type: 'withdraw', reason: `原决策 ${original.matterId} 未登记本程序：${err.message}` } }, ctx('adjust-withdraw')).catch((withdrawal: unknown) => {
              deps.log.warn({ matterId: created.matter.id, error: String(withdrawal) }, 'an adjusting matter the original refused was not withdrawn');
            });
          }
          throw err;
        }
        res.status(201).location(`/api/v1/matters/${created.matter.id}`).json({ matterId: created.matter.id, original: { matterId: original.matterId, trail: result.trail, summary: result.summary } });
      },
    }),
  ];
}
