/**
 * Many matters in PostgreSQL at once, for the read-path and scale benchmarks: copies of template matters the
 * real system took through part or all of their procedure, so every projection (state, stage, whose turn,
 * next due date, trail head) is one the code wrote. Each copy gets its own id and workflow id, its versions,
 * and its trail re-hashed under its new id (so it verifies). The copies have no workflow in Temporal: they
 * are read from the projection, which is what the status and list endpoints do.
 */
import crypto from 'node:crypto';
import { Prisma, type Matter, type MatterVersion, type TrailEntry } from '../../prisma/generated/client';
import { entryHash, GENESIS_HASH, hashedFields } from '../../domain/evidence';
import type { Database } from '../../platform/database';

type Template = Matter & { versions: MatterVersion[]; trail: TrailEntry[] };

export async function loadTemplates(db: Database, ids: string[]): Promise<Template[]> {
  return db.prisma.matter.findMany({ where: { id: { in: ids } }, include: { versions: true, trail: { orderBy: { seq: 'asc' } } } });
}

const json = (v: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull => (v === null || v === undefined ? Prisma.DbNull : (v as Prisma.InputJsonValue));

function retarget<T>(value: T, from: string, to: string): T {
  if (value === null || value === undefined) return value;
  return JSON.parse(JSON.stringify(value).split(from).join(to)) as T;
}

/** The trail of the copy: the template's entries (cycled up to `entries` if asked), renumbered and re-hashed. */
function copyTrail(tpl: Template, matterId: string, workflowId: string, entries = tpl.trail.length): Prisma.TrailEntryCreateManyInput[] {
  const out: Prisma.TrailEntryCreateManyInput[] = [];
  let prevHash = GENESIS_HASH;
  const t0 = tpl.trail[0]?.at.getTime() ?? Date.now();
  for (let k = 0; k < entries && tpl.trail.length; k++) {
    const src = tpl.trail[k % tpl.trail.length]!;
    const round = Math.floor(k / tpl.trail.length);
    const e = {
      matterId,
      seq: k + 1,
      actionKey: `${retarget(src.actionKey, tpl.id, matterId)}${round ? `#${round}` : ''}`,
      actorId: src.actorId,
      actorRole: src.actorRole,
      action: src.action,
      reason: src.reason,
      before: retarget(src.before, tpl.id, matterId),
      after: retarget(src.after, tpl.id, matterId),
      versionHash: src.versionHash,
      workflowId,
      runId: src.runId,
      requestId: src.requestId,
      at: new Date(t0 + k * 1_000),
      summary: src.summary,
      command: retarget(src.command, tpl.id, matterId),
      originIp: src.originIp,
      originUserAgent: src.originUserAgent,
      hashVersion: src.hashVersion,
      prevHash,
    };
    const hash = entryHash(hashedFields({ ...e, hash: '' }));
    out.push({ ...e, id: crypto.randomUUID(), before: json(e.before), after: json(e.after), command: json(e.command), hash });
    prevHash = hash;
  }
  return out;
}

export interface SeedOptions {
  count: number;
  /** Prefix of the copies' ids (so a run can find and remove its own). */
  prefix: string;
  /** Trail entries of every copy (default: as many as its template; 0: none, and the head says so). */
  trailEntries?: number;
  batch?: number;
  onProgress?: (done: number) => void;
}

/** Inserts `count` copies of the templates in turn, in batches; returns the new ids. */
export async function seedCopies(db: Database, templates: Template[], opts: SeedOptions): Promise<string[]> {
  const ids: string[] = [];
  const batch = opts.batch ?? 250;
  const now = Date.now();
  for (let start = 0; start < opts.count; start += batch) {
    const matters: Prisma.MatterCreateManyInput[] = [];
    const versions: Prisma.MatterVersionCreateManyInput[] = [];
    const trail: Prisma.TrailEntryCreateManyInput[] = [];
    for (let k = start; k < Math.min(opts.count, start + batch); k++) {
      const tpl = templates[k % templates.length]!;
      const id = `${opts.prefix}-${k}`;
      const workflowId = `matter-${id}`;
      const entries = copyTrail(tpl, id, workflowId, opts.trailEntries);
      // Spread over the last year, newest last, so "newest first" pages have a realistic order.
      const createdAt = new Date(now - (opts.count - k) * 60_000);
      // Every column of the template (new projection columns come along), with the copy's own identity.
      const { versions: _versions, trail: _trail, ...columns } = tpl;
      matters.push({
        ...columns,
        id,
        title: `${tpl.title}（副本 ${k}）`,
        workflowId,
        state: json(retarget(tpl.state, tpl.id, id)),
        trailHeadSeq: entries.length,
        trailHeadHash: entries[entries.length - 1]?.hash ?? null,
        createdAt,
        updatedAt: createdAt,
      });
      for (const v of tpl.versions) versions.push({ id: crypto.randomUUID(), matterId: id, number: v.number, sha256: v.sha256, text: v.text, createdById: v.createdById, createdAt });
      trail.push(...entries);
      ids.push(id);
    }
    await db.prisma.matter.createMany({ data: matters });
    await db.prisma.matterVersion.createMany({ data: versions });
    for (let i = 0; i < trail.length; i += 2_000) await db.prisma.trailEntry.createMany({ data: trail.slice(i, i + 2_000) });
    opts.onProgress?.(ids.length);
  }
  return ids;
}
