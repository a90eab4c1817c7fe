import { DriverAdapterError, isDriverAdapterError, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

/**
 * pglite-prisma-adapter reports a unique violation as a raw postgres error (code 23505), so Prisma does
 * not turn it into P2002 as it does on PostgreSQL. Idempotency relies on P2002 (a retried action hits the
 * unique key and is recognised), so the embedded database must speak the same language.
 */
export function withUniqueViolationMapped<F extends SqlMigrationAwareDriverAdapterFactory>(factory: F): F {
  return new Proxy(factory, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === 'connect' || prop === 'connectToShadowDb') {
        return async (...args: unknown[]) => wrapQueryable(await (value as (...a: unknown[]) => Promise<object>).apply(target, args));
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function wrapQueryable<T extends object>(queryable: T): T {
  return new Proxy(queryable, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (prop === 'queryRaw' || prop === 'executeRaw') {
        return async (...args: unknown[]) => {
          try {
            return await value.apply(target, args);
          } catch (err) {
            throw mapUniqueViolation(err);
          }
        };
      }
      if (prop === 'startTransaction') {
        return async (...args: unknown[]) => wrapQueryable(await value.apply(target, args));
      }
      return value.bind(target);
    },
  });
}

function mapUniqueViolation(err: unknown): unknown {
  // The adapter bundles its own copy of driver-adapter-utils, so recognise the error by shape, not class.
  if (err instanceof Error && isDriverAdapterError(err) && err.cause.kind === 'postgres' && err.cause.code === '23505') {
    const fields = err.cause.detail?.match(/Key \(([^)]+)\)/)?.[1]?.split(', ');
    return new DriverAdapterError({ kind: 'UniqueConstraintViolation', constraint: fields ? { fields } : undefined });
  }
  return err;
}
