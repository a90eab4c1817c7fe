import type { Sql } from '../../../platform/database';
import { sqlText } from '../../../platform/namedStatement';
import { assignments, insertMatter, insertRow, TRAIL_ENTRY_COLUMNS, updateMatter } from '../../../activities/sqlRows';

function recorder(): Sql & { calls: Array<{ sql: string; params: unknown[] }> } {
  const calls: Array<{ sql: string; params: unknown[] }> = [];
  return { calls, query: async (sql, params = []) => (calls.push({ sql: sqlText(sql), params }), []) };
}

describe('rows written through the driver, as Prisma wrote them', () => {
  test('an insert names the mapped columns, casts each kind and leaves undefined values out', async () => {
    const sql = recorder();
    await insertRow(sql, 'trail_entry', TRAIL_ENTRY_COLUMNS, { id: 'm:1', seq: 1, before: null, after: { stage: 'research' }, at: '2026-11-30T06:00:00.123Z', reason: undefined });
    expect(sql.calls).toEqual([{
      sql: "INSERT INTO trail_entry (id, seq, before, after, at) VALUES ($1::text, $2::int, $3::jsonb, $4::jsonb, ($5::timestamptz AT TIME ZONE 'UTC'))",
      // JSON null is SQL NULL (Prisma's DbNull); JSON goes as its text, the instant as given.
      params: ['m:1', 1, null, '{"stage":"research"}', '2026-11-30T06:00:00.123Z'],
    }]);
  });

  test('arrays go as JSON text and become text[] in the database (one parameter type for both drivers)', async () => {
    const sql = recorder();
    await insertMatter(sql, { id: 'm', flags: ['ECON'], warnings: [] });
    expect(sql.calls[0]!.sql).toBe(
      "INSERT INTO matter (id, flags, warnings, created_at, updated_at) VALUES ($1::text, ARRAY(SELECT jsonb_array_elements_text($2::jsonb)), ARRAY(SELECT jsonb_array_elements_text($3::jsonb)), (now() AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC'))",
    );
    expect(sql.calls[0]!.params).toEqual(['m', '["ECON"]', '[]']);
  });

  test('an update numbers its parameters after the id and sets updated_at, as @updatedAt did', async () => {
    const sql = recorder();
    await updateMatter(sql, 'm', { stage: 'review', nextDueAt: null, trailHeadSeq: 3 });
    expect(sql.calls).toEqual([{
      sql: "UPDATE matter SET stage = $2::text, next_due_at = ($3::timestamptz AT TIME ZONE 'UTC'), trail_head_seq = $4::int, updated_at = (now() AT TIME ZONE 'UTC') WHERE id = $1",
      params: ['m', 'review', null, 3],
    }]);
    expect(assignments(TRAIL_ENTRY_COLUMNS, { hash: 'h' }, 7)).toEqual({ text: 'hash = $7::text', params: ['h'] });
  });

  test('a property without a column is a bug, not a silently dropped value', async () => {
    await expect(insertRow(recorder(), 'trail_entry', TRAIL_ENTRY_COLUMNS, { nope: 1 })).rejects.toThrow('no column for nope');
  });
});
