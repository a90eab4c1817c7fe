/**
 * Drives matters over HTTP as the people who act (the steps of bench/procedure/steps.ts): shared by the
 * procedure, read-path and scale benchmarks.
 */
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { KIND_SCRIPTS, benchText, sha256, type KindScript, type MatterContext, type Person } from './steps';
import type { Shape } from '../support/shapes';

export const PEOPLE: Person[] = ['drafter', 'legal', 'lawyer', 'fcr', 'secretary', 'member1', 'member2', 'member3'];

export async function http(base: string, method: string, path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 400)}`);
  return text ? JSON.parse(text) : null;
}

export interface Sessions {
  tokens: Record<Person, string>;
  ids: Record<Person, string>;
  fcrStandards: { version: string; codes: string[] };
}

export async function sessions(shape: Pick<Shape, 'apiUrl' | 'password'>): Promise<Sessions> {
  const tokens = {} as Record<Person, string>;
  const ids = {} as Record<Person, string>;
  for (const p of PEOPLE) {
    tokens[p] = (await http(shape.apiUrl, 'POST', '/api/v1/auth/login', null, { username: p, password: shape.password })).token;
    ids[p] = (await http(shape.apiUrl, 'GET', '/api/v1/me', tokens[p])).userId;
  }
  const rs = await http(shape.apiUrl, 'GET', '/api/v1/fair-competition/standards', null);
  return { tokens, ids, fcrStandards: { version: rs.version as string, codes: (rs.standards as Array<{ code: string }>).map((s) => s.code) } };
}

/** The key under which a refused schedule_meeting (its time passed before validation) is recorded. */
export const RESCHEDULED = 'rescheduled (meeting time passed before validation)';

export const sleep = (t: number) => new Promise((r) => setTimeout(r, t));
export const untilMeeting = (at: string) => sleep(Math.max(0, Date.parse(at) + 50 - Date.now()));

export interface DrivenMatter {
  id: string;
  workflowId: string;
  kind: KindScript['kind'];
}

/**
 * Registers matter number i (the four kinds in turn) and takes it through its procedure, or through its
 * first `stepsLimit` steps; `record(type, ms)` hears the latency of every request.
 */
export async function driveMatter(
  apiUrl: string,
  s: Sessions,
  i: number,
  opts: { stepsLimit?: number; record?: (type: string, ms: number) => void } = {},
): Promise<DrivenMatter> {
  const script = KIND_SCRIPTS[i % KIND_SCRIPTS.length]!;
  const text = benchText(i);
  const ctx: MatterContext = { text, versionHash: sha256(text), ids: s.ids, fcrStandards: s.fcrStandards };
  let meetingAt = '';
  const start = performance.now();
  // An Idempotency-Key with every registration and action, as the web app sends (web/js/api.js).
  const created = await http(apiUrl, 'POST', '/api/v1/matters', s.tokens.drafter, { title: `基准事项 ${i}`, kind: script.kind, flags: script.flags, text }, { 'idempotency-key': crypto.randomUUID() });
  opts.record?.('register', performance.now() - start);
  const steps = script.steps.slice(0, opts.stepsLimit ?? script.steps.length);
  for (const step of steps) {
    if (step.kind === 'pause') {
      await untilMeeting(meetingAt);
      continue;
    }
    for (let attempt = 1; ; attempt++) {
      const command = step.command(ctx);
      if (typeof command.meetingAt === 'string') meetingAt = command.meetingAt;
      const t = performance.now();
      try {
        await http(apiUrl, 'POST', `/api/v1/matters/${created.id}/actions`, s.tokens[step.who], { command }, { 'idempotency-key': crypto.randomUUID() });
      } catch (err) {
        // The machine was too slow for the meeting delay: the meeting time passed before the Update was
        // validated. Schedule again (a fresh time), and say so in the report.
        if (attempt < 3 && String(err).includes('MEETING_DATE_PAST')) {
          opts.record?.(RESCHEDULED, performance.now() - t);
          continue;
        }
        throw err;
      }
      opts.record?.(String(command.type), performance.now() - t);
      break;
    }
  }
  return { id: created.id as string, workflowId: (created.workflow?.workflowId as string | undefined) ?? `matter-${created.id}`, kind: script.kind };
}
