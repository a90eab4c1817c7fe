import { openDatabase, type Database } from '../../platform/database';
import { named } from '../../platform/namedStatement';
import { BOTH_DATABASES } from './support/bothDatabases';

/**
 * Named statements (platform/namedStatement.ts): PostgreSQL prepares one once per connection and reuses it;
 * the embedded database runs its text. Either way the answers are those of the text run plainly, in a
 * transaction too, and with other parameters on the next call.
 */
describe.each(BOTH_DATABASES)('named statements (%s)', (name, open) => {
  let db: Database;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(async () => {
    await db.close();
  });

  test('answer as the plain text does, call after call and inside a transaction', async () => {
    const statement = named('SELECT $1::int + 1 AS n, $2::text AS label');
    expect(await db.query(statement, [1, 'a'])).toEqual(await db.query(statement.text, [1, 'a']));
    expect(await db.query(statement, [41, '第二次'])).toEqual([{ n: 42, label: '第二次' }]);
    expect(await db.transaction((sql) => sql.query(statement, [2, 'tx']))).toEqual([{ n: 3, label: 'tx' }]);
  });

  test('one name per text, the same statement for the same text', () => {
    expect(named('SELECT 1')).toBe(named('SELECT 1'));
    expect(named('SELECT 1').name).not.toBe(named('SELECT 2').name);
    expect(named('SELECT 1').name).toMatch(/^lr_[0-9a-f]{32}$/);
  });

  if (name === 'PostgreSQL') {
    test('PostgreSQL prepares it once on a connection and reuses it there', async () => {
      // One connection, so the statement and the view of prepared statements are on the same session.
      const one = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL!, dataDir: '/tmp', poolMax: 1 });
      try {
        const statement = named('SELECT count(*)::int AS n FROM matter WHERE id = $1');
        for (const id of ['a', 'b', 'c']) expect(await one.query(statement, [id])).toEqual([{ n: 0 }]);
        const prepared = await one.query<{ name: string }>('SELECT name FROM pg_prepared_statements WHERE name = $1', [statement.name]);
        expect(prepared).toEqual([{ name: statement.name }]);
      } finally {
        await one.close();
      }
    });
  }
});
