import { openDatabase, type Database } from '../../platform/database';
import { cpuMs, postgresBackendPids, postgresDatabaseCpu } from '../../bench/support/cpuAccounting';

/**
 * The benchmarks split PostgreSQL's CPU by database (bench/support/cpuAccounting.ts): the backend serving a
 * connection is found by the database its process title names, on this machine's packaging, and a database's
 * CPU does not fall when a pool closes a connection.
 */
describe('PostgreSQL backends by database', () => {
  const url = () => process.env.TEST_DATABASE_URL!;
  const open = () => openDatabase({ databaseUrl: url(), dataDir: '/tmp', poolMax: 1 });
  const busy = (db: Database) => db.query('SELECT count(*) FROM generate_series(1, 3000000)');
  let db: Database;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(async () => {
    await db.close();
  });

  test("a connection's backend is found under its database and under no other, with its CPU", async () => {
    const [me] = await db.query<{ pid: number; database: string }>('SELECT pg_backend_pid() AS pid, current_database() AS database');
    expect(postgresBackendPids(me!.database)).toContain(me!.pid);
    expect(postgresBackendPids(`${me!.database}_not_this_one`)).not.toContain(me!.pid);
    const before = cpuMs(me!.pid);
    await busy(db);
    expect(cpuMs(me!.pid)).toBeGreaterThan(before);
  });

  test("a database's CPU keeps what a closed connection's backend had used", async () => {
    const [here] = await db.query<{ database: string }>('SELECT current_database() AS database');
    const database = here!.database;
    const group = postgresDatabaseCpu(database);
    const other = await open();
    const [its] = await other.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const pid = its!.pid;
    await busy(other);
    const withIt = group.measure!();
    const itsOwn = cpuMs(pid);
    expect(itsOwn).toBeGreaterThan(0);
    await other.close();
    // Until the backend has exited, and after.
    for (let i = 0; i < 250 && postgresBackendPids(database).includes(pid); i++) await new Promise((r) => setTimeout(r, 20));
    expect(postgresBackendPids(database)).not.toContain(pid);
    expect(group.measure!()).toBeGreaterThanOrEqual(withIt);
  });
});
