/**
 * Statistics for the legal unit and auditors, computed purely from what is on record: each matter's state
 * and the stage changes its trail records. Time spent per stage and kind (median and 90th percentile of
 * completed stays), whose turn it is now and what is overdue, whether the statutory times were respected
 * (the minimum review time before the meeting, the review time limit, 备案 and archiving on time), and
 * counts per drafting unit and per month (Beijing time).
 */

import type { HolidayCalendar } from '../calendar';
import { deadlines, nextObligationDue } from '../procedure/deadlines';
import { isAfterPeriod, ms, periodEnd } from '../procedure/time';
import { whoseTurn } from '../procedure/whoseTurn';
import { TERMINAL_STAGES, type MatterKind, type MatterState, type Role, type Stage } from '../procedure/types';
import type { ProcedureConfig } from '../procedure/config';

export interface MatterFacts {
  id: string;
  state: MatterState;
  /** Stage changes in order, the first being the registration (stage research). */
  stageChanges: Array<{ at: string; stage: Stage }>;
}

export interface StageTime {
  stage: Stage;
  kind: MatterKind;
  /** Completed stays (a matter may pass a stage more than once: each stay counts). */
  stays: number;
  medianSeconds: number;
  p90Seconds: number;
  /** Matters in the stage now, and how long the longest has been there. */
  current: number;
  longestCurrentSeconds: number | null;
}

export interface ComplianceCheck {
  /** Cases where the rule could be checked. */
  checked: number;
  met: number;
  /** Matters where it was not met (ids), for follow-up. */
  missed: string[];
  /** Obligations still open whose time has passed. */
  overdueOpen?: number;
}

export interface Statistics {
  generatedAt: string;
  totals: { matters: number; open: number; finished: number; stopped: number; overdue: number };
  stageTimes: StageTime[];
  /** Open matters by whose turn it is (a matter awaiting two roles counts for both). */
  turns: Array<{ role: Role; matters: number; overdue: number }>;
  overdueByStage: Array<{ stage: Stage; matters: number }>;
  compliance: {
    minimumReviewTime: ComplianceCheck;
    legalityTimeLimit: ComplianceCheck;
    filingOnTime: ComplianceCheck;
    archiveOnTime: ComplianceCheck;
  };
  byDraftingUnit: Array<{ draftingUnit: string; registered: number; open: number; finished: number; stopped: number; overdue: number; medianDaysToClose: number | null }>;
  byMonth: Array<{ month: string; registered: number; finished: number; stopped: number }>;
}

const SUCCESS: readonly Stage[] = ['issued', 'decided'];

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

const seconds = (fromIso: string, toIso: string) => Math.max(0, Math.round((ms(toIso) - ms(fromIso)) / 1000));
/** YYYY-MM of an instant on the Beijing calendar. */
const monthCn = (iso: string) => new Date(ms(iso) + 8 * 3_600_000).toISOString().slice(0, 7);

function check(): ComplianceCheck {
  return { checked: 0, met: 0, missed: [] };
}

function record(c: ComplianceCheck, id: string, met: boolean): void {
  c.checked += 1;
  if (met) c.met += 1;
  else c.missed.push(id);
}

/** Null when the period cannot be computed (a year without holiday data): such a case is not judged. */
function safeEnd(...args: Parameters<typeof periodEnd>): string | null {
  try {
    return periodEnd(...args);
  } catch {
    return null;
  }
}

