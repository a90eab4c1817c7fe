/**
 * The derived columns of a matter's database projection, written with every action: the next obligation
 * due and whose turn it is. The workflow computes them for the activity that stores an action; the API
 * recomputes rows written before these columns existed. One function, so both agree.
 */

import type { HolidayCalendar } from '../calendar';
import type { ProcedureConfig } from './config';
import { deadlines, nextObligationDue } from './deadlines';
import { awaitedParties, whoseTurn } from './whoseTurn';
import type { MatterState, Role } from './types';
import { warningCodes } from './warnings';

/** Bump when what the derived columns mean changes: rows with an older revision are recomputed at start. */
export const PROJECTION_REVISION = 1;

export interface MatterProjection {
  nextDueAt: string | null;
  awaitingRoles: Role[];
  awaitingUserIds: string[];
}

export function matterProjection(state: MatterState, config: ProcedureConfig, calendar: HolidayCalendar): MatterProjection {
  // A year without holiday data is a clock without a due date (deadlines() says so per clock), never a guess.
  const clocks = deadlines(state, config, calendar);
  const awaited = awaitedParties(whoseTurn(state, config, clocks));
  return { nextDueAt: nextObligationDue(clocks), awaitingRoles: awaited.roles, awaitingUserIds: awaited.userIds };
}

/** The matter row's columns that repeat parts of its state (for lists and filters), as stored with each action. */
export interface StateColumns {
  title: string;
  flags: string[];
  stage: string;
  currentVersion: number;
  warnings: string[];
  assignedLawyerId: string | null;
  fcrReviewerId: string | null;
}

export function stateColumns(state: MatterState): StateColumns {
  return {
    title: state.title,
    flags: state.flags,
    stage: state.stage,
    currentVersion: state.versions.length,
    warnings: warningCodes(state),
    assignedLawyerId: state.legality.lawyerId,
    fcrReviewerId: state.fairCompetition.reviewerId,
  };
}
