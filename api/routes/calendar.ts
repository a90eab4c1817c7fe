import { z } from 'zod';
import { addWorkingDays, CalendarYearMissingError, HolidayYearInvalidError, provisionalYearsBetween, type HolidayCalendar } from '../../domain/calendar';
import { authorize } from '../../domain/permissions';
import { defineRoute, type AnyRoute } from '../http/route';
import { forbidden, ProblemError } from '../http/problem';
import type { ApiDeps } from '../deps';
import { CalendarStore } from '../calendar/calendarStore';
import { recordAdminEvent } from '../admin/adminEvents';
import { calendarDay, line, matterProjection, TERMINAL_STAGES, type MatterState, parseMatterState } from '../../domain/procedure';
import { calendarSignal } from '../../workflows/definitions';

/**
 * A year's notice as the edge takes it: the text fields with the project's text checks (bounded, no control
 * characters — they are stored and printed) and the lists bounded (a year has about seven holidays and as
 * many make-up days). The shape and the dates stay the calendar parser's to check (domain/calendar, kept
 * free of zod), so fields are optional here and unknown ones pass on to be refused by it by name.
 */
const holidayYearBody = z.looseObject({
  year: z.unknown().optional(),
  notice: line(300).optional().describe('The State Council notice: 文号 and date'),
  off: z.array(z.looseObject({ name: line(100).optional() })).max(60).optional().describe('{from, to, name} ranges (放假)'),
  makeupWorkdays: z.array(z.unknown()).max(60).optional().describe('Dates as YYYY-MM-DD (调休上班)'),
  remarks: z.array(line(1000)).max(50).optional(),
});

/**
 * Running matters keep the calendar they started with (determinism); a newly loaded year is handed to each
 * open matter's workflow so its clocks reaching into that year are recomputed on the notice (replacing a
 * provisional year). The list projection (next obligation due, whose turn) is recomputed here on the same
 * calendar, so the work lists do not wait for the matter's next action to reflect the notice.
 */
async function propagateToOpenMatters(deps: ApiDeps, years: Awaited<ReturnType<ApiDeps['calendars']['years']>>, cal: HolidayCalendar): Promise<number> {
  const open = await deps.db.prisma.matter.findMany({ where: { stage: { notIn: [...TERMINAL_STAGES] } }, select: { id: true, workflowId: true, state: true } });
  await Promise.all(
    open.map(async (m) => {
      await deps.temporal.workflow.getHandle(m.workflowId).signal(calendarSignal, years).catch((err: Error) =>
        deps.log.warn({ matterId: m.id, err: err.message }, 'could not hand the new holiday year to the matter'),
      );
      if (m.state === null) return;
      const state = parseMatterState(m.state, m.id);
      const p = matterProjection(state, deps.procedureConfig, cal);
      await deps.db.prisma.matter.update({
        where: { id: m.id },
        data: { nextDueAt: p.nextDueAt === null ? null : new Date(p.nextDueAt), awaitingRoles: p.awaitingRoles, awaitingUserIds: p.awaitingUserIds },
      });
    }),
  );
  return open.length;
}

function calendarYearMissing(err: CalendarYearMissingError): ProblemError {
  return new ProblemError(422, `No holiday data for ${err.year}`, {
    detail: `${err.message}. An admin must load it (PUT /api/v1/calendar/years/${err.year}).`,
    code: 'calendar_year_missing',
  });
}

const isoDay = calendarDay();

/**
 * The statutory working-day calendar. Reading it needs no login: it is the State Council's published
 * schedule and touches no matter.
 */
export function calendarRoutes(deps: ApiDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/api/v1/calendar/working-days',
      summary: 'The N-th working day after a date (weekends, days off and 调休上班 applied); provisional when it reads a year computed from the 放假办法 for want of its notice',
      tags: ['calendar'], auth: false,
      query: z.object({ from: isoDay, add: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(0, 'must be 0 or more').max(3650) }),
      responses: {
        200: {
          description: 'Due date',
          schema: z.object({
            due: z.string(),
            provisional: z.boolean().describe('true when the count read a provisional year (no State Council notice loaded yet): the notice\'s 调休 may move the date'),
          }),
        },
      },
      handler: async ({ query }) => {
        const cal = await deps.calendars.calendar();
        try {
          const due = addWorkingDays(query.from, query.add, cal);
          return { due, provisional: provisionalYearsBetween(cal, query.from, due).length > 0 };
        } catch (err) {
          if (err instanceof CalendarYearMissingError) throw calendarYearMissing(err);
          throw err;
        }
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/calendar/years', summary: 'Years with holiday data: the official notices (items) and the provisional years computed from the 放假办法', tags: ['calendar'], auth: false,
      responses: { 200: { description: 'Years', schema: z.object({ items: z.array(z.record(z.string(), z.unknown())), provisional: z.array(z.record(z.string(), z.unknown())) }) } },
      handler: async () => ({ items: await deps.calendars.years(), provisional: [...((await deps.calendars.calendar()).provisional?.values() ?? [])] }),
    }),
    defineRoute({
      method: 'put', path: '/api/v1/calendar/years/:year', summary: 'Load a year\'s official holiday notice (admin)', tags: ['calendar'], auth: true,
      params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
      body: holidayYearBody,
      responses: { 200: { description: 'Loaded', schema: z.record(z.string(), z.unknown()) } },
      handler: async ({ req, params, body, principal }) => {
        const verdict = authorize(principal!, 'manage_calendar');
        if (!verdict.allowed) throw forbidden(verdict.reason);
        if (body.year !== undefined && body.year !== params.year) throw new ProblemError(400, 'Invalid body.year: must match the year in the path', { code: 'invalid_input', errors: [{ field: 'body.year', message: 'must match the path' }] });
        try {
          // Stored with its admin event in one transaction: the notice moves every working-day clock, and its row
          // keeps only the last loader.
          const year = await deps.db.prisma.$transaction(async (tx) => {
            const replaced = (await tx.holidayYear.findUnique({ where: { year: params.year }, select: { year: true } })) !== null;
            const loaded = await new CalendarStore(tx, 0).load({ ...body, year: params.year }, principal!.userId);
            await recordAdminEvent(tx, {
              type: 'calendar_year_loaded', actorId: principal!.userId, target: `calendar_year:${loaded.year}`, requestId: req.id,
              data: { year: loaded.year, notice: loaded.notice, replaced, offRanges: loaded.off.length, makeupWorkdays: loaded.makeupWorkdays.length },
            });
            return loaded;
          });
          deps.calendars.forget();
          const openMatters = await propagateToOpenMatters(deps, await deps.calendars.years(), await deps.calendars.calendar());
          return { ...year, openMattersNotified: openMatters };
        } catch (err) {
          if (err instanceof HolidayYearInvalidError) {
            // The field named as every other 400 names it (body.off.0.from, as the schema's own errors do), not off[0].from.
            const field = `body.${err.field.replace(/\[(\d+)\]/g, '.$1')}`;
            throw new ProblemError(400, `Invalid ${field}: ${err.message}`, { code: 'invalid_input', errors: [{ field, message: err.message }] });
          }
          throw err;
        }
      },
    }),
  ];
}
