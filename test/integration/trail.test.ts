import { Client } from 'pg';
import { api, startTestSystem } from './support/testSystem';
import { CHECKLIST, createCast, Driver, type Cast } from './support/drive';
import type { System } from '../../app/system';

/** Auditors must be able to trust the trail: any edit or deletion made directly in PostgreSQL shows. */
describe('the tamper-evident decision trail', () => {
  let system: System;
  let cast: Cast;
  let drive: Driver;
  let http: ReturnType<typeof api>;
  let sql: Client;
  let id: string;

  beforeAll(async () => {
    system = await startTestSystem();
    http = api(system);
    cast = await createCast(system, 0);
    drive = new Driver(http, cast);
    sql = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await sql.connect();
    id = await drive.toLegalityReview('normative_document', []);
    await drive.ok(id, cast.legal, { type: 'assign_lawyer', lawyerId: cast.lawyer.id });
    await drive.ok(id, cast.lawyer, { type: 'submit_lawyer_opinion', versionHash: await drive.hash(id), outcome: 'LAWFUL', text: '合法', checklist: CHECKLIST });
  });
  afterAll(async () => {
    await sql?.end();
    await system?.stop();
  });

  const verify = async () => (await http.get(`/api/v1/matters/${id}/trail/verify`, cast.auditor)).body;

  test('every entry names the person, role, action, version and workflow; the chain verifies', async () => {
    const trail = (await http.get(`/api/v1/matters/${id}/trail`, cast.auditor)).body.items;
    expect(trail.length).toBeGreaterThanOrEqual(8);
    expect(trail[0]).toMatchObject({ seq: 1, action: 'register', actorId: cast.drafter.id, actorRole: 'drafter', workflowId: `matter-${id}`, prevHash: '0'.repeat(64) });
    const opinion = trail.find((t: { action: string }) => t.action === 'submit_lawyer_opinion');
    expect(opinion).toMatchObject({ actorId: cast.lawyer.id, actorRole: 'lawyer', versionHash: await drive.hash(id) });
    expect(opinion.runId).toBeTruthy();
    expect(opinion.requestId).toBeTruthy();
    for (let i = 1; i < trail.length; i++) expect(trail[i].prevHash).toBe(trail[i - 1].hash);
    expect(await verify()).toEqual({ valid: true, entries: trail.length, firstBadEntry: null });
  });

  test('entries are typed by their kind: the summary, the command as accepted and the request\'s origin are kept and hashed', async () => {
    const trail = (await http.get(`/api/v1/matters/${id}/trail`, cast.auditor)).body.items;
    expect(trail[0]).toMatchObject({ action: 'register', summary: expect.stringContaining('登记'), command: null, origin: { ip: expect.stringMatching(/127\.0\.0\.1/), userAgent: expect.any(String) }, hashVersion: 2 });
    const opinion = trail.find((t: { action: string }) => t.action === 'submit_lawyer_opinion');
    expect(opinion).toMatchObject({ summary: expect.any(String), command: { type: 'submit_lawyer_opinion', outcome: 'LAWFUL', text: '合法' }, origin: { ip: expect.stringMatching(/127\.0\.0\.1/) } });
    expect(opinion.summary.length).toBeGreaterThan(0);
    expect(trail.some((t: { malformed?: string }) => t.malformed)).toBe(false);
    const doc = (await http.get('/api/v1/openapi.json', null)).body;
    expect(doc.components.schemas.TrailEntry).toBeDefined();

    // The new fields are covered by the hash: changing where a request came from is reported.
    const seq = opinion.seq as number;
    await sql.query(`UPDATE trail_entry SET origin_ip = '198.51.100.1' WHERE matter_id = $1 AND seq = $2`, [id, seq]);
    expect(await verify()).toMatchObject({ valid: false, firstBadEntry: { seq, reason: expect.stringContaining('edited') } });
    await sql.query('UPDATE trail_entry SET origin_ip = $3 WHERE matter_id = $1 AND seq = $2', [id, seq, opinion.origin.ip]);
    await sql.query(`UPDATE trail_entry SET summary = 'rewritten' WHERE matter_id = $1 AND seq = $2`, [id, seq]);
    expect(await verify()).toMatchObject({ valid: false, firstBadEntry: { seq } });
    await sql.query('UPDATE trail_entry SET summary = $3 WHERE matter_id = $1 AND seq = $2', [id, seq, opinion.summary]);
    expect((await verify()).valid).toBe(true);
  });

  test('an entry edited in the database is reported, and restoring it restores validity', async () => {
    const { rows } = await sql.query('SELECT reason FROM trail_entry WHERE matter_id = $1 AND seq = 3', [id]);
    await sql.query(`UPDATE trail_entry SET reason = 'quietly changed' WHERE matter_id = $1 AND seq = 3`, [id]);
    expect(await verify()).toMatchObject({ valid: false, firstBadEntry: { seq: 3, reason: expect.stringContaining('edited') } });
    await sql.query('UPDATE trail_entry SET reason = $2 WHERE matter_id = $1 AND seq = 3', [id, rows[0].reason]);
    expect((await verify()).valid).toBe(true);
    // Changing who acted is caught too.
    const actor = await sql.query('SELECT actor_id FROM trail_entry WHERE matter_id = $1 AND seq = 2', [id]);
    await sql.query(`UPDATE trail_entry SET actor_id = 'someone-else' WHERE matter_id = $1 AND seq = 2`, [id]);
    expect(await verify()).toMatchObject({ valid: false, firstBadEntry: { seq: 2 } });
    await sql.query('UPDATE trail_entry SET actor_id = $2 WHERE matter_id = $1 AND seq = 2', [id, actor.rows[0].actor_id]);
    expect((await verify()).valid).toBe(true);
  });

  test('deleting the newest entry is caught by the heads kept in the matter record and in the workflow', async () => {
    const last = await sql.query('SELECT * FROM trail_entry WHERE matter_id = $1 ORDER BY seq DESC LIMIT 1', [id]);
    await sql.query('DELETE FROM trail_entry WHERE id = $1', [last.rows[0].id]);
    const verdict = await verify();
    expect(verdict.valid).toBe(false);
    expect(verdict.firstBadEntry.reason).toMatch(/deleted/);
    // Even when the matter record's head is rewound as well, the workflow's own head still disagrees.
    await sql.query('UPDATE matter SET trail_head_seq = trail_head_seq - 1, trail_head_hash = (SELECT hash FROM trail_entry WHERE matter_id = $1 ORDER BY seq DESC LIMIT 1) WHERE id = $1', [id]);
    const again = await verify();
    expect(again.valid).toBe(false);
    expect(again.firstBadEntry.reason).toMatch(/workflow history/);
  });

  test('deleting an entry in the middle breaks the chain at that point', async () => {
    await sql.query('DELETE FROM trail_entry WHERE matter_id = $1 AND seq = 4', [id]);
    expect(await verify()).toMatchObject({ valid: false, firstBadEntry: { seq: 5 } });
  });

  test('the dossier does not certify a trail whose newest entries were deleted (same verification as /trail/verify)', async () => {
    const cut = await drive.toLegalityReview('normative_document', []);
    await sql.query('DELETE FROM trail_entry WHERE matter_id = $1 AND seq = (SELECT max(seq) FROM trail_entry WHERE matter_id = $1)', [cut]);
    const verdict = (await http.get(`/api/v1/matters/${cut}/trail/verify`, cast.auditor)).body;
    expect(verdict.valid).toBe(false);
    const dossier = (await http.get(`/api/v1/matters/${cut}/dossier`, cast.auditor)).body;
    expect(dossier.trailVerification).toEqual(verdict);
    const page = await (await fetch(`${system.apiUrl}/api/v1/matters/${cut}/dossier.html`, { headers: { authorization: `Bearer ${cast.auditor.token}` } })).text();
    expect(page).not.toContain('决策留痕完整');
    expect(page).toContain('决策留痕校验失败');
  });

  test('the dossier: JSON with verifications, the trail as CSV, a printable page', async () => {
    const other = await drive.toLegalityReview('normative_document', []);
    const dossier = (await http.get(`/api/v1/matters/${other}/dossier`, cast.auditor)).body;
    expect(dossier.trailVerification.valid).toBe(true);
    expect(dossier.versions[0]).toMatchObject({ number: 1, textIntact: true });
    const csv = await fetch(`${system.apiUrl}/api/v1/matters/${other}/dossier.csv`, { headers: { authorization: `Bearer ${cast.auditor.token}` } });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toContain('seq,at,actorId,actorRole,action');
    expect(lines).toHaveLength(dossier.trail.length + 1);
    const html = await fetch(`${system.apiUrl}/api/v1/matters/${other}/dossier.html`, { headers: { authorization: `Bearer ${cast.auditor.token}` } });
    const page = await html.text();
    expect(page).toContain('决策留痕完整');
    expect(page).toContain(dossier.versions[0].sha256);
  });
});
