import { useProcedureStack } from './support/drive';
import { LAW_FIRM_ID } from '../../api/people/demoPeople';

/**
 * What administrators change outside any matter is recorded as typed events in one hash chain, each in the
 * transaction of its change; auditors (and admins) read it with the chain's verdict. On the embedded database:
 * the file loads a holiday notice and edits the chain on purpose, which no other test file should see.
 */
describe("the administrators' event chain", () => {
  const stack = useProcedureStack(3, { embedded: true });

  test('people, roles, an unlock, the retainer, a roster and a holiday notice: each recorded once, with who did it; a refused change records nothing; an edit shows', async () => {
    const { http, cast } = stack;
    const events = async () => (await http.get('/api/v1/admin-events?limit=1000', cast.auditor)).body as { items: Array<{ seq: number; type: string; actorId: string; target: string; data: Record<string, any>; requestId: string | null }>; verification: { valid: boolean; events: number; firstBad?: { seq: number; reason: string } } }; // eslint-disable-line @typescript-eslint/no-explicit-any
    const before = (await events()).verification.events;

    const created = await http.post('/api/v1/users', cast.admin, { username: `clerk-${Date.now()}`, displayName: '新同事', password: 'a-long-password-1', roles: ['drafter'], sectionId: 'market' });
    expect(created.status).toBe(201);
    const userId = created.body.id as string;
    expect((await http.patch(`/api/v1/users/${userId}`, cast.admin, { roles: ['drafter', 'legal_unit'], password: 'another-password-2' })).status).toBe(200);
    // Refused (an unknown section): no change, no event.
    expect((await http.patch(`/api/v1/users/${userId}`, cast.admin, { sectionId: 'no-such-section' })).status).toBe(400);
    // Refused (separation of duties): an administrator's account holds no other role, and nobody changes their own standing.
    const mixed = await http.patch(`/api/v1/users/${userId}`, cast.admin, { roles: ['admin', 'legal_unit'] });
    expect([mixed.status, mixed.body.errors?.[0]?.field]).toEqual([400, 'body.roles']);
    const self = await http.patch(`/api/v1/users/${cast.admin.id}`, cast.admin, { roles: ['admin', 'auditor'] });
    expect(self.status).toBe(400);
    const ownSection = await http.patch(`/api/v1/users/${cast.admin.id}`, cast.admin, { sectionId: 'market' });
    expect(ownSection.body).toMatchObject({ status: 403, code: 'SELF_CHANGE', errors: [{ field: 'body.sectionId' }] });
    expect((await http.post(`/api/v1/users/${userId}/unlock`, cast.admin)).status).toBe(200);
    expect((await http.patch(`/api/v1/organisations/${LAW_FIRM_ID}`, cast.admin, { contractFrom: '2024-01-01', contractTo: '2027-12-31' })).status).toBe(200);
    expect((await http.put('/api/v1/meeting-bodies/audit-body', cast.admin, { kind: 'director_office_meeting', name: '局长办公会（审计测试）', members: [{ userId: cast.members[0]!.id, from: '2020-01-01' }] })).status).toBe(200);
    const notice = { notice: '国办发明电〔2026〕X号（示例）', off: [{ from: '2027-01-01', to: '2027-01-03', name: '元旦' }], makeupWorkdays: ['2027-02-14'] };
    expect((await http.put('/api/v1/calendar/years/2027', cast.admin, notice)).status).toBe(200);

    const after = await events();
    expect(after.verification).toEqual({ valid: true, events: before + 6 });
    const mine = after.items.slice(0, 6).reverse();
    expect(mine.map((e) => e.type)).toEqual(['user_created', 'user_changed', 'user_unlocked', 'organisation_changed', 'meeting_body_set', 'calendar_year_loaded']);
    expect(mine.every((e) => e.actorId === cast.admin.id && e.requestId)).toBe(true);
    expect(mine[1]).toMatchObject({ target: `user:${userId}`, data: { changes: { roles: { from: ['drafter'], to: ['drafter', 'legal_unit'] }, passwordReset: true }, sessionsRevoked: true } });
    expect(JSON.stringify(mine)).not.toContain('another-password-2');
    expect(mine[4]!.data).toMatchObject({ bodyId: 'audit-body', created: true, previousMembers: [] });
    expect(mine[5]!.data).toMatchObject({ year: 2027, replaced: false, offRanges: 1, makeupWorkdays: 1 });
    // One target's history.
    const forUser = (await http.get(`/api/v1/admin-events?target=user:${userId}`, cast.admin)).body.items as Array<{ type: string }>;
    expect(forUser.map((e) => e.type)).toEqual(['user_unlocked', 'user_changed', 'user_created']);

    // Auditors and admins only.
    for (const who of [cast.drafter, cast.legal, cast.lawyer, cast.secretary]) expect((await http.get('/api/v1/admin-events', who)).status).toBe(403);
    expect((await http.get('/api/v1/admin-events?limit=0', cast.auditor)).status).toBe(400);

    // Someone with the database edits a role change after the fact: the chain says which event.
    const edited = mine[1]!;
    await stack.system.db.query(`UPDATE admin_event SET data = jsonb_set(data, '{changes,roles,to}', '["drafter"]') WHERE seq = $1`, [edited.seq]);
    expect((await events()).verification).toMatchObject({ valid: false, firstBad: { seq: edited.seq, reason: 'its content does not match its hash (edited)' } });
  });
});
