import type { PrismaClient } from '../../prisma/generated/client';
import type { HolidayCalendar } from '../../domain/calendar';
import { matterProjection, PROJECTION_REVISION, type MatterState, type ProcedureConfig, parseMatterState } from '../../domain/procedure';

const BATCH = 500;

/**
 * Recomputes the derived projection columns (next obligation due, whose turn) of rows written before their
 * current meaning — e.g. a nextDueAt that counted the minimum review time as due. Runs once per row: the
 * row is updated only while its revision is still old, so an action stored meanwhile (which writes the
 * current revision) is never overwritten. Returns how many rows it brought up to date.
 *
 * A row whose state is not a matter state (edited by hand, truncated) is left as it is and reported through
 * `onUnreadable`: one bad row must not keep the API from starting (its matter's own reads answer for it).
 */
export async function refreshStaleProjections(prisma: PrismaClient, config: ProcedureConfig, calendar: HolidayCalendar, onUnreadable: (matterId: string, err: unknown) => void = () => {}): Promise<number> {
  let updated = 0;
  let cursor: string | undefined;
  for (;;) {
    const rows = await prisma.matter.findMany({
      where: { projectionRev: { lt: PROJECTION_REVISION } },
      select: { id: true, state: true },
      orderBy: { id: 'asc' },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (!rows.length) return updated;
    for (const row of rows) {
      if (row.state === null) continue;
      let state: MatterState;
      try {
        state = parseMatterState(row.state, row.id);
      } catch (err) {
        onUnreadable(row.id, err);
        continue;
      }
      const p = matterProjection(state, config, calendar);
      const res = await prisma.matter.updateMany({
        where: { id: row.id, projectionRev: { lt: PROJECTION_REVISION } },
        data: { nextDueAt: p.nextDueAt ? new Date(p.nextDueAt) : null, awaitingRoles: p.awaitingRoles, awaitingUserIds: p.awaitingUserIds, projectionRev: PROJECTION_REVISION },
      });
      updated += res.count;
    }
    cursor = rows[rows.length - 1]!.id;
  }
}
