/**
 * The only way the web app talks to the server: the public HTTP API on the same origin, with the bearer
 * token kept in sessionStorage (it dies with the tab, and is never put in a URL or a cookie).
 */

const TOKEN_KEY = 'lr.token';
const USER_KEY = 'lr.user';

export const session = {
  get token() { return sessionStorage.getItem(TOKEN_KEY); },
  get user() {
    try { return JSON.parse(sessionStorage.getItem(USER_KEY) ?? 'null'); } catch { return null; }
  },
  save(token, user) {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(USER_KEY, JSON.stringify(user));
  },
  setUser(user) { sessionStorage.setItem(USER_KEY, JSON.stringify(user)); },
  clear() {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
  },
};

/**
 * An RFC 9457 problem answer, kept whole: `detail` explains the rule that refused, `errors` names fields.
 */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
  get title() { return this.problem.title ?? `HTTP ${this.status}`; }
  get detail() { return this.problem.detail ?? null; }
  get code() { return this.problem.code ?? null; }
  get errors() { return Array.isArray(this.problem.errors) ? this.problem.errors : []; }
}

/** Called when the token is rejected, so the app can send the person back to the login page. */
let onUnauthorized = () => {};
export const setUnauthorizedHandler = (fn) => { onUnauthorized = fn; };

async function parseBody(res) {
  const type = res.headers.get('content-type') ?? '';
  if (res.status === 204) return null;
  if (type.includes('json')) return res.json();
  return res.text();
}

/**
 * request('GET', '/api/v1/matters', { query, body, headers, raw })
 * Throws ApiError for any non-2xx answer. With `raw`, returns the Response (for CSV/HTML downloads).
 */
export async function request(method, path, { query, body, headers = {}, raw = false, auth = true } = {}) {
  let url = path;
  if (query) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
    const qs = params.toString();
    if (qs) url += `?${qs}`;
  }
  const h = { accept: 'application/json, application/problem+json;q=0.9, */*;q=0.5', ...headers };
  if (body !== undefined) h['content-type'] = 'application/json';
  const token = session.token;
  if (auth && token) h.authorization = `Bearer ${token}`;
  let res;
  try {
    res = await fetch(url, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (err) {
    throw new ApiError(0, { title: '无法连接服务器 (network error)', detail: String(err?.message ?? err) });
  }
  if (res.ok) return raw ? res : parseBody(res);
  const payload = await parseBody(res).catch(() => null);
  const problem = payload && typeof payload === 'object' ? payload : { title: `HTTP ${res.status}`, detail: typeof payload === 'string' ? payload.slice(0, 500) : undefined };
  // A stale or revoked token on an authenticated call: the session is over (but not on the login call itself).
  if (res.status === 401 && auth && token) {
    session.clear();
    onUnauthorized(problem);
  }
  throw new ApiError(res.status, problem);
}

/** The dossier exports, each with its own literal path (the integration test checks them against OpenAPI). */
const DOSSIER = {
  json: (id) => `/api/v1/matters/${id}/dossier`,
  csv: (id) => `/api/v1/matters/${id}/dossier.csv`,
  html: (id) => `/api/v1/matters/${id}/dossier.html`,
};

export const api = {
  login: (username, password) => request('POST', '/api/v1/auth/login', { body: { username, password }, auth: false }),
  logout: () => request('POST', '/api/v1/auth/logout'),
  me: () => request('GET', '/api/v1/me'),
  listMatters: (query) => request('GET', '/api/v1/matters', { query }),
  createMatter: (body, idempotencyKey) => request('POST', '/api/v1/matters', { body, headers: { 'Idempotency-Key': idempotencyKey } }),
  matter: (id) => request('GET', `/api/v1/matters/${encodeURIComponent(id)}`),
  act: (id, payload, idempotencyKey) => request('POST', `/api/v1/matters/${encodeURIComponent(id)}/actions`, { body: payload, headers: { 'Idempotency-Key': idempotencyKey } }),
  versions: (id) => request('GET', `/api/v1/matters/${encodeURIComponent(id)}/versions`),
  version: (id, n) => request('GET', `/api/v1/matters/${encodeURIComponent(id)}/versions/${n}`),
  trail: (id) => request('GET', `/api/v1/matters/${encodeURIComponent(id)}/trail`),
  verifyTrail: (id) => request('GET', `/api/v1/matters/${encodeURIComponent(id)}/trail/verify`),
  signOffs: (id) => request('GET', `/api/v1/matters/${encodeURIComponent(id)}/signoffs`),
  verifySignOff: (id, sid, versionNumber) => request('GET', `/api/v1/matters/${encodeURIComponent(id)}/signoffs/${encodeURIComponent(sid)}/verify`, { query: { versionNumber } }),
  dossierRaw: (id, ext) => request('GET', DOSSIER[ext](encodeURIComponent(id)), { raw: true }),
  users: () => request('GET', '/api/v1/users'),
  createUser: (body) => request('POST', '/api/v1/users', { body }),
  patchUser: (id, body) => request('PATCH', `/api/v1/users/${encodeURIComponent(id)}`, { body }),
  organisations: () => request('GET', '/api/v1/organisations'),
  patchOrganisation: (id, body) => request('PATCH', `/api/v1/organisations/${encodeURIComponent(id)}`, { body }),
  workingDays: (from, add) => request('GET', '/api/v1/calendar/working-days', { query: { from, add }, auth: false }),
  calendarYears: () => request('GET', '/api/v1/calendar/years', { auth: false }),
  loadCalendarYear: (year, body) => request('PUT', `/api/v1/calendar/years/${encodeURIComponent(year)}`, { body }),
  prescreen: (text) => request('POST', '/api/v1/fair-competition/prescreen', { body: { text } }),
  fcrStandards: (version) => request('GET', '/api/v1/fair-competition/standards', { query: { version }, auth: false }),
  matterFcr: (id) => request('GET', `/api/v1/matters/${encodeURIComponent(id)}/fair-competition`),
  vocabulary: () => request('GET', '/api/v1/vocabulary', { auth: false }),
};

/** A fresh Idempotency-Key per submit: a retried submit of the same click is recorded once. */
export function newIdempotencyKey() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  // crypto.randomUUID needs a secure context; plain-HTTP intranet hosts still get a random v4-shaped key.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
