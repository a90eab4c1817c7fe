import { classifyDatabaseError, isUniqueViolation } from '../../../platform/databaseErrors';

/** Errors as each layer raises them: idempotency (a retried write answering from the stored one) depends on these. */
describe('isUniqueViolation', () => {
  test.each([
    ['Prisma P2002', { code: 'P2002' }],
    ['node-postgres / PGlite SQLSTATE 23505', { code: '23505', severity: 'ERROR' }],
    ['a Prisma raw query (P2010) carrying 23505', { code: 'P2010', meta: { code: '23505' } }],
    ['a driver adapter error', { name: 'PrismaClientKnownRequestError', code: 'P9999', meta: { driverAdapterError: { kind: 'UniqueConstraintViolation' } } }],
    ['nested as a cause', new Error('wrapped', { cause: { code: '23505' } })],
  ])('%s is one', (_label, err) => expect(isUniqueViolation(err)).toBe(true));

  test.each([
    ['a foreign key violation', { code: '23503' }],
    ['a raw query failing otherwise', { code: 'P2010', meta: { code: '22P05' } }],
    ['a connection error', Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' })],
    ['not an error', 'duplicate key'],
    ['null', null],
  ])('%s is not', (_label, err) => expect(isUniqueViolation(err)).toBe(false));
});

describe('classifyDatabaseError on driver errors (the action writes go through the driver)', () => {
  test('a terminated backend is transient, a NUL in jsonb is data, a duplicate is a constraint', () => {
    expect(classifyDatabaseError({ code: '57P01', severity: 'FATAL' })).toBe('transient');
    expect(classifyDatabaseError({ code: '22P05', severity: 'ERROR' })).toBe('data');
    expect(classifyDatabaseError({ code: '23505', severity: 'ERROR' })).toBe('constraint');
  });
});
