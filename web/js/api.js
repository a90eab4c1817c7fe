// @ts-check
/**
 * The only way the web app talks to the server: the public HTTP API on the same origin, with the bearer
 * token kept in sessionStorage (it dies with the tab, and is never put in a URL or a cookie).
 */

/** @typedef {import('../types/api').Problem} Problem */
/** @typedef {import('../types/api').Me} Me */

const TOKEN_KEY = 'lr.token';
const USER_KEY = 'lr.user';

export const session = {
  /** @returns {string | null} */
  get token() { return sessionStorage.getItem(TOKEN_KEY); },
  /** @returns {Me | null} */
  get user() {
    try { return JSON.parse(sessionStorage.getItem(USER_KEY) ?? 'null'); } catch { return null; }
  },
  /** @param {string} token @param {Me} user */
  save(token, user) {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(USER_KEY, JSON.stringify(user));
  },
  /** @param {Me} user */
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
  /** @param {number} status @param {Problem | null | undefined} problem */
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    /** @type {Problem} */
    this.problem = problem ?? {};
  }
  get title() { return this.problem.title ?? `HTTP ${this.status}`; }
  get detail() { return this.problem.detail ?? null; }
  get code() { return this.problem.code ?? null; }
  get errors() { return Array.isArray(this.problem.errors) ? this.problem.errors : []; }
}

/** Called when the token is rejected, so the app can send the person back to the login page. */
/** @type {(problem: Problem) => void} */
let onUnauthorized = () => {};
/** @param {(problem: Problem) => void} fn */
export const setUnauthorizedHandler = (fn) => { onUnauthorized = fn; };

/** The server's code for "the password an administrator set must be changed first" (api/http/problem.ts). */
export const PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED';
/** Called when a call is refused until the person changes a password an administrator set, so the app can show the form. */
/** @type {(problem: Problem) => void} */
let onPasswordChangeRequired = () => {};
/** @param {(problem: Problem) => void} fn */
export const setPasswordChangeRequiredHandler = (fn) => { onPasswordChangeRequired = fn; };

/** @param {Response} res @returns {Promise<any>} */
async function parseBody(res) {
  const type = res.headers.get('content-type') ?? '';
  if (res.status === 204) return null;
  if (type.includes('json')) return res.json();
  return res.text();
}

/**
 * @typedef {object} RequestOptions
 * @property {Record<string, unknown>} [query]
 * @property {unknown} [body] JSON body
 * @property {Blob | ArrayBuffer} [bytes] a raw body (an uploaded file), sent as it is
 * @property {Record<string, string>} [headers]
 * @property {boolean} [raw] return the Response (for CSV/HTML downloads)
 * @property {boolean} [auth]
 */

/**
 * request('GET', '/api/v1/matters', { query, body, headers, raw })
 * Throws ApiError for any non-2xx answer.
 * @param {string} method
 * @param {string} path
 * @param {RequestOptions} [options]
 * @returns {Promise<any>}
 */
export async function request(method, path, { query, body, bytes, headers = {}, raw = false, auth = true } = {}) {
  let url = path;
  if (query) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
    const qs = params.toString();
    if (qs) url += `?${qs}`;
  }
  /** @type {Record<string, string>} */
  const h = { accept: 'application/json, application/problem+json;q=0.9, */*;q=0.5', ...headers };
  if (body !== undefined) h['content-type'] = 'application/json';
  const token = session.token;
  if (auth && token) h.authorization = `Bearer ${token}`;
  let res;
  try {
    res = await fetch(url, { method, headers: h, body: bytes ?? (body === undefined ? undefined : JSON.stringify(body)) });
  } catch (err) {
    throw new ApiError(0, { title: '无法连接服务器', detail: String(/** @type {Error} */ (err)?.message ?? err) });
  }
  if (res.ok) return raw ? res : parseBody(res);
  const payload = await parseBody(res).catch(() => null);
  const problem = payload && typeof payload === 'object' ? payload : { title: `HTTP ${res.status}`, detail: typeof payload === 'string' ? payload.slice(0, 500) : undefined };
  // A stale or revoked token on an authenticated call: the session is over (but not on the login call itself).
  if (res.status === 401 && auth && token) {
    session.clear();
    onUnauthorized(problem);
  }
  // The session is good (the token is kept: the change needs it) but nothing else answers until the password is changed.
  if (res.status === 403 && auth && token && problem.code === PASSWORD_CHANGE_REQUIRED) onPasswordChangeRequired(problem);
  throw new ApiError(res.status, problem);
}

