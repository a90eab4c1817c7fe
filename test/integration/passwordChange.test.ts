import { useProcedureStack } from './support/drive';
import type { TestPerson } from './support/testSystem';
import { createApp } from '../../api/app';
import { CalendarStore } from '../../api/calendar/calendarStore';
import { defaultProcedureConfig } from '../../domain/procedure';
import { createLogger } from '../../platform/logger';

interface AdminEventRow { seq: number; type: string; actorId: string; target: string; at: string; data: Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A password an administrator sets is temporary. Before it, an admin could reset a retained lawyer's password, log
 * in as the lawyer and sign off a legality review with the key the server holds for them — visible in the admin
 * record, not prevented. Now the reset ends the lawyer's sessions, and a login with the temporary password can do
 * nothing but replace it (403 PASSWORD_CHANGE_REQUIRED everywhere else); the replacement needs that password, is
 * recorded as the holder's own event, and only then does the account act again. A new account's initial password,
 * and seeded demo people, are not forced. On the embedded database, whose demo people exist.
 */
describe('a password set by an administrator is temporary', () => {
  const stack = useProcedureStack(3, { embedded: true });

  const login = (username: string, password: string) => stack.http.post('/api/v1/auth/login', null, { username, password });
  const as = (p: TestPerson, token: string): TestPerson => ({ ...p, token });
  const eventsOf = async (userId: string) => {
    const res = await stack.http.get(`/api/v1/admin-events?target=user:${userId}`, stack.cast.auditor);
    expect(res.body.verification.valid).toBe(true);
    return res.body.items as AdminEventRow[];
  };

  test('an admin resets a lawyer\'s password: the lawyer\'s sessions end, the temporary password signs nothing until the lawyer has replaced it, and the record shows both', async () => {
    const { http, cast, drive, system } = stack;
    const lawyer = cast.lawyer;
    const id = await drive.toLegalityReview('normative_document', []);
    await drive.ok(id, cast.legal, { type: 'assign_lawyer', lawyerId: lawyer.id });
    // A second API instance (its own verified-token cache, as another process has) that has seen the lawyer's token.
    const app = createApp({ config: system.config, db: system.db, temporal: system.client, log: createLogger(system.config), procedureConfig: defaultProcedureConfig, calendars: new CalendarStore(system.db.prisma), temporalHealthy: async () => true, version: 'test', signingSecret: system.config.SIGNING_KEY_SECRET! });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const other = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const onOther = async (path: string, token: string) => {
      const res = await fetch(`${other}${path}`, { headers: { authorization: `Bearer ${token}` } });
      return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as Record<string, unknown> };
    };
    try {
      expect((await onOther('/api/v1/me', lawyer.token)).status).toBe(200);

      const reset = await http.patch(`/api/v1/users/${lawyer.id}`, cast.admin, { password: 'temporary-pass-1' });
      expect([reset.status, reset.body.passwordChangeRequired]).toEqual([200, true]);
      // Revoked: on this instance at once, on the other once its cache lets the token go (AUTH_CACHE_TTL_MS).
      expect((await http.get('/api/v1/me', lawyer)).status).toBe(401);
      const resetAt = Date.now();
      let otherStatus = 0;
      while ((otherStatus = (await onOther('/api/v1/me', lawyer.token)).status) === 200 && Date.now() - resetAt < system.config.AUTH_CACHE_TTL_MS + 2_000) await new Promise((r) => setTimeout(r, 100));
      expect(otherStatus).toBe(401);

      // Whoever knows the temporary password logs in — and can read and do nothing.
      const temp = await login(lawyer.username, 'temporary-pass-1');
      expect([temp.status, temp.body.passwordChangeRequired]).toEqual([200, true]);
      const withTemp = as(lawyer, temp.body.token as string);
      const read = await http.get(`/api/v1/matters/${id}`, withTemp);
      expect(read.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(read.body).toMatchObject({ status: 403, code: 'PASSWORD_CHANGE_REQUIRED' });
      const signed = await http.act(id, withTemp, { type: 'submit_lawyer_opinion', versionHash: await drive.hash(id), outcome: 'LAWFUL', text: '合法', checklist: [] });
      expect([signed.status, signed.body.code]).toEqual([403, 'PASSWORD_CHANGE_REQUIRED']);
      expect((await http.get('/api/v1/matters', withTemp)).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
      expect((await onOther(`/api/v1/matters/${id}`, withTemp.token)).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
      // Who-am-I answers (the web app shows the change form from it).
      expect((await http.get('/api/v1/me', withTemp)).body).toMatchObject({ userId: lawyer.id, passwordChangeRequired: true });
      expect((await http.get(`/api/v1/matters/${id}/signoffs`, cast.legal)).body.items).toEqual([]);

      // The change needs the temporary password, a different new one, the password rules; each refusal names its field.
      const change = (who: TestPerson, currentPassword: string, newPassword: string) => http.post('/api/v1/auth/password', who, { currentPassword, newPassword });
      const wrong = await change(withTemp, 'not-the-temporary-one', 'lawyers-own-pass-1');
      expect(wrong.body).toMatchObject({ status: 400, code: 'wrong_password', errors: [{ field: 'body.currentPassword' }] });
      const same = await change(withTemp, 'temporary-pass-1', 'temporary-pass-1');
      expect(same.body).toMatchObject({ status: 400, code: 'invalid_input', errors: [{ field: 'body.newPassword', message: 'must differ from the current password' }] });
      const short = await change(withTemp, 'temporary-pass-1', 'short');
      expect(short.body).toMatchObject({ status: 400, errors: [{ field: 'body.newPassword' }] });
      expect((await http.get('/api/v1/me', withTemp)).body.passwordChangeRequired).toBe(true);

      const changed = await change(withTemp, 'temporary-pass-1', 'lawyers-own-pass-1');
      expect([changed.status, changed.body.passwordChangeRequired]).toEqual([200, false]);
      // Every token issued under the temporary password is gone (its setter may hold one); the answer's token works everywhere at once.
      expect((await http.get('/api/v1/me', withTemp)).status).toBe(401);
      expect((await login(lawyer.username, 'temporary-pass-1')).status).toBe(401);
      const own = as(lawyer, changed.body.token as string);
      expect((await onOther(`/api/v1/matters/${id}`, own.token)).status).toBe(200);
      expect((await login(lawyer.username, 'lawyers-own-pass-1')).body.passwordChangeRequired).toBe(false);

      // The lawyer acts again, in their own name.
      cast.lawyer.token = own.token;
      await drive.lawyerSigns(id);
      expect((await http.get(`/api/v1/matters/${id}/signoffs`, cast.legal)).body.items).toEqual([expect.objectContaining({ lawyerId: lawyer.id, outcome: 'LAWFUL' })]);
    } finally {
      server.close();
    }

    // The auditor reads: reset by the admin at T1, replaced by its holder at T2 (with where each came from).
    const [holders, admins] = await eventsOf(lawyer.id);
    expect(holders).toMatchObject({ type: 'password_changed', actorId: lawyer.id, target: `user:${lawyer.id}`, data: { userId: lawyer.id, username: lawyer.username, replacedTemporary: true, origin: { ip: expect.any(String), userAgent: expect.any(String) } } });
    expect(admins).toMatchObject({ type: 'user_changed', actorId: cast.admin.id, data: { changes: { passwordReset: true }, sessionsRevoked: true, origin: { ip: expect.any(String) } } });
    expect(Date.parse(admins!.at)).toBeLessThanOrEqual(Date.parse(holders!.at));
    expect(JSON.stringify([holders, admins])).not.toMatch(/temporary-pass-1|lawyers-own-pass-1/);
  });

  test('an account an administrator creates acts at once (nobody used it, nobody to impersonate); the holder changes the password later with the current one', async () => {
    const { http, cast } = stack;
    const username = `clerk-${Date.now()}`;
    const created = await http.post('/api/v1/users', cast.admin, { username, displayName: '新同事', password: 'initial-pass-1', roles: ['drafter'], sectionId: 'market' });
    expect([created.status, created.body.passwordChangeRequired]).toEqual([201, false]);
    const first = await login(username, 'initial-pass-1');
    expect(first.body.passwordChangeRequired).toBe(false);
    const clerk: TestPerson = { id: created.body.id as string, username, password: 'initial-pass-1', token: first.body.token as string };
    expect((await http.get('/api/v1/matters', clerk)).status).toBe(200);

    // By choice: the current password required, no flag set.
    expect((await http.post('/api/v1/auth/password', clerk, { currentPassword: 'wrong-pass-1', newPassword: 'clerks-own-pass-1' })).body.code).toBe('wrong_password');
    const voluntary = await http.post('/api/v1/auth/password', clerk, { currentPassword: 'initial-pass-1', newPassword: 'clerks-own-pass-1' });
    expect([voluntary.status, voluntary.body.passwordChangeRequired]).toEqual([200, false]);
    expect((await http.get('/api/v1/matters', clerk)).status).toBe(401); // every token replaced
    expect((await http.get('/api/v1/matters', as(clerk, voluntary.body.token as string))).status).toBe(200);

    const events = await eventsOf(clerk.id);
    expect(events.map((e) => [e.type, e.actorId, e.data.replacedTemporary])).toEqual([
      ['password_changed', clerk.id, false],
      ['user_created', cast.admin.id, undefined],
    ]);
  });

  test('seeded demo people are not forced, nor is an administrator setting their own password', async () => {
    const { http, cast } = stack;
    const demo = await login('lawyer', 'demo');
    expect([demo.status, demo.body.passwordChangeRequired]).toEqual([200, false]);
    const demoLawyer: TestPerson = { id: 'user-lawyer', username: 'lawyer', password: 'demo', token: demo.body.token as string };
    expect((await http.get('/api/v1/matters', demoLawyer)).status).toBe(200);
    expect((await http.get('/api/v1/me', demoLawyer)).body.passwordChangeRequired).toBe(false);

    expect((await http.patch(`/api/v1/users/${cast.admin.id}`, cast.admin, { password: 'admins-own-pass-1' })).body.passwordChangeRequired).toBe(false);
    const admin = await login(cast.admin.username, 'admins-own-pass-1');
    expect(admin.body.passwordChangeRequired).toBe(false);
    expect((await http.get('/api/v1/users', as(cast.admin, admin.body.token as string))).status).toBe(200);
    cast.admin.token = admin.body.token as string;
  });
});