export function matterStatistics(matters: readonly MatterFacts[], config: ProcedureConfig, cal: HolidayCalendar, now: string): Statistics {
  const stays = new Map<string, number[]>();
  const current = new Map<string, number[]>();
  const turns = new Map<Role, { matters: number; overdue: number }>();
  const overdueByStage = new Map<Stage, number>();
  const units = new Map<string, Statistics['byDraftingUnit'][number] & { closeDays: number[] }>();
  const months = new Map<string, Statistics['byMonth'][number]>();
  const compliance = { minimumReviewTime: check(), legalityTimeLimit: check(), filingOnTime: { ...check(), overdueOpen: 0 }, archiveOnTime: { ...check(), overdueOpen: 0 } };
  const totals = { matters: matters.length, open: 0, finished: 0, stopped: 0, overdue: 0 };
  const month = (m: string) => months.get(m) ?? months.set(m, { month: m, registered: 0, finished: 0, stopped: 0 }).get(m)!;

  for (const m of matters) {
    const s = m.state;
    const kindConfig = config.kinds[s.kind];
    const terminal = TERMINAL_STAGES.includes(s.stage);
    const finished = SUCCESS.includes(s.stage);
    const unit = units.get(s.draftingUnit) ?? units.set(s.draftingUnit, { draftingUnit: s.draftingUnit, registered: 0, open: 0, finished: 0, stopped: 0, overdue: 0, medianDaysToClose: null, closeDays: [] }).get(s.draftingUnit)!;
    unit.registered += 1;
    month(monthCn(s.registeredAt)).registered += 1;
    if (!terminal) {
      totals.open += 1;
      unit.open += 1;
    } else {
      const closedAt = s.closure?.at ?? m.stageChanges[m.stageChanges.length - 1]?.at ?? s.registeredAt;
      if (finished) {
        totals.finished += 1;
        unit.finished += 1;
        month(monthCn(closedAt)).finished += 1;
      } else {
        totals.stopped += 1;
        unit.stopped += 1;
        month(monthCn(closedAt)).stopped += 1;
      }
      unit.closeDays.push(seconds(s.registeredAt, closedAt) / 86_400);
    }

    // Time per stage: each stay from one stage change to the next; the last one is open unless terminal.
    m.stageChanges.forEach((c, i) => {
      if (TERMINAL_STAGES.includes(c.stage)) return;
      const key = `${c.stage}|${s.kind}`;
      const next = m.stageChanges[i + 1];
      if (next) (stays.get(key) ?? stays.set(key, []).get(key)!).push(seconds(c.at, next.at));
      else if (!terminal) (current.get(key) ?? current.set(key, []).get(key)!).push(seconds(c.at, now));
    });

    // Whose turn and what is overdue, for open matters.
    if (!terminal) {
      let clocks: ReturnType<typeof deadlines> = [];
      try {
        clocks = deadlines(s, config, cal);
      } catch {
        clocks = [];
      }
      const due = nextObligationDue(clocks);
      const overdue = due !== null && ms(due) < ms(now);
      if (overdue) {
        totals.overdue += 1;
        unit.overdue += 1;
        overdueByStage.set(s.stage, (overdueByStage.get(s.stage) ?? 0) + 1);
      }
      for (const d of whoseTurn(s, config, clocks)) {
        const late = d.deadline?.dueAt ? ms(d.deadline.dueAt) < ms(now) : false;
        for (const role of d.roles) {
          const t = turns.get(role) ?? turns.set(role, { matters: 0, overdue: 0 }).get(role)!;
          t.matters += 1;
          if (late) t.overdue += 1;
        }
      }
    }

    // 713号令第26条: the deciding meeting not before the minimum review time had run.
    const meeting = s.meeting.records[s.meeting.records.length - 1];
    const min = kindConfig.legalityReviewMinimum;
    if (meeting && min && s.legality.startedAt) {
      const end = safeEnd(s.legality.startedAt, min, s.legality.pauses, cal);
      if (end) record(compliance.minimumReviewTime, m.id, isAfterPeriod(meeting.heldAt, end, min));
    }
    // The review concluded within its time limit (clock stops excluded).
    const conclusion = s.legality.conclusion;
    const limit = kindConfig.legalityReviewTimeLimit;
    if (conclusion && limit && s.legality.startedAt) {
      const end = safeEnd(s.legality.startedAt, limit, s.legality.pauses, cal);
      if (end) record(compliance.legalityTimeLimit, m.id, ms(conclusion.concludedAt) <= ms(end));
    }
    // 备案 within its period from publication; archiving within its period from signing (or the decision).
    const p = s.postDecision;
    if (p.publication && s.kind === 'normative_document') {
      const end = safeEnd(p.publication.at, kindConfig.filingDeadline, [], cal);
      if (end && p.filing) record(compliance.filingOnTime, m.id, ms(p.filing.at) <= ms(end));
      else if (end && ms(end) < ms(now)) compliance.filingOnTime.overdueOpen += 1;
    }
    const archiveFrom = p.signing?.at ?? (s.kind === 'collective_matter' ? s.decision?.decidedAt : undefined);
    if (archiveFrom) {
      const end = safeEnd(archiveFrom, kindConfig.archiveDeadline, [], cal);
      if (end && p.archive) record(compliance.archiveOnTime, m.id, ms(p.archive.at) <= ms(end));
      else if (end && ms(end) < ms(now)) compliance.archiveOnTime.overdueOpen += 1;
    }
  }

  const keys = [...new Set([...stays.keys(), ...current.keys()])].sort();
  const stageTimes: StageTime[] = keys.map((key) => {
    const [stage, kind] = key.split('|') as [Stage, MatterKind];
    const done = [...(stays.get(key) ?? [])].sort((a, b) => a - b);
    const open = current.get(key) ?? [];
    return {
      stage, kind, stays: done.length, medianSeconds: percentile(done, 50), p90Seconds: percentile(done, 90),
      current: open.length, longestCurrentSeconds: open.length ? Math.max(...open) : null,
    };
  });
  return {
    generatedAt: now,
    totals,
    stageTimes,
    turns: [...turns.entries()].map(([role, t]) => ({ role, ...t })).sort((a, b) => b.matters - a.matters),
    overdueByStage: [...overdueByStage.entries()].map(([stage, n]) => ({ stage, matters: n })),
    compliance,
    byDraftingUnit: [...units.values()].map(({ closeDays, ...u }) => {
      const sorted = closeDays.sort((a, b) => a - b);
      return { ...u, medianDaysToClose: sorted.length ? Math.round(percentile(sorted, 50) * 10) / 10 : null };
    }).sort((a, b) => b.registered - a.registered),
    byMonth: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
  };
}

/** Stage changes from trail entries: the registration and every entry whose `after` records a new stage. */
export function stageChangesFromTrail(entries: ReadonlyArray<{ at: string; after: unknown }>): MatterFacts['stageChanges'] {
  const out: MatterFacts['stageChanges'] = [];
  for (const e of entries) {
    const stage = e.after && typeof e.after === 'object' && 'stage' in e.after ? (e.after as { stage?: unknown }).stage : undefined;
    if (typeof stage === 'string' && out[out.length - 1]?.stage !== stage) out.push({ at: e.at, stage: stage as Stage });
  }
  return out;
}
