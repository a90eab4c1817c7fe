/**
 * Matters moving while faults are injected: each client drives one matter through its whole procedure
 * over HTTP, as a careful client does — every request carries an Idempotency-Key, and a request that got
 * no answer, or 503, is sent again with the same key (after Retry-After) until it is answered. Everything
 * the clients saw is recorded: which statuses, which actions were acknowledged and when.
 */
import { KIND_SCRIPTS, benchText, sha256, type KindScript, type MatterContext, type Person } from '../../../bench/procedure/steps';

export const PEOPLE: Person[] = ['drafter', 'legal', 'lawyer', 'fcr', 'secretary', 'member1', 'member2', 'member3'];

export interface Sessions {
  tokens: Record<Person, string>;
  ids: Record<Person, string>;
  fcrStandards: MatterContext['fcrStandards'];
}

export async function login(baseUrl: string, password: string): Promise<Sessions> {
  const call = async (path: string, init: RequestInit) => {
    const res = await fetch(`${baseUrl}${path}`, init);
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const tokens = {} as Record<Person, string>;
  const ids = {} as Record<Person, string>;
  for (const p of PEOPLE) {
    tokens[p] = (await call('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: p, password }) })).token;
    ids[p] = (await call('/api/v1/me', { headers: { authorization: `Bearer ${tokens[p]}` } })).userId;
  }
  const rs = await call('/api/v1/fair-competition/standards', {});
  return { tokens, ids, fcrStandards: { version: rs.version, codes: (rs.standards as Array<{ code: string }>).map((s) => s.code) } };
}

export interface Ack {
  matterId: string;
  key: string;
  type: string;
  at: number;
}

/** What the clients saw during one scenario. */
export class Observations {
  readonly statuses = new Map<string, number>();
  readonly undocumented: string[] = [];
  readonly acks: Ack[] = [];
  readonly waits: number[] = [];
  /** Requests refused because the time they named passed while the system was down (re-sent with a new key). */
  readonly refusedStale: string[] = [];
  sent = 0;
  matterIds: string[] = [];
  unfinished: string[] = [];

  see(label: string): void {
    this.statuses.set(label, (this.statuses.get(label) ?? 0) + 1);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One request, sent until it is answered. Documented: 2xx; 503 with Retry-After (the system or part of it
 * is down); no answer at all when the process holding the request died (the client cannot tell more and
 * retries). Anything else — a 500, a 503 without Retry-After, a 502 — is recorded as undocumented.
 */
export async function untilAnswered(
  baseUrl: string,
  req: { method: string; path: string; token: string; body?: unknown; key: string },
  obs: Observations,
  deadline: number,
  refusalsExpected: (body: any) => boolean = () => false, // eslint-disable-line @typescript-eslint/no-explicit-any
): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const started = Date.now();
  for (;;) {
    if (Date.now() > deadline) throw new Error(`no answer before the deadline: ${req.method} ${req.path}`);
    let res: Response;
    try {
      res = await fetch(`${baseUrl}${req.path}`, {
        method: req.method,
        headers: { authorization: `Bearer ${req.token}`, 'idempotency-key': req.key, ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: AbortSignal.timeout(Math.max(1_000, deadline - Date.now())),
      });
    } catch {
      obs.see('no answer (connection lost)');
      await sleep(250);
      continue;
    }
    const text = await res.text();
    const body = text ? safeJson(text) : null;
    if (res.status === 503) {
      const retryAfter = res.headers.get('retry-after');
      obs.see(retryAfter ? '503 with Retry-After' : '503 without Retry-After');
      if (!retryAfter) obs.undocumented.push(`503 without Retry-After on ${req.method} ${req.path}: ${text.slice(0, 200)}`);
      await sleep(Math.min(2_000, Math.max(200, Number(retryAfter ?? 1) * 1_000)));
      continue;
    }
    obs.see(String(res.status));
    if (res.status >= 400 && res.status < 500 && refusalsExpected(body)) return { status: res.status, body };
    if (res.status >= 500 || (res.status >= 400 && res.status !== 404)) {
      obs.undocumented.push(`${res.status} on ${req.method} ${req.path}: ${text.slice(0, 300)}`);
      throw new Error(`${req.method} ${req.path}: ${res.status} ${text.slice(0, 300)}`);
    }
    if (res.status === 202 || res.status === 404) {
      // 202: registration accepted, the workflow stores it once a worker runs it; ask again with the same key.
      await sleep(500);
      continue;
    }
    obs.waits.push(Date.now() - started);
    return { status: res.status, body };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The kinds the scenarios drive: no minimum review time under the statutory clocks, so nothing waits on a clock. */
export const FAULT_SCRIPTS: KindScript[] = KIND_SCRIPTS.filter((k) => k.kind === 'enforcement_review' || k.kind === 'collective_matter');

/** One client: registers a matter and carries it through its whole procedure. */
export async function driveMatter(opts: { baseUrl: string; sessions: Sessions; obs: Observations; label: string; index: number; deadline: number }): Promise<void> {
  const { baseUrl, sessions, obs } = opts;
  const script = FAULT_SCRIPTS[opts.index % FAULT_SCRIPTS.length]!;
  const text = benchText(opts.index);
  const ctx: MatterContext = { text, versionHash: sha256(text), ids: sessions.ids, fcrStandards: sessions.fcrStandards };
  const regKey = `${opts.label}-${opts.index}-register`;
  obs.sent++;
  const created = await untilAnswered(baseUrl, { method: 'POST', path: '/api/v1/matters', token: sessions.tokens.drafter, key: regKey, body: { title: `故障演练 ${opts.label} ${opts.index}`, kind: script.kind, flags: script.flags, text } }, obs, opts.deadline);
  const matterId = created.body.id as string;
  obs.matterIds.push(matterId);
  obs.acks.push({ matterId, key: regKey, type: 'register', at: Date.now() });
  let meetingAt = '';
  let step = 0;
  for (const s of script.steps) {
    if (s.kind === 'pause') {
      await sleep(Math.max(0, Date.parse(meetingAt) + 50 - Date.now()));
      continue;
    }
    for (let attempt = 0; ; attempt++) {
      const command = s.command(ctx);
      if (attempt > 0 && typeof command.meetingAt === 'string') command.meetingAt = new Date(Date.now() + 5_000).toISOString();
      if (typeof command.meetingAt === 'string') meetingAt = command.meetingAt;
      const key = `${opts.label}-${opts.index}-${step}${attempt ? `-again${attempt}` : ''}`;
      obs.sent++;
      // A meeting time that passed while the system was down is refused (422 MEETING_DATE_PAST, nothing
      // stored): the secretary picks a new time, which is a new request with a new key.
      const stale = (b: { code?: string }) => b?.code === 'MEETING_DATE_PAST';
      const answer = await untilAnswered(baseUrl, { method: 'POST', path: `/api/v1/matters/${matterId}/actions`, token: sessions.tokens[s.who], key, body: { command } }, obs, opts.deadline, stale);
      if (answer.status === 200) {
        obs.acks.push({ matterId, key, type: String(command.type), at: Date.now() });
        break;
      }
      obs.refusedStale.push(key);
      if (attempt >= 3) throw new Error(`schedule_meeting refused ${attempt + 1} times`);
    }
    step++;
  }
}

/** Runs `count` clients at once; a client that cannot finish by the deadline is reported, not thrown. */
export async function runLoad(opts: { baseUrl: string; sessions: Sessions; label: string; count: number; deadline: number; onStart?: (obs: Observations) => void }): Promise<Observations> {
  const obs = new Observations();
  opts.onStart?.(obs);
  await Promise.all(
    Array.from({ length: opts.count }, (_, index) =>
      driveMatter({ ...opts, obs, index }).catch((err: Error) => void obs.unfinished.push(`${opts.label}-${index}: ${err.message}`)),
    ),
  );
  return obs;
}
