import { person, useTestSystem } from './support/testSystem';

describe('the working-day calendar endpoint', () => {
  // Its own embedded database: the holiday years it loads must not reach the other test files, which share
  // the PostgreSQL one and may run at the same time.
  const stack = useTestSystem({ embedded: true });

  const due = async (from: string, add: number) => (await stack.http.get(`/api/v1/calendar/working-days?from=${from}&add=${add}`, null)).body.due;

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

  test('answers whether the due date is provisional: only when the count reads a year without its notice', async () => {
    expect((await stack.http.get('/api/v1/calendar/working-days?from=2026-03-02&add=7', null)).body).toEqual({ due: '2026-03-11', provisional: false });
    // 2027 has no notice yet: computed from the 放假办法 (元旦 Fri 1 Jan, weekend), so Dec 31, Jan 4, Jan 5.
    expect((await stack.http.get('/api/v1/calendar/working-days?from=2026-12-30&add=3', null)).body).toEqual({ due: '2027-01-05', provisional: true });
    // 2027 春节: 除夕 Fri 5 Feb .. Wed 10 Feb (初一 and 初二 on the weekend, made up on Tue 9 and Wed 10).
    expect((await stack.http.get('/api/v1/calendar/working-days?from=2027-02-04&add=1', null)).body).toEqual({ due: '2027-02-11', provisional: true });
    const years = (await stack.http.get('/api/v1/calendar/years', null)).body;
    expect(years.items.map((y: { year: number }) => y.year)).toEqual([2024, 2025, 2026]);
    expect(years.provisional.map((y: { year: number; makeupWorkdays: string[] }) => [y.year, y.makeupWorkdays])).toEqual([[2027, []]]);
  });

  test('bad input is a 400 naming the field; beyond the provisional window a year is refused loudly, until an admin loads the notice', async () => {
    const bad = await stack.http.get('/api/v1/calendar/working-days?from=2025-02-30&add=1', null);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('query.from');
    expect((await stack.http.get('/api/v1/calendar/working-days?from=2025-02-03&add=-1', null)).body.errors[0].field).toBe('query.add');
    const beyond = await stack.http.get('/api/v1/calendar/working-days?from=2027-12-30&add=3', null);
    expect(beyond.status).toBe(422);
    expect(beyond.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(beyond.body.code).toBe('calendar_year_missing');
    expect(beyond.body.detail).toContain('provisional year is computed only up to 2027');
    const before = await stack.http.get('/api/v1/calendar/working-days?from=2023-12-28&add=1', null);
    expect([before.status, before.body.code]).toEqual([422, 'calendar_year_missing']);
    const admin = await person(stack.system, ['admin']);
    const drafter = await person(stack.system, ['drafter']);
    // Made up for the test (NOT the real notice): 元旦 Fri 1 – Sun 3 Jan, 春节 Fri 5 – Sat 13 Feb, Sun 14 Feb worked.
    const notice2027 = {
      notice: '国办发明电〔2026〕X号（示例）',
      off: [{ from: '2027-01-01', to: '2027-01-03', name: '元旦' }, { from: '2027-02-05', to: '2027-02-13', name: '春节' }],
      makeupWorkdays: ['2027-02-14'],
    };
    expect((await stack.http.put('/api/v1/calendar/years/2027', drafter, notice2027)).status).toBe(403);
    // The text is stored and printed: bounded, no control characters, lists of a sensible size — each a 400
    // naming the field, and nothing loaded.
    const badTexts: Array<[Record<string, unknown>, string]> = [
      [{ ...notice2027, notice: '国办发明电\u0007' }, 'body.notice'],
      [{ ...notice2027, notice: '国'.repeat(301) }, 'body.notice'],
      [{ ...notice2027, off: [{ ...notice2027.off[0], name: '元旦\u0000' }, notice2027.off[1]] }, 'body.off.0.name'],
      [{ ...notice2027, off: [notice2027.off[0], { ...notice2027.off[1], name: '春'.repeat(101) }] }, 'body.off.1.name'],
      [{ ...notice2027, off: Array.from({ length: 61 }, () => notice2027.off[0]) }, 'body.off'],
      [{ ...notice2027, remarks: ['说明\u0007'] }, 'body.remarks.0'],
      [{ ...notice2027, remarks: ['说'.repeat(1001)] }, 'body.remarks.0'],
      [{ ...notice2027, remarks: Array.from({ length: 51 }, () => '说明') }, 'body.remarks'],
      [{ ...notice2027, makeupWorkdays: Array.from({ length: 61 }, () => '2027-02-14') }, 'body.makeupWorkdays'],
    ];
    for (const [body, field] of badTexts) {
      const bad = await stack.http.put('/api/v1/calendar/years/2027', admin, body);
      expect({ field, status: bad.status, code: bad.body.code, fields: bad.body.errors?.map((e: { field: string }) => e.field) }).toEqual({ field, status: 400, code: 'invalid_input', fields: [field] });
    }
    expect((await stack.http.get('/api/v1/calendar/years', null)).body.items.map((y: { year: number }) => y.year)).not.toContain(2027);
    const wrong = await stack.http.put('/api/v1/calendar/years/2027', admin, { ...notice2027, makeupWorkdays: ['2027-01-04'] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('body.makeupWorkdays.0'); // named as the schema's own errors are (body.off.0.name)
    expect((await stack.http.get('/api/v1/calendar/working-days?from=2027-02-04&add=1', null)).body).toEqual({ due: '2027-02-11', provisional: true });
    expect((await stack.http.put('/api/v1/calendar/years/2027', admin, notice2027)).status).toBe(200);
    // The notice replaces the provisional year: same date where they agree, the notice's where they differ.
    expect((await stack.http.get('/api/v1/calendar/working-days?from=2026-12-31&add=1', null)).body).toEqual({ due: '2027-01-04', provisional: false });
    expect((await stack.http.get('/api/v1/calendar/working-days?from=2027-02-04&add=1', null)).body).toEqual({ due: '2027-02-14', provisional: false });
    // The window moves on: 2028 is now the provisional year (元旦 Sat 1 Jan 2028, made up on Mon 3 Jan).
    expect((await stack.http.get('/api/v1/calendar/working-days?from=2027-12-30&add=2', null)).body).toEqual({ due: '2028-01-04', provisional: true });
    expect((await stack.http.get('/api/v1/calendar/years', null)).body.provisional.map((y: { year: number }) => y.year)).toEqual([2028]);
  });
});
