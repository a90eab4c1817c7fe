import { DEMO_USERS } from '../../api/people/demoPeople';

/**
 * The people of a production-shaped cluster, created the way a real installation creates them: the
 * bootstrap admin logs in and adds them through the admin API (no demo accounts exist in production). They
 * carry the demo usernames and roles so the walkthrough and the benchmarks can drive the procedure, with a
 * generated password kept in DATA_DIR/credentials.json.
 */
export interface Credentials {
  adminPassword: string;
  peoplePassword: string;
  signingKeySecret: string;
}

async function call(base: string, method: string, path: string, token: string | null, body?: unknown): Promise<{ status: number; json: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

/** Idempotent: people that exist are left as they are. Returns how many were created. */
export async function provisionPeople(baseUrl: string, creds: Credentials): Promise<number> {
  const login = await call(baseUrl, 'POST', '/api/v1/auth/login', null, { username: 'admin', password: creds.adminPassword });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.json)}`);
  const token = login.json.token as string;
  const year = new Date().getUTCFullYear();
  const retainer = { contractFrom: `${year - 1}-01-01`, contractTo: `${year + 2}-12-31` };
  const patched = await call(baseUrl, 'PATCH', '/api/v1/organisations/law-firm', token, retainer);
  if (patched.status >= 300) throw new Error(`setting the law firm's retainer failed: ${patched.status} ${JSON.stringify(patched.json)}`);
  const existing = await call(baseUrl, 'GET', '/api/v1/users', token);
  const taken = new Set(((existing.json?.items ?? []) as Array<{ username: string }>).map((u) => u.username));
  let created = 0;
  for (const u of DEMO_USERS) {
    if (u.username === 'admin' || taken.has(u.username)) continue;
    const r = await call(baseUrl, 'POST', '/api/v1/users', token, {
      username: u.username,
      displayName: u.displayName,
      password: creds.peoplePassword,
      roles: u.roles,
      sectionId: u.sectionId,
      lawFirm: !!u.lawFirm,
      ...(u.lawFirm ? retainer : {}),
      ...(u.legalQualification ? { legalQualification: true } : {}),
    });
    if (r.status !== 201) throw new Error(`creating ${u.username} failed: ${r.status} ${JSON.stringify(r.json)}`);
    created++;
  }
  // The deciding bodies' rosters are data: the meeting members sit on both standing bodies.
  const everyone = ((await call(baseUrl, 'GET', '/api/v1/users', token)).json?.items ?? []) as Array<{ id: string; roles: string[] }>;
  const members = everyone.filter((u) => u.roles.includes('meeting_member')).map((u) => ({ userId: u.id, from: `${year - 1}-01-01`, to: null }));
  for (const [id, name] of [['director_office_meeting', '局长办公会'], ['party_committee_meeting', '局党委会']]) {
    const r = await call(baseUrl, 'PUT', `/api/v1/meeting-bodies/${id}`, token, { kind: id, name, members });
    if (r.status !== 200) throw new Error(`setting the roster of ${id} failed: ${r.status} ${JSON.stringify(r.json)}`);
  }
  await call(baseUrl, 'POST', '/api/v1/auth/logout', token);
  return created;
}
