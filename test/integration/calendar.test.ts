import { api, person, startTestSystem } from './support/testSystem';
import type { System } from '../../app/system';

describe('the working-day calendar endpoint', () => {
  let system: System;
  let http: ReturnType<typeof api>;
  beforeAll(async () => {
    system = await startTestSystem();
    http = api(system);
  });
  afterAll(async () => {
    await system?.stop();
  });

  const due = async (from: string, add: number) => (await http.get(`/api/v1/calendar/working-days?from=${from}&add=${add}`, null)).body.due;

  test.each([
    // Each checked by hand against the State Council notices (调休上班 make-up days count as working days).
    ['2024-02-09', 1, '2024-02-18'], // 春节 2024-02-10..17 off (02-09 除夕 was a working day), Sun 02-18 a make-up working day
    ['2024-09-30', 1, '2024-10-08'], // 国庆 10-01..07 off
    ['2024-10-11', 1, '2024-10-12'], // Sat 2024-10-12 a make-up working day
    ['2025-01-24', 1, '2025-01-26'], // Sun 2025-01-26 a make-up working day before 春节
    ['2025-09-30', 1, '2025-10-09'], // 国庆+中秋 2025-10-01..08 off
    ['2025-09-26', 1, '2025-09-28'], // Sun 2025-09-28 a make-up working day
    ['2025-12-31', 1, '2026-01-04'], // 元旦 2026-01-01..03 off, Sun 01-04 a make-up working day
    ['2026-09-30', 1, '2026-10-08'], // 国庆 2026-10-01..07 off
    ['2026-03-02', 7, '2026-03-11'], // an ordinary stretch: 7 working days
  ])('from %s add %i → %s', async (from, add, expected) => {
    expect(await due(from, add)).toBe(expected);
  });

  test('bad input is a 400 naming the field; a year without data is refused loudly, until an admin loads it', async () => {
    const bad = await http.get('/api/v1/calendar/working-days?from=2025-02-30&add=1', null);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('query.from');
    expect((await http.get('/api/v1/calendar/working-days?from=2025-02-03&add=-1', null)).body.errors[0].field).toBe('query.add');
    const missing = await http.get('/api/v1/calendar/working-days?from=2026-12-30&add=3', null);
    expect(missing.status).toBe(422);
    expect(missing.body.code).toBe('calendar_year_missing');
    const admin = await person(system, ['admin']);
    const drafter = await person(system, ['drafter']);
    const notice2027 = { notice: '国办发明电〔2026〕X号（示例）', off: [{ from: '2027-01-01', to: '2027-01-01', name: '元旦' }], makeupWorkdays: [] };
    expect((await http.put('/api/v1/calendar/years/2027', drafter, notice2027)).status).toBe(403);
    const wrong = await http.put('/api/v1/calendar/years/2027', admin, { ...notice2027, makeupWorkdays: ['2027-01-04'] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toMatch(/^body\.makeupWorkdays/);
    expect((await http.put('/api/v1/calendar/years/2027', admin, notice2027)).status).toBe(200);
    // 2026-12-31 (Thu) + 1 → 2027-01-01 is 元旦 → Mon 2027-01-04.
    expect(await due('2026-12-31', 1)).toBe('2027-01-04');
  });
});