/** The dossier exports, each with its own literal path (the integration test checks them against OpenAPI). */
const DOSSIER = {
  /** @param {string} id */
  json: (id) => `/api/v1/matters/${id}/dossier`,
  /** @param {string} id */
  csv: (id) => `/api/v1/matters/${id}/dossier.csv`,
  /** @param {string} id */
  html: (id) => `/api/v1/matters/${id}/dossier.html`,
};

const enc = encodeURIComponent;

export const api = {
  /** @param {string} username @param {string} password @returns {Promise<{ token: string, user: Me, passwordChangeRequired: boolean }>} */
  login: (username, password) => request('POST', '/api/v1/auth/login', { body: { username, password }, auth: false }),
  logout: () => request('POST', '/api/v1/auth/logout'),
  /**
   * One's own password, with the current one (the temporary one after an administrator set it). Every earlier
   * token is revoked: the answer's token replaces the session's.
   * @param {string} currentPassword @param {string} newPassword @returns {Promise<{ token: string, user: Me }>}
   */
  changePassword: (currentPassword, newPassword) => request('POST', '/api/v1/auth/password', { body: { currentPassword, newPassword } }),
  /** @returns {Promise<Me>} */
  me: () => request('GET', '/api/v1/me'),
  /** @param {Record<string, unknown>} query @returns {Promise<{ items: import('../types/api').MatterListItem[], nextCursor: string | null }>} */
  listMatters: (query) => request('GET', '/api/v1/matters', { query }),
  /** @param {unknown} body @param {string} idempotencyKey @returns {Promise<import('../types/api').MatterView | { id: string, stage: 'registering' }>} */
  createMatter: (body, idempotencyKey) => request('POST', '/api/v1/matters', { body, headers: { 'Idempotency-Key': idempotencyKey } }),
  /** @param {string} id @returns {Promise<import('../types/api').MatterView>} */
  matter: (id) => request('GET', `/api/v1/matters/${enc(id)}`),
  /** @param {string} id @param {unknown} payload @param {string} idempotencyKey @returns {Promise<import('../types/api').ActionResult>} */
  act: (id, payload, idempotencyKey) => request('POST', `/api/v1/matters/${enc(id)}/actions`, { body: payload, headers: { 'Idempotency-Key': idempotencyKey } }),
  /** @param {string} id @returns {Promise<{ items: import('../types/api').VersionInfo[] }>} */
  versions: (id) => request('GET', `/api/v1/matters/${enc(id)}/versions`),
  /** @param {string} id @param {number} n @returns {Promise<import('../types/api').VersionInfo & { text: string }>} */
  version: (id, n) => request('GET', `/api/v1/matters/${enc(id)}/versions/${n}`),
  /** @param {string} id @param {number} from @param {number} to @returns {Promise<import('../types/api').VersionDiff>} */
  diff: (id, from, to) => request('GET', `/api/v1/matters/${enc(id)}/diff`, { query: { from, to } }),
  /** @param {string} id @returns {Promise<{ items: import('../types/api').TrailEntry[] }>} */
  trail: (id) => request('GET', `/api/v1/matters/${enc(id)}/trail`),
  /** @param {string} id @returns {Promise<import('../types/api').TrailVerdict>} */
  verifyTrail: (id) => request('GET', `/api/v1/matters/${enc(id)}/trail/verify`),
  /** @param {string} id @returns {Promise<{ items: import('../types/api').SignOff[] }>} */
  signOffs: (id) => request('GET', `/api/v1/matters/${enc(id)}/signoffs`),
  /** @param {string} id @param {string} sid @param {number} [versionNumber] @returns {Promise<import('../types/api').SignatureVerdict>} */
  verifySignOff: (id, sid, versionNumber) => request('GET', `/api/v1/matters/${enc(id)}/signoffs/${enc(sid)}/verify`, { query: { versionNumber } }),
  /** @param {string} id @param {'json' | 'csv' | 'html'} ext @returns {Promise<Response>} */
  dossierRaw: (id, ext) => request('GET', DOSSIER[ext](enc(id)), { raw: true }),
  /** @returns {Promise<{ items: any[] }>} */
  users: () => request('GET', '/api/v1/users'),
  /** @param {unknown} body */
  createUser: (body) => request('POST', '/api/v1/users', { body }),
  /** @param {string} id @param {unknown} body */
  patchUser: (id, body) => request('PATCH', `/api/v1/users/${enc(id)}`, { body }),
  /** @param {{ role?: string, includeInactive?: boolean }} [query] @returns {Promise<{ items: import('../types/api').Person[] }>} */
  people: (query = {}) => request('GET', '/api/v1/people', { query }),
  /** @returns {Promise<{ items: import('../types/api').Organisation[] }>} */
  organisations: () => request('GET', '/api/v1/organisations'),
  /** @param {string} id @param {unknown} body */
  patchOrganisation: (id, body) => request('PATCH', `/api/v1/organisations/${enc(id)}`, { body }),
  /** @param {string} from @param {string | number} add @returns {Promise<{ due: string, provisional?: boolean }>} */
  workingDays: (from, add) => request('GET', '/api/v1/calendar/working-days', { query: { from, add }, auth: false }),
  /** @returns {Promise<{ items: any[], provisional?: any }>} */
  calendarYears: () => request('GET', '/api/v1/calendar/years', { auth: false }),
  /** @param {string | number} year @param {unknown} body */
  loadCalendarYear: (year, body) => request('PUT', `/api/v1/calendar/years/${enc(String(year))}`, { body }),
  /** @param {string} text @returns {Promise<{ findings: import('../types/api').Finding[], ruleSetVersion?: string }>} */
  prescreen: (text) => request('POST', '/api/v1/fair-competition/prescreen', { body: { text } }),
  /** @param {string} [version] @returns {Promise<import('../types/api').StandardsCatalogue>} */
  fcrStandards: (version) => request('GET', '/api/v1/fair-competition/standards', { query: { version }, auth: false }),
  /** @param {string} id @returns {Promise<import('../types/api').FcrRecord>} */
  matterFcr: (id) => request('GET', `/api/v1/matters/${enc(id)}/fair-competition`),
  /** @param {string} id @returns {Promise<import('../types/api').LegalityRecord>} */
  matterLegality: (id) => request('GET', `/api/v1/matters/${enc(id)}/legality`),
  /** @param {string} id @param {string} documentId @returns {Promise<Response>} */
  legalityDocumentRaw: (id, documentId) => request('GET', `/api/v1/matters/${enc(id)}/legality/documents/${enc(documentId)}`, { raw: true }),
  /** @returns {Promise<import('../types/api').LegalityCodes>} */
  legalityCodes: () => request('GET', '/api/v1/legality/codes', { auth: false }),
  /** @returns {Promise<import('../types/api').Vocabulary>} */
  vocabulary: () => request('GET', '/api/v1/vocabulary', { auth: false }),
  /** @returns {Promise<{ items: import('../types/api').AdminEvent[], verification: import('../types/api').ChainVerdict }>} */
  adminEvents: () => request('GET', '/api/v1/admin-events'),
  /** @param {Record<string, unknown>} [query] @returns {Promise<import('../types/api').StatisticsView>} */
  statistics: (query) => request('GET', '/api/v1/statistics', { query }),
  // The document register (统一登记) and its clean-ups (清理); the ids of register documents are their matters' ids.
  /** @param {Record<string, unknown>} [query] @returns {Promise<{ items: import('../types/api').RegisterEntry[] }>} */
  register: (query) => request('GET', '/api/v1/register', { query }),
  /** @param {string} id @returns {Promise<import('../types/api').RegisterDetail>} */
  registerEntry: (id) => request('GET', `/api/v1/register/${enc(id)}`),
  /** @param {string} id @returns {Promise<Response>} */
  filingPackageRaw: (id) => request('GET', `/api/v1/register/${enc(id)}/filing-package`, { raw: true }),
  /** @param {string} id @param {unknown} body @param {string} idempotencyKey @returns {Promise<{ summary: string }>} */
  decideDocument: (id, body, idempotencyKey) => request('POST', `/api/v1/register/${enc(id)}/decisions`, { body, headers: { 'Idempotency-Key': idempotencyKey } }),
  /** @returns {Promise<{ items: import('../types/api').CleanupListItem[] }>} */
  cleanups: () => request('GET', '/api/v1/register/cleanups'),
  /** @param {unknown} body @returns {Promise<import('../types/api').CleanupView>} */
  startCleanup: (body) => request('POST', '/api/v1/register/cleanups', { body }),
  /** @param {string} id @returns {Promise<import('../types/api').CleanupView>} */
  cleanup: (id) => request('GET', `/api/v1/register/cleanups/${enc(id)}`),
  /** @param {string} id @param {unknown} body @param {string} idempotencyKey @returns {Promise<{ summary: string, cleanup: import('../types/api').CleanupView }>} */
  decideInCleanup: (id, body, idempotencyKey) => request('POST', `/api/v1/register/cleanups/${enc(id)}/decisions`, { body, headers: { 'Idempotency-Key': idempotencyKey } }),
  /** @param {string} id @returns {Promise<import('../types/api').CleanupView>} */
  publishCleanup: (id) => request('POST', `/api/v1/register/cleanups/${enc(id)}/publish`),
  /** @param {string} id @returns {Promise<Response>} */
  cleanupListsRaw: (id) => request('GET', `/api/v1/register/cleanups/${enc(id)}/lists.html`, { raw: true }),
  // The yearly catalogue of major decisions (713号令第3条第3款).
  /** @param {string | number} year @returns {Promise<import('../types/api').DecisionCatalogue>} */
  catalogue: (year) => request('GET', `/api/v1/catalogue/${enc(String(year))}`),
  /** @param {string | number} year @returns {Promise<Response>} */
  cataloguePrintRaw: (year) => request('GET', `/api/v1/catalogue/${enc(String(year))}/print`, { raw: true }),
  /** @param {string | number} year @param {unknown} body @returns {Promise<import('../types/api').DecisionCatalogue>} */
  addCatalogueEntry: (year, body) => request('POST', `/api/v1/catalogue/${enc(String(year))}/entries`, { body }),
  /** @param {string | number} year @param {unknown} body @returns {Promise<import('../types/api').DecisionCatalogue>} */
  publishCatalogue: (year, body) => request('POST', `/api/v1/catalogue/${enc(String(year))}/publish`, { body }),
  /**
   * A .docx or .txt file's text (the server reads it; nothing is stored).
   * @param {File} file
   * @returns {Promise<import('../types/api').ConvertedDocument>}
   */
  documentText: (file) => request('POST', '/api/v1/documents/text', { bytes: file, headers: { 'content-type': file.type || 'application/octet-stream', 'x-filename': enc(file.name) } }),
};

/** A fresh Idempotency-Key per submit: a retried submit of the same click is recorded once. */
export function newIdempotencyKey() {
  if (typeof globalThis.crypto?.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  // crypto.randomUUID needs a secure context; plain-HTTP intranet hosts still get a random v4-shaped key.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
