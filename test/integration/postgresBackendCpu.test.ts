import { openDatabase, type Database } from '../../platform/database';
import { cpuMs, postgresBackendPids } from '../../bench/support/cpuAccounting';

/**
 * The benchmarks split PostgreSQL's CPU by database (bench/support/cpuAccounting.ts, postgresBackendPids): the
 * backend serving a connection is found by the database its process title names, on this machine's packaging.
 */
describe('PostgreSQL backends by database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL!, dataDir: '/tmp', poolMax: 1 });
  });
  afterAll(async () => {
    await db.close();
  });

  test("a connection's backend is found under its database and under no other", async () => {
    const [me] = await db.query<{ pid: number; database: string }>('SELECT pg_backend_pid() AS pid, current_database() AS database');
    expect(postgresBackendPids(me!.database)).toContain(me!.pid);
    expect(postgresBackendPids(`${me!.database}_not_this_one`)).not.toContain(me!.pid);
    // Its CPU is readable, and grows with the work it does for this connection.
    const before = cpuMs(me!.pid);
    await db.query('SELECT count(*) FROM generate_series(1, 3000000)');
    expect(cpuMs(me!.pid)).toBeGreaterThan(before);
  });
});
